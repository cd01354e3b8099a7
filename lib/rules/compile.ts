import { platformModule } from '../profiles/registry';
import type { Profile } from '../profiles/types';
import type { DnrRule, ResourceType } from './dnr';
import { PROFILE_RULE_IDS } from './ids';
import { chunkSource, re2Size, REGEX_BUDGET, type KeyGroup } from './regex';

/**
 * Chrome's resource types other than main_frame. The profiles' block rule does not list
 * them (it excludes main_frame instead; see chunkRules), but "allow once" and the tests do.
 */
export const NON_MAIN_FRAME: ResourceType[] = [
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'other',
];

export const PROFILE_PRIORITY = 1;

/** Keys of one head and tail inside a chunk, with the profiles each key belongs to. */
export interface ChunkGroup extends KeyGroup {
  keys: string[];
  /** `owners[i]` are the ids of the profiles whose patterns include `keys[i]`. */
  owners: string[][];
}

/** What one regex covers: groups of keys that share a case-sensitivity. */
export interface Chunk {
  caseSensitive: boolean;
  groups: ChunkGroup[];
}

export interface CompileOptions {
  /** Full URL of the interstitial page, e.g. chrome-extension://<id>/interstitial.html */
  interstitialUrl: string;
  /** Estimated RE2 instructions allowed per regex; see REGEX_BUDGET. */
  budget?: number;
}

/** The regex of a chunk's redirect rule (runs to the end of the URL, for `\0`). */
export const redirectRegex = (c: Chunk) => chunkSource(c.groups, true);
/** The regex of a chunk's block rule. */
export const blockRegex = (c: Chunk) => chunkSource(c.groups, false);

/**
 * Profiles -> chunks, as few as the budget allows. Every pattern of every profile (but one
 * that reads the fragment, which network rules never see: see Pattern.fragment) is put
 * in the group of its head, tail and case-sensitivity (a key shared by two profiles, such
 * as a Messenger conversation and the Facebook profile of the same person, appears once);
 * groups and keys are sorted, so the result depends only on the set of profiles, and
 * consecutive keys are packed into a regex until the next one would exceed the budget.
 * Sorting also puts keys with a common beginning side by side, which RE2 factors.
 */
export function planChunks(
  profiles: readonly Pick<Profile, 'id' | 'platform' | 'key'>[],
  budget: number = REGEX_BUDGET,
): Chunk[] {
  const groups = new Map<
    string,
    { caseSensitive: boolean; head: string; tail: string; keys: Map<string, Set<string>> }
  >();
  for (const p of profiles) {
    const mod = platformModule(p.platform);
    if (!mod) continue;
    for (const pt of mod.patterns(p.key)) {
      // The browser never shows a rule the fragment; the page-side guard stops those.
      if (pt.fragment) continue;
      const gk = JSON.stringify([pt.caseSensitive, pt.head, pt.tail]);
      let g = groups.get(gk);
      if (!g) {
        g = { caseSensitive: pt.caseSensitive, head: pt.head, tail: pt.tail, keys: new Map() };
        groups.set(gk, g);
      }
      let owners = g.keys.get(pt.key);
      if (!owners) g.keys.set(pt.key, (owners = new Set()));
      owners.add(p.id);
    }
  }

  const chunks: Chunk[] = [];
  for (const caseSensitive of [false, true]) {
    let cur: ChunkGroup[] = [];
    const sorted = [...groups.entries()]
      .filter(([, g]) => g.caseSensitive === caseSensitive)
      .sort(([a], [b]) => compare(a, b));
    for (const [, g] of sorted) {
      for (const key of [...g.keys.keys()].sort(compare)) {
        const owners = [...(g.keys.get(key) ?? [])].sort(compare);
        const next = withKey(cur, g.head, g.tail, key, owners);
        if (cur.length && re2Size(chunkSource(next, true), caseSensitive) > budget) {
          chunks.push({ caseSensitive, groups: cur });
          cur = withKey([], g.head, g.tail, key, owners);
        } else {
          cur = next;
        }
      }
    }
    if (cur.length) chunks.push({ caseSensitive, groups: cur });
  }
  return chunks;
}

function withKey(
  groups: ChunkGroup[],
  head: string,
  tail: string,
  key: string,
  owners: string[],
): ChunkGroup[] {
  const last = groups[groups.length - 1];
  if (last && last.head === head && last.tail === tail) {
    return [
      ...groups.slice(0, -1),
      { ...last, keys: [...last.keys, key], owners: [...last.owners, owners] },
    ];
  }
  return [...groups, { head, tail, keys: [key], owners: [owners] }];
}

// Code-unit order, not localeCompare: the same on every machine and in every locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Halves a chunk of two or more keys (for a regex the browser refused); null for one key. */
export function splitChunk(c: Chunk): [Chunk, Chunk] | null {
  const flat = c.groups.flatMap((g) =>
    g.keys.map((key, i) => ({ head: g.head, tail: g.tail, key, owners: g.owners[i] ?? [] })),
  );
  if (flat.length < 2) return null;
  const half = Math.ceil(flat.length / 2);
  const build = (part: typeof flat): Chunk => ({
    caseSensitive: c.caseSensitive,
    groups: part.reduce<ChunkGroup[]>((gs, k) => withKey(gs, k.head, k.tail, k.key, k.owners), []),
  });
  return [build(flat.slice(0, half)), build(flat.slice(half))];
}

/** Rules chunkRules makes for each chunk, one after the other: the redirect, then the block. */
export const RULES_PER_CHUNK = 2;

/** The profiles a chunk's rules block, each once, sorted. */
export function chunkOwners(c: Chunk): string[] {
  return [...new Set(c.groups.flatMap((g) => g.owners.flat()))].sort(compare);
}

/**
 * Two rules per chunk, with consecutive IDs from the start of our range: a main_frame
 * redirect that hands the whole original URL to the interstitial after `#`, and a block
 * for every other resource type (a prefetch, a frame, an image or a fetch of the profile
 * would otherwise still reach the site).
 *
 * The block names the one type it leaves out rather than the types it covers: Firefox has
 * types Chrome does not (a beacon is not "ping" there), and with Chrome's list a beacon for
 * the profile, sent from any page, still reached the site in Firefox ESR 153.
 *
 * Only a block is possible for those requests: a redirect of a request a page makes needs
 * host access to that page's site as well (both browsers ignore the rule without it, and
 * Firefox then lets the request go rather than fall back to a lower block), and Chromium
 * hands a page whose request it redirected to an extension file a readable 200 response
 * that names the extension's address. What other sites can still tell from a block, and
 * what cover.ts does about it, is in docs/privacy.md.
 */
export function chunkRules(chunks: readonly Chunk[], interstitialUrl: string): DnrRule[] {
  const count = chunks.length * RULES_PER_CHUNK;
  if (PROFILE_RULE_IDS.first + count - 1 > PROFILE_RULE_IDS.last) {
    throw new Error(`${count} rules do not fit in the reserved rule ID range`);
  }
  let id = PROFILE_RULE_IDS.first;
  return chunks.flatMap((c): DnrRule[] => [
    {
      id: id++,
      priority: PROFILE_PRIORITY,
      action: { type: 'redirect', redirect: { regexSubstitution: `${interstitialUrl}#\\0` } },
      condition: {
        regexFilter: redirectRegex(c),
        isUrlFilterCaseSensitive: c.caseSensitive,
        resourceTypes: ['main_frame'],
      },
    },
    {
      id: id++,
      priority: PROFILE_PRIORITY,
      action: { type: 'block' },
      condition: {
        regexFilter: blockRegex(c),
        isUrlFilterCaseSensitive: c.caseSensitive,
        excludedResourceTypes: ['main_frame'],
      },
    },
  ]);
}

/** Profiles -> dynamic rules: a pure function of the set of profiles. */
export function compileRules(
  profiles: readonly Pick<Profile, 'id' | 'platform' | 'key'>[],
  opts: CompileOptions,
): DnrRule[] {
  return chunkRules(planChunks(profiles, opts.budget), opts.interstitialUrl);
}
