import { describe, expect, it } from 'vitest';
import { earlyDayFrom, popupAddress, POPUP_PAGE, zoneOffsets } from '@/lib/popup-address';
import type { Plan } from '@/lib/settings';
import { nextLocalMidnight } from '@/lib/streak/calendar';
import { dayStatus } from '@/lib/streak/day';

describe("the popup's address (it paints the badge's day before the numbers arrive)", () => {
  const zone = 'Europe/Berlin';
  const now = Date.parse('2026-03-14T10:00:00+01:00');
  const midnight = nextLocalMidnight(now, zone);
  const plan = (goalDays = 30): Plan => ({ startDate: '2026-03-03', goalDays, looksRestart: true });
  // Day 12 of the plan on 2026-03-14.
  const day12 = dayStatus(plan(), null, '2026-03-14');
  const window = { from: now, until: midnight };
  const BERLIN_WINTER = -60; // Date.getTimezoneOffset() there in March before the change
  const early = (search: string, at = now, offset = BERLIN_WINTER) =>
    earlyDayFrom(search, at, offset);
  const searchOf = (address: string) => new URL(address, 'https://x/').search;

  it("carries the badge's day, read back while its day lasts", () => {
    const address = popupAddress(day12, window, zoneOffsets(window, zone));
    expect(address).toBe(`popup.html?day=12&goal=30&from=${now}&until=${midnight}&offsets=-60`);
    expect(midnight).toBe(Date.parse('2026-03-15T00:00:00+01:00'));
    expect(early(searchOf(address))).toEqual({ day: 12, goalDays: 30 });
    // Up to the last millisecond before midnight, and not from midnight on.
    expect(early(searchOf(address), midnight - 1)).toEqual({ day: 12, goalDays: 30 });
    expect(early(searchOf(address), midnight)).toBeNull();
    // Nor before it was computed: the clock was put back.
    expect(early(searchOf(address), now - 1)).toBeNull();
  });

  it('trusts a plan with its own zone wherever the device is', () => {
    const fixed = popupAddress(day12, window, null);
    expect(fixed).not.toContain('offsets');
    expect(early(searchOf(fixed), now, 300)).toEqual({ day: 12, goalDays: 30 });
  });

  it('gives nothing once a device-zone plan finds the device at another offset', () => {
    const address = searchOf(popupAddress(day12, window, zoneOffsets(window, zone)));
    expect(early(address, now, -540)).toBeNull(); // Tokyo
    expect(early(address, now, 300)).toBeNull(); // New York
  });

  it('lists both offsets on the day the clocks change, so the day holds across the change', () => {
    // 2026-03-29 in Berlin: 02:00 becomes 03:00 (UTC+1 to UTC+2).
    const before = Date.parse('2026-03-29T01:00:00+01:00');
    const dayWindow = { from: before, until: nextLocalMidnight(before, zone) };
    expect(zoneOffsets(dayWindow, zone)).toEqual([-60, -120]);
    const address = searchOf(popupAddress(day12, dayWindow, zoneOffsets(dayWindow, zone)));
    const after = Date.parse('2026-03-29T12:00:00+02:00');
    expect(early(address, before, -60)).toEqual({ day: 12, goalDays: 30 });
    expect(early(address, after, -120)).toEqual({ day: 12, goalDays: 30 });
    // A zone without the change keeps one offset; a zone east of Greenwich is negative.
    expect(zoneOffsets(window, 'UTC')).toEqual([0]);
    expect(zoneOffsets(window, 'Asia/Kolkata')).toEqual([-330]);
  });

  it('is the plain page before setup, before day 1, and without a window', () => {
    expect(popupAddress(dayStatus(null, null, '2026-03-14'), window, null)).toBe(POPUP_PAGE);
    expect(popupAddress(dayStatus(plan(), null, '2026-03-02'), window, null)).toBe('popup.html');
    expect(popupAddress(day12, null, null)).toBe('popup.html');
    expect(early('')).toBeNull();
  });

  it('gives nothing for a made-up or damaged address', () => {
    const ok = { day: '12', goal: '30', from: String(now), until: String(midnight) };
    const q = (o: Record<string, string>) => `?${new URLSearchParams(o).toString()}`;
    expect(early(q(ok))).toEqual({ day: 12, goalDays: 30 });
    expect(early(q({ ...ok, offsets: '-60' }))).toEqual({ day: 12, goalDays: 30 });
    for (const bad of [
      { ...ok, day: '-3' },
      { ...ok, day: '0' },
      { ...ok, day: '1.5' },
      { ...ok, day: 'twelve' },
      { ...ok, goal: '0' },
      { ...ok, goal: '' },
      { ...ok, from: '' },
      { ...ok, until: 'tomorrow' },
      { ...ok, until: '1e20' },
      { ...ok, offsets: '' },
      { ...ok, offsets: '-60,x' },
      { ...ok, offsets: '-120' },
      { day: '12', goal: '30', from: String(now) },
    ])
      expect(early(q(bad)), JSON.stringify(bad)).toBeNull();
  });
});
