import type { NoContactDb } from '../db/schema';
import {
  loadSettings,
  SETTINGS_KEY,
  settingsLock,
  type KeyValueArea,
  type SettingsLock,
} from '../settings';
import { keptAfterDelete } from './waits';

export interface ClearableArea extends KeyValueArea {
  /** Every key and value (browser storage's get(null)). */
  get(keys: string | null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/**
 * Deletes every event and everything in `area` (settings, kept copies of damaged
 * settings, the first run's progress), except what the cooling-off keeps: the listed
 * profiles stay listed, and blocked, with their removal waiting (see waits.ts). The tables
 * are emptied rather than the database deleted: deleting would wait on every open page's
 * connection. The area is changed under the settings lock, so an update already reading
 * the settings cannot write them back afterwards; the kept settings are written before
 * the other keys are removed, so no moment passes with the profiles unlisted (which would
 * take their blocking rules away). The caller ends the allowances.
 */
export async function deleteEverything(
  db: NoContactDb,
  area: ClearableArea,
  lock: SettingsLock = settingsLock,
  now: number = Date.now(),
  newId: () => string = () => crypto.randomUUID(),
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  await lock(async () => {
    const kept = keptAfterDelete(await loadSettings(area), now, newId);
    const keep = kept.profiles.length > 0;
    if (keep) await area.set({ [SETTINGS_KEY]: kept });
    const others = Object.keys(await area.get(null)).filter((k) => !keep || k !== SETTINGS_KEY);
    if (others.length) await area.remove(others);
  });
}
