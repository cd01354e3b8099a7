import { describe, expect, it } from 'vitest';
import { ALLOW_PRIORITY, allowOnceRules } from '@/lib/rules/allow';
import { compileRules, NON_MAIN_FRAME } from '@/lib/rules/compile';
import { ALLOW_RULE_IDS } from '@/lib/rules/ids';
import { evaluate } from '../helpers/dnr-eval';
import { INTERSTITIAL, listed } from '../profiles/fixtures';

const jamie = listed('https://www.instagram.com/jamie.doe/');
const other = listed('https://x.com/jamie');
const byId = listed('https://www.facebook.com/profile.php?id=1000123');
const profileRules = compileRules([jamie, other, byId], { interstitialUrl: INTERSTITIAL });

describe('allowOnceRules', () => {
  it('allows one profile, in one tab, above the profile rules', () => {
    const rules = allowOnceRules(ALLOW_RULE_IDS.first, jamie, 7);
    // The profile's own regex, and its platform's catch for encoded spellings (the tab may
    // have come to the profile by one; see lib/profiles/platform.ts).
    expect(rules).toHaveLength(2);
    rules.forEach((r, i) =>
      expect(r).toMatchObject({
        id: ALLOW_RULE_IDS.first + i,
        priority: ALLOW_PRIORITY,
        action: { type: 'allow' },
        condition: { tabIds: [7], resourceTypes: ['main_frame', ...NON_MAIN_FRAME] },
      }),
    );
    expect(ALLOW_PRIORITY).toBeGreaterThan(profileRules[0]?.priority ?? Infinity);

    const all = [...profileRules, ...rules];
    const at = (url: string, tabId: number, type: 'main_frame' | 'image' = 'main_frame') =>
      evaluate(all, { url, type, tabId }).action;
    expect(at('https://www.instagram.com/jamie.doe/reels/', 7)).toBe('allow');
    expect(at('https://m.instagram.com/Jamie.Doe', 7, 'image')).toBe('allow');
    expect(at('https://www.instagram.com/jamie.doe/', 8)).toBe('redirect');
    expect(at('https://x.com/jamie', 7)).toBe('redirect');
    expect(at('https://www.instagram.com/jamie.doe2/', 7)).toBe('none');
  });

  it('uses consecutive IDs when a profile needs more than one regex', () => {
    const rules = allowOnceRules(ALLOW_RULE_IDS.first + 10, byId, 3);
    expect(rules.length).toBeGreaterThan(1);
    expect(rules.map((r) => r.id)).toEqual(rules.map((_, i) => ALLOW_RULE_IDS.first + 10 + i));
    const all = [...profileRules, ...rules];
    for (const url of [
      'https://www.facebook.com/profile.php?id=1000123',
      'https://www.facebook.com/1000123/photos',
      'https://www.messenger.com/t/1000123',
    ]) {
      expect(evaluate(all, { url, type: 'main_frame', tabId: 3 }).action, url).toBe('allow');
      expect(evaluate(all, { url, type: 'main_frame', tabId: 4 }).action, url).toBe('redirect');
    }
  });

  it('stays inside the session rule ID range', () => {
    expect(() => allowOnceRules(ALLOW_RULE_IDS.first - 1, jamie, 1)).toThrow();
    expect(() => allowOnceRules(ALLOW_RULE_IDS.last, byId, 1)).toThrow();
    const n = allowOnceRules(ALLOW_RULE_IDS.first, jamie, 1).length;
    expect(() => allowOnceRules(ALLOW_RULE_IDS.last - n + 2, jamie, 1)).toThrow();
    expect(allowOnceRules(ALLOW_RULE_IDS.last - n + 1, jamie, 1)).toHaveLength(n);
  });
});
