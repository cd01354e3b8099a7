import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

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

export const tumblr: PlatformModule = {
  platform: 'tumblr',
  label: 'Tumblr',
  domains: ['tumblr.com'],
  recognise(url) {
    const host = url.hostname.replace(/^www\./, '');
    const labels = host.split('.');
    if (labels.length === 3) {
      const sub = labels[0] ?? '';
      return !RESERVED_HOSTS.has(sub) && NAME.test(sub) ? { key: sub } : null;
    }
    if (host !== 'tumblr.com') return null;
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    if (segs[0] === 'blog') {
      const name = segs[1] === 'view' ? segs[2] : undefined;
      return name && NAME.test(name) ? { key: name } : null;
    }
    const name = segs[0];
    if (!name || RESERVED_PATHS.has(name) || !NAME.test(name)) return null;
    return { key: name };
  },
  display: (key) => key,
  url: (key) => `https://${key}.tumblr.com/`,
  patterns: (key) => [
    // The key comes straight after the root, so the root's "[.@]" boundary keeps
    // "xjamie.tumblr.com" out, and the tail keeps "jamie.tumblr.com.evil.example" out.
    { head: '', key: escapeRegex(key), tail: '\\.tumblr\\.com/', caseSensitive: false },
    {
      head: 'tumblr\\.com/(?:blog/view/)?',
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
  ],
};
