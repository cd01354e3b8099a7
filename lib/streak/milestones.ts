/** Days worth marking on the way, besides the person's own goal. */
export const MILESTONES: readonly number[] = [1, 3, 7, 14, 21, 30];

/** The milestones for a goal, ascending and without repeats. */
export function milestonesFor(goalDays: number): number[] {
  return [...new Set([...MILESTONES, goalDays])].sort((a, b) => a - b);
}

export interface NextMilestone {
  /** The day number of the milestone. */
  day: number;
  /** Calendar days from today until it. */
  inDays: number;
}

/**
 * The first milestone still ahead of `day` (day 0 meaning "not started yet"), or null once
 * the last one is behind; the count itself goes on.
 */
export function nextMilestone(day: number, goalDays: number): NextMilestone | null {
  const m = milestonesFor(goalDays).find((d) => d > day);
  return m === undefined ? null : { day: m, inDays: m - day };
}

/** The milestone reached today, if today is one. */
export function milestoneOn(day: number, goalDays: number): number | null {
  return milestonesFor(goalDays).includes(day) ? day : null;
}
