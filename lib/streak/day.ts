import type { Plan } from '../settings';
import { daysBetween, type CivilDate } from './calendar';

export type DayStatus =
  | { kind: 'no-plan' }
  /** `taper`: the person chose to taper contact off in these days (lib/stage.ts). */
  | { kind: 'not-started'; startsInDays: number; taper?: true }
  | { kind: 'running'; day: number; goalDays: number; daysToGo: number; goalReached: boolean };

/**
 * Day N of the current streak: local calendar days since `streakStart`, the start day
 * being day 1. `streakStart` is the plan's start, or the day of the last restart.
 *
 * The one place the day is computed: the full log (computeStats), the indexes
 * (loadSummary, for the popup and the badge) both reach it through `summarize`, and the
 * popup's address carries the status it gave (popupAddress). `today` is a calendar date
 * (see effectiveToday), so daylight saving and travel cannot move it.
 */
export function dayStatus(
  plan: Plan | null,
  streakStart: CivilDate | null,
  today: CivilDate,
): DayStatus {
  if (!plan) return { kind: 'no-plan' };
  const start = streakStart ?? plan.startDate;
  const offset = daysBetween(start, today);
  if (offset < 0)
    return { kind: 'not-started', startsInDays: -offset, ...(plan.taper && { taper: true }) };
  const day = offset + 1;
  return {
    kind: 'running',
    day,
    goalDays: plan.goalDays,
    daysToGo: Math.max(0, plan.goalDays - day),
    goalReached: day >= plan.goalDays,
  };
}
