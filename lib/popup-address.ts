import { offsetAt } from './streak/calendar';
import type { DayStatus } from './streak/day';

/**
 * The popup's address. The toolbar button opens the popup at an address whose query
 * carries the day the badge shows (written by the background, read back by the popup's
 * first-paint script), so the popup can paint the day count from its own address, before
 * it has asked storage or the background anything (the background may be asleep).
 *
 * Reading it back uses no time-zone function: in a page process that has not used one
 * yet, the first Intl.DateTimeFormat cost 40 to 80 ms on this machine's Chromium, more
 * than the whole page takes to paint. So the address says when the day it carries holds
 * (from the moment it was computed to the next local midnight, as instants), and, for a
 * plan that follows the device's zone, the UTC offsets that zone has until then.
 */

/** The popup's page; the toolbar opens it at the address `popupAddress` gives. */
export const POPUP_PAGE = 'popup.html';

/** The day the badge shows and the goal, as the popup paints them before the numbers come. */
export interface EarlyDay {
  day: number;
  goalDays: number;
}

/** When the badge's day holds: from `from` (when it was computed) until `until` (epoch ms). */
export interface DayWindow {
  from: number;
  until: number;
}

/**
 * The offsets `timeZone` has over `window`, as Date.getTimezoneOffset gives them (minutes,
 * positive west of Greenwich): one, or two on the day its clocks change. The day can only
 * change at `until`, so the offsets at its first and last millisecond are all there are.
 */
export function zoneOffsets({ from, until }: DayWindow, timeZone: string): number[] {
  // "0 -" rather than "-": UTC is 0, not -0.
  const minutes = (t: number) => 0 - offsetAt(t, timeZone) / 60_000;
  const a = minutes(from);
  const b = minutes(until - 1);
  return a === b ? [a] : [a, b];
}

/**
 * The address for `status` (from dayStatus), which holds over `window`. `offsets`: the
 * device zone's offsets over the window when the plan counts in the device's zone (see
 * zoneOffsets), null when it has a zone of its own. Before setup and before day 1 (and
 * with no window) it is the plain page.
 */
export function popupAddress(
  status: DayStatus,
  window: DayWindow | null,
  offsets: readonly number[] | null,
): string {
  if (status.kind !== 'running' || !window) return POPUP_PAGE;
  const q = new URLSearchParams({
    day: String(status.day),
    goal: String(status.goalDays),
    from: String(window.from),
    until: String(window.until),
  });
  if (offsets) q.set('offsets', offsets.join(','));
  return `${POPUP_PAGE}?${q.toString()}`;
}

const isWhole = (s: string | null | undefined) => typeof s === 'string' && /^-?\d{1,15}$/.test(s);

/**
 * The day `popupAddress` put in the popup's query (`search`), when it still holds at `now`:
 * within its window and, for a plan that follows the device, with the device at one of
 * the offsets it was computed for (`deviceOffset`, the device's at `now` unless given).
 * Null for anything else (no query, yesterday's, a moved device or clock, anything
 * malformed): the popup then waits for the real numbers.
 */
export function earlyDayFrom(
  search: string,
  now: number,
  deviceOffset = new Date(now).getTimezoneOffset(),
): EarlyDay | null {
  const q = new URLSearchParams(search);
  const [day, goal, from, until] = ['day', 'goal', 'from', 'until'].map((k) => q.get(k));
  if (![day, goal, from, until].every(isWhole)) return null;
  const early = { day: Number(day), goalDays: Number(goal) };
  if (early.day < 1 || early.goalDays < 1) return null;
  if (!(Number(from) <= now && now < Number(until))) return null;
  const offsets = q.get('offsets');
  if (offsets !== null) {
    const list = offsets.split(',');
    if (!list.every(isWhole) || !list.map(Number).includes(deviceOffset)) return null;
  }
  return early;
}
