import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import {
  allowedInTab,
  ALLOWANCES_KEY,
  isAllowanceEnded,
  parseAllowances,
  profilesWithAllowance,
} from '@/lib/guard/allowances';
import {
  CHANNEL_FROM_ISOLATED,
  CHANNEL_FROM_MAIN,
  RELEASE,
  ROUTE_QUERY,
} from '@/lib/guard/channel';
import { decide, type GuardState } from '@/lib/guard/decide';
import { request } from '@/lib/messaging';
import { PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';
import { parseSettings, SETTINGS_KEY } from '@/lib/settings';

/**
 * The page-side guard (isolated world). Network rules stop every request for a listed
 * profile, but an in-page route change sends no page request, a page a site's own service
 * worker serves never reaches the network, a back-forward cache restore sends nothing, and
 * no rule ever sees an address's fragment (where Telegram Web names the open chat): the
 * current document is judged by its whole address, fragment included (lib/match.ts).
 * This half holds the list and decides; the main-world half (guard-main.content.ts) holds
 * the page's own requests until the current document is judged, and refuses pushState /
 * replaceState to a listed profile.
 */
export default defineContentScript({
  matches: PLATFORM_HOST_PATTERNS,
  runAt: 'document_start',
  allFrames: false,
  main() {
    const state: GuardState & { allowances: ReturnType<typeof parseAllowances> } = {
      profiles: null,
      allowed: new Set(),
      pending: new Set(),
      allowances: [],
    };
    let tabId: number | null | undefined; // undefined: not asked yet
    let channel: EventTarget | null = null;
    let judged = false; // the current document has been judged and released
    const interstitial = browser.runtime.getURL('/interstitial.html');

    const showInterstitial = (url: string, replace: boolean) => {
      window.stop();
      const to = `${interstitial}#${url}`;
      if (replace) location.replace(to);
      else location.assign(to);
    };

    // Whether the allowances were readable here; where session storage is closed to
    // content scripts they come from the background instead (guard-hello).
    let allowancesKnown = false;

    const refreshAllowed = () => {
      const now = Date.now();
      const live = state.allowances.filter((a) => a.until > now);
      if (tabId === undefined) {
        state.allowed = new Set();
        state.pending = allowancesKnown
          ? profilesWithAllowance(live)
          : new Set((state.profiles ?? []).map((p) => p.id));
      } else {
        state.allowed = tabId === null ? new Set() : allowedInTab(live, tabId);
        state.pending = new Set();
      }
    };

    const askBackground = async () => {
      const res = await request((m) => browser.runtime.sendMessage(m), 'guard-hello', {}).catch(
        () => ({ tabId: null, allowances: [] }),
      );
      tabId = res.tabId;
      state.allowances = parseAllowances(res.allowances, Date.now());
      allowancesKnown = true;
      refreshAllowed();
    };

    const release = () => {
      judged = true;
      channel?.dispatchEvent(new Event(RELEASE));
    };

    /** Judges the current document: reached without a request when a service worker served it or it was restored. */
    const judgeCurrent = async () => {
      if (state.profiles === null) return;
      let d = decide(location.href, location.href, state);
      if (d.kind === 'navigate' && tabId === undefined) {
        // An allowance may run for this profile: learn whether this tab holds it.
        await askBackground();
        d = decide(location.href, location.href, state);
      }
      if (d.kind === 'pass') release();
      else showInterstitial(location.href, true);
    };

    const load = async (settings: unknown, allowances: unknown) => {
      state.profiles = parseSettings(settings).profiles;
      state.allowances = parseAllowances(allowances, Date.now());
      refreshAllowed();
      if (!allowancesKnown && state.profiles.length > 0) await askBackground();
      await judgeCurrent();
    };

    // Session storage is opened to content scripts by the background; where it cannot be
    // read here (Firefox ESR 153 did not expose it), the allowances come from the
    // background instead (load() asks it).
    const readAllowances = async (): Promise<unknown> => {
      try {
        const got = (await browser.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY];
        allowancesKnown = true;
        return got;
      } catch {
        return undefined;
      }
    };
    const readAndJudge = () =>
      Promise.all([browser.storage.local.get(SETTINGS_KEY), readAllowances()])
        .then(([s, a]) => load(s[SETTINGS_KEY], a))
        .catch(() => {
          // Unreadable storage: stay unsure (route changes go to the network rules) and
          // let the page's own requests go; the rules still stop the profile's addresses.
          release();
        });
    void readAndJudge();

    browser.runtime.onMessage.addListener((msg: unknown) => {
      // The background ends an allowance; where session storage is closed to content
      // scripts this message is how the guard hears of it.
      if (!isAllowanceEnded(msg)) return;
      tabId = undefined;
      allowancesKnown = false;
      refreshAllowed();
      if (judged) void judgeCurrent();
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[SETTINGS_KEY]) {
        state.profiles = parseSettings(changes[SETTINGS_KEY].newValue).profiles;
      } else if (area === 'session' && changes[ALLOWANCES_KEY]) {
        state.allowances = parseAllowances(changes[ALLOWANCES_KEY].newValue, Date.now());
        refreshAllowed();
      } else return;
      // A profile listed, or an allowance ended, while its page is open: judge it again.
      if (judged) void judgeCurrent();
    });

    // Clicks on links, before the site's own handlers turn them into in-page routes.
    window.addEventListener(
      'click',
      (e) => {
        if (e.defaultPrevented || e.button !== 0) return;
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab or window: the rules see it
        const a = e
          .composedPath()
          .find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
        if (!a || !a.href || (a.target && a.target !== '_self') || a.hasAttribute('download')) {
          return;
        }
        const d = decide(a.href, location.href, state);
        // Only a listed profile is stopped here. An unsure click goes on: if the site turns
        // it into pushState, the main-world half asks again and it goes to the network.
        if (d.kind === 'block') {
          e.preventDefault();
          e.stopImmediatePropagation();
          showInterstitial(a.href, false);
        }
      },
      true,
    );

    // Back and forward within a single-page app, and a change of the fragment alone (a link
    // to "#...", `location.hash = ...`): the address has already changed. Telegram Web keeps
    // the open chat in the fragment, which no network rule sees, so this is what stops a
    // listed chat opened there; browsers fire popstate for a fragment change too, but
    // hashchange is the event the platform promises for it.
    const judgeChangedAddress = (e: Event) => {
      const d = decide(location.href, '', state);
      if (d.kind === 'pass') return;
      e.stopImmediatePropagation();
      if (d.kind === 'block') showInterstitial(location.href, true);
      else location.reload();
    };
    window.addEventListener('popstate', judgeChangedAddress, true);
    window.addEventListener('hashchange', judgeChangedAddress, true);

    // A restore from the back-forward cache runs no new content script, and a page in the
    // cache may have missed storage changes (Firefox does not deliver them there): read
    // the list again and judge. The main-world half holds the page's requests from
    // pagehide until then.
    window.addEventListener('pageshow', (e) => {
      if (e.persisted) {
        tabId = undefined;
        allowancesKnown = false;
        void readAndJudge();
      }
    });

    const onMain = (e: Event) => {
      const node = (e as MouseEvent).relatedTarget;
      if (channel || !node) return;
      channel = node;
      channel.addEventListener(ROUTE_QUERY, (q) => {
        const target = (q as CustomEvent<unknown>).detail;
        if (typeof target !== 'string') return;
        const d = decide(target, location.href, state);
        if (d.kind === 'pass') return;
        q.preventDefault();
        if (d.kind === 'block') showInterstitial(target, false);
        else location.assign(target);
      });
      if (judged) release();
    };
    document.addEventListener(CHANNEL_FROM_MAIN, onMain);
    document.dispatchEvent(new Event(CHANNEL_FROM_ISOLATED));
  },
});
