/**
 * The outbox: a write a page asked for is kept in local storage until the background has
 * written it. A page puts the request here before sending it and takes it out once the
 * background answers; when no answer comes (an older background still running after an
 * update, a database opened by a newer version, a page closing mid-send), the request
 * stays, and the background writes it the next time it starts or a page says hello.
 * Every such request carries a dedupe key, so writing one twice stores it once.
 */

import { isObj, isTime } from './check';
import type { MessageType } from './messaging';

/** One storage key per request, so pages writing at once never overwrite each other. */
export const OUTBOX_PREFIX = 'outbox:';

/** The requests that may wait here: log writes, each with its own dedupe key. */
export const OUTBOX_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([
  'log-urge',
  'log-slip',
  'log-reached-out',
  'log-necessary-contact',
  'log-plan-start',
]);

/**
 * How long a request may wait. Past this it is dropped (and said in the console): a
 * request nobody could write in a month is not one the person still expects.
 */
export const OUTBOX_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** A request waiting, and when the page first tried it (epoch ms). */
export interface OutboxItem {
  message: Record<string, unknown>;
  at: number;
}

/** The part of a storage area the outbox uses. */
export interface OutboxArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Whether a request may wait in the outbox: one of OUTBOX_TYPES, with a dedupe key. */
export function mayWait(message: Record<string, unknown>): message is Record<string, unknown> & {
  dedupeKey: string;
} {
  return (
    OUTBOX_TYPES.has(message.type as MessageType) &&
    typeof message.dedupeKey === 'string' &&
    message.dedupeKey !== ''
  );
}

const keyOf = (dedupeKey: string) => OUTBOX_PREFIX + dedupeKey;

/** Keeps a request until taken out. */
export async function putInOutbox(
  area: OutboxArea,
  message: Record<string, unknown> & { dedupeKey: string },
  now: number,
): Promise<void> {
  const item: OutboxItem = { message, at: now };
  await area.set({ [keyOf(message.dedupeKey)]: item });
}

/** Takes a written request out. */
export async function takeFromOutbox(area: OutboxArea, dedupeKey: string): Promise<void> {
  await area.remove(keyOf(dedupeKey));
}

/**
 * The requests waiting, oldest first. An entry under the prefix that is not a request
 * is read as an empty one from 1970, so that a drain drops it as too old.
 */
export async function readOutbox(area: OutboxArea): Promise<{ key: string; item: OutboxItem }[]> {
  const all = await area.get(null);
  const out: { key: string; item: OutboxItem }[] = [];
  for (const [key, v] of Object.entries(all)) {
    if (!key.startsWith(OUTBOX_PREFIX)) continue;
    if (isObj(v) && isObj(v.message) && isTime(v.at)) {
      out.push({ key, item: { message: v.message, at: v.at } });
    } else {
      out.push({ key, item: { message: {}, at: 0 } });
    }
  }
  return out.sort((a, b) => a.item.at - b.item.at);
}

/** What a drain did: written, still waiting (to try again later), dropped. */
export interface DrainResult {
  written: number;
  waiting: number;
  dropped: number;
}

/**
 * Writes every waiting request through `write` (the background's own handlers, after the
 * same checks as a message), oldest first, and takes out each one written. `write` says
 * 'written', 'refused' (this background does not know the request's shape: a newer one
 * may, so it keeps waiting until OUTBOX_MAX_AGE_MS) or throws (the database is not ready:
 * it waits for the next drain).
 */
export async function drainOutbox(
  area: OutboxArea,
  write: (message: Record<string, unknown>, at: number) => Promise<'written' | 'refused'>,
  now: number,
): Promise<DrainResult> {
  const result: DrainResult = { written: 0, waiting: 0, dropped: 0 };
  for (const { key, item } of await readOutbox(area)) {
    if (now - item.at > OUTBOX_MAX_AGE_MS || !mayWait(item.message)) {
      console.warn('No Contact: dropped a request that could not be written', key);
      await area.remove(key);
      result.dropped++;
      continue;
    }
    let outcome: 'written' | 'refused';
    try {
      outcome = await write(item.message, item.at);
    } catch (e) {
      console.error('No Contact: a waiting request could not be written yet', e);
      result.waiting++;
      continue;
    }
    if (outcome === 'written') {
      await area.remove(key);
      result.written++;
    } else {
      console.warn('No Contact: a waiting request is not one this version can write', key);
      result.waiting++;
    }
  }
  return result;
}
