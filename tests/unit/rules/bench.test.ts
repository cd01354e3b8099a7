import { describe, expect, it } from 'vitest';
import { benchConversationRules, benchRules, measureRules, sampleProfiles } from '@/bench/rules';
import { BROWSER_DYNAMIC_RULES_MAX, PROFILE_REGEX_RULES_MAX, REGEX_BUDGET } from '@/lib/limits';
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

describe('500 conversations', () => {
  it("fit the browsers' rule limits beside the profiles", { timeout: 30_000 }, async () => {
    const conversations = sampleConversations(500);
    expect(conversations).toHaveLength(500);
    expect(new Set(conversations.map((p) => p.platform)).size).toBe(6);
    const c = await measureRules(conversations);
    const both = await measureRules([...sampleProfiles(500), ...conversations]);
    expect(await benchConversationRules()).toMatchObject({
      conversations: 500,
      rules: c.rules,
      regexRules: c.regexRules,
    });
    // Printed for the record, beside the profiles' figures (npx vitest run tests/unit/rules).
    console.log('500 conversations:', JSON.stringify(c));
    console.log('500 profiles + 500 conversations:', JSON.stringify(both));
    for (const m of [c]) {
      expect(m.fits).toBe(true);
      expect(m.regexRules).toBeLessThanOrEqual(PROFILE_REGEX_RULES_MAX);
      expect(m.rules).toBeLessThanOrEqual(BROWSER_DYNAMIC_RULES_MAX);
      expect(m.maxRegexRe2).toBeLessThanOrEqual(REGEX_BUDGET);
    }
    expect(both.maxRegexRe2).toBeLessThanOrEqual(REGEX_BUDGET);
  });
});
