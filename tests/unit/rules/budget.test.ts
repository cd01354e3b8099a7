import { describe, expect, it } from 'vitest';
import { sampleProfiles } from '@/bench/rules';
import { say } from '@/lib/i18n';
import {
  ALLOW_RULES_HEADROOM,
  BROWSER_DYNAMIC_RULES_MAX,
  BROWSER_REGEX_RULES_MAX,
  PROFILE_REGEX_RULES_MAX,
} from '@/lib/limits';
import type { Profile } from '@/lib/profiles/types';
import { allowOnceRules } from '@/lib/rules/allow';
import { fitsBrowser, listLimitProblem, profileLimitProblem, ruleNeeds } from '@/lib/rules/budget';
import { compileRules } from '@/lib/rules/compile';
import { coverRules } from '@/lib/rules/cover';
import { ALLOW_RULE_IDS } from '@/lib/rules/ids';
import { everyPlatform, INTERSTITIAL, listed } from '../profiles/fixtures';

/**
 * `n` Instagram profiles with handles of 16 characters ("jamie.doe.00042x"). How many fit
 * depends on the handles' length: with handles of 6 characters about 2,700, of 14 about
 * 1,400, of 20 about 900.
 */
const instagram = (n: number, from = 0): Profile[] =>
  Array.from({ length: n }, (_, i) =>
    listed(`https://www.instagram.com/jamie.doe.${String(from + i).padStart(5, '0')}x/`),
  );

/** The smallest number of Instagram profiles that does not fit (a binary search). */
function firstOver(): number {
  let lo = 1;
  let hi = 4000;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fitsBrowser(ruleNeeds(instagram(mid)))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

describe('the rules a list needs', () => {
  it('counts what the compiler makes, cover rules too, every rule a regex rule', () => {
    for (const profiles of [[], everyPlatform(), sampleProfiles(500), instagram(300)]) {
      const rules = [
        ...compileRules(profiles, { interstitialUrl: INTERSTITIAL }),
        ...coverRules(profiles),
      ];
      const needs = ruleNeeds(profiles);
      expect(needs.rules).toBe(rules.length);
      expect(needs.regexRules).toBe(rules.filter((r) => r.condition.regexFilter).length);
      expect(needs.regexRules).toBe(needs.rules);
    }
  });

  it('leaves room in the regex budget for "allow once", which Chrome counts with it', () => {
    expect(PROFILE_REGEX_RULES_MAX + ALLOW_RULES_HEADROOM).toBe(BROWSER_REGEX_RULES_MAX);
    // The most allow rules one allowance takes, over every platform and form.
    const most = Math.max(
      ...[...everyPlatform(), ...sampleProfiles(200)].map(
        (p) => allowOnceRules(ALLOW_RULE_IDS.first, p, 1).length,
      ),
    );
    expect(most).toBeLessThanOrEqual(3);
    // At least 30 allowances at once (each lasts an hour at most) still fit.
    expect(Math.floor(ALLOW_RULES_HEADROOM / most)).toBeGreaterThanOrEqual(30);
  });

  it('fits when both counts are within the limits, and not one rule more', () => {
    expect(
      fitsBrowser({ rules: PROFILE_REGEX_RULES_MAX, regexRules: PROFILE_REGEX_RULES_MAX }),
    ).toBe(true);
    expect(
      fitsBrowser({ rules: PROFILE_REGEX_RULES_MAX + 2, regexRules: PROFILE_REGEX_RULES_MAX + 2 }),
    ).toBe(false);
    expect(fitsBrowser({ rules: BROWSER_DYNAMIC_RULES_MAX + 1, regexRules: 0 })).toBe(false);
  });

  it('500 varied profiles fit with room to spare (the bench list)', () => {
    const needs = ruleNeeds(sampleProfiles(500));
    expect(fitsBrowser(needs)).toBe(true);
    // 624 of 900 once every spelling was covered (each platform's catch for encoded
    // spellings is a regex of its own).
    expect(needs.regexRules).toBeLessThan(PROFILE_REGEX_RULES_MAX * 0.75);
  });

  it("a long list of one platform meets the limit before the issue's 1,330 profiles", () => {
    const over = firstOver();
    expect(over).toBeGreaterThan(800);
    expect(over).toBeLessThan(1330);
    expect(ruleNeeds(instagram(over - 1)).regexRules).toBeLessThanOrEqual(PROFILE_REGEX_RULES_MAX);
  });
});

describe('refusing a profile or a list over the limit', () => {
  const over = firstOver();
  const atLimit = instagram(over - 1);
  const next = instagram(1, over - 1)[0]!;

  it('refuses the profile that would pass the limit, saying why and what to do', () => {
    const problem = profileLimitProblem(atLimit, next);
    expect(problem).toEqual({ key: 'profileLimitReached', subs: [atLimit.length] });
    const text = say(problem!);
    expect(text).toContain(`your list of ${atLimit.length}`);
    expect(text).toContain('can block only so many profiles at once');
    expect(text).toContain('Remove profiles you no longer need');
    expect(text).toContain('The limit is the browser’s own');
  });

  it('takes a profile that still fits, and one already listed', () => {
    expect(profileLimitProblem(atLimit.slice(0, -1), atLimit.at(-1)!)).toBeNull();
    expect(profileLimitProblem(atLimit, atLimit[0]!)).toBeNull();
    expect(profileLimitProblem([...atLimit, next], next)).toBeNull();
  });

  it('refuses a whole list over the limit (an import), for the backup checker', () => {
    expect(listLimitProblem(atLimit)).toBeNull();
    const problem = listLimitProblem([...atLimit, next]);
    expect(problem).toEqual({ key: 'importProfileLimit', subs: [atLimit.length + 1] });
    expect(say(problem!)).toContain('nothing was imported');
  });
});
