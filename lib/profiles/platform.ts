import type { Words } from '../words';
import type { Platform, RefusalReason } from './types';

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
  /**
   * A catch for spellings with percent-encoded letters, digits, `.`, `-` or `_` (see
   * `escapedSpellings`): only the network rules use it. The matcher decodes those escapes
   * and runs the other patterns instead, which tells the listed account from anyone else's.
   */
  escaped?: boolean;
  /**
   * The pattern reads the address's fragment (after `#`), which the browser never hands to
   * declarativeNetRequest: no network rule is made of it (a rule would never match), and
   * only the page-side guard, which sees `location.href` whole, stops such an address.
   * Telegram Web keeps the open chat there.
   */
  fragment?: boolean;
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
  /**
   * Why an address of this platform that `recognise` did not take can't be listed, when
   * there is more to say than "not a profile": a chat app's inbox, a group, a malformed
   * number. Null (or absent) for the usual refusal.
   */
  refusal?(url: URL): { reason: RefusalReason; words: Words } | null;
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
 * "notinstagram.com" from passing as "instagram.com". The domain in `head` is followed by
 * `HOST_END`, which rules out "instagram.com.evil.example". Browsers drop a default port
 * before any rule sees the address (and lower-case the host); no profile is served on
 * another port, so a port is not matched.
 */
export const ROOT = '^https?://(?:[^/]*\\.)?';

/**
 * What follows a platform's domain: the slash that starts the path, doubled or not. A
 * fully qualified "instagram.com." reaches the same site too (browsers keep the dot in the
 * address); `escapedSpellings` catches those.
 */
export const HOST_END = '/+';

/** A slash between path segments: browsers send "a//b" as written, and sites read it as "a/b". */
export const SLASH = '/+';

/** The `@` before a handle, as written or percent-encoded (some apps write %40). */
export const AT = '(?:@|%40)';

/**
 * A percent-encoded letter, digit, `.`, `-` or `_`, in either case of hex. These are
 * "unreserved" characters: an address with one of them encoded is the same address
 * (RFC 3986, 2.3), sites decode them, and no browser or common encoder writes them
 * encoded, so only a hand-made spelling has one.
 */
export const ESCAPED = '%(?:2[de]|3[0-9]|[46][1-9a-f]|[57][0-9a]|5f)';

/**
 * The catch for hand-made spellings on `hosts` (a regex fragment naming the domains): any
 * address there whose path or query has an encoded unreserved character, and any address
 * on the host written with a trailing dot. Writing each character of each key as
 * `(?:c|%XX)` would make every key five times as large in RE2, past Chrome's size limit
 * for long handles and past its regex-rule count for 500 profiles, and a `\.?` after
 * every domain of every pattern costs room that long handles need; one catch per platform
 * costs one small key. It also stops such a spelling of an account that is not listed:
 * that is the price, and only a hand-made address pays it (no link or encoder writes
 * these). The matcher reads the address in its plain spelling instead
 * (`decodeUnreserved`, and the host without its dot), so the interstitial and the
 * page-side guard still name the right profile.
 */
export function escapedSpellings(hosts: string): Pattern {
  return {
    head: hosts,
    key: `(?:\\./|${HOST_END}[^#]*${ESCAPED})`,
    tail: '',
    caseSensitive: false,
    escaped: true,
  };
}

const alternatives = (parts: readonly string[]) =>
  parts.length === 1 ? (parts[0] ?? '') : `(?:${parts.join('|')})`;

/**
 * A regex fragment for a list of domains, names that share a top-level domain written
 * together (`(?:(?:facebook|fb)\\.com|m\\.me)`), which RE2 compiles smaller.
 */
export function hostsFragment(domains: readonly string[]): string {
  const byEnding = new Map<string, string[]>();
  for (const d of domains) {
    const dot = d.lastIndexOf('.');
    const ending = d.slice(dot + 1);
    byEnding.set(ending, [...(byEnding.get(ending) ?? []), d.slice(0, dot)]);
  }
  return alternatives(
    [...byEnding].map(
      ([ending, names]) => `${alternatives(names.map(escapeRegex))}\\.${escapeRegex(ending)}`,
    ),
  );
}

/**
 * An address with its encoded unreserved characters decoded (`%2E` -> `.`, `%61` -> `a`),
 * every other escape kept as it was: the same address, spelled the plain way.
 */
export function decodeUnreserved(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (escape, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9._~-]/.test(c) ? c : escape;
  });
}

/** The end of a path segment: a slash, query, fragment, or the end of the address. */
export const SEGMENT_END = '(?:[/?#]|$)';

/**
 * The end of a key that a head may put in a path segment or in a query value: a slash,
 * query, parameter, fragment, or the end. For a path segment this also admits "&" after
 * the key, which no platform's names contain.
 */
export const KEY_END = '(?:[/?#&]|$)';

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
  // A fully qualified "instagram.com." is the same host.
  const h = host.endsWith('.') ? host.slice(0, -1) : host;
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}
