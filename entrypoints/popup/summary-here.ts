import { browser } from 'wxt/browser';
import type { PopupSummary } from '@/components/popup/Popup';
import { pageDb } from '@/components/hooks/page-db';
import { countSigns } from '@/lib/db/signs';
import { loadSummary } from '@/lib/db/summary';
import { countingTimeZone, loadSettings } from '@/lib/settings';
import { systemTimeZone } from '@/lib/streak/calendar';

/**
 * The popup's numbers read by the popup itself, the way the background reads them
 * (entrypoints/background/summary.ts). Only when the background cannot give them: after
 * an update in place an older background may still be running, one that does not know
 * this build's request. Loaded only then, so the popup's first script stays small.
 */
export async function summaryHere(): Promise<PopupSummary> {
  const { plan } = await loadSettings(browser.storage.local);
  const db = await pageDb();
  const [summary, signsNoticed] = await Promise.all([
    loadSummary(db, { plan, now: Date.now(), timeZone: countingTimeZone(plan, systemTimeZone()) }),
    countSigns(db),
  ]);
  return { ...summary, signsNoticed };
}
