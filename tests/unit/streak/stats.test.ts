import { describe, expect, it } from 'vitest';
import type { Plan } from '@/lib/settings';
import { computeStats, streaksFrom } from '@/lib/streak/stats';
import { localDate } from '@/lib/streak/calendar';
import type { LogEvent } from '@/lib/streak/log-event';
import { at, contact, planEnded, planStarted, slip, undone, urge } from '../fixtures/events';

const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';
const LORD_HOWE = 'Australia/Lord_Howe';

const plan = (startDate: string, goalDays = 30, extra: Partial<Plan> = {}): Plan => ({
  startDate,
  goalDays,
  looksRestart: true,
  ...extra,
});

const dayAt = (
  p: Plan,
  iso: string,
  tz: string,
  events = [] as Parameters<typeof computeStats>[0]['events'],
) => {
  const s = computeStats({ plan: p, events, now: at(iso), timeZone: tz });
  return s.status.kind === 'running' ? s.status.day : null;
};

describe('start dates', () => {
  const now = at('2024-06-01T12:00:00+02:00');

  it('a plan starting today is on day 1', () => {
    const s = computeStats({ plan: plan('2024-06-01'), events: [], now, timeZone: BERLIN });
    expect(s.status).toEqual({
      kind: 'running',
      day: 1,
      goalDays: 30,
      daysToGo: 29,
      goalReached: false,
    });
    expect(s.milestoneToday).toBe(1);
    expect(s.nextMilestone).toEqual({ day: 3, inDays: 2 });
    expect(s.currentStreak).toEqual({
      start: '2024-06-01',
      lastDay: '2024-06-01',
      days: 1,
      reachedDay: 1,
      endedBy: null,
    });
    expect(s.totalDaysKept).toBe(1);
  });

  it('a plan that started yesterday is on day 2', () => {
    const s = computeStats({ plan: plan('2024-05-31'), events: [], now, timeZone: BERLIN });
    expect(s.status).toMatchObject({ kind: 'running', day: 2, daysToGo: 28 });
    expect(s.milestoneToday).toBeNull();
    expect(s.nextMilestone).toEqual({ day: 3, inDays: 1 });
  });

  it('a plan from last year has reached its goal and keeps counting', () => {
    const s = computeStats({ plan: plan('2023-06-01'), events: [], now, timeZone: BERLIN });
    // 2023-06-01 .. 2024-06-01 spans a leap day: 366 days later, so day 367.
    expect(s.status).toEqual({
      kind: 'running',
      day: 367,
      goalDays: 30,
      daysToGo: 0,
      goalReached: true,
    });
    expect(s.nextMilestone).toBeNull();
    expect(s.longestStreak).toBe(367);
    expect(s.totalDaysKept).toBe(367);
  });

  it('a plan starting tomorrow reads "starts in 1 day" and counts nothing yet', () => {
    const s = computeStats({ plan: plan('2024-06-02'), events: [], now, timeZone: BERLIN });
    expect(s.status).toEqual({ kind: 'not-started', startsInDays: 1 });
    expect(s.nextMilestone).toEqual({ day: 1, inDays: 1 });
    expect(s.currentStreak).toBeNull();
    expect(s.streaks).toEqual([]);
    expect(s.totalDaysKept).toBe(0);
  });

  it('without a plan there is no day, but the log still counts', () => {
    const s = computeStats({
      plan: null,
      events: [urge('2024-06-01T09:00:00+02:00', BERLIN)],
      now,
      timeZone: BERLIN,
    });
    expect(s.status).toEqual({ kind: 'no-plan' });
    expect(s.nextMilestone).toBeNull();
    expect(s.totals.urgesResisted).toBe(1);
  });

  it('the goal day is a milestone, and past the goal the count goes on', () => {
    const p = plan('2024-05-03', 30);
    const onGoal = computeStats({ plan: p, events: [], now, timeZone: BERLIN });
    expect(onGoal.status).toMatchObject({ day: 30, daysToGo: 0, goalReached: true });
    expect(onGoal.milestoneToday).toBe(30);
    const after = computeStats({ plan: p, events: [], now: now + 86_400_000, timeZone: BERLIN });
    expect(after.status).toMatchObject({ day: 31, daysToGo: 0, goalReached: true });
  });

  it("milestones include the person's own goal, and those past it", () => {
    const p = plan('2024-05-25', 10); // day 8 on 2024-06-01
    expect(computeStats({ plan: p, events: [], now, timeZone: BERLIN }).nextMilestone).toEqual({
      day: 10,
      inDays: 2,
    });
    const later = computeStats({
      plan: p,
      events: [],
      now: now + 3 * 86_400_000,
      timeZone: BERLIN,
    });
    expect(later.nextMilestone).toEqual({ day: 14, inDays: 3 });
  });
});

describe('restarting slips', () => {
  const now = at('2024-05-15T12:00:00+02:00');

  it("make the slip's day day 1; the ended streak keeps the days before it and reached the slip's day", () => {
    const s1 = slip('2024-05-10T21:00:00+02:00', BERLIN, { what: 'call' });
    const s = computeStats({ plan: plan('2024-05-01'), events: [s1], now, timeZone: BERLIN });
    expect(s.streaks).toEqual([
      {
        start: '2024-05-01',
        lastDay: '2024-05-09',
        days: 9,
        reachedDay: 10,
        endedBy: { kind: 'slip', eventId: s1.id, date: '2024-05-10', what: 'call' },
      },
      { start: '2024-05-10', lastDay: '2024-05-15', days: 6, reachedDay: 6, endedBy: null },
    ]);
    expect(s.status).toMatchObject({ kind: 'running', day: 6 });
    // The person was on day 10 when they slipped: that is the longest they got to.
    expect(s.longestStreak).toBe(10);
    // 1 to 15 May, each day once.
    expect(s.totalDaysKept).toBe(15);
  });

  it('on the first day of a streak change nothing (no streak of zero days)', () => {
    const events = [
      slip('2024-05-01T10:00:00+02:00', BERLIN),
      slip('2024-05-10T09:00:00+02:00', BERLIN),
      slip('2024-05-10T22:00:00+02:00', BERLIN),
    ];
    const s = computeStats({ plan: plan('2024-05-01'), events, now, timeZone: BERLIN });
    expect(s.streaks.map((x) => [x.start, x.days])).toEqual([
      ['2024-05-01', 9],
      ['2024-05-10', 6],
    ]);
    // The first slip of the day is the one that ended the streak.
    expect(s.streaks[0]?.endedBy).toMatchObject({ eventId: events[1]?.id });
    expect(s.totals.slips).toBe(3);
    expect(s.todayCounts.slips).toBe(0);
  });

  it('a slip that does not restart, a necessary contact and an undone slip leave the count alone', () => {
    const events = [
      slip('2024-05-05T10:00:00+02:00', BERLIN, { restarted: false, what: 'looked-at-profile' }),
      contact('2024-05-06T10:00:00+02:00', BERLIN),
      undone(slip('2024-05-07T10:00:00+02:00', BERLIN)),
    ];
    const s = computeStats({ plan: plan('2024-05-01'), events, now, timeZone: BERLIN });
    expect(s.streaks).toHaveLength(1);
    expect(s.status).toMatchObject({ day: 15 });
    expect(s.totals).toEqual({ urgesResisted: 0, slips: 1, necessaryContacts: 1 });
  });

  it('before the plan started are in the log but not in the streaks', () => {
    const events = [slip('2024-04-20T10:00:00+02:00', BERLIN)];
    const s = computeStats({ plan: plan('2024-05-01'), events, now, timeZone: BERLIN });
    expect(s.streaks).toEqual([
      { start: '2024-05-01', lastDay: '2024-05-15', days: 15, reachedDay: 15, endedBy: null },
    ]);
    expect(s.perDay).toEqual([
      { date: '2024-04-20', urgesResisted: 0, slips: 1, necessaryContacts: 0 },
    ]);
  });
});

describe('counts', () => {
  it('per local day, today and in total, leaving out undone events', () => {
    const events = [
      urge('2024-05-14T08:00:00+02:00', BERLIN),
      urge('2024-05-15T08:00:00+02:00', BERLIN),
      urge('2024-05-15T23:59:00+02:00', BERLIN),
      undone(urge('2024-05-15T09:00:00+02:00', BERLIN)),
      contact('2024-05-15T10:00:00+02:00', BERLIN),
      slip('2024-05-14T20:00:00+02:00', BERLIN, { restarted: false }),
      planStarted('2024-05-01T08:00:00+02:00', BERLIN, '2024-05-01'),
    ];
    const s = computeStats({
      plan: plan('2024-05-01'),
      events,
      now: at('2024-05-15T12:00:00+02:00'),
      timeZone: BERLIN,
    });
    expect(s.perDay).toEqual([
      { date: '2024-05-14', urgesResisted: 1, slips: 1, necessaryContacts: 0 },
      { date: '2024-05-15', urgesResisted: 2, slips: 0, necessaryContacts: 1 },
    ]);
    expect(s.todayCounts).toEqual({ urgesResisted: 2, slips: 0, necessaryContacts: 1 });
    expect(s.totals).toEqual({ urgesResisted: 3, slips: 1, necessaryContacts: 1 });
  });
});

describe('daylight saving', () => {
  it('Europe/Berlin, spring forward: the short day is one day', () => {
    const p = plan('2024-03-30');
    expect(dayAt(p, '2024-03-31T01:59:00+01:00', BERLIN)).toBe(2);
    expect(dayAt(p, '2024-03-31T03:00:00+02:00', BERLIN)).toBe(2);
    expect(dayAt(p, '2024-03-31T23:59:59+02:00', BERLIN)).toBe(2);
    expect(dayAt(p, '2024-04-01T00:00:00+02:00', BERLIN)).toBe(3);
  });

  it('Europe/Berlin, fall back: the hour that happens twice is one day', () => {
    const p = plan('2024-10-26');
    const events = [
      urge('2024-10-27T02:30:00+02:00', BERLIN),
      urge('2024-10-27T02:30:00+01:00', BERLIN),
    ];
    expect(dayAt(p, '2024-10-27T02:30:00+02:00', BERLIN, events)).toBe(2);
    expect(dayAt(p, '2024-10-27T02:30:00+01:00', BERLIN, events)).toBe(2);
    expect(dayAt(p, '2024-10-27T23:59:00+01:00', BERLIN, events)).toBe(2);
    expect(dayAt(p, '2024-10-28T00:00:00+01:00', BERLIN, events)).toBe(3);
    const s = computeStats({
      plan: p,
      events,
      now: at('2024-10-27T12:00:00+01:00'),
      timeZone: BERLIN,
    });
    expect(s.perDay).toEqual([
      { date: '2024-10-27', urgesResisted: 2, slips: 0, necessaryContacts: 0 },
    ]);
  });

  it('America/New_York, both changes, with a slip in the repeated hour', () => {
    const p = plan('2024-03-09');
    expect(dayAt(p, '2024-03-10T01:59:59-05:00', NY)).toBe(2);
    expect(dayAt(p, '2024-03-10T03:00:00-04:00', NY)).toBe(2);
    expect(dayAt(p, '2024-03-11T00:00:00-04:00', NY)).toBe(3);

    const fall = plan('2024-11-01');
    const first = slip('2024-11-03T01:30:00-04:00', NY);
    const second = urge('2024-11-03T01:30:00-05:00', NY);
    const s = computeStats({
      plan: fall,
      events: [first, second],
      now: at('2024-11-03T01:45:00-05:00'),
      timeZone: NY,
    });
    expect(s.streaks.map((x) => [x.start, x.days])).toEqual([
      ['2024-11-01', 2],
      ['2024-11-03', 1],
    ]);
    expect(s.todayCounts).toEqual({ urgesResisted: 1, slips: 1, necessaryContacts: 0 });
  });

  it('Australia/Lord_Howe, half-hour changes', () => {
    const p = plan('2024-04-06');
    // 02:00 (+11:00) becomes 01:30 (+10:30): the half hour from 01:30 happens twice.
    expect(dayAt(p, '2024-04-07T01:59:00+11:00', LORD_HOWE)).toBe(2);
    expect(dayAt(p, '2024-04-07T01:45:00+10:30', LORD_HOWE)).toBe(2);
    expect(dayAt(p, '2024-04-07T23:59:00+10:30', LORD_HOWE)).toBe(2);
    expect(dayAt(p, '2024-04-08T00:00:00+10:30', LORD_HOWE)).toBe(3);
    // 02:00 (+10:30) becomes 02:30 (+11:00).
    const q = plan('2024-10-05');
    expect(dayAt(q, '2024-10-06T01:59:00+10:30', LORD_HOWE)).toBe(2);
    expect(dayAt(q, '2024-10-06T02:30:00+11:00', LORD_HOWE)).toBe(2);
    expect(dayAt(q, '2024-10-07T00:00:00+11:00', LORD_HOWE)).toBe(3);
  });
});

describe('travel and clocks', () => {
  it('a change of time zone mid-streak does not move past days', () => {
    const p = plan('2024-05-01');
    const u = urge('2024-05-05T23:30:00+02:00', BERLIN);
    // Recorded in New York late on 7 May (already 8 May in Berlin).
    const s1 = slip('2024-05-07T22:00:00-04:00', NY);
    expect(s1.localDate).toBe('2024-05-07');
    const now = at('2024-05-10T12:00:00+02:00');
    const inBerlin = computeStats({ plan: p, events: [u, s1], now, timeZone: BERLIN });
    const inNewYork = computeStats({ plan: p, events: [u, s1], now, timeZone: NY });
    for (const s of [inBerlin, inNewYork]) {
      expect(s.streaks.map((x) => [x.start, x.lastDay, x.days])).toEqual([
        ['2024-05-01', '2024-05-06', 6],
        ['2024-05-07', '2024-05-10', 4],
      ]);
      expect(s.perDay.map((d) => d.date)).toEqual(['2024-05-05', '2024-05-07']);
      expect(s.totalDaysKept).toBe(10);
    }
  });

  it('flying west after a slip never shows day 0', () => {
    const p = plan('2024-05-01');
    const s1 = slip('2024-05-10T08:00:00+09:00', 'Asia/Tokyo');
    const la = 'America/Los_Angeles';
    // Later in real time, but still 9 May in Los Angeles.
    expect(localDate(at('2024-05-09T20:00:00-07:00'), la)).toBe('2024-05-09');
    expect(dayAt(p, '2024-05-09T20:00:00-07:00', la, [s1])).toBe(1);
    expect(dayAt(p, '2024-05-10T20:00:00-07:00', la, [s1])).toBe(1);
    expect(dayAt(p, '2024-05-11T00:00:00-07:00', la, [s1])).toBe(2);
  });

  it('a clock set back holds the count at the latest logged day', () => {
    const p = plan('2024-05-01');
    const u = urge('2024-05-10T09:00:00+02:00', BERLIN);
    // The clock is then set back two days, and a slip is recorded on the wrong day.
    const back = at('2024-05-08T10:00:00+02:00');
    expect(dayAt(p, '2024-05-08T10:00:00+02:00', BERLIN, [u])).toBe(10);
    const s1 = slip('2024-05-08T10:05:00+02:00', BERLIN);
    expect(s1.time).toBeLessThan(u.time);
    const s = computeStats({ plan: p, events: [u, s1], now: back + 600_000, timeZone: BERLIN });
    expect(s.streaks.map((x) => [x.start, x.lastDay, x.days])).toEqual([
      ['2024-05-01', '2024-05-07', 7],
      ['2024-05-08', '2024-05-10', 3],
    ]);
    expect(s.status).toMatchObject({ day: 3 });
    expect(s.totalDaysKept).toBe(10);
    // Once the clock is right again the count simply goes on.
    expect(dayAt(p, '2024-05-10T12:00:00+02:00', BERLIN, [u, s1])).toBe(3);
    expect(dayAt(p, '2024-05-11T00:00:00+02:00', BERLIN, [u, s1])).toBe(4);
  });
});

describe('plans over time', () => {
  const history = () => [
    planStarted('2024-01-01T09:00:00+01:00', BERLIN, '2024-01-01'),
    slip('2024-01-10T20:00:00+01:00', BERLIN, { what: 'replied' }),
    planEnded('2024-02-15T10:00:00+01:00', BERLIN, 'goal-reached'),
  ];

  it('an ended plan keeps its streaks, ended by what ended them', () => {
    const events = history();
    const s = computeStats({
      plan: null,
      events,
      now: at('2024-03-01T12:00:00+01:00'),
      timeZone: BERLIN,
    });
    expect(s.streaks).toEqual([
      {
        start: '2024-01-01',
        lastDay: '2024-01-09',
        days: 9,
        reachedDay: 10,
        endedBy: { kind: 'slip', eventId: events[1]?.id, date: '2024-01-10', what: 'replied' },
      },
      {
        start: '2024-01-10',
        lastDay: '2024-02-14',
        days: 36,
        reachedDay: 37,
        endedBy: {
          kind: 'plan-ended',
          eventId: events[2]?.id,
          date: '2024-02-15',
          reason: 'goal-reached',
        },
      },
    ]);
    expect(s.status).toEqual({ kind: 'no-plan' });
    expect(s.currentStreak).toBeNull();
    expect(s.totalDaysKept).toBe(45);
    expect(s.longestStreak).toBe(37);
  });

  it('a new plan adds to the history', () => {
    const events = [...history(), planStarted('2024-03-01T08:00:00+01:00', BERLIN, '2024-03-01')];
    const s = computeStats({
      plan: plan('2024-03-01'),
      events,
      now: at('2024-03-05T12:00:00+01:00'),
      timeZone: BERLIN,
    });
    expect(s.streaks.map((x) => [x.start, x.days, x.endedBy?.kind ?? null])).toEqual([
      ['2024-01-01', 9, 'slip'],
      ['2024-01-10', 36, 'plan-ended'],
      ['2024-03-01', 5, null],
    ]);
    expect(s.totalDaysKept).toBe(50);
    expect(s.longestStreak).toBe(37);
    expect(s.status).toMatchObject({ day: 5 });
  });

  it('a current plan dated back into an earlier one cuts the earlier one short', () => {
    const s = computeStats({
      plan: plan('2024-02-10'),
      events: history(),
      now: at('2024-02-20T12:00:00+01:00'),
      timeZone: BERLIN,
    });
    expect(s.streaks.map((x) => [x.start, x.lastDay, x.endedBy?.kind ?? null])).toEqual([
      ['2024-01-01', '2024-01-09', 'slip'],
      ['2024-01-10', '2024-02-09', 'new-plan'],
      ['2024-02-10', '2024-02-20', null],
    ]);
    // 1 January to 20 February, each day once.
    expect(s.totalDaysKept).toBe(51);
  });

  it('the start date in settings wins over the one first recorded', () => {
    const events = [planStarted('2024-05-01T09:00:00+02:00', BERLIN, '2024-05-01')];
    const s = computeStats({
      plan: plan('2024-05-05'),
      events,
      now: at('2024-05-10T12:00:00+02:00'),
      timeZone: BERLIN,
    });
    expect(s.streaks).toEqual([
      { start: '2024-05-05', lastDay: '2024-05-10', days: 6, reachedDay: 6, endedBy: null },
    ]);
  });

  it('a plan ended before its start date kept no days', () => {
    const events = [
      planStarted('2024-05-01T09:00:00+02:00', BERLIN, '2024-05-20'),
      planEnded('2024-05-03T09:00:00+02:00', BERLIN, 'no-longer-needed'),
    ];
    expect(streaksFrom(null, events, '2024-06-01')).toEqual([]);
  });

  it('an undone plan event counts for nothing', () => {
    const events = [
      planStarted('2024-01-01T09:00:00+01:00', BERLIN, '2024-01-01'),
      undone(planEnded('2024-01-05T09:00:00+01:00', BERLIN)),
      planEnded('2024-01-08T09:00:00+01:00', BERLIN, 'reconciled'),
    ];
    expect(streaksFrom(null, events, '2024-02-01').map((x) => [x.start, x.days])).toEqual([
      ['2024-01-01', 7],
    ]);
  });
});

describe('a plan that started and ended on one day', () => {
  const tz = 'UTC';
  const T = Date.parse('2026-12-03T12:00:00Z');
  const DAY = 86_400_000;
  const ev = (id: string, kind: string, time: number, extra: object) =>
    ({
      id,
      kind,
      time,
      localDate: new Date(time).toISOString().slice(0, 10),
      timeZone: tz,
      source: 'options',
      ...extra,
    }) as unknown as LogEvent;
  const earlier = [
    ev('a', 'plan-started', T - 11 * DAY, { startDate: '2026-11-22', goalDays: 30 }),
    ev('b', 'plan-ended', T - 3000, { reason: 'reconciled' }),
  ];

  it('is the plan that ended last, not the one before it: its goal day counts, else no day', () => {
    const atGoal = [
      ...earlier,
      ev('c', 'plan-started', T, { startDate: '2026-12-03', goalDays: 1 }),
      ev('d', 'plan-ended', T + 1000, { reason: 'goal-reached' }),
    ];
    expect(
      computeStats({ plan: null, events: atGoal, now: T + 2000, timeZone: tz }).endedPlan,
    ).toEqual({
      on: '2026-12-03',
      days: 1,
      reason: 'goal-reached',
    });
    const stopped = [
      ...earlier,
      ev('c', 'plan-started', T, { startDate: '2026-12-03', goalDays: 30 }),
      ev('d', 'plan-ended', T + 1000, { reason: 'decided-to-stop' }),
    ];
    expect(
      computeStats({ plan: null, events: stopped, now: T + 2000, timeZone: tz }).endedPlan,
    ).toEqual({
      on: '2026-12-03',
      days: 0,
      reason: 'decided-to-stop',
    });
  });

  it('the first plan ever, ended the day it began, is an ended plan too', () => {
    const only = [
      ev('c', 'plan-started', T, { startDate: '2026-12-03', goalDays: 30 }),
      ev('d', 'plan-ended', T + 1000, { reason: 'decided-to-stop' }),
    ];
    expect(
      computeStats({ plan: null, events: only, now: T + 2000, timeZone: tz }).endedPlan,
    ).toEqual({
      on: '2026-12-03',
      days: 0,
      reason: 'decided-to-stop',
    });
    // Before, the earlier plan alone: its own days before the day it ended.
    expect(computeStats({ plan: null, events: earlier, now: T, timeZone: tz }).endedPlan).toEqual({
      on: '2026-12-03',
      days: 11,
      reason: 'reconciled',
    });
  });
});
