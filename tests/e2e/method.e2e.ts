import { describe, expect, it } from 'vitest';
import type { BrowserName, E2EPage } from './harness/browsers';
import { browserSuite } from './harness/suite';
import {
  badgeText,
  bodyText,
  byLabel,
  clickNamed,
  dynamicRuleCount,
  latestEvents,
  openExtensionPage,
  setField,
  setFriction,
  sleep,
  statValue,
  storedValue,
  todayLocal,
  waitFor,
  waitForHref,
  waitForText,
  setPlanAndList,
  headingText,
} from './harness/helpers';

/*
 * The method around the blocking: Modified No Contact for conversations only (a look at a
 * profile is a look under any plan), "I had necessary contact", and logging what happened
 * a while ago.
 */

const PROFILE = 'https://www.instagram.com/jamie.doe/';
const THREAD = 'https://www.messenger.com/t/co.parent';
const LEGACY = 'https://www.facebook.com/sam.lee';

/** Waits until Continue (or Continue anyway) can be pressed on the interstitial, then presses it. */
async function continueWhenReady(page: E2EPage, label: string) {
  const button = await byLabel(page, label);
  await waitFor(
    () => page.evaluate<boolean>(`!document.querySelector('${button}').disabled`),
    `${label} to be enabled`,
  );
  await page.click(button);
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: the method around the blocking`, () => {
    const s = browserSuite(name, async ({ b }) => {
      await setPlanAndList(b, todayLocal(-11), [[PROFILE, '@jamie.doe']]);
      // No pause and no phrase: these tests are about what is logged, not the friction.
      await setFriction(b, { pauseSeconds: 0, phraseRequired: false });
    });
    const { log, isInterstitial } = s;

    it('a Modified conversation continued is necessary contact: the count does not move', async () => {
      const { b, sites } = s;
      const options = await openExtensionPage(b, 'options.html#profiles');
      const rulesBefore = await dynamicRuleCount(options);
      const field = await byLabel(options, 'Profile address');
      await options.type(field, THREAD);
      await waitForText(options, 'How to treat this conversation');
      await clickNamed(options, 'Modified No Contact (you share children, a home or a workplace)');
      await clickNamed(options, 'Add profile');
      await waitForText(options, 'It now shows a calm reminder before it opens');
      // The rules follow the stored list: wait for the thread's before going there.
      await waitFor(
        async () => (await dynamicRuleCount(options)) > rulesBefore,
        "the thread's blocking rules",
      );
      await options.close();

      sites.clear();
      const page = await b.newPage();
      page.goto(THREAD);
      await waitForHref(page, isInterstitial, 'the interstitial').catch(async (e: unknown) => {
        log(`not on the interstitial: ${await page.href().catch(() => '?')}`);
        throw e;
      });
      await waitForText(page, 'A conversation on your list · Messenger');
      expect(await bodyText(page)).not.toContain('co.parent');
      await waitForText(page, 'keep it brief and calm');
      await continueWhenReady(page, 'Continue');
      await waitForHref(
        page,
        (h) => h.startsWith('https://www.messenger.com/t/co.parent'),
        'the thread',
      );
      await page.close();

      const popup = await openExtensionPage(b, 'popup.html');
      await waitFor(
        async () => (await headingText(popup)) === 'Day 12',
        'the popup to read Day 12',
      );
      const [latest] = await latestEvents(popup, 1);
      expect(latest).toMatchObject({ kind: 'necessary-contact', source: 'interstitial' });
      expect(await badgeText(popup)).toBe('12');
      log('Modified conversation continued: necessary contact, still Day 12');
      await popup.close();
    });

    it('"I had necessary contact" in the popup is logged with its topic and never restarts', async () => {
      const { b } = s;
      const popup = await openExtensionPage(b, 'popup.html');
      await waitFor(
        async () => (await headingText(popup)) === 'Day 12',
        'the popup to read Day 12',
      );
      await clickNamed(popup, 'I had necessary contact');
      await clickNamed(popup, 'Children');
      await clickNamed(popup, 'Log it');
      await waitForText(popup, 'Noted as necessary contact');
      const [latest] = await latestEvents(popup, 1);
      expect(latest).toMatchObject({ kind: 'necessary-contact', source: 'popup' });
      expect(await headingText(popup)).toBe('Day 12');
      log('"I had necessary contact" logged from the popup; still Day 12');
      await popup.close();
    });

    it('a slip dated yesterday moves the streak start to yesterday', async () => {
      const { b } = s;
      const popup = await openExtensionPage(b, 'popup.html');
      await waitFor(
        async () => (await headingText(popup)) === 'Day 12',
        'the popup to read Day 12',
      );
      await clickNamed(popup, 'I slipped...');
      await clickNamed(popup, 'I sent a message');
      // A date before the plan is refused in plain words, and nothing is logged.
      await clickNamed(popup, 'Another day');
      await setField(popup, 'Day', todayLocal(-20));
      await setField(popup, 'Time', '10:00');
      await clickNamed(popup, 'Log it and start again');
      await waitForText(popup, "That is before your plan's first day");
      await clickNamed(popup, 'Yesterday');
      await setField(popup, 'Time', '00:30');
      await clickNamed(popup, 'Log it and start again');
      await waitFor(async () => (await headingText(popup)) === 'Day 2', 'the popup to read Day 2');
      await sleep(100);
      const began = await statValue(popup, 'This streak began');
      log(`backdated slip: popup reads Day 2, streak began "${began}"`);
      // Dated yesterday, it sits before today's entries in the log.
      const slips = (await latestEvents(popup, 10)).filter((e) => e.kind === 'slip');
      expect(slips).toHaveLength(1);
      expect(slips[0]).toMatchObject({ what: 'message', restarted: true, source: 'popup' });
      await popup.close();
    });
    it('a profile stored as Modified by an older version is blocked, said once, and a look is a slip', async () => {
      const { b, sites } = s;
      // Settings as the previous version stored them: version 3, a Facebook profile Modified.
      const setup = await openExtensionPage(b, 'popup.html');
      await setup.evaluate(`(async () => {
        const api = globalThis.browser || globalThis.chrome;
        const { settings } = await api.storage.local.get('settings');
        settings.version = 3;
        delete settings.purpose;
        delete settings.notices;
        settings.profiles.push({
          id: 'facebook:sam.lee', platform: 'facebook', key: 'sam.lee',
          display: 'Facebook · sam.lee', url: ${JSON.stringify(LEGACY)},
          mode: 'modified', addedAt: Date.now(),
        });
        await api.storage.local.set({ settings });
      })()`);
      await setup.close();

      const options = await openExtensionPage(b, 'options.html#profiles');
      await waitForText(options, 'Modified No Contact now covers conversations only');
      await waitForText(options, 'One profile on your list was set to Modified No Contact');
      await clickNamed(options, 'Got it');
      await waitFor(
        async () => !(await bodyText(options)).includes('now covers conversations only'),
        'the note to close',
      );
      const stored = await storedValue<{
        version: number;
        notices: unknown[];
        profiles: { id: string; mode: string }[];
      }>(options, 'settings');
      expect(stored?.version).toBe(4);
      expect(stored?.notices).toEqual([]);
      expect(stored?.profiles.find((p) => p.id === 'facebook:sam.lee')?.mode).toBe('block');
      await waitFor(
        async () => (await bodyText(options)).includes('sam.lee'),
        'the profile listed',
      );
      await options.close();

      sites.clear();
      const page = await b.newPage();
      page.goto(LEGACY);
      await waitForHref(page, isInterstitial, 'the interstitial');
      await waitForText(page, 'A profile on your list · Facebook');
      expect(await bodyText(page)).not.toContain('keep it brief');
      await continueWhenReady(page, 'Continue anyway');
      await waitForHref(
        page,
        (h) => h.startsWith('https://www.facebook.com/sam.lee'),
        'the profile',
      );
      await page.close();

      const popup = await openExtensionPage(b, 'popup.html');
      await waitFor(async () => (await headingText(popup)) === 'Day 1', 'the popup to read Day 1');
      const [latest] = await latestEvents(popup, 1);
      expect(latest).toMatchObject({ kind: 'slip', what: 'looked-at-profile', restarted: true });
      log('a formerly Modified profile: noticed once, blocked, a look restarted the count');
      await popup.close();
    });

    it('"they asked to get back together" leads to ending the plan with that reason, waiting a day', async () => {
      const { b } = s;
      const popup = await openExtensionPage(b, 'popup.html');
      await waitFor(async () => (await headingText(popup)) === 'Day 1', 'the popup to read Day 1');
      await clickNamed(popup, 'They reached out');
      await clickNamed(popup, 'They clearly asked to get back together');
      await clickNamed(popup, 'Log that they reached out');
      await waitForText(popup, 'Take a day before you answer');
      await popup.close();

      // The popup opens the options at "End the plan" with the reason chosen; the same address:
      const page = await openExtensionPage(b, 'options.html?end=reconciled#plan');
      const reason = await byLabel(page, 'Why end it?');
      expect(await page.evaluate<string>(`document.querySelector('${reason}').value`)).toBe(
        'reconciled',
      );
      await waitForText(page, 'a day of calm before you answer');
      await clickNamed(page, 'End the plan');
      await waitForText(page, 'End the plan (they asked to get back together)');
      const stored = await storedValue<{
        plan: unknown;
        pending: { change: { kind: string; reason?: string } }[];
      }>(page, 'settings');
      // Still running: ending waits 24 hours, and can be cancelled meanwhile.
      expect(stored?.plan).not.toBeNull();
      expect(stored?.pending.map((p) => p.change)).toContainEqual({
        kind: 'end-plan',
        reason: 'reconciled',
      });
      log(
        '"they asked to get back together": End the plan opened with that reason; it waits a day',
      );

      // A day later (the wait made to have passed): the plan ends, for that reason.
      await page.evaluate(`(async () => {
        const api = globalThis.browser || globalThis.chrome;
        const { settings } = await api.storage.local.get('settings');
        settings.pending = settings.pending.map((p) => ({ ...p, dueAt: Date.now() - 1000 }));
        await api.storage.local.set({ settings });
      })()`);
      await waitFor(
        async () => (await storedValue<{ plan: unknown }>(page, 'settings'))?.plan === null,
        'the plan to end once the day has passed',
      );
      const [ended] = await latestEvents(page, 1);
      expect(ended).toMatchObject({ kind: 'plan-ended', reason: 'reconciled' });
      // The plan page is the ended state now, with the reason in words, not an empty form.
      await waitForText(page, 'Your plan ended on');
      expect(await bodyText(page)).toContain('Why it ended: they asked to get back together');
      log('after the wait: the plan ended with "they asked to get back together"');
      await page.close();
    });
    it('a finished plan is its own state on the popup and the blocked page; the profile stays blocked', async () => {
      const { b, sites } = s;
      // A new plan of one day (the last one ended in the test before) is at its goal at
      // once: the plan page says so, and ending for that reason takes effect at once.
      const options = await openExtensionPage(b, 'options.html?end=goal-reached#plan');
      await setField(options, 'Start date', todayLocal(0));
      await setField(options, 'Goal (days)', '1');
      await clickNamed(options, 'Save plan');
      await waitForText(options, 'Saved.');
      await waitForText(options, 'Day 1 of 1: goal reached');
      expect(await bodyText(options)).toContain('Keep going with a new goal');
      await options.close();
      const again = await openExtensionPage(b, 'options.html?end=goal-reached#plan');
      await waitForText(again, 'You have reached your goal day');
      await clickNamed(again, 'End the plan');
      await waitFor(
        async () => (await storedValue<{ plan: unknown }>(again, 'settings'))?.plan === null,
        'the plan to end',
      );
      await again.close();

      const popup = await openExtensionPage(b, 'popup.html');
      await waitForText(popup, 'Your plan ended on');
      const text = await bodyText(popup);
      log(`popup once ended: ${text.split('\n').slice(0, 2).join(' / ')}`);
      expect(text).toMatch(/Your plan ended on .+ after 1 day\b/);
      expect(text).toContain('Why it ended: goal reached');
      expect(text).not.toContain('not set up yet');
      // The toolbar shows the ended state too, not the empty "not set up" badge.
      expect(await badgeText(popup)).toBe('✓');
      await popup.close();

      sites.clear();
      const page = await b.newPage();
      page.goto(PROFILE);
      await waitForHref(page, isInterstitial, 'the interstitial');
      await waitForText(page, 'Your plan ended on');
      expect(await bodyText(page)).toContain('stay blocked until you remove them');
      expect(sites.requestsFor('instagram.com', '/jamie.doe')).toHaveLength(0);
      await page.close();
    });
    it('a new plan can start later: "starts in 3 days", the profile blocked already, nothing counted', async () => {
      const { b, sites } = s;
      const options = await openExtensionPage(b, 'options.html#plan');
      await setField(options, 'Start date', todayLocal(3));
      await setField(options, 'Goal (days)', '30');
      await clickNamed(options, 'Save plan');
      await waitForText(options, 'Saved.');
      await options.close();

      const popup = await openExtensionPage(b, 'popup.html');
      await waitForText(popup, 'No Contact starts in 3 days');
      expect(await badgeText(popup)).toBe('');
      await popup.close();

      sites.clear();
      const page = await b.newPage();
      page.goto(PROFILE);
      await waitForHref(page, isInterstitial, 'the interstitial');
      await waitForText(page, 'No Contact starts in 3 days');
      expect(sites.requestsFor('instagram.com', '/jamie.doe')).toHaveLength(0);
      log('a plan starting in 3 days: the popup says so, the profile is blocked already');
      await page.close();
    });

    it('setting the stage before day 1: a taper week, and one apology logged as the stage set, never a slip', async () => {
      const { b } = s;
      const options = await openExtensionPage(b, 'options.html#plan');
      await clickNamed(options, 'Taper off first (about a week)');
      await clickNamed(options, 'Save plan');
      await waitForText(options, 'Saved.');
      const plan = (await storedValue<{ plan: { startDate: string; taper?: boolean } }>(
        options,
        'settings',
      ))!.plan;
      // Day 1 was already 3 days ahead (the test before): the taper keeps it.
      expect(plan).toMatchObject({ startDate: todayLocal(3), taper: true });

      // The one message: guidance, the drafts box beside it, and "I sent it".
      await waitForText(options, 'Ask for nothing');
      await clickNamed(options, 'I sent it');
      await waitForText(options, 'Stage set: your one message is sent and logged');
      const [stage] = await latestEvents(options, 1);
      expect(stage).toMatchObject({ kind: 'stage-set' });
      expect(await bodyText(options)).not.toContain('I sent it');
      await options.close();

      const popup = await openExtensionPage(b, 'popup.html');
      await waitForText(popup, 'Taper week: No Contact starts in 3 days');
      expect(await bodyText(popup)).toContain('answer later, shorter and less often');
      await popup.close();
      log('a taper week before day 1, and the stage set once, logged as neither slip nor count');
    });
  });
}
