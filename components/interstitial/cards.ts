/**
 * The one card the blocked page shows: why contact starts the count again, one of the
 * person's own reasons, or an if-then plan for this very moment. A message alone changes
 * little; it is there to steady the person while the real help (the way back) is one
 * press away, so each is short enough to take in at a glance.
 */

import type { IfThenPlan } from '@/lib/settings';

export type CardKind = 'why' | 'reason' | 'if-then';

export interface Card {
  kind: CardKind;
  /** A short heading for the card. */
  title: string;
  text: string;
}

/** Why any contact, even a look, starts the count again. */
export const WHY_CONTACT_RESETS: readonly string[] = [
  'A look keeps the wound open. These days without contact are what give it room to close.',
  'No Contact only works when it is kept whole. That is why even a small contact starts the count again.',
  'A look at their profile very often leads to the message you would regret. Stopping here stops it at the first step.',
  'Some sites show who viewed a profile or a story. A look can be contact, even when it does not feel like it.',
  'These days are for you: time to grieve, to rest, and to see that you can get through a day without them.',
  'Each day you keep shows you can live without checking. A look would start that from day one again.',
  'What you would find there will not answer what you are carrying. Looking tends to bring more longing, not less.',
  'This feeling will pass whether you look or not. If you do not look, it passes without costing you your days.',
  'A slip does not erase what you have done: the days you kept stay yours. But the count would start over.',
  'Every small contact reopens the conversation inside your head. Distance is what lets it go quiet.',
];

/** "If I want to look, then I will ..." plans, to choose a different next step. */
export const IF_THEN_PLANS: readonly string[] = [
  'If I want to look, then I will put the phone down and drink a glass of water.',
  'If I want to look, then I will message a friend instead and tell them how I feel.',
  'If I want to look, then I will write down what I wanted to see, and leave it there.',
  'If I want to look, then I will step outside or open a window for five minutes.',
  'If I want to look, then I will read my reasons once, slowly.',
  'If I want to look, then I will take ten slow breaths before I decide anything.',
];

/** A person's reason is shown whole up to this length; longer ones are cut with an ellipsis. */
export const REASON_MAX_CHARS = 280;

/** The person's reasons as they will be shown: trimmed, empty ones left out. */
export function usableReasons(reasons: readonly string[]): string[] {
  return reasons
    .map((r) => r.replace(/\s+/g, ' ').trim())
    .filter((r) => r.length > 0)
    .map((r) => (r.length > REASON_MAX_CHARS ? `${r.slice(0, REASON_MAX_CHARS - 1)}…` : r));
}

/** An if-then plan as one sentence. */
export function ifThenText(p: IfThenPlan): string {
  return `If I want to ${p.when.trim()}, then I will ${p.then.trim()}.`;
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
): Card {
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
      return { kind, title: 'In your own words', text: own[k % own.length]! };
    case 'if-then':
      return ownPlans.length
        ? { kind, title: 'Your plan for this moment', text: ownPlans[k % ownPlans.length]! }
        : { kind, title: 'A plan for this moment', text: IF_THEN_PLANS[k % IF_THEN_PLANS.length]! };
    case 'why':
      return {
        kind,
        title: 'Why a look starts the count again',
        text: WHY_CONTACT_RESETS[k % WHY_CONTACT_RESETS.length]!,
      };
  }
}
