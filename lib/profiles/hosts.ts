/**
 * The one list of the built-in platforms' hosts. Each platform module takes its `domains`
 * from here and builds the host part of its patterns from them, the manifest's host
 * permissions and the page-side guard's matches are made from `PLATFORM_HOST_PATTERNS`
 * below, and docs/permissions.md lists the same domains (a unit test compares them). Each
 * domain stands for itself and every subdomain. A host is here because a listed account can
 * be reached on it by a name the address carries; a platform's hosts that only carry opaque
 * ids (short links, post ids) are left out, and each module says which those are.
 *
 * Declared as host permissions because a declarativeNetRequest redirect is silently
 * ignored on a host the extension has no access to. Custom sites are requested one by one
 * when added (see `originPatternsFor`).
 */
export const PLATFORM_HOSTS = {
  // instagr.am is Instagram's short domain; ig.me opens a direct-message thread.
  instagram: ['instagram.com', 'instagr.am', 'ig.me'],
  // fb.me and fb.gg are Facebook's short domains (fb.gg for gaming pages); m.me opens a
  // Messenger conversation with a profile or page.
  facebook: ['facebook.com', 'fb.com', 'fb.me', 'fb.gg', 'messenger.com', 'm.me'],
  messenger: ['messenger.com', 'm.me', 'facebook.com', 'fb.com'],
  x: ['x.com', 'twitter.com'],
  threads: ['threads.net', 'threads.com'],
  tiktok: ['tiktok.com'],
  linkedin: ['linkedin.com'],
  snapchat: ['snapchat.com'],
  reddit: ['reddit.com'],
  // youtube-nocookie.com serves YouTube's embedded players.
  youtube: ['youtube.com', 'youtube-nocookie.com'],
  bluesky: ['bsky.app'],
  // Every country domain Pinterest's own certificate names (its country sites serve the
  // same profiles at the same paths); country subdomains such as de.pinterest.com are
  // subdomains of pinterest.com.
  pinterest: [
    'pinterest.com',
    'pinterest.at',
    'pinterest.be',
    'pinterest.ca',
    'pinterest.ch',
    'pinterest.cl',
    'pinterest.co',
    'pinterest.co.at',
    'pinterest.co.in',
    'pinterest.co.kr',
    'pinterest.co.nz',
    'pinterest.co.uk',
    'pinterest.com.au',
    'pinterest.com.bo',
    'pinterest.com.ec',
    'pinterest.com.mx',
    'pinterest.com.pe',
    'pinterest.com.py',
    'pinterest.com.uy',
    'pinterest.com.vn',
    'pinterest.de',
    'pinterest.dk',
    'pinterest.ec',
    'pinterest.es',
    'pinterest.fr',
    'pinterest.hu',
    'pinterest.id',
    'pinterest.ie',
    'pinterest.in',
    'pinterest.it',
    'pinterest.jp',
    'pinterest.kr',
    'pinterest.mx',
    'pinterest.nl',
    'pinterest.nz',
    'pinterest.pe',
    'pinterest.ph',
    'pinterest.pt',
    'pinterest.se',
    'pinterest.th',
    'pinterest.tw',
    'pinterest.uk',
    'pinterest.vn',
  ],
  tumblr: ['tumblr.com'],
  twitch: ['twitch.tv'],
} as const;

/** Every built-in platform's domain, once each, in the order above. */
export const PLATFORM_DOMAINS: readonly string[] = [
  ...new Set(Object.values(PLATFORM_HOSTS).flat()),
];

/**
 * Chat apps whose hosts are not asked for up front: only a conversation there is listed
 * on them, and most people list none, so their access is asked for when the person lists
 * one (as for a custom site; see `originPatternsFor` in index.ts), and given back when the
 * last entry that needs it is removed. They are not in the manifest's host permissions,
 * nor in the page-side guard's manifest matches: the background registers the guard for
 * them once access is given (entrypoints/background/custom-guard.ts).
 */
export const ASKED_HOSTS = {
  // discordapp.com is Discord's old domain, which still serves the app; ptb. and canary.
  // (its test builds) are subdomains.
  discord: ['discord.com', 'discordapp.com'],
  // Only the web app: telegram.org's other pages show no chat, and t.me opens the app.
  telegram: ['web.telegram.org'],
  // wa.me is WhatsApp's link domain; api., web. and www. are subdomains of whatsapp.com.
  whatsapp: ['wa.me', 'whatsapp.com'],
} as const;

/** Every asked-for chat host, once each, in the order above. */
export const ASKED_DOMAINS: readonly string[] = [...new Set(Object.values(ASKED_HOSTS).flat())];

/**
 * The match patterns for a list of domains: each domain and its subdomains, each also
 * written with the trailing dot of a fully qualified name ("instagram.com."), which
 * reaches the same site. Chromium counts "instagram.com." as "instagram.com" already;
 * Firefox ESR 153 gives neither host access nor the page-side guard to it without the
 * dotted patterns, and then ignores the redirect rule there.
 */
export function hostPatterns(domains: readonly string[]): string[] {
  return domains.flatMap((d) => [`*://${d}/*`, `*://*.${d}/*`, `*://${d}./*`, `*://*.${d}./*`]);
}

/** The manifest's host permissions and the page-side guard's matches. */
export const PLATFORM_HOST_PATTERNS: string[] = hostPatterns(PLATFORM_DOMAINS);
