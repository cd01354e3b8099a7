import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addEvent,
  allEvents,
  countByKind,
  eventsSince,
  getEvent,
  insertEvents,
  recount,
  totals,
  latestLoggedDate,
  listEvents,
  undoEvent,
  UNDO_WINDOW_MS,
  type EventDraft,
} from '@/lib/db/event-store';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import { at } from '../fixtures/events';

const BERLIN = 'Europe/Berlin';
const opened: NoContactDb[] = [];
const freshDb = () => {
  const db = createDb(`nc-events-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const urgeAt = (iso: string, extra: Partial<EventDraft> = {}): EventDraft =>
  ({
    kind: 'urge-resisted',
    time: at(iso),
    timeZone: BERLIN,
    source: 'popup',
    ...extra,
  }) as EventDraft;
const slipAt = (iso: string, extra: Partial<EventDraft> = {}): EventDraft =>
  ({
    kind: 'slip',
    time: at(iso),
    timeZone: BERLIN,
    source: 'popup',
    what: 'message',
    restarted: true,
    ...extra,
  }) as EventDraft;

describe('addEvent', () => {
  it('stores the instant with the local date and zone it was recorded in', async () => {
    const db = freshDb();
    const e = await addEvent(db, urgeAt('2024-03-31T00:30:00+01:00', { profileId: 'instagram:a' }));
    expect(e).toMatchObject({
      localDate: '2024-03-31',
      timeZone: BERLIN,
      profileId: 'instagram:a',
    });
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getEvent(db, e.id)).toEqual(e);
  });

  it('leaves absent optional fields out instead of storing undefined', async () => {
    const db = freshDb();
    const e = await addEvent(db, slipAt('2024-05-01T10:00:00+02:00', { note: undefined }));
    const row = await db.events.get(e.id);
    expect(row && 'note' in row).toBe(false);
  });

  it('writes an action reported twice with one key once, and returns the first', async () => {
    const db = freshDb();
    const a = await addEvent(db, slipAt('2024-05-01T10:00:00+02:00', { dedupeKey: 'visit-1' }));
    const b = await addEvent(db, slipAt('2024-05-01T10:00:01+02:00', { dedupeKey: 'visit-1' }));
    expect(b).toEqual(a);
    expect(await db.events.count()).toBe(1);
  });

  it('writes once when two pages report the same visit at the same moment', async () => {
    const name = `nc-events-${crypto.randomUUID()}`;
    const pageA = createDb(name);
    const pageB = createDb(name);
    opened.push(pageA);
    const draft = slipAt('2024-05-01T10:00:00+02:00', {
      dedupeKey: 'nonce-42',
      source: 'interstitial',
    });
    const results = await Promise.all([
      addEvent(pageA, draft),
      addEvent(pageB, { ...draft, source: 'popup' }),
      addEvent(pageA, draft),
    ]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await pageA.events.count()).toBe(1);
    pageB.close();
  });

  it('different keys are different events', async () => {
    const db = freshDb();
    await addEvent(db, urgeAt('2024-05-01T10:00:00+02:00', { dedupeKey: 'a' }));
    await addEvent(db, urgeAt('2024-05-01T10:00:00+02:00', { dedupeKey: 'b' }));
    await addEvent(db, urgeAt('2024-05-01T10:00:00+02:00'));
    await addEvent(db, urgeAt('2024-05-01T10:00:00+02:00'));
    expect(await db.events.count()).toBe(4);
  });

  it('refuses a note over 1000 characters, an unknown zone or kind', async () => {
    const db = freshDb();
    await expect(
      addEvent(db, slipAt('2024-05-01T10:00:00+02:00', { note: 'x'.repeat(1001) })),
    ).rejects.toThrow(/note too long/);
    await expect(
      addEvent(db, urgeAt('2024-05-01T10:00:00+02:00', { timeZone: 'Nowhere/Land' })),
    ).rejects.toThrow(/time zone/);
    await expect(
      addEvent(db, {
        ...urgeAt('2024-05-01T10:00:00+02:00'),
        kind: 'hug',
      } as unknown as EventDraft),
    ).rejects.toThrow(/kind/);
    await expect(
      addEvent(db, {
        kind: 'plan-started',
        startDate: '2024-02-30',
        goalDays: 30,
        time: at('2024-05-01T10:00:00+02:00'),
        timeZone: BERLIN,
        source: 'options',
      }),
    ).rejects.toThrow(/start date/);
    await addEvent(db, slipAt('2024-05-01T10:00:00+02:00', { note: 'x'.repeat(1000) }));
    expect(await db.events.count()).toBe(1);
  });
});

describe('reading', () => {
  async function seeded() {
    const db = freshDb();
    await addEvent(db, urgeAt('2024-05-01T10:00:00+02:00'));
    await addEvent(db, urgeAt('2024-05-02T10:00:00+02:00'));
    await addEvent(db, slipAt('2024-05-02T12:00:00+02:00', { restarted: false }));
    await addEvent(db, urgeAt('2024-05-03T23:30:00+02:00'));
    await addEvent(db, {
      kind: 'necessary-contact',
      time: at('2024-05-03T09:00:00+02:00'),
      timeZone: BERLIN,
      source: 'interstitial',
      profileId: 'x:sam',
    });
    return db;
  }

  it('lists in time order, by kind, by range, newest first, limited', async () => {
    const db = await seeded();
    const all = await listEvents(db);
    expect(all.map((e) => e.time)).toEqual([...all.map((e) => e.time)].sort((a, b) => a - b));
    expect(all).toHaveLength(5);
    expect((await listEvents(db, { kind: 'urge-resisted' })).map((e) => e.localDate)).toEqual([
      '2024-05-01',
      '2024-05-02',
      '2024-05-03',
    ]);
    const since = await eventsSince(db, at('2024-05-02T11:00:00+02:00'));
    expect(since.map((e) => e.kind)).toEqual(['slip', 'necessary-contact', 'urge-resisted']);
    expect((await listEvents(db, { newestFirst: true, limit: 2 })).map((e) => e.kind)).toEqual([
      'urge-resisted',
      'necessary-contact',
    ]);
    expect(
      await listEvents(db, {
        since: at('2024-05-02T00:00:00+02:00'),
        until: at('2024-05-03T00:00:00+02:00'),
        kind: 'urge-resisted',
      }),
    ).toHaveLength(1);
  });

  it('counts by kind in total and per local day from the indexes', async () => {
    const db = await seeded();
    expect(await countByKind(db, 'urge-resisted')).toBe(3);
    expect(await countByKind(db, 'urge-resisted', { localDate: '2024-05-02' })).toBe(1);
    expect(await countByKind(db, 'slip')).toBe(1);
    expect(await countByKind(db, 'necessary-contact', { localDate: '2024-05-03' })).toBe(1);
    expect(await countByKind(db, 'plan-ended')).toBe(0);
  });

  it('knows the latest local date in the log', async () => {
    const db = freshDb();
    expect(await latestLoggedDate(db)).toBeNull();
    await addEvent(db, urgeAt('2024-05-03T23:30:00+02:00'));
    // Recorded later, but with the clock set back.
    await addEvent(db, urgeAt('2024-05-01T10:00:00+02:00'));
    expect(await latestLoggedDate(db)).toBe('2024-05-03');
  });
});

describe('undoEvent', () => {
  it('undoes a mis-tap within 10 seconds; the event stays but counts for nothing', async () => {
    const db = freshDb();
    const e = await addEvent(db, slipAt('2024-05-01T10:00:00+02:00'));
    const r = await undoEvent(db, e.id, e.time + UNDO_WINDOW_MS);
    expect(r).toEqual({ ok: true, event: { ...e, undoneAt: e.time + UNDO_WINDOW_MS } });
    expect(await countByKind(db, 'slip')).toBe(0);
    expect(await countByKind(db, 'slip', { localDate: '2024-05-01' })).toBe(0);
    expect(await listEvents(db)).toEqual([]);
    expect(await listEvents(db, { includeUndone: true })).toHaveLength(1);
    expect(await allEvents(db)).toHaveLength(1);
    // No longer a streak boundary either.
    expect(await db.events.where('boundary').equals(1).count()).toBe(0);
  });

  it('refuses after 10 seconds, twice, or for an unknown event', async () => {
    const db = freshDb();
    const e = await addEvent(db, urgeAt('2024-05-01T10:00:00+02:00'));
    expect(await undoEvent(db, e.id, e.time + UNDO_WINDOW_MS + 1)).toEqual({
      ok: false,
      reason: 'too-late',
    });
    // A clock set far back does not reopen the window either.
    expect(await undoEvent(db, e.id, e.time - 60_000)).toEqual({ ok: false, reason: 'too-late' });
    expect(await undoEvent(db, 'nope', e.time)).toEqual({ ok: false, reason: 'not-found' });
    expect((await undoEvent(db, e.id, e.time + 5000)).ok).toBe(true);
    expect(await undoEvent(db, e.id, e.time + 6000)).toEqual({
      ok: false,
      reason: 'already-undone',
    });
    expect(await countByKind(db, 'urge-resisted')).toBe(0);
  });
});

describe('running totals', () => {
  it('always equal a count of the events, whatever was written or undone', async () => {
    const op = fc.oneof(
      fc.record({
        op: fc.constant('add' as const),
        kind: fc.constantFrom('urge-resisted', 'slip', 'necessary-contact', 'plan-ended'),
        key: fc.option(fc.constantFrom('a', 'b', 'c')),
        dt: fc.integer({ min: 0, max: 5 * 86_400_000 }),
      }),
      fc.record({ op: fc.constant('undo' as const), pick: fc.nat(), late: fc.boolean() }),
      fc.record({ op: fc.constant('insert' as const), n: fc.integer({ min: 1, max: 4 }) }),
    );
    let batch = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const db = freshDb();
        const t0 = at('2024-05-01T10:00:00+02:00');
        const ids: { id: string; time: number }[] = [];
        for (const o of ops) {
          if (o.op === 'add') {
            const e = await addEvent(db, {
              ...(o.kind === 'slip'
                ? { kind: 'slip', what: 'other', restarted: true }
                : o.kind === 'plan-ended'
                  ? { kind: 'plan-ended', reason: 'other' }
                  : { kind: o.kind }),
              time: t0 + o.dt,
              timeZone: BERLIN,
              source: 'popup',
              ...(o.key === null ? {} : { dedupeKey: o.key }),
            });
            ids.push(e);
          } else if (o.op === 'undo' && ids.length > 0) {
            const e = ids[o.pick % ids.length]!;
            await undoEvent(db, e.id, e.time + (o.late ? UNDO_WINDOW_MS + 1 : 1));
          } else if (o.op === 'insert') {
            batch++;
            await insertEvents(
              db,
              Array.from({ length: o.n }, (_, i) => ({
                id: `batch-${batch}-${i}`,
                kind: i % 2 ? ('necessary-contact' as const) : ('urge-resisted' as const),
                time: t0,
                localDate: '2024-05-01',
                timeZone: BERLIN,
                source: 'import' as const,
              })),
            );
          }
        }
        const kept = await totals(db);
        await recount(db);
        expect(kept).toEqual(await totals(db));
        const active = (await allEvents(db)).filter((e) => e.undoneAt === undefined);
        expect(kept['urge-resisted']).toBe(active.filter((e) => e.kind === 'urge-resisted').length);
        expect(kept.slip).toBe(active.filter((e) => e.kind === 'slip').length);
      }),
      { numRuns: 30 },
    );
  });

  it('a failed batch leaves the totals as they were', async () => {
    const db = freshDb();
    await addEvent(db, { ...urgeAt('2024-05-01T10:00:00+02:00'), id: 'taken' });
    const dup = {
      id: 'taken',
      kind: 'urge-resisted' as const,
      time: at('2024-05-02T10:00:00+02:00'),
      localDate: '2024-05-02',
      timeZone: BERLIN,
      source: 'import' as const,
    };
    await expect(insertEvents(db, [{ ...dup, id: 'new' }, dup])).rejects.toThrow();
    expect(await totals(db)).toEqual({ 'urge-resisted': 1, slip: 0, 'necessary-contact': 0 });
    expect(await db.events.count()).toBe(1);
  });
});
