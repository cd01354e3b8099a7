import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyBackup,
  backupToJson,
  checkBackup,
  deleteEverything,
  exportBackup,
  ImportFailed,
} from '@/lib/backup';
import { addEvent, allEvents, totals, undoEvent } from '@/lib/db/event-store';
import { loadSummary } from '@/lib/db/summary';
import { say } from '@/lib/i18n';
import {
  SETTINGS_DAMAGED_KEY,
  SETTINGS_KEY,
  loadSettings,
  updateSettings,
  type Settings,
} from '@/lib/settings';
import { MemoryArea } from '../fixtures/memory-area';
import { checked, closeAll, fixtureObject, fixtureText, freshDb, NOW, snapshot } from './helpers';

afterEach(closeAll);

async function someData() {
  const db = freshDb();
  const area = new MemoryArea();
  await updateSettings(area, (s) => ({
    ...s,
    plan: {
      startDate: '2026-02-01',
      goalDays: 60,
      looksRestart: false,
      timeZone: 'Asia/Tokyo',
      taper: true,
    },
    reasons: ['I matter too.'],
    // Every kind of waiting change survives the trip.
    pending: (['remove-profile', 'switch-to-modified'] as const).map((kind, i) => ({
      id: `pending-${i}`,
      change: { kind, profileId: 'instagram:jamie.doe' },
      requestedAt: NOW - 1000,
      dueAt: NOW - 1000 + 86_400_000,
    })),
  }));
  await addEvent(db, {
    kind: 'stage-set',
    time: NOW - 2 * 86_400_000,
    timeZone: 'Asia/Tokyo',
    source: 'options',
    dedupeKey: 'stage-1',
  });
  await addEvent(db, {
    kind: 'urge-resisted',
    time: NOW - 86_400_000,
    timeZone: 'Asia/Tokyo',
    source: 'popup',
  });
  const s = await addEvent(db, {
    kind: 'slip',
    what: 'other',
    note: 'Ünïcødé and "quotes" survive 💬',
    restarted: true,
    time: NOW - 3_600_000,
    timeZone: 'Asia/Tokyo',
    source: 'popup',
    dedupeKey: 'tap-9',
  });
  await undoEvent(db, s.id, s.time + 2000);
  await addEvent(db, {
    kind: 'slip',
    what: 'call',
    restarted: true,
    time: NOW - 7_200_000,
    timeZone: 'Asia/Tokyo',
    source: 'popup',
  });
  return { db, area };
}

describe('export and import', () => {
  it('export then import gives back exactly the same data', async () => {
    const from = await someData();
    const exported = await exportBackup(from.db, from.area, NOW);
    const text = backupToJson(exported);
    const to = { db: freshDb(), area: new MemoryArea() };
    await applyBackup(to.db, to.area, checked(text));
    const again = await exportBackup(to.db, to.area, NOW);
    expect(again).toEqual(exported);
    expect(backupToJson(again)).toBe(text);
    // The derived index fields came back too: the streaks read the same.
    const input = { plan: exported.settings.plan, now: NOW, timeZone: 'Asia/Tokyo' };
    expect(await loadSummary(to.db, input)).toEqual(await loadSummary(from.db, input));
  });

  it('the frozen v1 backup imports, with a preview first', async () => {
    const check = checkBackup(fixtureText(), NOW);
    if (!check.ok) throw new Error(say(check.problem.words));
    expect(check.preview).toEqual({
      plan: {
        startDate: '2026-01-10',
        goalDays: 30,
        looksRestart: true,
        timeZone: 'Europe/Berlin',
      },
      profiles: 2,
      events: 7,
      drafts: 0,
      signs: 0,
      ifThen: 0,
      exportedAt: '2026-03-14T11:00:00.000Z',
    });
    const db = freshDb();
    const area = new MemoryArea();
    await applyBackup(db, area, check.backup);
    const fixture = fixtureObject();
    // Its settings (version 2) read as version 4: no if-then plans, "not sure yet", and its
    // Modified custom site (not a conversation) blocked.
    const old = fixture.settings as Settings;
    expect(await loadSettings(area)).toEqual({
      ...old,
      profiles: old.profiles.map((p) => ({ ...p, mode: 'block' })),
      version: 4,
      ifThen: [],
      purpose: 'unsure',
      notices: [],
    });
    expect(await allEvents(db)).toEqual(fixture.events);
    // The undone slip is not in the totals.
    expect(await totals(db)).toEqual({ 'urge-resisted': 1, slip: 2, 'necessary-contact': 1 });
    // Field for field and in the same order.
    expect(JSON.stringify((await exportBackup(db, area, NOW)).events)).toBe(
      JSON.stringify(fixture.events),
    );
  });

  it('import replaces what was there', async () => {
    const { db, area } = await someData();
    const check = checkBackup(fixtureText(), NOW);
    if (!check.ok) throw new Error(say(check.problem.words));
    await applyBackup(db, area, check.backup);
    const ids = (await allEvents(db)).map((e) => e.id);
    expect(ids).toHaveLength(7);
    expect(ids.every((id) => id.startsWith('7b0c1a9e'))).toBe(true);
    expect((await loadSettings(area)).reasons).toEqual(['Space to heal.', 'Sleep.']);
  });

  it('if the settings cannot be saved, the old events are put back and nothing changes', async () => {
    const { db, area } = await someData();
    const before = await snapshot(db, area);
    const check = checkBackup(fixtureText(), NOW);
    if (!check.ok) throw new Error(say(check.problem.words));
    area.failNextSet = new Error('QUOTA_BYTES quota exceeded');
    const err = await applyBackup(db, area, check.backup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailed);
    expect((err as ImportFailed).restored).toBe(true);
    expect((err as ImportFailed).message).toMatch(/were put back/);
    expect(await snapshot(db, area)).toEqual(before);
  });

  it('if writing the events fails, neither events nor settings change', async () => {
    const { db, area } = await someData();
    const before = await snapshot(db, area);
    const check = checkBackup(fixtureText(), NOW);
    if (!check.ok) throw new Error(say(check.problem.words));
    vi.spyOn(db.events, 'bulkAdd').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    await expect(applyBackup(db, area, check.backup)).rejects.toThrow('disk full');
    expect(await snapshot(db, area)).toEqual(before);
  });
});

describe('deleteEverything', () => {
  it('leaves no events and no settings behind', async () => {
    const { db, area } = await someData();
    area.data.set(SETTINGS_DAMAGED_KEY, [{ savedAt: 1, problems: [], value: {} }]);
    await deleteEverything(db, area);
    expect(await db.events.count()).toBe(0);
    expect(await db.events.where('boundary').equals(1).count()).toBe(0);
    expect(await totals(db)).toEqual({ 'urge-resisted': 0, slip: 0, 'necessary-contact': 0 });
    expect(area.data.size).toBe(0);
    const empty: Settings = await loadSettings(area);
    expect(empty.plan).toBeNull();
    expect(area.data.has(SETTINGS_KEY)).toBe(false);
    // The database still works afterwards.
    await addEvent(db, { kind: 'urge-resisted', time: NOW, timeZone: 'UTC', source: 'popup' });
    expect(await db.events.count()).toBe(1);
  });
});
