import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { say } from '@/lib/i18n';
import { DraftRefused, deleteDraft, listDrafts, saveDraft } from '@/lib/db/drafts';
import { addEvent, allEvents, boundaryEvents, totals, urgesToWrite } from '@/lib/db/event-store';
import { createDb, DB_VERSION, SCHEMA_V2, type NoContactDb } from '@/lib/db/schema';
import { countSigns, listSigns, setSign } from '@/lib/db/signs';
import { loadSummary } from '@/lib/db/summary';
import { DRAFT_MAX_CHARS } from '@/lib/limits';
import { SIGN_IDS } from '@/lib/signs';
import { V1_EVENTS } from '../fixtures/db-v1';

const T = Date.parse('2026-03-14T21:30:00Z');
const names: string[] = [];
function fresh(): NoContactDb {
  const name = `nc-entries-${crypto.randomUUID()}`;
  names.push(name);
  return createDb(name);
}
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('"they reached out" in the log', () => {
  it('is stored with its channel, kind and note, and never restarts or counts', async () => {
    const db = fresh();
    const e = await addEvent(db, {
      kind: 'they-reached-out',
      channel: 'social-media',
      gist: 'mixed-signals',
      note: 'A story reply: "miss u"',
      time: T,
      timeZone: 'Europe/Berlin',
      source: 'options',
      dedupeKey: 'k1',
    });
    expect(e).toMatchObject({ kind: 'they-reached-out', localDate: '2026-03-14' });
    expect(await allEvents(db)).toEqual([e]);
    // Not a streak boundary, not in the totals: the day count cannot move.
    expect(await boundaryEvents(db)).toEqual([]);
    expect(await totals(db)).toEqual({ 'urge-resisted': 0, slip: 0, 'necessary-contact': 0 });
    const plan = { startDate: '2026-03-01', goalDays: 30, looksRestart: true };
    const s = await loadSummary(db, { plan, now: T, timeZone: 'Europe/Berlin' });
    expect(s.status).toMatchObject({ kind: 'running', day: 14 });
    // The same action sent twice is written once.
    const again = await addEvent(db, {
      kind: 'they-reached-out',
      channel: 'call',
      time: T + 1,
      timeZone: 'Europe/Berlin',
      source: 'options',
      dedupeKey: 'k1',
    });
    expect(again.id).toBe(e.id);
    expect(await allEvents(db)).toHaveLength(1);
  });

  it('refuses an unknown channel or kind, or a note that is too long, writing nothing', async () => {
    const db = fresh();
    const base = { time: T, timeZone: 'UTC', source: 'popup' as const };
    await expect(
      addEvent(db, { ...base, kind: 'they-reached-out', channel: 'pigeon' as never }),
    ).rejects.toThrow(/unknown channel/);
    await expect(
      addEvent(db, { ...base, kind: 'they-reached-out', channel: 'call', gist: 'x' as never }),
    ).rejects.toThrow(/unknown kind of contact/);
    await expect(
      addEvent(db, { ...base, kind: 'they-reached-out', channel: 'call', note: 'a'.repeat(1001) }),
    ).rejects.toThrow(/note too long/);
    await expect(
      addEvent(db, { ...base, kind: 'necessary-contact', note: 'a'.repeat(1001) }),
    ).rejects.toThrow(/note too long/);
    expect(await allEvents(db)).toEqual([]);
  });

  it('a reply logged as necessary contact keeps its note and counts as necessary contact', async () => {
    const db = fresh();
    await addEvent(db, {
      kind: 'necessary-contact',
      note: 'Said I was busy.',
      time: T,
      timeZone: 'UTC',
      source: 'options',
    });
    expect(await totals(db)).toMatchObject({ 'necessary-contact': 1, slip: 0 });
    expect((await allEvents(db))[0]).toMatchObject({ note: 'Said I was busy.' });
  });
});

describe('drafts', () => {
  it('keeps a draft with its date, newest first, and saving the same id twice keeps one', async () => {
    const db = fresh();
    const a = await saveDraft(db, {
      id: 'a',
      text: '  First words.  ',
      time: T,
      timeZone: 'Asia/Tokyo',
    });
    expect(a).toEqual({
      id: 'a',
      text: 'First words.',
      time: T,
      localDate: '2026-03-15',
      timeZone: 'Asia/Tokyo',
    });
    await saveDraft(db, { id: 'b', text: 'Second.', time: T + 60_000, timeZone: 'UTC' });
    const again = await saveDraft(db, { id: 'a', text: 'Changed?', time: T + 1, timeZone: 'UTC' });
    expect(again.text).toBe('First words.');
    expect((await listDrafts(db)).map((d) => d.id)).toEqual(['b', 'a']);
  });

  it('refuses empty or too long text in plain words, keeping nothing', async () => {
    const db = fresh();
    await expect(saveDraft(db, { id: 'a', text: '   ', time: T, timeZone: 'UTC' })).rejects.toThrow(
      DraftRefused,
    );
    const long = saveDraft(db, {
      id: 'b',
      text: 'x'.repeat(DRAFT_MAX_CHARS + 1),
      time: T,
      timeZone: 'UTC',
    });
    const refused = await long.catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DraftRefused);
    expect(say((refused as DraftRefused).words)).toMatch(/longer than 10,000 characters/);
    expect(await listDrafts(db)).toEqual([]);
  });

  it('deletes one draft and leaves the others', async () => {
    const db = fresh();
    await saveDraft(db, { id: 'a', text: 'One.', time: T, timeZone: 'UTC' });
    await saveDraft(db, { id: 'b', text: 'Two.', time: T + 1, timeZone: 'UTC' });
    expect(await deleteDraft(db, 'a')).toBe(true);
    expect(await deleteDraft(db, 'a')).toBe(false);
    expect((await listDrafts(db)).map((d) => d.id)).toEqual(['b']);
  });
});

describe('signs it is working', () => {
  it('ticks with a day, changes the day, unticks, and counts', async () => {
    const db = fresh();
    await setSign(db, 'feeling-steadier', '2026-03-10', T);
    await setSign(db, 'mixed-signals', '2026-03-02', T + 1);
    expect(await countSigns(db)).toBe(2);
    expect(await listSigns(db)).toEqual([
      { sign: 'mixed-signals', noticedOn: '2026-03-02', recordedAt: T + 1 },
      { sign: 'feeling-steadier', noticedOn: '2026-03-10', recordedAt: T },
    ]);
    await setSign(db, 'feeling-steadier', '2026-03-01', T + 2);
    expect((await listSigns(db))[0]).toEqual({
      sign: 'feeling-steadier',
      noticedOn: '2026-03-01',
      recordedAt: T + 2,
    });
    await setSign(db, 'mixed-signals', null, T + 3);
    expect(await countSigns(db)).toBe(1);
  });

  it('refuses an unknown sign or a day that is not a date', async () => {
    const db = fresh();
    await expect(setSign(db, 'new-haircut' as never, '2026-03-01', T)).rejects.toThrow();
    await expect(setSign(db, SIGN_IDS[0], '2026-02-30', T)).rejects.toThrow(/not a date/);
    expect(await countSigns(db)).toBe(0);
  });
});

describe('schema version 3', () => {
  it('opens a version 2 database with every event and total kept, and empty new stores', async () => {
    const name = `nc-entries-${crypto.randomUUID()}`;
    names.push(name);
    // A page still running version 2 of the code (its schema copied, as the frozen v1 is).
    const old = new Dexie(name);
    old.version(1).stores({ events: 'id, time, localDate, [kind+time]' });
    old.version(2).stores({ ...SCHEMA_V2 });
    // With an urge to write (at a Messenger conversation), kept apart from version 4 on.
    const rows = [
      ...structuredClone(V1_EVENTS),
      {
        id: 'write-1',
        kind: 'urge-resisted',
        time: 1762800000000,
        localDate: '2025-11-10',
        timeZone: 'UTC',
        source: 'interstitial',
        profileId: 'messenger:co.parent',
      },
    ];
    await old.table('events').bulkAdd(rows);
    await old.table('counters').bulkPut([
      { kind: 'urge-resisted', n: 4 },
      { kind: 'slip', n: 2 },
      { kind: 'necessary-contact', n: 1 },
    ]);
    old.close();
    const db = createDb(name);
    expect(DB_VERSION).toBe(4);
    expect((await allEvents(db)).map((e) => e.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(await totals(db)).toEqual({ 'urge-resisted': 4, slip: 2, 'necessary-contact': 1 });
    expect(db.verno).toBe(4);
    // Version 4's total of urges to write, counted from the stored urges by the upgrade.
    expect(await urgesToWrite(db)).toBe(1);
    expect(await listDrafts(db)).toEqual([]);
    expect(await countSigns(db)).toBe(0);
    await saveDraft(db, { id: 'a', text: 'Works.', time: T, timeZone: 'UTC' });
    expect(await listDrafts(db)).toHaveLength(1);
  });
});
