import { isHttpProtocol, isInt, isObj, isOneOf, isText, type Obj } from '../check';
import {
  BACKUP_MAX_DEPTH,
  EARLIEST_DATE,
  EARLIEST_TIME,
  EARLIEST_YEAR,
  FUTURE_TOLERANCE_MS,
} from '../limits';
import { addDays, isCivilDate, isTimeZone, type CivilDate } from '../streak/calendar';
import { words, type Words } from '../words';
import type { ImportProblemCode } from './format';

// The backup checker's refusing checks: each is one of the shared field checks (lib/check)
// that, instead of answering false, refuses the file with words that name the place in the
// file and say nothing was changed. The words are message keys (see lib/words): the options
// page says them in the browser's language. A place in the file is Words too ("the time of
// event 3"), nested in the refusal.

export class Refusal extends Error {
  constructor(
    readonly code: ImportProblemCode,
    readonly problem: Words,
  ) {
    super(`${code} (${problem.key})`);
  }
}

/** Refuses the file: `problem` says what is wrong, and "Nothing was changed." follows it. */
export function refuse(code: ImportProblemCode, problem: Words): never {
  throw new Refusal(code, words('backupProblem', problem));
}

/** What kind of value `v` is, in words ("a list", "text"). */
function describe(v: unknown): Words {
  if (v === null) return words('backupKindNull');
  if (Array.isArray(v)) return words('backupKindList');
  if (typeof v === 'object') return words('backupKindFields');
  if (typeof v === 'string') return words('backupKindText');
  // "It should be a whole number, but it is a number" says nothing: 1.5 is told apart.
  if (typeof v === 'number')
    return Number.isFinite(v) && !Number.isInteger(v)
      ? words('backupKindFraction')
      : words('backupKindNumber');
  if (typeof v === 'boolean') return words('backupKindTrueFalse');
  // JSON has no other kind of value: what is left is a field that is not there.
  return words('backupKindMissing');
}

function wrongType(path: Words, want: Words, got: unknown): never {
  refuse('wrong-type', words('backupWrongType', path, want, describe(got)));
}

export function obj(v: unknown, path: Words): Obj {
  if (!isObj(v)) wrongType(path, words('backupKindFields'), v);
  return v;
}

export function list(v: unknown, path: Words): unknown[] {
  if (!Array.isArray(v)) wrongType(path, words('backupKindList'), v);
  return v;
}

/** Refuses fields the format does not have, then fields it needs but lack. */
export function fields(
  o: Obj,
  path: Words,
  required: readonly string[],
  optional: readonly string[] = [],
) {
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k))
      refuse('unknown-field', words('backupUnknownField', k, path));
  }
  for (const k of required) {
    if (!Object.hasOwn(o, k)) refuse('missing-field', words('backupMissingField', path, k));
  }
}

/** Text of `minChars` to `maxChars` characters. */
export function str(v: unknown, path: Words, maxChars: number, minChars = 1): string {
  if (isText(v, maxChars, minChars)) return v;
  if (typeof v !== 'string') wrongType(path, words('backupKindText'), v);
  if (v.length < minChars) refuse('wrong-type', words('backupEmptyText', path));
  refuse('too-long', words('backupTooLong', path, maxChars));
}

export function bool(v: unknown, path: Words): boolean {
  if (typeof v !== 'boolean') wrongType(path, words('backupKindTrueFalse'), v);
  return v;
}

/** A whole number from `min` to `max`. */
export function int(v: unknown, path: Words, min: number, max: number): number {
  if (isInt(v, min, max)) return v;
  if (typeof v !== 'number' || !Number.isInteger(v))
    wrongType(path, words('backupKindWholeNumber'), v);
  refuse('out-of-range', words('backupOutOfRange', path, v, min, max));
}

export function oneOf<T extends string>(v: unknown, path: Words, allowed: readonly T[]): T {
  if (isOneOf(v, allowed)) return v;
  if (typeof v !== 'string') wrongType(path, words('backupKindText'), v);
  refuse('not-allowed', words('backupNotAllowed', path, v.slice(0, 40), allowed.join(', ')));
}

export interface Clock {
  now: number;
}

/** A moment from EARLIEST_TIME to `maxAhead` past the clock. */
export function instant(
  v: unknown,
  path: Words,
  clock: Clock,
  maxAhead = FUTURE_TOLERANCE_MS,
): number {
  if (isInt(v, EARLIEST_TIME, clock.now + maxAhead)) return v;
  if (typeof v !== 'number' || !Number.isInteger(v)) wrongType(path, words('backupKindTime'), v);
  if (v < EARLIEST_TIME) refuse('too-old', words('backupTimeTooOld', path, EARLIEST_YEAR));
  refuse('future', words('backupTimeInFuture', path));
}

/** A real calendar date from EARLIEST_DATE to `maxAheadDays` past the clock's (UTC) day. */
export function civil(v: unknown, path: Words, clock: Clock, maxAheadDays = 1): CivilDate {
  if (typeof v !== 'string') wrongType(path, words('backupKindDate'), v);
  if (!isCivilDate(v))
    refuse('bad-date', words('backupNotARealDate', path, String(v).slice(0, 20)));
  if (v < EARLIEST_DATE) refuse('too-old', words('backupDateTooOld', path, EARLIEST_YEAR));
  const latest = addDays(new Date(clock.now).toISOString().slice(0, 10), maxAheadDays);
  if (v > latest) refuse('future', words('backupDateInFuture', path));
  return v;
}

export function timeZone(v: unknown, path: Words): string {
  if (typeof v !== 'string') wrongType(path, words('backupKindTimeZone'), v);
  if (!isTimeZone(v)) refuse('bad-time-zone', words('backupBadTimeZone', path));
  return v;
}

/** An http(s) address of at most `maxChars` characters. */
export function httpAddress(v: unknown, path: Words, maxChars: number): string {
  const s = str(v, path, maxChars);
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    refuse('bad-address', words('backupNotAnAddress', path));
  }
  if (!isHttpProtocol(url))
    refuse('address-scheme', words('backupAddressScheme', path, url.protocol));
  return s;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses prototype-polluting keys and absurd nesting anywhere, before anything reads the values. */
export function scanKeys(root: unknown): void {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > BACKUP_MAX_DEPTH) refuse('too-deep', words('backupTooDeep'));
    if (Array.isArray(v)) {
      v.forEach((item) => stack.push({ v: item, depth: depth + 1 }));
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) refuse('forbidden-key', words('backupForbiddenKey', k));
      stack.push({ v: (v as Obj)[k], depth: depth + 1 });
    }
  }
}
