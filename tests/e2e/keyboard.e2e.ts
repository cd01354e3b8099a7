import { describe, expect, it } from 'vitest';
import type { BrowserName, E2EPage } from './harness/browsers';
import { browserSuite } from './harness/suite';
import {
  eventCount,
  latestEvents,
  openExtensionPage,
  setFriction,
  todayLocal,
  waitFor,
  waitForHref,
  waitForText,
  setPlanAndList,
} from './harness/helpers';

const HANDLE = 'jamie.doe';
const PROFILE = `https://www.instagram.com/${HANDLE}/`;

/** The focused element's accessible name as a person would hear it (label, aria-label or text). */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent);
  return (label || el.textContent || '').trim();
})()`;

/** Presses Tab until the focused element is named `name`; fails if it never gets there. */
async function tabTo(page: E2EPage, name: string, most = 60): Promise<number> {
  for (let i = 1; i <= most; i++) {
    await page.press('Tab');
    if ((await page.evaluate<string>(FOCUSED)) === name) return i;
  }
  throw new Error(`"${name}" was not reached with ${most} presses of Tab`);
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: everything works by keyboard`, () => {
    const s = browserSuite(name, async ({ b }) => {
      await setPlanAndList(b, todayLocal(-4), [[PROFILE, `@${HANDLE}`]]);
    });
    const { log, isInterstitial } = s;

    it('on the blocked page "Go back" has the focus at once, and Enter takes the tab back', async () => {
      const { b, sites } = s;
      // Opened first: in Firefox, keys go to the tab opened last.
      const ext = await openExtensionPage(b, 'popup.html');
      const before = (await eventCount(ext)) ?? 0;
      const page = await b.newPage();
      page.goto('https://example.org/');
      await waitForText(page, 'Fake example.org/');
      sites.clear();
      page.goto(PROFILE);
      await waitForHref(page, isInterstitial, 'the interstitial');
      await waitFor(
        async () => (await page.evaluate<string>(FOCUSED)) === 'Go back',
        '"Go back" to have the focus',
      );
      await page.press('Enter');
      await waitForHref(page, (h) => h.startsWith('https://example.org/'), 'the page before');
      await waitFor(async () => (await eventCount(ext)) === before + 1, 'the urge to be logged');
      expect((await latestEvents(ext, 1))[0]).toMatchObject({ kind: 'urge-resisted' });
      expect(sites.requestsFor('instagram.com', `/${HANDLE}`)).toEqual([]);
      log('interstitial: focus on "Go back" at once; Enter went back and logged one urge');
      await ext.close();
      await page.close();
    });

    it('"Continue anyway" by keyboard: Tab to the phrase, type it, Enter opens the profile', async () => {
      const { b, sites } = s;
      await setFriction(b, { pauseSeconds: 1 });
      sites.clear();
      const page = await b.newPage();
      page.goto(PROFILE);
      await waitForHref(page, isInterstitial, 'the interstitial');
      await waitForText(page, 'Confirmation phrase');
      const presses = await tabTo(page, 'Confirmation phrase');
      const phrase = await page.evaluate<string>(
        `document.querySelector('#phrase-hint strong').textContent`,
      );
      await page.type(':focus', phrase);
      await page.press('Enter');
      await waitForHref(page, (h) => h.startsWith(PROFILE), 'the profile');
      const requests = sites.requestsFor('instagram.com', `/${HANDLE}`);
      log(
        `Continue anyway by keyboard: ${presses} Tab presses to the phrase; ${requests.length} request`,
      );
      expect(requests).toHaveLength(1);
      await page.close();
    });

    it('in the popup, Tab reaches "I had an urge" and Enter logs it', async () => {
      const { b } = s;
      const page = await openExtensionPage(b, 'popup.html');
      await waitForText(page, 'I had an urge');
      const before = (await eventCount(page)) ?? 0;
      await tabTo(page, 'I had an urge');
      await page.press('Enter');
      await waitForText(page, 'Noted: an urge you rode out');
      expect(await eventCount(page)).toBe(before + 1);
      await page.close();
    });

    it('on the options page a profile is added with the keyboard alone', async () => {
      const { b } = s;
      const page = await openExtensionPage(b, 'options.html#profiles');
      await waitForText(page, 'Profile address');
      await tabTo(page, 'Profile address');
      await page.type(':focus', 'https://x.com/alex_rivera');
      await page.press('Enter');
      await waitFor(
        () =>
          page.evaluate<boolean>(
            `[...document.querySelectorAll('[aria-label="Listed profiles"] li')].some((li) => li.textContent.includes('@alex_rivera'))`,
          ),
        'the new profile in the list',
      );
      await page.close();
    });
  });
}
