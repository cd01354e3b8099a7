import { escapeRegex, hostPrefix, SEGMENT_END, type PlatformModule } from './platform';

// Instagram handles: 1-30 of [a-z0-9._], case-insensitive (Instagram lower-cases them).
const HANDLE = /^[a-z0-9._]{1,30}$/;
// First path segments that are Instagram's own pages, never a profile.
const RESERVED = new Set([
  'explore',
  'accounts',
  'direct',
  'reels',
  'reel',
  'p',
  'tv',
  'stories',
  'about',
  'legal',
  'developer',
  'challenge',
  'emails',
  'session',
  'web',
  'api',
  'graphql',
  'ar',
  'topics',
  'directory',
  'lite',
  'privacy',
  'terms',
]);
const DOMAINS = ['instagram.com'] as const;

export const instagram: PlatformModule = {
  platform: 'instagram',
  label: 'Instagram',
  domains: DOMAINS,
  caseSensitive: false,
  recognise(url) {
    const segs = url.pathname
      .split('/')
      .filter(Boolean)
      .map((s) => s.toLowerCase());
    // /stories/<handle>/... names its author; Instagram's other own pages do not.
    if (segs[0] === 'stories' && segs[1] && HANDLE.test(segs[1])) return { key: segs[1] };
    const first = segs[0];
    if (!first || RESERVED.has(first) || !HANDLE.test(first)) return null;
    return { key: first };
  },
  display: (key) => `@${key}`,
  url: (key) => `https://www.instagram.com/${key}/`,
  patterns(key) {
    const h = escapeRegex(key);
    return [`${hostPrefix(DOMAINS)}/(stories/)?${h}${SEGMENT_END}`];
  },
};
