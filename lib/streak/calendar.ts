/** Calendar dates as "YYYY-MM-DD" strings, compared and counted without time-of-day. */
export type CivilDate = string;

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivilDate(s: unknown): s is CivilDate {
  if (typeof s !== 'string') return false;
  const m = CIVIL.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The person's local calendar date at instant `now` in time zone `timeZone`. */
export function localDate(now: number, timeZone: string): CivilDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}

/** Whole calendar days from a to b (b - a); independent of time zones and DST. */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((toUtcNoon(b) - toUtcNoon(a)) / 86_400_000);
}

export function addDays(d: CivilDate, n: number): CivilDate {
  return new Date(toUtcNoon(d) + n * 86_400_000).toISOString().slice(0, 10);
}

function toUtcNoon(d: CivilDate): number {
  const m = CIVIL.exec(d);
  if (!m) throw new RangeError(`Not a calendar date: ${d}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
