import { FACEBOOK_ID, FACEBOOK_VANITY, threadPattern, usernameFragment } from './facebook';
import { PLATFORM_HOSTS } from './hosts';
import {
  escapedSpellings,
  hostIn,
  hostsFragment,
  pathSegments,
  type PlatformModule,
} from './platform';

/**
 * A Messenger conversation, named by the other account's username or by a numeric ID
 * (a person's ID, or a group thread's). It covers the conversation on messenger.com,
 * facebook.com/messages and m.me, each also under e2ee/; listing the Facebook profile
 * covers all of these too. Each form also in the hand-made spellings platform.ts
 * describes (encoded letters, doubled slashes, a trailing dot on the host).
 * Cannot cover: a conversation with a username reached by its numeric ID or the other way
 * round (Messenger's own links use whichever it has), group invite links (m.me/j/<code>)
 * and calls (/groupcall/<id>), which carry opaque ids.
 */
export const messenger: PlatformModule = {
  platform: 'messenger',
  label: 'Messenger',
  domains: PLATFORM_HOSTS.messenger,
  home: ['messenger.com', 'm.me'],
  recognise(url) {
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    let who: string | undefined;
    if (hostIn(url.hostname, ['m.me'])) {
      who = segs[0];
    } else {
      let rest = hostIn(url.hostname, ['messenger.com'])
        ? segs
        : segs[0] === 'messages'
          ? segs.slice(1)
          : [];
      if (rest[0] === 'e2ee') rest = rest.slice(1);
      if (rest[0] === 't') who = rest[1];
    }
    return who && (FACEBOOK_ID.test(who) || FACEBOOK_VANITY.test(who)) ? { key: who } : null;
  },
  display: (key) => (FACEBOOK_ID.test(key) ? `conversation ${key}` : key),
  url: (key) => `https://www.messenger.com/t/${key}`,
  patterns: (key) => [
    threadPattern(FACEBOOK_ID.test(key) ? key : usernameFragment(key)),
    escapedSpellings(hostsFragment(PLATFORM_HOSTS.messenger)),
  ],
};
