import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import {
  BADGE_CHECK_ALARM,
  BADGE_MIDNIGHT_ALARM,
  badgeIsStale,
  badgeText,
  ENDED_BADGE,
  parseBadgeState,
  planBadge,
} from '@/lib/badge';
import { BADGE_STATE_KEY, setupBadge, type Badge } from '@/entrypoints/background/badge';
import { addEvent } from '@/lib/db/event-store';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import { earlyDayFrom, POPUP_PAGE } from '@/lib/popup-address';
import { defaultSettings, SETTINGS_KEY, type Plan } from '@/lib/settings';
import { localDate, nextLocalMidnight } from '@/lib/streak/calendar';
import { dayStatus } from '@/lib/streak/day';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('badgeText', () => {
  const plan: Plan = { startDate: '2024-05-10', goalDays: 30, looksRestart: true };
  it('is empty before setup and before the start date, the day number after', () => {
    expect(badgeText(dayStatus(null, null, '2024-05-10'))).toBe('');
    expect(badgeText(dayStatus(plan, null, '2024-05-09'))).toBe('');
    expect(badgeText(dayStatus(plan, null, '2024-05-10'))).toBe('1');
    expect(badgeText(dayStatus(plan, null, '2024-06-20'))).toBe('42');
  });

  it('an ended plan is a state of its own: the ended mark, never the empty "not set up"', () => {
    expect(badgeText(dayStatus(null, null, '2024-07-01'), true)).toBe(ENDED_BADGE);
    expect(ENDED_BADGE).not.toBe('');
    // A new plan running (or waiting to start) shows its own state, not the old end.
    expect(badgeText(dayStatus(plan, null, '2024-05-11'), true)).toBe('2');
    expect(badgeText(dayStatus(plan, null, '2024-05-09'), true)).toBe('');
    expect(
      planBadge(dayStatus(null, null, '2024-07-01'), Date.UTC(2024, 6, 1), 'UTC', true).text,
    ).toBe(ENDED_BADGE);
  });
});

describe('planBadge: when to look again, across daylight-saving changes', () => {
  /**
   * Plays the badge forward the way the alarm does: compute at `from`, then again at each
   * alarm instant. Returns each step's text and how long the day it showed lasted.
   */
  function playFrom(from: number, tz: string, plan: Plan, steps: number) {
    const out: { text: string; date: string; hours: number; at: number }[] = [];
    let now = from;
    for (let i = 0; i < steps; i++) {
      const status = dayStatus(plan, null, localDate(now, tz));
      const b = planBadge(status, now, tz);
      expect(b.alarmAt).not.toBeNull();
      const next = b.alarmAt!;
      // The alarm is the first instant of the next local date: the date has just changed.
      expect(localDate(next - 1, tz)).toBe(b.date);
      expect(localDate(next, tz) > b.date).toBe(true);
      out.push({ text: b.text, date: b.date, hours: (next - now) / HOUR, at: now });
      now = next;
    }
    return out;
  }

  const cases = [
    // zone, first midnight before the change, the change's date, that day's length
    ['Europe/Berlin', '2024-03-29T00:00:00+01:00', '2024-03-31', 23],
    ['Europe/Berlin', '2024-10-25T00:00:00+02:00', '2024-10-27', 25],
    ['America/New_York', '2024-03-08T00:00:00-05:00', '2024-03-10', 23],
    ['America/New_York', '2024-11-01T00:00:00-04:00', '2024-11-03', 25],
    // Lord Howe moves its clocks by half an hour.
    ['Australia/Lord_Howe', '2024-04-05T00:00:00+11:00', '2024-04-07', 24.5],
    ['Australia/Lord_Howe', '2024-10-04T00:00:00+10:30', '2024-10-06', 23.5],
  ] as const;

  for (const [tz, from, changeDate, hours] of cases) {
    it(`${tz}, ${changeDate}: one step a day, the day number never skips or repeats`, () => {
      const start = at(from);
      const plan: Plan = { startDate: localDate(start, tz), goalDays: 30, looksRestart: true };
      const steps = playFrom(start, tz, plan, 5);
      expect(steps.map((s) => s.text)).toEqual(['1', '2', '3', '4', '5']);
      const dates = steps.map((s) => s.date);
      expect(new Set(dates).size).toBe(5);
      for (const s of steps) {
        expect(s.hours).toBe(s.date === changeDate ? hours : 24);
      }
    });
  }

  it('an alarm computed in the middle of the changing night still lands on the next midnight', () => {
    // 02:30 does not exist in New York on 2024-03-10; 01:59 EST is just before it.
    const now = at('2024-03-10T01:59:00-05:00');
    const b = planBadge({ kind: 'not-started', startsInDays: 2 }, now, 'America/New_York');
    expect(b.text).toBe('');
    expect(b.alarmAt).toBe(at('2024-03-11T00:00:00-04:00'));
  });

  it('needs no alarm without a plan', () => {
    expect(planBadge({ kind: 'no-plan' }, at('2024-05-01T12:00:00Z'), 'UTC').alarmAt).toBeNull();
  });
});

describe('badgeIsStale', () => {
  const tz = 'Europe/Berlin';
  const now = at('2024-05-01T12:00:00+02:00');
  const fresh = planBadge({ kind: 'not-started', startsInDays: 1 }, now, tz);
  it('is fresh the same local day in the same zone', () => {
    expect(badgeIsStale(fresh, now + 11 * HOUR, tz)).toBe(false);
  });
  it('is stale once the local date moves on (clock changed, or the alarm was missed)', () => {
    expect(badgeIsStale(fresh, now + 12 * HOUR, tz)).toBe(true);
    // The clock set back a day counts too.
    expect(badgeIsStale(fresh, now - 24 * HOUR, tz)).toBe(true);
  });
  it('is stale in another zone, and when nothing was computed', () => {
    expect(badgeIsStale(fresh, now, 'America/New_York')).toBe(true);
    expect(badgeIsStale(null, now, tz)).toBe(true);
  });
  it('reads back what was stored, and nothing else', () => {
    expect(parseBadgeState(JSON.parse(JSON.stringify(fresh)))).toEqual(fresh);
    expect(parseBadgeState({ ...fresh, alarmAt: 'soon' })).toBeNull();
    expect(parseBadgeState('12')).toBeNull();
  });
});

describe('setupBadge', () => {
  const tz = 'Europe/Berlin';
  let now = at('2024-05-12T15:00:00+02:00');
  let zone = tz;
  let db: NoContactDb;
  let n = 0;
  const browser = fakeBrowser as unknown as WxtBrowser;
  const badge = () => fakeBrowser.action.getBadgeText({});
  // The fake browser has no setPopup: the popup's address is kept here.
  let popup = POPUP_PAGE;
  const setPlan = (plan: Plan | null) =>
    fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), plan } });

  beforeEach(() => {
    fakeBrowser.reset();
    popup = POPUP_PAGE;
    vi.spyOn(fakeBrowser.action, 'setPopup').mockImplementation((d) => {
      popup = d.popup ?? POPUP_PAGE;
      return Promise.resolve();
    });
    now = at('2024-05-12T15:00:00+02:00');
    zone = tz;
    db = createDb(`badge-test-${++n}`);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.delete();
  });
  let current: Badge;
  const start = () =>
    (current = setupBadge(browser, { openDb: () => db, now: () => now, timeZone: () => zone }));
  const refreshBadge = () => current.refresh();

  it('is empty before setup and sets no midnight alarm, only the hourly check', async () => {
    start();
    await refreshBadge();
    expect(await badge()).toBe('');
    expect(popup).toBe('popup.html');
    expect(await fakeBrowser.alarms.get(BADGE_MIDNIGHT_ALARM)).toBeUndefined();
    expect(await fakeBrowser.alarms.get(BADGE_CHECK_ALARM)).toMatchObject({ periodInMinutes: 60 });
  });

  it('shows the day, follows settings changes, and arms the alarm for local midnight', async () => {
    start();
    await setPlan({ startDate: '2024-05-01', goalDays: 30, looksRestart: true });
    await refreshBadge();
    expect(await badge()).toBe('12');
    // The popup is opened at an address that carries the same day.
    // It holds from now to the next midnight, with Berlin's offset then (the plan follows
    // the device: the device must still be at that offset).
    const midnight = at('2024-05-13T00:00:00+02:00');
    expect(popup).toBe(`popup.html?day=12&goal=30&from=${now}&until=${midnight}&offsets=-120`);
    expect(earlyDayFrom(new URL(popup, 'https://x/').search, now, -120)).toEqual({
      day: 12,
      goalDays: 30,
    });
    const alarm = await fakeBrowser.alarms.get(BADGE_MIDNIGHT_ALARM);
    expect(alarm?.scheduledTime).toBe(at('2024-05-13T00:00:00+02:00'));
    expect(alarm?.scheduledTime).toBe(nextLocalMidnight(now, tz));

    await setPlan({ startDate: '2024-05-20', goalDays: 30, looksRestart: true });
    await refreshBadge();
    expect(await badge()).toBe('');
    expect(popup).toBe('popup.html');
    await setPlan(null);
    await refreshBadge();
    expect(await fakeBrowser.alarms.get(BADGE_MIDNIGHT_ALARM)).toBeUndefined();
  });

  it('counts restarts from the log', async () => {
    start();
    await setPlan({ startDate: '2024-05-01', goalDays: 30, looksRestart: true });
    await addEvent(db, {
      kind: 'slip',
      what: 'call',
      restarted: true,
      time: at('2024-05-10T20:00:00+02:00'),
      timeZone: tz,
      source: 'popup',
    });
    await refreshBadge();
    expect(await badge()).toBe('3');
    expect(popup).toMatch(/^popup\.html\?day=3&goal=30&/);
  });

  it("gives the popup the plan's own zone when the plan has one", async () => {
    start();
    await setPlan({
      startDate: '2024-05-01',
      goalDays: 60,
      looksRestart: true,
      timeZone: 'Asia/Tokyo',
    });
    await refreshBadge();
    // 15:00 in Berlin is 22:00 in Tokyo, still the 12th there, until Tokyo's midnight; and
    // wherever the device is.
    const tokyoMidnight = at('2024-05-13T00:00:00+09:00');
    expect(popup).toBe(`popup.html?day=12&goal=60&from=${now}&until=${tokyoMidnight}`);
  });

  it('moves to the next day when the midnight alarm fires, and on browser start', async () => {
    start();
    await setPlan({ startDate: '2024-05-01', goalDays: 30, looksRestart: true });
    await refreshBadge();
    const alarm = (await fakeBrowser.alarms.get(BADGE_MIDNIGHT_ALARM))!;
    now = alarm.scheduledTime;
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await refreshBadge();
    expect(await badge()).toBe('13');
    expect((await fakeBrowser.alarms.get(BADGE_MIDNIGHT_ALARM))?.scheduledTime).toBe(
      at('2024-05-14T00:00:00+02:00'),
    );

    now += 24 * HOUR;
    await fakeBrowser.runtime.onStartup.trigger();
    await refreshBadge();
    expect(await badge()).toBe('14');
    expect(popup).toContain(`day=14&goal=30&from=${now}&until=${at('2024-05-15T00:00:00+02:00')}&`);
  });

  it('the hourly check recomputes only when the local date or the zone changed', async () => {
    const b = start();
    await setPlan({ startDate: '2024-05-01', goalDays: 30, looksRestart: true });
    await refreshBadge();
    const set = vi.spyOn(fakeBrowser.action, 'setBadgeText');

    now += HOUR;
    await b.check();
    expect(set).not.toHaveBeenCalled();

    // The clock jumps to the next day without the alarm firing.
    now += 24 * HOUR;
    await b.check();
    expect(set).toHaveBeenCalledTimes(1);
    expect(await badge()).toBe('13');

    // The device moves to New York: another zone, so the badge and its alarm follow it.
    zone = 'America/New_York';
    await b.check();
    expect(set).toHaveBeenCalledTimes(2);
    const stored = parseBadgeState(
      (await fakeBrowser.storage.session.get(BADGE_STATE_KEY))[BADGE_STATE_KEY],
    );
    expect(stored).toMatchObject({ timeZone: 'America/New_York', date: '2024-05-13' });
    expect((await fakeBrowser.alarms.get(BADGE_MIDNIGHT_ALARM))?.scheduledTime).toBe(
      at('2024-05-14T00:00:00-04:00'),
    );
  });
});
