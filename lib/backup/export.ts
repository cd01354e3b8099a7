import { allEvents } from '../db/event-store';
import type { NoContactDb } from '../db/schema';
import type { Draft } from '../drafts';
import { loadSettings, type KeyValueArea } from '../settings';
import { SIGN_IDS, type SignNoticed } from '../signs';
import { canonicalEvent } from '../streak/log-event';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  canonicalDraft,
  canonicalSign,
  type Backup,
} from './format';

export async function exportBackup(
  db: NoContactDb,
  area: KeyValueArea,
  now: number,
): Promise<Backup> {
  const settings = await loadSettings(area);
  const { events, drafts, signs } = await db.transaction(
    'r',
    db.events,
    db.drafts,
    db.signs,
    async () => ({
      events: (await allEvents(db)).map(canonicalEvent),
      drafts: (await db.drafts.orderBy('time').toArray()).sort(byTimeThenId).map(canonicalDraft),
      signs: (await db.signs.toArray()).sort(bySignOrder).map(canonicalSign),
    }),
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    events,
    drafts,
    signs,
  };
}

const byTimeThenId = (a: Draft, b: Draft) =>
  a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const bySignOrder = (a: SignNoticed, b: SignNoticed) =>
  SIGN_IDS.indexOf(a.sign) - SIGN_IDS.indexOf(b.sign);

export function backupToJson(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}
