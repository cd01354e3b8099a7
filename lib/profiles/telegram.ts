import { conversationName, inbox } from './chat';
import { ASKED_HOSTS } from './hosts';
import { AT, escapeRegex, hostIn, type PlatformModule } from './platform';

/** A public username: 5 to 32 of letters, digits and "_", starting with a letter; any case. */
const USERNAME = /^@[a-z][a-z0-9_]{3,31}$/;
/** A numeric peer id: a person's (positive) or a group's or channel's (negative). */
const PEER_ID = /^-?[1-9][0-9]{0,19}$/;

/** The peer the fragment names: "#@name", "#123456", "#-100123" (a topic adds "_<n>"). */
function peerOf(url: URL): string | null {
  let peer = url.hash.slice(1).replace(/^%40/i, '@').toLowerCase();
  peer = peer.split(/[?&/]/)[0] ?? '';
  if (!peer.startsWith('@')) peer = peer.split('_')[0] ?? '';
  return USERNAME.test(peer) || PEER_ID.test(peer) ? peer : null;
}

/*
 * Covers: one Telegram Web chat, on web.telegram.org in each of its apps (/k/, /a/, the
 * older /z/, and the bare /#...), with the chat in the address's fragment: #@username (any
 * case, "@" also as %40), #<number> for a person, #-<number> for a group or a channel,
 * with a topic or message after it.
 * The fragment never reaches the network, so no network rule can see which chat is open:
 * ONLY the page-side guard stops it, when the app loads with the chat in its address and
 * whenever the fragment changes (hashchange, popstate, pushState). The guard runs on
 * web.telegram.org once the person has let No Contact reach it, which is asked for when
 * the first Telegram chat is listed.
 * A negative number is a group or a channel, and Telegram writes both the same way
 * (-100...): it is listed all the same, since a channel of theirs is worth stopping as much
 * as a chat, and the address can't tell which it is.
 * Cannot cover: the same chat by its username and by its number (the app uses whichever it
 * has: list both if both are seen), t.me links (they open the app), the desktop and phone
 * apps. The guard holds the page's fetch, XMLHttpRequest and beacons until it has judged
 * the address, but not WebSocket messages, which Telegram Web talks over: in the few
 * milliseconds before the guard has read the list, the app could draw the chat from its
 * own storage and say it was read. The chat list (no chat in the fragment) is refused.
 */
export const telegram: PlatformModule = {
  platform: 'telegram',
  label: 'Telegram',
  domains: ASKED_HOSTS.telegram,
  recognise(url) {
    if (!hostIn(url.hostname, ASKED_HOSTS.telegram)) return null;
    const peer = peerOf(url);
    return peer ? { key: peer } : null;
  },
  refusal(url) {
    if (!hostIn(url.hostname, ASKED_HOSTS.telegram)) return null;
    return url.hash.length <= 1 ? inbox('Telegram') : null;
  },
  display: (key) => (key.startsWith('@') ? key : `conversation ${key}`),
  name: (key) => (key.startsWith('@') ? null : conversationName('Telegram', key)),
  url: (key) => `https://web.telegram.org/k/#${key}`,
  patterns: (key) => [
    {
      // Any of the apps' paths (and a query such as ?account=2), then the fragment.
      head: `web\\.telegram\\.org/[^#]*#`,
      key: key.startsWith('@') ? AT + escapeRegex(key.slice(1)) : escapeRegex(key),
      // Not followed by more of a name or number: #@jamie is not #@jamie2, #123 not #1234;
      // a number may go on with "_" and a topic.
      tail: key.startsWith('@') ? '(?:[^0-9a-z_]|$)' : '(?:[^0-9a-z]|$)',
      caseSensitive: false,
      fragment: true,
    },
  ],
};
