import { describe, expect, it } from 'vitest';
import type { BrowserName } from './harness/browsers';
import { browserSuite } from './harness/suite';
import {
  bodyText,
  openExtensionPage,
  todayLocal,
  waitFor,
  waitForHref,
  waitForText,
  setPlanAndListInForms,
  headingText,
} from './harness/helpers';

const PROFILE = 'https://www.instagram.com/jamie.doe/';
const OTHER = 'https://www.instagram.com/alex.rivera/';

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: the first thin path`, () => {
    const s = browserSuite(name);
    const { log } = s;

    /** Navigates a fresh tab to the listed profile and expects the interstitial, 0 requests. */
    async function expectBlocked(how: string, navigate: () => Promise<void>) {
      const { sites } = s;
      sites.clear();
      await navigate();
      const leaked = sites.requestsFor('instagram.com', '/jamie.doe');
      log(`${how}: requests for instagram.com/jamie.doe = ${leaked.length}`);
      expect(leaked).toEqual([]);
    }

    async function typedVisit() {
      const { b } = s;
      const page = await b.newPage();
      page.goto(PROFILE);
      await waitForHref(
        page,
        (h) => h.startsWith(`${b.extensionBase}interstitial.html`),
        'the interstitial',
      );
      await waitForText(page, 'Day 1');
      expect(await bodyText(page)).toContain('A profile on your list · Instagram');
      await page.close();
    }

    it('adds an Instagram profile on the options page as a person would', async () => {
      const { b } = s;
      await setPlanAndListInForms(b, todayLocal(), [[PROFILE, 'Instagram · @jamie.doe']]);
    });

    it('a typed visit to the profile shows the interstitial with Day 1 and sends nothing', async () => {
      await expectBlocked('typed', typedVisit);
    });

    const LINK_PAGES = [
      ['link click', 'on the site', 'www.instagram.com'],
      ['link from another site', 'on another site (a search result)', 'example.org'],
    ] as const;
    for (const [how, where, host] of LINK_PAGES) {
      it(`a link to the profile ${where} shows the interstitial and sends nothing`, async () => {
        const page = await s.b.newPage();
        page.goto(`https://${host}/_e2e/links?to=${encodeURIComponent(PROFILE)}`);
        await waitForText(page, `Fake ${host}/_e2e/links`);
        await expectBlocked(how, async () => {
          await page.click('#link-0');
          await waitForHref(page, s.isInterstitial, 'the interstitial');
          await waitForText(page, 'Day 1');
        });
        await page.close();
      });
    }

    it('another profile on the same site loads normally', async () => {
      const { b, sites } = s;
      sites.clear();
      const page = await b.newPage();
      page.goto(OTHER);
      await waitForText(page, 'Fake www.instagram.com/alex.rivera/');
      expect(sites.requestsFor('instagram.com', '/alex.rivera/').length).toBeGreaterThan(0);
      await page.close();
    });

    it('the popup shows Day 1', async () => {
      const { b } = s;
      const popup = await openExtensionPage(b, 'popup.html');
      // The heading itself (the page's text also holds "Day 1" in the first day's note).
      await waitFor(
        async () => (await headingText(popup)) === 'Day 1',
        'the heading to read Day 1',
      );
      await popup.close();
    });

    if (name === 'chromium') {
      it("a web page cannot find the extension by loading the interstitial's fixed address", async () => {
        const { b } = s;
        const page = await b.newPage();
        page.goto('https://example.org/');
        await waitForText(page, 'Fake example.org/');
        // Without use_dynamic_url this fetch succeeds (status 200) and tells the site the
        // extension is installed; the blocked visits above still reached the interstitial.
        const probe = await page.evaluate<string>(
          `fetch('${b.extensionBase}interstitial.html').then((r) => 'loaded ' + r.status, () => 'refused')`,
        );
        log(`a site probing ${b.extensionBase}interstitial.html: ${probe}`);
        expect(probe).toBe('refused');
        await page.close();
      });

      it('still blocks after the service worker is stopped', async () => {
        const { b } = s;
        await b.stopServiceWorker!();
        await expectBlocked('typed, worker stopped', typedVisit);
      });

      it('still blocks after a browser restart with the same profile', async () => {
        const { b, sites } = s;
        await b.restart!();
        // At once: the rules kept from the last session name the interstitial's fixed
        // address, which Chrome turns into this session's address when they fire, so the
        // first visit shows the interstitial too (restart.e2e.ts watches the first moments).
        sites.clear();
        const first = await b.newPage();
        first.goto(PROFILE);
        await waitForHref(first, s.isInterstitial, 'the interstitial at once after restart');
        await waitForText(first, 'Day 1');
        log(`typed at once after restart: ${await first.href()}`);
        expect(sites.requestsFor('instagram.com', '/jamie.doe')).toEqual([]);
        await first.close();
        const ext = await openExtensionPage(b, 'popup.html');
        expect(
          await ext.evaluate<boolean>(
            `chrome.declarativeNetRequest.getDynamicRules().then((rs) => rs.length > 0 && rs.every((r) => r.action.type !== 'redirect' || r.action.redirect.regexSubstitution.startsWith('chrome-extension://' + chrome.runtime.id + '/interstitial.html#')))`,
          ),
        ).toBe(true);
        await ext.close();
        await expectBlocked('typed, after restart', typedVisit);
      });
    }
  });
}
