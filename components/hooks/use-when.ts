import { say } from '@/lib/i18n';
import { countingTimeZone, type Plan } from '@/lib/settings';
import { localDate, systemTimeZone } from '@/lib/streak/calendar';
import { resolveWhen, wallTimeOf } from '@/lib/streak/when';
import type { WhenContext } from '../popup/SlipForm';

/**
 * What a "when did it happen" field needs, for the plan as it is: the clock is read at
 * each check, so a page left open past midnight still judges "yesterday" rightly.
 */
export function whenContext(plan: Plan | null, now: () => number = Date.now): WhenContext {
  const zone = () => countingTimeZone(plan, systemTimeZone());
  const at = now();
  return {
    check: (w) => {
      const r = resolveWhen(w, now(), zone(), plan);
      return r.ok ? r : { ok: false, error: say(r.error) };
    },
    defaultTime: wallTimeOf(at, zone()),
    today: localDate(at, zone()),
  };
}
