import { Dexie } from 'dexie';
import { isCivilDate, isTimeZone, localDate, type CivilDate } from '../streak/calendar';
import {
  CONTACT_CHANNELS,
  COUNTED_KINDS,
  EVENT_KINDS,
  EVENT_SOURCES,
  NECESSARY_TOPICS,
  PLAN_END_REASONS,
  REACH_OUT_GISTS,
  SLIP_KINDS,
  type CountedKind,
  type EventKind,
  type LogEvent,
} from '../streak/log-event';
import { NOTE_MAX_CHARS } from '../limits';
import {
  countersFor,
  fromRow,
  isCounted,
  isUrgeToWrite,
  toRow,
  URGE_TO_WRITE,
  type CounterKey,
  type EventRow,
  type NoContactDb,
} from './schema';

/** How long after recording a mis-tap can be undone. */
export const UNDO_WINDOW_MS = 10_000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * What a caller records: the event without the fields this module fills in (the local
 * date is derived from `time` and `timeZone`, so it always matches them).
 */
export type EventDraft = DistributiveOmit<LogEvent, 'id' | 'localDate' | 'undoneAt'> & {
  id?: string;
};

function assertDraft(d: EventDraft): void {
  const fail = (why: string) => {
    throw new TypeError(`Event not recorded: ${why}`);
  };
  if (!(EVENT_KINDS as readonly string[]).includes(d.kind)) fail('unknown kind');
  if (!Number.isFinite(d.time)) fail('time is not a number');
  if (!isTimeZone(d.timeZone)) fail('unknown time zone');
  if (!(EVENT_SOURCES as readonly string[]).includes(d.source)) fail('unknown source');
  if (d.dedupeKey !== undefined && (typeof d.dedupeKey !== 'string' || d.dedupeKey === ''))
    fail('empty dedupe key');
  if (d.kind === 'slip') {
    if (!(SLIP_KINDS as readonly string[]).includes(d.what)) fail('unknown kind of slip');
    if (d.note !== undefined && d.note.length > NOTE_MAX_CHARS) fail('note too long');
    if (typeof d.restarted !== 'boolean') fail('restarted must be true or false');
  }
  if (d.kind === 'necessary-contact') {
    if (d.note !== undefined && d.note.length > NOTE_MAX_CHARS) fail('note too long');
    if (d.topic !== undefined && !(NECESSARY_TOPICS as readonly string[]).includes(d.topic))
      fail('unknown topic');
  }
  if (d.kind === 'they-reached-out') {
    if (!(CONTACT_CHANNELS as readonly string[]).includes(d.channel)) fail('unknown channel');
    if (d.gist !== undefined && !(REACH_OUT_GISTS as readonly string[]).includes(d.gist))
      fail('unknown kind of contact');
    if (d.note !== undefined && d.note.length > NOTE_MAX_CHARS) fail('note too long');
  }
  if (d.kind === 'plan-started') {
    if (!isCivilDate(d.startDate)) fail('start date is not a date');
    if (!Number.isInteger(d.goalDays) || d.goalDays < 1) fail('goal is not a number of days');
  }
  if (d.kind === 'plan-ended' && !(PLAN_END_REASONS as readonly string[]).includes(d.reason))
    fail('unknown reason');
}

/**
 * Records an event. When `dedupeKey` is already stored, nothing is written and the stored
 * event is returned: the interstitial and the background may both report one visit.
 */
export async function addEvent(db: NoContactDb, draft: EventDraft): Promise<LogEvent> {
  assertDraft(draft);
  // Absent optional fields are left out rather than stored as undefined, so an export
  // reads back exactly as it was written.
  const event = Object.fromEntries(
    Object.entries({
      ...draft,
      id: draft.id ?? crypto.randomUUID(),
      localDate: localDate(draft.time, draft.timeZone),
    }).filter(([, v]) => v !== undefined),
  ) as unknown as LogEvent;
  const key = event.dedupeKey;
  try {
    // Check and write in one transaction: IndexedDB runs read-write transactions on a
    // store one at a time, across every page, so two writers cannot both miss the key.
    return await db.transaction('rw', db.events, db.counters, async () => {
      if (key !== undefined) {
        const existing = await db.events.where('dedupeKey').equals(key).first();
        if (existing) return fromRow(existing);
      }
      await db.events.add(toRow(event));
      if (isCounted(event)) await bump(db, event.kind, +1);
      if (isUrgeToWrite(event)) await bump(db, URGE_TO_WRITE, +1);
      return event;
    });
  } catch (e) {
    // The unique index is the last word should the check ever be bypassed.
    if (key !== undefined && e instanceof Dexie.ConstraintError) {
      const existing = await db.events.where('dedupeKey').equals(key).first();
      if (existing) return fromRow(existing);
    }
    throw e;
  }
}

/**
 * Stores events that are already whole (ids, local dates and all), keeping the totals:
 * for imports and for seeding. All or none are written; an id already stored fails it.
 */
export async function insertEvents(db: NoContactDb, events: readonly LogEvent[]): Promise<void> {
  await db.transaction('rw', db.events, db.counters, async () => {
    await db.events.bulkAdd(events.map(toRow));
    const before = new Map((await db.counters.toArray()).map((r) => [r.kind, r.n]));
    await db.counters.bulkPut(
      countersFor(events).map((c) => ({ kind: c.kind, n: c.n + (before.get(c.kind) ?? 0) })),
    );
  });
}

export async function getEvent(db: NoContactDb, id: string): Promise<LogEvent | undefined> {
  const row = await db.events.get(id);
  return row && fromRow(row);
}

export interface ListOptions {
  kind?: EventKind;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  newestFirst?: boolean;
  limit?: number;
  /** Undone events are left out unless asked for. */
  includeUndone?: boolean;
}

/** Events in time order, from the time index (or kind + time when a kind is given). */
export async function listEvents(db: NoContactDb, opts: ListOptions = {}): Promise<LogEvent[]> {
  const lo = opts.since ?? -Infinity;
  const hi = opts.until ?? Infinity;
  let coll =
    opts.kind === undefined
      ? db.events.where('time').between(lo, hi, true, false)
      : db.events.where('[kind+time]').between([opts.kind, lo], [opts.kind, hi], true, false);
  if (opts.newestFirst) coll = coll.reverse();
  if (!opts.includeUndone) coll = coll.filter((r) => r.undoneAt === undefined);
  if (opts.limit !== undefined) coll = coll.limit(opts.limit);
  return (await coll.toArray()).map(fromRow);
}

export function eventsSince(db: NoContactDb, since: number, kind?: EventKind): Promise<LogEvent[]> {
  return listEvents(db, kind === undefined ? { since } : { since, kind });
}

/** Every stored event, undone ones included, ordered by time then id (for export). */
export async function allEvents(db: NoContactDb): Promise<LogEvent[]> {
  return (await db.events.orderBy('time').toArray()).map(fromRow);
}

async function bump(db: NoContactDb, kind: CounterKey, by: number): Promise<void> {
  const row = await db.counters.get(kind);
  await db.counters.put({ kind, n: (row?.n ?? 0) + by });
}

/** The running totals, by kind (undone events left out). */
export async function totals(db: NoContactDb): Promise<Record<CountedKind, number>> {
  const rows = await db.counters.toArray();
  const out = Object.fromEntries(COUNTED_KINDS.map((k) => [k, 0])) as Record<CountedKind, number>;
  for (const r of rows) if (r.kind !== URGE_TO_WRITE) out[r.kind] = r.n;
  return out;
}

/** The running total of urges resisted at a listed conversation (urges to write). */
export async function urgesToWrite(db: NoContactDb): Promise<number> {
  return (await db.counters.get(URGE_TO_WRITE))?.n ?? 0;
}

/**
 * Rebuilds the running totals from the events themselves. Never needed in normal use (every
 * write keeps them); here for repair and to check them in tests.
 */
export async function recount(db: NoContactDb): Promise<void> {
  await db.transaction('rw', db.events, db.counters, async () => {
    const undone = await undoneRows(db);
    const rows = await Promise.all(
      COUNTED_KINDS.map(async (kind) => ({
        kind,
        n:
          (await db.events
            .where('[kind+time]')
            .between([kind, -Infinity], [kind, Infinity], true, true)
            .count()) - undone.filter((r) => r.kind === kind).length,
      })),
    );
    let toWrite = 0;
    await db.events
      .where('[kind+time]')
      .between(['urge-resisted', -Infinity], ['urge-resisted', Infinity], true, true)
      .each((r) => {
        if (isUrgeToWrite(r)) toWrite++;
      });
    await db.counters.bulkPut([...rows, { kind: URGE_TO_WRITE, n: toWrite }]);
  });
}

/** The undone events: few, so read whole to correct the index counts. */
async function undoneRows(db: NoContactDb): Promise<EventRow[]> {
  return db.events.orderBy('undoneAt').toArray();
}

/**
 * How many events of `kind` are stored (on `localDate`, when given), undone ones left
 * out: the running total, or a count of the day's index range. Never loads the events.
 */
export async function countByKind(
  db: NoContactDb,
  kind: EventKind,
  opts: { localDate?: CivilDate } = {},
): Promise<number> {
  const date = opts.localDate;
  return db.transaction('r', db.events, db.counters, async () => {
    if (date === undefined) {
      if ((COUNTED_KINDS as readonly string[]).includes(kind))
        return (await totals(db))[kind as CountedKind];
      // Plan events are few: their range is short to count.
      return db.events
        .where('[kind+time]')
        .between([kind, -Infinity], [kind, Infinity], true, true)
        .filter((r) => r.undoneAt === undefined)
        .count();
    }
    const [n, undone] = await Promise.all([
      db.events.where('[kind+localDate]').equals([kind, date]).count(),
      undoneRows(db),
    ]);
    return n - undone.filter((r) => r.kind === kind && r.localDate === date).length;
  });
}

/** The running totals and the counts on one day, in one read transaction. */
export async function countsFor(
  db: NoContactDb,
  date: CivilDate,
): Promise<{ totals: Record<CountedKind, number>; onDate: Record<CountedKind, number> }> {
  return db.transaction('r', db.events, db.counters, async () => {
    const [all, undone, days] = await Promise.all([
      totals(db),
      undoneRows(db),
      Promise.all(
        COUNTED_KINDS.map((kind) =>
          db.events.where('[kind+localDate]').equals([kind, date]).count(),
        ),
      ),
    ]);
    const onDate = {} as Record<CountedKind, number>;
    COUNTED_KINDS.forEach((kind, i) => {
      const undoneThatDay = undone.filter((r) => r.kind === kind && r.localDate === date).length;
      onDate[kind] = days[i]! - undoneThatDay;
    });
    return { totals: all, onDate };
  });
}

/** The events that can bound a streak (plan events, restarting slips), from their sparse index. */
export async function boundaryEvents(db: NoContactDb): Promise<LogEvent[]> {
  return (await db.events.where('boundary').equals(1).toArray()).map(fromRow);
}

/** The latest local date of any stored event, read from the end of the localDate index. */
export async function latestLoggedDate(db: NoContactDb): Promise<CivilDate | null> {
  const keys = await db.events.orderBy('localDate').reverse().limit(1).keys();
  const k = keys[0];
  return typeof k === 'string' ? k : null;
}

export type UndoResult =
  | { ok: true; event: LogEvent }
  | { ok: false; reason: 'not-found' | 'too-late' | 'already-undone' };

/**
 * Undoes a mis-tap within UNDO_WINDOW_MS of recording it. The event is kept, marked
 * `undoneAt`, and from then on counts for nothing (nor bounds a streak): events are never
 * deleted, except by deleting everything. The window is measured either way round, so a
 * clock set back a little does not open the window for old events.
 */
export async function undoEvent(db: NoContactDb, id: string, now: number): Promise<UndoResult> {
  return db.transaction('rw', db.events, db.counters, async (): Promise<UndoResult> => {
    const row = await db.events.get(id);
    if (!row) return { ok: false, reason: 'not-found' };
    if (row.undoneAt !== undefined) return { ok: false, reason: 'already-undone' };
    if (Math.abs(now - row.time) > UNDO_WINDOW_MS) return { ok: false, reason: 'too-late' };
    const undone = { ...fromRow(row), undoneAt: now } as LogEvent;
    await db.events.put(toRow(undone));
    if (isCounted(row)) await bump(db, row.kind, -1);
    if (isUrgeToWrite(row)) await bump(db, URGE_TO_WRITE, -1);
    return { ok: true, event: undone };
  });
}
