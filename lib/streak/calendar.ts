/** Calendar dates as "YYYY-MM-DD" strings, compared and counted without time-of-day. */
export type CivilDate = string;

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isCivilDate(s: unknown): s is CivilDate {
  if (typeof s !== 'string') return false;
  const m = CIVIL.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

// Building an Intl.DateTimeFormat costs far more than using one, and the stats and the
// midnight search format thousands of instants: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The person's local calendar date at instant `now` in time zone `timeZone`. */
export function localDate(now: number, timeZone: string): CivilDate {
  return dateFormatter(timeZone).format(new Date(now));
}

/** Whether `tz` is a time zone this runtime knows (an IANA name such as "Europe/Berlin"). */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64) return false;
  try {
    dateFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Whole calendar days from a to b (b - a); independent of time zones and DST. */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((toUtcNoon(b) - toUtcNoon(a)) / DAY_MS);
}

export function addDays(d: CivilDate, n: number): CivilDate {
  return new Date(toUtcNoon(d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The later of two dates (CivilDate strings sort like the dates they name). */
export function laterDate(a: CivilDate, b: CivilDate): CivilDate {
  return a >= b ? a : b;
}

function toUtcNoon(d: CivilDate): number {
  const m = CIVIL.exec(d);
  if (!m) throw new RangeError(`Not a calendar date: ${d}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Epoch ms of the first instant of the next local date after `now`: when the badge must
 * change. Usually local midnight, but on days where a DST change skips midnight (Chile,
 * Lebanon) the new date starts at 01:00, and where a zone once skipped a whole date
 * (Samoa, 2011) it is the first instant of the date after that.
 *
 * Found by bisection on "has the local date moved on?" rather than by adding offsets:
 * the answer then comes from the time-zone database alone, whatever its rules. The date
 * only moves forward within a day, so the predicate is monotone on the 48 hours searched
 * (no local day is longer than 26 hours).
 */
export function nextLocalMidnight(now: number, timeZone: string): number {
  const today = localDate(now, timeZone);
  let lo = now; // still today
  let hi = now + 2 * DAY_MS; // surely a later date
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (localDate(mid, timeZone) > today) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The zone's offset from UTC at instant `t`, in ms (positive east of Greenwich). */
export function offsetAt(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(t / 1000) * 1000;
}
