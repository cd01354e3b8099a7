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
 *
 * The page's scripts see the same functions they would see without the guard, as far as
 * the browser allows (docs/privacy.md says what remains visible): each wrapper is a Proxy
 * of the browser's own function, so its name, length, missing `prototype`, property
 * descriptor and refusal of `new` are the browser's; Function.prototype.toString, itself
 * wrapped the same way, gives the browser's own text for every wrapper and for itself.
 * fetch, send and sendBeacon run their trap only while requests wait: once the document
 * is judged the trap is taken off, and a call goes straight to the browser's function.
 * Everything the wrappers use is taken before the page's first script runs, so a page
 * that replaces a built-in (URL, WeakMap.prototype.get, ...) does not see the guard call it.
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
    const apply = Reflect.apply as (f: unknown, self: unknown, args: ArrayLike<unknown>) => unknown;
    const then = Promise.prototype.then;
    const weakGet = WeakMap.prototype.get;
    const dispatch = EventTarget.prototype.dispatchEvent;
    const timeout = setTimeout;
    const clear = clearTimeout;
    const NativePromise = Promise;
    const NativeURL = URL;
    const NativeCustomEvent = CustomEvent;
    const NativeDOMException = DOMException;
    const NativeProxy = Proxy;
    const indexOf = String.prototype.indexOf;
    const split = String.prototype.split;
    const join = Array.prototype.join;

    const node = document.createElement('span');

    // This extension's origin, as Chromium writes it in stack traces (Firefox writes
    // "<anonymous code>" there instead, so nothing is found and nothing removed). An error
    // thrown through a wrapper loses the lines that name it, so that it reads as the
    // browser's own error would.
    const own = /(?:chrome|moz)-extension:\/\/[^/\s]+\//.exec(`${new Error().stack}`)?.[0];
    const scrub = (e: unknown) => {
      if (!own || typeof e !== 'object' || e === null) return;
      const stack = (e as { stack?: unknown }).stack;
      if (typeof stack !== 'string' || (apply(indexOf, stack, [own]) as number) < 0) return;
      const lines = apply(split, stack, ['\n']) as string[];
      const kept: string[] = [];
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        if ((apply(indexOf, line, [own]) as number) < 0) kept[kept.length] = line;
      }
      (e as { stack: string }).stack = apply(join, kept, ['\n']) as string;
    };
    const call = (f: unknown, self: unknown, args: ArrayLike<unknown>) => {
      try {
        return apply(f, self, args);
      } catch (e) {
        scrub(e);
        throw e;
      }
    };

    type Trap = (target: never, self: unknown, args: unknown[]) => unknown;

    /** Every wrapper, with the browser's function it stands for. */
    const natives = new WeakMap<object, unknown>();
    const disguise = <T extends object>(native: T, handler: ProxyHandler<T>): T => {
      const wrapper = new NativeProxy(native, handler);
      natives.set(wrapper, native);
      return wrapper;
    };

    Function.prototype.toString = disguise(Function.prototype.toString, {
      apply: (target, self: unknown, args: unknown[]) =>
        call(target, apply(weakGet, natives, [self]) ?? self, args),
    });

    // The calls that wait while the document is judged: their traps go on while a gate
    // is up and come off when it opens.
    const waiting: { handler: ProxyHandler<object>; trap: Trap }[] = [];
    const waits = <T extends object>(native: T, trap: Trap): T => {
      const handler: ProxyHandler<object> = {};
      waiting.push({ handler, trap });
      return disguise(native, handler as ProxyHandler<T>);
    };
    const trapsOn = (on: boolean) => {
      for (const w of waiting) {
        if (on) w.handler.apply = w.trap;
        else delete w.handler.apply;
      }
    };

    let gate: Promise<void> | null = null;
    let open = () => {};
    const hold = () => {
      trapsOn(true);
      const opened = new NativePromise<void>((resolve) => {
        const timer = timeout(resolve, RELEASE_FAILSAFE_MS);
        open = () => {
          clear(timer);
          resolve();
        };
      });
      gate = apply(then, opened, [
        () => {
          gate = null;
          trapsOn(false);
        },
      ]) as typeof opened;
    };
    const afterGate = (run: () => unknown) => apply(then, gate, [run]) as Promise<unknown>;

    window.fetch = waits(window.fetch, (target, self, args) =>
      gate ? afterGate(() => call(target, self, args)) : call(target, self, args),
    );
    XMLHttpRequest.prototype.send = waits(XMLHttpRequest.prototype.send, (target, self, args) => {
      if (gate) void afterGate(() => call(target, self, args));
      else call(target, self, args);
    });
    Navigator.prototype.sendBeacon = waits(Navigator.prototype.sendBeacon, (target, self, args) => {
      if (!gate) return call(target, self, args);
      void afterGate(() => call(target, self, args));
      return true;
    });

    hold();
    node.addEventListener(RELEASE, () => open());
    window.addEventListener('pagehide', (e) => {
      if (e.persisted) hold();
    });

    const history = History.prototype;
    for (const name of ['pushState', 'replaceState'] as const) {
      const route = (target: unknown, self: unknown, args: unknown[]) => {
        const url = args[2];
        if (args.length < 3 || url === undefined || url === null) {
          return apply(target, self, args);
        }
        // Converted here, once each and in the browser's order, and handed on as text, so
        // a page's own toString runs as often as it would without the guard.
        const unused = `${args[1] as string}`;
        const text = `${url as string}`;
        let address: string;
        try {
          address = new NativeURL(text, location.href).href;
        } catch {
          // Not an address: the browser's own function refuses it with its own error.
          return apply(target, self, [args[0], unused, text]);
        }
        const query = new NativeCustomEvent(ROUTE_QUERY, { detail: address, cancelable: true });
        if (!apply(dispatch, node, [query])) {
          // The site's own code sees this error: it says what any aborted navigation says
          // and does not name the extension.
          throw new NativeDOMException('The operation was aborted.', 'AbortError');
        }
        return apply(target, self, [args[0], unused, text]);
      };
      history[name] = disguise(history[name], {
        apply: (target, self: unknown, args: unknown[]) =>
          call(route, undefined, [target, self, args]),
      });
    }

    /* eslint-enable @typescript-eslint/unbound-method */

    const announce = () =>
      document.dispatchEvent(new MouseEvent(CHANNEL_FROM_MAIN, { relatedTarget: node }));
    // Whichever half runs second completes the handshake.
    document.addEventListener(CHANNEL_FROM_ISOLATED, announce, { once: true });
    announce();
  },
});
