import type { Plan } from '../settings';
import { effectiveToday, summarize, type DayCounts, type Summary } from '../streak/stats';
import type { CountedKind } from '../streak/log-event';
import { boundaryEvents, countsFor, latestLoggedDate, urgesToWrite } from './event-store';
import type { NoContactDb } from './schema';

const toDayCounts = (c: Record<CountedKind, number>): DayCounts => ({
  urgesResisted: c['urge-resisted'],
  slips: c.slip,
  necessaryContacts: c['necessary-contact'],
});

/**
 * The popup's numbers straight from the indexes: the few events that bound streaks, the
 * newest local date, and index counts. Gives what computeStats gives for the same data
 * (less the per-day history), without loading the whole log.
 */
export async function loadSummary(
  db: NoContactDb,
  input: { plan: Plan | null; now: number; timeZone: string },
): Promise<Summary> {
  // One read transaction, so a write from another page cannot fall between the parts.
  return db.transaction('r', db.events, db.counters, async () => {
    const [boundaries, latest] = await Promise.all([boundaryEvents(db), latestLoggedDate(db)]);
    const today = effectiveToday(input.now, input.timeZone, latest);
    const [counts, toWrite] = await Promise.all([countsFor(db, today), urgesToWrite(db)]);
    return summarize({
      plan: input.plan,
      boundaries,
      today,
      totals: toDayCounts(counts.totals),
      todayCounts: toDayCounts(counts.onDate),
      urgesToWrite: toWrite,
    });
  });
}
