import type { Summary } from '@/lib/streak/stats';

/** storage.local key: the milestones already celebrated, as "streakStart:day" strings. */
export const CELEBRATED_KEY = 'celebrated';
/** Old entries make way after this many; each streak has at most a handful. */
const KEEP = 200;

export interface Celebration {
  /** "streakStart:day": one celebration per milestone per streak. */
  key: string;
  day: number;
  text: string;
}

const WORDS: Record<number, string> = {
  1: 'Day 1. You chose to begin, and today counts.',
  3: 'Three days kept. Take a moment to notice that.',
  7: 'A whole week. Seven days in a row, kept for yourself.',
  14: 'Two weeks. Fourteen days of choosing yourself.',
  21: 'Three weeks kept. That is a real stretch of days.',
  30: 'Thirty days. A month of keeping your word to yourself.',
};

function wordsFor(day: number, goalDays: number): string {
  if (day === goalDays)
    return `Day ${day}: you reached the goal you set. The count goes on for as long as you want it to.`;
  return WORDS[day] ?? `Day ${day}. A milestone, kept.`;
}

/** Reads the stored list; anything unreadable counts as nothing celebrated yet. */
export function parseCelebrated(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The milestone to celebrate now: reached today, in the running streak, not yet celebrated. */
export function celebrationFor(
  summary: Summary | null,
  celebrated: readonly string[],
): Celebration | null {
  const day = summary?.milestoneToday;
  const streak = summary?.currentStreak;
  if (!summary || day == null || !streak || summary.status.kind !== 'running') return null;
  const key = `${streak.start}:${day}`;
  if (celebrated.includes(key)) return null;
  return { key, day, text: wordsFor(day, summary.status.goalDays) };
}

/** The list with `key` added (once), keeping the newest entries. */
export function withCelebrated(celebrated: readonly string[], key: string): string[] {
  return [...celebrated.filter((k) => k !== key), key].slice(-KEEP);
}
