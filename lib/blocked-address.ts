import { httpUrl } from './check';
import { ADDRESS_MAX_CHARS } from './limits';

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
