import type { WxtBrowser as Browser } from 'wxt/browser';
import type { Profile } from '../profiles/types';
import type { DnrRule } from './dnr';
import { dnrOf } from './dnr';
import { COVER_RULE_IDS, inRange, PROFILE_RULE_IDS } from './ids';

/*
 * Are the rules in force the rules the list needs? The background checks after every
 * update of the rules (entrypoints/background/rules-sync.ts, the only writer of the record
 * below); the options page and the popup read the record and compare it with the rules in
 * force when they open, so a rule that went missing without an update is found too. The
 * add form waits for the record of the list it saved before it says what is blocked.
 */

/** storage.session: the background's last check of the rules in force (a RuleCheck). */
export const RULE_CHECK_KEY = 'rules.check';

/**
 * A rule's meaning as text, for telling whether two rules are the same. The browsers give
 * rules back in their own shape: Chromium 156 sorts the keys of every object, Firefox ESR
 * 153 adds every field it knows with the value null (urlFilter, tabIds, ...). So rules are
 * compared by the fields this extension writes, never by their JSON.
 */
export function ruleKey(r: DnrRule): string {
  const c = r.condition;
  const action = r.action as { type: string; redirect?: { regexSubstitution?: string } | null };
  return JSON.stringify([
    r.id,
    r.priority ?? 1,
    action.type,
    action.redirect?.regexSubstitution ?? null,
    c.regexFilter ?? null,
    c.isUrlFilterCaseSensitive === true,
    [...(c.resourceTypes ?? [])].sort(),
    [...(c.excludedResourceTypes ?? [])].sort(),
    [...(c.excludedInitiatorDomains ?? [])].sort(),
    c.tabIds ? [...c.tabIds].sort((a, b) => a - b) : null,
  ]);
}

/** Whether a rule is one this file checks: a profile's rule or a cover rule. */
const checked = (r: DnrRule) => inRange(PROFILE_RULE_IDS, r.id) || inRange(COVER_RULE_IDS, r.id);

/** A short, stable digest of `text` (cyrb53: 53 bits, in base 36). Not for secrets. */
export function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Which list a check was made for: the same set of profiles gives the same text. */
export function listKey(profiles: readonly Pick<Profile, 'id'>[]): string {
  const ids = profiles.map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${ids.length}:${digest(ids.join('\n'))}`;
}

/** A rule the list needs: the digest of its ruleKey, and the profiles it blocks. */
export interface WantedRule {
  h: string;
  p: string[];
}

export const wantedRule = (rule: DnrRule, owners: readonly string[]): WantedRule => ({
  h: digest(ruleKey(rule)),
  p: [...owners],
});

/** How the rules in force differ from the rules wanted. */
export interface InForce {
  /** Profiles with a wanted rule missing (or changed), so not fully blocked. Sorted. */
  unblocked: string[];
  /** Wanted rules not in force. */
  missing: number;
  /** Rules in force in the profiles' and the cover's ranges that are not wanted. */
  extra: number;
}

/** Compares the wanted rules with `inForce` (every dynamic rule; others' ranges ignored). */
export function compareRules(wanted: readonly WantedRule[], inForce: readonly DnrRule[]): InForce {
  const have = new Set(inForce.filter(checked).map((r) => digest(ruleKey(r))));
  const want = new Set(wanted.map((w) => w.h));
  const unblocked = new Set<string>();
  let missing = 0;
  for (const w of wanted) {
    if (have.has(w.h)) continue;
    missing++;
    for (const id of w.p) unblocked.add(id);
  }
  const extra = [...have].filter((h) => !want.has(h)).length;
  return { unblocked: [...unblocked].sort(), missing, extra };
}

/**
 * Of `candidates` (profiles with a wanted rule missing), those the rules in force do not
 * stop after all. When the browser refuses an update it keeps the rules it had, and those
 * may still stop a profile listed before, packed with other profiles into a regex of the
 * old plan: such a profile is blocked, and saying otherwise would be a false alarm. It
 * counts as stopped when a redirect rule in force matches its address (the page) and a
 * block rule does too (everything else); cover rules, in a range of their own, do not
 * count, since they stop only some requests, and only other sites'. The old plan covered
 * every address form of the profiles it was made for, so its canonical address stands for
 * them all. Our regexes use only syntax that means the same in RE2 and in JavaScript (see
 * re2Size).
 */
export function stillOpen(
  candidates: readonly string[],
  profiles: readonly Pick<Profile, 'id' | 'url'>[],
  inForce: readonly DnrRule[],
): string[] {
  if (!candidates.length) return [];
  const tests = inForce
    .filter((r) => inRange(PROFILE_RULE_IDS, r.id) && typeof r.condition.regexFilter === 'string')
    .flatMap((r) => {
      try {
        const re = new RegExp(
          r.condition.regexFilter,
          r.condition.isUrlFilterCaseSensitive ? '' : 'i',
        );
        return [
          {
            type: r.action.type,
            page: (r.condition.resourceTypes ?? []).includes('main_frame'),
            re,
          },
        ];
      } catch {
        return [];
      }
    });
  const urls = new Map(profiles.map((p) => [p.id, p.url]));
  return candidates.filter((id) => {
    const url = urls.get(id);
    if (!url) return true;
    const page = tests.some((t) => t.type === 'redirect' && t.page && t.re.test(url));
    const rest = tests.some((t) => t.type === 'block' && t.re.test(url));
    return !(page && rest);
  });
}

/** The background's record of its last check. */
export interface RuleCheck {
  v: 1;
  /** When it was made, epoch milliseconds. */
  at: number;
  /** listKey() of the profiles the rules were made for. */
  list: string;
  /** Every rule the list needs, as the background asked the browser for them. */
  rules: WantedRule[];
  /** Profiles with a pattern the browser refused even alone: no rule can block them. */
  refused: string[];
  /** Profiles not fully blocked when the check was made (refused, or rules missing). */
  unblocked: string[];
  /** The browser's own words when it refused the update (for the console; not shown). */
  error: string | null;
}

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A stored record, checked (session storage is readable by more than the background). */
export function parseRuleCheck(v: unknown): RuleCheck | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.v !== 1 || typeof o.at !== 'number' || typeof o.list !== 'string') return null;
  if (!isStrings(o.refused) || !isStrings(o.unblocked)) return null;
  if (o.error !== null && typeof o.error !== 'string') return null;
  if (!Array.isArray(o.rules)) return null;
  const rules: WantedRule[] = [];
  for (const r of o.rules as unknown[]) {
    if (typeof r !== 'object' || r === null) return null;
    const w = r as Record<string, unknown>;
    if (typeof w.h !== 'string' || !isStrings(w.p)) return null;
    rules.push({ h: w.h, p: [...w.p] });
  }
  return {
    v: 1,
    at: o.at,
    list: o.list,
    rules,
    refused: [...o.refused],
    unblocked: [...o.unblocked],
    error: o.error,
  };
}

/** The record of one check: the rules wanted, and which profiles the rules in force leave open. */
export function makeRuleCheck(
  profiles: readonly Pick<Profile, 'id' | 'url'>[],
  result: {
    wanted: WantedRule[];
    refusedIds: string[];
    rulesInForce: readonly DnrRule[];
    error: string | null;
  },
  at: number,
): RuleCheck {
  const refused = [...new Set(result.refusedIds)].sort();
  const missing = compareRules(result.wanted, result.rulesInForce).unblocked;
  const open = stillOpen(missing, profiles, result.rulesInForce);
  return {
    v: 1,
    at,
    list: listKey(profiles),
    rules: result.wanted,
    refused,
    unblocked: [...new Set([...refused, ...open])].sort(),
    error: result.error,
  };
}

/** Whether the check found `profileId` blocked. */
export const blockedIn = (check: RuleCheck, profileId: string): boolean =>
  !check.unblocked.includes(profileId);

/**
 * The listed profiles not blocked right now: the record's refused patterns, plus every
 * profile whose rule the record wants but `inForce` lacks (and no rule in force stops
 * still; see stillOpen). Null when the record is missing
 * or was made for another list (the background has not checked this one yet): no claim
 * either way rather than a false alarm.
 */
export function notBlockedNow(
  recorded: unknown,
  profiles: readonly Pick<Profile, 'id' | 'url'>[],
  inForce: readonly DnrRule[],
): string[] | null {
  const check = parseRuleCheck(recorded);
  if (!check || check.list !== listKey(profiles)) return null;
  const listed = new Set(profiles.map((p) => p.id));
  const open = stillOpen(compareRules(check.rules, inForce).unblocked, profiles, inForce);
  const now = new Set([...check.refused, ...open]);
  return [...now].filter((id) => listed.has(id)).sort();
}

type Storage = Pick<Browser['storage'], 'session' | 'onChanged'>;

/** Whether a storage change touches the record. */
export const isRuleCheckChange = (changes: Record<string, unknown>, area: string): boolean =>
  area === 'session' && RULE_CHECK_KEY in changes;

/** The record and the rules in force, read for notBlockedNow (pages). */
export async function readRuleCheck(
  browser: Pick<Browser, 'storage' | 'declarativeNetRequest'>,
): Promise<{ recorded: unknown; inForce: DnrRule[] }> {
  const [got, inForce] = await Promise.all([
    browser.storage.session.get(RULE_CHECK_KEY),
    dnrOf(browser).getDynamicRules(),
  ]);
  return { recorded: got[RULE_CHECK_KEY], inForce };
}

/**
 * Starts listening for the background's records at once (call it before the save, so a
 * quick background is not missed); `forList` then resolves to the newest record made for
 * that list, or null after `timeoutMs`. Either way it stops listening.
 */
// Not named `storage`: WXT's auto-import transform runs even with `imports: false` and
// would bundle its own storage module for any free-looking `storage` (wxt 0.20.27).
export function watchRuleCheck(browserStorage: Storage) {
  const seen: RuleCheck[] = [];
  let wake: (() => void) | null = null;
  const on = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (!isRuleCheckChange(changes, area)) return;
    const c = parseRuleCheck(changes[RULE_CHECK_KEY]?.newValue);
    if (!c) return;
    seen.push(c);
    wake?.();
  };
  browserStorage.onChanged.addListener(on);
  const stop = () => browserStorage.onChanged.removeListener(on);
  return {
    stop,
    async forList(list: string, timeoutMs: number): Promise<RuleCheck | null> {
      const deadline = Date.now() + timeoutMs;
      try {
        const stored = parseRuleCheck(
          (await browserStorage.session.get(RULE_CHECK_KEY))[RULE_CHECK_KEY],
        );
        if (stored) seen.push(stored);
        for (;;) {
          const match = seen.filter((c) => c.list === list).sort((a, b) => b.at - a.at)[0];
          if (match) return match;
          const left = deadline - Date.now();
          if (left <= 0) return null;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, left);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      } catch {
        return null;
      } finally {
        stop();
      }
    },
  };
}
