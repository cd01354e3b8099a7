import { localDate, nextLocalMidnight, type CivilDate } from './streak/calendar';
import type { DayStatus } from './streak/day';

/** Fires at the first instant of the next local date, when the day number changes. */
export const BADGE_MIDNIGHT_ALARM = 'badge-midnight';
/**
 * A slow, repeating check for what no event reports: the clock set to another day, or the
 * device moved to another time zone. Both leave the midnight alarm at the wrong instant.
 */
export const BADGE_CHECK_ALARM = 'badge-check';
export const BADGE_CHECK_MINUTES = 60;

/** Session storage key: what the badge shows and for which day (survives the worker sleeping). */
export const BADGE_STATE_KEY = 'badge.state';

export interface BadgeState {
  text: string;
  /** The device's local date (in the counting zone) when the text was computed. */
  date: CivilDate;
  timeZone: string;
  /** When the midnight alarm was set for (epoch ms), or null when none is needed. */
  alarmAt: number | null;
}

/**
 * What the badge shows once a plan has ended: a mark of its own, so the toolbar never
 * looks as if nothing had been set up (the popup says when and after how many days).
 */
export const ENDED_BADGE = '✓';

/**
 * The badge's text: the day number while the plan runs (it goes on past the goal); the
 * ended mark once a plan has ended and no new one runs; empty before setup or before day 1.
 */
export function badgeText(status: DayStatus, ended = false): string {
  if (status.kind === 'running') return String(status.day);
  return status.kind === 'no-plan' && ended ? ENDED_BADGE : '';
}

/**
 * What to show and when to look again. Without a plan nothing changes by itself (a new
 * plan arrives as a settings change), so no alarm is needed; otherwise the text is good
 * until the next local date begins, whatever daylight saving does to that night.
 */
export function planBadge(
  status: DayStatus,
  now: number,
  timeZone: string,
  ended = false,
): BadgeState {
  return {
    text: badgeText(status, ended),
    date: localDate(now, timeZone),
    timeZone,
    alarmAt: status.kind === 'no-plan' ? null : nextLocalMidnight(now, timeZone),
  };
}

/**
 * Whether the badge must be computed again now: nothing was computed yet, the counting
 * zone changed, or the local date is no longer the one the text was computed for (the
 * clock was changed, or the device travelled, so the alarm was set for the wrong instant).
 */
export function badgeIsStale(last: BadgeState | null, now: number, timeZone: string): boolean {
  if (!last) return true;
  if (last.timeZone !== timeZone) return true;
  return localDate(now, timeZone) !== last.date;
}

/** Reads a stored BadgeState, or null for anything that is not one. */
export function parseBadgeState(v: unknown): BadgeState | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.text !== 'string' || typeof o.date !== 'string' || typeof o.timeZone !== 'string')
    return null;
  if (o.alarmAt !== null && (typeof o.alarmAt !== 'number' || !Number.isFinite(o.alarmAt)))
    return null;
  return { text: o.text, date: o.date, timeZone: o.timeZone, alarmAt: o.alarmAt };
}
