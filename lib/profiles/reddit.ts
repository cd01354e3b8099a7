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

// Usernames: 3-20 of [a-z0-9_-], case-insensitive.
const USERNAME = /^[a-z0-9_-]{3,20}$/;

/*
 * Covers: reddit.com/user/<name> and /u/<name> with everything under them (posts,
 * comments, multireddits), the profile's own subreddit (/r/u_<name>), on every subdomain
 * (old., new., np., sh.), and any address naming the account as to= (a private message
 * to it, /message/compose?to=<name>).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: chat (chat.reddit.com and /chat/, which name accounts by an internal id),
 * posts and comments opened by their ids (redd.it/<id>, /comments/<id>), whose addresses
 * don't name the author.
 */
const HOSTS = 'reddit\\.com';

/** The profile's own paths: /user/<name>, /u/<name> and its subreddit /r/u_<name>. */
const PROFILE = `(?:u(?:ser)?${SLASH}|r${SLASH}u_)`;

export const reddit: PlatformModule = {
  platform: 'reddit',
  label: 'Reddit',
  domains: PLATFORM_HOSTS.reddit,
  recognise(url) {
    const [first, second, third] = pathSegments(url).map((s) => s.toLowerCase());
    const name =
      first === 'user' || first === 'u'
        ? second
        : first === 'r' && second?.startsWith('u_')
          ? second.slice(2)
          : first === 'message' && second === 'compose' && third === undefined
            ? url.searchParams.get('to')?.toLowerCase()
            : undefined;
    return name && USERNAME.test(name) ? { key: name } : null;
  },
  display: (key) => `u/${key}`,
  url: (key) => `https://www.reddit.com/user/${key}/`,
  patterns: (key) => [
    widest(
      {
        head: `${HOSTS}${HOST_END}(?:${PROFILE}|[^#]*[?&]to=)`,
        key: escapeRegex(key),
        tail: KEY_END,
        caseSensitive: false,
      },
      {
        head: HOSTS + HOST_END + PROFILE,
        key: escapeRegex(key),
        tail: SEGMENT_END,
        caseSensitive: false,
      },
    ),
    escapedSpellings(HOSTS),
  ],
};
