import type { Words } from '../words';
import type { Platform } from './types';

/**
 * One way of reaching an account, as three regex fragments: `head` (the platform's domain
 * and the path up to the account key), `key` (the account key itself) and `tail` (what
 * must follow the key). The whole regex is `ROOT + head + key + tail`.
 *
 * The split exists so that the rule compiler can share one `head` and `tail` among many
 * keys (`ROOT head (?:k1|k2|...) tail`): Chrome compiles every regexFilter with RE2 under a
 * 2 KB memory cap, which in practice means about 115 RE2 instructions per rule, so writing
 * the domain and path once per rule instead of once per profile is what lets hundreds of
 * profiles fit in a small part of the regex-rule budget.
 *
 * Fragments use only syntax that JavaScript and RE2 read the same way: no look-around, no
 * back-references, no capturing groups (each would cost two RE2 instructions in a redirect
 * rule), no `\d` or `\w`. A fragment with a top-level `|` must be wrapped in `(?:...)`.
 */
export interface Pattern {
  head: string;
  key: string;
  tail: string;
  caseSensitive: boolean;
}

/**
 * One platform's knowledge: how to read an account key out of an address, and which
 * addresses belong to that account. `patterns` is the single source of coverage: the
 * matcher runs these regexes in JavaScript and the rule compiler gives the same fragments
 * to declarativeNetRequest, so both always agree.
 */
export interface PlatformModule {
  platform: Platform;
  /** Human name, e.g. "Instagram". */
  label: string;
  /**
   * Registrable domains a profile's patterns can reach (with all their subdomains). The
   * matcher uses them to skip profiles that cannot match a host, and hosts.ts must list
   * every one of them, since a redirect rule does nothing on a host without permission.
   */
  domains: readonly string[];
  /**
   * The domains whose pages are this platform's own, when narrower than `domains` (Facebook
   * reaches messenger.com for conversations, but a messenger.com page is Messenger's).
   * Used to name the platform when an address on it is not a profile.
   */
  home?: readonly string[];
  /** Domains for one key, when they depend on it (custom sites). Defaults to `domains`. */
  domainsFor?(key: string): readonly string[];
  /**
   * Account key from a parsed http(s) address whose host is one of `domains` (or a
   * subdomain), or null when the address is not a profile of this platform.
   */
  recognise(url: URL): { key: string } | null;
  /** The account as shown after the platform label, e.g. "@jamie.doe". */
  display(key: string): string;
  /**
   * The account's whole name in words, for a key whose name has words in it to translate
   * ("Custom", "profile", "channel"); null or absent for the usual "label · display".
   */
  name?(key: string): Words | null;
  /** Canonical address of the account; recognising it gives the same key back. */
  url(key: string): string;
  patterns(key: string): Pattern[];
}

/**
 * Start of every pattern: the scheme, then optionally anything up to a dot or an `@`
 * inside the authority. That covers every subdomain (www., m., uk., old.) and a user-info
 * part, while `[^/]` keeps it from running into the path, and ending on `.` or `@` keeps
 * "notinstagram.com" from passing as "instagram.com". The domain in `head` must be
 * followed by `/`, which rules out "instagram.com.evil.example" and explicit ports (no
 * profile is served on a non-default port, and canonical URLs drop the default one).
 */
export const ROOT = '^https?://(?:[^/]*\\.)?';

/** The end of a path segment: a slash, query, fragment, or the end of the address. */
export const SEGMENT_END = '(?:[/?#]|$)';

/** End of a query-parameter value: another parameter, the fragment, or the end. */
export const PARAM_END = '(?:[&#]|$)';

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The whole regex source of one pattern, as the matcher runs it. */
export function patternSource(p: Pattern): string {
  return `${ROOT}${p.head}${p.key}${p.tail}`;
}

/** Non-empty path segments, without percent-decoding (keys keep the canonical form). */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter(Boolean);
}

/** A `PlatformModule.domains` test: is `host` one of `domains` or a subdomain of one? */
export function hostIn(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
