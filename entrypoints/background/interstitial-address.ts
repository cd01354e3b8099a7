import type { WxtBrowser as Browser } from 'wxt/browser';

/** A Chromium extension ID: 32 letters from a to p. */
const CHROMIUM_ID = /^[a-p]{32}$/;

/**
 * The interstitial's address as the redirect rules name it: one that stays right across
 * browser restarts.
 *
 * Chrome: the interstitial is web-accessible with `use_dynamic_url`, so runtime.getURL gives
 * a per-session address (chrome-extension://<random GUID>/interstitial.html) that changes at
 * every browser start, while dynamic rules are kept from the last session. A rule naming the
 * last session's address sent a visit in the first second or two after launch, and every
 * restored tab, to "… is blocked" (ERR_BLOCKED_BY_CLIENT) until the background rewrote it.
 * The rules therefore name the fixed address, chrome-extension://<id>/interstitial.html:
 * when one of the extension's own redirect rules targets its own fixed address of a
 * `use_dynamic_url` resource, Chrome puts the current session's address in its place at
 * match time (GetNewUrl -> TransformToDynamicURLIfNecessary in
 * extensions/browser/api/web_request/web_request_api.cc). A site that asks for the fixed
 * address itself is still refused, so it still cannot tell the extension is installed
 * (tests/e2e/foundation.e2e.ts and restart.e2e.ts check both).
 *
 * Firefox: moz-extension://<UUID>/ is random for each installation and the same across
 * restarts, so runtime.getURL's address is kept as it is.
 */
export function fixedInterstitialUrl(sessionUrl: string, extensionId: string): string {
  let url: URL;
  try {
    url = new URL(sessionUrl);
  } catch {
    return sessionUrl;
  }
  if (url.protocol !== 'chrome-extension:' || !CHROMIUM_ID.test(extensionId)) return sessionUrl;
  if (url.host === extensionId) return sessionUrl;
  return `chrome-extension://${extensionId}${url.pathname}`;
}

/** The interstitial's address for the redirect rules (see fixedInterstitialUrl). */
export function ruleInterstitialUrl(browser: Pick<Browser, 'runtime'>): string {
  return fixedInterstitialUrl(browser.runtime.getURL('/interstitial.html'), browser.runtime.id);
}
