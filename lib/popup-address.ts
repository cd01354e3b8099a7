import { localDate, type CivilDate } from './streak/calendar';
import type { DayStatus } from './streak/day';

/**
 * The popup's address. The toolbar button opens the popup at an address whose query
 * carries the day the badge shows (written by the background, read back by the popup's
 * first script), so the popup can paint the day count from its own address, before it
 * has asked storage or the background anything (the background may be asleep).
 */

/** The popup's page; the toolbar opens it at the address `popupAddress` gives. */
export const POPUP_PAGE = 'popup.html';

/** The day the badge shows and the goal, as the popup paints them before the numbers come. */
export interface EarlyDay {
  day: number;
  goalDays: number;
}

/**
 * The address for `status` (from dayStatus), computed for the local date `date` in
 * `timeZone`. `followsDevice`: the plan counts in the device's zone, not a fixed one.
 * Before setup and before day 1 it is the plain page.
 */
export function popupAddress(
  status: DayStatus,
  computedFor: { date: CivilDate; timeZone: string },
  followsDevice: boolean,
): string {
  if (status.kind !== 'running') return POPUP_PAGE;
  const q = new URLSearchParams({
    day: String(status.day),
    goal: String(status.goalDays),
    date: computedFor.date,
    tz: computedFor.timeZone,
  });
  if (followsDevice) q.set('device', '1');
  return `${POPUP_PAGE}?${q.toString()}`;
}

/**
 * The day `popupAddress` put in the popup's query (`search`), when it is still right for
 * `now`: computed for today's local date, in the device's current zone when the plan
 * follows the device. Null for anything else (no query, yesterday's, a moved device,
 * anything malformed): the popup then waits for the real numbers.
 */
export function earlyDayFrom(search: string, now: number, deviceZone: string): EarlyDay | null {
  const q = new URLSearchParams(search);
  const day = Number(q.get('day'));
  const goalDays = Number(q.get('goal'));
  const date = q.get('date');
  const timeZone = q.get('tz');
  if (!date || !timeZone || !Number.isInteger(day) || day < 1) return null;
  if (!Number.isInteger(goalDays) || goalDays < 1) return null;
  if (q.get('device') === '1' && timeZone !== deviceZone) return null;
  try {
    return localDate(now, timeZone) === date ? { day, goalDays } : null;
  } catch {
    // Not a zone this browser knows.
    return null;
  }
}
