import { describe, expect, it } from 'vitest';
import type { Profile } from '@/lib/profiles/types';
import { compileRules } from '@/lib/rules/compile';
import { coverRegex, coverRules, planCover } from '@/lib/rules/cover';
import type { DnrRule, DynamicRules } from '@/lib/rules/dnr';
import { COVER_RULE_IDS, inRange, PROFILE_RULE_IDS } from '@/lib/rules/ids';
import { createRuleSync } from '@/lib/rules/reconcile';
import { evaluate } from '../helpers/dnr-eval';
import { INTERSTITIAL, listed } from '../profiles/fixtures';

/**
 * A stand-in for chrome.declarativeNetRequest's dynamic rules that behaves like Chrome
 * where it matters: an update is atomic, removals happen before additions, and adding an
 * ID that is still present rejects the whole update.
 */
function fakeDnr(
  opts: {
    initial?: DnrRule[];
    supports?: (regex: string) => boolean | 'throw';
    slow?: boolean;
  } = {},
) {
  let rules: DnrRule[] = [...(opts.initial ?? [])];
  const calls = { update: 0, check: 0, checked: [] as string[] };
  const tick = () => new Promise((r) => setTimeout(r, opts.slow ? 5 : 0));
  const adapter: DynamicRules = {
    async getDynamicRules() {
      await tick();
      return rules.map((r) => structuredClone(r));
    },
    async updateDynamicRules({ removeRuleIds = [], addRules = [] }) {
      await tick();
      calls.update++;
      const kept = rules.filter((r) => !removeRuleIds.includes(r.id));
      const ids = new Set(kept.map((r) => r.id));
      for (const r of addRules) {
        if (ids.has(r.id)) throw new Error(`Rule with id ${r.id} does not have a unique ID.`);
        ids.add(r.id);
      }
      rules = [...kept, ...addRules.map((r) => structuredClone(r))];
    },
  };
  if (opts.supports) {
    const supports = opts.supports;
    adapter.isRegexSupported = async ({ regex }) => {
      await tick();
      calls.check++;
      calls.checked.push(regex);
      const verdict = supports(regex);
      if (verdict === 'throw') throw new Error('not available');
      return verdict
        ? { isSupported: true }
        : { isSupported: false, reason: 'memoryLimitExceeded' };
    };
  }
  return { adapter, calls, rules: () => rules };
}

const A = listed('https://www.instagram.com/jamie.doe/');
const B = listed('https://x.com/jamie');
const C = listed('https://www.tiktok.com/@jamie.doe');
const FOREIGN: DnrRule[] = [
  {
    id: 5,
    priority: 1,
    action: { type: 'block' },
    condition: { regexFilter: 'ads', isUrlFilterCaseSensitive: false, resourceTypes: ['script'] },
  },
  {
    id: PROFILE_RULE_IDS.last + 1,
    priority: 1,
    action: { type: 'block' },
    condition: { regexFilter: 'other', isUrlFilterCaseSensitive: false, resourceTypes: ['image'] },
  },
];

/** The profiles' rules and the cover rules, as the reconciler should install them. */
const expected = (profiles: Profile[]) => [
  ...compileRules(profiles, { interstitialUrl: INTERSTITIAL }),
  ...coverRules(profiles),
];
const owned = (rules: DnrRule[]) =>
  rules
    .filter((r) => inRange(PROFILE_RULE_IDS, r.id) || inRange(COVER_RULE_IDS, r.id))
    .sort((a, b) => a.id - b.id);

const names = (profiles: Profile[]) => profiles.map((p) => p.key);

describe('createRuleSync', () => {
  it('adds every rule on the first sync, in one update', async () => {
    const dnr = fakeDnr({ initial: FOREIGN });
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);
    const res = await sync([A, B]);
    expect(dnr.calls.update).toBe(1);
    expect(res).toMatchObject({
      added: expected([A, B]).length,
      removed: 0,
      refused: [],
      updateError: null,
      inForce: { unblocked: [], missing: 0, extra: 0 },
    });
    expect(owned(dnr.rules())).toEqual(expected([A, B]));
  });

  it('makes no call when the rules are already right', async () => {
    const dnr = fakeDnr({ supports: () => true });
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);
    await sync([A, B]);
    const checks = dnr.calls.check;
    const res = await sync([B, A]);
    expect(res).toMatchObject({ added: 0, removed: 0, refused: [], updateError: null });
    expect(dnr.calls.update).toBe(1);
    // Installed regexes are known to be accepted; they are not asked about again.
    expect(dnr.calls.check).toBe(checks);
  });

  it('removes only rules in its own ID range', async () => {
    const dnr = fakeDnr({ initial: FOREIGN });
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);
    await sync([A, B, C]);
    await sync([A]);
    expect(owned(dnr.rules())).toEqual(expected([A]));
    expect(dnr.rules().filter((r) => FOREIGN.some((f) => f.id === r.id))).toEqual(FOREIGN);
    await sync([]);
    expect(dnr.rules()).toEqual(FOREIGN);
  });

  it('serialises overlapping syncs, so no ID is ever added twice', async () => {
    const dnr = fakeDnr({ initial: FOREIGN, slow: true, supports: () => true });
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);
    const all = await Promise.all([sync([A]), sync([A, B]), sync([C]), sync([A, B, C])]);
    expect(all.every((r) => r.refused.length === 0)).toBe(true);
    expect(owned(dnr.rules())).toEqual(expected([A, B, C]));
  });

  it('reports a refused update with what is missing, and goes on after it', async () => {
    const dnr = fakeDnr();
    let fail = true;
    const update = dnr.adapter.updateDynamicRules.bind(dnr.adapter);
    dnr.adapter.updateDynamicRules = async (u) => {
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
      await update(u);
    };
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);
    const first = sync([A]);
    const second = sync([A, B]);
    await expect(first).resolves.toMatchObject({
      added: 0,
      removed: 0,
      updateError: 'quota',
      inForce: { unblocked: [A.id], missing: expected([A]).length, extra: 0 },
    });
    await expect(second).resolves.toMatchObject({
      refused: [],
      updateError: null,
      inForce: { unblocked: [], missing: 0 },
    });
    expect(owned(dnr.rules())).toEqual(expected([A, B]));
  });

  it('splits a regex the browser refuses until the parts are accepted', async () => {
    const many = ['ana', 'ben', 'cai', 'dan', 'eve'].map((h) => listed(`https://x.com/${h}`));
    const dnr = fakeDnr({
      supports: (re) => names(many).filter((n) => re.includes(n)).length <= 2,
    });
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);
    const res = await sync(many);
    expect(res.refused).toEqual([]);
    // The plan put more than two of them in one regex, which had to be split.
    expect(
      dnr.calls.checked.some((re) => names(many).filter((n) => re.includes(n)).length > 2),
    ).toBe(true);
    const installed = dnr.rules();
    expect(installed.length).toBeGreaterThan(expected(many).length);
    expect(new Set(installed.map((r) => r.id)).size).toBe(installed.length);
    for (const p of many) {
      const out = evaluate(installed, {
        url: `https://twitter.com/${p.key}/status/1`,
        type: 'main_frame',
      });
      expect(out.action, p.id).toBe('redirect');
      expect(evaluate(installed, { url: p.url, type: 'image' }).action).toBe('block');
    }
    expect(evaluate(installed, { url: 'https://x.com/anab', type: 'main_frame' }).action).toBe(
      'none',
    );
  });

  it('reports a pattern refused even alone, and installs the rest', async () => {
    const dnr = fakeDnr({ supports: (re) => !re.includes('jamie\\.doe') });
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);
    const res = await sync([A, B, C]);
    expect(
      res.refused
        .map((r) => r.profileIds)
        .flat()
        .sort(),
    ).toEqual([A.id, C.id]);
    for (const r of res.refused) {
      expect(r.reason).toBe('memoryLimitExceeded');
      expect(r.regex).toContain('jamie\\.doe');
    }
    const installed = dnr.rules();
    expect(evaluate(installed, { url: B.url, type: 'main_frame' }).action).toBe('redirect');
    expect(evaluate(installed, { url: A.url, type: 'main_frame' }).action).toBe('none');
  });

  it('installs as compiled when the browser cannot answer', async () => {
    const dnr = fakeDnr({ supports: () => 'throw' });
    const sync = createRuleSync(dnr.adapter, INTERSTITIAL);
    await expect(sync([A, B])).resolves.toMatchObject({ refused: [] });
    expect(owned(dnr.rules())).toEqual(expected([A, B]));
  });

  it('asks about the redirect regex, which needs capturing, and each cover regex', async () => {
    const dnr = fakeDnr({ supports: () => true });
    const seen: unknown[] = [];
    const check = dnr.adapter.isRegexSupported!.bind(dnr.adapter);
    dnr.adapter.isRegexSupported = (o) => {
      seen.push(o);
      return check(o);
    };
    await createRuleSync(dnr.adapter, INTERSTITIAL)([A]);
    const redirects = compileRules([A], { interstitialUrl: INTERSTITIAL }).filter(
      (r) => r.action.type === 'redirect',
    );
    expect(seen).toEqual([
      ...redirects.map((r) => ({
        regex: r.condition.regexFilter,
        isCaseSensitive: r.condition.isUrlFilterCaseSensitive,
        requireCapturing: true,
      })),
      ...planCover([A]).map((pack) => ({
        regex: coverRegex(pack),
        isCaseSensitive: false,
        requireCapturing: false,
      })),
    ]);
  });

  it('leaves out a cover regex the browser refuses, and still blocks every profile', async () => {
    const cover = new Set(planCover([A, B]).map(coverRegex));
    const refused = [...cover][0]!;
    const dnr = fakeDnr({ supports: (re) => re !== refused });
    const res = await createRuleSync(dnr.adapter, INTERSTITIAL)([A, B]);
    expect(res.refused).toEqual([]);
    expect(res.inForce).toEqual({ unblocked: [], missing: 0, extra: 0 });
    const installed = dnr.rules();
    expect(installed.map((r) => r.condition.regexFilter)).not.toContain(refused);
    expect(installed.filter((r) => inRange(COVER_RULE_IDS, r.id))).toHaveLength(cover.size - 1);
    for (const p of [A, B]) {
      expect(evaluate(installed, { url: p.url, type: 'main_frame' }).action).toBe('redirect');
      expect(evaluate(installed, { url: p.url, type: 'xmlhttprequest' }).action).toBe('block');
    }
  });
});
