import { words } from '../words';
import {
  escapeRegex,
  pathSegments,
  SEGMENT_END,
  type Pattern,
  type PlatformModule,
} from './platform';

// A channel is reached four ways: @handle, /c/<custom name> (also the bare /<custom name>),
// /user/<legacy username> and /channel/<UC id>. YouTube can't be asked offline which of
// these belong to one channel, so each form is its own key and covers only itself; a
// person who wants every form lists each address they know.
const HANDLE = /^[a-z0-9._%-]{3,100}$/;
const NAME = /^[a-z0-9_%-]{1,100}$/;
// Channel IDs are case-sensitive: UC followed by 22 base64url characters.
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;

// First path segments that are YouTube's own pages, not a legacy custom name.
const RESERVED = new Set([
  'about',
  'account',
  'ads',
  'api',
  'attribution_link',
  'c',
  'channel',
  'courses',
  'create_channel',
  'creators',
  'embed',
  'error',
  'feed',
  'gaming',
  'hashtag',
  'help',
  'howyoutubeworks',
  'iframe_api',
  'jobs',
  'kids',
  'learning',
  'live',
  'logout',
  'movies',
  'music',
  'new',
  'news',
  'oops',
  'paid_memberships',
  'playables',
  'playlist',
  'podcasts',
  'post',
  'premium',
  'redirect',
  'reporthistory',
  'results',
  's',
  'shorts',
  'signin',
  'source',
  'sports',
  'storefront',
  'supported_browsers',
  't',
  'trending',
  'upload',
  'user',
  'verify_age',
  'watch',
  'youtubei',
  'yt',
]);

// Each key starts with its form's prefix: "@jamie", "c:jamie", "user:jamie", "channel:UC...".
const FORMS = [
  { prefix: '@', head: 'youtube\\.com/@', shown: '@', path: '@', caseSensitive: false },
  { prefix: 'c:', head: 'youtube\\.com/(?:c/)?', shown: 'c/', path: 'c/', caseSensitive: false },
  {
    prefix: 'user:',
    head: 'youtube\\.com/user/',
    shown: 'user/',
    path: 'user/',
    caseSensitive: false,
  },
  {
    prefix: 'channel:',
    head: 'youtube\\.com/channel/',
    shown: 'channel ',
    path: 'channel/',
    caseSensitive: true,
  },
] as const;

const formOf = (key: string) => FORMS.find((f) => key.startsWith(f.prefix));

export const youtube: PlatformModule = {
  platform: 'youtube',
  label: 'YouTube',
  domains: ['youtube.com'],
  recognise(url) {
    const [first, second] = pathSegments(url);
    if (!first) return null;
    const lower = first.toLowerCase();
    if (lower.startsWith('@')) {
      const handle = lower.slice(1);
      return HANDLE.test(handle) ? { key: `@${handle}` } : null;
    }
    if (lower === 'channel')
      return second && CHANNEL_ID.test(second) ? { key: `channel:${second}` } : null;
    if (lower === 'c' || lower === 'user') {
      const name = second?.toLowerCase();
      return name && NAME.test(name) ? { key: `${lower}:${name}` } : null;
    }
    // youtube.com/<name> is the same custom name as youtube.com/c/<name>.
    if (RESERVED.has(lower) || !NAME.test(lower)) return null;
    return { key: `c:${lower}` };
  },
  display(key) {
    const f = formOf(key);
    return f ? f.shown + key.slice(f.prefix.length) : key;
  },
  name: (key) =>
    key.startsWith('channel:')
      ? words('profileNameYoutubeChannel', key.slice('channel:'.length))
      : null,
  url(key) {
    const f = formOf(key);
    return `https://www.youtube.com/${f ? f.path + key.slice(f.prefix.length) : key}`;
  },
  patterns(key): Pattern[] {
    const f = formOf(key);
    if (!f) return [];
    return [
      {
        head: f.head,
        key: escapeRegex(key.slice(f.prefix.length)),
        tail: SEGMENT_END,
        caseSensitive: f.caseSensitive,
      },
    ];
  },
};
