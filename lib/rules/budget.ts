import { BROWSER_DYNAMIC_RULES_MAX, PROFILE_REGEX_RULES_MAX } from '../limits';
import type { Profile } from '../profiles/types';
import { words, type Words } from '../words';
import { planChunks, RULES_PER_CHUNK } from './compile';
import { planCover } from './cover';

/*
 * How many of the browser's rules a list of profiles needs, and whether that fits.
 *
 * The figures in lib/limits.ts were read from the browsers themselves (Chromium 156,
 * Firefox ESR 153), from an extension page of a bare test extension: the
 * declarativeNetRequest constants, then 1000 regex rules added (accepted) and one more
 * (refused: Chromium "Dynamic rule count for regex rules exceeded.", Firefox "Number of
 * regexFilter rules in ruleset "_dynamic" exceeds MAX_NUMBER_OF_REGEX_RULES."). With 999
 * dynamic regex rules, Chromium refused a second session regex rule ("Session rule count
 * for regex rules exceeded."), and with 10 session regex rules it refused 1000 dynamic
 * ones: the two share one budget. Firefox took 1000 of each. Chromium's isRegexSupported
 * accepted a literal of at most 112 characters ("memoryLimitExceeded" beyond); Firefox's
 * accepted 200,000 characters. Every rule the compiler makes has a regexFilter, so the
 * regex rule count is the limit a list meets first, in both browsers.
 */

/** What a list of profiles needs of the browser's dynamic rules. */
export interface RuleNeeds {
  /** Dynamic rules in all. */
  rules: number;
  /** Of these, rules with a regexFilter (today every one). */
  regexRules: number;
}

type Listed = Pick<Profile, 'id' | 'platform' | 'key'>;

/**
 * The rules `profiles` compile to, without building them: two for each regex of the plan
 * (a redirect for pages, a block for everything else; see chunkRules), and the cover rules
 * for their platforms (a handful, however long the list; see cover.ts).
 */
export function ruleNeeds(profiles: readonly Listed[]): RuleNeeds {
  const rules = planChunks(profiles).length * RULES_PER_CHUNK + planCover(profiles).length;
  return { rules, regexRules: rules };
}

/** Whether the rules fit what both browsers allow, with room left for "allow once". */
export function fitsBrowser(needs: RuleNeeds): boolean {
  return needs.regexRules <= PROFILE_REGEX_RULES_MAX && needs.rules <= BROWSER_DYNAMIC_RULES_MAX;
}

/**
 * Why `profile` cannot join `list` (the add form and the first run ask before saving), or
 * null when the list with it still fits. A profile already listed changes nothing.
 */
export function profileLimitProblem(list: readonly Listed[], profile: Listed): Words | null {
  if (list.some((p) => p.id === profile.id)) return null;
  if (fitsBrowser(ruleNeeds([...list, profile]))) return null;
  return words('profileLimitReached', list.length);
}

/**
 * Why a whole list cannot be taken on (an import, before anything is applied), or null
 * when it fits.
 */
export function listLimitProblem(list: readonly Listed[]): Words | null {
  if (fitsBrowser(ruleNeeds(list))) return null;
  return words('importProfileLimit', list.length);
}
