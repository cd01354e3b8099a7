import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

// Instagram handles: 1-30 of [a-z0-9._], case-insensitive (Instagram lower-cases them).
export const INSTAGRAM_HANDLE = /^[a-z0-9._]{1,30}$/;

// First path segments that are Instagram's own pages, never a profile. `_u` and `_n` are
// app deep-link prefixes; `s` is a shared highlight, whose owner the address doesn't name.
const RESERVED = new Set([
  '_n',
  '_u',
  'about',
  'accounts',
  'api',
  'ar',
  'challenge',
  'create',
  'data',
  'developer',
  'direct',
  'directory',
  'emails',
  'explore',
  'graphql',
  'legal',
  'lite',
  'nametag',
  'oauth',
  'p',
  'press',
  'privacy',
  'qr',
  'reel',
  'reels',
  's',
  'session',
  'static',
  'stories',
  'terms',
  'topics',
  'tv',
  'web',
  'your_activity',
]);

export const instagram: PlatformModule = {
  platform: 'instagram',
  label: 'Instagram',
  // ig.me/m/<handle> opens a direct-message thread with that account.
  domains: ['instagram.com', 'ig.me'],
  recognise(url) {
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    const [first, second] = segs;
    if (url.hostname === 'ig.me' || url.hostname.endsWith('.ig.me')) {
      return first === 'm' && second && INSTAGRAM_HANDLE.test(second) ? { key: second } : null;
    }
    // /stories/<handle>/... names its author; /stories/highlights/<id> does not.
    if (first === 'stories') {
      return second && second !== 'highlights' && INSTAGRAM_HANDLE.test(second)
        ? { key: second }
        : null;
    }
    if (!first || RESERVED.has(first) || !INSTAGRAM_HANDLE.test(first)) return null;
    return { key: first };
  },
  display: (key) => `@${key}`,
  url: (key) => `https://www.instagram.com/${key}/`,
  patterns: (key) => [
    {
      head: '(?:instagram\\.com/(?:stories/)?|ig\\.me/m/)',
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
  ],
};
