import { words } from '../words';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  SEGMENT_END,
  SLASH,
  type PlatformModule,
} from './platform';

/**
 * Custom entries, listed with `recogniseCustom` rather than recognised from an address.
 * Keys:
 * - `site:<domain>`: the domain and every subdomain, any path.
 * - `path:<domain><path>`: that path and everything under it, on a path-segment boundary
 *   (/jamie covers /jamie, /jamie/x and /jamie?x, not /jamiex), on the domain and its
 *   subdomains (www., m. and the like usually serve the same pages).
 * Domains are stored without "www."; paths are lower-case and matched ignoring case: on an
 * unknown site the safer mistake is to also block /Jamie, not to miss it. A site is
 * stopped with a trailing dot on its domain too; a path with doubled slashes as well, and
 * any encoded spelling of a path on its site (see escapedSpellings).
 */
export const SITE = 'site:';
export const PATH = 'path:';

function split(key: string): { kind: 'site' | 'path'; domain: string; path: string } | null {
  if (key.startsWith(SITE)) return { kind: 'site', domain: key.slice(SITE.length), path: '' };
  if (!key.startsWith(PATH)) return null;
  const rest = key.slice(PATH.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  return { kind: 'path', domain: rest.slice(0, slash), path: rest.slice(slash) };
}

export const custom: PlatformModule = {
  platform: 'custom',
  label: 'Custom',
  domains: [],
  domainsFor(key) {
    const k = split(key);
    return k ? [k.domain] : [];
  },
  // Never recognised from an address: listing a site is the person's explicit choice.
  recognise: () => null,
  display(key) {
    const k = split(key);
    return k ? k.domain + k.path : key;
  },
  name: (key) => words('profileNameCustom', custom.display(key)),
  url(key) {
    const k = split(key);
    return k ? `https://${k.domain}${k.path || '/'}` : '';
  },
  patterns(key) {
    const k = split(key);
    if (!k) return [];
    // The domain follows the root directly, so "notexample.com" is not "example.com".
    const domain = escapeRegex(k.domain);
    if (k.kind === 'site') {
      // The whole site, however its paths are spelled; with a trailing dot too.
      return [{ head: '', key: domain, tail: `\\.?${HOST_END}`, caseSensitive: false }];
    }
    // The path is matched segment by segment, so doubled slashes in it are the same path.
    const path = k.path.split('/').filter(Boolean).map(escapeRegex).join(SLASH);
    return [
      { head: '', key: domain + HOST_END + path, tail: SEGMENT_END, caseSensitive: false },
      // Encoded spellings of any path on the site, and the site written with a trailing
      // dot (see escapedSpellings).
      escapedSpellings(domain),
    ];
  },
};
