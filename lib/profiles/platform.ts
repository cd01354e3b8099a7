import type { Platform } from './types';

/**
 * One platform's knowledge: how to read an account key out of an address, and which
 * addresses belong to that account. `patterns` is the single source of coverage: the
 * matcher runs these regexes in JavaScript and the rule compiler gives the same sources to
 * declarativeNetRequest, so both always agree. Patterns use only the syntax shared by
 * JavaScript and RE2 (no look-around, no back-references).
 */
export interface PlatformModule {
  platform: Platform;
  /** Human name, e.g. "Instagram". */
  label: string;
  /** Registrable domains; a profile covers these and all their subdomains. */
  domains: readonly string[];
  /** Whether the platform's account keys are case-sensitive. */
  caseSensitive: boolean;
  /** Account key from a parsed http(s) address on one of `domains`, or null if not a profile. */
  recognise(url: URL): { key: string } | null;
  /** The handle as shown after the platform label, e.g. "@jamie.doe". */
  display(key: string): string;
  /** Canonical address of the account. */
  url(key: string): string;
  /**
   * Regex sources, each anchored with ^ and matched against the whole URL (scheme to end),
   * that together cover every address of this account.
   */
  patterns(key: string): string[];
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `^https?://` + any subdomain of one of the domains + optional port. */
export function hostPrefix(domains: readonly string[]): string {
  const alt = domains.map(escapeRegex).join('|');
  return `^https?://([a-z0-9-]+\\.)*(${alt})(:[0-9]+)?`;
}

/** Matches the end of a path segment: a slash, query, fragment or the end of the URL. */
export const SEGMENT_END = '([/?#]|$)';
