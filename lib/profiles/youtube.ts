import { words } from '../words';
import { PLATFORM_HOSTS } from './hosts';
import {
  AT,
  escapedSpellings,
  escapeRegex,
  HOST_END,
  KEY_END,
  hostIn,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type Pattern,
  type PlatformModule,
} from './platform';
import { widest } from './fit';

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
  'browse',
  'c',
  'channel',
  'courses',
  'create_channel',
  'creators',
  'embed',
  'error',
  'feed',
  'feeds',
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
  'subscription_center',
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

/*
 * Covers, for each form, the channel's pages and everything under them (videos, shorts,
 * live, community, about), on every subdomain (m., music.), with the @ of a handle written
 * or encoded. For a legacy username also any address that names it as user= or
 * add_user= (the feed, feeds/videos.xml?user=, and the subscribe link,
 * subscription_center?add_user=). For a channel id also any address that names it as
 * channel= or channel_id=: the embedded live player (embed/live_stream?channel=<id>, on
 * youtube.com and youtube-nocookie.com) and the feed (feeds/videos.xml?channel_id=).
 * The query forms are there when the key leaves room for them (see fit.ts).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: videos by their ids (watch?v=, youtu.be/<id>, /shorts/<id>, /embed/<id>),
 * live chat and posts by their ids, one form of a channel from another (each is listed on
 * its own), YouTube Music's and YouTube Kids' channel pages by id (/browse/<id>,
 * youtubekids.com), and the channel's uploads playlist (list=UU...): a second head with
 * the whole id leaves no room in one rule.
 */
const HOSTS = 'youtube\\.com';

/** A query naming a legacy username: the feed's user= and the subscribe link's add_user=. */
const USER_PARAM = `[^#]*[?&](?:add_)?user=`;

/**
 * A channel id's pages: /channel/<id>, and any address that names the channel as
 * channel= or channel_id= (the embedded live player, also on youtube-nocookie.com, and the
 * feed).
 */
const CHANNEL_WIDE = `youtube(?:-nocookie)?\\.com${HOST_END}(?:channel${SLASH}|[^#]*[?&]channel(?:_id)?=)`;

// Each key starts with its form's prefix: "@jamie", "c:jamie", "user:jamie", "channel:UC...".
const FORMS = [
  { prefix: '@', shown: '@', path: '@' },
  { prefix: 'c:', shown: 'c/', path: 'c/' },
  { prefix: 'user:', shown: 'user/', path: 'user/' },
  { prefix: 'channel:', shown: 'channel ', path: 'channel/' },
] as const;

const formOf = (key: string) => FORMS.find((f) => key.startsWith(f.prefix));

/** A form's pattern for `name` (the key without its prefix), escaped spellings aside. */
function formPattern(prefix: (typeof FORMS)[number]['prefix'], name: string): Pattern {
  const key = escapeRegex(name);
  // Channel ids are case-sensitive.
  const caseSensitive = prefix === 'channel:';
  const pattern = (head: string, tail = SEGMENT_END): Pattern => ({
    head,
    key,
    tail,
    caseSensitive,
  });
  const path = (head: string) => pattern(`${HOSTS}${HOST_END}${head}`);
  switch (prefix) {
    case '@':
      return path(AT);
    case 'c:':
      return path(`(?:c${SLASH})?`);
    case 'user:':
      return widest(
        pattern(`${HOSTS}${HOST_END}(?:user${SLASH}|${USER_PARAM})`, KEY_END),
        path(`user${SLASH}`),
      );
    case 'channel:':
      return widest(pattern(CHANNEL_WIDE, KEY_END), path(`channel${SLASH}`));
  }
}

export const youtube: PlatformModule = {
  platform: 'youtube',
  label: 'YouTube',
  domains: PLATFORM_HOSTS.youtube,
  home: ['youtube.com', 'youtube-nocookie.com'],
  recognise(url) {
    const [first, second] = pathSegments(url);
    const param = (name: string) => url.searchParams.get(name) ?? '';
    const channel = [param('channel'), param('channel_id')].find((v) => CHANNEL_ID.test(v));
    const uploads = /^UU(?:LF|SH|LV)?([A-Za-z0-9_-]{22})$/.exec(param('list'))?.[1];
    if (channel) return { key: `channel:${channel}` };
    if (uploads) return { key: `channel:UC${uploads}` };
    if (!first) return null;
    const lower = first.toLowerCase();
    // The feed and the subscribe link name a legacy username.
    const user = (
      lower === 'feeds' ? param('user') : lower === 'subscription_center' ? param('add_user') : ''
    ).toLowerCase();
    if (user) return NAME.test(user) ? { key: `user:${user}` } : null;
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
    if (!hostIn(url.hostname, ['youtube.com']) || RESERVED.has(lower) || !NAME.test(lower))
      return null;
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
      formPattern(f.prefix, key.slice(f.prefix.length)),
      escapedSpellings('youtube(?:-nocookie)?\\.com'),
    ];
  },
};
