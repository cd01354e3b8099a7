import { describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { setupRuleSync } from '@/entrypoints/background/rules-sync';
import { BROWSER_REGEX_RULES_MAX } from '@/lib/limits';
import type { Profile } from '@/lib/profiles/types';
import type { DnrRule, RuleUpdate } from '@/lib/rules/dnr';
import { listKey, parseRuleCheck, RULE_CHECK_KEY, type RuleCheck } from '@/lib/rules/rule-check';
import { defaultSettings, SETTINGS_KEY } from '@/lib/settings';
import { listed } from '../profiles/fixtures';

type Listener = (...args: never[]) => void;

/** The background APIs rules-sync uses, in memory; DNR holds 1000 regex rules, as both browsers. */
function stub() {
  const data = { local: {} as Record<string, unknown>, session: {} as Record<string, unknown> };
  const changed = new Set<(c: Record<string, { newValue?: unknown }>, area: string) => void>();
  let rules: DnrRule[] = [];
  const area = (name: 'local' | 'session') => ({
    get: (key: string) =>
      Promise.resolve(key in data[name] ? { [key]: structuredClone(data[name][key]) } : {}),
    set: (items: Record<string, unknown>) => {
      data[name] = { ...data[name], ...structuredClone(items) };
      const changes = Object.fromEntries(
        Object.entries(items).map(([k, v]) => [k, { newValue: structuredClone(v) }]),
      );
      for (const l of changed) l(changes, name);
      return Promise.resolve();
    },
  });
  const event = () => ({ addListener: (_l: Listener) => undefined });
  const api = {
    storage: {
      local: area('local'),
      session: area('session'),
      onChanged: { addListener: (l: Parameters<(typeof changed)['add']>[0]) => changed.add(l) },
    },
    permissions: { onAdded: event(), onRemoved: event(), contains: () => Promise.resolve(true) },
    runtime: {
      getURL: (p: string) => `chrome-extension://id${p}`,
      onInstalled: event(),
      onStartup: event(),
    },
    scripting: { getRegisteredContentScripts: () => Promise.resolve([]) },
    declarativeNetRequest: {
      getDynamicRules: () => Promise.resolve(structuredClone(rules)),
      updateDynamicRules: ({ removeRuleIds = [], addRules = [] }: RuleUpdate) => {
        const next = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
        if (next.length > BROWSER_REGEX_RULES_MAX) {
          return Promise.reject(new Error('Dynamic rule count for regex rules exceeded.'));
        }
        rules = next;
        return Promise.resolve();
      },
    },
  };
  return {
    browser: api as unknown as WxtBrowser,
    setProfiles: (profiles: Profile[]) =>
      api.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), profiles } }),
    record: () => parseRuleCheck(data.session[RULE_CHECK_KEY]),
    fill: (n: number) => {
      rules = [
        ...rules,
        ...Array.from({ length: n }, (_, i) => ({
          id: i + 1,
          priority: 1,
          action: { type: 'block' as const },
          condition: {
            regexFilter: `^https://foreign-${i}\\.invalid/`,
            isUrlFilterCaseSensitive: false,
            resourceTypes: ['main_frame' as const],
          },
        })),
      ];
    },
    ruleCount: () => rules.length,
  };
}

async function recordFor(s: ReturnType<typeof stub>, profiles: Profile[]): Promise<RuleCheck> {
  await vi.waitFor(() => expect(s.record()?.list).toBe(listKey(profiles)));
  return s.record()!;
}

const A = listed('https://www.instagram.com/jamie.doe/');
const B = listed('https://x.com/jamie');
/** Enough profiles beside A that they need more rules than A alone. */
const MORE = [
  B,
  ...['ana', 'ben', 'cai', 'dan', 'eve', 'fay'].map((n) =>
    listed(`https://www.tiktok.com/@${n}.smith.${n}`),
  ),
];

describe('setupRuleSync records what is in force after each update', () => {
  it('records a list fully blocked', async () => {
    const s = stub();
    setupRuleSync(s.browser);
    await s.setProfiles([A, B]);
    const check = await recordFor(s, [A, B]);
    expect(check).toMatchObject({ unblocked: [], refused: [], error: null });
    expect(check.rules.length).toBe(s.ruleCount());
  });

  it('records a refused update and the profile it leaves open, then clears it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const s = stub();
    setupRuleSync(s.browser);
    await s.setProfiles([A]);
    await recordFor(s, [A]);
    s.fill(BROWSER_REGEX_RULES_MAX - s.ruleCount());

    await s.setProfiles([A, ...MORE]);
    const refused = await recordFor(s, [A, ...MORE]);
    expect(refused.error).toBe('Dynamic rule count for regex rules exceeded.');
    expect(refused.unblocked).toEqual(MORE.map((p) => p.id).sort());
    expect(errors).toHaveBeenCalledWith(
      'No Contact: the browser refused the blocking rules:',
      'Dynamic rule count for regex rules exceeded.',
    );

    // A profile removed makes room (as removing profiles one no longer needs would): one
    // of A's platform, whose rules take the place A's had.
    const D = listed('https://www.instagram.com/sam.roe/');
    await s.setProfiles([D]);
    expect((await recordFor(s, [D])).unblocked).toEqual([]);
  });
});
