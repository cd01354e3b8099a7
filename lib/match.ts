import { httpUrl } from './check';
import { decodeUnreserved, hostIn, patternSource } from './profiles/platform';
import { platformModule, profileDomains } from './profiles/registry';
import type { Profile } from './profiles/types';

interface Compiled {
  regexes: RegExp[];
  domains: readonly string[];
}

// Keyed by platform and key (what the patterns are made of), so a profile is compiled once
// however many times the page-side guard asks. Cleared wholesale if it ever grows past
// any real list, which is simpler than an LRU and costs one recompile.
const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 5000;

function compiled(p: Pick<Profile, 'platform' | 'key'>): Compiled {
  const id = `${p.platform}\u0000${p.key}`;
  let c = cache.get(id);
  if (!c) {
    const mod = platformModule(p.platform);
    c = {
      // The catch for encoded spellings is left to the network rules: the address is
      // decoded below, which tells the listed account from anyone else's.
      regexes: (mod?.patterns(p.key) ?? [])
        .filter((pt) => !pt.escaped)
        .map((pt) => new RegExp(patternSource(pt), pt.caseSensitive ? '' : 'i')),
      domains: mod ? profileDomains(mod, p.key) : [],
    };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(id, c);
  }
  return c;
}

/**
 * Which listed profile does this address belong to? Null for anything else. The regexes
 * are the rules' own sources, tested against the canonical form of the address
 * (lower-case host, default port dropped, path percent-encoded), which is what the
 * browser hands declarativeNetRequest, in its plain spelling: encoded unreserved
 * characters decoded (jamie%2Edoe is jamie.doe) and a host's final dot dropped. So the
 * answer is the rules' answer, except for a hand-made spelling of an account that is not
 * listed, which the rules' catch for such spellings stops too (see escapedSpellings) and
 * which belongs to no listed profile here. Profiles whose domains can't contain the host
 * are skipped before any regex runs.
 */
export function matchProfile<P extends Pick<Profile, 'platform' | 'key' | 'id'>>(
  address: string,
  profiles: readonly P[],
): P | null {
  const url = httpUrl(address);
  if (!url) return null;
  // The plain spelling: a fully qualified host without its final dot, encoded unreserved
  // characters decoded.
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const href = decodeUnreserved(url.href);
  for (const p of profiles) {
    const c = compiled(p);
    if (hostIn(url.hostname, c.domains) && c.regexes.some((re) => re.test(href))) return p;
  }
  return null;
}
