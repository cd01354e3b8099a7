import { PLATFORM_HOSTS } from './hosts';
import {
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

// Channel names: 3-25 of [a-z0-9_], case-insensitive.
const NAME = /^[a-z0-9_]{3,25}$/;

// Twitch's own pages. twitch.tv/videos/<id> is a video, whose channel the address
// doesn't name.
const RESERVED = new Set([
  'activate',
  'bits',
  'broadcast',
  'collections',
  'creatorcamp',
  'directory',
  'downloads',
  'drops',
  'embed',
  'event',
  'friends',
  'help',
  'inventory',
  'jobs',
  'legal',
  'login',
  'logout',
  'messages',
  'moderator',
  'p',
  'partners',
  'payments',
  'popout',
  'prime',
  'privacy',
  'products',
  'redeem',
  'safety',
  'search',
  'security',
  'settings',
  'signup',
  'store',
  'subs',
  'subscriptions',
  'team',
  'turbo',
  'videos',
  'wallet',
]);

// Subdomains that serve a channel page; clips.twitch.tv/<slug> and the like do not.
const PAGE_HOSTS = new Set(['twitch.tv', 'www.twitch.tv', 'm.twitch.tv']);

/** First path segments before a channel's name that show the channel or its chat. */
const BEFORE_NAME = new Set(['popout', 'embed', 'moderator', 'subs']);

/*
 * Covers: twitch.tv/<channel> with everything under it (videos, clips, schedule, chat),
 * and, when the name leaves room for them (see fit.ts), the pop-out pages
 * (/popout/<channel>/chat, /popout/<channel>/viewercard/...), the embedded chat
 * (/embed/<channel>/chat), the moderator view (/moderator/<channel>), the subscribe page
 * (/subs/<channel>), and any address naming the channel as channel= (the embedded player
 * and "everything" embed, player.twitch.tv/?channel=, embed.twitch.tv/?channel=).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: videos and clips by their ids (/videos/<id>, clips.twitch.tv/<slug>,
 * player.twitch.tv/?video=), and whispers, which name no channel in the address.
 */
const HOSTS = 'twitch\\.tv';

export const twitch: PlatformModule = {
  platform: 'twitch',
  label: 'Twitch',
  domains: PLATFORM_HOSTS.twitch,
  recognise(url) {
    const host = url.hostname.replace(/\.$/, '');
    if (!PAGE_HOSTS.has(host)) {
      // The embedded players take the channel as a parameter.
      const channel = hostIn(host, ['twitch.tv']) ? url.searchParams.get('channel') : null;
      const name = channel?.toLowerCase();
      return name && NAME.test(name) ? { key: name } : null;
    }
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    const first = segs[0] && BEFORE_NAME.has(segs[0]) ? segs[1] : segs[0];
    if (!first || RESERVED.has(first) || !NAME.test(first)) return null;
    return { key: first };
  },
  display: (key) => key,
  url: (key) => `https://www.twitch.tv/${key}`,
  patterns: (key) => {
    const pattern = (before: string, tail = SEGMENT_END): Pattern => ({
      head: `${HOSTS}${HOST_END}${before}`,
      key: escapeRegex(key),
      tail,
      caseSensitive: false,
    });
    const PAGES = `(?:popout|embed|moderator|subs)${SLASH}`;
    return [
      widest(
        pattern(`(?:${PAGES}|[^#]*[?&]channel=)?`, KEY_END),
        pattern(`(?:${PAGES})?`),
        pattern(''),
      ),
      escapedSpellings(HOSTS),
    ];
  },
};
