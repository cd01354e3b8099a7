import { describe, expect, it } from 'vitest';
import type { BrowserName } from './harness/browsers';
import { browserSuite } from './harness/suite';
import { setPlanAndList, sleep, todayLocal, waitForHref, waitForText } from './harness/helpers';

/**
 * Other spellings of a listed address, typed into the address bar: each must land on the
 * interstitial, named as the listed profile, with nothing sent to the site. Before the
 * profiles are listed, the same addresses reach the fake site, so a spelling the harness
 * could not serve would fail here rather than pass unnoticed.
 */
const SPELLINGS = [
  {
    how: 'an encoded address',
    url: 'https://www.instagram.com/jamie%2Edoe',
    platform: 'Instagram',
  },
  { how: 'a trailing-dot host', url: 'https://instagram.com./jamie.doe/', platform: 'Instagram' },
  { how: 'a short host', url: 'https://instagr.am/jamie.doe', platform: 'Instagram' },
  { how: 'an intent address', url: 'https://x.com/intent/user?screen_name=jamie', platform: 'X' },
];

/** Neighbours of the listed profiles on the same hosts, which must still load. */
const LOADS = ['https://instagr.am/jamie.doe2', 'https://x.com/intent/user?screen_name=jamie2'];

const hostOf = (url: string) => new URL(url).hostname;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: every spelling of a listed address is stopped`, () => {
    const s = browserSuite(name, async () => {
      await setPlanAndList(s.b, todayLocal(), []);
      // Not listed yet: every spelling reaches the fake site (all at once, in tabs side by
      // side: each is on a host of its own).
      expect(new Set(SPELLINGS.map(({ url }) => hostOf(url))).size).toBe(SPELLINGS.length);
      s.sites.clear();
      await Promise.all(
        SPELLINGS.map(async ({ url }) => {
          const page = await s.b.newPage();
          page.goto(url);
          await waitForText(page, `Fake ${hostOf(url)}`);
          expect(s.sites.requestsFor(hostOf(url), '/').length, url).toBeGreaterThan(0);
          await page.close();
        }),
      );
      // Listed as the options page lists them (the plan above stays as it is).
      await setPlanAndList(s.b, todayLocal(), [
        ['https://www.instagram.com/jamie.doe/', 'Instagram · @jamie.doe'],
        ['https://x.com/jamie', 'X · @jamie'],
      ]);
    });

    it.each(SPELLINGS)(
      '$how sends nothing and shows the interstitial',
      async ({ how, url, platform }) => {
        s.sites.clear();
        const page = await s.b.newPage();
        page.goto(url);
        await waitForHref(page, s.isInterstitial, `the interstitial (${how})`);
        // The interstitial names the listed profile's platform: it read the spelling as the
        // listed address.
        await waitForText(page, `A profile on your list · ${platform}`);
        await sleep(300);
        const sent = s.sites.requestsFor(hostOf(url), '/');
        s.log(`${how} (${url}): requests to the site = ${sent.length}`);
        expect(sent).toEqual([]);
        await page.close();
      },
    );

    it('lets the neighbours on the same hosts load', async () => {
      for (const url of LOADS) {
        s.sites.clear();
        const page = await s.b.newPage();
        page.goto(url);
        await waitForText(page, `Fake ${hostOf(url)}`);
        expect(s.sites.requestsFor(hostOf(url), '/').length, url).toBeGreaterThan(0);
        await page.close();
      }
    });
  });
}
