import { say } from '@/lib/i18n';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  readSettingsValue,
  SETTINGS_DAMAGED_KEY,
  SETTINGS_KEY,
  updateSettings,
  type DamagedCopy,
  type Settings,
} from '@/lib/settings';
import { MemoryArea } from '../fixtures/memory-area';

const v2 = (): Settings =>
  JSON.parse(
    readFileSync(new URL('../fixtures/settings-v2.json', import.meta.url), 'utf8'),
  ) as Settings;

const damage = (change: (s: Record<string, unknown>) => void): Record<string, unknown> => {
  const s = v2() as unknown as Record<string, unknown>;
  change(s);
  return s;
};

describe('damaged settings keep what can be kept', () => {
  it('a plan with an unreadable goal keeps its start date', () => {
    const { settings, problems } = readSettingsValue(
      damage((s) => ((s.plan as Record<string, unknown>).goalDays = 'thirty')),
    );
    expect(settings.plan).toEqual({
      startDate: '2026-01-10',
      goalDays: 30,
      looksRestart: true,
      timeZone: 'Europe/Berlin',
    });
    expect(problems.map(say)).toEqual([expect.stringMatching(/goal/)]);
    expect(settings.profiles).toHaveLength(2);
  });

  it('a plan without a readable start is reported, not silently dropped', () => {
    const { settings, problems } = readSettingsValue(
      damage((s) => ((s.plan as Record<string, unknown>).startDate = '2026-02-30')),
    );
    expect(settings.plan).toBeNull();
    expect(problems.map(say)).toEqual([expect.stringMatching(/plan.*start date/)]);
  });

  it("an unreadable time zone falls back to the device's, keeping the plan", () => {
    const { settings, problems } = readSettingsValue(
      damage((s) => ((s.plan as Record<string, unknown>).timeZone = 'Atlantis/Capital')),
    );
    expect(settings.plan?.startDate).toBe('2026-01-10');
    expect(settings.plan && 'timeZone' in settings.plan).toBe(false);
    expect(problems).toHaveLength(1);
  });

  it('a partly damaged profile is repaired and stays blocked', () => {
    const { settings, problems } = readSettingsValue(
      damage((s) => {
        const p = (s.profiles as Record<string, unknown>[])[0]!;
        delete p.display;
        p.url = 'javascript:alert(1)';
        p.mode = 'sometimes';
        p.addedAt = 'yesterday';
        p.id = 'wrong';
      }),
    );
    expect(settings.profiles[0]).toEqual({
      id: 'instagram:jamie.doe',
      platform: 'instagram',
      key: 'jamie.doe',
      display: 'Instagram · @jamie.doe',
      url: 'https://www.instagram.com/jamie.doe/',
      mode: 'block',
      addedAt: 0,
    });
    expect(settings.profiles).toHaveLength(2);
    expect(problems.map(say)).toEqual([expect.stringMatching(/repaired and is still blocked/)]);
  });

  it('an unreadable profile is reported, and the others are kept', () => {
    const { settings, problems } = readSettingsValue(
      damage((s) => {
        (s.profiles as unknown[]).push(42, { platform: 'myspace', key: 'tom' });
      }),
    );
    expect(settings.profiles.map((p) => p.id)).toEqual([
      'instagram:jamie.doe',
      'custom:site:jamie-blog.example',
    ]);
    expect(problems.map(say)).toEqual([
      expect.stringMatching(/^2 listed profiles could not be read/),
    ]);
  });

  it('stray fields are not carried along', () => {
    const { settings } = readSettingsValue(
      damage((s) => {
        (s.profiles as Record<string, unknown>[])[0]!.photo = 'https://example.com/ex.jpg';
        ((s.pending as Record<string, unknown>[])[0]!.change as Record<string, unknown>).extra = 1;
      }),
    );
    expect(Object.keys(settings.profiles[0]!)).not.toContain('photo');
    expect(Object.keys(settings.pending[0]!.change)).not.toContain('extra');
  });

  it('a list of profiles that is not a list is reported', () => {
    const { settings, problems } = readSettingsValue(damage((s) => (s.profiles = 'lots')));
    expect(settings.profiles).toEqual([]);
    expect(problems.map(say)).toEqual([expect.stringMatching(/list of profiles/)]);
  });

  it('friction keeps its readable parts; reasons keep their text; bad waiting changes are cancelled', () => {
    const { settings, problems } = readSettingsValue(
      damage((s) => {
        s.friction = { pauseSeconds: 99, phraseRequired: false, allowMinutes: 3 };
        s.reasons = ['Keep going.', 7, null];
        (s.pending as unknown[]).push({ id: 'x', change: { kind: 'launch-rockets' }, dueAt: 1 });
      }),
    );
    expect(settings.friction).toEqual({ pauseSeconds: 10, phraseRequired: false, allowMinutes: 3 });
    expect(settings.reasons).toEqual(['Keep going.']);
    expect(settings.pending).toHaveLength(1);
    expect(problems).toHaveLength(3);
  });

  it('settings that are not an object at all read as defaults, and say so', () => {
    const { settings, problems } = readSettingsValue('{"plan":');
    expect(settings.profiles).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it('the next write keeps the damaged original beside the repaired settings', async () => {
    const broken = damage((s) => {
      (s.profiles as unknown[]).push({ platform: 'myspace' });
      s.plan = { startDate: 'soon' };
    });
    const area = new MemoryArea({ [SETTINGS_KEY]: broken });
    await updateSettings(
      area,
      (s) => ({ ...s, reasons: ['New start.'] }),
      () => 1_770_000_000_000,
    );
    const copies = area.data.get(SETTINGS_DAMAGED_KEY) as DamagedCopy[];
    expect(copies).toHaveLength(1);
    expect(copies[0]).toEqual({
      savedAt: 1_770_000_000_000,
      problems: expect.any(Array) as unknown,
      value: broken,
    });
    expect(copies[0]!.problems.map(say)).toEqual(
      expect.arrayContaining([expect.stringMatching(/plan/)]),
    );
    const stored = area.data.get(SETTINGS_KEY) as Settings;
    expect(stored.reasons).toEqual(['New start.']);
    expect(stored.profiles).toHaveLength(2);
    // Now clean, so a further write adds no copy.
    await updateSettings(area, (s) => s);
    expect(area.data.get(SETTINGS_DAMAGED_KEY)).toHaveLength(1);
  });

  it('keeps at most five damaged copies, newest last', async () => {
    const area = new MemoryArea();
    for (let i = 0; i < 7; i++) {
      area.data.set(SETTINGS_KEY, { ...v2(), reasons: [i] });
      await updateSettings(
        area,
        (s) => s,
        () => i,
      );
    }
    const copies = area.data.get(SETTINGS_DAMAGED_KEY) as DamagedCopy[];
    expect(copies.map((c) => c.savedAt)).toEqual([2, 3, 4, 5, 6]);
  });
});
