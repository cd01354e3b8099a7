/**
 * Chrome's incognito windows (the manifest's `incognito: "split"`): the private side runs a
 * background and pages of its own, each with an IndexedDB of its own that lives in memory
 * and is gone when the last incognito window closes. The two sides share only
 * storage.local and storage.session (measured in Chromium 156: both areas, and their
 * change events, reach both sides), the rules and the tabs' ids. So:
 *
 * - Every request a private-side page sends that reads or writes the log is handed to the
 *   normal side: the private background writes it under RELAY_PREFIX + an id in
 *   storage.session; the normal background runs it through the same handlers and writes
 *   the answer under ANSWER_PREFIX + the id. One log, one writer, nothing counted twice
 *   (log writes carry their page's dedupe key, and wait in the outbox as usual).
 * - The private side's pages read their numbers from a copy of the normal side's database
 *   (its tables, whole) kept in the private side's own IndexedDB: the private background
 *   asks for it (WANT_KEY) when it starts and whenever the normal side says the log changed
 *   (STAMP_KEY); the normal side answers with the tables (SNAPSHOT_KEY, in storage.local
 *   because it can be large; taken out once kept).
 *
 * The small keys live in session storage, so nothing of the exchange outlives the browser
 * session or stays behind after "delete everything".
 *
 * Firefox has no split mode (its private windows share the one background), and there
 * nothing here runs.
 */

import { isObj } from './check';
import type { MessageType } from './messaging';
import type { NoContactDb } from './db/schema';

export const RELAY_PREFIX = 'split.relay:';
export const ANSWER_PREFIX = 'split.answer:';
export const WANT_KEY = 'split.want';
export const SNAPSHOT_KEY = 'split.snapshot';
export const STAMP_KEY = 'split.logStamp';

/** How long the private side waits for the normal side's answer before giving up. */
export const RELAY_WAIT_MS = 10_000;

/**
 * What the private side hands over. Everything that reads or writes the log, or allows a
 * profile in a tab (one writer of the allowances). Not the guard's question (answered from
 * session storage, which both sides share).
 */
export const RELAYED_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([
  'hello',
  'log-urge',
  'log-slip',
  'continue',
  'undo',
  'log-plan-start',
  'log-reached-out',
  'log-necessary-contact',
  'log-stage-set',
  'set-sign',
  'save-draft',
  'delete-draft',
  'end-plan-now',
  'summary',
  'quick-add-undo',
]);

/**
 * Replacing or deleting everything is refused in a private window: storage.local is
 * open to the extension's content scripts, and a request that wipes the log should not
 * travel through it. The settings page in a normal window does both.
 */
export const NORMAL_WINDOW_ONLY: ReadonlySet<MessageType> = new Set<MessageType>([
  'apply-import',
  'delete-everything',
]);

/** A request handed over: the message, and the tab and page it came from. */
export interface Relayed {
  message: Record<string, unknown>;
  tabId?: number;
  url?: string;
  at: number;
}

export function parseRelayed(v: unknown): Relayed | null {
  if (!isObj(v) || !isObj(v.message) || typeof v.at !== 'number') return null;
  return {
    message: v.message,
    at: v.at,
    ...(typeof v.tabId === 'number' && { tabId: v.tabId }),
    ...(typeof v.url === 'string' && { url: v.url }),
  };
}

/** The normal side's answer to one handed-over request (`answer` absent: no answer). */
export interface RelayAnswer {
  answer?: unknown;
}

/** The database's tables, whole, as the normal side hands them over. */
export interface Snapshot {
  /** The WANT_KEY request this answers. */
  id: string;
  at: number;
  tables: Record<string, unknown[]>;
}

export function parseSnapshot(v: unknown): Snapshot | null {
  if (!isObj(v) || typeof v.id !== 'string' || typeof v.at !== 'number' || !isObj(v.tables)) {
    return null;
  }
  const tables: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(v.tables)) {
    if (!Array.isArray(rows)) return null;
    tables[name] = rows;
  }
  return { id: v.id, at: v.at, tables };
}

/** Every table of the log, read in one transaction (the normal side's copy to hand over). */
export async function exportTables(db: NoContactDb): Promise<Record<string, unknown[]>> {
  return db.transaction('r', db.tables, async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of db.tables) out[t.name] = await t.toArray();
    return out;
  });
}

/**
 * Replaces every table with the copy, in one transaction: the private side's pages see the
 * old copy or the new one, never half of each. Tables the copy does not name are emptied.
 */
export async function importTables(
  db: NoContactDb,
  tables: Record<string, unknown[]>,
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) {
      await t.clear();
      const rows = tables[t.name];
      if (rows?.length) await t.bulkPut(rows);
    }
  });
}

/**
 * A small database of the private side only, whose one row says the copy has arrived: the
 * private side's pages wait for it before they read the log, so that no page shows the
 * numbers of an empty log while the copy is on its way.
 */
export const REPLICA_DB = 'no-contact-private-copy';
const REPLICA_STORE = 'copy';

function openReplicaMarker(idb: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = idb.open(REPLICA_DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(REPLICA_STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
}

/** Notes that the copy arrived (epoch ms of the normal side's snapshot). */
export async function markReplica(idb: IDBFactory, at: number): Promise<void> {
  const db = await openReplicaMarker(idb);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(REPLICA_STORE, 'readwrite');
    tx.objectStore(REPLICA_STORE).put(at, 'at');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('write failed'));
  });
  db.close();
}

/** When the copy arrived, or null while it has not. */
export async function replicaAt(idb: IDBFactory): Promise<number | null> {
  const db = await openReplicaMarker(idb);
  const at = await new Promise<unknown>((resolve, reject) => {
    const req = db.transaction(REPLICA_STORE).objectStore(REPLICA_STORE).get('at');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('read failed'));
  });
  db.close();
  return typeof at === 'number' ? at : null;
}

/**
 * Waits until the copy has arrived, at most `ms` (then the page reads what there is, and
 * its live queries follow when the copy lands).
 */
export async function waitForReplica(idb: IDBFactory, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if ((await replicaAt(idb)) !== null) return true;
    if (Date.now() >= end) return false;
    await new Promise((r) => setTimeout(r, 40));
  }
}
