import { conversationName, groupChat, inbox } from './chat';
import { ASKED_HOSTS } from './hosts';
import {
  AT,
  escapedSpellings,
  escapeRegex,
  HOST_END,
  hostsFragment,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type PlatformModule,
} from './platform';

/** Discord's ids ("snowflakes") are numbers of 17 to 20 digits; a little room either way. */
const SNOWFLAKE = /^[0-9]{15,22}$/;

/*
 * Covers: one Discord direct-message channel, discord.com/channels/@me/<channel id> with
 * anything under it (a message's link adds /<message id>), on discord.com and its old
 * domain discordapp.com, with every subdomain (ptb., canary.), "@" written as it is or as
 * %40, in the hand-made spellings platform.ts describes.
 * Access to Discord's hosts is asked for when the first Discord conversation is listed.
 * Cannot cover: a group direct message told apart from one with one person (both are
 * /channels/@me/<id>: a listed group is covered like any listed channel), the desktop and
 * phone apps, and a conversation opened from a profile without its channel id. The inbox
 * (/channels/@me) and a server's channels (/channels/<server id>/<channel id>) are
 * refused.
 */
export const discord: PlatformModule = {
  platform: 'discord',
  label: 'Discord',
  domains: ASKED_HOSTS.discord,
  recognise(url) {
    const [first, second, third] = pathSegments(url).map((s) => s.toLowerCase());
    if (first !== 'channels' || second !== '@me' || !third) return null;
    return SNOWFLAKE.test(third) ? { key: third } : null;
  },
  refusal(url) {
    const [first, second, third] = pathSegments(url).map((s) => s.toLowerCase());
    if (first !== 'channels') return null;
    if (second === '@me' && !third) return inbox('Discord');
    if (second && SNOWFLAKE.test(second)) return groupChat('Discord');
    return null;
  },
  display: (key) => `conversation ${key}`,
  name: (key) => conversationName('Discord', key),
  url: (key) => `https://discord.com/channels/@me/${key}`,
  patterns: (key) => [
    {
      head: `discord(?:app)?\\.com${HOST_END}channels${SLASH}${AT}me${SLASH}`,
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
    escapedSpellings(hostsFragment(ASKED_HOSTS.discord)),
  ],
};
