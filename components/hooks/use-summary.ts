import { createDb, DB_NAME, type NoContactDb } from '@/lib/db/schema';
import { loadSummary } from '@/lib/db/summary';
import type { Plan } from '@/lib/settings';
import { useSummaryFrom, type SummaryLoader, type SummaryState } from './use-summary-from';

export type { SummaryState } from './use-summary-from';

let db: NoContactDb | null = null;

/**
 * The page's one connection to the event log. Pages only read it (every write goes
 * through the background). When another context upgrades the database, this page runs old
 * code: it reloads rather than keep reading with an outdated schema.
 */
function pageDb(): NoContactDb {
  return (db ??= createDb(DB_NAME, { onStale: () => location.reload() }));
}

const fromPageDb: SummaryLoader = (plan, now, timeZone) =>
  loadSummary(pageDb(), { plan, now, timeZone });

/** The day count and totals for `plan`, read from the database's indexes in this page. */
export function useSummary(plan: Plan | null | undefined, version = 0): SummaryState {
  return useSummaryFrom(fromPageDb, plan, version);
}
