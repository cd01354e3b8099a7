import type { Profile } from '../profiles/types';
import { blockRegex, NON_MAIN_FRAME, planChunks, PROFILE_PRIORITY } from './compile';
import type { DnrRule } from './dnr';
import { ALLOW_RULE_IDS } from './ids';

/** Above the profile rules, so that an allowance wins over the redirect and the block. */
export const ALLOW_PRIORITY = PROFILE_PRIORITY + 1;

/**
 * Session rules for "Continue anyway": allow every address of one profile, in one tab,
 * for every resource type. IDs are `firstId`, `firstId + 1`, ... (one per regex; a
 * profile whose patterns don't fit one regex, such as a Facebook profile with its
 * conversations, needs two or three), all inside ALLOW_RULE_IDS. The caller removes them
 * when the allowance ends; the rules name no time themselves.
 */
export function allowOnceRules(
  firstId: number,
  profile: Pick<Profile, 'id' | 'platform' | 'key'>,
  tabId: number,
): DnrRule[] {
  const chunks = planChunks([profile]);
  if (firstId < ALLOW_RULE_IDS.first || firstId + chunks.length - 1 > ALLOW_RULE_IDS.last) {
    throw new Error(`allow rule IDs from ${firstId} are outside the reserved range`);
  }
  return chunks.map((c, i) => ({
    id: firstId + i,
    priority: ALLOW_PRIORITY,
    action: { type: 'allow' },
    condition: {
      regexFilter: blockRegex(c),
      isUrlFilterCaseSensitive: c.caseSensitive,
      resourceTypes: ['main_frame', ...NON_MAIN_FRAME],
      tabIds: [tabId],
    },
  }));
}
