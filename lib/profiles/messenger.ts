import { FACEBOOK_ID, FACEBOOK_VANITY, threadPattern, usernameFragment } from './facebook';
import { hostIn, pathSegments, type PlatformModule } from './platform';

/**
 * A Messenger conversation, named by the other account's username or by a numeric ID
 * (a person's ID, or a group thread's). It covers the conversation on messenger.com,
 * facebook.com/messages and m.me; listing the Facebook profile covers all of these too.
 */
export const messenger: PlatformModule = {
  platform: 'messenger',
  label: 'Messenger',
  domains: ['messenger.com', 'm.me', 'facebook.com', 'fb.com'],
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
  patterns: (key) => [threadPattern(FACEBOOK_ID.test(key) ? key : usernameFragment(key))],
};
