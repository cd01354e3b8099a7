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
  /**
   * Notes that a "Go back" is under way, for the page that comes next (see
   * cameBackFromGoBack in lib/interstitial-visits).
   */
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
