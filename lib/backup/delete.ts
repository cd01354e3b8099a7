import type { NoContactDb } from '../db/schema';
import { settingsLock, type KeyValueArea, type SettingsLock } from '../settings';

export interface ClearableArea extends KeyValueArea {
  clear(): Promise<void>;
}

/**
 * Deletes every event and everything in `area` (settings, kept copies of damaged
 * settings). The tables are emptied rather than the database deleted: deleting would wait
 * on every open page's connection. The area is cleared under the settings lock, so an
 * update already reading the settings cannot write them back afterwards. The caller
 * clears the blocking rules.
 */
export async function deleteEverything(
  db: NoContactDb,
  area: ClearableArea,
  lock: SettingsLock = settingsLock,
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  await lock(() => area.clear());
}
