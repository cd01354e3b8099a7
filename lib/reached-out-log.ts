/**
 * Logging "they reached out" and the person's reply, the same from every page that offers
 * it (the popup and the options page): their contact as one entry, then, if the person
 * answers, the reply as necessary contact or as a slip, as they chose.
 */

import type { Ask } from './ask';
import { newDedupeKey, type PageSource } from './messaging';
import type { ContactChannel, ReachOutGist } from './streak/log-event';
import type { Words } from './words';

/** What the person says about the ex's contact. */
export interface ReachedOutValues {
  channel: ContactChannel;
  gist: ReachOutGist;
  note?: string;
  /** When it happened, if earlier than now (epoch ms). */
  at?: number;
}

/** How the person chose to log their reply. */
export type ReplyAs = 'necessary-contact' | 'slip';

/** A logged reply: a slip says whether it restarted the count. */
export type ReplyLogged = { as: 'necessary-contact' } | { as: 'slip'; restarted: boolean };

/** What logging their contact gave: refused (the time given), or logged. */
export type ContactLogged = { refused: Words } | { refused: null; angryReports?: number };

/**
 * Logs their contact (never restarts the count). Rejects when it was not logged; resolves
 * to the background's words when it refused the time given, or, for angry or hurt contact,
 * how many such reports the last week holds.
 */
export async function logReachedOut(
  ask: Ask,
  source: PageSource,
  v: ReachedOutValues,
): Promise<ContactLogged> {
  const r = await ask('log-reached-out', {
    source,
    channel: v.channel,
    gist: v.gist,
    ...(v.note ? { note: v.note } : {}),
    ...(v.at !== undefined ? { at: v.at } : {}),
    dedupeKey: newDedupeKey(),
  });
  return r.ok
    ? { refused: null, ...(r.angryReports !== undefined && { angryReports: r.angryReports }) }
    : { refused: r.error };
}

/** Logs the person's reply as they chose. Rejects when it was not logged. */
export async function logReply(ask: Ask, source: PageSource, as: ReplyAs): Promise<ReplyLogged> {
  const dedupeKey = newDedupeKey();
  if (as === 'necessary-contact') {
    await ask('log-necessary-contact', { source, dedupeKey });
    return { as };
  }
  const r = await ask('log-slip', { source, what: 'replied', dedupeKey });
  return { as, restarted: r.ok && r.restarted };
}
