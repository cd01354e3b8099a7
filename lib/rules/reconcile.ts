import type { Profile } from '../profiles/types';
import {
  chunkOwners,
  chunkRules,
  planChunks,
  redirectRegex,
  RULES_PER_CHUNK,
  splitChunk,
  type Chunk,
} from './compile';
import { coverRegex, packRules, planCover } from './cover';
import type { DnrRule, DynamicRules } from './dnr';
import { COVER_RULE_IDS, inRange, PROFILE_RULE_IDS } from './ids';
import type { KeyGroup } from './regex';
import { compareRules, ruleKey, wantedRule, type InForce, type WantedRule } from './rule-check';

/** A pattern the browser would not accept even alone: reported, never silently dropped. */
export interface RefusedPattern {
  /** The profiles it belongs to. */
  profileIds: string[];
  regex: string;
  reason: string;
}

export interface SyncResult {
  added: number;
  removed: number;
  /** Patterns left out because the browser refused them; empty when all is blocked. */
  refused: RefusedPattern[];
  /** Every rule the list needs (as asked of the browser), with the profiles it blocks. */
  wanted: WantedRule[];
  /** How the rules in force after the update differ from `wanted`. */
  inForce: InForce;
  /** The rules in force after the update, in our range (for makeRuleCheck). */
  rulesInForce: DnrRule[];
  /** The browser's words when it refused the update (nothing of it was applied); else null. */
  updateError: string | null;
}

const owned = (id: number) => inRange(PROFILE_RULE_IDS, id) || inRange(COVER_RULE_IDS, id);

const regexKey = (regex: string, caseSensitive: boolean) => `${caseSensitive ? 1 : 0}${regex}`;

/**
 * Makes the installed dynamic rules equal to the compiled rules of `profiles`, in one
 * updateDynamicRules call, touching only rule IDs in our reserved range.
 *
 * Each chunk's regex that is not installed already is first put to isRegexSupported (the
 * redirect's, which is the larger of the two and needs capturing); a refused chunk is
 * halved until its parts are accepted, and a single refused pattern is left out and
 * returned in `refused`, because one refused rule would make the browser reject the
 * whole update and leave every profile unblocked.
 *
 * The cover rules (cover.ts) are asked about too; one the browser refuses is left out,
 * since it blocks no listed profile (the privacy it gives is lost, the blocking is not).
 *
 * Then it reads the rules in force and compares them with the rules wanted: an update
 * the browser refused (too many rules, say) is not thrown but returned, with what is
 * missing, so the caller can tell the person the truth.
 *
 * Calls are serialised: a sync that starts while another runs waits for it, so two
 * overlapping syncs can never add the same rule ID twice.
 */
export function createRuleSync(dnr: DynamicRules, interstitialUrl: string) {
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (
    profiles: readonly Pick<Profile, 'id' | 'platform' | 'key'>[],
  ): Promise<SyncResult> => {
    const have = (await dnr.getDynamicRules()).filter((r) => owned(r.id));
    const accepted = new Set(
      have.map((r) => regexKey(r.condition.regexFilter, r.condition.isUrlFilterCaseSensitive)),
    );
    const refused: RefusedPattern[] = [];
    const chunks: Chunk[] = [];

    const fit = async (c: Chunk): Promise<void> => {
      const regex = redirectRegex(c);
      if (!dnr.isRegexSupported || accepted.has(regexKey(regex, c.caseSensitive))) {
        chunks.push(c);
        return;
      }
      let verdict: { isSupported: boolean; reason?: string };
      try {
        verdict = await dnr.isRegexSupported({
          regex,
          isCaseSensitive: c.caseSensitive,
          requireCapturing: true,
        });
      } catch {
        // A browser that can't answer gets the rule as it is; updateDynamicRules decides.
        verdict = { isSupported: true };
      }
      if (verdict.isSupported) {
        chunks.push(c);
        return;
      }
      const halves = splitChunk(c);
      if (halves) {
        for (const half of halves) await fit(half);
        return;
      }
      refused.push({
        profileIds: c.groups.flatMap((g) => g.owners.flat()),
        regex,
        reason: verdict.reason ?? 'unsupported',
      });
    };

    for (const c of planChunks(profiles)) await fit(c);

    const packs: KeyGroup[][] = [];
    for (const pack of planCover(profiles)) {
      const regex = coverRegex(pack);
      if (dnr.isRegexSupported && !accepted.has(regexKey(regex, false))) {
        const verdict = await dnr
          .isRegexSupported({ regex, isCaseSensitive: false, requireCapturing: false })
          .catch(() => ({ isSupported: true }));
        if (!verdict.isSupported) continue;
      }
      packs.push(pack);
    }

    const profileRules = chunkRules(chunks, interstitialUrl);
    const coverRules = packRules(packs);
    const want = [...profileRules, ...coverRules];
    const owners = chunks.map(chunkOwners);
    // A cover rule stops no listed profile, so none is open without it.
    const wanted = [
      ...profileRules.map((r, i) => wantedRule(r, owners[Math.floor(i / RULES_PER_CHUNK)] ?? [])),
      ...coverRules.map((r) => wantedRule(r, [])),
    ];
    const haveKeys = new Set(have.map(ruleKey));
    const wantKeys = new Set(want.map(ruleKey));
    const removeRuleIds = have.filter((r) => !wantKeys.has(ruleKey(r))).map((r) => r.id);
    const addRules = want.filter((r) => !haveKeys.has(ruleKey(r)));
    let updateError: string | null = null;
    if (removeRuleIds.length || addRules.length) {
      try {
        await dnr.updateDynamicRules({ removeRuleIds, addRules });
      } catch (e) {
        // The whole update is refused (Chromium: "Dynamic rule count for regex rules
        // exceeded."); what is in force now is read below either way.
        updateError = e instanceof Error ? e.message : String(e);
      }
    }
    const changed = removeRuleIds.length > 0 || addRules.length > 0;
    const rulesInForce = changed ? (await dnr.getDynamicRules()).filter((r) => owned(r.id)) : have;
    const inForce = compareRules(wanted, rulesInForce);
    return {
      added: updateError ? 0 : addRules.length,
      removed: updateError ? 0 : removeRuleIds.length,
      refused,
      wanted,
      inForce,
      rulesInForce,
      updateError,
    };
  };

  return function sync(
    profiles: readonly Pick<Profile, 'id' | 'platform' | 'key'>[],
  ): Promise<SyncResult> {
    const next = queue.then(
      () => run(profiles),
      () => run(profiles),
    );
    queue = next.catch(() => undefined);
    return next;
  };
}
