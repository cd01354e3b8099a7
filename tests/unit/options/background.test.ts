import { sayAnswer } from '@/lib/i18n';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { createAllowOnce } from '@/entrypoints/background/allow-once';
import { COOLING_OFF_ALARM, setupCoolingOff } from '@/entrypoints/background/cooling-off';
import type { Handlers } from '@/entrypoints/background/messages';
import { optionsHandlers } from '@/entrypoints/background/options-handlers';
import { allEvents } from '@/lib/db/event-store';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import type { Message } from '@/lib/messaging';
import type { Profile } from '@/lib/profiles/types';
import { ALLOWANCES_KEY } from '@/lib/guard/allowances';
import type { DnrRule } from '@/lib/rules/dnr';
import {
  COOLING_OFF_MS,
  defaultSettings,
  loadSettings,
  SETTINGS_KEY,
  type PendingChange,
  type Settings,
} from '@/lib/settings';

const T0 = Date.parse('2026-03-14T21:30:00Z');

const jamie: Profile = {
  id: 'instagram:jamie.doe',
  platform: 'instagram',
  key: 'jamie.doe',
  display: 'Instagram · @jamie.doe',
  url: 'https://www.instagram.com/jamie.doe/',
  mode: 'block',
  addedAt: 1,
};
const customSite: Profile = {
  id: 'custom:site:example.net',
  platform: 'custom',
  key: 'site:example.net',
  display: 'Custom · example.net',
  url: 'https://example.net/',
  mode: 'block',
  addedAt: 2,
};

let n = 0;
function freshDb(): NoContactDb {
  return createDb(`options-bg-${++n}-${crypto.randomUUID()}`);
}

const browser = fakeBrowser as unknown as WxtBrowser;
const area = fakeBrowser.storage.local;

function settings(over: Partial<Settings> = {}): Settings {
  return {
    ...defaultSettings(),
    plan: { startDate: '2026-02-01', goalDays: 30, looksRestart: true },
    profiles: [jamie, customSite],
    ...over,
  };
}

const pending = (change: PendingChange['change'], dueAt: number, id = 'w1'): PendingChange => ({
  id,
  change,
  requestedAt: dueAt - COOLING_OFF_MS,
  dueAt,
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('setupCoolingOff (background)', () => {
  function setup(now: () => number) {
    const db = freshDb();
    const removed: string[][] = [];
    (fakeBrowser as unknown as { permissions: unknown }).permissions = {
      remove: vi.fn((p: { origins: string[] }) => {
        removed.push(p.origins);
        return Promise.resolve(true);
      }),
    };
    const { settled } = setupCoolingOff(browser, () => db, now);
    return { db, settled, removed };
  }

  it('arms one alarm at the earliest due time, and clears it when nothing waits', async () => {
    let t = T0;
    const { settled } = setup(() => t);
    await area.set({
      [SETTINGS_KEY]: settings({
        pending: [
          pending({ kind: 'remove-profile', profileId: jamie.id }, T0 + 5 * 3600_000, 'a'),
          pending({ kind: 'end-plan', reason: 'goal-reached' }, T0 + 2 * 3600_000, 'b'),
        ],
      }),
    });
    await settled();
    expect((await fakeBrowser.alarms.get(COOLING_OFF_ALARM))?.scheduledTime).toBe(
      T0 + 2 * 3600_000,
    );

    t = T0 + 10;
    await area.set({ [SETTINGS_KEY]: settings() });
    await settled();
    expect(await fakeBrowser.alarms.get(COOLING_OFF_ALARM)).toBeUndefined();
  });

  it('the alarm applies what is due, logs the end of the plan once, and re-arms for the rest', async () => {
    let t = T0;
    const { db, settled } = setup(() => t);
    await area.set({
      [SETTINGS_KEY]: settings({
        pending: [
          pending({ kind: 'end-plan', reason: 'no-longer-needed' }, T0 + 3600_000, 'end'),
          pending({ kind: 'remove-profile', profileId: jamie.id }, T0 + 7200_000, 'rm'),
        ],
      }),
    });
    await settled();
    expect((await loadSettings(area)).plan).not.toBeNull();
    t = T0 + 3600_000;
    await fakeBrowser.alarms.onAlarm.trigger({ name: COOLING_OFF_ALARM, scheduledTime: t });
    await settled();
    const s = await loadSettings(area);
    expect(s.plan).toBeNull();
    expect(s.profiles.map((p) => p.id)).toEqual([jamie.id, customSite.id]);
    expect(s.pending.map((p) => p.id)).toEqual(['rm']);
    expect((await fakeBrowser.alarms.get(COOLING_OFF_ALARM))?.scheduledTime).toBe(T0 + 7200_000);
    // Another alarm at the same moment writes nothing new.
    await fakeBrowser.alarms.onAlarm.trigger({ name: COOLING_OFF_ALARM, scheduledTime: t });
    await settled();
    const events = await allEvents(db);
    expect(events.map((e) => [e.kind, e.kind === 'plan-ended' && e.reason])).toEqual([
      ['plan-ended', 'no-longer-needed'],
    ]);
  });

  it('an alarm of another name changes nothing', async () => {
    let t = T0;
    const { settled } = setup(() => t);
    await area.set({
      [SETTINGS_KEY]: settings({
        pending: [pending({ kind: 'remove-profile', profileId: jamie.id }, T0 + 1000)],
      }),
    });
    await settled();
    t = T0 + 2000;
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'allow-end:1:x', scheduledTime: t });
    await settled();
    expect((await loadSettings(area)).profiles).toHaveLength(2);
  });

  it('a change already due is applied at browser start, without waiting for an alarm', async () => {
    let t = T0 - 120_000;
    const { settled, removed } = setup(() => t);
    await area.set({
      [SETTINGS_KEY]: settings({
        pending: [pending({ kind: 'remove-profile', profileId: customSite.id }, T0 - 60_000)],
      }),
    });
    await settled();
    expect((await loadSettings(area)).profiles).toHaveLength(2);
    t = T0;
    await fakeBrowser.runtime.onStartup.trigger();
    await settled();
    expect((await loadSettings(area)).profiles.map((p) => p.id)).toEqual([jamie.id]);
    // The custom site's access, asked for when it was added, is given back.
    expect(removed).toEqual([['*://example.net/*', '*://*.example.net/*']]);
  });

  it('nothing due before its time, even with the settings written again', async () => {
    const { settled } = setup(() => T0 + COOLING_OFF_MS - 1);
    await area.set({
      [SETTINGS_KEY]: settings({
        pending: [pending({ kind: 'remove-profile', profileId: jamie.id }, T0 + COOLING_OFF_MS)],
      }),
    });
    await settled();
    await fakeBrowser.alarms.onAlarm.trigger({ name: COOLING_OFF_ALARM, scheduledTime: T0 });
    await settled();
    expect((await loadSettings(area)).profiles).toHaveLength(2);
  });
});

describe('optionsHandlers (background)', () => {
  function setup() {
    const db = freshDb();
    let dynamic: DnrRule[] = [
      {
        id: 1000,
        priority: 1,
        action: { type: 'block' },
        condition: { regexFilter: 'a', isUrlFilterCaseSensitive: false },
      },
      {
        id: 1001,
        priority: 1,
        action: { type: 'block' },
        condition: { regexFilter: 'b', isUrlFilterCaseSensitive: false },
      },
      // Not ours: a rule outside the reserved range is left alone.
      {
        id: 5,
        priority: 1,
        action: { type: 'block' },
        condition: { regexFilter: 'c', isUrlFilterCaseSensitive: false },
      },
    ];
    let session: DnrRule[] = [
      {
        id: 20000,
        priority: 2,
        action: { type: 'allow' },
        condition: { regexFilter: 'a', isUrlFilterCaseSensitive: false, tabIds: [7] },
      },
    ];
    (fakeBrowser as unknown as { declarativeNetRequest: unknown }).declarativeNetRequest = {
      getDynamicRules: () => Promise.resolve(dynamic),
      updateDynamicRules: (u: { removeRuleIds: number[] }) => {
        dynamic = dynamic.filter((r) => !u.removeRuleIds.includes(r.id));
        return Promise.resolve();
      },
      getSessionRules: () => Promise.resolve(session),
      updateSessionRules: (u: { removeRuleIds?: number[] }) => {
        session = session.filter((r) => !(u.removeRuleIds ?? []).includes(r.id));
        return Promise.resolve();
      },
    };
    const tabMessages: number[] = [];
    fakeBrowser.tabs.sendMessage = ((tabId: number) => {
      tabMessages.push(tabId);
      return Promise.resolve();
    }) as typeof fakeBrowser.tabs.sendMessage;
    const handlers = optionsHandlers(browser, createAllowOnce(browser), () => db);
    const call = <T extends Message['type']>(msg: Message<T>) =>
      (handlers[msg.type] as NonNullable<Handlers[T]>)(msg, {});
    return { db, call, rules: () => ({ dynamic, session }), tabMessages };
  }

  it('log-plan-start records the start once per key', async () => {
    const { db, call } = setup();
    const msg = {
      type: 'log-plan-start',
      startDate: '2026-03-10',
      goalDays: 45,
      dedupeKey: 'k1',
    } as const;
    await call(msg);
    await call(msg);
    const events = await allEvents(db);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'plan-started',
      startDate: '2026-03-10',
      goalDays: 45,
      source: 'options',
    });
  });

  it('delete-everything empties the log and storage, ends every allowance, and keeps the profiles blocked, their removal waiting', async () => {
    const { db, call, rules, tabMessages } = setup();
    await area.set({ [SETTINGS_KEY]: settings(), 'options.firstRun': { version: 1, done: true } });
    const before = Date.now();
    await fakeBrowser.storage.session.set({
      [ALLOWANCES_KEY]: [
        { profileId: jamie.id, tabId: 7, until: Date.now() + 60_000, ruleIds: [20000] },
      ],
    });
    await call({ type: 'log-plan-start', startDate: '2026-03-10', goalDays: 30, dedupeKey: 'k' });
    expect(await call({ type: 'delete-everything' } as Message<'delete-everything'>)).toEqual({
      ok: true,
    });
    // Only the settings that hold the profiles are left, with nothing else in them.
    expect(Object.keys(await area.get(null))).toEqual([SETTINGS_KEY]);
    const left = await loadSettings(area);
    expect(left).toMatchObject({ plan: null, profiles: [jamie, customSite], reasons: [] });
    expect(left.pending.filter((p) => p.change.kind === 'remove-profile')).toEqual(
      [jamie, customSite].map((p) => ({
        id: expect.any(String) as string,
        change: { kind: 'remove-profile', profileId: p.id },
        requestedAt: expect.any(Number) as number,
        dueAt: expect.any(Number) as number,
      })),
    );
    for (const p of left.pending) expect(p.dueAt - COOLING_OFF_MS).toBeGreaterThanOrEqual(before);
    expect(await allEvents(db)).toEqual([]);
    // The blocking rules stay (they follow the listed profiles); the allowance is gone.
    expect(rules().dynamic.map((r) => r.id)).toEqual([1000, 1001, 5]);
    expect(rules().session).toEqual([]);
    expect(await fakeBrowser.storage.session.get(ALLOWANCES_KEY)).toEqual({});
    expect(tabMessages).toEqual([7]);
  });

  it('apply-import of a backup with no profiles replaces the log, and keeps the listed profiles until their removal is due', async () => {
    const { db, call, rules } = setup();
    await area.set({ [SETTINGS_KEY]: settings() });
    await call({ type: 'log-plan-start', startDate: '2026-03-10', goalDays: 30, dedupeKey: 'k' });
    const before = Date.now();
    const text = JSON.stringify({
      format: 'no-contact-backup',
      version: 2,
      exportedAt: new Date(before - 60_000).toISOString(),
      settings: { ...defaultSettings(), reasons: ['From the other computer.'] },
      events: [],
      drafts: [],
      signs: [],
    });
    expect(await call({ type: 'apply-import', text })).toEqual({ ok: true });
    expect(await allEvents(db)).toEqual([]);
    const s = await loadSettings(area);
    expect(s.reasons).toEqual(['From the other computer.']);
    expect(s.profiles).toEqual([jamie, customSite]);
    const removals = s.pending.filter((p) => p.change.kind === 'remove-profile');
    expect(removals.map((p) => p.change)).toEqual([
      { kind: 'remove-profile', profileId: jamie.id },
      { kind: 'remove-profile', profileId: customSite.id },
    ]);
    for (const p of removals) expect(p.dueAt - COOLING_OFF_MS).toBeGreaterThanOrEqual(before);
    // The running plan's end waits too.
    expect(s.plan).toEqual(settings().plan);
    expect(s.pending.some((p) => p.change.kind === 'end-plan')).toBe(true);
    expect(rules().dynamic.map((r) => r.id)).toEqual([1000, 1001, 5]);
  });

  it('apply-import refuses a backup whose list, with the profiles kept, would pass the rules limit', async () => {
    const { db, call } = setup();
    await area.set({ [SETTINGS_KEY]: settings() });
    await call({ type: 'log-plan-start', startDate: '2026-03-10', goalDays: 30, dedupeKey: 'k' });
    const before = Date.now();
    // Long handles take a regex rule pair each; 1,000 of them pass 900 regex rules.
    const many: Profile[] = Array.from({ length: 1000 }, (_, i) => {
      const key = `someone.${String(i).padStart(4, '0')}.abcdefgh`;
      return {
        id: `instagram:${key}`,
        platform: 'instagram',
        key,
        display: `Instagram · @${key}`,
        url: `https://www.instagram.com/${key}/`,
        mode: 'block',
        addedAt: before - 60_000,
      };
    });
    const text = JSON.stringify({
      format: 'no-contact-backup',
      version: 2,
      exportedAt: new Date(before - 60_000).toISOString(),
      settings: { ...defaultSettings(), profiles: many },
      events: [],
      drafts: [],
      signs: [],
    });
    const r = await call({ type: 'apply-import', text });
    expect(r).toMatchObject({ ok: false });
    expect(sayAnswer((r as { error: unknown }).error, '')).toMatch(/1,?002/);
    // Nothing changed: the two listed profiles and the log are as they were.
    expect((await loadSettings(area)).profiles).toEqual([jamie, customSite]);
    expect(await allEvents(db)).toHaveLength(1);
  });

  it('apply-import checks the text again and refuses what is not a backup, changing nothing', async () => {
    const { call } = setup();
    await area.set({ [SETTINGS_KEY]: settings() });
    const r = await call({ type: 'apply-import', text: '{"format":"something-else"}' });
    expect(r).toMatchObject({ ok: false });
    expect(sayAnswer((r as { error: unknown }).error, '')).toMatch(/Nothing was changed\.$/);
    expect((await loadSettings(area)).profiles).toHaveLength(2);
  });
});
