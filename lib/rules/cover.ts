import { ASKED_DOMAINS, PLATFORM_DOMAINS } from '../profiles/hosts';
import { platformModule } from '../profiles/registry';
import type { Profile } from '../profiles/types';
import { PROFILE_PRIORITY } from './compile';
import type { DnrRule, ResourceType } from './dnr';
import { COVER_RULE_IDS } from './ids';
import { chunkSource, re2Size, REGEX_BUDGET, type KeyGroup } from './regex';

/*
 * The same refusal for unlisted profiles, so that other sites cannot tell which are listed.
 *
 * A listed profile's block rule makes a request for it fail at once. A request that a page
 * of another site makes for any other profile reaches the platform, and for some kinds of
 * request the page can see the difference: a no-cors fetch resolves (an opaque response)
 * for an unlisted profile and fails for a listed one, in both browsers, and so do
 * `<object>` (both browsers) and `<link rel=prefetch>` (Chromium). The rules here make
 * those requests fail for every address shaped like a profile of the platforms that have a
 * listed profile, when a page of another site makes them; the platforms' own pages are
 * left alone. What remains visible, and what this costs other sites, is in docs/privacy.md.
 *
 * Measured in Chromium 156 and Firefox ESR 153 from a page of another site, listed against
 * unlisted: images, scripts, stylesheets, fonts, media, WebSockets and beacons end the same
 * way for both already (the platform answers with a page, which fails as an image, a
 * script, ...), and only their timing differs; covering them would break other sites'
 * embeds (scripts such as instagram.com/embed.js live at addresses shaped like a profile).
 * A fetch in any mode and XMLHttpRequest share one type, so the cover takes all of them,
 * though a cors-mode request fails for both anyway (no CORS headers for other sites).
 */

/** The kinds of request whose outcome a page can see differ between a block and an answer. */
export const COVER_TYPES: ResourceType[] = ['xmlhttprequest', 'other', 'object'];

/** Any account key: one or more characters that end no path segment or query parameter. */
export const ANY_KEY = '[^/?#&]+';

/**
 * The platforms' programming-interface hosts, which the cover never refuses: other sites
 * call them from their pages (a login or share button, an embedded feed), and their paths
 * can look like a profile's (graph.facebook.com/v19.0/…). None of them shows a profile
 * page, and every request to a listed profile there is still refused by its own rules.
 */
export const COVER_EXEMPT_REQUEST_DOMAINS: readonly string[] = [
  'api.bsky.app',
  'api.linkedin.com',
  'api.pinterest.com',
  'api.reddit.com',
  'api.snapchat.com',
  'api.tiktok.com',
  'api.tumblr.com',
  'api.twitch.tv',
  'api.twitter.com',
  'api.x.com',
  'gql.reddit.com',
  'gql.twitch.tv',
  'graph.facebook.com',
  'graph.instagram.com',
  'graph.threads.net',
  'i.instagram.com',
  'kit.snapchat.com',
  'oauth.reddit.com',
  'open-api.tiktok.com',
  'public.api.bsky.app',
  'upload.x.com',
];

/**
 * The pages whose requests the cover leaves alone: every built-in platform's own, the
 * chat apps' whose access is asked for when a conversation is listed included.
 */
export const COVER_EXEMPT_DOMAINS: readonly string[] = [
  ...new Set([...PLATFORM_DOMAINS, ...ASKED_DOMAINS]),
].sort(compare);

/**
 * The address shapes of `profiles`: each head and tail of their patterns, with any key
 * in place of theirs, sorted and each once. Custom sites have none: their pattern's key is
 * the site itself, so "any key" would be every site. A platform's catch for encoded
 * spellings needs no cover: it refuses them whoever they name.
 */
export function coverShapes(
  profiles: readonly Pick<Profile, 'platform' | 'key'>[],
): readonly KeyGroup[] {
  const shapes = new Map<string, KeyGroup>();
  for (const p of profiles) {
    if (p.platform === 'custom') continue;
    const mod = platformModule(p.platform);
    if (!mod) continue;
    for (const pt of mod.patterns(p.key)) {
      // The catch for percent-encoded spellings already stops them for every account; a
      // fragment is never seen by the rules.
      if (pt.escaped || pt.fragment) continue;
      const k = JSON.stringify([pt.head, pt.tail]);
      if (!shapes.has(k)) shapes.set(k, { head: pt.head, tail: pt.tail, keys: [ANY_KEY] });
    }
  }
  return [...shapes.entries()].sort(([a], [b]) => compare(a, b)).map(([, g]) => g);
}

/** The shapes packed into as few regexes as the budget allows, in order. */
export function planCover(
  profiles: readonly Pick<Profile, 'platform' | 'key'>[],
  budget: number = REGEX_BUDGET,
): KeyGroup[][] {
  const packs: KeyGroup[][] = [];
  let cur: KeyGroup[] = [];
  for (const shape of coverShapes(profiles)) {
    const next = [...cur, shape];
    if (cur.length && re2Size(chunkSource(next, false), false) > budget) {
      packs.push(cur);
      cur = [shape];
    } else {
      cur = next;
    }
  }
  if (cur.length) packs.push(cur);
  return packs;
}

/** The regex of one pack (case-insensitive: any key in any case). */
export const coverRegex = (pack: readonly KeyGroup[]) => chunkSource(pack, false);

/** Builds the rules of `packs`, with consecutive IDs from the start of the cover range. */
export function packRules(packs: readonly (readonly KeyGroup[])[]): DnrRule[] {
  if (COVER_RULE_IDS.first + packs.length - 1 > COVER_RULE_IDS.last) {
    throw new Error(`${packs.length} rules do not fit in the reserved rule ID range`);
  }
  return packs.map((pack, i) => ({
    id: COVER_RULE_IDS.first + i,
    priority: PROFILE_PRIORITY,
    action: { type: 'block' },
    condition: {
      regexFilter: coverRegex(pack),
      isUrlFilterCaseSensitive: false,
      resourceTypes: COVER_TYPES,
      excludedInitiatorDomains: [...COVER_EXEMPT_DOMAINS],
      excludedRequestDomains: [...COVER_EXEMPT_REQUEST_DOMAINS],
    },
  }));
}

/** Profiles -> cover rules: a pure function of the set of profiles' platforms and forms. */
export function coverRules(
  profiles: readonly Pick<Profile, 'platform' | 'key'>[],
  budget?: number,
): DnrRule[] {
  return packRules(planCover(profiles, budget));
}

// Code-unit order, not localeCompare: the same on every machine and in every locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
