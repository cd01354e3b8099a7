// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrivateWindows } from '@/components/options/PrivateWindows';
import { Notices } from '@/components/options/Notices';
import { SituationCheck } from '@/components/options/SituationCheck';
import { Warnings } from '@/components/options/Warnings';
import { PlatformContext } from '@/components/platform-context';
import { Popup } from '@/components/popup/Popup';
import { platformFromOs, readPlatform, weaknessTextOn, type Platform } from '@/lib/platform';
import { weaknessText, type Weakness } from '@/lib/protection';
import { popupProps } from '../popup/summary-fixture';

afterEach(() => cleanup());

const PRIVATE: Weakness = { kind: 'private-windows', family: 'firefox' };
const HOSTS: Weakness = { kind: 'host-access', origins: ['*://*.instagram.com/*'] };

describe('the platform choice', () => {
  it('is Android only when the browser says so; anything else is a desktop', () => {
    expect(platformFromOs('android')).toBe('android');
    for (const os of ['linux', 'win', 'mac', 'cros', 'openbsd', 'fuchsia', '', undefined, 42])
      expect(platformFromOs(os)).toBe('desktop');
  });

  it('asks the browser once, and a question it cannot answer means a desktop', async () => {
    const ask = vi.fn(() => Promise.resolve({ os: 'android' }));
    expect(await readPlatform(ask)).toBe('android');
    expect(ask).toHaveBeenCalledTimes(1);
    expect(await readPlatform(() => Promise.resolve({ os: 'mac' }))).toBe('desktop');
    expect(await readPlatform(() => Promise.reject(new Error('no such API')))).toBe('desktop');
    expect(await readPlatform(undefined)).toBe('desktop');
  });
});

describe('words that name a browser’s menus', () => {
  it('are the desktop ones on a desktop, unchanged', () => {
    for (const w of [PRIVATE, HOSTS, { kind: 'no-profiles' } as const])
      expect(weaknessTextOn(w, 'desktop')).toEqual(weaknessText(w));
  });

  it('follow Firefox for Android’s menus there: private tabs, then site access', () => {
    const priv = weaknessTextOn(PRIVATE, 'android');
    expect(priv.title).toBe('Private tabs are not covered');
    expect(priv.body).toContain('private tab');
    expect(priv.body).toContain('⋮');
    expect(priv.body).toContain('"Allow in private browsing"');
    expect(priv.body).not.toContain('about:addons');
    const hosts = weaknessTextOn(HOSTS, 'android');
    expect(hosts.body).toContain('Allow access again');
    expect(hosts.body).toContain('Permissions');
    // Nothing else changes words.
    const none = { kind: 'no-profiles' } as const;
    expect(weaknessTextOn(none, 'android')).toEqual(weaknessText(none));
  });
});

function inPlatform(platform: Platform, node: preact.ComponentChildren) {
  return render(<PlatformContext.Provider value={platform}>{node}</PlatformContext.Provider>);
}

describe('the options page’s steps for private windows', () => {
  it('on Android: the menu’s Extensions list and its own switch, no about:addons', () => {
    const { container } = inPlatform(
      'android',
      <PrivateWindows allowed={false} browser="firefox" />,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('not allowed in private tabs yet');
    expect(text).toContain('Open the browser’s menu (⋮), then tap Extensions.');
    expect(text).toContain('Tap Manage extensions if you see it, then tap No Contact.');
    expect(text).toContain('Turn on Allow in private browsing.');
    expect(text).not.toContain('about:addons');
    expect(text).not.toContain('Run in Private Windows');
  });

  it('on a desktop Firefox: about:addons, as before', () => {
    const { container } = inPlatform(
      'desktop',
      <PrivateWindows allowed={false} browser="firefox" />,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('about:addons');
    expect(text).toContain('Run in Private Windows');
    expect(text).not.toContain('private tabs');
  });

  it('already allowed: says so in the platform’s words', () => {
    const { container } = inPlatform('android', <PrivateWindows allowed browser="firefox" />);
    expect(container.textContent).toBe(
      'No Contact already runs in private tabs. Nothing to do here.',
    );
  });

  it('the warnings on the options page follow the platform too', () => {
    const { container } = inPlatform(
      'android',
      <Warnings weaknesses={[HOSTS, PRIVATE]} onGrantAccess={() => undefined} />,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('doesn’t run in private tabs yet');
    expect(text).toContain('Manage extensions, No Contact and Permissions');
    expect(text).not.toContain('about:addons');
  });
});

describe('words that name the toolbar', () => {
  const texts = (platform: Platform) => {
    const { container } = inPlatform(
      platform,
      <>
        <SituationCheck
          value={{ longAgo: false, together: true, wronged: false }}
          onChange={() => undefined}
        />
        <Notices
          notices={[{ kind: 'modified-profiles-blocked', profiles: 1, pendingDropped: 0 }]}
          onDismiss={() => undefined}
        />
      </>,
    );
    const text = container.textContent ?? '';
    cleanup();
    return text;
  };

  it('point to the browser’s menu on Android, which has no toolbar', () => {
    const android = texts('android');
    expect(android).not.toContain('toolbar');
    expect(android.split('in the browser’s menu, ⋮, under Extensions').length).toBe(3);
    expect(texts('desktop').split('in the toolbar').length).toBe(3);
  });
});

describe('the popup on Android (a full-screen page)', () => {
  function renderPopup(platform: Platform | undefined) {
    const props = popupProps({ weaknesses: [PRIVATE], ...(platform ? { platform } : {}) });
    return render(<Popup {...props} />);
  }
  /** The order of the day, the warnings and the actions on the page. */
  const order = () =>
    [...document.querySelectorAll('.count, .warnings, .stats, .actions')].map((e) => e.className);

  it('shows the day, then any warning, at its top, in Android’s words', () => {
    renderPopup('android');
    expect(order()).toEqual(['count', 'warnings', 'stats', 'actions']);
    expect(screen.getByRole('heading', { name: 'Private tabs are not covered' })).toBeTruthy();
  });

  it('keeps the warnings below the actions on a desktop, as before', () => {
    renderPopup(undefined);
    expect(order()).toEqual(['count', 'stats', 'actions', 'warnings']);
    expect(screen.getByRole('heading', { name: 'Private windows are not covered' })).toBeTruthy();
  });
});
