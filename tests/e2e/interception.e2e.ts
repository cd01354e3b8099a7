import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type E2EBrowser, type E2EPage } from './harness/browsers';
import { startFakeSites, type FakeSites } from './harness/fake-sites';
import {
  addProfile,
  bodyText,
  setPlan,
  sleep,
  todayLocal,
  waitFor,
  waitForHref,
  waitForText,
} from './harness/helpers';

const SITE = 'https://www.instagram.com';
const HANDLE = 'jamie.doe';
const CACHED = 'sam.cached';
const BACK = 'robin.back';

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: every route to a listed profile is stopped`, () => {
    let sites: FakeSites;
    let b: E2EBrowser;
    const log = (msg: string) => console.log(`[${name}] ${msg}`);
    const isInterstitial = (h: string) => h.startsWith(`${b.extensionBase}interstitial.html`);

    async function expectInterstitial(page: E2EPage, handle: string, how: string) {
      await waitForHref(page, isInterstitial, `the interstitial (${how})`);
      await waitForText(page, `@${handle}`);
      // The "seen" beacon fires 300 ms after a profile renders: give it time to show up.
      await sleep(500);
      const leaked = sites.requestsNaming(handle);
      log(
        `${how}: requests naming ${handle} (page, data, beacon) = ${leaked.length}${leaked.map((r) => ` ${r.path} [${r.dest}]`).join('')}`,
      );
      expect(leaked).toEqual([]);
    }

    beforeAll(async () => {
      sites = await startFakeSites();
      b = await launch(name, sites);
      log(`browser: ${b.version}`);
      await setPlan(b, todayLocal());
      // Visited before being listed: the site's service worker caches these pages, and the
      // back-forward cache may keep the second.
      const page = await b.newPage();
      page.goto(`${SITE}/_e2e/links?sw`);
      await waitFor(
        () => page.evaluate<boolean>('!!navigator.serviceWorker.controller'),
        'the service worker to take control',
        15_000,
      );
      page.goto(`${SITE}/${CACHED}/`);
      await waitForText(page, `Profile ${CACHED}`);
      // Proof that the test below is about a service-worker page, not the network rules.
      expect(await page.evaluate<boolean>('!!navigator.serviceWorker.controller')).toBe(true);
      await page.close();
      for (const h of [HANDLE, CACHED, BACK]) await addProfile(b, `${SITE}/${h}/`, `@${h}`);
    });
    afterAll(async () => {
      await b?.close();
      await sites?.close();
    });

    it('an in-page link to the profile shows the interstitial; nothing naming it is sent', async () => {
      const page = await b.newPage();
      page.goto(`${SITE}/_e2e/links?spa&to=/${HANDLE}/`);
      await waitForText(page, 'Route /_e2e/links');
      sites.clear();
      await page.click('#link-0');
      await expectInterstitial(page, HANDLE, 'in-page link');
      await page.close();
    });

    it("the router's own pushState to the profile is stopped before its data fetch", async () => {
      const page = await b.newPage();
      page.goto(`${SITE}/_e2e/links`);
      await waitForText(page, 'Route /_e2e/links');
      sites.clear();
      await page.evaluate(`window.__route('/${HANDLE}/')`).catch(() => undefined);
      await expectInterstitial(page, HANDLE, 'router pushState');
      await page.close();
    });

    it('a page the site serves from its service worker cache is replaced', async () => {
      const page = await b.newPage();
      sites.clear();
      page.goto(`${SITE}/${CACHED}/`);
      await expectInterstitial(page, CACHED, 'service-worker cache');
      await page.close();
    });

    it('speculation-rules prefetch and prerender of the profile send nothing', async () => {
      // Control: the same page speculating an unlisted profile does fetch it, so the zero
      // below is the extension's doing, not a browser that ignores the hints.
      const control = await b.newPage();
      sites.clear();
      control.goto(`${SITE}/_e2e/links?speculate=/alex.rivera/`);
      await waitForText(control, 'Route /_e2e/links');
      await sleep(1500);
      const fetched = sites.requestsFor('instagram.com', '/alex.rivera/');
      log(`speculation control: requests for unlisted alex.rivera = ${fetched.length}`);
      expect(fetched.length).toBeGreaterThan(0);
      await control.close();

      const page = await b.newPage();
      page.goto(`${SITE}/_e2e/links?speculate=/${HANDLE}/`);
      await waitForText(page, 'Route /_e2e/links');
      sites.clear();
      await sleep(1500);
      const leaked = sites.requestsNaming(HANDLE);
      log(`speculation rules: requests naming ${HANDLE} = ${leaked.length}`);
      expect(leaked).toEqual([]);
      expect(await bodyText(page)).toContain('Route /_e2e/links');
      await page.close();
    });

    if (name === 'chromium') {
      it('30 navigations to an unrelated site wake no extension handler', async () => {
        await b.stopServiceWorker!();
        const watch = await b.watchServiceWorker!();
        const page = await b.newPage();
        for (let i = 0; i < 30; i++) {
          page.goto(`https://example.org/page-${i}`);
          await waitForText(page, `Fake example.org/page-${i}`);
        }
        // An in-page route change on the unrelated site too.
        await page.evaluate(`history.pushState({}, '', '/elsewhere')`);
        await sleep(500);
        log(`service worker starts during 30 unrelated navigations = ${watch.starts()}`);
        expect(watch.starts()).toBe(0);
        // Control: a navigation to a listed profile's platform does wake it (the history
        // fallback listens there), so the zero above is not a watch that sees nothing.
        page.goto(`${SITE}/_e2e/links`);
        await waitForText(page, 'Route /_e2e/links');
        await page.evaluate(`history.pushState({}, '', '/_e2e/other')`);
        await waitFor(
          () => Promise.resolve(watch.starts() > 0),
          'the worker to wake for the platform',
        );
        await watch.stop();
        await page.close();
      });
    }
  });
}
