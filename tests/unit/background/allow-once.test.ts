import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAllowOnce } from '@/entrypoints/background/allow-once';
import { ALLOWANCE_ENDED, ALLOWANCES_KEY } from '@/lib/guard/allowances';
import { matchProfile } from '@/lib/match';
import { listed } from '../profiles/fixtures';
import { ALLOW_RULE_IDS } from '@/lib/rules/ids';
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
    expect(s.sent).toEqual([{ tabId: 7, msg: { type: ALLOWANCE_ENDED } }]);
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

  it('ends an expired allowance even when the record is all that is left of it', async () => {
    vi.useFakeTimers({ now: 5_000_000 });
    const s = stubBrowser();
    const allow = createAllowOnce(s.browser);
    await allow.grant(jamie, 7, 1);
    // Something that is not an allowance is dropped, never passed on as one.
    const list = (await s.api.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY] as unknown[];
    await s.api.storage.session.set({ [ALLOWANCES_KEY]: [...list, { tabId: 'x' }, null] });
    vi.setSystemTime(5_000_000 + 61_000);
    await allow.endExpired();
    expect(s.rules()).toEqual([]);
    expect((await s.api.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY]).toEqual([]);
    expect(s.sent).toEqual([{ tabId: 7, msg: { type: ALLOWANCE_ENDED } }]);
  });

  it('ends every allowance at once: its rules, any rule left in the range, the record; tabs told', async () => {
    const s = stubBrowser();
    const allow = createAllowOnce(s.browser);
    await allow.grant(jamie, 7, 10);
    await allow.grant(sam, 8, 10);
    // A rule in the range that no record names (a record lost), and one that is not ours.
    await s.api.declarativeNetRequest.updateSessionRules({
      addRules: [
        { ...s.rules()[0]!, id: ALLOW_RULE_IDS.last },
        { ...s.rules()[0]!, id: 5 },
      ],
    });
    await allow.endAll();
    expect(s.rules().map((r) => r.id)).toEqual([5]);
    expect(await s.api.storage.session.get(ALLOWANCES_KEY)).toEqual({});
    expect(s.sent.map((m) => m.tabId).sort()).toEqual([7, 8]);
    expect(s.sent.every((m) => (m.msg as { type: string }).type === ALLOWANCE_ENDED)).toBe(true);
    expect(await allow.forGuard(7)).toEqual({ tabId: 7, allowances: [] });
  });

  it('tells which profiles a tab may show now', async () => {
    vi.useFakeTimers({ now: 5_000_000 });
    const s = stubBrowser();
    const allow = createAllowOnce(s.browser);
    await allow.grant(jamie, 7, 1);
    expect(await allow.allowedInTab(7)).toEqual(new Set([jamie.id]));
    expect(await allow.allowedInTab(8)).toEqual(new Set());
    vi.setSystemTime(5_000_000 + 61_000);
    expect(await allow.allowedInTab(7)).toEqual(new Set());
  });
});
