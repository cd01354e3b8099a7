import { conversationName, inbox } from './chat';
import { PLATFORM_HOSTS } from './hosts';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  hostIn,
  hostsFragment,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type PlatformModule,
} from './platform';

/** Instagram's thread ids are numbers (long ones: up to 39 digits seen). */
const THREAD = /^[0-9]{5,40}$/;

/** The pages of Instagram Direct that are the inbox or lists of threads, not one thread. */
const INBOX = new Set(['inbox', 'requests', 'new', 'general', 'primary']);

/*
 * Covers: one Instagram Direct thread, instagram.com/direct/t/<thread id> and anything
 * under it, on every subdomain and on the short domain instagr.am, in the hand-made
 * spellings platform.ts describes (encoded letters, doubled slashes, a trailing dot on the
 * host). Instagram's hosts are in the manifest already: nothing is asked for.
 * Cannot cover: the same conversation reached another way (ig.me/m/<handle> is the
 * profile's own conversation link: list the profile for it), a thread opened inside the
 * app, which has no address, and a group thread, which Instagram's address does not tell
 * from a thread with one person. The inbox (/direct/inbox, /direct/requests) is refused.
 */
export const instagramDirect: PlatformModule = {
  platform: 'instagram-direct',
  label: 'Instagram',
  domains: PLATFORM_HOSTS.instagram,
  recognise(url) {
    if (!hostIn(url.hostname, ['instagram.com', 'instagr.am'])) return null;
    const [first, second, third] = pathSegments(url).map((s) => s.toLowerCase());
    if (first !== 'direct' || second !== 't' || !third) return null;
    return THREAD.test(third) ? { key: third } : null;
  },
  refusal(url) {
    if (!hostIn(url.hostname, ['instagram.com', 'instagr.am'])) return null;
    const [first, second, third] = pathSegments(url).map((s) => s.toLowerCase());
    if (first !== 'direct') return null;
    return !second || INBOX.has(second) || (second === 't' && !third) ? inbox('Instagram') : null;
  },
  display: (key) => `conversation ${key}`,
  name: (key) => conversationName('Instagram', key),
  url: (key) => `https://www.instagram.com/direct/t/${key}/`,
  patterns: (key) => [
    {
      head: `instagr(?:am\\.com|\\.am)${HOST_END}direct${SLASH}t${SLASH}`,
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
    escapedSpellings(hostsFragment(PLATFORM_HOSTS.instagram)),
  ],
};
