/**
 * The one card the blocked page shows: why contact starts the count again, one of the
 * person's own reasons, or an if-then plan for this very moment. A message alone changes
 * little; it is there to steady the person while the real help (the way back) is one
 * press away, so each is short enough to take in at a glance.
 */

import { t, type MessageKey } from '@/lib/i18n';
import { SHARED_WHY_KEYS, whyCardKeys } from '@/lib/purpose';
import { DEFAULT_PURPOSE, type IfThenPlan, type Purpose } from '@/lib/settings';
import { ifThenText } from '../if-then-text';

export type CardKind = 'why' | 'reason' | 'if-then';

export interface Card {
  kind: CardKind;
  /** A short heading for the card. */
  title: string;
  text: string;
}

/**
 * Why any contact, even a look, starts the count again (the messages' keys, in order),
 * whatever the days are for; each purpose adds its own (lib/purpose).
 */
export const WHY_CONTACT_RESETS_KEYS: readonly MessageKey[] = SHARED_WHY_KEYS;

/** "If I want to look, then I will ..." plans, to choose a different next step. */
export const IF_THEN_PLAN_KEYS: readonly MessageKey[] = [
  'cardPlan1',
  'cardPlan2',
  'cardPlan3',
  'cardPlan4',
  'cardPlan5',
  'cardPlan6',
];

/** The "why" cards' words for a purpose, in the person's language. */
export const whyContactResets = (purpose: Purpose = DEFAULT_PURPOSE): string[] =>
  whyCardKeys(purpose).map((k) => t(k));
/** The suggested if-then plans, in the person's language. */
export const ifThenPlans = (): string[] => IF_THEN_PLAN_KEYS.map((k) => t(k));

/**
 * The person's reasons as they will be shown: trimmed, empty ones left out, each whole
 * (the form, the settings reader and the backup checker all keep a reason within
 * REASON_MAX_CHARS of lib/limits, which the card has room for).
 */
export function usableReasons(reasons: readonly string[]): string[] {
  return reasons.map((r) => r.replace(/\s+/g, ' ').trim()).filter((r) => r.length > 0);
}

/** The person's own if-then plans as they will be shown (empty halves left out). */
export function usablePlans(plans: readonly IfThenPlan[]): string[] {
  return plans
    .filter((p) => p.when.trim() && p.then.trim())
    .map((p) => ifThenText(p).replace(/\s+/g, ' '));
}

/**
 * The card for visit number `n` (any integer; the page keeps a running count). Kinds take
 * turns so that consecutive visits never show the same kind twice, and the person's own
 * reasons, when there are any, come up every other visit: their own words carry more
 * than ours. For the same reason the if-then card shows the person's own plans when they
 * wrote any, and the suggested ones only otherwise.
 */
export function cardFor(
  n: number,
  reasons: readonly string[],
  plans: readonly IfThenPlan[] = [],
  purpose: Purpose = DEFAULT_PURPOSE,
): Card {
  const whyKeys = whyCardKeys(purpose);
  const ownPlans = usablePlans(plans);
  const own = usableReasons(reasons);
  const cycle: CardKind[] = own.length
    ? ['reason', 'why', 'reason', 'if-then']
    : ['why', 'if-then'];
  const i = Number.isSafeInteger(n) && n >= 0 ? n : 0;
  const kind = cycle[i % cycle.length]!;
  // How many times this kind came up before `i`: walks each list in order.
  const round = Math.floor(i / cycle.length);
  const before = cycle.slice(0, i % cycle.length).filter((k) => k === kind).length;
  const perRound = cycle.filter((k) => k === kind).length;
  const k = round * perRound + before;
  switch (kind) {
    case 'reason':
      return { kind, title: t('cardTitleOwnReason'), text: own[k % own.length]! };
    case 'if-then':
      return ownPlans.length
        ? { kind, title: t('cardTitleOwnPlan'), text: ownPlans[k % ownPlans.length]! }
        : {
            kind,
            title: t('cardTitlePlan'),
            text: t(IF_THEN_PLAN_KEYS[k % IF_THEN_PLAN_KEYS.length]!),
          };
    case 'why':
      return {
        kind,
        title: t('cardTitleWhy'),
        text: t(whyKeys[k % whyKeys.length]!),
      };
  }
}
