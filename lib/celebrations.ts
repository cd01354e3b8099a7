import { t, type MessageKey } from './i18n';
import type { Summary } from './streak/stats';

/*
 * Milestones celebrated in the popup, once each: which one is due, and the list of those
 * already shown, kept in storage.local under CELEBRATED_KEY.
 */

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

/** The milestones with words of their own; any other gets the general one. */
const WORDS: Partial<Record<number, MessageKey>> = {
  1: 'celebrateDay1',
  3: 'celebrateDay3',
  7: 'celebrateDay7',
  14: 'celebrateDay14',
  21: 'celebrateDay21',
  30: 'celebrateDay30',
};

function wordsFor(day: number, goalDays: number): string {
  if (day === goalDays) return t('celebrateGoal', day);
  const own = WORDS[day];
  return own ? t(own) : t('celebrateOther', day);
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
