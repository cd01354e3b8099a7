import { words } from '../words';
import {
  escapeRegex,
  hostIn,
  PARAM_END,
  pathSegments,
  SEGMENT_END,
  type Pattern,
  type PlatformModule,
} from './platform';

// Usernames: 5-50 of [a-z0-9.], case-insensitive. A page or profile also has a numeric ID.
export const FACEBOOK_VANITY = /^[a-z0-9][a-z0-9.]{3,48}[a-z0-9]$/;
export const FACEBOOK_ID = /^[0-9]{1,20}$/;
const ID_PREFIX = 'id:';

// Facebook's own first path segments that pass the username syntax.
const RESERVED = new Set([
  'about',
  'adsmanager',
  'bookmarks',
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
  'stories',
  'story.php',
  'support',
  'terms',
  'video.php',
  'videos',
  'watch',
  'weather',
]);

const PAGES = '(?:facebook|fb)\\.com/';

/**
 * Direct-message threads, shared with the Messenger module: messenger.com/t/<x>,
 * facebook.com/messages/t/<x> (each also under e2ee/) and m.me/<x>, where <x> is a
 * username or a numeric ID. The head also admits messenger.com/messages/t/ and
 * facebook.com/t/, which are not real pages: one alternation of two domains costs far
 * fewer RE2 instructions than spelling out the two real paths.
 */
export function threadPattern(key: string): Pattern {
  return {
    head: '(?:(?:messenger|facebook)\\.com/(?:messages/)?(?:e2ee/)?t|m\\.me)/',
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
  domains: ['facebook.com', 'fb.com', 'messenger.com', 'm.me'],
  home: ['facebook.com', 'fb.com'],
  recognise(url) {
    if (!hostIn(url.hostname, ['facebook.com', 'fb.com'])) return null;
    const segs = pathSegments(url);
    const first = segs[0]?.toLowerCase();
    if (!first) return null;
    // profile.php?id=N, in any parameter order.
    if (first === 'profile.php') {
      const id = url.searchParams.get('id');
      return id && FACEBOOK_ID.test(id) ? { key: ID_PREFIX + id } : null;
    }
    // /people/<display name>/<id>/ and the old /pages/<name>/<id>/: the name is only a
    // label (many accounts share one), so the ID is the key.
    if (first === 'people' || first === 'pages') {
      const id = segs[2];
      return id && FACEBOOK_ID.test(id) ? { key: ID_PREFIX + id } : null;
    }
    if (FACEBOOK_ID.test(first)) return { key: ID_PREFIX + first };
    if (RESERVED.has(first) || !FACEBOOK_VANITY.test(first)) return null;
    return { key: first };
  },
  display: (key) => (key.startsWith(ID_PREFIX) ? `profile ${key.slice(ID_PREFIX.length)}` : key),
  name: (key) =>
    key.startsWith(ID_PREFIX) ? words('profileNameFacebookId', key.slice(ID_PREFIX.length)) : null,
  url: (key) =>
    key.startsWith(ID_PREFIX)
      ? `https://www.facebook.com/profile.php?id=${key.slice(ID_PREFIX.length)}`
      : `https://www.facebook.com/${key}`,
  patterns(key) {
    if (key.startsWith(ID_PREFIX)) {
      const id = escapeRegex(key.slice(ID_PREFIX.length));
      return [
        {
          head: `${PAGES}(?:p(?:eople|ages)/[^/?#]+/)?`,
          key: id,
          tail: SEGMENT_END,
          caseSensitive: false,
        },
        {
          head: `${PAGES}profile\\.php\\?(?:[^#]*&)?id=`,
          key: id,
          tail: PARAM_END,
          caseSensitive: false,
        },
        threadPattern(id),
      ];
    }
    // A username also reaches the person through m.me/<username>, the link that opens a
    // conversation with them. Conversations on messenger.com carry the numeric ID, which
    // the username doesn't reveal; listing the profile.php?id= address covers those.
    return [
      {
        head: '(?:(?:facebook|fb)\\.com|m\\.me)/',
        key: usernameFragment(key),
        tail: SEGMENT_END,
        caseSensitive: false,
      },
    ];
  },
};
