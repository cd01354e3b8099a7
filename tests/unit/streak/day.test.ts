import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { planBadge } from '@/lib/badge';
import { insertEvents } from '@/lib/db/event-store';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import { loadSummary } from '@/lib/db/summary';
import { earlyDayFrom, popupAddress } from '@/lib/popup-address';
import type { Plan } from '@/lib/settings';
import { localDate } from '@/lib/streak/calendar';
import { dayStatus } from '@/lib/streak/day';
import type { LogEvent } from '@/lib/streak/log-event';
import { computeStats } from '@/lib/streak/stats';
import { at, slip, urge } from '../fixtures/events';

const plan: Plan = { startDate: '2024-05-10', goalDays: 30, looksRestart: true };

describe('dayStatus: (plan, streak start, today) -> the day', () => {
  it('has no day without a plan', () => {
    expect(dayStatus(null, null, '2024-05-10')).toEqual({ kind: 'no-plan' });
    expect(dayStatus(null, '2024-05-01', '2024-05-10')).toEqual({ kind: 'no-plan' });
  });

  it('before the start: how many days until day 1', () => {
    expect(dayStatus(plan, null, '2024-05-09')).toEqual({ kind: 'not-started', startsInDays: 1 });
    expect(dayStatus(plan, null, '2024-04-10')).toEqual({ kind: 'not-started', startsInDays: 30 });
  });

  it('the start date is day 1', () => {
    expect(dayStatus(plan, null, '2024-05-10')).toEqual({
      kind: 'running',
      day: 1,
      goalDays: 30,
      daysToGo: 29,
      goalReached: false,
    });
  });

  it('the goal day reaches the goal, with no days to go', () => {
    expect(dayStatus(plan, null, '2024-06-08')).toEqual({
      kind: 'running',
      day: 30,
      goalDays: 30,
      daysToGo: 0,
      goalReached: true,
    });
    expect(dayStatus(plan, null, '2024-06-07')).toMatchObject({ day: 29, goalReached: false });
  });

  it('past the goal the count goes on; days to go stay at 0', () => {
    expect(dayStatus(plan, null, '2025-05-10')).toEqual({
      kind: 'running',
      day: 366,
      goalDays: 30,
      daysToGo: 0,
      goalReached: true,
    });
  });

  it('counts calendar days across a daylight-saving change, never hours', () => {
    const tz = 'Europe/Berlin';
    const p: Plan = { startDate: '2024-03-30', goalDays: 30, looksRestart: true };
    const dayAt = (iso: string) => {
      const s = dayStatus(p, null, localDate(at(iso), tz));
      return s.kind === 'running' ? s.day : null;
    };
    // 2024-03-31 has 23 hours in Berlin.
    expect(dayAt('2024-03-30T23:30:00+01:00')).toBe(1);
    expect(dayAt('2024-03-31T00:30:00+01:00')).toBe(2);
    expect(dayAt('2024-03-31T23:30:00+02:00')).toBe(2);
    expect(dayAt('2024-04-01T00:00:00+02:00')).toBe(3);
    // 2024-10-27 has 25 hours: it is one day, from its first minute to its last.
    const q: Plan = { ...p, startDate: '2024-10-26' };
    const dayOn = (iso: string) => dayStatus(q, null, localDate(at(iso), tz));
    expect(dayOn('2024-10-27T00:00:00+02:00')).toMatchObject({ day: 2 });
    expect(dayOn('2024-10-27T23:59:00+01:00')).toMatchObject({ day: 2 });
    expect(dayOn('2024-10-28T00:00:00+01:00')).toMatchObject({ day: 3 });
  });

  it('a restart today makes today day 1 again; the goal stays the plan', () => {
    expect(dayStatus(plan, '2024-06-20', '2024-06-20')).toEqual({
      kind: 'running',
      day: 1,
      goalDays: 30,
      daysToGo: 29,
      goalReached: false,
    });
    expect(dayStatus(plan, '2024-06-20', '2024-06-22')).toMatchObject({ day: 3 });
  });
});

describe('every reader of the day gets it from dayStatus', () => {
  const tz = 'Europe/Berlin';
  const opened: NoContactDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });

  const cases: { name: string; now: string; events: LogEvent[]; start: string | null }[] = [
    { name: 'before the start', now: '2024-05-09T12:00:00+02:00', events: [], start: null },
    { name: 'day 1', now: '2024-05-10T12:00:00+02:00', events: [], start: null },
    { name: 'the goal day', now: '2024-06-08T12:00:00+02:00', events: [], start: null },
    {
      name: 'a restart today',
      now: '2024-05-20T22:00:00+02:00',
      events: [urge('2024-05-12T08:00:00+02:00', tz), slip('2024-05-20T21:00:00+02:00', tz)],
      start: '2024-05-20',
    },
  ];

  for (const c of cases) {
    it(`${c.name}: the full log, the indexes and the popup's address agree`, async () => {
      const now = at(c.now);
      const today = localDate(now, tz);
      const want = dayStatus(plan, c.start, today);
      // From the full log (history page).
      expect(computeStats({ plan, events: c.events, now, timeZone: tz }).status).toEqual(want);
      // From the indexes (popup, badge).
      const db = createDb(`nc-day-${crypto.randomUUID()}`);
      opened.push(db);
      await insertEvents(db, c.events);
      const summary = await loadSummary(db, { plan, now, timeZone: tz });
      expect(summary.status).toEqual(want);
      // Carried in the popup's address, as the badge computed it.
      const until = planBadge(summary.status, now, tz).alarmAt;
      const address = popupAddress(summary.status, until ? { from: now, until } : null, null);
      const early = earlyDayFrom(new URL(address, 'https://x/').search, now, 0);
      expect(early).toEqual(
        want.kind === 'running' ? { day: want.day, goalDays: want.goalDays } : null,
      );
    });
  }
});
