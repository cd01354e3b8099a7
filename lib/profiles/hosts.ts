/**
 * Hosts of the built-in platforms, as manifest match patterns. Declared as host
 * permissions because a declarativeNetRequest redirect is silently ignored on a host the
 * extension has no access to. Custom sites are requested one by one when added (see
 * `originPatternsFor`). Written out rather than gathered from the platform modules so that
 * the permission list can be read in one place; a unit test keeps the two equal.
 */
export const PLATFORM_DOMAINS = [
  'instagram.com',
  'ig.me',
  'facebook.com',
  'fb.com',
  'messenger.com',
  'm.me',
  'x.com',
  'twitter.com',
  'threads.net',
  'threads.com',
  'tiktok.com',
  'linkedin.com',
  'snapchat.com',
  'reddit.com',
  'youtube.com',
  'bsky.app',
  'pinterest.com',
  'pinterest.co.uk',
  'pinterest.ca',
  'pinterest.com.au',
  'pinterest.de',
  'pinterest.fr',
  'tumblr.com',
  'twitch.tv',
] as const;

export const PLATFORM_HOST_PATTERNS: string[] = PLATFORM_DOMAINS.flatMap((d) => [
  `*://${d}/*`,
  `*://*.${d}/*`,
]);
