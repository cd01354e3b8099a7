/**
 * Every write of the stored settings (updateSettings, applying a backup, deleting
 * everything) runs under one lock, so two contexts never read the same settings, change
 * them differently, and have the second write drop the first's change (the options page
 * adding a profile while the background applies a due change, say).
 *
 * The Web Locks API is the lock for that: its locks are shared by every context of one
 * origin, the extension's service worker and its pages alike
 * (https://developer.mozilla.org/docs/Web/API/Web_Locks_API). Where there is none (Node,
 * which runs the unit tests, has no navigator.locks before version 22), writes queue within
 * the one context, which is all there is there.
 */

/** Runs `fn` once no other holder of the lock is running, and gives back what it gave. */
export type SettingsLock = <T>(fn: () => Promise<T>) => Promise<T>;

/** The Web Lock every settings write holds. */
export const SETTINGS_LOCK_NAME = 'no-contact.settings';

/** A lock that queues the calls of this one context: each waits for the one before. */
export function inProcessLock(): SettingsLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(
      () => fn(),
      () => fn(),
    );
    // A failed write must not stop the ones after it.
    tail = run.catch(() => undefined);
    return run;
  };
}

const inThisContext = inProcessLock();

/** The Web Lock named SETTINGS_LOCK_NAME when the context has Web Locks; else a queue. */
export const settingsLock: SettingsLock = async <T>(fn: () => Promise<T>): Promise<T> => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return inThisContext(fn);
  // request() resolves with what the callback's promise resolves to, once it let go.
  return await locks.request(SETTINGS_LOCK_NAME, () => fn());
};
