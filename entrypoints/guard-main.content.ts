import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  CHANNEL_FROM_ISOLATED,
  CHANNEL_FROM_MAIN,
  RELEASE,
  RELEASE_FAILSAFE_MS,
  ROUTE_QUERY,
} from '@/lib/guard/channel';
import { PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';

/**
 * The page-side guard's main-world half. It holds no list and decides nothing:
 * - until the isolated half has judged the current document (a few milliseconds, the time
 *   of one storage read), the page's own fetch, XMLHttpRequest and beacons wait, so a
 *   profile page a service worker served, or the back-forward cache restored, cannot send
 *   its data request or "seen" beacon before the interstitial replaces it;
 * - pushState / replaceState ask the isolated half synchronously and throw when told to
 *   stop, which ends the site's router handler before it fetches the profile's data.
 */
export default defineContentScript({
  matches: PLATFORM_HOST_PATTERNS,
  runAt: 'document_start',
  world: 'MAIN',
  allFrames: false,
  main() {
    // Wrapping the page's own methods is this half's whole purpose; each wrapper calls the
    // original with the page's `this`.
    /* eslint-disable @typescript-eslint/unbound-method */
    const node = document.createElement('span');

    let gate: Promise<void> | null = null;
    let open = () => {};
    const hold = () => {
      gate = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RELEASE_FAILSAFE_MS);
        open = () => {
          clearTimeout(timer);
          resolve();
        };
      }).then(() => {
        gate = null;
      });
    };
    hold();
    node.addEventListener(RELEASE, () => open());
    window.addEventListener('pagehide', (e) => {
      if (e.persisted) hold();
    });

    const nativeFetch = window.fetch;
    window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      return gate ? gate.then(() => nativeFetch.apply(this, args)) : nativeFetch.apply(this, args);
    };
    const nativeSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
      if (gate) void gate.then(() => nativeSend.call(this, body));
      else nativeSend.call(this, body);
    };
    const nativeBeacon = Navigator.prototype.sendBeacon;
    Navigator.prototype.sendBeacon = function (this: Navigator, url, data) {
      if (!gate) return nativeBeacon.call(this, url, data);
      void gate.then(() => nativeBeacon.call(this, url, data));
      return true;
    };

    const history = History.prototype;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name];
      history[name] = function (
        this: History,
        data: unknown,
        unused: string,
        url?: string | URL | null,
      ) {
        if (url !== undefined && url !== null) {
          const target = new URL(String(url), location.href).href;
          const query = new CustomEvent(ROUTE_QUERY, { detail: target, cancelable: true });
          if (!node.dispatchEvent(query)) {
            // The site's own code sees this error: it says what any aborted navigation says
            // and does not name the extension.
            throw new DOMException('The operation was aborted.', 'AbortError');
          }
        }
        return original.call(this, data, unused, url);
      };
    }

    /* eslint-enable @typescript-eslint/unbound-method */

    const announce = () =>
      document.dispatchEvent(new MouseEvent(CHANNEL_FROM_MAIN, { relatedTarget: node }));
    // Whichever half runs second completes the handshake.
    document.addEventListener(CHANNEL_FROM_ISOLATED, announce, { once: true });
    announce();
  },
});
