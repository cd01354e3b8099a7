import { words, type Words } from '../words';
import type { RefusalReason } from './types';

/*
 * What the chat apps' modules share: their refusals and the name of a conversation known
 * only by its number.
 */

type Refusal = { reason: RefusalReason; words: Words };

/** The app's inbox or chat list: not one conversation. */
export const inbox = (label: string): Refusal => ({
  reason: 'not-a-conversation',
  words: words('profileRefusedInbox', label),
});

/** A group or a server's channel, which the app marks in its address. */
export const groupChat = (label: string): Refusal => ({
  reason: 'not-a-conversation',
  words: words('profileRefusedGroupChat', label),
});

/** "Discord · conversation 1234…", in the page's language. */
export const conversationName = (label: string, id: string): Words =>
  words('profileNameConversation', label, id);
