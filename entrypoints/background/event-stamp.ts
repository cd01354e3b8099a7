import type { WxtBrowser as Browser } from 'wxt/browser';
import { countingTimeZone, loadSettings, type Settings } from '@/lib/settings';
import { systemTimeZone } from '@/lib/streak/calendar';

/**
 * When an event happens and the zone it is dated in: the zone the count is kept in, so
 * the log and the count agree. `settings` saves a read when the caller has them already.
 */
export async function eventStamp(browser: Browser, settings?: Settings) {
  return {
    time: Date.now(),
    timeZone: countingTimeZone(
      (settings ?? (await loadSettings(browser.storage.local))).plan,
      systemTimeZone(),
    ),
  };
}
