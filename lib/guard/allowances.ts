/**
 * "Allow once": after Continue anyway, one profile may be shown in one tab until `until`.
 * Kept in session storage (gone when the browser closes, kept when the background
 * sleeps), where the page-side guard can read it too. The background writes it (one
 * module: entrypoints/background/allow-once.ts); everything reads it through the parsers
 * below.
 */
export const ALLOWANCES_KEY = 'allowances';

/**
 * The background's message to a tab whose allowance ended: its page-side guard judges the
 * page again (where session storage is closed to content scripts, this is how it hears).
 */
export const ALLOWANCE_ENDED = 'allowance-ended';
export interface AllowanceEnded {
  type: typeof ALLOWANCE_ENDED;
}
export const allowanceEnded = (): AllowanceEnded => ({ type: ALLOWANCE_ENDED });
export const isAllowanceEnded = (msg: unknown): msg is AllowanceEnded =>
  (msg as { type?: unknown } | null)?.type === ALLOWANCE_ENDED;

export interface Allowance {
  profileId: string;
  tabId: number;
  /** Epoch ms. */
  until: number;
  /** Session rules that let the tab's requests for the profile through. */
  ruleIds: number[];
}

const isAllowance = (a: unknown): a is Allowance =>
  typeof a === 'object' &&
  a !== null &&
  typeof (a as Allowance).profileId === 'string' &&
  Number.isInteger((a as Allowance).tabId) &&
  Array.isArray((a as Allowance).ruleIds) &&
  (a as Allowance).ruleIds.every((id) => Number.isInteger(id)) &&
  typeof (a as Allowance).until === 'number';

/**
 * Every well-formed allowance stored, ended or not: what the background needs to take an
 * allowance down (an ended one's rules must still be removed). Anything else is left out.
 */
export function parseStoredAllowances(raw: unknown): Allowance[] {
  return Array.isArray(raw) ? raw.filter(isAllowance) : [];
}

/** The allowances still running at `now`. */
export function parseAllowances(raw: unknown, now: number): Allowance[] {
  return parseStoredAllowances(raw).filter((a) => a.until > now);
}

/** Profile ids with a running allowance in any tab (the guard then asks which tab). */
export function profilesWithAllowance(list: readonly Allowance[]): Set<string> {
  return new Set(list.map((a) => a.profileId));
}

export function allowedInTab(list: readonly Allowance[], tabId: number): Set<string> {
  return new Set(list.filter((a) => a.tabId === tabId).map((a) => a.profileId));
}
