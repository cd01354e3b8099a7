import { PLATFORM_HOSTS } from './hosts';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type PlatformModule,
} from './platform';

// bsky.app/profile/<handle or DID>. A handle is a domain name (case-insensitive); a DID is
// did:plc:<24 base32 characters> or did:web:<domain>, both lower-case. A handle and the
// DID of the same account can't be related offline, so each is its own key.
const HANDLE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*$/;
const DID = /^did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.-]+)$/;

/*
 * Covers: bsky.app/profile/<handle or DID> with everything under it (posts, feeds,
 * lists, followers), and for a DID the embedded posts (embed.bsky.app/embed/<DID>/...),
 * with the DID's colons written or encoded.
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: a handle from its DID or the other way round, go.bsky.app short links,
 * and other apps that show Bluesky accounts on their own domains.
 */
const HOSTS = 'bsky\\.app';

export const bluesky: PlatformModule = {
  platform: 'bluesky',
  label: 'Bluesky',
  domains: PLATFORM_HOSTS.bluesky,
  recognise(url) {
    const [first, second] = pathSegments(url);
    if ((first !== 'profile' && first !== 'embed') || !second) return null;
    let who: string;
    try {
      // A DID pasted from some apps arrives as did%3Aplc%3A...
      who = decodeURIComponent(second).toLowerCase();
    } catch {
      return null;
    }
    if (first === 'embed') return DID.test(who) ? { key: who } : null;
    return HANDLE.test(who) || DID.test(who) ? { key: who } : null;
  },
  display: (key) => (key.startsWith('did:') ? key : `@${key}`),
  url: (key) => `https://bsky.app/profile/${key}`,
  patterns: (key) => [
    {
      head: `${HOSTS}${HOST_END}(?:profile|embed)${SLASH}`,
      // Links to a DID are written with ":" or with "%3A".
      key: escapeRegex(key).replace(/:/g, '(?::|%3a)'),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
    escapedSpellings(HOSTS),
  ],
};
