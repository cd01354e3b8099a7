import type { Plan } from '@/lib/settings';
import { pageDb } from './page-db';
import { useSummaryFrom, type SummaryLoader, type SummaryState } from './use-summary-from';

export type { SummaryState } from './use-summary-from';

/**
 * The database code (Dexie) is loaded when the numbers are first read, not with the page:
 * the blocked page paints its words and its way back without waiting for it.
 */
const fromPageDb: SummaryLoader = async (plan, now, timeZone) => {
  const [opened, { loadSummary }] = await Promise.all([pageDb(), import('@/lib/db/summary')]);
  return loadSummary(opened, { plan, now, timeZone });
};

/** The day count and totals for `plan`, read from the database's indexes in this page. */
export function useSummary(plan: Plan | null | undefined, version = 0): SummaryState {
  return useSummaryFrom(fromPageDb, plan, version);
}
