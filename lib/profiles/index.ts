import { isHttpProtocol } from '../check';
import { matchProfile } from '../match';
import { planChunks, redirectRegex } from '../rules/compile';
import { re2Size, REGEX_BUDGET } from '../rules/regex';
import { custom, PATH, SITE } from './custom';
import { ASKED_DOMAINS, hostPatterns } from './hosts';
import { looksLikePhone, readPhone } from './phone';
import { decodeUnreserved, type PlatformModule } from './platform';
import { profileName } from './name';
import { modulesForHost, platformModule, profileDomains } from './registry';
import { phoneRefusal, whatsapp } from './whatsapp';
import { words, type Words } from '../words';
import {
  PLATFORMS,
  type CustomKind,
  type Platform,
  type Profile,
  type Recognised,
  type Recognition,
  type RefusalReason,
} from './types';

export { PLATFORM_MODULES, platformModule } from './registry';
export { profileName } from './name';

/*
 * Recognition: whatever the person pasted -> a profile, or a refusal in plain words.
 *
 * Built-in platforms are recognised from the address alone (`recognise`). Anything else
 * can be listed as a custom entry (`recogniseCustom`), which the person asks for
 * explicitly: a whole site with its subdomains (key `site:example.com`), or a path prefix
 * on a site (key `path:example.com/some/prefix`). `recognise` refuses an address on a site
 * no platform knows with reason 'unknown-site', whose message offers the custom choice;
 * the options page can then call `recogniseCustom` with the same text.
 *
 * Every recognised profile is checked against the list given as `existing`: the same id,
 * or an address the listed profiles already cover (x.com vs twitter.com, m. vs www.,
 * another case, a Messenger conversation of a listed Facebook profile, a path on a listed
 * custom site), is refused as already listed.
 */

type Refusal = Extract<Recognition, { ok: false }>;

/** What the list of profiles must give for duplicate checks: ids suffice; ids are `platform:key`. */
type Listed = Pick<Profile, 'id'> & Partial<Pick<Profile, 'platform' | 'key'>>;

const refuse = (reason: RefusalReason, said: Words, coveredBy?: string): Refusal =>
  coveredBy === undefined
    ? { ok: false, reason, words: said }
    : { ok: false, reason, words: said, coveredBy };

const NOT_AN_ADDRESS = refuse('not-an-address', words('profileRefusedNotAnAddress'));
const NOT_HTTP = refuse('not-http', words('profileRefusedNotHttp'));

// Schemes that are not followed by "//"; without this, "mailto:x" would be read as a host.
const OTHER_SCHEME =
  /^(?:about|blob|chrome|data|file|ftp|intent|javascript|mailto|sms|tel|view-source):/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const OPENERS: Record<string, string> = { ')': '(', ']': '[', '>': '<', '}': '{' };

/** The address in what was pasted, tidied: whitespace, quotes, trailing punctuation. */
function addressText(input: string): string | null {
  let text = input.trim();
  if (/\s/.test(text)) {
    // A sentence or a share text: take the first word that is clearly an address.
    const word = text
      .split(/\s+/)
      .find((w) => HAS_SCHEME.test(w.replace(/^[<("'“‘[]+/, '')) || /^[<("'“‘[]*www\./i.test(w));
    if (!word) return null;
    text = word;
  }
  text = text.replace(/^[<("'“‘[]+/, '');
  // Trailing sentence punctuation and closing quotes are never part of a profile address;
  // a closing bracket is, if the address opened one.
  for (;;) {
    const last = text.slice(-1);
    if (last !== '' && '.,;:!?\'"”’»'.includes(last)) text = text.slice(0, -1);
    else if (last in OPENERS && !text.includes(OPENERS[last] ?? '')) text = text.slice(0, -1);
    else break;
  }
  return text;
}

/** Parses pasted text into an http(s) URL, or the refusal that explains why not. */
function parseAddress(input: string): URL | Refusal {
  if (!input.trim()) return refuse('empty', words('profileRefusedEmpty'));
  let text = addressText(input);
  if (!text) return NOT_AN_ADDRESS;
  if (text.startsWith('//')) text = `https:${text}`;
  const hasScheme = HAS_SCHEME.test(text);
  if (!hasScheme && OTHER_SCHEME.test(text)) return NOT_HTTP;
  // "@jamie" or "jamie@example.com" would otherwise parse as a user name before a host.
  if (!hasScheme && /^[^/]*@/.test(text)) return NOT_AN_ADDRESS;
  let url: URL;
  try {
    // People often paste "instagram.com/name" without the scheme.
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return NOT_AN_ADDRESS;
  }
  if (!isHttpProtocol(url)) return NOT_HTTP;
  // "jamie" alone parses as a host; an address needs a dot somewhere in its host.
  if (!url.hostname.includes('.')) return NOT_AN_ADDRESS;
  // A fully qualified "instagram.com." is the same site.
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  // An encoded letter, digit, "-", ".", "_" or "~" is the same character
  // (instagram.com/jamie%2Edoe), and an encoded "@" in a path is the "@" before a handle.
  url.pathname = decodeUnreserved(url.pathname).replace(/%40/gi, '@');
  if (url.search) url.search = decodeUnreserved(url.search);
  return url;
}

function parseId(id: string): Pick<Profile, 'id' | 'platform' | 'key'> | null {
  const i = id.indexOf(':');
  const platform = id.slice(0, i);
  if (i < 0 || !(PLATFORMS as readonly string[]).includes(platform)) return null;
  return { id, platform: platform as Platform, key: id.slice(i + 1) };
}

function build(mod: PlatformModule, key: string): Recognised {
  return {
    id: `${mod.platform}:${key}`,
    platform: mod.platform,
    key,
    display: `${mod.label} · ${mod.display(key)}`,
    url: mod.url(key),
  };
}

/** The checks every candidate passes before it is offered: size, then duplicates. */
function admit(profile: Recognised, existing: readonly Listed[]): Recognition {
  // A profile must fit in one blocking rule per pattern; a key too long for that would be
  // refused by the browser, so it is refused here, where the person can see why.
  if (
    planChunks([profile]).some((c) => re2Size(redirectRegex(c), c.caseSensitive) > REGEX_BUDGET)
  ) {
    return refuse('too-long', words('profileRefusedTooLong'));
  }
  const listed = existing.flatMap((e) => {
    if (e.platform !== undefined && e.key !== undefined)
      return [{ id: e.id, platform: e.platform, key: e.key }];
    const parsed = parseId(e.id);
    return parsed ? [parsed] : [];
  });
  const same = listed.find((e) => e.id === profile.id) ?? matchProfile(profile.url, listed);
  if (same) {
    const shown = profileName({ ...same, display: same.id });
    return refuse(
      'already-listed',
      words(same.id === profile.id ? 'profileRefusedListed' : 'profileRefusedCovered', shown),
      same.id,
    );
  }
  return { ok: true, profile };
}

/**
 * Turns whatever the person pasted into a recognised profile or a plain-words refusal. A
 * phone number on its own (no address) is read by `recognisePhone`.
 */
export function recognise(input: string, existing: readonly Listed[] = []): Recognition {
  if (looksLikePhone(input)) return recognisePhone(input, existing);
  const url = parseAddress(input);
  if (!(url instanceof URL)) return url;
  const mods = modulesForHost(url.hostname);
  if (!mods.length) {
    const site = url.hostname.replace(/^www\./, '');
    return refuse('unknown-site', words('profileRefusedUnknownSite', site));
  }
  for (const mod of mods) {
    const found = mod.recognise(url);
    if (found) return admit(build(mod, found.key), existing);
  }
  for (const mod of mods) {
    const why = mod.refusal?.(url);
    if (why) return refuse(why.reason, why.words);
  }
  const home = mods.find((m) =>
    m.home?.some((d) => url.hostname === d || url.hostname.endsWith(`.${d}`)),
  );
  const label = (home ?? mods[0])?.label ?? url.hostname;
  return refuse('not-a-profile', words('profileRefusedNotAProfile', label));
}

// A domain name with an alphabetic top-level label: no IP addresses, no "localhost".
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*$/;

/**
 * Lists an address as a custom entry: `kind` 'site' covers its domain (without "www.")
 * and every subdomain; 'path' covers its path and everything under it on that domain and
 * its subdomains, ignoring case. A path with a query string is refused rather than
 * silently shortened, since "/profile.php?id=5" shortened to "/profile.php" would block
 * every profile on the site.
 */
export function recogniseCustom(
  input: string,
  kind: CustomKind,
  existing: readonly Listed[] = [],
): Recognition {
  const url = parseAddress(input);
  if (!(url instanceof URL)) return url;
  const domain = url.hostname.replace(/^www\./, '');
  if (!DOMAIN.test(domain)) {
    return refuse('not-a-site', words('profileRefusedNotASite'));
  }
  if (kind === 'site') return admit(build(custom, SITE + domain), existing);
  // A doubled slash is the same path (browsers send it as written; sites read one).
  const path = url.pathname
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
  if (!path) {
    return refuse('not-a-path', words('profileRefusedNoPath'));
  }
  if (url.search) {
    return refuse('not-a-path', words('profileRefusedQuery'));
  }
  return admit(build(custom, PATH + domain + path), existing);
}

/**
 * A phone number typed or pasted on its own ("+44 7700 900123", "0044 7700 900123",
 * "447700900123", "tel:+44..."): the WhatsApp conversation with that number, or the
 * reason the number can't be read (no country code, too few or too many digits).
 */
export function recognisePhone(input: string, existing: readonly Listed[] = []): Recognition {
  const r = readPhone(input);
  if (!r.ok) {
    const why = phoneRefusal(r);
    return refuse(why.reason, why.words);
  }
  return admit(build(whatsapp, r.digits), existing);
}

/** The domains an entry's rules need that the manifest does not give: asked for when listed. */
function askedDomains(profile: Pick<Profile, 'platform' | 'key'>): readonly string[] {
  if (profile.platform === 'custom') return profileDomains(custom, profile.key);
  return (platformModule(profile.platform)?.domains ?? []).filter((d) => ASKED_DOMAINS.includes(d));
}

/**
 * Host match patterns an entry needs as optional permissions, asked for when it is listed
 * and given back when the last entry needing them is removed: a custom entry's domain and
 * its subdomains, and a chat app's hosts that are not in the manifest (ASKED_HOSTS in
 * hosts.ts; a Discord, Telegram or WhatsApp conversation). [] for everything else, whose
 * hosts the manifest gives. The page-side guard is registered for the same patterns once
 * given (entrypoints/background/custom-guard.ts).
 */
export function originPatternsFor(profile: Pick<Profile, 'platform' | 'key'>): string[] {
  const domains = askedDomains(profile);
  if (profile.platform === 'custom') return domains.flatMap((d) => [`*://${d}/*`, `*://*.${d}/*`]);
  return hostPatterns(domains);
}

/** The sites an entry's permission is asked for, as the person reads them ("wa.me, whatsapp.com"). */
export function askedSitesName(profile: Pick<Profile, 'platform' | 'key' | 'display'>): string {
  if (profile.platform === 'custom') return custom.display(profile.key);
  const domains = askedDomains(profile);
  return domains.length ? domains.join(', ') : profile.display;
}
