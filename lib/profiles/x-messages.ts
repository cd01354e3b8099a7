import { conversationName, groupChat, inbox } from './chat';
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

/**
 * A conversation id between two people: their two account numbers joined by "-". X gives
 * a group conversation one number instead, which is refused: the address marks it as a
 * group, not the conversation with one person.
 */
const CONVERSATION = /^[0-9]{1,25}-[0-9]{1,25}$/;
const GROUP = /^[0-9]{1,25}$/;

/** The message pages that are lists, not one conversation. */
const INBOX = new Set(['requests', 'settings']);

/*
 * Covers: one X (Twitter) message conversation, x.com/messages/<conversation id> and the
 * newer chat address x.com/i/chat/<conversation id>, with anything under them, on x.com
 * and twitter.com and every subdomain (mobile.), in the hand-made spellings platform.ts
 * describes. X's hosts are in the manifest already: nothing is asked for.
 * Cannot cover: the same conversation written with its two account numbers the other way
 * round (X writes them in one order; the order pasted is the one listed), a new message
 * started from a profile (messages/compose?recipient_id=<number>, which names the account,
 * not the conversation: list the profile), and chats in the app. The inbox (/messages,
 * /messages/requests, /i/chat) and a group conversation (one number) are refused.
 */
export const xMessages: PlatformModule = {
  platform: 'x-messages',
  label: 'X',
  domains: PLATFORM_HOSTS.x,
  recognise(url) {
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    const id =
      segs[0] === 'messages' ? segs[1] : segs[0] === 'i' && segs[1] === 'chat' ? segs[2] : null;
    return id && CONVERSATION.test(id) ? { key: id } : null;
  },
  refusal(url) {
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    const list =
      (segs[0] === 'messages' && (!segs[1] || INBOX.has(segs[1]))) ||
      (segs[0] === 'i' && segs[1] === 'chat' && !segs[2]);
    if (list) return inbox('X');
    const id =
      segs[0] === 'messages' ? segs[1] : segs[0] === 'i' && segs[1] === 'chat' ? segs[2] : null;
    return id && GROUP.test(id) ? groupChat('X') : null;
  },
  display: (key) => `conversation ${key}`,
  name: (key) => conversationName('X', key),
  url: (key) => `https://x.com/messages/${key}`,
  patterns: (key) => [
    {
      head: `(?:twitter|x)\\.com${HOST_END}(?:messages|i${SLASH}chat)${SLASH}`,
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
    escapedSpellings('(?:twitter|x)\\.com'),
  ],
};
