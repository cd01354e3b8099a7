import type { WxtBrowser as Browser } from 'wxt/browser';

/**
 * The page-side guard reads the running "allow once" allowances from session storage, which
 * only extension pages may read until it is opened to content scripts. Session storage
 * holds nothing else.
 */
export function setupSessionAccess(browser: Browser) {
  browser.storage.session
    .setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })
    .catch((e: unknown) => console.error('No Contact: session storage stays closed to pages', e));
}
