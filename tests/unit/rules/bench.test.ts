import { describe, expect, it } from 'vitest';
import { benchRules } from '@/bench/rules';

describe('benchRules', () => {
  it('reports the budget figures of 500 profiles', { timeout: 30_000 }, async () => {
    const r = await benchRules();
    expect(Object.keys(r).sort()).toEqual(
      [
        'compileMs',
        'dynamicRulesMax',
        'maxRegexChars',
        'maxRegexRe2',
        'profiles',
        'regexRe2Max',
        'regexRules',
        'regexRulesMax',
        'regexRulesUsedPct',
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
    // Within the browsers' limits, the largest rule included.
    expect(r.regexRules).toBeLessThanOrEqual(r.regexRulesMax ?? 0);
    expect(r.rules).toBeLessThanOrEqual(r.dynamicRulesMax ?? 0);
    expect(r.maxRegexRe2).toBeLessThanOrEqual(r.regexRe2Max ?? 0);
    expect(r.regexRulesUsedPct).toBeCloseTo(
      ((r.regexRules ?? 0) / (r.regexRulesMax ?? 1)) * 100,
      0,
    );
  });
});
