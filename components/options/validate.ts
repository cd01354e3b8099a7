import {
  GOAL_DAYS_MAX,
  IF_THEN_MAX,
  IF_THEN_PART_MAX_CHARS,
  type IfThenPlan,
} from '@/lib/settings';
import { isCivilDate, type CivilDate } from '@/lib/streak/calendar';

/*
 * The options page's field checks: pure, so the forms and their tests share them. Each
 * gives the parsed value or a message that says what to do, in plain words, never only
 * what is wrong.
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

/** The earliest start date a backup may carry (see lib/backup's EARLIEST_DATE). */
export const EARLIEST_START: CivilDate = '2000-01-01';
/** Reasons are shown on the blocked page, where a short one reads best. */
export const REASON_MAX_CHARS = 300;
export const REASONS_MAX = 20;
/** What the person types to confirm deleting everything. */
export const DELETE_WORD = 'delete';

const WHOLE = /^\s*\d+\s*$/;

export function checkStartDate(raw: Raw | string, today: CivilDate): Checked<CivilDate> {
  const { value, badInput } = typeof raw === 'string' ? { value: raw, badInput: false } : raw;
  if (badInput)
    return {
      ok: false,
      message: 'That is not a whole date. Use the date picker, or write it like 2026-03-14.',
    };
  const v = value.trim();
  if (!v) return { ok: false, message: 'Enter the day No Contact started, for example today.' };
  if (!isCivilDate(v))
    return {
      ok: false,
      message: 'That is not a date. Use the date picker, or write it like 2026-03-14.',
    };
  if (v > today)
    return {
      ok: false,
      message:
        'The start date can’t be in the future. Choose today, or the day you last had contact.',
    };
  if (v < EARLIEST_START)
    return { ok: false, message: 'Choose a start date in the year 2000 or later.' };
  return { ok: true, value: v };
}

function wholeNumber(raw: Raw | string, min: number, max: number, what: string): Checked<number> {
  const { value, badInput } = typeof raw === 'string' ? { value: raw, badInput: false } : raw;
  if (badInput || (value.trim() && !WHOLE.test(value)))
    return {
      ok: false,
      message: `Use a whole number from ${min} to ${max}, without decimals or letters.`,
    };
  if (!value.trim())
    return { ok: false, message: `Enter ${what}: a whole number from ${min} to ${max}.` };
  const n = Number(value);
  if (n < min || n > max) return { ok: false, message: `Choose a number from ${min} to ${max}.` };
  return { ok: true, value: n };
}

export function checkGoal(value: Raw | string): Checked<number> {
  return wholeNumber(value, 1, GOAL_DAYS_MAX, 'the number of days');
}

export function checkPause(value: Raw | string): Checked<number> {
  return wholeNumber(value, 0, 60, 'the pause in seconds');
}

export function checkAllowMinutes(value: Raw | string): Checked<number> {
  return wholeNumber(value, 1, 60, 'the number of minutes');
}

/** A new or edited reason; `editing` is the index being edited, if any. */
export function checkReason(
  value: string,
  reasons: readonly string[],
  editing: number | null = null,
): Checked<string> {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v) return { ok: false, message: 'Write a few words first.' };
  if (v.length > REASON_MAX_CHARS)
    return {
      ok: false,
      message: `Keep it under ${REASON_MAX_CHARS} characters (this one has ${v.length}), so it fits on the blocked page.`,
    };
  const same = reasons.findIndex((r, i) => i !== editing && r.toLowerCase() === v.toLowerCase());
  if (same >= 0) return { ok: false, message: 'That reason is already on your list.' };
  if (editing === null && reasons.length >= REASONS_MAX)
    return {
      ok: false,
      message: `You have ${REASONS_MAX} reasons already. Edit or remove one to make room.`,
    };
  return { ok: true, value: v };
}

export function checkDeleteWord(value: string): Checked<true> {
  if (value.trim().toLowerCase() === DELETE_WORD) return { ok: true, value: true };
  return {
    ok: false,
    message: `Type the word “${DELETE_WORD}” to confirm, or leave everything as it is.`,
  };
}

/** A day something was noticed: a real date, not ahead of today, not before 2000. */
export function checkNoticedOn(raw: Raw | string, today: CivilDate): Checked<CivilDate> {
  const { value, badInput } = typeof raw === 'string' ? { value: raw, badInput: false } : raw;
  const v = value.trim();
  if (badInput || (v && !isCivilDate(v)))
    return {
      ok: false,
      message: 'That is not a whole date. Use the date picker, or write it like 2026-03-14.',
    };
  if (!v) return { ok: false, message: 'Enter the day you noticed it, for example today.' };
  if (v > today)
    return { ok: false, message: 'That day is still to come. Choose today or before.' };
  if (v < EARLIEST_START) return { ok: false, message: 'Choose a day in the year 2000 or later.' };
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
): Checked<IfThenPlan> | { ok: false; field: 'when' | 'then' | 'form'; message: string } {
  const w = ifThenPart(when, /^if\s+i\s+want\s+to\s+/i);
  const t = ifThenPart(then, /^(then\s+)?i\s+will\s+/i);
  if (!w)
    return {
      ok: false,
      field: 'when',
      message: 'Write what the urge is, for example “look at their profile”.',
    };
  if (w.length > IF_THEN_PART_MAX_CHARS)
    return {
      ok: false,
      field: 'when',
      message: `Keep it to ${IF_THEN_PART_MAX_CHARS} characters, so it fits on the blocked page.`,
    };
  if (!t)
    return {
      ok: false,
      field: 'then',
      message: 'Write what you will do instead, for example “call my sister”.',
    };
  if (t.length > IF_THEN_PART_MAX_CHARS)
    return {
      ok: false,
      field: 'then',
      message: `Keep it to ${IF_THEN_PART_MAX_CHARS} characters, so it fits on the blocked page.`,
    };
  if (existing.length >= IF_THEN_MAX)
    return {
      ok: false,
      field: 'form',
      message: `You have ${IF_THEN_MAX} plans already, the most there is room for. Remove one to add another.`,
    };
  if (
    existing.some(
      (p) => p.when.toLowerCase() === w.toLowerCase() && p.then.toLowerCase() === t.toLowerCase(),
    )
  )
    return { ok: false, field: 'form', message: 'This plan is already on your list.' };
  return { ok: true, value: { when: w, then: t } };
}
