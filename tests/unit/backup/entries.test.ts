import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyBackup,
  backupToJson,
  checkBackup,
  deleteEverything,
  exportBackup,
  ImportFailed,
} from '@/lib/backup';
import { listDrafts, saveDraft } from '@/lib/db/drafts';
import { addEvent, allEvents } from '@/lib/db/event-store';
import { listSigns, setSign } from '@/lib/db/signs';
import { say } from '@/lib/i18n';
import { loadSettings, updateSettings } from '@/lib/settings';
import { MemoryArea } from '../fixtures/memory-area';
import { checked, closeAll, fixtureObject, freshDb, NOW, snapshot } from './helpers';

afterEach(closeAll);

async function withEntries() {
  const db = freshDb();
  const area = new MemoryArea();
  await updateSettings(area, (s) => ({
    ...s,
    plan: { startDate: '2026-02-20', goalDays: 30, looksRestart: true },
    ifThen: [{ when: 'look at their profile', then: 'call my sister' }],
  }));
  await addEvent(db, {
    kind: 'they-reached-out',
    channel: 'through-someone',
    gist: 'asking-why',
    note: 'Sam said they asked about me.',
    time: NOW - 7_200_000,
    timeZone: 'UTC',
    source: 'options',
  });
  await addEvent(db, {
    kind: 'necessary-contact',
    note: 'One calm line.',
    time: NOW - 3_600_000,
    timeZone: 'UTC',
    source: 'options',
  });
  await addEvent(db, {
    kind: 'plan-ended',
    reason: 'decided-to-stop',
    time: NOW - 1_800_000,
    timeZone: 'UTC',
    source: 'options',
  });
  await saveDraft(db, {
    id: 'd1',
    text: 'Everything I wanted to say. 💬',
    time: NOW - 5000,
    timeZone: 'UTC',
  });
  await saveDraft(db, { id: 'd2', text: 'Second thoughts.', time: NOW - 4000, timeZone: 'UTC' });
  await setSign(db, 'friends-asking', '2026-03-12', NOW - 3000);
  await setSign(db, 'feeling-steadier', '2026-03-13', NOW - 2000);
  return { db, area };
}

const clone = () => fixtureObject();

describe('backup of the new entries', () => {
  it('export then import gives back every entry exactly, byte for byte', async () => {
    const from = await withEntries();
    const exported = await exportBackup(from.db, from.area, NOW);
    expect(exported.version).toBe(2);
    expect(exported.drafts.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(exported.signs.map((s) => s.sign)).toEqual(['friends-asking', 'feeling-steadier']);
    expect(exported.settings.ifThen).toHaveLength(1);
    const text = backupToJson(exported);
    const to = { db: freshDb(), area: new MemoryArea() };
    const r = checkBackup(text, NOW);
    if (!r.ok) throw new Error(say(r.problem.words));
    expect(r.preview).toMatchObject({ events: 3, drafts: 2, signs: 2, ifThen: 1 });
    await applyBackup(to.db, to.area, r.backup);
    expect(backupToJson(await exportBackup(to.db, to.area, NOW))).toBe(text);
    expect(await listDrafts(to.db)).toEqual(await listDrafts(from.db));
    expect(await listSigns(to.db)).toEqual(await listSigns(from.db));
    expect(await allEvents(to.db)).toEqual(await allEvents(from.db));
  });

  it('importing replaces drafts and signs too (a v1 backup has none)', async () => {
    const { db, area } = await withEntries();
    const v1 = clone();
    await applyBackup(db, area, checked(JSON.stringify(v1)));
    expect(await listDrafts(db)).toEqual([]);
    expect(await listSigns(db)).toEqual([]);
    expect((await loadSettings(area)).ifThen).toEqual([]);
  });

  it('old plan-end reasons still import', () => {
    const b = clone() as { events: Record<string, unknown>[] };
    b.events.push({
      id: 'old-end',
      kind: 'plan-ended',
      time: Date.parse('2026-03-14T10:00:00Z'),
      localDate: '2026-03-14',
      timeZone: 'UTC',
      source: 'options',
      reason: 'no-longer-needed',
    });
    const r = checkBackup(JSON.stringify(b), NOW);
    expect(r.ok).toBe(true);
  });

  it.each([
    [
      'a draft with a field it should not have',
      (b: V2) => (b.drafts[0]!.sent = true),
      'unknown-field',
    ],
    ['an empty draft', (b: V2) => (b.drafts[0]!.text = ''), 'wrong-type'],
    ['two drafts with one id', (b: V2) => (b.drafts[1]!.id = b.drafts[0]!.id), 'duplicate-draft'],
    ['a sign that does not exist', (b: V2) => (b.signs[0]!.sign = 'new-haircut'), 'not-allowed'],
    ['a sign noticed in the future', (b: V2) => (b.signs[0]!.noticedOn = '2027-01-01'), 'future'],
    ['the same sign twice', (b: V2) => (b.signs[1]!.sign = b.signs[0]!.sign), 'duplicate-sign'],
    [
      'an if-then plan without its "then"',
      (b: V2) => delete b.settings.ifThen[0]!.then,
      'missing-field',
    ],
    [
      'a reached-out event by an unknown channel',
      (b: V2) => (b.events[0]!.channel = 'pigeon'),
      'not-allowed',
    ],
    ['a v2 backup without drafts', (b: V2) => delete (b as Partial<V2>).drafts, 'missing-field'],
  ])('refuses %s, with plain words (so nothing is applied)', async (_name, breakIt, code) => {
    const from = await withEntries();
    const b = JSON.parse(backupToJson(await exportBackup(from.db, from.area, NOW))) as V2;
    breakIt(b);
    const r = checkBackup(JSON.stringify(b), NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe(code);
    expect(say(r.problem.words)).toMatch(/Nothing was changed\.$/);
  });

  it('if the settings cannot be saved, the old drafts and signs are put back', async () => {
    const from = await withEntries();
    const check = checkBackup(JSON.stringify(clone()), NOW);
    if (!check.ok) throw new Error(say(check.problem.words));
    const before = await snapshot(from.db, from.area);
    from.area.failNextSet = new Error('quota');
    const err = await applyBackup(from.db, from.area, check.backup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailed);
    expect(await snapshot(from.db, from.area)).toEqual(before);
  });

  it('delete everything removes drafts and signs with the rest', async () => {
    const { db, area } = await withEntries();
    await deleteEverything(db, area);
    expect(await listDrafts(db)).toEqual([]);
    expect(await listSigns(db)).toEqual([]);
    expect(await allEvents(db)).toEqual([]);
    expect(area.data.size).toBe(0);
  });
});

type Row = Record<string, unknown>;
interface V2 {
  events: Row[];
  drafts: Row[];
  signs: Row[];
  settings: { ifThen: Row[] };
}
