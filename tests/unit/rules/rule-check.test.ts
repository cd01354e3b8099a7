import { describe, expect, it } from 'vitest';
import type { Profile } from '@/lib/profiles/types';
import { BROWSER_REGEX_RULES_MAX } from '@/lib/limits';
import { chunkOwners, compileRules, planChunks, RULES_PER_CHUNK } from '@/lib/rules/compile';
import { coverRules } from '@/lib/rules/cover';
import type { DnrRule, DynamicRules } from '@/lib/rules/dnr';
import { createRuleSync, type SyncResult } from '@/lib/rules/reconcile';
import {
  blockedIn,
  compareRules,
  listKey,
  makeRuleCheck,
  notBlockedNow,
  parseRuleCheck,
  RULE_CHECK_KEY,
  ruleKey,
  wantedRule,
  watchRuleCheck,
  type RuleCheck,
} from '@/lib/rules/rule-check';
import { INTERSTITIAL, listed } from '../profiles/fixtures';

const A = listed('https://www.instagram.com/jamie.doe/');
const B = listed('https://x.com/jamie');
const C = listed('https://www.tiktok.com/@jamie.doe');
const others = ['ana', 'ben', 'cai', 'dan', 'eve', 'fay', 'gus', 'hal'].map((n) =>
  listed(`https://www.instagram.com/${n}.smith.${n}/`),
);
const rulesOf = (profiles: Profile[]) => compileRules(profiles, { interstitialUrl: INTERSTITIAL });
/** The wanted rules of a list, each with the profiles it blocks, as the reconciler makes them. */
const wantedOf = (profiles: Profile[]) => {
  const owners = planChunks(profiles).map(chunkOwners);
  return rulesOf(profiles).map((r, i) =>
    wantedRule(r, owners[Math.floor(i / RULES_PER_CHUNK)] ?? []),
  );
};
const none = { wanted: [], refusedIds: [], rulesInForce: [], error: null };

const checkOf = (r: SyncResult, profiles: Profile[], at = 1): RuleCheck =>
  makeRuleCheck(
    profiles,
    {
      wanted: r.wanted,
      refusedIds: r.refused.flatMap((x) => x.profileIds),
      rulesInForce: r.rulesInForce,
      error: r.updateError,
    },
    at,
  );

describe('ruleKey: the same rule, whatever shape the browser gives it back in', () => {
  const [redirect, block] = rulesOf([A]) as [DnrRule, DnrRule];
  const [cover] = coverRules([A]) as [DnrRule];

  it('reads Chromium 156 (every key sorted) as the rule written', () => {
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
            )
          : v;
    for (const r of [redirect, block, cover]) {
      const back = sortKeys(r) as DnrRule;
      expect(JSON.stringify(back)).not.toBe(JSON.stringify(r));
      expect(ruleKey(back)).toBe(ruleKey(r));
    }
  });

  it('reads Firefox ESR 153 (every field, unused ones null) as the rule written', () => {
    const nulls = {
      urlFilter: null,
      resourceTypes: null,
      initiatorDomains: null,
      excludedInitiatorDomains: null,
      requestDomains: null,
      excludedRequestDomains: null,
      excludedResourceTypes: null,
      requestMethods: null,
      excludedRequestMethods: null,
      domainType: null,
      tabIds: null,
      excludedTabIds: null,
    };
    for (const r of [redirect, block, cover]) {
      const back = {
        id: r.id,
        priority: r.priority,
        condition: { ...nulls, ...r.condition },
        action: {
          redirect: null,
          requestHeaders: null,
          responseHeaders: null,
          ...r.action,
        },
      } as unknown as DnrRule;
      expect(ruleKey(back)).toBe(ruleKey(r));
    }
  });

  it('tells rules apart by what they do', () => {
    expect(ruleKey(redirect)).not.toBe(ruleKey(block));
    const elsewhere = {
      ...redirect,
      action: { type: 'redirect', redirect: { regexSubstitution: 'moz-extension://x/i.html#\\0' } },
    } as DnrRule;
    expect(ruleKey(elsewhere)).not.toBe(ruleKey(redirect));
    expect(ruleKey({ ...block, id: block.id + 2 })).not.toBe(ruleKey(block));
    // The types a rule leaves out, and the pages it leaves alone, are part of it too.
    const pagesToo = { ...block, condition: { ...block.condition, excludedResourceTypes: [] } };
    expect(ruleKey(pagesToo)).not.toBe(ruleKey(block));
    const c = cover.condition;
    const everyone = { ...cover, condition: { ...c, excludedInitiatorDomains: ['x.com'] } };
    expect(ruleKey(everyone)).not.toBe(ruleKey(cover));
    const reordered = {
      ...cover,
      condition: { ...c, excludedInitiatorDomains: [...c.excludedInitiatorDomains!].reverse() },
    };
    expect(ruleKey(reordered)).toBe(ruleKey(cover));
  });
});

describe('compareRules with cover rules', () => {
  const profiles = [A, B];
  const rules = rulesOf(profiles);
  const cover = coverRules(profiles);
  const owners = planChunks(profiles).map(chunkOwners);
  const wanted = [
    ...rules.map((r, i) => wantedRule(r, owners[Math.floor(i / RULES_PER_CHUNK)] ?? [])),
    ...cover.map((r) => wantedRule(r, [])),
  ];

  it('counts a missing cover rule, but no profile is open without it', () => {
    expect(cover.length).toBeGreaterThan(0);
    expect(compareRules(wanted, [...rules, ...cover])).toEqual({
      unblocked: [],
      missing: 0,
      extra: 0,
    });
    expect(compareRules(wanted, [...rules, ...cover.slice(1)])).toEqual({
      unblocked: [],
      missing: 1,
      extra: 0,
    });
  });

  it('counts a cover rule no longer wanted as a stray', () => {
    const stale = { ...cover[0]!, condition: { ...cover[0]!.condition, regexFilter: 'old' } };
    expect(compareRules(wanted, [...rules, ...cover, { ...stale, id: stale.id + 100 }]).extra).toBe(
      1,
    );
  });

  it("does not take a cover rule for a profile's block when its own is missing", () => {
    const check = makeRuleCheck(
      profiles,
      { wanted, refusedIds: [], rulesInForce: [], error: null },
      1,
    );
    const withoutBlocks = [...rules.filter((r) => r.action.type !== 'block'), ...cover];
    expect(notBlockedNow(check, profiles, withoutBlocks)).toEqual([A.id, B.id].sort());
  });
});

describe('compareRules', () => {
  const profiles = [A, B, C];
  const rules = rulesOf(profiles);
  const wanted = rules.map((r) => wantedRule(r, [`owner-of-${r.id}`]));
  const foreign: DnrRule = {
    id: 5,
    priority: 1,
    action: { type: 'block' },
    condition: { regexFilter: 'ads', isUrlFilterCaseSensitive: false, resourceTypes: ['script'] },
  };

  it('finds nothing when every wanted rule is in force, whatever else is there', () => {
    expect(compareRules(wanted, [...rules, foreign])).toEqual({
      unblocked: [],
      missing: 0,
      extra: 0,
    });
  });

  it('names the profiles of a missing or changed rule, and counts strays in our range', () => {
    const [first, second, ...rest] = rules as [DnrRule, DnrRule, ...DnrRule[]];
    const changed = { ...second, priority: 5 };
    const stray = { ...first, id: 19_999 };
    expect(compareRules(wanted, [changed, ...rest, stray])).toEqual({
      unblocked: [`owner-of-${first.id}`, `owner-of-${second.id}`].sort(),
      missing: 2,
      extra: 2,
    });
  });
});

describe('the record of a check', () => {
  const profiles = [A, B];

  it('keeps what parseRuleCheck accepts, and nothing it does not', () => {
    // Nothing in force: A's rules are missing; B's pattern was refused.
    const check = makeRuleCheck(
      profiles,
      {
        wanted: wantedOf([A]),
        refusedIds: [B.id, B.id],
        rulesInForce: [],
        error: 'Dynamic rule count for regex rules exceeded.',
      },
      42,
    );
    expect(check).toMatchObject({
      v: 1,
      at: 42,
      list: listKey(profiles),
      refused: [B.id],
      unblocked: [A.id, B.id].sort(),
    });
    expect(parseRuleCheck(structuredClone(check))).toEqual(check);
    expect(blockedIn(check, A.id)).toBe(false);
    expect(blockedIn(check, C.id)).toBe(true);
    for (const bad of [
      null,
      'x',
      { ...check, v: 2 },
      { ...check, rules: [{ h: 1, p: [] }] },
      { ...check, unblocked: [1] },
      { ...check, error: 5 },
    ]) {
      expect(parseRuleCheck(bad)).toBeNull();
    }
  });

  it('is made for one set of profiles, in any order', () => {
    expect(listKey([A, B])).toBe(listKey([B, A]));
    expect(listKey([A, B])).not.toBe(listKey([A]));
    expect(listKey([A, B])).not.toBe(listKey([A, C]));
  });
});

describe('notBlockedNow (the pages, on opening)', () => {
  // Regexes of one profile each (a tiny budget: the profiles' own, and their platforms'
  // catches for encoded spellings), so one can go missing alone.
  const profiles = [A, B, C];
  const chunks = planChunks(profiles, 60);
  const owners = chunks.map(chunkOwners);
  expect(owners.length).toBeGreaterThanOrEqual(3);
  for (const o of owners) expect(o).toHaveLength(1);
  const rules = compileRules(profiles, { interstitialUrl: INTERSTITIAL, budget: 60 });
  const wanted = rules.map((r, i) => wantedRule(r, owners[Math.floor(i / RULES_PER_CHUNK)]!));
  const check = makeRuleCheck(
    profiles,
    { wanted, refusedIds: [], rulesInForce: rules, error: null },
    1,
  );
  const ownerOf = (r: DnrRule) => owners[Math.floor((r.id - rules[0]!.id) / RULES_PER_CHUNK)]!;

  it('makes no claim without a record, or with one made for another list', () => {
    expect(notBlockedNow(undefined, profiles, rules)).toBeNull();
    expect(notBlockedNow({ junk: true }, profiles, rules)).toBeNull();
    expect(notBlockedNow(check, [A, B], [])).toBeNull();
  });

  it('finds a rule removed since the check, and nothing when all are in force', () => {
    expect(check.unblocked).toEqual([]);
    expect(notBlockedNow(check, profiles, rules)).toEqual([]);
    const withoutB = rules.filter((r) => !ownerOf(r).includes(B.id));
    const ofB = owners.filter((o) => o.includes(B.id)).length;
    expect(withoutB).toHaveLength(rules.length - RULES_PER_CHUNK * ofB);
    expect(notBlockedNow(check, profiles, withoutB)).toEqual([B.id]);
    // Its block rule alone is not enough either: the page would open.
    const onlyBlock = rules.filter((r) => !ownerOf(r).includes(B.id) || r.action.type === 'block');
    expect(notBlockedNow(check, profiles, onlyBlock)).toEqual([B.id]);
  });

  it('adds the profiles whose pattern the browser refused, if still listed', () => {
    const refused = { ...check, refused: [C.id, 'gone:profile'] };
    expect(notBlockedNow(refused, profiles, rules)).toEqual([C.id]);
  });
});

/** A browser-like dynamic rule set that holds at most 1000 regex rules, as both browsers do. */
function limitedDnr(initial: DnrRule[] = []) {
  let rules = [...initial];
  const adapter: DynamicRules = {
    getDynamicRules: () => Promise.resolve(rules.map((r) => structuredClone(r))),
    updateDynamicRules({ removeRuleIds = [], addRules = [] }) {
      const next = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      if (next.filter((r) => r.condition.regexFilter).length > BROWSER_REGEX_RULES_MAX) {
        return Promise.reject(new Error('Dynamic rule count for regex rules exceeded.'));
      }
      rules = next;
      return Promise.resolve();
    },
  };
  return {
    adapter,
    remove: (ids: number[]) => (rules = rules.filter((r) => !ids.includes(r.id))),
  };
}

const foreignRules = (n: number): DnrRule[] =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    priority: 1,
    action: { type: 'block' },
    condition: {
      regexFilter: `^https://foreign-${i}\\.invalid/`,
      isUrlFilterCaseSensitive: false,
      resourceTypes: ['main_frame'],
    },
  }));

describe('an update the browser refuses is found and recorded', () => {
  it('records the new profile as not blocked, and blocked again once it fits', async () => {
    const mine = rulesOf([A]).length + coverRules([A]).length;
    const dnr = limitedDnr(foreignRules(BROWSER_REGEX_RULES_MAX - mine));
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);

    const first = await sync([A]);
    expect(first.updateError).toBeNull();
    expect(blockedIn(checkOf(first, [A]), A.id)).toBe(true);

    // More profiles need more regex rules: the browser refuses the whole update. A's old
    // rule stays in force and still stops it, even though the new plan packs it with others.
    const more = [A, B, C, ...others];
    expect(rulesOf(more).length).toBeGreaterThan(mine);
    const second = await sync(more);
    expect(second.updateError).toBe('Dynamic rule count for regex rules exceeded.');
    expect(second.inForce.missing).toBeGreaterThan(0);
    const check = checkOf(second, more);
    expect(check.error).toBe('Dynamic rule count for regex rules exceeded.');
    for (const p of [B, C, ...others]) expect(blockedIn(check, p.id), p.id).toBe(false);
    expect(blockedIn(check, A.id)).toBe(true);

    // Room again (the foreign rules gone): the next update goes through and matches.
    dnr.remove(foreignRules(50).map((r) => r.id));
    const third = await sync(more);
    expect(third.updateError).toBeNull();
    expect(checkOf(third, more).unblocked).toEqual([]);
  });

  it('a rule removed behind its back is found by the next check, and put back', async () => {
    const dnr = limitedDnr();
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);
    const first = await sync([A, B, C]);
    const check = checkOf(first, [A, B, C]);
    const installed = await dnr.adapter.getDynamicRules();
    dnr.remove([installed[0]!.id]);
    const now = notBlockedNow(check, [A, B, C], await dnr.adapter.getDynamicRules());
    expect(now?.length).toBeGreaterThan(0);
    const again = await sync([A, B, C]);
    expect(again.added).toBe(1);
    expect(checkOf(again, [A, B, C]).unblocked).toEqual([]);
  });
});

/** session storage and storage.onChanged, enough for watchRuleCheck. */
function fakeStorage(initial?: unknown) {
  let value = initial;
  type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
  const listeners = new Set<Listener>();
  return {
    storage: {
      session: {
        get: () => Promise.resolve(value === undefined ? {} : { [RULE_CHECK_KEY]: value }),
      },
      onChanged: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
    },
    write(v: unknown) {
      value = v;
      for (const l of listeners) l({ [RULE_CHECK_KEY]: { newValue: v } }, 'session');
    },
    listening: () => listeners.size,
  };
}

describe('watchRuleCheck (the add form waits for the verdict on its list)', () => {
  const old = makeRuleCheck([A], none, 1);
  const next = { ...old, at: 2, list: listKey([A, B]), unblocked: [B.id] };
  type Storage = Parameters<typeof watchRuleCheck>[0];

  it('resolves to the record of its list, written after the save', async () => {
    const s = fakeStorage(old);
    const watch = watchRuleCheck(s.storage as unknown as Storage);
    const verdict = watch.forList(listKey([A, B]), 5000);
    await new Promise((r) => setTimeout(r, 5));
    s.write({ ...old, at: 3 }); // another list: not the answer
    s.write(next);
    await expect(verdict).resolves.toEqual(next);
    expect(s.listening()).toBe(0);
  });

  it('sees a record written before it asked (a quick background)', async () => {
    const s = fakeStorage(old);
    const watch = watchRuleCheck(s.storage as unknown as Storage);
    s.write(next);
    await expect(watch.forList(listKey([A, B]), 5000)).resolves.toEqual(next);
  });

  it('gives up with null when no check of its list comes', async () => {
    const s = fakeStorage(old);
    const watch = watchRuleCheck(s.storage as unknown as Storage);
    await expect(watch.forList(listKey([A, B]), 30)).resolves.toBeNull();
    expect(s.listening()).toBe(0);
  });
});
