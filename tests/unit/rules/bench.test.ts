import { describe, expect, it } from 'vitest';
import { benchRules, sampleProfiles } from '@/bench/rules';
import { BROWSER_DYNAMIC_RULES_MAX, PROFILE_REGEX_RULES_MAX, REGEX_BUDGET } from '@/lib/limits';
import { fitsBrowser, ruleNeeds } from '@/lib/rules/budget';
import { compileRules } from '@/lib/rules/compile';
import { coverRules } from '@/lib/rules/cover';
import { re2Size } from '@/lib/rules/regex';
import { sampleConversations } from '../conversations/sample';

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

/** The rules a list needs, measured as benchRules measures profiles. */
function measure(list: ReturnType<typeof sampleConversations>) {
  const opts = {
    interstitialUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/interstitial.html',
  };
  const rules = [...compileRules(list, opts), ...coverRules(list)];
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    compileRules(list, opts);
    times.push(performance.now() - t0);
  }
  return {
    entries: list.length,
    rules: rules.length,
    regexRules: rules.filter((r) => r.condition.regexFilter).length,
    maxRegexRe2: Math.max(
      ...rules.map((r) => re2Size(r.condition.regexFilter, r.condition.isUrlFilterCaseSensitive)),
    ),
    maxRegexChars: Math.max(...rules.map((r) => r.condition.regexFilter.length)),
    compileMs: Math.round([...times].sort((a, b) => a - b)[2]! * 100) / 100,
    fits: fitsBrowser(ruleNeeds(list)),
    needs: ruleNeeds(list).rules,
  };
}

describe('500 conversations', () => {
  it("fit the browsers' rule limits beside the profiles", { timeout: 30_000 }, () => {
    const conversations = sampleConversations(500);
    expect(conversations).toHaveLength(500);
    expect(new Set(conversations.map((p) => p.platform)).size).toBe(6);
    const c = measure(conversations);
    const both = measure([...sampleProfiles(500), ...conversations]);
    // Printed for the record, beside the profiles' figures (npx vitest run tests/unit/rules).
    console.log('500 conversations:', JSON.stringify(c));
    console.log('500 profiles + 500 conversations:', JSON.stringify(both));
    for (const m of [c]) {
      expect(m.fits).toBe(true);
      expect(m.needs).toBe(m.rules);
      expect(m.regexRules).toBeLessThanOrEqual(PROFILE_REGEX_RULES_MAX);
      expect(m.rules).toBeLessThanOrEqual(BROWSER_DYNAMIC_RULES_MAX);
      expect(m.maxRegexRe2).toBeLessThanOrEqual(REGEX_BUDGET);
    }
    expect(both.maxRegexRe2).toBeLessThanOrEqual(REGEX_BUDGET);
  });
});
