import { describe, expect, it } from 'vitest';
import type { BrowserName, E2EPage } from './harness/browsers';
import {
  axeViolations,
  bodyText,
  byLabel,
  chooseFile,
  clickNamed,
  dynamicRuleCount,
  openExtensionPage,
  sendFromPage,
  setField,
  sleep,
  storedValue,
  todayLocal,
  typeInto,
  waitFor,
  waitForHref,
  waitForText,
  waitForListed,
} from './harness/helpers';
import { browserSuite } from './harness/suite';

const HANDLE = 'jamie.doe';
const PROFILE = `https://www.instagram.com/${HANDLE}/`;
const SHOWN = 'Instagram · @jamie.doe';
const PROFILE_ID = `instagram:${HANDLE}`;
const DAY = 86_400_000;

interface StoredSettings {
  plan: { startDate: string; goalDays: number } | null;
  profiles: { id: string; mode: string }[];
  pending: { id: string; change: { kind: string }; dueAt: number }[];
  reasons: string[];
  ifThen: { when: string; then: string }[];
  purpose?: string;
}

/** A backup as Export writes it: a plan ten days old, one profile, and a week of events. */
function seededBackup(now: number) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let n = 0;
  const event = (daysAgo: number, kind: string, extra: Record<string, unknown> = {}) => ({
    id: `seed-${++n}`,
    kind,
    // Noon-ish of that local day keeps the local date and the instant on the same day.
    time: now - daysAgo * DAY - n * 1000,
    localDate: todayLocal(-daysAgo),
    timeZone: zone,
    source: 'popup',
    ...extra,
  });
  const events = [
    event(10, 'plan-started', { source: 'options', startDate: todayLocal(-10), goalDays: 30 }),
    event(6, 'urge-resisted'),
    event(6, 'urge-resisted'),
    event(6, 'urge-resisted'),
    event(5, 'slip', { what: 'message', restarted: true }),
    event(5, 'urge-resisted'),
    event(2, 'urge-resisted'),
    event(2, 'urge-resisted'),
  ].sort((a, b) => a.time - b.time);
  return {
    backup: {
      format: 'no-contact-backup',
      version: 1,
      exportedAt: new Date(now).toISOString(),
      settings: {
        version: 2,
        plan: { startDate: todayLocal(-10), goalDays: 30, looksRestart: true },
        profiles: [
          {
            id: PROFILE_ID,
            platform: 'instagram',
            key: HANDLE,
            display: SHOWN,
            url: PROFILE,
            mode: 'block',
            addedAt: now - 10 * DAY,
          },
        ],
        friction: { pauseSeconds: 10, phraseRequired: true, allowMinutes: 10 },
        reasons: ['I want my evenings back.'],
        pending: [],
      },
      events,
    },
    expectedBars: [
      [todayLocal(-6), 'urges', '3'],
      [todayLocal(-5), 'urges', '1'],
      [todayLocal(-5), 'slips', '1'],
      [todayLocal(-2), 'urges', '2'],
    ],
  };
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: the options page`, () => {
    const suite = browserSuite(name);
    const { log, isInterstitial } = suite;
    const profileRequests = () => suite.sites.requestsFor('instagram.com', `/${HANDLE}`);

    const settingsOf = async (page: E2EPage) =>
      (await storedValue<StoredSettings>(page, 'settings'))!;

    /** A typed visit to the profile: expects the interstitial and nothing sent for it. */
    async function expectBlocked(how: string) {
      suite.sites.clear();
      const page = await suite.b.newPage();
      page.goto(PROFILE);
      await waitForHref(page, isInterstitial, `the interstitial (${how})`);
      await sleep(300);
      log(`${how}: requests for instagram.com/${HANDLE} = ${profileRequests().length}`);
      expect(profileRequests()).toEqual([]);
      await page.close();
    }

    it('installing opens the first run', async () => {
      log(`first run opened on install: ${suite.b.firstRunOpened}`);
      expect(suite.b.firstRunOpened).toBe(true);
      const page = await openExtensionPage(suite.b, 'options.html');
      await waitForText(page, 'Step 1 of 5');
      // The situation comes first, with what the days are for; the start date after it.
      expect(await bodyText(page)).toContain('What are these days for?');
      await page.close();
    });

    it('completing the first run with an Instagram profile blocks it, and the popup counts from the start date', async () => {
      const page = await openExtensionPage(suite.b, 'options.html');
      await waitForText(page, 'Step 1 of 5');
      // What the days are for, asked first and saved at once.
      await clickNamed(page, 'To move on');
      await waitFor(
        async () => (await settingsOf(page))?.purpose === 'move-on',
        'the purpose to be saved',
      );
      await clickNamed(page, 'Next');
      await waitForText(page, 'Step 2 of 5');
      expect(await bodyText(page)).toContain('When did No Contact start?');

      // Bad input first: a message beside the field, and nothing saved.
      // (A later start is allowed, up to a year ahead: further is refused.)
      await setField(page, 'Start date', todayLocal(400));
      await setField(page, 'Goal (days)', '0');
      await clickNamed(page, 'Save and continue');
      await waitForText(page, 'not more than 366 days ahead');
      const invalid = await page.evaluate<string[]>(
        `[...document.querySelectorAll('[aria-invalid="true"]')].map((e) => document.getElementById(e.getAttribute('aria-describedby')).textContent)`,
      );
      log(`invalid fields: ${invalid.length}`);
      expect(invalid).toHaveLength(2);
      expect((await settingsOf(page))?.plan ?? null).toBeNull();

      await setField(page, 'Start date', todayLocal(-4));
      await setField(page, 'Goal (days)', '45');
      await clickNamed(page, 'Save and continue');

      await waitForText(page, 'Step 3 of 5');
      await typeInto(page, 'Profile address', PROFILE);
      // Recognised as it is typed, before Add is pressed.
      await waitForText(page, SHOWN);
      await clickNamed(page, 'Add profile');
      await waitForListed(page, SHOWN);
      await clickNamed(page, 'Next');

      await waitForText(page, 'Step 4 of 5');
      await typeInto(page, 'A reason to keep going', 'I want to sleep through the night again.');
      await clickNamed(page, 'Add reason');
      await waitForText(page, 'Reason added.');
      // The same step offers a plan for the moment the urge comes.
      await waitForText(page, 'A plan for the moment the urge comes');
      await typeInto(page, 'If I want to…', 'check their profile');
      await typeInto(page, 'then I will…', 'go for a run');
      await clickNamed(page, 'Add plan');
      await waitForText(page, 'Plan added.');
      await clickNamed(page, 'Next');

      await waitForText(page, 'Step 5 of 5');
      expect(await bodyText(page)).toContain(
        name === 'firefox' ? 'Run in Private Windows' : 'Allow in Incognito',
      );
      await clickNamed(page, 'Finish');
      await waitForHref(page, (h) => h.endsWith('#plan'), 'the Plan section after finishing');

      const s = await settingsOf(page);
      expect(s.plan).toMatchObject({ startDate: todayLocal(-4), goalDays: 45 });
      expect(s.profiles.map((p) => [p.id, p.mode])).toEqual([[PROFILE_ID, 'block']]);
      expect(s.reasons).toEqual(['I want to sleep through the night again.']);
      expect(s.ifThen).toEqual([{ when: 'check their profile', then: 'go for a run' }]);
      expect(await storedValue(page, 'options.firstRun')).toMatchObject({ done: true });
      await waitFor(async () => (await dynamicRuleCount(page)) > 0, 'blocking rules');
      await page.close();

      await expectBlocked('typed, after the first run');

      const popup = await openExtensionPage(suite.b, 'popup.html');
      // The popup is being rebuilt by someone else: only "Day 5" and the goal, loosely.
      await waitFor(async () => /Day\s+5\b/.test(await bodyText(popup)), 'Day 5 in the popup');
      const text = await bodyText(popup);
      log(`popup: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 80))}`);
      expect(text).toMatch(/\b45\b/);
      await popup.close();
    });

    it('removing a profile waits, keeps it blocked, and cancelling keeps it listed', async () => {
      const page = await openExtensionPage(suite.b, 'options.html#profiles');
      await clickNamed(page, `Remove ${SHOWN}`);
      await waitForText(page, 'Waiting changes');
      await waitForText(page, 'Will be removed on');
      const s = await settingsOf(page);
      expect(s.profiles.map((p) => p.id)).toEqual([PROFILE_ID]);
      expect(s.pending).toHaveLength(1);
      const due = s.pending[0]!.dueAt - Date.now();
      log(`removal waits ${(due / 3_600_000).toFixed(2)} h`);
      expect(due).toBeGreaterThan(23.9 * 3_600_000);
      expect(due).toBeLessThanOrEqual(24 * 3_600_000);
      // The background keeps an alarm for it, so it applies even with no page open.
      const alarm = await page.evaluate<{ scheduledTime: number } | undefined>(
        `(globalThis.browser || globalThis.chrome).alarms.get('cooling-off')`,
      );
      log(
        `alarm armed for the due time: ${alarm ? Math.abs(alarm.scheduledTime - s.pending[0]!.dueAt) < 2000 : false}`,
      );
      expect(Math.abs(alarm!.scheduledTime - s.pending[0]!.dueAt)).toBeLessThan(2000);

      await expectBlocked('typed, removal waiting');

      await clickNamed(page, `Cancel: Remove ${SHOWN}`);
      await waitFor(
        () => page.evaluate<boolean>(`!document.querySelector('[aria-label="Waiting changes"]')`),
        'the waiting change to go',
      );
      const after = await settingsOf(page);
      expect(after.pending).toEqual([]);
      expect(after.profiles.map((p) => p.id)).toEqual([PROFILE_ID]);
      await page.close();
      await expectBlocked('typed, removal cancelled');
    });

    it('the background applies a waiting change whose time has passed, with no options page open', async () => {
      // Written from the popup (an extension page), not the options page: the background
      // alone must notice it.
      const popup = await openExtensionPage(suite.b, 'popup.html');
      await popup.evaluate(`(async () => {
        const api = globalThis.browser || globalThis.chrome;
        const { settings } = await api.storage.local.get('settings');
        settings.pending = [{
          id: 'e2e-due',
          change: { kind: 'remove-profile', profileId: ${JSON.stringify(PROFILE_ID)} },
          requestedAt: Date.now() - 25 * 3600 * 1000,
          dueAt: Date.now() - 60 * 1000,
        }];
        await api.storage.local.set({ settings });
      })()`);
      const started = Date.now();
      await waitFor(
        async () => (await settingsOf(popup)).profiles.length === 0,
        'the due removal to be applied',
      );
      log(`due removal applied after ${Date.now() - started} ms`);
      expect((await settingsOf(popup)).pending).toEqual([]);
      await waitFor(async () => (await dynamicRuleCount(popup)) === 0, 'the rules to go');

      // A change due a few seconds from now is applied by the alarm itself: the write only
      // arms it (nothing is due yet), and nothing else writes the settings meanwhile.
      const queued = Date.now();
      await popup.evaluate(`(async () => {
        const api = globalThis.browser || globalThis.chrome;
        const { settings } = await api.storage.local.get('settings');
        settings.pending = [{
          id: 'e2e-soon',
          change: { kind: 'lower-friction', friction: { pauseSeconds: 0, phraseRequired: true, allowMinutes: 10 } },
          requestedAt: Date.now() - 24 * 3600 * 1000,
          dueAt: Date.now() + 3000,
        }];
        await api.storage.local.set({ settings });
      })()`);
      await sleep(500);
      expect(
        (await storedValue<{ friction: { pauseSeconds: number } }>(popup, 'settings'))!.friction
          .pauseSeconds,
      ).toBe(10);
      await waitFor(
        async () =>
          (await storedValue<{ friction: { pauseSeconds: number } }>(popup, 'settings'))!.friction
            .pauseSeconds === 0,
        'the alarm to apply the friction change',
        75_000,
      );
      log(
        `alarm applied the change ${Date.now() - queued} ms after it was queued (due after 3000 ms)`,
      );
      await popup.close();

      suite.sites.clear();
      const page = await suite.b.newPage();
      page.goto(PROFILE);
      await waitForText(page, `Profile ${HANDLE}`);
      log(`after removal: requests for /${HANDLE} = ${profileRequests().length}`);
      expect(profileRequests().length).toBeGreaterThan(0);
      await page.close();
    });

    it('imports a backup after a preview, and the history chart shows its events', async () => {
      const now = Date.now();
      const { backup, expectedBars } = seededBackup(now);
      const page = await openExtensionPage(suite.b, 'options.html#data');
      // A file that is not a backup: refused beside the field, nothing changed.
      await chooseFile(page, 'Backup file', 'notes.json', '{"hello": 1}');
      await waitForText(page, 'not a No Contact backup');
      expect(
        await page.evaluate(
          `document.querySelector('input[type=file]').getAttribute('aria-invalid')`,
        ),
      ).toBe('true');

      await chooseFile(page, 'Backup file', 'backup.json', JSON.stringify(backup));
      await waitForText(page, 'In this backup');
      const preview = await bodyText(page);
      expect(preview).toContain('1 profile');
      expect(preview).toContain(`${backup.events.length} events`);
      expect(preview).toContain('goal 30 days');
      // Nothing changes before the confirmation.
      expect((await settingsOf(page)).profiles).toEqual([]);
      await clickNamed(page, 'Replace everything with this backup');
      await waitForText(page, 'Imported.');
      expect((await settingsOf(page)).profiles.map((p) => p.id)).toEqual([PROFILE_ID]);
      await page.close();

      const hist = await openExtensionPage(suite.b, 'options.html#history');
      await waitFor(
        () =>
          hist.evaluate<number>(`document.querySelectorAll('.day-chart rect[data-kind]').length`),
        'the chart bars',
      );
      const bars = await hist.evaluate<string[][]>(
        `[...document.querySelectorAll('.day-chart rect[data-kind]')].map((r) => [r.dataset.date, r.dataset.kind, r.dataset.count])`,
      );
      log(`chart bars: ${JSON.stringify(bars)}`);
      expect(bars).toEqual(expectedBars);
      const text = await bodyText(hist);
      expect(text).toContain('A slip (sent a message)');
      expect(text).toMatch(/Days kept in total\s*11/);
      await hist.close();
      await expectBlocked('typed, after the import');
    });

    it('an import with no profiles keeps the listed profile blocked, its removal waiting, and says so first', async () => {
      const { backup } = seededBackup(Date.now());
      const empty = { ...backup, settings: { ...backup.settings, profiles: [] } };
      const page = await openExtensionPage(suite.b, 'options.html#data');
      await chooseFile(page, 'Backup file', 'backup.json', JSON.stringify(empty));
      await waitForText(page, 'In this backup');
      // Said before anything changes: which profile stays blocked, until when, and why.
      await waitForText(page, `${SHOWN} stays blocked until`);
      const preview = await bodyText(page);
      expect(preview).toContain('0 profiles');
      expect(preview).toMatch(/lower your protection.*waits 24 hours first/);
      expect((await settingsOf(page)).pending).toEqual([]);
      await clickNamed(page, 'Replace everything with this backup');
      await waitForText(page, 'Imported. What would lower your protection waits 24 hours');
      const s = await settingsOf(page);
      expect(s.profiles.map((p) => p.id)).toEqual([PROFILE_ID]);
      expect(s.pending.map((p) => p.change)).toEqual([
        { kind: 'remove-profile', profileId: PROFILE_ID },
      ]);
      const due = s.pending[0]!.dueAt - Date.now();
      log(`after an import with no profiles: the removal waits ${(due / 3_600_000).toFixed(2)} h`);
      expect(due).toBeGreaterThan(23.9 * 3_600_000);
      expect(due).toBeLessThanOrEqual(24 * 3_600_000);
      // Shown with the other waiting changes, cancellable like them.
      await waitForText(page, `Remove ${SHOWN}: on`);
      await expectBlocked('typed, after an import with no profiles');

      await clickNamed(page, `Cancel: Remove ${SHOWN}`);
      await waitFor(async () => (await settingsOf(page)).pending.length === 0, 'the cancel');
      expect((await settingsOf(page)).profiles.map((p) => p.id)).toEqual([PROFILE_ID]);
      await page.close();
    });

    it('axe finds no accessibility violations in any section or first-run step', async () => {
      const counts: Record<string, number> = {};
      const check = async (page: E2EPage, label: string) => {
        const v = await axeViolations(page);
        counts[label] = v.length;
        if (v.length) log(`${label}: ${JSON.stringify(v)}`);
      };
      // One page, moved from section to section by its address's fragment as the section
      // links do: axe is put in the page once.
      const sections = await openExtensionPage(suite.b, 'options.html#plan');
      for (const section of [
        'plan',
        'profiles',
        'reached-out',
        'signs',
        'drafts',
        'history',
        'data',
      ]) {
        await sections.evaluate(`location.hash = '#${section}'`);
        await waitFor(
          () =>
            sections.evaluate<boolean>(
              `document.querySelector('nav [aria-current="page"]')?.getAttribute('href') === '#${section}' && !document.querySelector('[aria-busy]')`,
            ),
          `the section ${section}`,
        );
        if (section === 'history')
          await waitFor(
            () => sections.evaluate<number>(`document.querySelectorAll('.day-chart').length`),
            'the chart',
          );
        await check(sections, `#${section}`);
      }
      // Every first-run step, walked back from the last.
      await sections.evaluate(`location.hash = '#start'`);
      for (let step = 5; step >= 1; step--) {
        await waitForText(sections, `Step ${step} of 5`);
        await check(sections, `first run step ${step}`);
        if (step > 1) await clickNamed(sections, 'Back');
      }
      await sections.close();
      log(`axe violations: ${JSON.stringify(counts)}`);
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    });

    it('damaged settings are reported once, repaired when read, the original kept, protection unchanged', async () => {
      const page = await openExtensionPage(suite.b, 'options.html#plan');
      const before = await settingsOf(page);
      expect(before.plan).not.toBeNull();
      // As a disk or sync fault might leave it: the plan's goal is no longer a number.
      await page.evaluate(`(async () => {
        const api = globalThis.browser || globalThis.chrome;
        const { settings } = await api.storage.local.get('settings');
        settings.plan.goalDays = 'thirty';
        await api.storage.local.set({ settings });
      })()`);
      await page.close();
      const notice = await openExtensionPage(suite.b, 'options.html#plan');
      await waitForText(notice, "The plan's goal could not be read; it was set to 30 days.");
      expect(await bodyText(notice)).toContain('Some of your saved settings could not be read');
      expect(await axeViolations(notice)).toEqual([]);
      await clickNamed(notice, "I've read this");
      await waitFor(
        async () => !(await bodyText(notice)).includes('could not be read'),
        'the notice to go once read',
      );
      const after = await settingsOf(notice);
      expect(after.plan?.goalDays).toBe(30);
      expect(after.profiles).toEqual(before.profiles);
      const copies = await storedValue<{ value: { plan: { goalDays: unknown } } }[]>(
        notice,
        'settings.damaged',
      );
      expect(copies?.map((c) => c.value.plan.goalDays)).toEqual(['thirty']);
      await notice.close();
      const again = await openExtensionPage(suite.b, 'options.html#plan');
      await waitFor(
        () => again.evaluate<boolean>(`!document.querySelector('main[aria-busy]')`),
        'the options page to be ready',
      );
      await sleep(300);
      expect(await bodyText(again)).not.toContain('could not be read');
      log(`damaged goal: reported, repaired to 30 after "I've read this", original kept`);
      await again.close();
      await expectBlocked('after the repair');
    });

    it('a settings write in the background waits while a page holds the settings lock', async () => {
      // One Web Lock guards every settings write, in the background and the pages alike: a
      // page holds it, the background's import must wait, and lands once it is let go.
      const page = await openExtensionPage(suite.b, 'options.html#data');
      const before = await settingsOf(page);
      await page.evaluate(`(() => {
        window.__release = null;
        navigator.locks.request('no-contact.settings', () => new Promise((r) => { window.__release = r; }));
        return true;
      })()`);
      await waitFor(
        () => page.evaluate<boolean>(`typeof window.__release === 'function'`),
        'the lock',
      );
      const backup = {
        format: 'no-contact-backup',
        version: 2,
        exportedAt: new Date().toISOString(),
        settings: {
          ...before,
          reasons: [...before.reasons, 'Written after the lock.'],
        },
        events: [],
        drafts: [],
        signs: [],
      };
      await page.evaluate(`(() => {
        window.__imported = null;
        (globalThis.browser || globalThis.chrome).runtime
          .sendMessage({ type: 'apply-import', text: ${JSON.stringify(JSON.stringify(backup))} })
          .then((r) => { window.__imported = r; });
        return true;
      })()`);
      await sleep(1500);
      const held = await settingsOf(page);
      const answered = await page.evaluate<unknown>(`window.__imported`);
      log(
        `while the page held the lock: reasons ${JSON.stringify(held.reasons)}, answer ${JSON.stringify(answered)}`,
      );
      expect(held.reasons).toEqual(before.reasons);
      expect(answered).toBeNull();

      await page.evaluate(`(window.__release(), true)`);
      await waitFor(() => page.evaluate<unknown>(`window.__imported`), 'the import to finish');
      expect(await page.evaluate<unknown>(`window.__imported`)).toEqual({ ok: true });
      const after = await settingsOf(page);
      expect(after.reasons).toEqual([...before.reasons, 'Written after the lock.']);
      expect(after.profiles.map((p) => p.id)).toEqual(before.profiles.map((p) => p.id));
      await page.close();
      await expectBlocked('typed, after the import that waited for the lock');
    });

    it('deleting everything asks twice, then leaves no allowance and no data, and the profile blocked until its removal', async () => {
      // An "allow once" running in a tab, so there is a session rule to clear too.
      const tab = await suite.b.newPage();
      tab.goto(PROFILE);
      await waitForHref(tab, isInterstitial, 'the interstitial');
      const res = await sendFromPage<{ ok: boolean }>(tab, {
        type: 'continue',
        url: PROFILE,
        dedupeKey: 'e2e-options-allow',
      });
      expect(res.ok).toBe(true);

      const page = await openExtensionPage(suite.b, 'options.html#data');
      const sessionRules = () =>
        page.evaluate<number>(
          `(globalThis.browser || globalThis.chrome).declarativeNetRequest.getSessionRules().then((r) => r.length)`,
        );
      expect(await sessionRules()).toBeGreaterThan(0);
      expect(await dynamicRuleCount(page)).toBeGreaterThan(0);

      await clickNamed(page, 'Delete everything…');
      // Said before the confirmation: the profile stays blocked for 24 hours, and why.
      await waitForText(page, `${SHOWN} stays blocked until`);
      expect(await bodyText(page)).toMatch(
        /profiles are not deleted at once\. Removing a profile lowers your protection/,
      );
      await typeInto(page, 'Type “delete” to confirm', 'yes');
      await clickNamed(page, 'Delete everything now');
      await waitForText(page, 'Type the word');
      expect((await settingsOf(page)).profiles).toHaveLength(1);

      const field = await byLabel(page, 'Type “delete” to confirm');
      await page.evaluate(`document.querySelector(${JSON.stringify(field)}).select()`);
      await page.type(field, 'delete');
      await clickNamed(page, 'Delete everything now');
      await waitForText(page, 'Everything else was deleted.');
      await waitFor(async () => (await sessionRules()) === 0, 'no session rules');
      const dyn = await dynamicRuleCount(page);
      const ses = await sessionRules();
      const left = await page.evaluate<string[]>(
        `(globalThis.browser || globalThis.chrome).storage.local.get(null).then((r) => Object.keys(r))`,
      );
      log(
        `after delete: dynamic rules ${dyn}, session rules ${ses}, storage keys ${left.join(', ')}`,
      );
      // No allowance; of the storage only the settings that hold the profile.
      expect(ses).toBe(0);
      expect(left).toEqual(['settings']);
      const s = await settingsOf(page);
      expect(s.plan).toBeNull();
      expect(s.reasons).toEqual([]);
      expect(s.profiles.map((p) => p.id)).toEqual([PROFILE_ID]);
      const removal = s.pending.find((p) => p.change.kind === 'remove-profile')!;
      expect(removal.dueAt - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
      // The blocking rules stay with the profile, and the removal is shown as waiting.
      expect(dyn).toBeGreaterThan(0);
      await waitForText(page, `Remove ${SHOWN}: on`);
      await page.close();
      await tab.close();
      await expectBlocked('typed, after deleting everything');

      // The data is gone at once: the history has nothing in it.
      const hist = await openExtensionPage(suite.b, 'options.html#history');
      await waitForText(hist, 'Nothing logged yet.');
      await hist.close();

      const again = await openExtensionPage(suite.b, 'options.html');
      await waitForText(again, 'Step 1 of 5');
      await again.close();
    });
  });
}
