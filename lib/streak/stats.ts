import type { Plan } from '../settings';
import { addDays, daysBetween, laterDate, localDate, type CivilDate } from './calendar';
import { dayStatus, type DayStatus } from './day';
import {
  isActive,
  isStreakBoundary,
  type CountedKind,
  type LogEvent,
  type PlanEndReason,
  type SlipKind,
} from './log-event';
import { milestoneOn, nextMilestone, type NextMilestone } from './milestones';
import { isUrgeToWrite } from '../settings/conversation';

/*
 * How days are counted (the rules every function here keeps):
 *
 * - Everything is in calendar dates. An event's day is the local date stored with it when
 *   it was recorded, never recomputed from its instant, so travelling or a change of zone
 *   does not move past days; DST cannot either, since no duration is ever divided by 24 h.
 * - A streak is a run of whole days [start, end), the start being day 1. A plan runs from
 *   its start date. A slip that restarts the count ends the streak before the slip's day:
 *   that day is day 1 of the next streak, and the ended streak kept the days before it.
 *   More restarting slips on a day that is already a day 1 change nothing: a streak never
 *   has zero days. Because the splits are dates on one line, no day is in two streaks,
 *   and total days kept = the sum of the streak lengths.
 * - Plans: the current plan (from settings) owns its start date onward. Earlier plans are
 *   read from plan-started / plan-ended events in the order they were recorded; a plan that
 *   ended on day D kept the days before D. Earlier plans are cut short where a later one
 *   starts, so they never overlap.
 * - "Today" never goes behind a day already in the log: if the clock is set back, or the
 *   person flies west, after something was recorded on a later date, the count holds at
 *   that date until the calendar catches up. So the day number is never below 1, never
 *   counts a day twice and never goes backwards.
 * - Undone events count for nothing.
 */

export interface DayCounts {
  urgesResisted: number;
  slips: number;
  necessaryContacts: number;
}

export type DayCount = DayCounts & { date: CivilDate };

export type StreakEnd =
  | { kind: 'slip'; eventId: string; date: CivilDate; what: SlipKind }
  | { kind: 'plan-ended'; eventId: string; date: CivilDate; reason: PlanEndReason }
  /** The next plan began (or the current plan's start date was set) before this one ended. */
  | { kind: 'new-plan'; date: CivilDate };

export interface Streak {
  /** Day 1. */
  start: CivilDate;
  /** The last day kept (inclusive); today for the current streak. */
  lastDay: CivilDate;
  /** Days kept, at least 1. */
  days: number;
  /**
   * The highest day number the person saw in it: for a streak ended by a slip or by ending
   * the plan, the day that happened on (the person was on "Day 12" when they slipped on
   * day 12, though the streak kept the 11 days before it); otherwise `days`.
   */
  reachedDay: number;
  /** What ended it; null for the streak still running. */
  endedBy: StreakEnd | null;
}

/** What the popup and the badge need; all of it can come from database indexes. */
export interface Summary {
  /** The day counted as today (see the rules above). */
  today: CivilDate;
  status: DayStatus;
  nextMilestone: NextMilestone | null;
  /** The milestone reached today, if any. */
  milestoneToday: number | null;
  /** The running streak; null before the plan starts or without a plan. */
  currentStreak: Streak | null;
  /** Every streak, oldest first; the running one, if any, last. */
  streaks: Streak[];
  /** The highest day any streak reached (Streak.reachedDay); what the person sees as "longest". */
  longestStreak: number;
  /** Each day counted once: the sum of the streaks' `days`. */
  totalDaysKept: number;
  totals: DayCounts;
  todayCounts: DayCounts;
  /**
   * Of `totals.urgesResisted`, the urges to write (at a listed conversation); the rest are
   * urges to look.
   */
  urgesToWrite: number;
  /**
   * With no plan running: the plan that ended last, if one did (its end date, how many
   * days it ran, and why), so every surface can show the end as a state of its own.
   */
  endedPlan: EndedPlan | null;
}

export interface EndedPlan {
  /** The day it ended (the day "End the plan" took effect). */
  on: CivilDate;
  /** Days from the plan's start to its end (every streak of it together). */
  days: number;
  reason: PlanEndReason;
}

/**
 * The plan that ended last, from the streaks: its last streak ended by 'plan-ended', and
 * the streaks before it that slips split off the same plan. `boundaries` (the plan events
 * among them) catch a plan that started and ended on one day, which has no streak.
 */
export function lastEndedPlan(
  streaks: readonly Streak[],
  boundaries: readonly LogEvent[] = [],
): EndedPlan | null {
  // The plan event recorded last decides: an end, or a plan started since (none ended).
  let lastPlanEvent: LogEvent | null = null;
  for (const e of boundaries) {
    if ((e.kind !== 'plan-started' && e.kind !== 'plan-ended') || !isActive(e)) continue;
    if (!lastPlanEvent || byTimeThenId(lastPlanEvent, e) < 0) lastPlanEvent = e;
  }
  const atGoal = (reason: PlanEndReason) => (reason === 'goal-reached' ? 1 : 0);
  const last = streaks.at(-1);
  const lastEnd = last?.endedBy?.kind === 'plan-ended' ? last.endedBy.eventId : null;
  if (lastPlanEvent?.kind === 'plan-ended' && lastEnd !== lastPlanEvent.id) {
    // Ended the day it started: no whole day kept, unless that day was the goal.
    return {
      on: lastPlanEvent.localDate,
      days: atGoal(lastPlanEvent.reason),
      reason: lastPlanEvent.reason,
    };
  }
  if (!last || last.endedBy?.kind !== 'plan-ended') return null;
  let days = last.days;
  for (let i = streaks.length - 2; i >= 0 && streaks[i]!.endedBy?.kind === 'slip'; i--)
    days += streaks[i]!.days;
  // An end at the goal comes on the goal day, which was reached: it counts ("Day 30 of 30"
  // then "ended after 30 days"). Any other end keeps the days before the day it ended.
  days += atGoal(last.endedBy.reason);
  return { on: last.endedBy.date, days, reason: last.endedBy.reason };
}

/** Everything, including per-day counts for the history chart. */
export interface Stats extends Summary {
  /** Days with at least one counted event, ascending. */
  perDay: DayCount[];
}

export interface StatsInput {
  plan: Plan | null;
  events: readonly LogEvent[];
  /** Epoch ms. */
  now: number;
  timeZone: string;
}

export function emptyCounts(): DayCounts {
  return { urgesResisted: 0, slips: 0, necessaryContacts: 0 };
}

const COUNT_FIELD: Record<CountedKind, keyof DayCounts> = {
  'urge-resisted': 'urgesResisted',
  slip: 'slips',
  'necessary-contact': 'necessaryContacts',
};

export function countField(kind: LogEvent['kind']): keyof DayCounts | null {
  return kind in COUNT_FIELD ? COUNT_FIELD[kind as CountedKind] : null;
}

/** The latest local date of any event (undone ones included: the day happened). */
export function latestLoggedDate(events: readonly LogEvent[]): CivilDate | null {
  let latest: CivilDate | null = null;
  for (const e of events) if (latest === null || e.localDate > latest) latest = e.localDate;
  return latest;
}

/** Today's date in `timeZone`, held at the latest date already in the log. */
export function effectiveToday(
  now: number,
  timeZone: string,
  latestLogged: CivilDate | null,
): CivilDate {
  const today = localDate(now, timeZone);
  return latestLogged === null ? today : laterDate(today, latestLogged);
}

interface Period {
  start: CivilDate;
  /** Exclusive. */
  end: CivilDate;
  endedBy: StreakEnd | null;
}

const byTimeThenId = (a: LogEvent, b: LogEvent) =>
  a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Earlier plans' periods from the plan events, disjoint and in order. */
function earlierPlans(events: readonly LogEvent[]): Period[] {
  const closed: Period[] = [];
  let open: CivilDate | null = null;
  let floor: CivilDate | null = null; // no period may start before the last one ended
  const close = (at: CivilDate, endedBy: StreakEnd) => {
    if (open === null) return;
    const end = laterDate(at, open);
    if (end > open) closed.push({ start: open, end, endedBy });
    floor = end;
    open = null;
  };
  const planEvents = events.filter((e) => e.kind === 'plan-started' || e.kind === 'plan-ended');
  for (const e of [...planEvents].sort(byTimeThenId)) {
    if (e.kind === 'plan-started') {
      const start: CivilDate = floor === null ? e.startDate : laterDate(e.startDate, floor);
      close(start, { kind: 'new-plan', date: start });
      open = start;
    } else if (e.kind === 'plan-ended') {
      close(e.localDate, {
        kind: 'plan-ended',
        eventId: e.id,
        date: e.localDate,
        reason: e.reason,
      });
    }
  }
  // A plan still open here is either the current plan (whose start settings decide) or
  // one removed without an end being recorded; neither has an end we could trust.
  return closed;
}

/**
 * Every streak, oldest first, from the plan, the events that can bound a streak (others
 * are ignored, so passing all events is fine) and the effective today.
 */
export function streaksFrom(
  plan: Plan | null,
  events: readonly LogEvent[],
  today: CivilDate,
): Streak[] {
  const bounds = events.filter(isStreakBoundary);
  let periods = earlierPlans(bounds);
  if (plan) {
    // The current plan owns its start date onward, even if an earlier plan ran later.
    const cut = plan.startDate;
    periods = periods
      .map((p): Period =>
        p.end > cut ? { ...p, end: cut, endedBy: { kind: 'new-plan', date: cut } } : p,
      )
      .filter((p) => p.end > p.start);
    if (plan.startDate <= today)
      periods.push({ start: plan.startDate, end: addDays(today, 1), endedBy: null });
  }

  // The first restarting slip of each day, in date order.
  const restarts = new Map<CivilDate, LogEvent & { kind: 'slip' }>();
  for (const e of [...bounds].sort(byTimeThenId)) {
    if (e.kind === 'slip' && !restarts.has(e.localDate)) restarts.set(e.localDate, e);
  }
  const restartDates = [...restarts.keys()].sort();

  const streaks: Streak[] = [];
  for (const p of periods) {
    let start = p.start;
    for (const d of restartDates) {
      if (d <= p.start || d >= p.end) continue;
      const slip = restarts.get(d)!;
      streaks.push(streak(start, d, { kind: 'slip', eventId: slip.id, date: d, what: slip.what }));
      start = d;
    }
    streaks.push(streak(start, p.end, p.endedBy));
  }
  return streaks;
}

function streak(start: CivilDate, end: CivilDate, endedBy: StreakEnd | null): Streak {
  const days = daysBetween(start, end);
  const endedOnADay = endedBy?.kind === 'slip' || endedBy?.kind === 'plan-ended';
  return {
    start,
    lastDay: addDays(end, -1),
    days,
    reachedDay: endedOnADay ? days + 1 : days,
    endedBy,
  };
}

export interface SummaryInput {
  plan: Plan | null;
  /** At least every event that can bound a streak; others are ignored. */
  boundaries: readonly LogEvent[];
  /** From effectiveToday. */
  today: CivilDate;
  totals: DayCounts;
  todayCounts: DayCounts;
  /** Of the urges resisted in all, those at a listed conversation. */
  urgesToWrite: number;
}

/** The summary from already-gathered parts; computeStats and the database loader share it. */
export function summarize(input: SummaryInput): Summary {
  const { plan, today } = input;
  const streaks = streaksFrom(plan, input.boundaries, today);
  const last = streaks.at(-1);
  const currentStreak = last && last.endedBy === null ? last : null;
  const status = dayStatus(plan, currentStreak?.start ?? null, today);
  let next: NextMilestone | null = null;
  let milestoneToday: number | null = null;
  if (status.kind === 'not-started') next = { day: 1, inDays: status.startsInDays };
  if (status.kind === 'running') {
    next = nextMilestone(status.day, status.goalDays);
    milestoneToday = milestoneOn(status.day, status.goalDays);
  }
  return {
    today,
    status,
    nextMilestone: next,
    milestoneToday,
    currentStreak,
    streaks,
    longestStreak: streaks.reduce((m, s) => Math.max(m, s.reachedDay), 0),
    totalDaysKept: streaks.reduce((n, s) => n + s.days, 0),
    totals: input.totals,
    todayCounts: input.todayCounts,
    urgesToWrite: input.urgesToWrite,
    endedPlan: plan ? null : lastEndedPlan(streaks, input.boundaries),
  };
}

/** Per-day counts of the counted kinds, ascending by date; undone events left out. */
export function countsPerDay(events: readonly LogEvent[]): DayCount[] {
  const days = new Map<CivilDate, DayCount>();
  for (const e of events) {
    const field = countField(e.kind);
    if (!field || !isActive(e)) continue;
    let d = days.get(e.localDate);
    if (!d) days.set(e.localDate, (d = { date: e.localDate, ...emptyCounts() }));
    d[field]++;
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The whole picture from the plan, every event, the clock and the counting zone. */
export function computeStats(input: StatsInput): Stats {
  const today = effectiveToday(input.now, input.timeZone, latestLoggedDate(input.events));
  const perDay = countsPerDay(input.events);
  const totals = emptyCounts();
  for (const d of perDay) {
    totals.urgesResisted += d.urgesResisted;
    totals.slips += d.slips;
    totals.necessaryContacts += d.necessaryContacts;
  }
  const found = perDay.find((d) => d.date === today);
  const todayCounts = found
    ? {
        urgesResisted: found.urgesResisted,
        slips: found.slips,
        necessaryContacts: found.necessaryContacts,
      }
    : emptyCounts();
  return {
    ...summarize({
      plan: input.plan,
      boundaries: input.events,
      today,
      totals,
      todayCounts,
      urgesToWrite: input.events.filter(isUrgeToWrite).length,
    }),
    perDay,
  };
}
