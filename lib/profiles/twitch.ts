import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

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
  'subscriptions',
  'team',
  'turbo',
  'videos',
  'wallet',
]);

// Subdomains that serve a channel page; clips.twitch.tv/<slug> and the like do not.
const PAGE_HOSTS = new Set(['twitch.tv', 'www.twitch.tv', 'm.twitch.tv']);

export const twitch: PlatformModule = {
  platform: 'twitch',
  label: 'Twitch',
  domains: ['twitch.tv'],
  recognise(url) {
    if (!PAGE_HOSTS.has(url.hostname)) return null;
    const first = pathSegments(url)[0]?.toLowerCase();
    if (!first || RESERVED.has(first) || !NAME.test(first)) return null;
    return { key: first };
  },
  display: (key) => key,
  url: (key) => `https://www.twitch.tv/${key}`,
  patterns: (key) => [
    { head: 'twitch\\.tv/', key: escapeRegex(key), tail: SEGMENT_END, caseSensitive: false },
  ],
};
