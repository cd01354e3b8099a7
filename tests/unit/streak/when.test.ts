import { describe, expect, it } from 'vitest';
import { say } from '@/lib/i18n';
import type { Plan } from '@/lib/settings';
import type { LogEvent } from '@/lib/streak/log-event';
import { localDate } from '@/lib/streak/calendar';
import { computeStats } from '@/lib/streak/stats';
import {
  checkEventTime,
  resolveWhen,
  wallTimeOf,
  wallTimeToInstant,
  WHEN_FUTURE_SLACK_MS,
} from '@/lib/streak/when';
import { at, slip } from '../fixtures/events';

const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';

const plan = (startDate: string): Plan => ({ startDate, goalDays: 30, looksRestart: true });

/** A slip recorded at `recordedAt`... dated at `happenedAt`, as the background writes it. */
function backdatedSlip(happenedAt: number, tz: string): LogEvent {
  const e = slip(new Date(happenedAt).toISOString(), tz);
  return { ...e, time: happenedAt, localDate: localDate(happenedAt, tz) };
}

describe('a wall-clock time in a zone', () => {
  it('is the instant the clock read then', () => {
    expect(wallTimeToInstant('2026-03-10', '21:30', BERLIN)).toBe(at('2026-03-10T21:30:00+01:00'));
    expect(wallTimeToInstant('2026-07-10', '08:05', NY)).toBe(at('2026-07-10T08:05:00-04:00'));
  });

  it('a time skipped by spring-forward is read past the gap, on the same date', () => {
    // Berlin: 02:00 became 03:00 on 29 March 2026.
    const t = wallTimeToInstant('2026-03-29', '02:30', BERLIN);
    expect(t).toBe(at('2026-03-29T03:30:00+02:00'));
    expect(localDate(t, BERLIN)).toBe('2026-03-29');
    // New York: 02:00 became 03:00 on 8 March 2026.
    expect(wallTimeToInstant('2026-03-08', '02:30', NY)).toBe(at('2026-03-08T03:30:00-04:00'));
  });

  it('a time that came twice in autumn is the first of the two', () => {
    expect(wallTimeToInstant('2026-10-25', '02:30', BERLIN)).toBe(at('2026-10-25T02:30:00+02:00'));
  });

  it('around midnight on the change days it stays on its date', () => {
    for (const [d, tm] of [
      ['2026-03-28', '23:59'],
      ['2026-03-29', '00:00'],
      ['2026-10-25', '00:00'],
      ['2026-10-25', '23:59'],
    ] as const) {
      expect(localDate(wallTimeToInstant(d, tm, BERLIN), BERLIN)).toBe(d);
      expect(wallTimeOf(wallTimeToInstant(d, tm, BERLIN), BERLIN)).toBe(tm);
    }
  });

  it('refuses what is not a date or a time', () => {
    expect(() => wallTimeToInstant('2026-02-30', '10:00', BERLIN)).toThrow(RangeError);
    expect(() => wallTimeToInstant('2026-02-10', '24:00', BERLIN)).toThrow(RangeError);
  });
});

describe('when it happened: now, yesterday, or a day and time', () => {
  const now = at('2026-03-29T10:00:00+02:00'); // the morning after Berlin's clocks went forward
  const p = plan('2026-03-20');

  it('now leaves the time to the background', () => {
    expect(resolveWhen({ kind: 'now' }, now, BERLIN, p)).toEqual({ ok: true, at: undefined });
  });

  it('yesterday is the calendar day before, across the DST change', () => {
    const r = resolveWhen({ kind: 'yesterday', time: '23:30' }, now, BERLIN, p);
    expect(r).toEqual({ ok: true, at: at('2026-03-28T23:30:00+01:00') });
    if (r.ok) expect(localDate(r.at!, BERLIN)).toBe('2026-03-28');
  });

  it('a day and time', () => {
    expect(resolveWhen({ kind: 'on', date: '2026-03-25', time: '07:15' }, now, BERLIN, p)).toEqual({
      ok: true,
      at: at('2026-03-25T07:15:00+01:00'),
    });
  });

  it('refuses the future, a time before the plan began, and what is not a date or a time', () => {
    const why = (w: Parameters<typeof resolveWhen>[0]) => {
      const r = resolveWhen(w, now, BERLIN, p);
      return r.ok ? null : say(r.error);
    };
    expect(why({ kind: 'on', date: '2026-03-29', time: '11:00' })).toMatch(/has not come yet/);
    expect(why({ kind: 'on', date: '2026-03-30', time: '09:00' })).toMatch(/has not come yet/);
    expect(why({ kind: 'on', date: '2026-03-19', time: '23:59' })).toMatch(/before your plan/);
    expect(why({ kind: 'on', date: '', time: '10:00' })).toMatch(/Enter the day/);
    expect(why({ kind: 'yesterday', time: '' })).toMatch(/Enter the time/);
  });

  it("the plan's first day counts from its first minute", () => {
    expect(checkEventTime(at('2026-03-20T00:00:00+01:00'), now, BERLIN, p)).toBeNull();
    expect(checkEventTime(at('2026-03-19T23:59:00+01:00'), now, BERLIN, p)).not.toBeNull();
    // A click a few seconds "ahead" of the background's clock is still now.
    expect(checkEventTime(now + WHEN_FUTURE_SLACK_MS, now, BERLIN, p)).toBeNull();
    expect(checkEventTime(now + WHEN_FUTURE_SLACK_MS + 1, now, BERLIN, null)).not.toBeNull();
    // Without a plan only the future is refused.
    expect(checkEventTime(at('2001-01-01T00:00:00Z'), now, BERLIN, null)).toBeNull();
  });
});

describe('backdated slips in the streak math', () => {
  const p = plan('2026-03-20');
  const tz = BERLIN;

  it('a slip dated last night moves the streak start to that day, across the DST change', () => {
    const now = at('2026-03-30T10:00:00+02:00');
    const stats = (events: LogEvent[]) => computeStats({ plan: p, events, now, timeZone: tz });
    // Logged now: today is day 1.
    expect(stats([backdatedSlip(now, tz)]).currentStreak?.start).toBe('2026-03-30');
    // Dated 28 March, 23:30 (before the clocks went forward): day 1 was the 28th.
    const r = resolveWhen({ kind: 'on', date: '2026-03-28', time: '23:30' }, now, tz, p);
    if (!r.ok || r.at === undefined) throw new Error('refused');
    const s = stats([backdatedSlip(r.at, tz)]);
    expect(s.currentStreak?.start).toBe('2026-03-28');
    expect(s.status).toMatchObject({ kind: 'running', day: 3 });
    // The streak before it kept the days up to the 27th.
    expect(s.streaks[0]).toMatchObject({ start: '2026-03-20', lastDay: '2026-03-27', days: 8 });
  });

  it('yesterday at 23:59 on the autumn change day counts on that day', () => {
    const now = at('2026-10-26T08:00:00+01:00');
    const p2 = plan('2026-10-01');
    const r = resolveWhen({ kind: 'yesterday', time: '23:59' }, now, tz, p2);
    if (!r.ok || r.at === undefined) throw new Error('refused');
    const s = computeStats({ plan: p2, events: [backdatedSlip(r.at, tz)], now, timeZone: tz });
    expect(s.currentStreak?.start).toBe('2026-10-25');
    expect(s.status).toMatchObject({ kind: 'running', day: 2 });
  });

  it('a backdated slip older than a later one leaves the later restart in place', () => {
    const now = at('2026-03-30T10:00:00+02:00');
    const later = backdatedSlip(at('2026-03-29T12:00:00+02:00'), tz);
    const earlier = backdatedSlip(at('2026-03-25T12:00:00+01:00'), tz);
    const s = computeStats({ plan: p, events: [later, earlier], now, timeZone: tz });
    expect(s.streaks.map((x) => [x.start, x.days])).toEqual([
      ['2026-03-20', 5],
      ['2026-03-25', 4],
      ['2026-03-29', 2],
    ]);
  });
});

describe('an ended plan is a state of its own', () => {
  it('says when the last plan ended, after how many days (every streak of it), and why', () => {
    const tz = BERLIN;
    const events: LogEvent[] = [
      {
        id: 'p1',
        kind: 'plan-started',
        time: at('2026-01-01T09:00:00+01:00'),
        localDate: '2026-01-01',
        timeZone: tz,
        source: 'options',
        startDate: '2026-01-01',
        goalDays: 30,
      },
      backdatedSlip(at('2026-01-11T20:00:00+01:00'), tz),
      {
        id: 'p2',
        kind: 'plan-ended',
        time: at('2026-02-04T09:00:00+01:00'),
        localDate: '2026-02-04',
        timeZone: tz,
        source: 'options',
        reason: 'goal-reached',
      },
    ];
    const now = at('2026-02-10T12:00:00+01:00');
    const s = computeStats({ plan: null, events, now, timeZone: tz });
    expect(s.status.kind).toBe('no-plan');
    // Ended at the goal: the day it ended on was reached and counts (1 Jan to 4 Feb).
    expect(s.endedPlan).toEqual({ on: '2026-02-04', days: 35, reason: 'goal-reached' });
    // Ended for another reason: the days before the day it ended.
    const stopped = events.map((e) =>
      e.kind === 'plan-ended' ? { ...e, reason: 'decided-to-stop' as const } : e,
    );
    expect(computeStats({ plan: null, events: stopped, now, timeZone: tz }).endedPlan).toEqual({
      on: '2026-02-04',
      days: 34,
      reason: 'decided-to-stop',
    });
    // A plan running again is not "ended".
    expect(
      computeStats({ plan: plan('2026-02-08'), events, now, timeZone: tz }).endedPlan,
    ).toBeNull();
    // Never set up: nothing ended.
    expect(computeStats({ plan: null, events: [], now, timeZone: tz }).endedPlan).toBeNull();
  });
});
