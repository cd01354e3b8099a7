import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addEvent, allEvents, totals } from '@/lib/db/event-store';
import { createDb, DB_VERSION, fromRow, type EventRow } from '@/lib/db/schema';
import { V1_EVENTS, V1_SCHEMA } from '../fixtures/db-v1';

const names: string[] = [];
const uniqueName = () => {
  const n = `nc-schema-${crypto.randomUUID()}`;
  names.push(n);
  return n;
};
beforeEach(() => {
  // Dexie narrates upgrades and blocks on the console; the tests check them directly.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** A page still running version 1 of the code, with its data. */
async function v1Page(name: string, opts: { closesOnUpgrade: boolean }) {
  const old = new Dexie(name);
  old.version(1).stores(V1_SCHEMA);
  if (!opts.closesOnUpgrade) {
    // A page that ignores the request (busy, or older code): the upgrade must wait for it.
    old.on('versionchange', () => false);
  }
  await old.table('events').bulkAdd(structuredClone(V1_EVENTS));
  return old;
}

const v1Ids = V1_EVENTS.map((e) => e.id);
const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('schema upgrades', () => {
  it('opens a version 1 database and keeps every event exactly', async () => {
    const name = uniqueName();
    (await v1Page(name, { closesOnUpgrade: true })).close();
    const db = createDb(name);
    expect(byId(await allEvents(db))).toEqual(
      byId(structuredClone(V1_EVENTS) as unknown as EventRow[]),
    );
    expect(db.verno).toBe(DB_VERSION);
    // The upgrade filled the streak index: the plan start and the restarting slip only.
    const marked = await db.events.where('boundary').equals(1).primaryKeys();
    expect([...marked].sort()).toEqual([v1Ids[0], v1Ids[3]]);
    // And the running totals were counted from the old rows.
    expect(await totals(db)).toEqual({ 'urge-resisted': 3, slip: 2, 'necessary-contact': 1 });
    // And the new indexes work on the old rows.
    expect(
      await db.events.where('[kind+localDate]').equals(['urge-resisted', '2025-11-04']).count(),
    ).toBe(1);
    const first = await addEvent(db, {
      kind: 'urge-resisted',
      time: Date.UTC(2025, 10, 10, 12),
      timeZone: 'Europe/Berlin',
      source: 'popup',
      dedupeKey: 'k',
    });
    const again = await addEvent(db, {
      kind: 'urge-resisted',
      time: Date.UTC(2025, 10, 10, 12),
      timeZone: 'Europe/Berlin',
      source: 'popup',
      dedupeKey: 'k',
    });
    expect(again.id).toBe(first.id);
    expect(await db.events.count()).toBe(V1_EVENTS.length + 1);
    db.close();
  });

  it('an older page that is open closes itself, and the upgrade goes ahead', async () => {
    const name = uniqueName();
    const old = await v1Page(name, { closesOnUpgrade: true });
    const db = createDb(name);
    expect(await db.events.count()).toBe(V1_EVENTS.length);
    expect(old.isOpen()).toBe(false);
    db.close();
  });

  it('an upgrade blocked by an open page waits for it, losing and duplicating nothing', async () => {
    const name = uniqueName();
    const old = await v1Page(name, { closesOnUpgrade: false });
    const onBlocked = vi.fn();
    const db = createDb(name, { onBlocked });
    // The new page records something while the upgrade waits ...
    const pending = addEvent(db, {
      kind: 'slip',
      what: 'call',
      restarted: true,
      time: Date.UTC(2025, 10, 12, 18),
      timeZone: 'Europe/Berlin',
      source: 'popup',
      dedupeKey: 'visit-7',
    });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
    expect(db.isOpen()).toBe(false);
    // ... and the old page keeps working meanwhile.
    await old.table('events').add({
      id: 'written-while-blocked',
      kind: 'slip',
      time: Date.UTC(2025, 10, 11, 18),
      localDate: '2025-11-11',
      timeZone: 'Europe/Berlin',
      source: 'interstitial',
      what: 'replied',
      restarted: true,
    });
    old.close(); // the other page is closed
    const recorded = await pending;
    const all = await allEvents(db);
    expect(all).toHaveLength(V1_EVENTS.length + 2);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.map((e) => e.id)).toEqual(
      expect.arrayContaining([...v1Ids, 'written-while-blocked', recorded.id]),
    );
    // The row the old page wrote went through the upgrade too.
    expect((await db.events.get('written-while-blocked'))?.boundary).toBe(1);
    expect(await totals(db)).toEqual({ 'urge-resisted': 3, slip: 4, 'necessary-contact': 1 });
    db.close();
  });

  it('this version closes itself for a newer one instead of blocking it, and tells the page', async () => {
    const name = uniqueName();
    const onStale = vi.fn();
    const db = createDb(name, { onStale });
    await addEvent(db, {
      kind: 'urge-resisted',
      time: Date.UTC(2025, 10, 10, 12),
      timeZone: 'Europe/Berlin',
      source: 'popup',
    });
    const newer = new Dexie(name);
    const newerBlocked = vi.fn();
    newer.on('blocked', newerBlocked);
    newer.version(30).stores({ events: 'id, time', notes: 'id' });
    await newer.open();
    expect(newerBlocked).not.toHaveBeenCalled();
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(false);
    // It stays closed rather than writing old-shaped rows into the newer database.
    await expect(db.events.count()).rejects.toThrow();
    expect(await newer.table('events').count()).toBe(1);
    newer.close();
  });

  it('derived index fields never leak out of the database', () => {
    const row = { ...(V1_EVENTS[3] as unknown as EventRow), boundary: 1 as const };
    expect('boundary' in fromRow(row)).toBe(false);
  });
});
