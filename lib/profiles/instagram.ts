import { PLATFORM_HOSTS } from './hosts';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  hostIn,
  hostsFragment,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type PlatformModule,
} from './platform';

// Instagram handles: 1-30 of [a-z0-9._], case-insensitive (Instagram lower-cases them).
export const INSTAGRAM_HANDLE = /^[a-z0-9._]{1,30}$/;

// First path segments that are Instagram's own pages, never a profile. `_u` and `_n` are
// app deep-link prefixes (`_u/<handle>` is read as the profile below); `s` is a shared
// highlight, whose owner the address doesn't name.
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

/*
 * Covers: instagram.com/<handle> and everything under it (posts, reels, tagged, guides,
 * the embed), /stories/<handle>/..., the app's deep link /_u/<handle>, the same paths on
 * the short domain instagr.am, and ig.me/m/<handle> (a direct-message thread).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover (the address carries only an opaque id): a post, reel or IGTV video by its
 * shortcode (/p/, /reel/, /tv/), a highlight (/stories/highlights/<id>), a shared story
 * (/s/<code>), a direct thread (/direct/t/<id>), group invites (ig.me/j/<code>) and
 * l.instagram.com redirects.
 */
export const instagram: PlatformModule = {
  platform: 'instagram',
  label: 'Instagram',
  domains: PLATFORM_HOSTS.instagram,
  recognise(url) {
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    const [first, second] = segs;
    if (hostIn(url.hostname, ['ig.me'])) {
      return first === 'm' && second && INSTAGRAM_HANDLE.test(second) ? { key: second } : null;
    }
    // /stories/<handle>/... names its author; /stories/highlights/<id> does not. The app's
    // /_u/<handle> opens the profile.
    if (first === 'stories' || first === '_u') {
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
      head: `(?:instagr(?:am\\.com|\\.am)${HOST_END}(?:(?:stories|_u)${SLASH})?|ig\\.me${HOST_END}m${SLASH})`,
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
    escapedSpellings(hostsFragment(PLATFORM_HOSTS.instagram)),
  ],
};
