import { words } from '../words';
import { PLATFORM_HOSTS } from './hosts';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  hostIn,
  hostsFragment,
  KEY_END,
  PARAM_END,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type Pattern,
  type PlatformModule,
} from './platform';
import { fits, widest } from './fit';

// Usernames: 5-50 of [a-z0-9.], case-insensitive. A page or profile also has a numeric ID.
export const FACEBOOK_VANITY = /^[a-z0-9][a-z0-9.]{3,48}[a-z0-9]$/;
export const FACEBOOK_ID = /^[0-9]{1,20}$/;
const ID_PREFIX = 'id:';

// Facebook's own first path segments that pass the username syntax.
const RESERVED = new Set([
  'about',
  'adsmanager',
  'bookmarks',
  'browse',
  'business',
  'campaign',
  'careers',
  'checkpoint',
  'commerce',
  'communitystandards',
  'composer',
  'dialog',
  'directory',
  'events',
  'explore',
  'facebook',
  'feeds',
  'friends',
  'fundraisers',
  'gaming',
  'games',
  'groups',
  'hashtag',
  'help',
  'home.php',
  'instantgames',
  'latest',
  'legal',
  'lists',
  'login',
  'login.php',
  'logout',
  'logout.php',
  'marketplace',
  'media',
  'memories',
  'messages',
  'mobile',
  'notes',
  'notifications',
  'offers',
  'onthisday',
  'pages',
  'payments',
  'people',
  'permalink.php',
  'photo.php',
  'photos',
  'places',
  'plugins',
  'policies',
  'policy.php',
  'privacy',
  'profile.php',
  'recover',
  'reels',
  'saved',
  'search',
  'security',
  'settings',
  'share',
  'share.php',
  'sharer',
  'sharer.php',
  'shops',
  'shows',
  'stories',
  'story.php',
  'support',
  'terms',
  'topic',
  'video.php',
  'videos',
  'watch',
  'weather',
]);

/*
 * Covers, for a username: facebook.com/<username> and everything under it (posts, photos,
 * about), the same on fb.com, the short domains fb.me/<username> and fb.gg/<username>,
 * m.me/<username> (a Messenger conversation), and a page's Watch and Gaming pages
 * (/watch/<username>, /gaming/<username>). For a numeric ID: /<id>,
 * /people/<name>/<id>, /pages/<name>/<id>, a member's page in a group
 * (/groups/<group>/user/<id>), any page.php naming it as id= (profile.php, and the post
 * pages permalink.php and story.php), and the conversations of threadPattern.
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * The longest usernames keep facebook.com, fb.com and m.me only (see fit.ts).
 * Cannot cover: a username and an ID of the same account (each is listed on its own), a
 * period the listed username lacks (see usernameFragment), posts, photos and videos by
 * their own ids (/photo.php?fbid=, /watch?v=, fb.watch/<code>, pfbid links without the
 * owner in the path), app-scoped user ids, and conversations on messenger.com named by an
 * ID the username doesn't reveal.
 */
const WEB = `(?:facebook|fb)\\.com${HOST_END}`;

/** Hosts that reach a profile by username at the root of the path. */
const BY_NAME = `(?:(?:facebook|fb)\\.com|fb\\.(?:me|gg)|m\\.me)${HOST_END}`;

/** The same, with the Watch and Gaming pages of a page named by its username. */
const BY_NAME_WIDE = `(?:(?:facebook|fb)\\.com${HOST_END}(?:(?:watch|gaming)${SLASH})?|(?:fb\\.(?:me|gg)|m\\.me)${HOST_END})`;

/** Paths before an ID: /people/<name>/, /pages/<name>/, /groups/<group>/user/. */
const BEFORE_ID = `(?:p(?:eople|ages)|groups)${SLASH}[^?#]*/`;

/** Any page.php naming the account as id= (profile.php, and the post pages permalink.php and story.php). */
const PHP_ID = `[a-z]+\\.php[^#]*[?&]id=`;

/**
 * Direct-message threads, shared with the Messenger module: messenger.com/t/<x>,
 * facebook.com/messages/t/<x> (each also under e2ee/) and m.me/<x>, where <x> is a
 * username or a numeric ID. The head also admits messenger.com/messages/t/,
 * facebook.com/t/ and the two folders in the other order, which are not real pages: one
 * alternation of two domains and a repeated folder costs far fewer RE2 instructions than
 * spelling out the real paths.
 */
export function threadPattern(key: string): Pattern {
  return {
    head: `(?:(?:messenger|facebook)\\.com${HOST_END}(?:(?:messages|e2ee)${SLASH})*t|m\\.me)${SLASH}`,
    key,
    tail: SEGMENT_END,
    caseSensitive: false,
  };
}

/**
 * Facebook ignores periods in usernames (jamie.doe and jamiedoe are one account), so each
 * period of the listed form is optional. A period the listed form lacks can't be guessed:
 * listing "jamiedoe" does not cover "jamie.doe"; the canonical form copied from the
 * address bar is the one to list.
 */
export function usernameFragment(name: string): string {
  return name.split('.').map(escapeRegex).join('\\.?');
}

export const facebook: PlatformModule = {
  platform: 'facebook',
  label: 'Facebook',
  domains: PLATFORM_HOSTS.facebook,
  home: ['facebook.com', 'fb.com', 'fb.me', 'fb.gg'],
  recognise(url) {
    if (!hostIn(url.hostname, ['facebook.com', 'fb.com', 'fb.me', 'fb.gg'])) return null;
    const segs = pathSegments(url);
    const first = segs[0]?.toLowerCase();
    if (!first) return null;
    // profile.php?id=N, in any parameter order; a post's page names its owner the same way.
    if (first === 'profile.php' || first === 'permalink.php' || first === 'story.php') {
      const id = url.searchParams.get('id');
      return id && FACEBOOK_ID.test(id) ? { key: ID_PREFIX + id } : null;
    }
    // /people/<display name>/<id>/ and the old /pages/<name>/<id>/: the name is only a
    // label (many accounts share one), so the ID is the key. The same for a member's page
    // in a group, /groups/<group>/user/<id>/.
    if (first === 'people' || first === 'pages') {
      const id = segs[2];
      return id && FACEBOOK_ID.test(id) ? { key: ID_PREFIX + id } : null;
    }
    if (first === 'groups') {
      const id = segs[2]?.toLowerCase() === 'user' ? segs[3] : undefined;
      return id && FACEBOOK_ID.test(id) ? { key: ID_PREFIX + id } : null;
    }
    if (FACEBOOK_ID.test(first)) return { key: ID_PREFIX + first };
    // A page's Watch and Gaming pages name it.
    const name = first === 'watch' || first === 'gaming' ? segs[1]?.toLowerCase() : first;
    if (!name || RESERVED.has(name) || !FACEBOOK_VANITY.test(name)) return null;
    return { key: name };
  },
  display: (key) => (key.startsWith(ID_PREFIX) ? `profile ${key.slice(ID_PREFIX.length)}` : key),
  name: (key) =>
    key.startsWith(ID_PREFIX) ? words('profileNameFacebookId', key.slice(ID_PREFIX.length)) : null,
  url: (key) =>
    key.startsWith(ID_PREFIX)
      ? `https://www.facebook.com/profile.php?id=${key.slice(ID_PREFIX.length)}`
      : `https://www.facebook.com/${key}`,
  patterns(key) {
    const escaped = escapedSpellings(hostsFragment(PLATFORM_HOSTS.facebook));
    if (key.startsWith(ID_PREFIX)) {
      const id = escapeRegex(key.slice(ID_PREFIX.length));
      const pattern = (head: string, tail: string): Pattern => ({
        head: WEB + head,
        key: id,
        tail,
        caseSensitive: false,
      });
      // Both forms in one rule when the ID leaves room for it, else one rule each.
      const both = pattern(`(?:${BEFORE_ID}|${PHP_ID})?`, KEY_END);
      const byPath = fits(both)
        ? [both]
        : [pattern(`(?:${BEFORE_ID})?`, SEGMENT_END), pattern(PHP_ID, PARAM_END)];
      return [...byPath, threadPattern(id), escaped];
    }
    // A username also reaches the person through m.me/<username>, the link that opens a
    // conversation with them. Conversations on messenger.com carry the numeric ID, which
    // the username doesn't reveal; listing the profile.php?id= address covers those.
    const name = usernameFragment(key);
    const pattern = (head: string): Pattern => ({
      head,
      key: name,
      tail: SEGMENT_END,
      caseSensitive: false,
    });
    // The longest usernames leave no room for the short domains; they keep facebook.com,
    // fb.com and m.me.
    return [
      widest(
        pattern(BY_NAME_WIDE),
        pattern(BY_NAME),
        pattern(`(?:(?:facebook|fb)\\.com|m\\.me)${HOST_END}`),
      ),
      escaped,
    ];
  },
};
