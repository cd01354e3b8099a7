import { describe, expect, it } from 'vitest';
import {
  CARD_VISIT_KEY,
  cameBackFromGoBack,
  GOING_BACK_KEY,
  GOING_BACK_WINDOW_MS,
  goingBackMark,
  markGoingBack,
  nextCardVisit,
  readGoingBack,
  type WebStorage,
} from '@/lib/interstitial-visits';

/** A web storage of plain strings, like localStorage. */
function memoryStorage(): WebStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

const unavailable = (): WebStorage => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

describe('nextCardVisit: each visit shows the next card', () => {
  it('counts the visits up in storage, starting from nothing', () => {
    const s = memoryStorage();
    expect([1, 2, 3].map(() => nextCardVisit(() => s))).toEqual([0, 1, 2]);
    expect(s.items.get(CARD_VISIT_KEY)).toBe('3');
  });

  it('starts again from an unreadable count, and wraps a huge one', () => {
    const s = memoryStorage();
    s.setItem(CARD_VISIT_KEY, 'not a number');
    expect(nextCardVisit(() => s)).toBe(0);
    s.setItem(CARD_VISIT_KEY, '999999');
    expect(nextCardVisit(() => s)).toBe(999_999);
    expect(s.items.get(CARD_VISIT_KEY)).toBe('0');
  });

  it('without storage, picks a card at random', () => {
    expect(nextCardVisit(unavailable, () => 0.5)).toBe(500);
    const full: WebStorage = {
      getItem: () => '4',
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(
      nextCardVisit(
        () => full,
        () => 0.25,
      ),
    ).toBe(250);
  });
});

describe('the Go back mark in session storage', () => {
  it('is written and read back under its key', () => {
    const s = memoryStorage();
    expect(readGoingBack(() => s)).toBeNull();
    markGoingBack(() => s, 1234, 'chrome-extension://id/interstitial.html#https://x.com/a');
    expect(s.items.get(GOING_BACK_KEY)).toBe(
      goingBackMark(1234, 'chrome-extension://id/interstitial.html#https://x.com/a'),
    );
    expect(readGoingBack(() => s)).toBe(s.items.get(GOING_BACK_KEY));
  });

  it('without storage, is neither written nor read, and nothing throws', () => {
    expect(() => markGoingBack(unavailable, 1, 'here')).not.toThrow();
    expect(readGoingBack(unavailable)).toBeNull();
  });
});

describe('cameBackFromGoBack: a chain of blocked entries', () => {
  const here = 'chrome-extension://id/interstitial.html#https://x.com/a';
  const before = 'chrome-extension://id/interstitial.html#https://x.com/b';
  const now = 1_000_000;

  it('keeps going back when this page was reached by a Go back from another blocked page', () => {
    expect(cameBackFromGoBack('back_forward', goingBackMark(now - 500, before), now, here)).toBe(
      true,
    );
  });

  it('does not for other navigations, old or missing marks, or the page that went back', () => {
    const mark = goingBackMark(now - 500, before);
    expect(cameBackFromGoBack('navigate', mark, now, here)).toBe(false);
    expect(cameBackFromGoBack('reload', mark, now, here)).toBe(false);
    expect(cameBackFromGoBack(undefined, mark, now, here)).toBe(false);
    expect(cameBackFromGoBack('back_forward', null, now, here)).toBe(false);
    expect(
      cameBackFromGoBack(
        'back_forward',
        goingBackMark(now - GOING_BACK_WINDOW_MS, before),
        now,
        here,
      ),
    ).toBe(false);
    // The forward button back to the very page that went back.
    expect(cameBackFromGoBack('back_forward', goingBackMark(now - 500, here), now, here)).toBe(
      false,
    );
    // A mark from the future (clock changed) or unreadable.
    expect(cameBackFromGoBack('back_forward', goingBackMark(now + 500, before), now, here)).toBe(
      false,
    );
    expect(cameBackFromGoBack('back_forward', '{not json', now, here)).toBe(false);
    expect(cameBackFromGoBack('back_forward', '"text"', now, here)).toBe(false);
  });
});
