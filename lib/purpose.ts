import type { MessageKey } from './i18n';
import type { Purpose } from './settings';

/*
 * What the person's purpose changes: words only, never rules. The count, the blocking and
 * the log are the same whatever the days are for; the reasons given, the guidance when the
 * ex reaches out, and what the goal and the end mean are chosen here, as message keys, so
 * that each choice is one pure, tested function.
 */

/** The setup question's answers, as the person reads them. */
export const PURPOSE_LABEL_KEYS: Readonly<Record<Purpose, MessageKey>> = {
  reconnect: 'purposeReconnect',
  'move-on': 'purposeMoveOn',
  unsure: 'purposeUnsure',
};

/** The "why" cards every purpose shares (the blocked page takes them in turn). */
export const SHARED_WHY_KEYS: readonly MessageKey[] = [
  'cardWhy1',
  'cardWhy2',
  'cardWhy3',
  'cardWhy4',
  'cardWhy5',
  'cardWhy6',
  'cardWhy7',
  'cardWhy8',
  'cardWhy9',
  'cardWhy10',
];

const OWN_WHY_KEYS: Readonly<Record<Purpose, readonly MessageKey[]>> = {
  reconnect: ['cardWhyReconnect1', 'cardWhyReconnect2', 'cardWhyReconnect3'],
  'move-on': ['cardWhyMoveOn1', 'cardWhyMoveOn2', 'cardWhyMoveOn3'],
  unsure: ['cardWhyUnsure1'],
};

/**
 * The "why" cards for a purpose: its own first (they speak to what the person chose),
 * then the shared ones.
 */
export function whyCardKeys(purpose: Purpose): MessageKey[] {
  return [...OWN_WHY_KEYS[purpose], ...SHARED_WHY_KEYS];
}

/**
 * The method's honest limits, where they matter: for anyone hoping for a second chance
 * (or not sure yet), said plainly; moving on needs no such warning.
 */
export function limitsKey(purpose: Purpose): MessageKey | null {
  return purpose === 'move-on' ? null : 'purposeLimits';
}

/** What the person reads when they reached their goal day. */
export function goalReachedKey(purpose: Purpose): MessageKey {
  return GOAL_REACHED[purpose];
}
const GOAL_REACHED: Readonly<Record<Purpose, MessageKey>> = {
  reconnect: 'goalReachedReconnect',
  'move-on': 'goalReachedMoveOn',
  unsure: 'goalReachedUnsure',
};

/** What the person reads once the plan has ended. */
export function endedKey(purpose: Purpose): MessageKey {
  return ENDED[purpose];
}
const ENDED: Readonly<Record<Purpose, MessageKey>> = {
  reconnect: 'endedReconnect',
  'move-on': 'endedMoveOn',
  unsure: 'endedUnsure',
};

/** The guidance when the ex clearly asked to get back together, for each purpose. */
export function backTogetherKeys(purpose: Purpose): { title: MessageKey; text: MessageKey } {
  return BACK_TOGETHER[purpose];
}
const BACK_TOGETHER: Readonly<Record<Purpose, { title: MessageKey; text: MessageKey }>> = {
  reconnect: { title: 'guideBackReconnectTitle', text: 'guideBackReconnectText' },
  'move-on': { title: 'guideBackMoveOnTitle', text: 'guideBackMoveOnText' },
  unsure: { title: 'guideBackUnsureTitle', text: 'guideBackUnsureText' },
};
