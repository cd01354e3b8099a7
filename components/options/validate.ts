import {
  ALLOW_MINUTES_MAX,
  ALLOW_MINUTES_MIN,
  EARLIEST_DATE,
  EARLIEST_YEAR,
  GOAL_DAYS_MAX,
  GOAL_DAYS_MIN,
  IF_THEN_MAX,
  IF_THEN_PART_MAX_CHARS,
  PAUSE_SECONDS_MAX,
  PAUSE_SECONDS_MIN,
  PLAN_START_MAX_AHEAD_DAYS,
  REASON_MAX_CHARS,
  REASONS_MAX,
} from '@/lib/limits';
import type { IfThenPlan } from '@/lib/settings';
import { daysBetween, isCivilDate, type CivilDate } from '@/lib/streak/calendar';
import { t, type MessageKey } from '@/lib/i18n';

/*
 * The options page's field checks: pure, so the forms and their tests share them. Each
 * gives the parsed value or a message that says what to do, in plain words, never only
 * what is wrong. Their limits are lib/limits', the same the settings reader, the backup
 * checker and the message protocol hold a value to.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Browsers empty a date or number field's value when what is typed can't be read (letters
 * in a number field, half a date) and set validity.badInput instead; the forms pass that
 * flag here so the message says what is wrong rather than "enter a value".
 */
export interface Raw {
  value: string;
  badInput?: boolean;
}

/** What the person types to confirm deleting everything. */
export const DELETE_WORD = 'delete';

const WHOLE = /^\s*\d+\s*$/;

export function checkStartDate(raw: Raw | string, today: CivilDate): Checked<CivilDate> {
  const { value, badInput } = typeof raw === 'string' ? { value: raw, badInput: false } : raw;
  if (badInput)
    return {
      ok: false,
      message: t('checkDateIncomplete'),
    };
  const v = value.trim();
  if (!v) return { ok: false, message: t('checkStartDateEmpty') };
  if (!isCivilDate(v))
    return {
      ok: false,
      message: t('checkDateInvalid'),
    };
  // A later start is allowed ("No Contact starts in 3 days": blocking is on at once,
  // nothing counts until then), within the same year ahead a backup may hold.
  if (daysBetween(today, v) > PLAN_START_MAX_AHEAD_DAYS)
    return {
      ok: false,
      message: t('checkStartDateFuture', PLAN_START_MAX_AHEAD_DAYS),
    };
  if (v < EARLIEST_DATE) return { ok: false, message: t('checkStartDateTooEarly', EARLIEST_YEAR) };
  return { ok: true, value: v };
}

function wholeNumber(
  raw: Raw | string,
  min: number,
  max: number,
  what: MessageKey,
): Checked<number> {
  const { value, badInput } = typeof raw === 'string' ? { value: raw, badInput: false } : raw;
  if (badInput || (value.trim() && !WHOLE.test(value)))
    return {
      ok: false,
      message: t('checkNumberNotWhole', min, max),
    };
  if (!value.trim()) return { ok: false, message: t('checkNumberEmpty', t(what), min, max) };
  const n = Number(value);
  if (n < min || n > max) return { ok: false, message: t('checkNumberRange', min, max) };
  return { ok: true, value: n };
}

export function checkGoal(value: Raw | string): Checked<number> {
  return wholeNumber(value, GOAL_DAYS_MIN, GOAL_DAYS_MAX, 'checkWhatGoal');
}

export function checkPause(value: Raw | string): Checked<number> {
  return wholeNumber(value, PAUSE_SECONDS_MIN, PAUSE_SECONDS_MAX, 'checkWhatPause');
}

export function checkAllowMinutes(value: Raw | string): Checked<number> {
  return wholeNumber(value, ALLOW_MINUTES_MIN, ALLOW_MINUTES_MAX, 'checkWhatMinutes');
}

/** A new or edited reason; `editing` is the index being edited, if any. */
export function checkReason(
  value: string,
  reasons: readonly string[],
  editing: number | null = null,
): Checked<string> {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v) return { ok: false, message: t('checkReasonEmpty') };
  if (v.length > REASON_MAX_CHARS)
    return {
      ok: false,
      message: t('checkReasonTooLong', REASON_MAX_CHARS, v.length),
    };
  const same = reasons.findIndex((r, i) => i !== editing && r.toLowerCase() === v.toLowerCase());
  if (same >= 0) return { ok: false, message: t('checkReasonDuplicate') };
  if (editing === null && reasons.length >= REASONS_MAX)
    return {
      ok: false,
      message: t('checkReasonsFull', REASONS_MAX),
    };
  return { ok: true, value: v };
}

export function checkDeleteWord(value: string): Checked<true> {
  if (value.trim().toLowerCase() === DELETE_WORD) return { ok: true, value: true };
  return {
    ok: false,
    message: t('checkDeleteWord', DELETE_WORD),
  };
}

/** A day something was noticed: a real date, not ahead of today, not before 2000. */
export function checkNoticedOn(raw: Raw | string, today: CivilDate): Checked<CivilDate> {
  const { value, badInput } = typeof raw === 'string' ? { value: raw, badInput: false } : raw;
  const v = value.trim();
  if (badInput || (v && !isCivilDate(v)))
    return {
      ok: false,
      message: t('checkDateIncomplete'),
    };
  if (!v) return { ok: false, message: t('checkNoticedEmpty') };
  if (v > today) return { ok: false, message: t('checkNoticedFuture') };
  if (v < EARLIEST_DATE) return { ok: false, message: t('checkNoticedTooEarly', EARLIEST_YEAR) };
  return { ok: true, value: v };
}

/** Drops the words the form already shows ("If I want to", "then I will") and a final stop. */
function ifThenPart(text: string, lead: RegExp): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(lead, '')
    .replace(/[.,;\s]+$/, '')
    .trim();
}

/** One if-then plan, both halves filled in and short enough for the blocked page. */
export function checkIfThen(
  when: string,
  then: string,
  existing: readonly IfThenPlan[],
  /** The index of the plan being changed: it neither counts towards the limit nor repeats. */
  editing: number | null = null,
): Checked<IfThenPlan> | { ok: false; field: 'when' | 'then' | 'form'; message: string } {
  const w = ifThenPart(when, /^if\s+i\s+want\s+to\s+/i);
  const th = ifThenPart(then, /^(then\s+)?i\s+will\s+/i);
  if (!w)
    return {
      ok: false,
      field: 'when',
      message: t('checkIfEmpty'),
    };
  if (w.length > IF_THEN_PART_MAX_CHARS)
    return {
      ok: false,
      field: 'when',
      message: t('checkIfThenTooLong', IF_THEN_PART_MAX_CHARS),
    };
  if (!th)
    return {
      ok: false,
      field: 'then',
      message: t('checkThenEmpty'),
    };
  if (th.length > IF_THEN_PART_MAX_CHARS)
    return {
      ok: false,
      field: 'then',
      message: t('checkIfThenTooLong', IF_THEN_PART_MAX_CHARS),
    };
  const others = existing.filter((_, i) => i !== editing);
  if (editing === null && existing.length >= IF_THEN_MAX)
    return {
      ok: false,
      field: 'form',
      message: t('checkIfThenFull', IF_THEN_MAX),
    };
  if (
    others.some(
      (p) => p.when.toLowerCase() === w.toLowerCase() && p.then.toLowerCase() === th.toLowerCase(),
    )
  )
    return { ok: false, field: 'form', message: t('checkIfThenDuplicate') };
  return { ok: true, value: { when: w, then: th } };
}
