// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/interstitial/App';
import { recognise } from '@/lib/profiles';
import { defaultSettings, SETTINGS_KEY } from '@/lib/settings';

const PROFILE = 'https://www.instagram.com/jamie.doe/';

/** Opens the page with `hash` after '#', with one listed profile and a running plan. */
async function open(hash: string) {
  history.replaceState(null, '', `/interstitial.html#${hash}`);
  const r = recognise(PROFILE);
  if (!r.ok) throw new Error('fixture');
  await fakeBrowser.storage.local.set({
    [SETTINGS_KEY]: {
      ...defaultSettings(),
      plan: { startDate: '2024-05-01', goalDays: 30, looksRestart: true },
      profiles: [{ ...r.profile, mode: 'block', addedAt: 1 }],
      // No pause, so a Continue would show at once if it were offered at all.
      friction: { pauseSeconds: 0, phraseRequired: false, allowMinutes: 10 },
    },
  });
  const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
  // A script that ran would call this (happy-dom has no alert of its own).
  const alert = vi.fn();
  Object.assign(window, { alert });
  const view = render(<App />);
  // Settings read: the line about the address is there.
  await waitFor(() => expect(document.querySelector('.eyebrow')).not.toBeNull());
  return { sent, alert, view };
}

beforeEach(() => {
  fakeBrowser.reset();
  document.title = 'Take a breath · No Contact';
});
afterEach(() => {
  cleanup();
});

const CRAFTED: [string, string][] = [
  ['javascript:', 'javascript:alert(1)'],
  ['javascript: around a listed profile', `javascript:location='${PROFILE}'`],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['markup', `<img src=x onerror="alert(1)"><b id=crafted>bold</b>`],
  ['encoded markup', encodeURIComponent('<img src=x onerror="alert(1)">')],
  ['100 KB', `${PROFILE}?q=${'A'.repeat(100_000)}`],
  ['an unlisted address', 'https://www.instagram.com/someone.else/'],
  ['nothing', ''],
];

describe('the interstitial opened with a crafted address', () => {
  for (const [what, hash] of CRAFTED) {
    it(`${what}: renders no markup from it, offers no Continue, sends nothing`, async () => {
      const { sent, alert, view } = await open(hash);
      expect(screen.getByRole('button', { name: 'Go back' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: /continue/i })).toBeNull();
      expect(
        view.container.querySelector('img, script, iframe, b, #crafted, [onerror]'),
      ).toBeNull();
      expect(view.container.textContent.length).toBeLessThan(2000);
      expect(document.title).toBe('Take a breath · No Contact');
      expect(alert).not.toHaveBeenCalled();
      expect(sent).not.toHaveBeenCalled();
    });
  }

  it('shows an unlisted http(s) address as short text only', async () => {
    await open(`https://www.instagram.com/someone.else/<b>x</b>?q=1`);
    const line = document.querySelector('.eyebrow')!;
    expect(line.textContent).toContain('instagram.com/someone.else/%3Cb%3Ex%3C/b%3E');
    expect(line.querySelector('b')).toBeNull();
  });

  it('the listed profile itself does offer Continue, and still sends nothing on its own', async () => {
    const { sent } = await open(PROFILE);
    await screen.findByRole('button', { name: 'Continue anyway' });
    // The platform only: never the handle or name, which would bring them to mind.
    expect(screen.getByText('A profile on your list · Instagram')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/jamie/i);
    expect(sent).not.toHaveBeenCalled();
  });
});
