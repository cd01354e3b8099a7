import { describe, expect, it } from 'vitest';
import type { BrowserName, E2EBrowser, E2EPage } from './harness/browsers';
import type { FakeSites } from './harness/fake-sites';
import { browserSuite } from './harness/suite';
import {
  addProfile,
  bodyText,
  clickNamed,
  eventCount,
  latestEvents,
  openExtensionPage,
  sleep,
  statValue,
  todayLocal,
  waitFor,
  waitForHref,
  waitForText,
  setPlanAndList,
} from './harness/helpers';

const SITE = 'https://www.instagram.com';
const HANDLE = 'jamie.doe';
const SPA_HANDLE = 'sam.spa';
const UNLISTED = 'alex.rivera';
/** The options page's warning (components/options/Warnings.tsx), apostrophe aside. */
const OPTIONS_WARNING = /No Contact doesn.t run in private windows yet/;

/** One browser for a describe block, set up for private windows. */
const privateSuite = (
  name: BrowserName,
  privateWindows: 'allowed' | 'not-allowed',
  setup: (b: E2EBrowser) => Promise<void>,
) => browserSuite(name, ({ b }) => setup(b), { privateWindows });

/** Loads an unlisted profile in the tab: proof that this tab reaches the fake site at all. */
async function control(page: E2EPage, sites: FakeSites, log: (m: string) => void) {
  sites.clear();
  page.goto(`${SITE}/${UNLISTED}/`);
  await waitForText(page, `Profile ${UNLISTED}`);
  const seen = sites.requestsFor('instagram.com', `/${UNLISTED}/`).length;
  log(`control, unlisted profile in the private window: requests = ${seen}`);
  expect(seen).toBeGreaterThan(0);
}

/**
 * Runs `body` in a tab of a new private window, and closes the tab (and with it the
 * window) afterwards, failed or not: Firefox opens later tabs in the newest window.
 */
async function inPrivateWindow(b: E2EBrowser, body: (page: E2EPage) => Promise<void>) {
  const page = await b.newPrivatePage!();
  try {
    await body(page);
  } finally {
    await page.close();
  }
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: private windows, extension allowed there`, () => {
    const s = privateSuite(name, 'allowed', async (b) => {
      await setPlanAndList(b, todayLocal(), [[`${SITE}/${HANDLE}/`, `@${HANDLE}`]]);
      await addProfile(b, `${SITE}/${SPA_HANDLE}/`, `@${SPA_HANDLE}`);
    });

    it('the extension reports private-window access, and neither page warns', async () => {
      const options = await openExtensionPage(s.b, 'options.html#profiles');
      const allowed = await options.evaluate<boolean>(
        '(globalThis.browser || globalThis.chrome).extension.isAllowedIncognitoAccess()',
      );
      s.log(`isAllowedIncognitoAccess() = ${allowed}`);
      expect(allowed).toBe(true);
      await waitForText(options, `@${HANDLE}`);
      // The warnings come from the same asynchronous check as the list; give them time.
      await sleep(500);
      expect(await bodyText(options)).not.toMatch(OPTIONS_WARNING);
      await options.close();
      const popup = await openExtensionPage(s.b, 'popup.html');
      await waitForText(popup, 'Longest streak');
      await sleep(500);
      expect(await bodyText(popup)).not.toContain('Private windows are not covered');
      await popup.close();
    });

    it('a typed address of a listed profile sends nothing to the site', async () => {
      // Opened first, so that it sits in a normal window (Firefox opens new tabs in the
      // newest window, and a private window's pages have storage of their own).
      const normal = await openExtensionPage(s.b, 'popup.html');
      const before = (await eventCount(normal)) ?? 0;
      await inPrivateWindow(s.b, async (page) => {
        await control(page, s.sites, s.log);
        s.sites.clear();
        page.goto(`${SITE}/${HANDLE}/`);
        const landed = await expectStopped(page, HANDLE);
        s.log(`typed: landed on ${landed}`);
        // One log for both kinds of window (Firefox: one background; Chromium: the
        // incognito side hands the urge to the normal side): an urge resisted in the
        // private window is in the log that normal windows read.
        await clickNamed(page, 'Go back');
        await waitForHref(page, (h) => h.startsWith(`${SITE}/${UNLISTED}/`), 'the page before');
        await waitFor(
          async () => ((await eventCount(normal)) ?? 0) > before,
          'the urge in the log, read from a normal window',
        );
        const [latest] = await latestEvents(normal, 1);
        s.log(
          `events in the log, read from a normal window: ${before} -> ${await eventCount(normal)}, newest ${JSON.stringify(latest)}`,
        );
        expect(await eventCount(normal)).toBe(before + 1);
        expect(latest).toMatchObject({
          kind: 'urge-resisted',
          source: 'interstitial',
          profileId: `instagram:${HANDLE}`,
        });
      });
      // ...and a normal window's popup counts it.
      await normal.close();
      const popup = await openExtensionPage(s.b, 'popup.html');
      await waitFor(
        async () => (await statValue(popup, 'Urges resisted in all')) === '1',
        "the urge in a normal window's popup",
      );
      await popup.close();
    });

    it("the site's own in-page route change to a listed profile sends nothing", async () => {
      await inPrivateWindow(s.b, async (page) => {
        page.goto(`${SITE}/_e2e/links`);
        await waitForText(page, 'Route /_e2e/links');
        s.sites.clear();
        // What the router saw: whether pushState was the guard's and whether it refused.
        const routed = await page
          .evaluate<string>(
            `(() => {
              const guarded = !History.prototype.pushState.toString().includes('native code');
              const at = Math.round(performance.now());
              try {
                window.__route('/${SPA_HANDLE}/');
                return 'pushState guarded=' + guarded + ' at ' + at + ' ms: passed';
              } catch (e) {
                return 'pushState guarded=' + guarded + ' at ' + at + ' ms: threw ' + e.name;
              }
            })()`,
          )
          .catch((e: unknown) => `evaluation failed: ${String(e).slice(0, 80)}`);
        s.log(routed);
        const landed = await expectStopped(page, SPA_HANDLE);
        s.log(`router pushState: landed on ${landed}`);
      });
    });

    /**
     * Waits until the tab has left the site, then checks that nothing naming the profile
     * (page, data, "seen" beacon) reached the server. Returns where the tab ended.
     */
    async function expectStopped(page: E2EPage, handle: string) {
      const landed = await waitForHref(
        page,
        (h) => !h.startsWith(SITE),
        'the tab to leave the site for the block',
      );
      // The "seen" beacon fires 300 ms after a profile renders: give it time to show up.
      await sleep(800);
      const leaked = s.sites.requestsNaming(handle);
      s.log(
        `requests naming ${handle} (page, data, beacon) = ${leaked.length}${leaked.map((r) => ` ${r.path} [${r.dest}]`).join('')}`,
      );
      expect(leaked).toEqual([]);
      expect(await bodyText(page)).not.toContain(`Profile ${handle}`);
      // Both browsers show the interstitial there (Chromium: split mode gives incognito
      // windows extension pages of their own).
      expect(landed.startsWith(`${s.b.extensionBase}interstitial.html`)).toBe(true);
      // The blocked page names the list, never the person.
      await waitForText(page, 'on your list');
      return landed;
    }
  });

  if (name === 'chromium') {
    describe('chromium: incognito windows keep the one log (split mode)', () => {
      const s = privateSuite(name, 'allowed', async (b) => {
        await setPlanAndList(b, todayLocal(-10), [[`${SITE}/${HANDLE}/`, `@${HANDLE}`]]);
        // A slip three days ago restarted the count: the day shown depends on the log, not
        // on the plan's start alone, so a private page reading an empty log would show
        // another day.
        const ext = await openExtensionPage(b, 'popup.html');
        const res = await ext.evaluate<{ ok: boolean }>(
          `chrome.runtime.sendMessage({ type: 'log-slip', source: 'popup', what: 'looked-at-profile', at: Date.now() - 3 * 86400000, dedupeKey: 'e2e-split-slip' })`,
        );
        expect(res.ok).toBe(true);
        await ext.close();
      });

      /** Every number a page shows in its definition lists, and its day heading. */
      const numbersOn = (page: E2EPage) =>
        page.evaluate<{ day: string | null; stats: Record<string, string> }>(`(() => {
          const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
          const stats = {};
          for (const dt of document.querySelectorAll('dt')) {
            if (dt.nextElementSibling) stats[norm(dt.textContent)] = norm(dt.nextElementSibling.textContent);
          }
          const h1 = document.querySelector('h1');
          const day = ((h1 && norm(h1.innerText)) || '').match(/Day \\d+/);
          return { day: day ? day[0] : null, stats };
        })()`);

      it('the popup, the toolbar badge and the blocked page show the same day and numbers as a normal window', async () => {
        const normal = await openExtensionPage(s.b, 'popup.html');
        await waitForText(normal, 'Longest streak');
        await sleep(300);
        const there = await numbersOn(normal);
        s.log(`normal popup: ${JSON.stringify(there)}`);
        expect(there.day).toMatch(/^Day \d+/);
        await inPrivateWindow(s.b, async (page) => {
          page.goto(`${s.b.extensionBase}popup.html`);
          await waitForText(page, 'Longest streak');
          await sleep(300);
          const here = await numbersOn(page);
          s.log(`incognito popup: ${JSON.stringify(here)}`);
          expect(here).toEqual(there);
          // The toolbar button in this window: the same day on its badge, and the popup it
          // opens carries that day (the button's state is the normal side's, shared).
          const tabId = await page.evaluate<number>('chrome.tabs.getCurrent().then((t) => t.id)');
          const button = await page.evaluate<{ text: string; popup: string }>(
            `Promise.all([chrome.action.getBadgeText({ tabId: ${tabId} }), chrome.action.getPopup({ tabId: ${tabId} })]).then(([text, popup]) => ({ text, popup }))`,
          );
          s.log(`incognito toolbar button: badge "${button.text}", popup ${button.popup}`);
          const dayNumber = there.day!.replace(/^Day /, '');
          expect(button.text).toBe(dayNumber);
          expect(new URL(button.popup).searchParams.get('day')).toBe(dayNumber);
          s.sites.clear();
          page.goto(`${SITE}/${HANDLE}/`);
          await waitForHref(
            page,
            (h) => h.startsWith(`${s.b.extensionBase}interstitial.html`),
            'the interstitial',
          );
          await waitForText(page, there.day!);
          const shown = await numbersOn(page);
          s.log(
            `incognito interstitial: day ${shown.day}; requests to the site ${s.sites.requestsNaming(HANDLE).length}`,
          );
          expect(shown.day?.startsWith(there.day!)).toBe(true);
          expect(s.sites.requestsNaming(HANDLE)).toEqual([]);
        });
        await inPrivateWindow(s.b, async (page) => {
          page.goto(`${s.b.extensionBase}options.html#history`);
          await waitForText(page, 'Urges resisted');
          await sleep(300);
          const here = await numbersOn(page);
          const options = await openExtensionPage(s.b, 'options.html#history');
          await waitForText(options, 'Urges resisted');
          await sleep(300);
          const there2 = await numbersOn(options);
          s.log(
            `options, normal: ${JSON.stringify(there2.stats)}; incognito: ${JSON.stringify(here.stats)}`,
          );
          expect(here.stats).toEqual(there2.stats);
          await options.close();
        });
        await normal.close();
      });

      it('an urge resisted there reaches the log while the normal background sleeps', async () => {
        const normal = await openExtensionPage(s.b, 'popup.html');
        const before = (await eventCount(normal)) ?? 0;
        await normal.close();
        await inPrivateWindow(s.b, async (page) => {
          await control(page, s.sites, s.log);
          page.goto(`${SITE}/${HANDLE}/`);
          await waitForHref(
            page,
            (h) => h.startsWith(`${s.b.extensionBase}interstitial.html`),
            'the interstitial',
          );
          await waitForText(page, 'on your list');
          // The normal side's worker is stopped: the handed-over request must wake it.
          await s.b.stopServiceWorker!();
          s.log('normal service worker stopped');
          await clickNamed(page, 'Go back');
          await waitForHref(page, (h) => h.startsWith(`${SITE}/${UNLISTED}/`), 'the page before');
        });
        // Read from a page that runs no script of its own: no hello, so nothing drains the
        // outbox; only the handed-over request can have written the urge.
        const after = await s.b.newPage();
        after.goto(`${s.b.extensionBase}manifest.json`);
        await waitForHref(after, (h) => h.startsWith(s.b.extensionBase), 'an extension page');
        await waitFor(
          async () => ((await eventCount(after)) ?? 0) === before + 1,
          'the urge in the log after the normal worker slept',
        );
        const [latest] = await latestEvents(after, 1);
        s.log(`events ${before} -> ${await eventCount(after)}, newest ${JSON.stringify(latest)}`);
        expect(latest).toMatchObject({ kind: 'urge-resisted', source: 'interstitial' });
        await after.close();
      });

      it('Continue anyway there allows that incognito tab only, and the slip is in the one log', async () => {
        const normal = await openExtensionPage(s.b, 'popup.html');
        const before = (await eventCount(normal)) ?? 0;
        const isInterstitial = (h: string) => h.startsWith(`${s.b.extensionBase}interstitial.html`);
        const documents = () =>
          s.sites.requestsFor('instagram.com', `/${HANDLE}/`).filter((r) => r.dest === 'document');
        const a = await s.b.newPrivatePage!();
        try {
          a.goto(`${SITE}/${HANDLE}/`);
          await waitForHref(a, isInterstitial, 'the interstitial in incognito tab A');
          const res = await a.evaluate<{ ok: boolean }>(
            `chrome.runtime.sendMessage({ type: 'continue', url: ${JSON.stringify(`${SITE}/${HANDLE}/`)}, dedupeKey: 'e2e-split-continue' })`,
          );
          expect(res.ok).toBe(true);
          s.sites.clear();
          a.goto(`${SITE}/${HANDLE}/`);
          await waitForText(a, `Profile ${HANDLE}`);
          s.log(`allowed incognito tab: document requests = ${documents().length}`);
          expect(documents()).toHaveLength(1);
          // Another incognito tab and a normal tab stay blocked.
          const b2 = await s.b.newPrivatePage!();
          s.sites.clear();
          b2.goto(`${SITE}/${HANDLE}/`);
          await waitForHref(b2, isInterstitial, 'the interstitial in incognito tab B');
          const tab = await s.b.newPage();
          tab.goto(`${SITE}/${HANDLE}/`);
          await waitForHref(tab, isInterstitial, 'the interstitial in a normal tab');
          await sleep(300);
          s.log(`other tabs during the allowance: document requests = ${documents().length}`);
          expect(documents()).toHaveLength(0);
          await b2.close();
          await tab.close();
        } finally {
          await a.close();
        }
        await waitFor(
          async () => ((await eventCount(normal)) ?? 0) > before,
          'the slip in the log, read from a normal window',
        );
        const [latest] = await latestEvents(normal, 1);
        expect(await eventCount(normal)).toBe(before + 1);
        expect(latest).toMatchObject({ kind: 'slip', source: 'interstitial' });
        await normal.close();
      });
    });
  }

  describe(`${name}: private windows, extension not allowed there`, () => {
    const s = privateSuite(name, 'not-allowed', async (b) => {
      await setPlanAndList(b, todayLocal(), [[`${SITE}/${HANDLE}/`, `@${HANDLE}`]]);
    });

    it('the options page says so, and a listed profile loads in a private window', async () => {
      const options = await openExtensionPage(s.b, 'options.html#profiles');
      await waitFor(
        async () => OPTIONS_WARNING.test(await bodyText(options)),
        'the private-windows warning on the options page',
      );
      s.log('options page: warns that private windows are not covered');
      await options.close();

      // In a normal tab the address is stopped...
      const tab = await s.b.newPage();
      s.sites.clear();
      tab.goto(`${SITE}/${HANDLE}/`);
      await waitForHref(
        tab,
        (h) => h.startsWith(`${s.b.extensionBase}interstitial.html`),
        'the interstitial',
      );
      // The blocked page names the list, never the person.
      await waitForText(tab, 'on your list');
      const stopped = s.sites.requestsFor('instagram.com', `/${HANDLE}/`).length;
      s.log(`not allowed: requests for the listed profile in a normal tab = ${stopped}`);
      expect(stopped).toBe(0);
      await tab.close();
      // ...and in a private window it reaches the site: that tab really is outside the
      // extension, so the zeros of the allowed case are the extension's doing there.
      await inPrivateWindow(s.b, async (page) => {
        s.sites.clear();
        page.goto(`${SITE}/${HANDLE}/`);
        await waitForText(page, `Profile ${HANDLE}`);
        const reached = s.sites.requestsFor('instagram.com', `/${HANDLE}/`).length;
        s.log(`not allowed: requests for the listed profile in a private window = ${reached}`);
        expect(reached).toBeGreaterThan(0);
      });
    });
  });
}
