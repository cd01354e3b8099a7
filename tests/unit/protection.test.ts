import { describe, expect, it, vi } from 'vitest';
import { recognise, recogniseCustom } from '@/lib/profiles';
import { PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';
import type { Profile } from '@/lib/profiles/types';
import {
  browserFamily,
  checkProtection,
  namesText,
  privateWindowSteps,
  requiredOrigins,
  weaknessText,
  type ProtectionApi,
} from '@/lib/protection';
import { compileRules } from '@/lib/rules/compile';
import type { DnrRule } from '@/lib/rules/dnr';
import { makeRuleCheck, wantedRule } from '@/lib/rules/rule-check';

function listed(address: string): Profile {
  const r = recognise(address);
  if (!r.ok) throw new Error(`fixture ${address}`);
  return { ...r.profile, mode: 'block', addedAt: 1 };
}

function custom(address: string): Profile {
  const r = recogniseCustom(address, 'site');
  if (!r.ok) throw new Error(`fixture ${address}`);
  return { ...r.profile, mode: 'block', addedAt: 1 };
}

const allGood = (): ProtectionApi => ({
  isAllowedIncognitoAccess: () => Promise.resolve(true),
  containsPermissions: () => Promise.resolve(true),
});

describe('checkProtection', () => {
  const ig = listed('https://www.instagram.com/jamie.doe/');

  it('finds nothing when everything is in place', async () => {
    expect(await checkProtection([ig], allGood(), 'chrome')).toEqual([]);
  });

  it('says when no profile is listed', async () => {
    expect(await checkProtection([], allGood(), 'chrome')).toEqual([{ kind: 'no-profiles' }]);
  });

  it('says when private windows are not covered, for this browser', async () => {
    const api = { ...allGood(), isAllowedIncognitoAccess: () => Promise.resolve(false) };
    expect(await checkProtection([ig], api, 'firefox')).toEqual([
      { kind: 'private-windows', family: 'firefox' },
    ]);
  });

  it('asks about every platform host and each custom site, and says when access is missing', async () => {
    const site = custom('https://blog.example.org/');
    const contains = vi.fn((p: { origins: string[] }) =>
      Promise.resolve(!p.origins.some((o) => o.includes('example.org'))),
    );
    const found = await checkProtection(
      [ig, site],
      { ...allGood(), containsPermissions: contains },
      'chrome',
    );
    const asked = contains.mock.calls[0]![0].origins;
    expect(asked).toEqual(expect.arrayContaining(PLATFORM_HOST_PATTERNS));
    expect(asked).toEqual(expect.arrayContaining(['*://blog.example.org/*']));
    expect(found).toEqual([{ kind: 'host-access', origins: asked }]);
    expect(requiredOrigins([ig])).toEqual(PLATFORM_HOST_PATTERNS);
  });

  it('raises no alarm when the browser cannot answer', async () => {
    const api: ProtectionApi = {
      isAllowedIncognitoAccess: () => Promise.reject(new Error('no such API')),
      containsPermissions: () => Promise.reject(new Error('no such API')),
    };
    expect(await checkProtection([ig], api, 'chrome')).toEqual([]);
    expect(
      await checkProtection([ig], { containsPermissions: () => Promise.resolve(true) }, 'chrome'),
    ).toEqual([]);
  });

  it('reports several weaknesses at once, in a steady order', async () => {
    const api: ProtectionApi = {
      isAllowedIncognitoAccess: () => Promise.resolve(false),
      containsPermissions: () => Promise.resolve(false),
    };
    const kinds = (await checkProtection([], api, 'edge')).map((w) => w.kind);
    expect(kinds).toEqual(['no-profiles', 'private-windows', 'host-access']);
  });
});

describe('rules not in force: some listed profiles open', () => {
  const ig = listed('https://www.instagram.com/jamie.doe/');
  const x = listed('https://x.com/jamie');
  const profiles = [ig, x];
  // One regex for each profile (a small budget), so each profile's rules can go alone.
  const rules = compileRules(profiles, {
    interstitialUrl: 'chrome-extension://id/interstitial.html',
    budget: 60,
  });
  const ownerOf = (r: DnrRule) => (r.condition.regexFilter.includes('jamie\\.doe') ? ig : x);
  const recorded = makeRuleCheck(
    profiles,
    {
      wanted: rules.map((r) => wantedRule(r, [ownerOf(r).id])),
      refusedIds: [],
      rulesInForce: rules,
      error: null,
    },
    1,
  );
  const withRules = (inForce: DnrRule[], rec: unknown = recorded): ProtectionApi => ({
    ...allGood(),
    ruleCheck: () => Promise.resolve({ recorded: rec, inForce }),
  });

  it('finds nothing while every rule the list needs is in force', async () => {
    // Two profiles: each its own redirect and block, and each platform's catch for encoded
    // spellings its redirect and block too.
    expect(rules).toHaveLength(8);
    expect(await checkProtection(profiles, withRules(rules), 'chrome')).toEqual([]);
  });

  it('names the profiles whose rules are missing, first of all warnings', async () => {
    const api: ProtectionApi = {
      ...withRules(rules.filter((r) => ownerOf(r) !== x)),
      isAllowedIncognitoAccess: () => Promise.resolve(false),
    };
    expect(await checkProtection(profiles, api, 'chrome')).toEqual([
      { kind: 'not-blocked', profileIds: [x.id], names: ['X · @jamie'] },
      { kind: 'private-windows', family: 'chrome' },
    ]);
  });

  it('makes no claim before the background has checked this list, or when it cannot ask', async () => {
    expect(await checkProtection(profiles, withRules([], null), 'chrome')).toEqual([]);
    const other = makeRuleCheck(
      [ig],
      { ...recorded, wanted: [], refusedIds: [], rulesInForce: [] },
      1,
    );
    expect(await checkProtection(profiles, withRules([], other), 'chrome')).toEqual([]);
    const failing: ProtectionApi = {
      ...allGood(),
      ruleCheck: () => Promise.reject(new Error('no session storage')),
    };
    expect(await checkProtection(profiles, failing, 'chrome')).toEqual([]);
  });

  it('says it in plain words, with a few names and how many more', () => {
    const text = weaknessText({
      kind: 'not-blocked',
      profileIds: [x.id],
      names: ['X · @jamie'],
    });
    expect(text.title).toBe('Some listed profiles are not blocked right now');
    expect(text.body).toContain('Not blocked: X · @jamie.');
    expect(text.body).toContain('remove profiles you no longer need');
    expect(namesText(['a', 'b', 'c'])).toBe('a, b, c');
    expect(namesText(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
  });
});

describe('the words', () => {
  it("names each browser's own switch for private windows", () => {
    expect(privateWindowSteps('chrome')).toContain('"Allow in Incognito"');
    expect(privateWindowSteps('chrome')).toContain('Manage extension');
    expect(privateWindowSteps('edge')).toContain('"Allow in InPrivate"');
    expect(privateWindowSteps('firefox')).toContain('about:addons');
    expect(privateWindowSteps('firefox')).toContain('"Run in Private Windows"');
    expect(weaknessText({ kind: 'private-windows', family: 'firefox' }).body).toContain(
      'Run in Private Windows',
    );
  });

  it('tells Edge from Chrome by its user agent, and Firefox by the build', () => {
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
    expect(browserFamily(false, chrome)).toBe('chrome');
    expect(browserFamily(false, `${chrome} Edg/156.0.0.0`)).toBe('edge');
    expect(browserFamily(true, chrome)).toBe('firefox');
  });
});
