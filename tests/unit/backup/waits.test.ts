import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyBackup, deleteEverything, exportBackup, backupToJson } from '@/lib/backup';
import { importedSettings, keptAfterDelete, waitsFrom } from '@/lib/backup/waits';
import { applyDue, cancelPending } from '@/lib/cooling-off';
import { addEvent, allEvents } from '@/lib/db/event-store';
import type { Profile } from '@/lib/profiles/types';
import {
  COOLING_OFF_MS,
  DEFAULT_FRICTION,
  defaultSettings,
  loadSettings,
  SETTINGS_KEY,
  updateSettings,
  type PendingChange,
  type Settings,
} from '@/lib/settings';
import { MemoryArea } from '../fixtures/memory-area';
import { checked, closeAll, freshDb, NOW } from './helpers';

afterEach(closeAll);

const HOUR = 3_600_000;

/** Listed conversations: only a conversation may be Modified, which these tests switch. */
const profile = (handle: string, mode: Profile['mode'] = 'block'): Profile => ({
  id: `messenger:${handle}`,
  platform: 'messenger',
  key: handle,
  display: `Messenger · ${handle}`,
  url: `https://www.messenger.com/t/${handle}`,
  mode,
  addedAt: NOW - 10 * 24 * HOUR,
});

const jamie = profile('jamie.doe');
const sam = profile('sam_lee');

function ids() {
  let n = 0;
  return () => `new-${++n}`;
}

/** The settings now: a running plan, two blocked profiles, a firm friction, the person's words. */
function now(over: Partial<Settings> = {}): Settings {
  return {
    ...defaultSettings(),
    plan: { startDate: '2026-03-01', goalDays: 30, looksRestart: true },
    profiles: [jamie, sam],
    friction: { pauseSeconds: 30, phraseRequired: true, allowMinutes: 5 },
    reasons: ['Sleep.'],
    ifThen: [{ when: 'I want to look', then: 'I go for a walk' }],
    ...over,
  };
}

const waiting = (change: PendingChange['change'], dueAt: number, id = 'w'): PendingChange => ({
  id,
  change,
  requestedAt: dueAt - COOLING_OFF_MS,
  dueAt,
});

describe('an import waits like any removal (importedSettings)', () => {
  it('a backup with no profiles keeps every listed profile, blocked, its removal due in 24 h', () => {
    const backup: Settings = { ...now(), profiles: [], reasons: ['From the file.'], ifThen: [] };
    const s = importedSettings(now(), backup, NOW, ids());
    expect(s.profiles).toEqual([jamie, sam]);
    expect(s.pending).toEqual([
      {
        id: 'new-1',
        change: { kind: 'remove-profile', profileId: jamie.id },
        requestedAt: NOW,
        dueAt: NOW + COOLING_OFF_MS,
      },
      {
        id: 'new-2',
        change: { kind: 'remove-profile', profileId: sam.id },
        requestedAt: NOW,
        dueAt: NOW + COOLING_OFF_MS,
      },
    ]);
    // The rest is the backup's, at once.
    expect(s.reasons).toEqual(['From the file.']);
    expect(s.ifThen).toEqual([]);
    // Not a minute early; then the alarm removes them as any removal.
    expect(applyDue(s, NOW + COOLING_OFF_MS - 1).settings.profiles).toHaveLength(2);
    const after = applyDue(s, NOW + COOLING_OFF_MS);
    expect(after.settings.profiles).toEqual([]);
    expect(after.settings.pending).toEqual([]);
    expect(after.removedProfiles).toEqual([jamie, sam]);
  });

  it('a removal is cancelled like any other, and the profile stays', () => {
    const s = importedSettings(now(), { ...now(), profiles: [sam] }, NOW, ids());
    expect(s.profiles).toEqual([sam, jamie]);
    const removal = s.pending.find((p) => p.change.kind === 'remove-profile')!;
    const cancelled = cancelPending(s, removal.id);
    expect(applyDue(cancelled, NOW + 10 * COOLING_OFF_MS).settings.profiles).toEqual([sam, jamie]);
  });

  it('a removal already waiting here keeps its time: importing neither delays nor hastens it', () => {
    const here = waiting({ kind: 'remove-profile', profileId: jamie.id }, NOW + 3 * HOUR, 'here');
    const s = importedSettings(now({ pending: [here] }), { ...now(), profiles: [sam] }, NOW, ids());
    expect(s.pending).toEqual([here]);
  });

  it('the profiles the backup lists come in at once; one blocked now but Modified in it waits', () => {
    const coParent = profile('co.parent', 'modified');
    const backup: Settings = {
      ...now(),
      profiles: [{ ...jamie, mode: 'modified' }, sam, coParent],
    };
    const s = importedSettings(now(), backup, NOW, ids());
    expect(s.profiles).toEqual([jamie, sam, coParent]);
    expect(s.pending).toEqual([
      {
        id: 'new-1',
        change: { kind: 'switch-to-modified', profileId: jamie.id },
        requestedAt: NOW,
        dueAt: NOW + COOLING_OFF_MS,
      },
    ]);
    expect(applyDue(s, NOW + COOLING_OFF_MS).settings.profiles).toEqual(backup.profiles);
  });

  it('a gentler friction in the backup waits; a firmer part applies at once', () => {
    const backup: Settings = {
      ...now(),
      friction: { pauseSeconds: 5, phraseRequired: true, allowMinutes: 2 },
    };
    const s = importedSettings(now(), backup, NOW, ids());
    // The shorter "allow once" is firmer: at once. The shorter pause waits.
    expect(s.friction).toEqual({ pauseSeconds: 30, phraseRequired: true, allowMinutes: 2 });
    expect(s.pending).toEqual([
      {
        id: 'new-1',
        change: { kind: 'lower-friction', friction: backup.friction },
        requestedAt: NOW,
        dueAt: NOW + COOLING_OFF_MS,
      },
    ]);
    expect(applyDue(s, NOW + COOLING_OFF_MS).settings.friction).toEqual(backup.friction);
    expect(waitsFrom(now(), s).friction).toBe(NOW + COOLING_OFF_MS);
  });

  it('a backup without a plan keeps the running plan, its end waiting; a backup plan replaces it at once', () => {
    const s = importedSettings(now(), { ...now(), plan: null }, NOW, ids());
    expect(s.plan).toEqual(now().plan);
    expect(s.pending).toEqual([
      {
        id: 'new-1',
        change: { kind: 'end-plan', reason: 'other' },
        requestedAt: NOW,
        dueAt: NOW + COOLING_OFF_MS,
      },
    ]);
    expect(applyDue(s, NOW + COOLING_OFF_MS).settings.plan).toBeNull();

    const other = { startDate: '2026-02-01', goalDays: 90, looksRestart: false };
    const replaced = importedSettings(now(), { ...now(), plan: other }, NOW, ids());
    expect(replaced.plan).toEqual(other);
    expect(replaced.pending).toEqual([]);
  });

  it('a change waiting in the file that fell due meanwhile waits a full cooling-off if it lowers protection now', () => {
    const longAgo = NOW - 5 * 24 * HOUR;
    const backup: Settings = {
      ...now(),
      pending: [
        waiting({ kind: 'remove-profile', profileId: jamie.id }, longAgo, 'file-1'),
        waiting({ kind: 'end-plan', reason: 'decided-to-stop' }, longAgo, 'file-2'),
        // Nothing listed now by that name: its removal lowers nothing and keeps its time.
        waiting({ kind: 'remove-profile', profileId: 'instagram:gone' }, longAgo, 'file-3'),
        // Later than a cooling-off from now: kept as it is.
        waiting({ kind: 'switch-to-modified', profileId: sam.id }, NOW + 30 * HOUR, 'file-4'),
      ],
    };
    const s = importedSettings(now(), backup, NOW, ids());
    expect(s.pending).toEqual([
      { ...backup.pending[0], requestedAt: NOW, dueAt: NOW + COOLING_OFF_MS },
      { ...backup.pending[1], requestedAt: NOW, dueAt: NOW + COOLING_OFF_MS },
      backup.pending[2],
      backup.pending[3],
    ]);
    expect(applyDue(s, NOW + 1).settings.profiles).toEqual([jamie, sam]);
    expect(waitsFrom(now(), s)).toEqual({
      removals: [{ profile: jamie, dueAt: NOW + COOLING_OFF_MS }],
      toModified: [{ profile: sam, dueAt: NOW + 30 * HOUR }],
      friction: null,
      planEnd: NOW + COOLING_OFF_MS,
    });
  });

  it('restoring on a fresh install (nothing listed, the defaults) takes the backup as it is', () => {
    const backup: Settings = {
      ...now(),
      pending: [waiting({ kind: 'remove-profile', profileId: jamie.id }, NOW - HOUR)],
    };
    expect(importedSettings(defaultSettings(), backup, NOW, ids())).toEqual(backup);
  });

  it('says what would wait, for the preview', () => {
    const current = now({
      pending: [waiting({ kind: 'remove-profile', profileId: sam.id }, NOW + 2 * HOUR)],
    });
    const backup: Settings = { ...defaultSettings(), plan: null, profiles: [] };
    const result = importedSettings(current, backup, NOW, ids());
    expect(waitsFrom(current, result)).toEqual({
      // Soonest first.
      removals: [
        { profile: sam, dueAt: NOW + 2 * HOUR },
        { profile: jamie, dueAt: NOW + COOLING_OFF_MS },
      ],
      toModified: [],
      friction: NOW + COOLING_OFF_MS,
      planEnd: NOW + COOLING_OFF_MS,
    });
    const coParent = profile('co.parent', 'modified');
    const modified = importedSettings(
      current,
      { ...current, profiles: [{ ...jamie, mode: 'modified' }, sam, coParent] },
      NOW,
      ids(),
    );
    expect(waitsFrom(current, modified)).toEqual({
      // The file has the same removal waiting as here: it is said again, with its time.
      removals: [{ profile: sam, dueAt: NOW + 2 * HOUR }],
      toModified: [{ profile: jamie, dueAt: NOW + COOLING_OFF_MS }],
      friction: null,
      planEnd: null,
    });
  });
});

describe('delete everything keeps only what the cooling-off holds (keptAfterDelete)', () => {
  it('keeps the listed profiles with their removal waiting, and nothing else', () => {
    const here = waiting({ kind: 'remove-profile', profileId: sam.id }, NOW + HOUR, 'here');
    const current = now({
      pending: [
        here,
        waiting({ kind: 'switch-to-modified', profileId: jamie.id }, NOW + HOUR, 'switch'),
        waiting({ kind: 'end-plan', reason: 'reconciled' }, NOW + HOUR, 'end'),
      ],
    });
    const s = keptAfterDelete(current, NOW, ids());
    expect(s).toEqual({
      ...defaultSettings(),
      profiles: [jamie, sam],
      // The firmer friction guards them until then; its lowering to the defaults waits too.
      friction: current.friction,
      pending: [
        here,
        {
          id: 'new-1',
          change: { kind: 'remove-profile', profileId: jamie.id },
          requestedAt: NOW,
          dueAt: NOW + COOLING_OFF_MS,
        },
        {
          id: 'new-2',
          change: { kind: 'lower-friction', friction: DEFAULT_FRICTION },
          requestedAt: NOW,
          dueAt: NOW + COOLING_OFF_MS,
        },
      ],
    });
    // A day later the alarm leaves exactly the defaults.
    expect(applyDue(s, NOW + COOLING_OFF_MS).settings).toEqual(defaultSettings());
  });

  it('says which profiles would stay, and until when, for the confirmation', () => {
    const here = waiting({ kind: 'remove-profile', profileId: sam.id }, NOW + HOUR, 'here');
    const current = now({ pending: [here] });
    expect(waitsFrom(current, keptAfterDelete(current, NOW, ids()))).toEqual({
      removals: [
        { profile: sam, dueAt: NOW + HOUR },
        { profile: jamie, dueAt: NOW + COOLING_OFF_MS },
      ],
      toModified: [],
      friction: NOW + COOLING_OFF_MS,
      // The plan is data: deleted at once, like the history it counts.
      planEnd: null,
    });
  });

  it('with nothing listed, nothing is kept', () => {
    expect(keptAfterDelete(now({ profiles: [] }), NOW, ids())).toEqual(defaultSettings());
  });
});

describe('applyBackup and deleteEverything with the settings stored now', () => {
  it('an import with no profiles replaces the data at once and keeps the listed profile waiting', async () => {
    const db = freshDb();
    const area = new MemoryArea();
    await updateSettings(area, () => now({ profiles: [jamie] }));
    await addEvent(db, {
      kind: 'urge-resisted',
      time: NOW - HOUR,
      timeZone: 'UTC',
      source: 'popup',
    });
    // A backup from another computer: no profiles, no events, other reasons.
    const other = { db: freshDb(), area: new MemoryArea() };
    await updateSettings(other.area, (s) => ({ ...s, reasons: ['Elsewhere.'] }));
    const text = backupToJson(await exportBackup(other.db, other.area, NOW));
    await applyBackup(db, area, checked(text), undefined, NOW, ids());
    expect(await allEvents(db)).toEqual([]);
    const s = await loadSettings(area);
    expect(s.reasons).toEqual(['Elsewhere.']);
    expect(s.profiles).toEqual([jamie]);
    expect(s.pending.map((p) => [p.change.kind, p.dueAt])).toEqual([
      ['remove-profile', NOW + COOLING_OFF_MS],
      ['lower-friction', NOW + COOLING_OFF_MS],
      ['end-plan', NOW + COOLING_OFF_MS],
    ]);
  });

  it('deleting everything empties the log and storage but for the profiles, still listed', async () => {
    const db = freshDb();
    const area = new MemoryArea({ 'options.firstRun': { version: 1, done: true } });
    await updateSettings(area, () => now({ profiles: [jamie] }));
    await addEvent(db, {
      kind: 'urge-resisted',
      time: NOW - HOUR,
      timeZone: 'UTC',
      source: 'popup',
    });
    const setsBefore = area.sets;
    await deleteEverything(db, area, undefined, NOW, ids());
    expect(await allEvents(db)).toEqual([]);
    expect([...area.data.keys()]).toEqual([SETTINGS_KEY]);
    // One write, before anything is removed: the profile is never unlisted on the way.
    expect(area.sets).toBe(setsBefore + 1);
    const s = await loadSettings(area);
    expect(s.profiles).toEqual([jamie]);
    expect(s.plan).toBeNull();
    expect(s.reasons).toEqual([]);
    expect(s.pending[0]).toEqual({
      id: 'new-1',
      change: { kind: 'remove-profile', profileId: jamie.id },
      requestedAt: NOW,
      dueAt: NOW + COOLING_OFF_MS,
    });
  });
});
