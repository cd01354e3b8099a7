import { PLATFORM_HOSTS } from './hosts';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type Pattern,
  type PlatformModule,
} from './platform';
import { widest } from './fit';

// Blog names: 1-32 of [a-z0-9-], case-insensitive. A blog lives at <name>.tumblr.com and
// at tumblr.com/<name> (also www.tumblr.com/<name> and tumblr.com/blog/view/<name>).
const NAME = /^[a-z0-9-]{1,32}$/;

// Subdomains of tumblr.com that are Tumblr's own, not blogs.
const RESERVED_HOSTS = new Set([
  'api',
  'assets',
  'embed',
  'help',
  'media',
  'platform',
  'secure',
  'static',
  'www',
]);

// First path segments of tumblr.com that are Tumblr's own pages.
const RESERVED_PATHS = new Set([
  'about',
  'abuse',
  'account',
  'activity',
  'apps',
  'blog',
  'business',
  'communities',
  'customize',
  'dashboard',
  'developers',
  'docs',
  'explore',
  'following',
  'help',
  'inbox',
  'likes',
  'login',
  'logout',
  'messaging',
  'new',
  'notifications',
  'oauth',
  'onboarding',
  'policy',
  'privacy',
  'reblog',
  'register',
  'search',
  'security',
  'settings',
  'share',
  'tagged',
  'tags',
  'tumblrmart',
]);

/*
 * Covers: <name>.tumblr.com (any path: the blog, its posts, tags, archive, feed) and
 * tumblr.com/<name> with everything under it, the old /blog/view/<name>, and, when the
 * name leaves room for them (see fit.ts), the dashboard's view of a blog
 * (/dashboard/blog/<name>) and the follow button's page (/follow/<name>).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: a blog on its own domain (the address doesn't name the blog), tmblr.co
 * short links, and posts embedded or reblogged by their ids alone.
 */
const HOSTS = 'tumblr\\.com';

/** Paths before a blog's name on tumblr.com that show the blog. */
const BEFORE_NAME = [['blog', 'view'], ['dashboard', 'blog'], ['follow']];

export const tumblr: PlatformModule = {
  platform: 'tumblr',
  label: 'Tumblr',
  domains: PLATFORM_HOSTS.tumblr,
  recognise(url) {
    const host = url.hostname.replace(/\.$/, '').replace(/^www\./, '');
    const labels = host.split('.');
    if (labels.length === 3) {
      const sub = labels[0] ?? '';
      return !RESERVED_HOSTS.has(sub) && NAME.test(sub) ? { key: sub } : null;
    }
    if (host !== 'tumblr.com') return null;
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    const before = BEFORE_NAME.find((b) => b.every((s, i) => segs[i] === s));
    if (before || segs[0] === 'blog' || segs[0] === 'dashboard' || segs[0] === 'follow') {
      const name = before ? segs[before.length] : undefined;
      return name && NAME.test(name) ? { key: name } : null;
    }
    const name = segs[0];
    if (!name || RESERVED_PATHS.has(name) || !NAME.test(name)) return null;
    return { key: name };
  },
  display: (key) => key,
  url: (key) => `https://${key}.tumblr.com/`,
  patterns: (key) => {
    const path = (before: string): Pattern => ({
      head: `${HOSTS}${HOST_END}${before}`,
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    });
    return [
      // The key comes straight after the root, so the root's "[.@]" boundary keeps
      // "xjamie.tumblr.com" out, and the tail keeps "jamie.tumblr.com.evil.example" out.
      { head: '', key: escapeRegex(key), tail: `\\.${HOSTS}${HOST_END}`, caseSensitive: false },
      widest(
        path(`(?:(?:blog${SLASH}view|dashboard${SLASH}blog|follow)${SLASH})?`),
        path(`(?:blog${SLASH}view${SLASH})?`),
      ),
      escapedSpellings(HOSTS),
    ];
  },
};
