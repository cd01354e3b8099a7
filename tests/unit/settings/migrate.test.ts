import { say } from '@/lib/i18n';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadSettings,
  readSettings,
  readSettingsValue,
  SETTINGS_DAMAGED_KEY,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  updateSettings,
  type Settings,
} from '@/lib/settings';
import { MemoryArea } from '../fixtures/memory-area';

const fixture = (v: number): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/settings-v${v}.json`, import.meta.url), 'utf8'));

describe('settings versions', () => {
  it('has a frozen fixture for every version up to the current one', () => {
    for (let v = 1; v <= SETTINGS_VERSION; v++) {
      expect((fixture(v) as { version: number }).version).toBe(v);
    }
  });

  it('every fixture reads into the current version with nothing lost', () => {
    for (let v = 1; v <= SETTINGS_VERSION; v++) {
      const raw = fixture(v) as Record<string, unknown>;
      const { settings, problems } = readSettingsValue(raw);
      expect(problems).toEqual([]);
      expect(settings.version).toBe(SETTINGS_VERSION);
      expect(settings.profiles).toEqual(raw.profiles);
      expect(settings.plan).toEqual(raw.plan);
      expect(settings.friction).toEqual(raw.friction);
      expect(settings.reasons).toEqual(raw.reasons);
    }
  });

  it('v1 -> v3 adds an empty list of waiting changes and of if-then plans', () => {
    const v1 = fixture(1) as Record<string, unknown>;
    const expected: Settings = {
      ...(v1 as unknown as Omit<Settings, 'version' | 'pending' | 'ifThen'>),
      version: 3,
      ifThen: [],
      pending: [],
    };
    expect(readSettingsValue(v1).settings).toEqual(expected);
  });

  it('v2 -> v3 adds an empty list of if-then plans and keeps everything else', () => {
    const v2 = fixture(2) as Record<string, unknown>;
    expect(readSettingsValue(v2)).toEqual({
      settings: { ...v2, version: 3, ifThen: [] },
      problems: [],
    });
  });

  it('v3 reads back as it is', () => {
    expect(readSettingsValue(fixture(3))).toEqual({ settings: fixture(3), problems: [] });
  });

  it('unreadable if-then plans are left out and said so; the readable ones are kept', () => {
    const v3 = fixture(3) as Settings;
    const damaged = {
      ...v3,
      ifThen: [v3.ifThen[0], { when: '', then: 'x' }, 'text', { when: 'a'.repeat(201), then: 'b' }],
    };
    const { settings, problems } = readSettingsValue(damaged);
    expect(settings.ifThen).toEqual([v3.ifThen[0]]);
    expect(problems.map(say)).toEqual([expect.stringMatching(/if-then plans could not be read/)]);
  });

  it('settings from before the version field are read as v1', () => {
    const { version: _v, ...unversioned } = fixture(1) as Record<string, unknown>;
    const { settings, problems } = readSettingsValue(unversioned);
    expect(problems).toEqual([]);
    expect(settings.plan).toEqual((fixture(1) as Settings).plan);
    expect(settings.pending).toEqual([]);
  });

  it('settings from a newer version keep what this version understands, and say so', () => {
    const newer = { ...(fixture(2) as Record<string, unknown>), version: 99, mood: 'calm' };
    const { settings, problems } = readSettingsValue(newer);
    expect(settings.profiles).toHaveLength(2);
    expect(settings.plan?.startDate).toBe('2026-01-10');
    expect(problems.map(say)).toEqual([expect.stringMatching(/newer version/)]);
  });

  it('loading migrates stored v1; the next write stores v3 and no damaged copy', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: fixture(1) });
    expect((await loadSettings(area)).version).toBe(3);
    expect(await readSettings(area)).toMatchObject({ problems: [] });
    // Reading alone never writes.
    expect(area.sets).toBe(0);
    await updateSettings(area, (s) => ({ ...s, reasons: [...s.reasons, 'One more.'] }));
    const stored = area.data.get(SETTINGS_KEY) as Settings;
    expect(stored.version).toBe(3);
    expect(stored.pending).toEqual([]);
    expect(stored.ifThen).toEqual([]);
    expect(stored.reasons).toHaveLength(3);
    expect(area.data.has(SETTINGS_DAMAGED_KEY)).toBe(false);
  });

  it('nothing stored reads as the defaults, without problems', async () => {
    const { settings, problems } = await readSettings(new MemoryArea());
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      version: 3,
      plan: null,
      profiles: [],
      friction: { pauseSeconds: 10, phraseRequired: true, allowMinutes: 10 },
      reasons: [],
      ifThen: [],
      pending: [],
    });
  });
});
