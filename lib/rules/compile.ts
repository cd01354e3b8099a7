import { platformModule } from '../profiles';
import type { Profile } from '../profiles/types';

/** The subset of chrome.declarativeNetRequest.Rule this extension writes. */
export interface DnrRule {
  id: number;
  priority: number;
  action:
    | { type: 'block' }
    | { type: 'allow' }
    | { type: 'redirect'; redirect: { regexSubstitution: string } };
  condition: {
    regexFilter: string;
    isUrlFilterCaseSensitive: boolean;
    resourceTypes: ResourceType[];
    tabIds?: number[];
  };
}

export type ResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'other';

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

/** Dynamic rule IDs this extension owns; anything outside is never touched. */
export const PROFILE_RULE_IDS = { first: 1000, last: 19999 } as const;
/** Session rule IDs for "allow once". */
export const ALLOW_RULE_IDS = { first: 20000, last: 29999 } as const;

/** Upper bound on one combined regex's source length, well inside RE2's memory limit. */
export const MAX_REGEX_SOURCE = 900;

export interface CompileOptions {
  /** Full URL of the interstitial page, e.g. chrome-extension://<id>/interstitial.html */
  interstitialUrl: string;
  maxRegexSource?: number;
}

/**
 * Profiles -> dynamic rules. Profiles with the same case-sensitivity share combined
 * regexes (chunked by length) so that 500 profiles use a small part of Chrome's regex-rule
 * budget. Each chunk becomes two rules: a main_frame redirect that hands the whole
 * original URL to the interstitial, and a block for every other resource type (prefetch,
 * images, frames, fetch and beacons to the profile would otherwise go out).
 */
export function compileRules(profiles: readonly Profile[], opts: CompileOptions): DnrRule[] {
  const max = opts.maxRegexSource ?? MAX_REGEX_SOURCE;
  const groups = new Map<boolean, string[]>();
  for (const p of [...profiles].sort((a, b) => a.id.localeCompare(b.id))) {
    const mod = platformModule(p.platform);
    if (!mod) continue;
    const list = groups.get(mod.caseSensitive) ?? [];
    list.push(...mod.patterns(p.key));
    groups.set(mod.caseSensitive, list);
  }
  const rules: DnrRule[] = [];
  let id = PROFILE_RULE_IDS.first;
  for (const [caseSensitive, patterns] of [...groups.entries()].sort()) {
    for (const chunk of chunkPatterns(patterns, max)) {
      const regexFilter = `(?:${chunk.join('|')}).*`;
      rules.push({
        id: id++,
        priority: 1,
        action: {
          type: 'redirect',
          redirect: { regexSubstitution: `${opts.interstitialUrl}#\\0` },
        },
        condition: {
          regexFilter,
          isUrlFilterCaseSensitive: caseSensitive,
          resourceTypes: ['main_frame'],
        },
      });
      rules.push({
        id: id++,
        priority: 1,
        action: { type: 'block' },
        condition: {
          regexFilter,
          isUrlFilterCaseSensitive: caseSensitive,
          resourceTypes: NON_MAIN_FRAME,
        },
      });
    }
  }
  return rules;
}

export function chunkPatterns(patterns: readonly string[], max: number): string[][] {
  const chunks: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const p of patterns) {
    if (cur.length && len + p.length + 1 > max) {
      chunks.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(p);
    len += p.length + 1;
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}
