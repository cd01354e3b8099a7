import { PLATFORM_HOSTS } from './hosts';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  KEY_END,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type PlatformModule,
} from './platform';
import { widest } from './fit';

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

/*
 * Covers: x.com/<handle> and twitter.com/<handle> with everything under them (posts by
 * status id, replies, media, likes, lists), on every subdomain (mobile., www.); any
 * address naming the handle as screen_name= (the web intents: intent/user, intent/follow,
 * and intent/tweet or intent/post, the "post to @handle" button); and the embedded
 * timeline (syndication.twitter.com/srv/timeline-profile/screen-name/<handle>).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: anything by numeric user id (intent/user?user_id=, /i/user/<id>,
 * messages/compose?recipient_id=), posts opened without the author's handle
 * (/i/web/status/<id>, /i/status/<id>, intents by tweet_id), t.co short links, and
 * searches that mention the handle (from:<handle>).
 */
const HOSTS = '(?:twitter|x)\\.com';

/**
 * Addresses that name the account after "screen_name=" (the web intents, in any of their
 * paths) or after "screen-name/" (the embedded timeline), besides the plain /<handle>.
 */
const NAMED = `(?:(?:[^#]*[?&/])?screen.name(?:=|${SLASH}))?`;
const INTENT_PATHS = new Set(['user', 'follow', 'tweet', 'post']);

/** The path of the embedded profile timeline, before the handle. */
const TIMELINE = ['srv', 'timeline-profile', 'screen-name'];

export const x: PlatformModule = {
  platform: 'x',
  label: 'X',
  domains: PLATFORM_HOSTS.x,
  recognise(url) {
    // /<handle>/status/<id> names its author, so it is recognised as the author.
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    const [first, second] = segs;
    let handle = first;
    if (first === 'intent') {
      handle =
        second && INTENT_PATHS.has(second)
          ? (url.searchParams.get('screen_name')?.toLowerCase() ?? undefined)
          : undefined;
    } else if (TIMELINE.every((s, i) => segs[i] === s)) {
      handle = segs[TIMELINE.length];
    } else if (first && RESERVED.has(first)) {
      return null;
    }
    return handle && HANDLE.test(handle) ? { key: handle } : null;
  },
  display: (key) => `@${key}`,
  url: (key) => `https://x.com/${key}`,
  patterns: (key) => [
    widest(
      {
        head: HOSTS + HOST_END + NAMED,
        key: escapeRegex(key),
        tail: KEY_END,
        caseSensitive: false,
      },
      { head: HOSTS + HOST_END, key: escapeRegex(key), tail: SEGMENT_END, caseSensitive: false },
    ),
    escapedSpellings(HOSTS),
  ],
};
