import { httpUrl } from './check';
import { ADDRESS_MAX_CHARS } from './limits';
import { modulesForHost } from './profiles/registry';

/**
 * The interstitial receives the original address after '#'. Only an http(s) address is
 * ever used; anything else (javascript:, data:, text) is treated as no address at all.
 */
export function readBlockedAddress(hash: string): URL | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw || raw.length > ADDRESS_MAX_CHARS) return null;
  return httpUrl(raw);
}

/** A short, text-only form of an address for display: host and path, at most `max` characters. */
export function shortAddress(u: URL, max = 60): string {
  const s = u.host.replace(/^www\./, '') + (u.pathname === '/' ? '' : u.pathname);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * How much of an address too long to use is ever read: its site and the start of its
 * path are at the front, and a browser address can run to megabytes, so the page's work
 * (and what it shows) stays the same however long the address is.
 */
export const LONG_ADDRESS_READ_CHARS = 2048;

/** What the page says about an address too long to use: its site, and its start. */
export interface LongAddress {
  /** The platform's name ("Instagram"), or else the site ("example.org"), at most 60 characters. */
  site: string;
  /** The start of the address, as text, at most 60 characters (shortAddress). */
  shown: string;
}

/**
 * For an http(s) address longer than ADDRESS_MAX_CHARS (which is never used, only shown):
 * the site and the start of the address, read from its first LONG_ADDRESS_READ_CHARS
 * characters only. Null for any other address.
 */
export function readLongAddress(hash: string): LongAddress | null {
  const start = hash.startsWith('#') ? 1 : 0;
  if (hash.length - start <= ADDRESS_MAX_CHARS) return null;
  const url = httpUrl(hash.slice(start, start + LONG_ADDRESS_READ_CHARS));
  if (!url) return null;
  const host = url.hostname.replace(/^www\./, '');
  const site = modulesForHost(url.hostname)[0]?.label ?? host;
  return { site: site.length > 60 ? `${site.slice(0, 59)}…` : site, shown: shortAddress(url) };
}
