import type { Plan } from '../settings';
import { words, type Words } from '../words';
import { addDays, isCivilDate, localDate, offsetAt, type CivilDate } from './calendar';

/*
 * When something happened, for what the person logs a while later ("I slipped last
 * night", "they wrote this morning"). The event is dated at that instant, so its day (and
 * with it the streak math) is the day it happened. It can never be before the plan's first
 * day, nor in the future.
 */

/** How far ahead of the clock a time may be and still count as "now" (a slow page, a fast click). */
export const WHEN_FUTURE_SLACK_MS = 60_000;

/** What the person chose: now, a time yesterday, or a date and a time. */
export type When =
  | { kind: 'now' }
  | { kind: 'yesterday'; time: string }
  | { kind: 'on'; date: string; time: string };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant the clock on the wall in `timeZone` read `time` ("HH:MM") on `date`. Where
 * a daylight-saving change skips that time (02:30 on a spring-forward night), the instant
 * it would have been had the clock not jumped, which the zone shows as an hour later; where
 * the time came twice (autumn), the first of the two. Never on another date.
 */
export function wallTimeToInstant(date: CivilDate, time: string, timeZone: string): number {
  const m = TIME.exec(time);
  if (!m || !isCivilDate(date)) throw new RangeError(`Not a date and time: ${date} ${time}`);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2]));
  // Try the offsets in force around then; the earliest instant that reads as that wall
  // time wins (the first of an autumn repeat).
  const candidates = [offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone)]
    .map((o) => wall - o)
    .sort((a, b) => a - b);
  for (const c of candidates) if (c + offsetAt(c, timeZone) === wall) return c;
  // A skipped time: the offset from before the jump carries it past the gap.
  return wall - offsetAt(wall - 86_400_000, timeZone);
}

/** "HH:MM" of instant `now` in `timeZone` (the default time offered for "yesterday"). */
export function wallTimeOf(now: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(now));
  const v = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${v('hour')}:${v('minute')}`;
}

export type WhenResult = { ok: true; at: number | undefined } | { ok: false; error: Words };

/**
 * The instant to log, or why it cannot be logged then, in plain words. `at` is undefined
 * for "now" (the background's clock decides). The first day is the plan's start (no plan:
 * no limit but the future).
 */
export function resolveWhen(
  when: When,
  now: number,
  timeZone: string,
  plan: Pick<Plan, 'startDate'> | null,
): WhenResult {
  if (when.kind === 'now') return { ok: true, at: undefined };
  const date = when.kind === 'yesterday' ? addDays(localDate(now, timeZone), -1) : when.date;
  if (when.kind === 'on' && !isCivilDate(date)) return { ok: false, error: words('whenNoDate') };
  if (!TIME.test(when.time)) return { ok: false, error: words('whenNoTime') };
  const at = wallTimeToInstant(date, when.time, timeZone);
  const problem = checkEventTime(at, now, timeZone, plan);
  return problem ? { ok: false, error: problem } : { ok: true, at };
}

/**
 * Why an event cannot be dated at `at`, or null when it can: never in the future, never
 * before the plan's first day. The background checks every dated event with it again.
 */
export function checkEventTime(
  at: number,
  now: number,
  timeZone: string,
  plan: Pick<Plan, 'startDate'> | null,
): Words | null {
  if (!Number.isFinite(at)) return words('whenNoTime');
  if (at > now + WHEN_FUTURE_SLACK_MS) return words('whenInFuture');
  if (plan && localDate(at, timeZone) < plan.startDate) return words('whenBeforePlan');
  return null;
}
