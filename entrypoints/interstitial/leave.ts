/**
 * Leaving the blocked page: back to where the person was, or closing the tab when the
 * blocked page is all the tab has. The browser parts are passed in, so the order of
 * attempts can be tested without a browser.
 */

export interface LeaveDeps {
  /** Whether the tab has an earlier entry to go back to. */
  canGoBack: () => boolean;
  back: () => void;
  /** Closes this tab; false when that is not possible (e.g. not a tab, or refused). */
  closeTab: () => Promise<boolean>;
  /** Notes that a "Go back" is under way, for the page that comes next (see cameBackFromGoBack). */
  markGoingBack: () => void;
  wait: (ms: number) => Promise<void>;
}

export type LeaveResult = 'back' | 'closed' | 'stayed';

/**
 * How long a history.back() may take before the page concludes it did nothing. A real
 * back navigation unloads this page long before, so this only runs out when there was
 * nowhere to go.
 */
export const BACK_GRACE_MS = 1500;

/**
 * Goes back when the tab has history (the blocked page took the place of the profile's own
 * entry, so back is the page before it); otherwise, or if going back did nothing, closes
 * the tab. 'stayed' means neither worked and the page should show a neutral view.
 */
export async function leave(deps: LeaveDeps): Promise<LeaveResult> {
  if (deps.canGoBack()) {
    deps.markGoingBack();
    deps.back();
    await deps.wait(BACK_GRACE_MS);
    // Still here: the back navigation did not happen.
  }
  return (await deps.closeTab()) ? 'closed' : 'stayed';
}

/** Session storage key: when the last "Go back" started in this tab, and from which page. */
export const GOING_BACK_KEY = 'nc.goingBack';
/** A blocked page reached within this long of a "Go back" was reached by it. */
export const GOING_BACK_WINDOW_MS = 4000;

/** The session storage value for a "Go back" from `from` at `at`. */
export function goingBackMark(at: number, from: string): string {
  return JSON.stringify({ at, from });
}

/**
 * Whether this page (at address `here`) was reached by stepping back from another blocked
 * page, i.e. the entry before that one was a blocked profile too. Then it keeps going back
 * on its own, without logging a second urge: the person asked to leave, not to see another
 * blocked page. Arriving at the very page that went back (the forward button) does not
 * count, so forward stays possible.
 */
export function cameBackFromGoBack(
  navigationType: string | undefined,
  mark: string | null,
  now: number,
  here: string,
): boolean {
  if (navigationType !== 'back_forward' || mark === null) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(mark);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null) return false;
  const { at, from } = parsed as { at?: unknown; from?: unknown };
  if (typeof at !== 'number' || typeof from !== 'string' || from === here) return false;
  return now - at >= 0 && now - at < GOING_BACK_WINDOW_MS;
}

/** Resolves to `value` if `p` does not settle within `ms`; rejections become `value` too. */
export function withTimeout<T, F>(p: Promise<T>, ms: number, value: F): Promise<T | F> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(value), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(value);
      },
    );
  });
}
