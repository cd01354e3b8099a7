import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

// bsky.app/profile/<handle or DID>. A handle is a domain name (case-insensitive); a DID is
// did:plc:<24 base32 characters> or did:web:<domain>, both lower-case. A handle and the
// DID of the same account can't be related offline, so each is its own key.
const HANDLE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*$/;
const DID = /^did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.-]+)$/;

export const bluesky: PlatformModule = {
  platform: 'bluesky',
  label: 'Bluesky',
  domains: ['bsky.app'],
  recognise(url) {
    const [first, second] = pathSegments(url);
    if (first !== 'profile' || !second) return null;
    let who: string;
    try {
      // A DID pasted from some apps arrives as did%3Aplc%3A...
      who = decodeURIComponent(second).toLowerCase();
    } catch {
      return null;
    }
    return HANDLE.test(who) || DID.test(who) ? { key: who } : null;
  },
  display: (key) => (key.startsWith('did:') ? key : `@${key}`),
  url: (key) => `https://bsky.app/profile/${key}`,
  patterns: (key) => [
    {
      head: 'bsky\\.app/profile/',
      // Links to a DID are written with ":" or with "%3A".
      key: escapeRegex(key).replace(/:/g, '(?::|%3a)'),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
  ],
};
