import { describe, expect, it } from 'vitest';
import { formatCivilDate, formatMoment } from '@/lib/format-date';

describe("formatCivilDate: a calendar date in the person's locale", () => {
  it('writes the date, by default day, month and year', () => {
    expect(formatCivilDate('2024-05-04', 'date', 'en-GB')).toBe('4 May 2024');
    expect(formatCivilDate('2024-05-04', 'date', 'en-US')).toBe('May 4, 2024');
    expect(formatCivilDate('2024-05-04', undefined, 'en-GB')).toBe('4 May 2024');
  });

  it('with the weekday', () => {
    expect(formatCivilDate('2024-05-04', 'weekday', 'en-GB')).toBe('Sat, 4 May 2024');
    expect(formatCivilDate('2024-05-04', 'weekday', 'en-US')).toBe('Sat, May 4, 2024');
  });

  it("as a short day and month, in the order of the locale (a chart's axis)", () => {
    expect(formatCivilDate('2024-05-04', 'day-month', 'en-US')).toBe('5/4');
    expect(formatCivilDate('2024-05-04', 'day-month', 'en-GB')).toBe('04/05');
    expect(formatCivilDate('2024-05-04', 'day-month', 'de')).toBe('4.5.');
  });

  it('never shifts a date to the day before or after, whatever the time zone', () => {
    expect(formatCivilDate('2024-12-31', 'date', 'en-GB')).toBe('31 Dec 2024');
    expect(formatCivilDate('2025-01-01', 'date', 'en-GB')).toBe('1 Jan 2025');
    expect(formatCivilDate('2024-02-29', 'weekday', 'en-GB')).toBe('Thu, 29 Feb 2024');
  });

  it('shows what is not a date as it is, rather than throwing', () => {
    expect(formatCivilDate('not-a-date', 'date', 'en-GB')).toBe('not-a-date');
  });
});

describe("formatMoment: a moment in the system's time zone", () => {
  it('writes the weekday, the date and the time', () => {
    const ms = new Date(2024, 2, 16, 21, 30).getTime();
    expect(formatMoment(ms, 'en-GB')).toBe('Sat 16 Mar, 21:30');
  });

  it('is empty for a moment that is no number', () => {
    expect(formatMoment(Number.NaN, 'en-GB')).toBe('');
  });
});
