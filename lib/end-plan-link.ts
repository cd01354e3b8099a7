import { PLAN_END_CHOICES, type PlanEndChoice } from './streak/log-event';

/*
 * The way to the options page's "End the plan" with a reason chosen already: the
 * guidance for "they asked to get back together" leads there with that reason, never with
 * "I decided to stop". The reason rides in the page's query, which only this reads.
 */

const PARAM = 'end';

/** The options page's address that opens "End the plan" with `reason` chosen. */
export const endPlanPath = (reason: PlanEndChoice) => `/options.html?${PARAM}=${reason}#plan`;

/** The path the "they asked to get back together" guidance opens. */
export const END_RECONCILED_PATH = endPlanPath('reconciled');

/** The reason an address asks to choose, if it names one of the choices; null otherwise. */
export function endReasonFromAddress(search: string): PlanEndChoice | null {
  const asked = new URLSearchParams(search).get(PARAM);
  return PLAN_END_CHOICES.find((c) => c === asked) ?? null;
}
