import type { Platform, Profile } from '../profiles/types';
import { isActive, type LogEvent } from '../streak/log-event';

/*
 * Modified No Contact is about necessary communication (children, a shared home, work),
 * never about looking: a profile is a profile under any plan. So only a conversation may be
 * listed as Modified. A platform listed here is one whose listed entries are chats, not
 * profiles; each module's comment (lib/profiles/<platform>.ts) says what it covers.
 */

/** The platforms whose listed entries are conversations (chat threads) rather than profiles. */
export const CONVERSATION_PLATFORMS: readonly Platform[] = [
  'messenger',
  'instagram-direct',
  'x-messages',
  'linkedin-messaging',
  'discord',
  'telegram',
  'whatsapp',
];

/** Whether a listed entry is a conversation, so that it may be Modified. */
export function isConversation(p: Pick<Profile, 'platform'>): boolean {
  return CONVERSATION_PLATFORMS.includes(p.platform);
}

/** Whether a stored profile id (`platform:key`) names a conversation. */
export function isConversationId(profileId: string): boolean {
  const platform = profileId.slice(0, profileId.indexOf(':'));
  return (CONVERSATION_PLATFORMS as readonly string[]).includes(platform);
}

/**
 * The mode a listed entry is kept in: Modified only for a conversation. Whatever a
 * profile's stored mode says, a look at it is a look.
 */
export function effectiveMode(p: Pick<Profile, 'platform' | 'mode'>): Profile['mode'] {
  return p.mode === 'modified' && isConversation(p) ? 'modified' : 'block';
}

/**
 * Whether an event is an urge resisted at a listed conversation: an urge to write, counted
 * apart from the urges to look (at a profile).
 */
export function isUrgeToWrite(e: Pick<LogEvent, 'kind' | 'undoneAt' | 'profileId'>): boolean {
  return (
    e.kind === 'urge-resisted' &&
    isActive(e) &&
    e.profileId !== undefined &&
    isConversationId(e.profileId)
  );
}
