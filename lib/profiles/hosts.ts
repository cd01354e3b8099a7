/**
 * Hosts of the built-in platforms, as manifest match patterns. Declared as host
 * permissions because a declarativeNetRequest redirect is silently ignored on a host the
 * extension has no access to. Custom sites are requested one by one when added.
 */
export const PLATFORM_DOMAINS = [
  'instagram.com',
  'facebook.com',
  'messenger.com',
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
  'tumblr.com',
  'twitch.tv',
] as const;

export const PLATFORM_HOST_PATTERNS: string[] = PLATFORM_DOMAINS.flatMap((d) => [
  `*://${d}/*`,
  `*://*.${d}/*`,
]);
