import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { Draft } from '../drafts';
import { isUrgeToWrite } from '../settings/conversation';

export { isUrgeToWrite };
import type { SignNoticed } from '../signs';
import {
  COUNTED_KINDS,
  isActive,
  isStreakBoundary,
  type CountedKind,
  type LogEvent,
} from '../streak/log-event';

export const DB_NAME = 'no-contact';

/**
 * Version 1, the baseline. Frozen: a database created by it must open under every later
 * version, so its text never changes (tests keep their own copy to prove it).
 */
export const SCHEMA_V1 = {
  events: 'id, time, localDate, [kind+time]',
} as const;

/**
 * Version 2:
 * - &dedupeKey: one action reported from two places is stored once.
 * - [kind+localDate]: today's counts straight from the index.
 * - undoneAt: the few undone events, to leave out of counts.
 * - boundary: set (to 1) only on events that can bound a streak (plan events and slips
 *   that restarted, not undone). IndexedDB cannot index booleans, and reading every slip
 *   to find the restarting ones would grow with years of use; this sparse index holds
 *   only the handful the streaks need.
 * - counters: the running total of each counted kind (undone events left out), changed
 *   in the same transaction as every write to events. Counting an index range walks every
 *   entry in it (tens of thousands after years of urges), so totals are kept instead of
 *   counted; a day's counts are small ranges and are still counted from the index.
 */
export const SCHEMA_V2 = {
  events: 'id, time, localDate, [kind+time], [kind+localDate], &dedupeKey, undoneAt, boundary',
  counters: 'kind',
} as const;

/**
 * Version 3 (current): two stores beside the log, changed by no upgrade (both start empty;
 * every v2 row stays as it was).
 * - drafts: "write it here instead", by id, newest first by time.
 * - signs: the signs it is working that the person ticked, one row per sign.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  drafts: 'id, time',
  signs: 'sign',
} as const;

/**
 * Version 4 (current): the same stores; its upgrade adds the running total of urges to
 * write (urges resisted at a listed conversation), counted apart from urges to look.
 */
export const DB_VERSION = 4;

/** The counter of urges resisted at a listed conversation (a subset of 'urge-resisted'). */
export const URGE_TO_WRITE = 'urge-to-write';
export type CounterKey = CountedKind | typeof URGE_TO_WRITE;

/** An event as stored: the event plus fields kept only for indexing. */
export type EventRow = LogEvent & { boundary?: 1 };

/** The running total of one counted kind. */
export interface CounterRow {
  kind: CounterKey;
  n: number;
}

export type NoContactDb = Dexie & {
  events: EntityTable<EventRow, 'id'>;
  counters: EntityTable<CounterRow, 'kind'>;
  drafts: EntityTable<Draft, 'id'>;
  signs: EntityTable<SignNoticed, 'sign'>;
};

/** Whether an event adds to its kind's total: a counted kind, not undone. */
export function isCounted(e: Pick<LogEvent, 'kind' | 'undoneAt'>): e is { kind: CountedKind } {
  return (COUNTED_KINDS as readonly string[]).includes(e.kind) && isActive(e);
}

/**
 * The counter rows for a whole set of events (every counted kind present, zeros included,
 * and the urges to write among the urges).
 */
export function countersFor(
  events: Iterable<Pick<LogEvent, 'kind' | 'undoneAt' | 'profileId'>>,
): CounterRow[] {
  const n = new Map<CountedKind, number>(COUNTED_KINDS.map((k) => [k, 0]));
  let toWrite = 0;
  for (const e of events) {
    if (isCounted(e)) n.set(e.kind, n.get(e.kind)! + 1);
    if (isUrgeToWrite(e)) toWrite++;
  }
  return [
    ...COUNTED_KINDS.map((kind) => ({ kind, n: n.get(kind)! })),
    { kind: URGE_TO_WRITE, n: toWrite },
  ];
}

/** The stored row for an event (adds the derived index fields). */
export function toRow(e: LogEvent): EventRow {
  const row: EventRow = { ...e };
  delete row.boundary;
  if (isStreakBoundary(e)) row.boundary = 1;
  return row;
}

/** The event of a stored row (drops the derived index fields). */
export function fromRow(row: EventRow): LogEvent {
  const e = { ...row };
  delete e.boundary;
  return e;
}

/** v1 -> v2: fill the streak index and the totals for events written before they existed. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const seen: Pick<LogEvent, 'kind' | 'undoneAt'>[] = [];
  await tx
    .table<EventRow, string>('events')
    .toCollection()
    .modify((row) => {
      if (isStreakBoundary(row)) row.boundary = 1;
      else delete row.boundary;
      seen.push({ kind: row.kind, undoneAt: row.undoneAt });
    });
  await tx.table<CounterRow, CountedKind>('counters').bulkPut(countersFor(seen));
}

/** v3 -> v4: the total of urges to write, for urges logged before it was kept. */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  let n = 0;
  await tx
    .table<EventRow, string>('events')
    .where('[kind+time]')
    .between(['urge-resisted', -Infinity], ['urge-resisted', Infinity], true, true)
    .each((row) => {
      if (isUrgeToWrite(row)) n++;
    });
  await tx.table<CounterRow, CounterKey>('counters').put({ kind: URGE_TO_WRITE, n });
}

export interface DbHooks {
  /**
   * Another page is upgrading the database and waits for this one; this connection has
   * already closed itself. The page runs old code and should reload.
   */
  onStale?: () => void;
  /**
   * Opening this database waits for another page still holding an older version. It goes
   * on by itself once that page closes its connection (pages running this code do so at
   * once); until then reads and writes wait, nothing is lost.
   */
  onBlocked?: () => void;
}

/** The event database. Opens lazily on first use. */
export function createDb(name: string = DB_NAME, hooks: DbHooks = {}): NoContactDb {
  const db = new Dexie(name) as NoContactDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V3).upgrade(upgradeToV4);
  db.on('versionchange', () => {
    // Dexie would close and then reopen on next use. Reopening would run this (older)
    // code's writes against a newer schema, so close for good and let the page reload.
    db.close({ disableAutoOpen: true });
    hooks.onStale?.();
    return false;
  });
  db.on('blocked', () => {
    hooks.onBlocked?.();
  });
  return db;
}
