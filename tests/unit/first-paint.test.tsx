// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { interstitialWaitingDom, popupWaitingDom, type Say } from '@/components/first-paint';
import { Interstitial } from '@/components/interstitial/Interstitial';
import { InterstitialWaiting } from '@/components/interstitial/Waiting';
import { Waiting } from '@/components/popup/Waiting';
import { firstPaintFor } from '@/entrypoints/first-paint';
import { t } from '@/lib/i18n';
import { popupAddress } from '@/lib/popup-address';
import { dayStatus } from '@/lib/streak/day';

// What the first-paint script writes must be what the pages' first render writes, so the
// render takes the same elements over and nothing on screen moves.
const say: Say = (key, subs) => t(key, ...(subs ?? []));

function preactHtml(vnode: preact.VNode): string {
  const box = document.createElement('div');
  render(vnode, box);
  const html = box.innerHTML;
  render(null, box);
  return html;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the first paint, before the page code has loaded', () => {
  it("draws the popup's Waiting exactly, for any day and goal", () => {
    for (const [day, goalDays] of [
      [1, 30],
      [12, 30],
      [45, 30],
      [7, 90],
    ] as const) {
      const box = document.createElement('div');
      box.append(popupWaitingDom(document, { day, goalDays }, say));
      expect(box.innerHTML).toBe(preactHtml(<Waiting earlyDay={{ day, goalDays }} />));
      expect(box.querySelector('h1')?.textContent).toBe(`Day ${day}`);
    }
  });

  it("draws the interstitial's heading exactly, and nothing that can be pressed", () => {
    const box = document.createElement('div');
    box.append(interstitialWaitingDom(document, say));
    expect(box.innerHTML).toBe(preactHtml(<InterstitialWaiting />));
    expect(box.querySelector('h1')?.textContent).toBe(t('takeBreath'));
    expect(box.querySelector('button, a, input, textarea')).toBeNull();
  });

  it("is taken over in place by the popup's render: the same elements, not new ones", () => {
    const app = document.createElement('div');
    document.body.append(app);
    app.append(popupWaitingDom(document, { day: 12, goalDays: 30 }, say));
    const heading = app.querySelector('h1');
    const before = app.innerHTML;
    render(<Waiting earlyDay={{ day: 12, goalDays: 30 }} />, app);
    expect(app.querySelector('h1')).toBe(heading);
    expect(app.innerHTML).toBe(before);
    render(null, app);
  });

  it("is taken over in place by the interstitial's first render, which adds its way back", () => {
    const app = document.createElement('div');
    document.body.append(app);
    app.append(interstitialWaitingDom(document, say));
    const heading = app.querySelector('h1');
    render(
      <Interstitial
        target={null}
        summary={null}
        friction={null}
        looksRestart
        card={null}
        leaving={false}
        onAnotherCard={() => {}}
        onGoBack={() => {}}
        onContinue={() => Promise.resolve(null)}
        onSetup={() => {}}
      />,
      app,
    );
    expect(app.querySelector('h1')).toBe(heading);
    expect(app.querySelectorAll('h1')).toHaveLength(1);
    expect(app.querySelector('button')?.textContent).toBe(t('goBack'));
    render(null, app);
  });

  it('paints the popup only with a day its address still vouches for', () => {
    const now = Date.parse('2026-03-14T10:00:00Z');
    const status = dayStatus(
      { startDate: '2026-03-03', goalDays: 30, looksRestart: true },
      null,
      '2026-03-14',
    );
    const address = popupAddress(status, { from: now, until: now + 3_600_000 }, null);
    const search = new URL(address, 'https://x/').search;
    const painted = firstPaintFor(document, '/popup.html', search, now, say);
    expect((painted as Element | null)?.querySelector('.day-number')?.textContent).toBe('12');
    // An hour later the day may have changed: no early day, the popup waits for the numbers.
    expect(firstPaintFor(document, '/popup.html', search, now + 3_600_000, say)).toBeNull();
    expect(firstPaintFor(document, '/popup.html', '', now, say)).toBeNull();
  });

  it('paints the interstitial whatever its address, and no other page', () => {
    const painted = firstPaintFor(document, '/interstitial.html', '', 0, say) as Element;
    expect(painted.querySelector('h1')?.id).toBe('day-heading');
    expect(firstPaintFor(document, '/options.html', '', 0, say)).toBeNull();
  });
});
