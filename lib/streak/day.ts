import type { Plan } from '../settings';
import { daysBetween, type CivilDate } from './calendar';

export type DayStatus =
  | { kind: 'no-plan' }
  | { kind: 'not-started'; startsInDays: number }
  | { kind: 'running'; day: number; goalDays: number; daysToGo: number; goalReached: boolean };

/**
 * Day N of the current streak: local calendar days since `streakStart`, the start day
 * being day 1. `streakStart` is the plan's start, or the day of the last restart.
 */
export function dayStatus(
  plan: Plan | null,
  streakStart: CivilDate | null,
  today: CivilDate,
): DayStatus {
  if (!plan) return { kind: 'no-plan' };
  const start = streakStart ?? plan.startDate;
  const offset = daysBetween(start, today);
  if (offset < 0) return { kind: 'not-started', startsInDays: -offset };
  const day = offset + 1;
  return {
    kind: 'running',
    day,
    goalDays: plan.goalDays,
    daysToGo: Math.max(0, plan.goalDays - day),
    goalReached: day >= plan.goalDays,
  };
}
