import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '@/lib/settings';
import { addDays, daysBetween, localDate } from '@/lib/streak/calendar';
import {
  EVENT_KINDS,
  PLAN_END_REASONS,
  SLIP_KINDS,
  isStreakBoundary,
  type LogEvent,
} from '@/lib/streak/log-event';
import { computeStats, type Stats } from '@/lib/streak/stats';

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Auckland',
  'America/Santiago',
  'Asia/Tokyo',
  'America/Los_Angeles',
  'UTC',
];
const T0 = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
const SPAN = 400 * DAY;

const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: T0, max: T0 + SPAN });

const eventArb: fc.Arbitrary<LogEvent> = fc
  .record({
    kind: fc.constantFrom(...EVENT_KINDS),
    time: instant,
    tz: zone,
    restarted: fc.boolean(),
    undone: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    what: fc.constantFrom(...SLIP_KINDS),
    reason: fc.constantFrom(...PLAN_END_REASONS),
    startOffset: fc.integer({ min: -20, max: 20 }),
    goalDays: fc.integer({ min: 1, max: 90 }),
    n: fc.nat(),
  })
  .map(({ kind, time, tz, restarted, undone, what, reason, startOffset, goalDays, n }) => {
    const base = {
      id: `e${n}-${time}`,
      time,
      localDate: localDate(time, tz),
      timeZone: tz,
      source: 'popup' as const,
      ...(undone ? { undoneAt: time + 1000 } : {}),
    };
    switch (kind) {
      case 'slip':
        return { ...base, kind, what, restarted };
      case 'plan-started':
        return { ...base, kind, startDate: addDays(base.localDate, startOffset), goalDays };
      case 'plan-ended':
        return { ...base, kind, reason };
      case 'they-reached-out':
        return { ...base, kind, channel: 'message' as const };
      default:
        return { ...base, kind };
    }
  });

const planArb: fc.Arbitrary<Plan | null> = fc.option(
  fc.record({
    startDate: fc.integer({ min: -30, max: 420 }).map((d) => addDays('2024-01-01', d)),
    goalDays: fc.integer({ min: 1, max: 120 }),
    looksRestart: fc.boolean(),
  }),
);

const uniqueIds = (events: LogEvent[]) => {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.id) && seen.add(e.id));
};
const eventsArb = fc.array(eventArb, { maxLength: 40 }).map(uniqueIds);
const input = fc.record({ plan: planArb, events: eventsArb, now: instant, timeZone: zone });

const dayOf = (s: Stats) => (s.status.kind === 'running' ? s.status.day : 0);

describe('streak invariants', () => {
  it('Day N is at least 1 once started, and equals the current streak', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = computeStats(i);
        if (s.status.kind !== 'running') return;
        expect(s.status.day).toBeGreaterThanOrEqual(1);
        expect(s.currentStreak?.days).toBe(s.status.day);
        expect(s.currentStreak?.lastDay).toBe(s.today);
        expect(s.status.daysToGo).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('today is never before the local date of the clock nor of anything logged', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = computeStats(i);
        expect(s.today >= localDate(i.now, i.timeZone)).toBe(true);
        for (const e of i.events) expect(s.today >= e.localDate).toBe(true);
      }),
    );
  });

  it('without a slip the day only grows with time', () => {
    const noRestart = eventsArb.map((es) => es.filter((e) => !(e.kind === 'slip' && e.restarted)));
    fc.assert(
      fc.property(
        planArb,
        noRestart,
        instant,
        fc.integer({ min: 0, max: 60 * DAY }),
        zone,
        (plan, events, t, dt, tz) => {
          const a = computeStats({ plan, events, now: t, timeZone: tz });
          const b = computeStats({ plan, events, now: t + dt, timeZone: tz });
          expect(dayOf(b)).toBeGreaterThanOrEqual(dayOf(a));
          if (plan && a.status.kind === 'running') {
            // No restart: the running streak is the plan itself, day N counted from its start.
            expect(dayOf(b) - dayOf(a)).toBe(daysBetween(a.today, b.today));
          }
        },
      ),
    );
  });

  it('longest >= current, and total days kept = the sum of the streak lengths', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = computeStats(i);
        expect(s.longestStreak).toBeGreaterThanOrEqual(s.currentStreak?.days ?? 0);
        expect(s.longestStreak).toBe(Math.max(0, ...s.streaks.map((x) => x.reachedDay)));
        for (const x of s.streaks) {
          const endedOnADay = x.endedBy?.kind === 'slip' || x.endedBy?.kind === 'plan-ended';
          expect(x.reachedDay).toBe(endedOnADay ? x.days + 1 : x.days);
        }
        expect(s.totalDaysKept).toBe(s.streaks.reduce((n, x) => n + x.days, 0));
      }),
    );
  });

  it('streaks are whole, in order, never overlap, and no day is counted twice', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = computeStats(i);
        const days = new Set<string>();
        let prevLast: string | null = null;
        for (const x of s.streaks) {
          expect(x.days).toBeGreaterThanOrEqual(1);
          expect(daysBetween(x.start, x.lastDay) + 1).toBe(x.days);
          if (prevLast !== null) expect(x.start > prevLast).toBe(true);
          prevLast = x.lastDay;
          for (let d = x.start; d <= x.lastDay; d = addDays(d, 1)) days.add(d);
        }
        expect(days.size).toBe(s.totalDaysKept);
        expect(s.streaks.filter((x) => x.endedBy === null).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('the current plan is covered from its start to today without a gap', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = computeStats(i);
        if (!i.plan || s.status.kind !== 'running') return;
        const mine = s.streaks.filter((x) => x.start >= i.plan!.startDate);
        expect(mine[0]?.start).toBe(i.plan.startDate);
        mine.forEach((x, k) => {
          const next = mine[k + 1];
          if (next) expect(addDays(x.lastDay, 1)).toBe(next.start);
          else expect(x.lastDay).toBe(s.today);
        });
        // Each split inside the current plan is a restarting slip on that very day.
        for (const x of mine.slice(1)) {
          expect(
            i.events.some(
              (e) => isStreakBoundary(e) && e.kind === 'slip' && e.localDate === x.start,
            ),
          ).toBe(true);
        }
      }),
    );
  });

  it('ended streaks and per-day counts do not move with the clock or the zone', () => {
    fc.assert(
      fc.property(input, instant, zone, (i, later, otherZone) => {
        const a = computeStats(i);
        const b = computeStats({ ...i, now: Math.max(i.now, later), timeZone: otherZone });
        const ended = (s: Stats) => s.streaks.filter((x) => x.endedBy !== null);
        expect(ended(b)).toEqual(ended(a));
        expect(b.perDay).toEqual(a.perDay);
        expect(b.totals).toEqual(a.totals);
      }),
    );
  });

  it('the order the events come in does not matter', () => {
    fc.assert(
      fc.property(input, fc.nat(), (i, seed) => {
        const shuffled = [...i.events]
          .map((e, k) => ({ e, r: (k * 7919 + seed) % 1009 }))
          .sort((x, y) => x.r - y.r)
          .map((x) => x.e);
        expect(computeStats({ ...i, events: shuffled })).toEqual(computeStats(i));
      }),
    );
  });
});
