import { describe, expect, it } from 'vitest';
import { earlyDayFrom, popupAddress, POPUP_PAGE } from '@/lib/popup-address';
import type { Plan } from '@/lib/settings';
import { dayStatus } from '@/lib/streak/day';

describe("the popup's address (it paints the badge's day before the numbers arrive)", () => {
  const zone = 'Europe/Berlin';
  const now = Date.parse('2026-03-14T10:00:00+01:00');
  const plan = (goalDays = 30): Plan => ({ startDate: '2026-03-03', goalDays, looksRestart: true });
  // Day 12 of the plan on 2026-03-14.
  const day12 = dayStatus(plan(), null, '2026-03-14');
  const at = (date = '2026-03-14', timeZone = zone) => ({ date, timeZone });
  const early = (search: string, deviceZone = zone) => earlyDayFrom(search, now, deviceZone);
  const searchOf = (address: string) => new URL(address, 'https://x/').search;

  it("carries the badge's day, read back while it was computed for today", () => {
    const address = popupAddress(day12, at(), true);
    expect(address).toBe('popup.html?day=12&goal=30&date=2026-03-14&tz=Europe%2FBerlin&device=1');
    expect(early(searchOf(address))).toEqual({ day: 12, goalDays: 30 });
    // A fixed plan zone is trusted wherever the device is.
    const fixed = popupAddress(day12, at('2026-03-14', 'Asia/Tokyo'), false);
    expect(early(searchOf(fixed), 'America/New_York')).toEqual({ day: 12, goalDays: 30 });
  });

  it('is the plain page before setup and before day 1', () => {
    expect(popupAddress(dayStatus(null, null, '2026-03-14'), at(), true)).toBe(POPUP_PAGE);
    expect(popupAddress(dayStatus(plan(), null, '2026-03-02'), at(), true)).toBe('popup.html');
    expect(early('')).toBeNull();
  });

  it("gives nothing for yesterday's day, or once the device moved to another zone", () => {
    expect(early(searchOf(popupAddress(day12, at('2026-03-13'), true)))).toBeNull();
    const address = searchOf(popupAddress(day12, at(), true));
    expect(early(address, 'Asia/Tokyo')).toBeNull();
  });

  it('gives nothing for a made-up or damaged address', () => {
    const ok = { day: '12', goal: '30', date: '2026-03-14', tz: zone };
    const q = (o: Record<string, string>) => `?${new URLSearchParams(o).toString()}`;
    expect(early(q(ok))).toEqual({ day: 12, goalDays: 30 });
    for (const bad of [
      { ...ok, day: '-3' },
      { ...ok, day: '0' },
      { ...ok, day: '1.5' },
      { ...ok, day: 'twelve' },
      { ...ok, goal: '0' },
      { ...ok, goal: '' },
      { ...ok, date: '' },
      { ...ok, tz: 'Not/AZone' },
      { day: '12', goal: '30', date: '2026-03-14' },
    ])
      expect(early(q(bad)), JSON.stringify(bad)).toBeNull();
  });
});
