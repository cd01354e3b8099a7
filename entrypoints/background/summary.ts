import type { WxtBrowser as Browser } from 'wxt/browser';
import type { NoContactDb } from '@/lib/db/schema';
import { countSigns } from '@/lib/db/signs';
import { loadSummary } from '@/lib/db/summary';
import { countingTimeZone, loadSettings } from '@/lib/settings';
import { systemTimeZone } from '@/lib/streak/calendar';
import type { Handlers } from './messages';
import { backgroundDb } from './db';

/**
 * The day count and totals (and how many signs it is working were noticed), read here for
 * the popup: the popup then needs neither the
 * database library nor the streak rules in its bundle (it opens on every click of the
 * toolbar button, so its size is its speed). Read-only, so the badge is not refreshed.
 */
export function summaryHandlers(
  browser: Browser,
  openDb: () => NoContactDb = backgroundDb,
  timeZone: () => string = systemTimeZone,
): Handlers {
  return {
    summary: async () => {
      try {
        const { plan } = await loadSettings(browser.storage.local);
        const zone = countingTimeZone(plan, timeZone());
        const db = openDb();
        const [summary, signsNoticed] = await Promise.all([
          loadSummary(db, { plan, now: Date.now(), timeZone: zone }),
          countSigns(db),
        ]);
        return { ok: true, summary, signsNoticed };
      } catch (e) {
        console.error('summary:', e);
        return { ok: false };
      }
    },
  };
}
