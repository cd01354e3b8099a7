import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAllowOnce } from '@/entrypoints/background/allow-once';
import { ALLOWANCES_KEY } from '@/lib/guard/allowances';
import { matchProfile } from '@/lib/match';
import { listed } from '../profiles/fixtures';
import { ALLOW_RULE_IDS } from '@/lib/rules/compile';
import { stubBrowser } from './stub-browser';

const jamie = listed('https://www.instagram.com/jamie.doe/');
const sam = listed('https://x.com/sam');

afterEach(() => vi.useRealTimers());

describe('allow once', () => {
  it('adds tab-scoped allow rules in the reserved range, records the allowance and its alarm', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const s = stubBrowser();
    const allow = createAllowOnce(s.browser);
    const until = await allow.grant(jamie, 7, 10);
    expect(until).toBe(1_000_000 + 600_000);
    const rules = s.rules();
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      expect(r.action.type).toBe('allow');
      expect(r.condition.tabIds).toEqual([7]);
      expect(r.id).toBeGreaterThanOrEqual(ALLOW_RULE_IDS.first);
      expect(r.id).toBeLessThanOrEqual(ALLOW_RULE_IDS.last);
      expect(r.condition.resourceTypes).toContain('main_frame');
    }
    // The rule covers the profile and nothing else.
    const re = new RegExp(rules[0]!.condition.regexFilter, 'i');
    expect(re.test('https://www.instagram.com/jamie.doe/')).toBe(true);
    expect(re.test('https://www.instagram.com/jamie.doe2/')).toBe(false);
    const stored = (await s.api.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY];
    expect(stored).toEqual([
      { profileId: jamie.id, tabId: 7, until, ruleIds: rules.map((r) => r.id) },
    ]);
    expect(s.alarms).toEqual([{ name: `allow-end:7:${jamie.id}`, when: until }]);
  });

  it('keeps rule ids apart when grants overlap, and replaces a repeated grant', async () => {
    const s = stubBrowser();
    const allow = createAllowOnce(s.browser);
    await Promise.all([
      allow.grant(jamie, 1, 10),
      allow.grant(sam, 2, 10),
      allow.grant(jamie, 3, 10),
    ]);
    const ids = s.rules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    await allow.grant(jamie, 1, 10);
    const list = (await s.api.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY] as unknown[];
    expect(list).toHaveLength(3);
    expect(s.rules()).toHaveLength(ids.length);
  });

  it('ends expired allowances: rules removed, record gone, tab told', async () => {
    vi.useFakeTimers({ now: 5_000_000 });
    const s = stubBrowser();
    const allow = createAllowOnce(s.browser);
    await allow.grant(jamie, 7, 1);
    await allow.grant(sam, 8, 10);
    vi.setSystemTime(5_000_000 + 61_000);
    await allow.endExpired();
    const left = (await s.api.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY] as {
      profileId: string;
    }[];
    expect(left.map((a) => a.profileId)).toEqual([sam.id]);
    expect(s.rules().every((r) => r.condition.tabIds?.[0] === 8)).toBe(true);
    expect(s.sent).toEqual([{ tabId: 7, msg: { type: 'allowance-ended' } }]);
  });

  it('gives the guard its tab and the running allowances', async () => {
    const s = stubBrowser();
    const allow = createAllowOnce(s.browser);
    await allow.grant(jamie, 7, 10);
    const g = await allow.forGuard(7);
    expect(g.tabId).toBe(7);
    expect(matchProfile('https://www.instagram.com/jamie.doe/', [jamie])).not.toBeNull();
    expect((g.allowances as { profileId: string }[]).map((a) => a.profileId)).toEqual([jamie.id]);
  });
});
