import { describe, expect, it } from 'vitest';
import type { BrowserName, E2EPage } from './harness/browsers';
import { browserSuite } from './harness/suite';
import {
  bodyText,
  setPlan,
  setPlanAndList,
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
    async function expectInterstitial(page: E2EPage, handle: string, how: string) {
      await waitForHref(page, s.isInterstitial, `the interstitial (${how})`);
      // The blocked page names the list, never the person.
      await waitForText(page, 'on your list');
      // The "seen" beacon fires 300 ms after a profile renders: give it time to show up.
      await sleep(500);
      const leaked = s.sites.requestsNaming(handle);
      s.log(
        `${how}: requests naming ${handle} (page, data, beacon) = ${leaked.length}${leaked.map((r) => ` ${r.path} [${r.dest}]`).join('')}`,
      );
      expect(leaked).toEqual([]);
    }

    let backTab: E2EPage;
    const s = browserSuite(name, async () => {
      await setPlan(s.b, todayLocal());
      // Visited before being listed: the site's service worker caches these pages, and the
      // back-forward cache may keep the second.
      const page = await s.b.newPage();
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
      // A profile seen before it was listed, then left: Back returns to it from the
      // back-forward cache (or the service worker's cache), with no request either way.
      backTab = await s.b.newPage();
      backTab.goto(`${SITE}/${BACK}/`);
      await waitForText(backTab, `Profile ${BACK}`);
      backTab.goto(`${SITE}/_e2e/links?after`);
      await waitForText(backTab, 'Route /_e2e/links');
      // Listed as the options page lists them (the plan above stays as it is).
      await setPlanAndList(
        s.b,
        todayLocal(),
        [HANDLE, CACHED, BACK].map((h): [string, string] => [`${SITE}/${h}/`, `@${h}`]),
      );
    });

    it('an in-page link to the profile shows the interstitial; nothing naming it is sent', async () => {
      const page = await s.b.newPage();
      page.goto(`${SITE}/_e2e/links?spa&to=/${HANDLE}/`);
      await waitForText(page, 'Route /_e2e/links');
      s.sites.clear();
      await page.click('#link-0');
      await expectInterstitial(page, HANDLE, 'in-page link');
      await page.close();
    });

    it("the router's own pushState to the profile is stopped before its data fetch", async () => {
      const page = await s.b.newPage();
      page.goto(`${SITE}/_e2e/links`);
      await waitForText(page, 'Route /_e2e/links');
      s.sites.clear();
      await page.evaluate(`window.__route('/${HANDLE}/')`).catch(() => undefined);
      await expectInterstitial(page, HANDLE, 'router pushState');
      await page.close();
    });

    it('a page the site serves from its service worker cache is replaced', async () => {
      const page = await s.b.newPage();
      s.sites.clear();
      page.goto(`${SITE}/${CACHED}/`);
      await expectInterstitial(page, CACHED, 'service-worker cache');
      await page.close();
    });

    it('the back button into a profile seen before it was listed shows the interstitial', async () => {
      s.sites.clear();
      backTab.goBack();
      await expectInterstitial(backTab, BACK, 'back button');
      await backTab.close();
    });

    it('speculation-rules prefetch and prerender of the profile send nothing', async () => {
      // Control: the same page speculating an unlisted profile does fetch it, so the zero
      // below is the extension's doing, not a browser that ignores the hints.
      const control = await s.b.newPage();
      s.sites.clear();
      control.goto(`${SITE}/_e2e/links?speculate=/alex.rivera/`);
      await waitForText(control, 'Route /_e2e/links');
      await sleep(1500);
      const fetched = s.sites.requestsFor('instagram.com', '/alex.rivera/');
      s.log(`speculation control: requests for unlisted alex.rivera = ${fetched.length}`);
      expect(fetched.length).toBeGreaterThan(0);
      await control.close();

      const page = await s.b.newPage();
      page.goto(`${SITE}/_e2e/links?speculate=/${HANDLE}/`);
      await waitForText(page, 'Route /_e2e/links');
      s.sites.clear();
      await sleep(1500);
      const leaked = s.sites.requestsNaming(HANDLE);
      s.log(`speculation rules: requests naming ${HANDLE} = ${leaked.length}`);
      expect(leaked).toEqual([]);
      expect(await bodyText(page)).toContain('Route /_e2e/links');
      await page.close();
    });

    if (name === 'chromium') {
      it('30 navigations to an unrelated site wake no extension handler', async () => {
        await s.b.stopServiceWorker!();
        const watch = await s.b.watchServiceWorker!();
        const page = await s.b.newPage();
        for (let i = 0; i < 30; i++) {
          page.goto(`https://example.org/page-${i}`);
          await waitForText(page, `Fake example.org/page-${i}`);
        }
        // An in-page route change on the unrelated site too.
        await page.evaluate(`history.pushState({}, '', '/elsewhere')`);
        await sleep(500);
        s.log(`service worker starts during 30 unrelated navigations = ${watch.starts()}`);
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
