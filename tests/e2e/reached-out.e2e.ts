import { describe, expect, it } from 'vitest';
import type { BrowserName, E2EPage } from './harness/browsers';
import { browserSuite } from './harness/suite';
import {
  badgeText,
  bodyText,
  clickNamed,
  expectAccessible,
  latestEvents,
  openExtensionPage,
  setField,
  storedValue,
  todayLocal,
  typeInto,
  waitFor,
  waitForHref,
  waitForText,
  setPlanAndList,
  headingText,
} from './harness/helpers';

const HANDLE = 'jamie.doe';
const PROFILE = `https://www.instagram.com/${HANDLE}/`;

/** Chooses an option of the <select> labelled `label`, as picking it from the list would. */
async function choose(page: E2EPage, label: string, value: string) {
  await waitForText(page, label);
  await page.evaluate(`(() => {
    const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === ${JSON.stringify(label)});
    const el = l.control;
    el.value = ${JSON.stringify(value)};
    el.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
}

/** The drafts kept in the log's drafts store, read with plain IndexedDB. */
function storedDrafts(page: E2EPage) {
  return page.evaluate<{ text: string }[]>(`new Promise((resolve, reject) => {
    const open = indexedDB.open('no-contact');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('drafts').objectStore('drafts').getAll();
      req.onsuccess = () => { db.close(); resolve(req.result); };
      req.onerror = () => { db.close(); reject(req.error); };
    };
  })`);
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: they reached out, and writing it here instead`, () => {
    const s = browserSuite(name, async ({ b }) => {
      await setPlanAndList(b, todayLocal(-11), [[PROFILE, `@${HANDLE}`]]);
    });
    const { log, isInterstitial } = s;

    it('logs "they reached out" from the options page: the count stays, the guidance fits, the history shows it', async () => {
      const { b } = s;
      const page = await openExtensionPage(b, 'options.html#reached-out');
      await waitFor(async () => (await badgeText(page)) === '12', 'the badge to read day 12');
      await choose(page, 'How did they reach out?', 'message');
      await clickNamed(page, 'They keep asking what is going on');
      await typeInto(page, 'A note for yourself (optional)', 'Third message this week');
      await clickNamed(page, 'Log that they reached out');
      await waitForText(page, 'One short, calm answer is enough');
      const text = await bodyText(page);
      expect(text).toContain('never restarts it');
      expect(text).toContain('No promises');
      const [latest] = await latestEvents(page, 1);
      expect(latest).toMatchObject({
        kind: 'they-reached-out',
        source: 'options',
        note: 'Third message this week',
      });
      // The day count did not move.
      expect(await badgeText(page)).toBe('12');
      await page.close();

      const hist = await openExtensionPage(b, 'options.html#history');
      await waitForText(hist, 'They reached out by message');
      await waitForText(hist, 'Third message this week');
      log('"they reached out" logged from the options page; the badge still reads 12');
      await hist.close();
    });

    it('logs "they reached out" from the popup: the day stays, the guidance fits, the history shows it', async () => {
      const { b } = s;
      const popup = await openExtensionPage(b, 'popup.html');
      const heading = () => headingText(popup);
      await waitFor(async () => (await heading()) === 'Day 12', 'the popup to read Day 12');
      await clickNamed(popup, 'They reached out');
      await choose(popup, 'How did they reach out?', 'in-person');
      await clickNamed(popup, 'Mixed signals: “I miss you”, “let’s meet and talk”');
      await clickNamed(popup, 'Log that they reached out');
      await waitForText(popup, 'Keep going');
      expect(await bodyText(popup)).toContain('No Contact goes on');
      await expectAccessible(popup, log, 'the popup\'s "they reached out" guidance');
      const [latest] = await latestEvents(popup, 1);
      expect(latest).toMatchObject({
        kind: 'they-reached-out',
        source: 'popup',
        channel: 'in-person',
        gist: 'mixed-signals',
      });
      await clickNamed(popup, 'Back to my count');
      await waitFor(async () => (await heading()) === 'Day 12', 'the popup to read Day 12 again');
      expect(await badgeText(popup)).toBe('12');
      await popup.close();

      const hist = await openExtensionPage(b, 'options.html#history');
      await waitForText(hist, 'They reached out in person');
      log('"they reached out" logged from the popup; still Day 12; in the history');
      await hist.close();
    });

    it('an if-then plan is added, then changed in place with Edit', async () => {
      const page = await openExtensionPage(s.b, 'options.html#plan');
      await typeInto(page, 'If I want to…', 'look at their stories');
      await typeInto(page, 'then I will…', 'text a friend');
      await clickNamed(page, 'Add plan');
      await waitForText(page, 'Plan added.');
      await waitForText(page, 'If I want to look at their stories, then I will text a friend.');
      await clickNamed(page, 'Edit if-then plan 1');
      await setField(page, 'then I will…', 'put the phone in another room');
      await clickNamed(page, 'Save plan 1');
      await waitForText(page, 'Plan saved.');
      await waitForText(
        page,
        'If I want to look at their stories, then I will put the phone in another room.',
      );
      const stored = await storedValue<{ ifThen: unknown }>(page, 'settings');
      expect(stored?.ifThen).toEqual([
        { when: 'look at their stories', then: 'put the phone in another room' },
      ]);
      log('if-then plan added, then changed in place; one plan stored');
      await page.close();
    });

    it('a draft written from the blocked page is kept, and the profile stays blocked', async () => {
      const { b, sites } = s;
      sites.clear();
      const page = await b.newPage();
      page.goto(PROFILE);
      await waitForHref(page, isInterstitial, 'the interstitial');
      await waitForText(page, 'Write it here instead');
      await clickNamed(page, 'Write it here instead');
      // The drafts box opens in place, on the blocked page itself.
      await waitForText(page, 'What you want to tell them');
      expect(isInterstitial(await page.href())).toBe(true);
      await typeInto(page, 'What you want to tell them', 'I still think about you every day.');
      await clickNamed(page, 'Keep it here');
      await waitForText(page, 'Nothing was sent');
      expect(await storedDrafts(page)).toEqual([
        expect.objectContaining({ text: 'I still think about you every day.' }),
      ]);
      // Turning back this way counts as an urge resisted.
      const [latest] = await latestEvents(page, 1);
      expect(latest).toMatchObject({ kind: 'urge-resisted', source: 'interstitial' });
      await page.close();

      // Kept after the page is gone.
      const again = await openExtensionPage(b, 'options.html#drafts');
      await waitForText(again, 'I still think about you every day.');

      // Still blocked: a fresh visit ends on the interstitial again.
      const visit = await b.newPage();
      visit.goto(PROFILE);
      await waitForHref(visit, isInterstitial, 'the interstitial again');
      await waitForText(visit, 'Go back');
      const requests = sites.requestsFor('instagram.com', `/${HANDLE}`);
      log(`requests for /${HANDLE} after writing a draft: ${requests.length}`);
      expect(requests).toEqual([]);
      await visit.close();
      await again.close();
    });
  });
}
