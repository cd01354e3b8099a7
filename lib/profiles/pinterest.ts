import { PLATFORM_HOSTS } from './hosts';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  pathSegments,
  SEGMENT_END,
  type PlatformModule,
} from './platform';

// Usernames: 3-30 of [a-z0-9_], case-insensitive.
const USERNAME = /^[a-z0-9_]{3,30}$/;

/*
 * Covers: pinterest.com/<user> with everything under it (boards, pins saved, created,
 * followers), on every country site (hosts.ts lists them) and every country subdomain
 * (de.pinterest.com).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: pins by their ids (/pin/<id>), pin.it short links, and the embed widgets,
 * which load the profile's pins from Pinterest's widget service rather than from its
 * address.
 */

/**
 * The host part of a Pinterest pattern: "pinterest." and a country ending (com, de, co.uk,
 * com.au...). Spelling out every country domain would cost more RE2 instructions than a
 * whole rule may have, so this also reaches pinterest.<anything else>: harmless, since the
 * browser applies the redirect only on hosts the extension has access to (hosts.ts), and
 * the matcher checks the host against that list first.
 */
export const PINTEREST_HOST = 'pinterest\\.(?:com?\\.)?[a-z]+';

// Pinterest's own first path segments.
const RESERVED = new Set([
  '_',
  'about',
  'business',
  'categories',
  'discover',
  'edit',
  'explore',
  'ideas',
  'inbox',
  'login',
  'logout',
  'news_hub',
  'notifications',
  'oauth',
  'password',
  'pin',
  'privacy',
  'resource',
  'search',
  'settings',
  'shopping',
  'signup',
  'terms',
  'today',
  'topics',
  'videos',
]);

export const pinterest: PlatformModule = {
  platform: 'pinterest',
  label: 'Pinterest',
  domains: PLATFORM_HOSTS.pinterest,
  recognise(url) {
    // /<user>/<board>/ is one of the profile's boards.
    const first = pathSegments(url)[0]?.toLowerCase();
    if (!first || RESERVED.has(first) || !USERNAME.test(first)) return null;
    return { key: first };
  },
  display: (key) => key,
  url: (key) => `https://www.pinterest.com/${key}/`,
  patterns: (key) => [
    {
      head: PINTEREST_HOST + HOST_END,
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
    escapedSpellings(PINTEREST_HOST),
  ],
};
