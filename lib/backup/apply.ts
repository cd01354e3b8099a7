import { countersFor, toRow, type NoContactDb } from '../db/schema';
import {
  loadSettings,
  SETTINGS_KEY,
  settingsLock,
  type KeyValueArea,
  type SettingsLock,
} from '../settings';
import type { CheckedBackup } from './format';
import { importedSettings } from './waits';

export class ImportFailed extends Error {
  constructor(
    message: string,
    /** Whether the data from before the import is still in place. */
    readonly restored: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImportFailed';
  }
}

/**
 * Replaces every event, draft and ticked sign, and the settings, with the backup's, all
 * or nothing. The settings are the backup's except for what would lower protection
 * compared to the settings stored now: that waits out the cooling-off (waits.ts), read and
 * decided under the settings lock, against what is stored at that moment.
 *
 * IndexedDB and storage.local cannot share a transaction, so:
 * 1. one Dexie transaction reads the old events (and totals, drafts and signs), clears
 *    them and writes the new ones (if any step fails, IndexedDB rolls the whole transaction back: old events
 *    intact, settings never touched);
 * 2. the settings are read, merged with the backup's (importedSettings) and written in one
 *    storage.local call (which applies whole or not), under the settings lock, so no other
 *    context's update is half-way through;
 * 3. if that write fails, a second transaction puts the old rows back, and the error
 *    says whether it managed to.
 * Only a browser closing between steps 1 and 2 (a few milliseconds) could leave the new
 * events with the old settings; importing the same file again then completes it.
 */
export async function applyBackup(
  db: NoContactDb,
  area: KeyValueArea,
  backup: CheckedBackup,
  lock: SettingsLock = settingsLock,
  now: number = Date.now(),
  newId: () => string = () => crypto.randomUUID(),
): Promise<void> {
  const rows = backup.events.map(toRow);
  const stores = [db.events, db.counters, db.drafts, db.signs];
  const previous = await db.transaction('rw', stores, async () => {
    const old = {
      events: await db.events.toArray(),
      counters: await db.counters.toArray(),
      drafts: await db.drafts.toArray(),
      signs: await db.signs.toArray(),
    };
    for (const t of stores) await t.clear();
    await db.events.bulkAdd(rows);
    await db.counters.bulkPut(countersFor(rows));
    await db.drafts.bulkAdd(backup.drafts);
    await db.signs.bulkAdd(backup.signs);
    return old;
  });
  try {
    await lock(async () => {
      const current = await loadSettings(area);
      const next = importedSettings(current, backup.settings, now, newId);
      await area.set({ [SETTINGS_KEY]: next });
    });
  } catch (cause) {
    let restored = true;
    try {
      await db.transaction('rw', stores, async () => {
        for (const t of stores) await t.clear();
        await db.events.bulkAdd(previous.events);
        await db.counters.bulkPut(previous.counters);
        await db.drafts.bulkAdd(previous.drafts);
        await db.signs.bulkAdd(previous.signs);
      });
    } catch {
      restored = false;
    }
    // For the console: the page words what happened itself, from `restored`.
    throw new ImportFailed(
      restored
        ? 'saving the settings failed; the earlier events, drafts and signs were put back'
        : 'saving the settings failed, and putting the earlier events, drafts and signs back failed too',
      restored,
      { cause },
    );
  }
}
