import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

// Handles: 1-15 of [a-z0-9_], case-insensitive. twitter.com and x.com are one site.
const HANDLE = /^[a-z0-9_]{1,15}$/;

// X's own pages. /i/... holds everything else (lists, communities, i/web/status/<id>,
// whose author the address does not name).
const RESERVED = new Set([
  'about',
  'account',
  'bookmarks',
  'communities',
  'compose',
  'connect',
  'download',
  'explore',
  'following',
  'followers',
  'hashtag',
  'help',
  'home',
  'i',
  'intent',
  'jobs',
  'lists',
  'login',
  'logout',
  'messages',
  'notifications',
  'oauth',
  'personalization',
  'premium',
  'privacy',
  'rules',
  'search',
  'session',
  'sessions',
  'settings',
  'share',
  'signup',
  'topics',
  'tos',
  'verified',
  'who_to_follow',
  'widgets',
]);

export const x: PlatformModule = {
  platform: 'x',
  label: 'X',
  domains: ['x.com', 'twitter.com'],
  recognise(url) {
    // /<handle>/status/<id> names its author, so it is recognised as the author.
    const first = pathSegments(url)[0]?.toLowerCase();
    if (!first || RESERVED.has(first) || !HANDLE.test(first)) return null;
    return { key: first };
  },
  display: (key) => `@${key}`,
  url: (key) => `https://x.com/${key}`,
  patterns: (key) => [
    {
      head: '(?:twitter|x)\\.com/',
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
  ],
};
