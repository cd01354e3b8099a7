import type { Profile } from '../profiles/types';
import { compileRules, PROFILE_RULE_IDS, type DnrRule } from './compile';

/** The part of declarativeNetRequest the reconciler needs; stubbed in unit tests. */
export interface DnrAdapter {
  getDynamicRules(): Promise<DnrRule[]>;
  updateDynamicRules(update: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
}

const owned = (id: number) => id >= PROFILE_RULE_IDS.first && id <= PROFILE_RULE_IDS.last;

/** Stable text form of a rule, to tell whether an installed rule is already what we want. */
const ruleKey = (r: DnrRule) => JSON.stringify([r.id, r.priority, r.action, r.condition]);

/**
 * Makes the installed dynamic rules equal to the compiled rules of `profiles`, in one
 * updateDynamicRules call, touching only rule IDs in our reserved range. Calls are
 * serialised: a sync that starts while another runs waits for it, so two overlapping
 * syncs can never add the same rule ID twice.
 */
export function createRuleSync(dnr: DnrAdapter, interstitialUrl: string) {
  let queue: Promise<unknown> = Promise.resolve();
  return function sync(profiles: readonly Profile[]): Promise<{ added: number; removed: number }> {
    const run = async () => {
      const want = compileRules(profiles, { interstitialUrl });
      const have = (await dnr.getDynamicRules()).filter((r) => owned(r.id));
      const haveKeys = new Set(have.map(ruleKey));
      const wantKeys = new Set(want.map(ruleKey));
      const removeRuleIds = have.filter((r) => !wantKeys.has(ruleKey(r))).map((r) => r.id);
      const addRules = want.filter((r) => !haveKeys.has(ruleKey(r)));
      if (removeRuleIds.length || addRules.length) {
        await dnr.updateDynamicRules({ removeRuleIds, addRules });
      }
      return { added: addRules.length, removed: removeRuleIds.length };
    };
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
}
