import type { WxtBrowser as Browser } from 'wxt/browser';

/**
 * The page-side guard reads the running "allow once" allowances from session storage, which
 * only extension pages may read until it is opened to content scripts. Opening it is safe:
 * what else it holds (the badge's state, the check of the rules in force) says nothing
 * a listed profile's page could use, and content scripts run in an isolated world the page
 * cannot reach. Where the browser has no setAccessLevel (or refuses), the guard asks the
 * background instead.
 */
export function setupSessionAccess(browser: Browser) {
  const session = browser.storage.session as
    { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } | undefined;
  if (typeof session?.setAccessLevel !== 'function') return;
  session
    .setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })
    .catch((e: unknown) => console.error('No Contact: session storage stays closed to pages', e));
}
