import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

// Usernames: 3-30 of [a-z0-9_], case-insensitive.
const USERNAME = /^[a-z0-9_]{3,30}$/;

// pinterest.com and the country sites that serve the same profiles. Every one of them is
// also written out in the pattern below; a generic "pinterest.<anything>" would reach
// sites that are not Pinterest's, and each extra domain costs RE2 instructions in every
// Pinterest rule, so the list is the largest markets rather than every country.
export const PINTEREST_DOMAINS = [
  'pinterest.com',
  'pinterest.co.uk',
  'pinterest.ca',
  'pinterest.com.au',
  'pinterest.de',
  'pinterest.fr',
] as const;

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
  domains: PINTEREST_DOMAINS,
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
      head: 'pinterest\\.(?:com(?:\\.au)?|co\\.uk|ca|de|fr)/',
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
  ],
};
