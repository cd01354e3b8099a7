import { createDb, DB_NAME, type NoContactDb } from '@/lib/db/schema';

let db: NoContactDb | null = null;

/**
 * The background's one connection to the event log, opened on first use (most wakes of
 * the background never need it) and shared by every handler. When a newer version of the
 * extension upgrades the database, the next use opens it afresh.
 */
export function backgroundDb(): NoContactDb {
  return (db ??= createDb(DB_NAME, {
    onStale: () => {
      db = null;
    },
  }));
}
