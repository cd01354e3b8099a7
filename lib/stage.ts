import type { Plan } from './settings';
import { addDays, daysBetween, type CivilDate } from './streak/calendar';
import { isActive, type LogEvent } from './streak/log-event';
import { words, type Words } from './words';

/*
 * Setting the stage, before day 1 (domain: the taper and the one short apology). Both
 * belong to the days before the count: nothing counts until the start date, and blocking
 * is already on.
 */

/** How long a taper lasts when the person chooses one: about a week of contact reducing. */
export const TAPER_DAYS = 7;

/** Whether the count has not begun yet on `today` (no plan, or a start still ahead). */
export function beforeDayOne(plan: Plan | null, today: CivilDate): boolean {
  return !plan || daysBetween(today, plan.startDate) > 0;
}

/**
 * The start date a taper gives: the chosen start when it is already ahead, otherwise a
 * taper's length from today (a taper cannot begin after the count has).
 */
export function taperStart(chosen: CivilDate, today: CivilDate): CivilDate {
  return daysBetween(today, chosen) > 0 ? chosen : addDays(today, TAPER_DAYS);
}

/** Whether `plan` is in its taper on `today`: a taper chosen and day 1 still ahead. */
export function inTaper(plan: Plan | null, today: CivilDate): boolean {
  return !!plan?.taper && beforeDayOne(plan, today);
}

/**
 * The stage set for the plan to come or running: the latest active 'stage-set' event,
 * unless a plan ended after it (each plan may have its own). Reads any events, any order.
 */
export function currentStageSet(events: Iterable<LogEvent>): LogEvent | null {
  let set: LogEvent | null = null;
  let ended = -Infinity;
  for (const e of events) {
    if (!isActive(e)) continue;
    if (e.kind === 'stage-set' && (!set || e.time > set.time)) set = e;
    if (e.kind === 'plan-ended') ended = Math.max(ended, e.time);
  }
  return set && set.time > ended ? set : null;
}

/**
 * Why "I sent it" cannot be logged now, or null when it can: the stage is set once, and
 * only before day 1 (a message after that is a slip, whatever it said).
 */
export function stageSetProblem(
  plan: Plan | null,
  today: CivilDate,
  setOn: CivilDate | null,
): Words | null {
  if (setOn) return words('stageAlreadySet');
  if (!beforeDayOne(plan, today)) return words('stageAfterStart');
  return null;
}
