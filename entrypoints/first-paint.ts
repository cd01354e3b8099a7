import type { WxtBrowser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { interstitialWaitingDom, popupWaitingDom, type Say } from '@/components/first-paint';
import { browserMessagesReady } from '@/lib/messages-ready';
import { earlyDayFrom, POPUP_PAGE } from '@/lib/popup-address';

/** The interstitial's page, as the redirect rules and the guard name it. */
const INTERSTITIAL_PAGE = 'interstitial.html';

/**
 * What the page at `path` paints before its code has loaded, or null: the popup, the day
 * its address (`search`) carries when there is one to trust (see popupAddress); the
 * interstitial, its heading.
 */
export function firstPaintFor(
  doc: Document,
  path: string,
  search: string,
  now: number,
  say: Say,
): Node | null {
  const page = path.replace(/^\//, '');
  if (page === POPUP_PAGE) {
    const earlyDay = earlyDayFrom(search, now);
    return earlyDay ? popupWaitingDom(doc, earlyDay, say) : null;
  }
  if (page === INTERSTITIAL_PAGE) return interstitialWaitingDom(doc, say);
  return null;
}

/**
 * A page's first paint. The popup's and the interstitial's HTML run this small classic
 * script right after their #app, so what it writes is in the browser's first frame; their
 * module code, ten times larger, loads after that frame (see their main.tsx). The page's
 * first render then takes these elements over in place: Preact reuses the children it
 * finds in #app.
 *
 * It reads the browser's messages directly (both browsers have `chrome.i18n`), without the
 * polyfill. When the browser gives none, or they are another version's (see
 * loadFallbackMessages), it writes nothing, and the page's code reads the English file
 * and paints.
 */
export default defineUnlistedScript(() => {
  const ext = (globalThis as unknown as { chrome?: WxtBrowser }).chrome;
  const app = document.getElementById('app');
  if (!ext?.i18n || !app || app.firstChild || !browserMessagesReady(ext)) return;
  const say: Say = (key, subs) => ext.i18n.getMessage(key, subs);
  const first = firstPaintFor(document, location.pathname, location.search, Date.now(), say);
  if (!first) return;
  document.documentElement.lang = say('htmlLang');
  app.append(first);
});
