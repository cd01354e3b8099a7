import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBackup, type ImportCheck } from '@/lib/backup';
import {
  checkAllowMinutes,
  checkGoal,
  checkPause,
  checkReason,
  checkStartDate,
} from '@/components/options/validate';
import {
  ALLOW_MINUTES_MAX,
  ALLOW_MINUTES_MIN,
  BACKUP_MAX_BYTES,
  EARLIEST_DATE,
  EARLIEST_TIME,
  GOAL_DAYS_MAX,
  GOAL_DAYS_MIN,
  PAUSE_SECONDS_MAX,
  PAUSE_SECONDS_MIN,
  REASON_MAX_CHARS,
} from '@/lib/limits';
import { parseMessage } from '@/lib/messaging';
import { readSettingsValue } from '@/lib/settings';
import { fixtureObject, fixtureText, NOW } from './backup/helpers';

/*
 * One limit, one answer: the options form, the settings reader, the backup checker and the
 * message protocol each accept a value exactly at the limit and refuse (or, the reader,
 * repair) one just past it.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The frozen backup with one change. */
const backup = (change: (b: Json) => void): string => {
  const b = fixtureObject() as Json;
  change(b);
  return JSON.stringify(b);
};
const code = (r: ImportCheck) => (r.ok ? 'ok' : r.problem.code);

/** The frozen backup's settings, read by the settings reader with one change. */
const read = (change: (s: Json) => void) => {
  const s = structuredClone(fixtureObject().settings) as Json;
  change(s);
  return readSettingsValue(s);
};

describe('every reader holds a value to the same limit', () => {
  it('reasons: REASON_MAX_CHARS is accepted, one more is not', () => {
    const at = 'r'.repeat(REASON_MAX_CHARS);
    const over = at + 'r';
    expect(checkReason(at, []).ok).toBe(true);
    expect(checkReason(over, []).ok).toBe(false);
    expect(
      code(
        checkBackup(
          backup((b) => (b.settings.reasons = [at])),
          NOW,
        ),
      ),
    ).toBe('ok');
    expect(
      code(
        checkBackup(
          backup((b) => (b.settings.reasons = [over])),
          NOW,
        ),
      ),
    ).toBe('too-long');
    expect(read((s) => (s.reasons = [at]))).toMatchObject({
      settings: { reasons: [at] },
      problems: [],
    });
    const shortened = read((s) => (s.reasons = [over]));
    expect(shortened.settings.reasons).toEqual([at]);
    expect(shortened.problems.map((p) => p.key)).toEqual(['settingsReasonShortenedOne']);
  });

  const goalMessage = (goalDays: number) => ({
    type: 'log-plan-start',
    startDate: '2026-03-01',
    goalDays,
    dedupeKey: 'k',
  });

  it.each([
    ['the shortest goal', GOAL_DAYS_MIN, GOAL_DAYS_MIN - 1],
    ['the longest goal', GOAL_DAYS_MAX, GOAL_DAYS_MAX + 1],
  ])('%s: accepted at the limit, refused past it', (_name, at, past) => {
    expect(checkGoal(String(at)).ok).toBe(true);
    expect(checkGoal(String(past)).ok).toBe(false);
    expect(
      code(
        checkBackup(
          backup((b) => (b.settings.plan.goalDays = at)),
          NOW,
        ),
      ),
    ).toBe('ok');
    expect(
      code(
        checkBackup(
          backup((b) => (b.settings.plan.goalDays = past)),
          NOW,
        ),
      ),
    ).toBe('out-of-range');
    expect(parseMessage(goalMessage(at))).not.toBeNull();
    expect(parseMessage(goalMessage(past))).toBeNull();
    expect(read((s) => (s.plan.goalDays = at))).toMatchObject({
      settings: { plan: { goalDays: at } },
      problems: [],
    });
    expect(read((s) => (s.plan.goalDays = past)).problems.map((p) => p.key)).toEqual([
      'settingsGoalReset',
    ]);
  });

  it.each([
    ['pauseSeconds', checkPause, PAUSE_SECONDS_MIN, PAUSE_SECONDS_MIN - 1],
    ['pauseSeconds', checkPause, PAUSE_SECONDS_MAX, PAUSE_SECONDS_MAX + 1],
    ['allowMinutes', checkAllowMinutes, ALLOW_MINUTES_MIN, ALLOW_MINUTES_MIN - 1],
    ['allowMinutes', checkAllowMinutes, ALLOW_MINUTES_MAX, ALLOW_MINUTES_MAX + 1],
  ] as const)('friction %s: %i is accepted, %i is not', (field, form, at, past) => {
    expect(form(String(at)).ok).toBe(true);
    expect(form(String(past)).ok).toBe(false);
    expect(
      code(
        checkBackup(
          backup((b) => (b.settings.friction[field] = at)),
          NOW,
        ),
      ),
    ).toBe('ok');
    expect(
      code(
        checkBackup(
          backup((b) => (b.settings.friction[field] = past)),
          NOW,
        ),
      ),
    ).toBe('out-of-range');
    expect(read((s) => (s.friction[field] = at))).toMatchObject({
      settings: { friction: { [field]: at } },
      problems: [],
    });
    expect(read((s) => (s.friction[field] = past)).problems.map((p) => p.key)).toEqual([
      'settingsFrictionPartReset',
    ]);
  });

  it('import size: BACKUP_MAX_BYTES is accepted, one byte more is not', () => {
    const text = fixtureText();
    // JSON allows any whitespace after the value: pad the real backup to the limit.
    const at = text + ' '.repeat(BACKUP_MAX_BYTES - new TextEncoder().encode(text).length);
    expect(new TextEncoder().encode(at).length).toBe(BACKUP_MAX_BYTES);
    expect(code(checkBackup(at, NOW))).toBe('ok');
    expect(code(checkBackup(`${at} `, NOW))).toBe('too-large');
    // The protocol counts characters (at most one byte each), and leaves the bytes to the checker.
    const chars = ' '.repeat(BACKUP_MAX_BYTES);
    expect(parseMessage({ type: 'apply-import', text: chars }) !== null).toBe(true);
    expect(parseMessage({ type: 'apply-import', text: `${chars} ` }) !== null).toBe(false);
  });

  it('the earliest date: the form and the backup checker start on the same day', () => {
    const dayBefore = new Date(EARLIEST_TIME - 1).toISOString().slice(0, 10);
    expect(new Date(EARLIEST_TIME).toISOString().slice(0, 10)).toBe(EARLIEST_DATE);
    expect(checkStartDate(EARLIEST_DATE, '2026-03-14').ok).toBe(true);
    expect(checkStartDate(dayBefore, '2026-03-14').ok).toBe(false);
    const starting = (d: string) => backup((b) => (b.settings.plan.startDate = d));
    expect(code(checkBackup(starting(EARLIEST_DATE), NOW))).toBe('ok');
    expect(code(checkBackup(starting(dayBefore), NOW))).toBe('too-old');
  });
});

describe('lib/limits', () => {
  const ROOT = join(import.meta.dirname, '../..');
  const source = readFileSync(join(ROOT, 'lib/limits.ts'), 'utf8');

  it('imports nothing, so any context can load it', () => {
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it('says why for every limit', () => {
    const lines = source.split('\n');
    lines.forEach((line, i) => {
      if (line.startsWith('export const')) expect(lines[i - 1], line).toMatch(/^\/\*\* .+ \*\/$/);
    });
  });

  /** Every .ts/.tsx file under `dir`. */
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(dir, f));

  it('lib/ and the option forms write no limit of their own', () => {
    const files = [...sources('lib'), ...sources('components/options')].filter(
      (f) => f !== join('lib', 'limits.ts'),
    );
    const copies = [
      /5 \* 1024 \* 1024/,
      /['"]2000-01-01['"]/,
      /Date\.UTC\(2000/,
      /\b3650\b/,
      /protocol [!=]== 'https?:'/,
    ];
    const found = files.flatMap((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return copies.filter((re) => re.test(text)).map((re) => `${f}: ${re.source}`);
    });
    // lib/check.ts is the one place that knows which protocols are the web's.
    expect(found).toEqual([`${join('lib', 'check.ts')}: protocol [!=]== 'https?:'`]);
  });
});
