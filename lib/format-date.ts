/**
 * Dates and moments as the person reads them, in their locale (Intl), for every page. A
 * calendar date (CivilDate) has no time zone: it is formatted at noon UTC, in UTC, so no
 * zone can shift it to the day before or after. `locale` is for tests and for a page that
 * knows better; by default it is the browser's.
 */

import type { CivilDate } from './streak/calendar';

const CIVIL_STYLES = {
  /** "4 May 2024" (en-GB), "May 4, 2024" (en-US). */
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  /** "Sat, 4 May 2024" (en-GB), "Sat, May 4, 2024" (en-US). */
  weekday: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  /** "04/05" (en-GB), "5/4" (en-US), "4.5." (de): short enough for a chart's axis. */
  'day-month': { day: 'numeric', month: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type CivilDateStyle = keyof typeof CIVIL_STYLES;

// A chart formats a few hundred dates at a time; building a formatter costs far more than
// using one. (UTC formatters only: they do not depend on the system's time zone.)
const formatters = new Map<string, Intl.DateTimeFormat>();

function civilFormatter(style: CivilDateStyle, locale: string | undefined): Intl.DateTimeFormat {
  const key = `${style}|${locale ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...CIVIL_STYLES[style], timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/** A calendar date for reading; `style` says how much of it (see CIVIL_STYLES). */
export function formatCivilDate(
  d: CivilDate,
  style: CivilDateStyle = 'date',
  locale?: string,
): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const noon = new Date(Date.UTC(y, m - 1, day, 12));
  // Not a date at all (it never should be): shown as it is rather than throwing.
  if (Number.isNaN(noon.getTime())) return d;
  return civilFormatter(style, locale).format(noon);
}

/** A moment in the system's time zone: "Sat 14 Mar, 21:30" (en-GB). */
export function formatMoment(ms: number, locale?: string): string {
  const when = new Date(ms);
  if (Number.isNaN(when.getTime())) return '';
  // Not cached: the system's time zone is read when a formatter is built, and it can change.
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(when);
}
