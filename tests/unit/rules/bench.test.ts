import { describe, expect, it } from 'vitest';
import { benchRules } from '@/bench/rules';

describe('benchRules', () => {
  it('reports the budget figures of 500 profiles', { timeout: 30_000 }, async () => {
    const r = await benchRules();
    expect(Object.keys(r).sort()).toEqual(
      [
        'compileMs',
        'maxRegexChars',
        'profiles',
        'regexRules',
        'regexesPerProfile',
        'rules',
        'rulesPerProfile',
      ].sort(),
    );
    expect(r.profiles).toBe(500);
    expect(r.regexRules).toBeLessThanOrEqual(r.rules ?? 0);
    expect(r.rulesPerProfile).toBeCloseTo((r.rules ?? 0) / 500);
    expect(r.compileMs).toBeGreaterThan(0);
    expect(r.maxRegexChars).toBeGreaterThan(20);
  });
});
