/**
 * What the blocked page (the interstitial) keeps about its visits, in the page's own web
 * storage: which card the next visit shows (localStorage), and whether a "Go back" is under
 * way in this tab (sessionStorage). The storage is passed in as a getter, since reaching
 * it can itself throw (storage disabled, or a sandboxed page); without it the page still
 * works, with a little less.
 */

/** What is used of localStorage or sessionStorage. */
export type WebStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage key: the number of visits so far, to show the next card each time. */
export const CARD_VISIT_KEY = 'nc.cardVisit';

/**
 * This visit's number, counted up in `webStorage`, so the same words do not greet the person
 * every time. Without storage, a random one.
 */
export function nextCardVisit(webStorage: () => WebStorage, random = Math.random): number {
  try {
    const s = webStorage();
    const n = Number(s.getItem(CARD_VISIT_KEY)) || 0;
    s.setItem(CARD_VISIT_KEY, String((n + 1) % 1_000_000));
    return n;
  } catch {
    return Math.floor(random() * 1000);
  }
}

/** sessionStorage key: when the last "Go back" started in this tab, and from which page. */
export const GOING_BACK_KEY = 'nc.goingBack';
/** A blocked page reached within this long of a "Go back" was reached by it. */
export const GOING_BACK_WINDOW_MS = 4000;

/** The session storage value for a "Go back" from `from` at `at`. */
export function goingBackMark(at: number, from: string): string {
  return JSON.stringify({ at, from });
}

/** Notes in `webStorage` that a "Go back" from `from` started at `at`. */
export function markGoingBack(webStorage: () => WebStorage, at: number, from: string): void {
  try {
    webStorage().setItem(GOING_BACK_KEY, goingBackMark(at, from));
  } catch {
    // Without session storage a chain of blocked entries just needs one more press.
  }
}

/** The mark of the last "Go back" in this tab, if any. */
export function readGoingBack(webStorage: () => WebStorage): string | null {
  try {
    return webStorage().getItem(GOING_BACK_KEY);
  } catch {
    return null;
  }
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
