/**
 * "Allow once": after Continue anyway, one profile may be shown in one tab until `until`.
 * Kept in session storage (gone when the browser closes, kept when the background
 * sleeps), where the page-side guard can read it too.
 */
export const ALLOWANCES_KEY = 'allowances';

export interface Allowance {
  profileId: string;
  tabId: number;
  /** Epoch ms. */
  until: number;
  /** Session rules that let the tab's requests for the profile through. */
  ruleIds: number[];
}

export function parseAllowances(raw: unknown, now: number): Allowance[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (a): a is Allowance =>
      typeof a === 'object' &&
      a !== null &&
      typeof (a as Allowance).profileId === 'string' &&
      Number.isInteger((a as Allowance).tabId) &&
      Array.isArray((a as Allowance).ruleIds) &&
      typeof (a as Allowance).until === 'number' &&
      (a as Allowance).until > now,
  );
}

/** Profile ids with a running allowance in any tab (the guard then asks which tab). */
export function profilesWithAllowance(list: readonly Allowance[]): Set<string> {
  return new Set(list.map((a) => a.profileId));
}

export function allowedInTab(list: readonly Allowance[], tabId: number): Set<string> {
  return new Set(list.filter((a) => a.tabId === tabId).map((a) => a.profileId));
}
