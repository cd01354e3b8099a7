/**
 * Every declarativeNetRequest rule ID this extension uses, by range. Each range has one
 * job and one writer, and nothing outside the ranges is ever touched (another extension's
 * rules, or rules a later version stops using, are left alone). The ranges must not
 * overlap: a test checks it, so a new range is added here and nowhere else.
 */
export interface RuleIdRange {
  readonly first: number;
  readonly last: number;
}

/** Dynamic rules: a profile's redirect and block rules (lib/rules/compile.ts). */
export const PROFILE_RULE_IDS = { first: 1000, last: 19999 } as const satisfies RuleIdRange;
/** Session rules: "allow once" after Continue anyway (lib/rules/allow.ts). */
export const ALLOW_RULE_IDS = { first: 20000, last: 29999 } as const satisfies RuleIdRange;
/** Dynamic rules: the same refusal for unlisted profiles, for other sites (lib/rules/cover.ts). */
export const COVER_RULE_IDS = { first: 30000, last: 30999 } as const satisfies RuleIdRange;

/** Every range, for the check that no two overlap. */
export const RULE_ID_RANGES: Readonly<Record<string, RuleIdRange>> = {
  profile: PROFILE_RULE_IDS,
  allow: ALLOW_RULE_IDS,
  cover: COVER_RULE_IDS,
};

export const inRange = (range: RuleIdRange, id: number): boolean =>
  id >= range.first && id <= range.last;
