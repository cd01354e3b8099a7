import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isTimeZone,
  localDate,
  nextLocalMidnight,
} from '@/lib/streak/calendar';
import { at } from '../fixtures/events';

const HOUR = 3_600_000;

describe('nextLocalMidnight', () => {
  it('is the next midnight on an ordinary day', () => {
    expect(nextLocalMidnight(at('2024-06-01T12:34:56+02:00'), 'Europe/Berlin')).toBe(
      at('2024-06-02T00:00:00+02:00'),
    );
  });

  it('is a full day ahead exactly at midnight', () => {
    expect(nextLocalMidnight(at('2024-06-01T00:00:00+02:00'), 'Europe/Berlin')).toBe(
      at('2024-06-02T00:00:00+02:00'),
    );
  });

  it('spans the 23-hour and 25-hour days in Berlin and New York', () => {
    const berlinSpring = nextLocalMidnight(at('2024-03-31T00:00:00+01:00'), 'Europe/Berlin');
    expect(berlinSpring).toBe(at('2024-04-01T00:00:00+02:00'));
    expect(berlinSpring - at('2024-03-31T00:00:00+01:00')).toBe(23 * HOUR);
    const berlinFall = nextLocalMidnight(at('2024-10-27T00:00:00+02:00'), 'Europe/Berlin');
    expect(berlinFall - at('2024-10-27T00:00:00+02:00')).toBe(25 * HOUR);
    expect(nextLocalMidnight(at('2024-03-10T00:30:00-05:00'), 'America/New_York')).toBe(
      at('2024-03-11T00:00:00-04:00'),
    );
    expect(nextLocalMidnight(at('2024-11-03T01:30:00-05:00'), 'America/New_York')).toBe(
      at('2024-11-04T00:00:00-05:00'),
    );
  });

  it("spans Lord Howe's 24.5-hour and 23.5-hour days", () => {
    const start = at('2024-04-07T00:00:00+11:00');
    expect(nextLocalMidnight(start + 10 * 60_000, 'Australia/Lord_Howe') - start).toBe(24.5 * HOUR);
    const start2 = at('2024-10-06T00:00:00+10:30');
    expect(nextLocalMidnight(start2, 'Australia/Lord_Howe') - start2).toBe(23.5 * HOUR);
  });

  it('is 01:00 where the DST change skips midnight (Santiago, Beirut)', () => {
    expect(nextLocalMidnight(at('2022-09-10T12:00:00-04:00'), 'America/Santiago')).toBe(
      at('2022-09-11T01:00:00-03:00'),
    );
    expect(nextLocalMidnight(at('2022-03-26T12:00:00+02:00'), 'Asia/Beirut')).toBe(
      at('2022-03-27T01:00:00+03:00'),
    );
  });

  it('is the first instant of the next date that exists (Samoa skipped 30 December 2011)', () => {
    const next = nextLocalMidnight(at('2011-12-29T12:00:00-10:00'), 'Pacific/Apia');
    expect(next).toBe(at('2011-12-31T00:00:00+14:00'));
    expect(localDate(next, 'Pacific/Apia')).toBe('2011-12-31');
  });

  it('is always the first instant of a later local date', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Beirut',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: at('2015-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }),
        fc.constantFrom(...zones),
        (now, tz) => {
          const next = nextLocalMidnight(now, tz);
          const today = localDate(now, tz);
          expect(next).toBeGreaterThan(now);
          expect(next - now).toBeLessThanOrEqual(26 * HOUR);
          expect(localDate(next, tz) > today).toBe(true);
          expect(localDate(next - 1, tz)).toBe(today);
        },
      ),
    );
  });
});

describe('calendar helpers', () => {
  it('count days across leap years and DST without drift', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-31', '2024-03-30')).toBe(-1);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('know real time zones from made-up ones', () => {
    expect(isTimeZone('Australia/Lord_Howe')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});
