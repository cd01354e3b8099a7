import { KEY_MAX_CHARS } from './limits';

/**
 * The primitive field checks, written once for every reader of data from outside the code:
 * the settings reader (which repairs what fails), the backup checker (which refuses it, in
 * words, with helpers built on these) and the message protocol (which drops the message).
 * Boolean predicates only, and no imports but the limits: the page-side guard's bundle
 * loads this through lib/messaging, so nothing here may pull in the database, Preact or
 * the i18n module.
 */

export type Obj = Record<string, unknown>;

/** A plain object: not null, not a list. */
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A whole number from `min` to `max`, both included. */
export const isInt = (v: unknown, min: number, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** The largest time a Date can hold, in epoch milliseconds (ECMA-262's time value range). */
const MAX_TIME = 8.64e15;

/** A moment as epoch milliseconds, from 1970 to the end of what a Date can hold. */
export const isTime = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_TIME;

/** Text of `min` to `max` characters (UTF-16 units, as String.length counts them). */
export const isText = (v: unknown, max: number, min = 0): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

/** An id or dedupe key: text that is not empty and no longer than KEY_MAX_CHARS. */
export const isKey = (v: unknown): v is string => isText(v, KEY_MAX_CHARS, 1);

/** One of a fixed list of values (a kind, a channel, a mode). */
export const isOneOf = <T>(v: unknown, allowed: readonly T[]): v is T =>
  (allowed as readonly unknown[]).includes(v);

/** Whether a parsed address is a web address (http or https), the only kind ever used. */
export const isHttpProtocol = (url: URL): boolean =>
  url.protocol === 'https:' || url.protocol === 'http:';

/** The address in `v`, when `v` is text that parses as an http(s) address; else null. */
export function httpUrl(v: unknown): URL | null {
  if (typeof v !== 'string') return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return null;
  }
  return isHttpProtocol(url) ? url : null;
}

/** Text that parses as an http(s) address. */
export const isHttpUrl = (v: unknown): v is string => httpUrl(v) !== null;
