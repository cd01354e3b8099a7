import { describe, expect, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import type { BrowserName, E2EPage } from './harness/browsers';
import { AT_PARSED } from './harness/first-paint';
import { browserSuite } from './harness/suite';
import {
  expectAccessible,
  bodyText,
  byLabel,
  clickNamed,
  eventCount,
  latestEvents,
  openExtensionPage,
  setFriction,
  sleep,
  statValue,
  tabCount,
  todayLocal,
  waitFor,
  waitForHref,
  waitForText,
  setPlanAndList,
  headingText,
} from './harness/helpers';

const HANDLE = 'jamie.doe';
const PROFILE = `https://www.instagram.com/${HANDLE}/`;
const START = 'https://www.example.org/start';
const PAUSE_SECONDS = 2;

/** Addresses a page could be opened with by hand or by a hostile link. */
const CRAFTED: [string, string][] = [
  ['javascript:', 'javascript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script><img src=x onerror=alert(2)>'],
  ['markup', `<img src=x onerror="alert(1);document.title='pwned'"><b id=crafted>bold</b>`],
  ['100 KB of text', `https://www.instagram.com/${HANDLE}/?q=${'A'.repeat(100_000)}`],
  ['an unlisted address', `https://www.instagram.com/someone.else/`],
  ['a listed profile in a javascript: wrapper', `javascript:location='${PROFILE}'`],
];

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: the interstitial`, () => {
    const s = browserSuite(name, async ({ b }) => {
      await setPlanAndList(b, todayLocal(-11), [[PROFILE, `@${HANDLE}`]]);
      // A short pause keeps the suite fast; the countdown itself is the same code.
      await setFriction(b, { pauseSeconds: PAUSE_SECONDS });
    });
    const { log, isInterstitial } = s;
    const profileRequests = () =>
      s.sites.requestsFor('instagram.com', `/${HANDLE}`).filter((r) => r.dest === 'document');

    async function openBlocked(page: E2EPage) {
      page.goto(PROFILE);
      await waitForHref(page, isInterstitial, 'the interstitial');
      await waitForText(page, 'Go back');
    }

    async function popupStat(term: string) {
      const popup = await openExtensionPage(s.b, 'popup.html');
      await waitForText(popup, 'Longest streak');
      const v = await statValue(popup, term);
      await popup.close();
      return v;
    }

    it('reads "Day 12 of 30", focuses Go back and sends nothing to the site', async () => {
      const { b, sites } = s;
      sites.clear();
      const page = await b.newPage();
      await openBlocked(page);
      await waitForText(page, 'Day 12 of 30');
      const text = await bodyText(page);
      expect(text).toContain('18 days to go');
      expect(text).toContain('Next milestone: day 14, in 2 days');
      expect(text).toContain('Your longest streak so far: 12 days.');
      const focused = await page.evaluate<string>('document.activeElement.textContent.trim()');
      expect(focused).toBe('Go back');
      // Nothing from anywhere but the extension itself: no favicon, no preview.
      const foreign = await page.evaluate<string[]>(
        `performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !u.startsWith(location.origin))`,
      );
      expect(foreign).toEqual([]);
      expect(await page.evaluate<number>(`document.querySelectorAll('img, iframe').length`)).toBe(
        0,
      );
      log(
        `blocked visit: heading "Day 12 of 30", focus on Go back, requests for /${HANDLE} = ${profileRequests().length}`,
      );
      expect(sites.requestsFor('instagram.com', `/${HANDLE}`)).toEqual([]);
      await page.close();
    });

    // Chromium only: a script that runs before the page's own is Playwright's (the
    // harness's Firefox session has no such hook).
    if (name === 'chromium') {
      it('paints its heading before its code has loaded, then works as usual', async () => {
        const page = await s.b.newPage();
        await (page.raw as PwPage).addInitScript(AT_PARSED);
        await openBlocked(page);
        await waitForText(page, 'Day 12 of 30');
        // When the HTML was parsed, the first-paint script had written the heading and
        // nothing that can be pressed; the page's code loads after that first frame.
        expect(await page.evaluate('window.__atParsed')).toEqual({
          heading: 'Take a breath',
          buttons: 0,
        });
        expect(await page.evaluate<string>('document.activeElement.textContent.trim()')).toBe(
          'Go back',
        );
        await page.close();
      });
    }

    it('Go back returns to the previous page and logs one urge resisted', async () => {
      const { b } = s;
      const before = Number(await popupStat('Urges resisted today'));
      const page = await b.newPage();
      page.goto(START);
      await waitForText(page, 'Fake www.example.org/start');
      await openBlocked(page);
      await waitForText(page, 'Day 12 of 30');
      const started = Date.now();
      await clickNamed(page, 'Go back');
      const landed = await waitForHref(page, (h) => h.startsWith(START), 'the previous page');
      log(`Go back landed on ${landed} after ${Date.now() - started} ms`);
      const after = Number(await popupStat('Urges resisted today'));
      log(`urges resisted today: ${before} -> ${after}`);
      expect(after).toBe(before + 1);
      const ext = await openExtensionPage(b, 'popup.html');
      const [latest] = await latestEvents(ext, 1);
      expect(latest).toMatchObject({
        kind: 'urge-resisted',
        source: 'interstitial',
        profileId: `instagram:${HANDLE}`,
      });
      await ext.close();
      await page.close();
    });

    it('Go back in a tab with nothing to go back to closes the tab', async () => {
      const { b } = s;
      const ext = await openExtensionPage(b, 'popup.html');
      const open = await tabCount(ext);
      // A tab whose first and only entry is the blocked profile, as when a link opens it in
      // a new tab. The harness has no handle on such a tab, so its button is pressed from
      // this page of the same extension, through the tab's window.
      const seen = await ext.evaluate<{ history: number; focused: string }>(`(async () => {
        const api = globalThis.browser || globalThis.chrome;
        const tab = await api.tabs.create({ url: ${JSON.stringify(PROFILE)}, active: true });
        for (let i = 0; i < 100; i++) {
          const [view] = api.extension.getViews({ type: 'tab', tabId: tab.id });
          const button = view && [...view.document.querySelectorAll('button')].find((e) => e.textContent.trim() === 'Go back');
          if (button && view.document.body.innerText.includes('Day')) {
            const seen = { history: view.history.length, focused: view.document.activeElement.textContent.trim() };
            button.click();
            return seen;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error('the blocked page did not open');
      })()`);
      expect(seen.history).toBe(1);
      await waitFor(async () => (await tabCount(ext)) === open, 'the tab to close');
      log(
        `Go back without history: history.length ${seen.history}, the tab closed (tabs back to ${open})`,
      );
      await ext.close();
    });

    it('Continue anyway waits for the pause, asks for the phrase, then opens only that profile', async () => {
      const { b, sites } = s;
      const page = await b.newPage();
      await openBlocked(page);
      sites.clear();
      const opened = Date.now();
      const button = await byLabel(page, 'Continue anyway');
      expect(await page.evaluate<boolean>(`document.querySelector('${button}').disabled`)).toBe(
        true,
      );
      expect(await bodyText(page)).toMatch(/available in \d s/);
      expect(await bodyText(page)).not.toContain('Confirmation phrase');
      await waitFor(
        () => page.evaluate<boolean>(`!document.querySelector('${button}').disabled`),
        'Continue anyway to be enabled',
      );
      const waited = Date.now() - opened;
      log(`Continue anyway enabled after ${waited} ms (pause ${PAUSE_SECONDS} s)`);
      expect(waited).toBeGreaterThanOrEqual(PAUSE_SECONDS * 1000 - 300);

      // Without the phrase nothing happens.
      const field = await byLabel(page, 'Confirmation phrase');
      await page.click(button);
      await waitForText(page, 'The phrase does not match yet');
      await page.type(field, 'I choose to look');
      await page.click(button);
      await sleep(500);
      expect(isInterstitial(await page.href())).toBe(true);
      expect(profileRequests()).toHaveLength(0);

      // With it (any case, spaces around), the profile loads: one document request.
      await page.evaluate(`(() => {
        const el = document.querySelector('${field}');
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, '');
        el.dispatchEvent(new Event('input', { bubbles: true }));
      })()`);
      await page.type(field, '  i choose to LOOK anyway ');
      await page.click(button);
      await waitForText(page, `Profile ${HANDLE}`);
      log(`after the phrase: document requests for /${HANDLE} = ${profileRequests().length}`);
      expect(profileRequests()).toHaveLength(1);
      await page.close();

      const popup = await openExtensionPage(b, 'popup.html');
      await waitForText(popup, 'Longest streak');
      const text = await bodyText(popup);
      const day = await headingText(popup);
      const longest = await statValue(popup, 'Longest streak');
      log(`popup after Continue: "${day}", longest streak ${longest}`);
      expect(day).toBe('Day 1');
      // The old streak reached day 12 (it kept the 11 days before the slip's day, which is
      // day 1 of the new one): the longest streak shown is the day the person got to.
      expect(longest).toBe('12 days');
      expect(text).toContain('of 30');
      const [latest] = await latestEvents(popup, 1);
      expect(latest).toMatchObject({
        kind: 'slip',
        what: 'looked-at-profile',
        restarted: true,
        source: 'interstitial',
      });
      await popup.close();
    });

    it('crafted addresses render nothing, run nothing, offer no Continue and log nothing', async () => {
      const { b } = s;
      const ext = await openExtensionPage(b, 'popup.html');
      const before = await eventCount(ext);
      for (const [what, hash] of CRAFTED) {
        const page = await b.newPage();
        const dialogs: string[] = [];
        page.onDialog((m) => dialogs.push(m));
        page.goto(`${b.extensionBase}interstitial.html#${hash}`);
        await waitForHref(page, isInterstitial, `the interstitial (${what})`);
        await waitForText(page, 'Go back');
        await sleep(300);
        const seen = await page.evaluate<{
          continue: boolean;
          injected: number;
          title: string;
          length: number;
        }>(`({
          continue: [...document.querySelectorAll('button')].some((e) => /continue/i.test(e.textContent)),
          injected: document.querySelectorAll('img, iframe, object, embed, #crafted, b, [onerror]').length,
          title: document.title,
          length: document.body.innerText.length,
        })`);
        log(
          `crafted ${what}: Continue offered = ${seen.continue}, injected elements = ${seen.injected}, text ${seen.length} chars, dialogs = ${dialogs.length}`,
        );
        expect(seen.continue).toBe(false);
        expect(seen.injected).toBe(0);
        expect(seen.title).toBe('Take a breath · No Contact');
        expect(seen.length).toBeLessThan(2000);
        expect(dialogs).toEqual([]);
        await page.close();
      }
      await sleep(300);
      const after = await eventCount(ext);
      log(`events in the log: ${before} -> ${after}`);
      expect(after).toBe(before);
      await ext.close();
    });

    it('has no accessibility violations (axe-core), light and dark', async () => {
      const { b } = s;
      const page = await b.newPage();
      await openBlocked(page);
      await waitForText(page, 'Your longest streak so far');
      await expectAccessible(page, log, 'the interstitial');
      await page.close();
    });
  });
}
