/**
 * Logging "they reached out" and the person's reply, the same from every page that offers
 * it (the popup and the options page): their contact as one entry, then, if the person
 * answers, the reply as necessary contact or as a slip, as they chose.
 */

import type { Ask } from './ask';
import { newDedupeKey, type PageSource } from './messaging';
import type { ContactChannel, ReachOutGist } from './streak/log-event';

/** What the person says about the ex's contact. */
export interface ReachedOutValues {
  channel: ContactChannel;
  gist: ReachOutGist;
  note?: string;
}

/** How the person chose to log their reply. */
export type ReplyAs = 'necessary-contact' | 'slip';

/** A logged reply: a slip says whether it restarted the count. */
export type ReplyLogged = { as: 'necessary-contact' } | { as: 'slip'; restarted: boolean };

/** Logs their contact (never restarts the count). Rejects when it was not logged. */
export async function logReachedOut(
  ask: Ask,
  source: PageSource,
  v: ReachedOutValues,
): Promise<void> {
  await ask('log-reached-out', {
    source,
    channel: v.channel,
    gist: v.gist,
    ...(v.note ? { note: v.note } : {}),
    dedupeKey: newDedupeKey(),
  });
}

/** Logs the person's reply as they chose. Rejects when it was not logged. */
export async function logReply(ask: Ask, source: PageSource, as: ReplyAs): Promise<ReplyLogged> {
  const dedupeKey = newDedupeKey();
  if (as === 'necessary-contact') {
    await ask('log-necessary-contact', { source, dedupeKey });
    return { as };
  }
  const r = await ask('log-slip', { source, what: 'replied', dedupeKey });
  return { as, restarted: r.restarted === true };
}
