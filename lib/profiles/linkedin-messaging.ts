import { conversationName, inbox } from './chat';
import { fits } from './fit';
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

/**
 * A thread id: "2-" and base64 (letters in both cases, digits, "=" padding), or a number
 * in older threads. Case matters: base64 "a" and "A" are different threads.
 */
const THREAD = /^[A-Za-z0-9_-]{3,200}=*$/;

/** The fewest characters of a thread id the rules may stand for the whole id by. */
const PREFIX_MIN = 24;

const HEAD = `linkedin\\.com${HOST_END}messaging${SLASH}thread${SLASH}`;

/*
 * Covers: one LinkedIn messaging thread, linkedin.com/messaging/thread/<thread id>/ and
 * anything under it, on every country subdomain, with or without the id's "=" padding,
 * in the hand-made spellings platform.ts describes (encoded letters, doubled slashes, a
 * trailing dot on the host). LinkedIn's hosts are in the manifest already.
 * A thread id of today ("2-" and 52 base64 characters) is too long for one Chrome rule
 * beside LinkedIn's address (see lib/rules/regex.ts), so the rules and the page-side
 * guard then match the id's longest beginning that fits (at least 24 characters; its end
 * encodes a suffix that LinkedIn's threads share, while the beginning encodes the thread's
 * random identifier): a thread whose id began with the same characters would be covered
 * too, which random identifiers make vanishingly unlikely.
 * Cannot cover: a message started from a profile (/messaging/compose, which names no
 * thread: list the profile), the thread in the app, "=" padding written "%3D", and the
 * path written in capitals (/Messaging/Thread/: the id's case matters, so the rule does). The
 * inbox (/messaging, /messaging/thread/new) is refused.
 */
export const linkedinMessaging: PlatformModule = {
  platform: 'linkedin-messaging',
  label: 'LinkedIn',
  domains: PLATFORM_HOSTS.linkedin,
  recognise(url) {
    // Case is kept: the id is base64. "%3D" is the "=" of the padding, encoded.
    const segs = pathSegments(url);
    if (segs[0]?.toLowerCase() !== 'messaging' || segs[1]?.toLowerCase() !== 'thread') return null;
    const id = segs[2]?.replace(/%3d/gi, '=');
    return id && id.toLowerCase() !== 'new' && THREAD.test(id) ? { key: id } : null;
  },
  refusal(url) {
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    if (segs[0] !== 'messaging') return null;
    const list = !segs[1] || (segs[1] === 'thread' && (!segs[2] || segs[2] === 'new'));
    return list ? inbox('LinkedIn') : null;
  },
  display: (key) => `conversation ${key}`,
  name: (key) => conversationName('LinkedIn', key),
  url: (key) => `https://www.linkedin.com/messaging/thread/${key}/`,
  patterns(key) {
    const id = key.replace(/=+$/, '');
    const whole: Pattern = {
      head: HEAD,
      key: escapeRegex(id),
      tail: `=*${SEGMENT_END}`,
      caseSensitive: true,
    };
    let thread = whole;
    if (!fits(whole)) {
      // The longest beginning that fits; the last form (the shortest) is refused as too
      // long when listed if even it does not fit.
      for (let n = id.length - 1; n >= PREFIX_MIN; n--) {
        thread = { head: HEAD, key: escapeRegex(id.slice(0, n)), tail: '', caseSensitive: true };
        if (fits(thread)) break;
      }
    }
    return [thread, escapedSpellings('linkedin\\.com')];
  },
};
