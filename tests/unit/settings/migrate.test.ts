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
  effectiveMode,
  type Settings,
} from '@/lib/settings';
import type { Profile } from '@/lib/profiles/types';
import { MemoryArea } from '../fixtures/memory-area';

const fixture = (v: number | string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/settings-v${v}.json`, import.meta.url), 'utf8'));

/** What a version before 4 reads as: the same, with the v4 fields it never had. */
const asV4 = (s: Record<string, unknown>) => ({
  ...s,
  version: 4,
  purpose: 'unsure',
  notices: [],
});

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
      // Modified profiles (not conversations) became blocked ones in v4; nothing else moved.
      expect(settings.profiles).toEqual(
        (raw.profiles as Profile[]).map((p) => ({ ...p, mode: effectiveMode(p) })),
      );
      expect(settings.plan).toEqual(raw.plan);
      expect(settings.friction).toEqual(raw.friction);
      expect(settings.reasons).toEqual(raw.reasons);
    }
  });

  it('v1 -> v4 adds an empty list of waiting changes and of if-then plans', () => {
    const v1 = fixture(1) as Record<string, unknown>;
    const base = v1 as unknown as Settings;
    const expected: Settings = {
      ...base,
      // v1's X profile was Modified: a profile, so it is blocked now, and said once.
      profiles: base.profiles.map((p) => ({ ...p, mode: 'block' })),
      version: 4,
      ifThen: [],
      pending: [],
      purpose: 'unsure',
      notices: [{ kind: 'modified-profiles-blocked', profiles: 1, pendingDropped: 0 }],
    };
    expect(readSettingsValue(v1).settings).toEqual(expected);
  });

  it('v2 -> v4 adds an empty list of if-then plans and keeps everything else', () => {
    const v2 = fixture(2) as Record<string, unknown>;
    expect(readSettingsValue(v2)).toEqual({
      settings: asV4({ ...v2, ifThen: [] }),
      problems: [],
    });
  });

  it('v3 -> v4 without Modified profiles: "not sure yet", no notice, all else as it was', () => {
    const v3 = fixture(3) as Record<string, unknown>;
    expect(readSettingsValue(v3)).toEqual({ settings: asV4(v3), problems: [] });
  });

  it('v4 reads back as it is', () => {
    expect(readSettingsValue(fixture(4))).toEqual({ settings: fixture(4), problems: [] });
  });

  describe('v3 -> v4: Modified No Contact becomes about conversations only', () => {
    const stored = fixture('3-modified') as Settings & Record<string, unknown>;
    const { settings, problems } = readSettingsValue(stored);

    it('a Modified profile becomes a plain blocked profile; a Modified conversation stays', () => {
      expect(problems).toEqual([]);
      const mode = (id: string) => settings.profiles.find((p) => p.id === id)?.mode;
      expect(mode('facebook:co.parent')).toBe('block');
      expect(mode('messenger:co.parent')).toBe('modified');
      expect(mode('instagram:jamie.doe')).toBe('block');
    });

    it('nothing is lost: every profile, reason, plan and other waiting change is kept', () => {
      expect(settings.profiles.map((p) => p.id)).toEqual(stored.profiles.map((p) => p.id));
      expect(settings.profiles.map(({ mode: _m, ...rest }) => rest)).toEqual(
        stored.profiles.map(({ mode: _m, ...rest }) => rest),
      );
      expect(settings.plan).toEqual(stored.plan);
      expect(settings.reasons).toEqual(stored.reasons);
      expect(settings.ifThen).toEqual(stored.ifThen);
      expect(settings.friction).toEqual(stored.friction);
    });

    it("a waiting switch of a profile to Modified is dropped; a conversation's stays", () => {
      const kinds = settings.pending.map((p) => [
        p.change.kind,
        'profileId' in p.change ? p.change.profileId : '',
      ]);
      expect(kinds).toEqual([
        ['remove-profile', 'custom:site:jamie-blog.example'],
        ['switch-to-modified', 'messenger:jamie.doe'],
      ]);
    });

    it('leaves one notice saying how many profiles changed and that a switch was dropped', () => {
      expect(settings.notices).toEqual([
        { kind: 'modified-profiles-blocked', profiles: 1, pendingDropped: 1 },
      ]);
      expect(settings.purpose).toBe('unsure');
    });

    it('the migrated settings read back unchanged (the notice stays until dismissed)', () => {
      expect(readSettingsValue(settings)).toEqual({ settings, problems: [] });
      const dismissed = { ...settings, notices: [] };
      expect(readSettingsValue(dismissed).settings.notices).toEqual([]);
    });
  });

  it('a v4 profile stored as Modified is blocked, and the repair is said', () => {
    const v4 = fixture(4) as Settings;
    const damaged = {
      ...v4,
      profiles: v4.profiles.map((p, i) => (i === 0 ? { ...p, mode: 'modified' } : p)),
    };
    const { settings, problems } = readSettingsValue(damaged);
    expect(settings.profiles.every((p) => p.mode === 'block')).toBe(true);
    expect(problems.map(say)).toEqual([expect.stringMatching(/conversations only/)]);
  });

  it('an unreadable purpose reads as "not sure yet" and is said', () => {
    const { settings, problems } = readSettingsValue({ ...(fixture(4) as object), purpose: 'win' });
    expect(settings.purpose).toBe('unsure');
    expect(problems.map(say)).toEqual([expect.stringMatching(/not sure yet/)]);
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

  it('loading migrates stored v1; the next write stores v4 and no damaged copy', async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: fixture(1) });
    expect((await loadSettings(area)).version).toBe(4);
    expect(await readSettings(area)).toMatchObject({ problems: [] });
    // Reading alone never writes.
    expect(area.sets).toBe(0);
    await updateSettings(area, (s) => ({ ...s, reasons: [...s.reasons, 'One more.'] }));
    const stored = area.data.get(SETTINGS_KEY) as Settings;
    expect(stored.version).toBe(4);
    expect(stored.pending).toEqual([]);
    expect(stored.ifThen).toEqual([]);
    expect(stored.reasons).toHaveLength(3);
    expect(area.data.has(SETTINGS_DAMAGED_KEY)).toBe(false);
  });

  it('nothing stored reads as the defaults, without problems', async () => {
    const { settings, problems } = await readSettings(new MemoryArea());
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      version: 4,
      plan: null,
      profiles: [],
      friction: { pauseSeconds: 10, phraseRequired: true, allowMinutes: 10 },
      reasons: [],
      ifThen: [],
      pending: [],
      purpose: 'unsure',
      notices: [],
    });
  });
});
