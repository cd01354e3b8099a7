import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACK_GRACE_MS,
  leave,
  withTimeout,
  type LeaveDeps,
} from '@/entrypoints/interstitial/leave';

function deps(over: Partial<LeaveDeps> = {}) {
  const calls: string[] = [];
  const d: LeaveDeps = {
    canGoBack: () => true,
    back: () => calls.push('back'),
    closeTab: () => {
      calls.push('close');
      return Promise.resolve(true);
    },
    markGoingBack: () => calls.push('mark'),
    wait: (ms) => {
      calls.push(`wait ${ms}`);
      return Promise.resolve();
    },
    ...over,
  };
  return { d, calls };
}

describe('leave', () => {
  it('goes back when the tab has history, marking it first for the page that comes next', async () => {
    const { d, calls } = deps();
    // In the browser the page is gone before the wait ends; here it "returns", so the
    // fallback runs too: that is the case where back did nothing.
    await leave(d);
    expect(calls.slice(0, 3)).toEqual(['mark', 'back', `wait ${BACK_GRACE_MS}`]);
  });

  it('closes the tab when there is no history', async () => {
    const { d, calls } = deps({ canGoBack: () => false });
    expect(await leave(d)).toBe('closed');
    expect(calls).toEqual(['close']);
  });

  it('closes the tab when going back did nothing', async () => {
    const { d, calls } = deps();
    expect(await leave(d)).toBe('closed');
    expect(calls).toEqual(['mark', 'back', `wait ${BACK_GRACE_MS}`, 'close']);
  });

  it('stays (for a neutral page) when the tab cannot be closed either', async () => {
    const { d } = deps({ canGoBack: () => false, closeTab: () => Promise.resolve(false) });
    expect(await leave(d)).toBe('stayed');
  });
});

describe('withTimeout: a sleeping background never traps the person', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the answer when it comes in time', async () => {
    expect(await withTimeout(Promise.resolve('ok'), 1000, null)).toBe('ok');
  });

  it('gives up after the time, and on failure', async () => {
    vi.useFakeTimers();
    const never = new Promise<string>(() => undefined);
    const p = withTimeout(never, 1500, null);
    await vi.advanceTimersByTimeAsync(1500);
    expect(await p).toBeNull();
    expect(await withTimeout(Promise.reject(new Error('no receiver')), 1500, null)).toBeNull();
  });
});
