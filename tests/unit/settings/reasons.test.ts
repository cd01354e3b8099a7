import { describe, expect, it } from 'vitest';
import { say } from '@/lib/i18n';
import { REASON_MAX_CHARS } from '@/lib/limits';
import {
  loadSettings,
  readSettingsValue,
  SETTINGS_DAMAGED_KEY,
  SETTINGS_KEY,
  updateSettings,
  type DamagedCopy,
} from '@/lib/settings';
import { MemoryArea } from '../fixtures/memory-area';

const stored = (reasons: unknown[]) => ({ version: 3, reasons });

describe('a stored reason longer than the form allows', () => {
  it('is kept, shortened to REASON_MAX_CHARS, and reported in words', () => {
    const long = 'a'.repeat(REASON_MAX_CHARS) + ' and then some more';
    const { settings, problems } = readSettingsValue(stored(['Sleep.', long]));
    expect(settings.reasons).toEqual(['Sleep.', 'a'.repeat(REASON_MAX_CHARS)]);
    expect(problems.map(say)).toEqual([
      `A reason was longer than ${REASON_MAX_CHARS} characters and was shortened; the original is kept.`,
    ]);
  });

  it('says how many when there are several', () => {
    const long = 'b'.repeat(REASON_MAX_CHARS + 1);
    const { settings, problems } = readSettingsValue(stored([long, long, 'Sleep.']));
    expect(settings.reasons.map((r) => r.length)).toEqual([REASON_MAX_CHARS, REASON_MAX_CHARS, 6]);
    expect(problems.map(say)).toEqual([
      `2 reasons were longer than ${REASON_MAX_CHARS} characters and were shortened; the originals are kept.`,
    ]);
  });

  it('a reason of exactly REASON_MAX_CHARS is no problem at all', () => {
    const exact = 'c'.repeat(REASON_MAX_CHARS);
    expect(readSettingsValue(stored([exact]))).toMatchObject({
      settings: { reasons: [exact] },
      problems: [],
    });
  });

  it('is never cut through the middle of a character', () => {
    // An emoji takes two UTF-16 units; the limit falls between them.
    const long = 'd'.repeat(REASON_MAX_CHARS - 1) + '💬 and more';
    const [shortened] = readSettingsValue(stored([long])).settings.reasons;
    expect(shortened).toBe('d'.repeat(REASON_MAX_CHARS - 1));
    expect(shortened!.isWellFormed()).toBe(true);
  });

  it('the next write keeps the whole original in a damaged copy', async () => {
    const long = 'e'.repeat(REASON_MAX_CHARS + 50);
    const area = new MemoryArea({ [SETTINGS_KEY]: stored([long]) });
    await updateSettings(
      area,
      (s) => s,
      () => 1234,
    );
    const copies = area.data.get(SETTINGS_DAMAGED_KEY) as DamagedCopy[];
    expect(copies).toHaveLength(1);
    expect(copies[0]!.savedAt).toBe(1234);
    expect((copies[0]!.value as { reasons: string[] }).reasons).toEqual([long]);
    expect(copies[0]!.problems.map((p) => p.key)).toEqual(['settingsReasonShortenedOne']);
    // Written back shortened: read again, nothing is left to report.
    expect((await loadSettings(area)).reasons).toEqual(['e'.repeat(REASON_MAX_CHARS)]);
    expect(readSettingsValue(area.data.get(SETTINGS_KEY)).problems).toEqual([]);
  });
});
