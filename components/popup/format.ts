import type { CivilDate } from '@/lib/streak/calendar';

/**
 * A calendar date for reading, in the person's locale ("Sat, 4 May 2024"). Formatted at
 * noon UTC in UTC: a civil date has no time zone, and this way none can shift it.
 */
export function formatCivilDate(d: CivilDate, locale?: string): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, day, 12)));
}
