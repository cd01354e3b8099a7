import type { WxtBrowser as Browser } from 'wxt/browser';
import { addEvent, undoEvent } from '@/lib/db/event-store';
import type { NoContactDb } from '@/lib/db/schema';
import { backgroundDb } from './db';
import { eventStamp } from './event-stamp';
import type { Handlers } from './messages';

/**
 * The handlers that write what the person logs from the popup and the options page
 * (urges, slips, contacts, undo). Every write goes through the background, one writer for
 * every page, and each carries the sender's dedupe key so a double click or a message
 * sent twice is written once. "Continue anyway" writes the log too, beside its allowance
 * (continue.ts).
 */
export function logHandlers(browser: Browser, openDb: () => NoContactDb = backgroundDb): Handlers {
  const base = () => eventStamp(browser);
  return {
    'log-urge': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'urge-resisted',
        ...(await base()),
        source: m.source,
        profileId: m.profileId,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id };
    },
    'log-slip': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'slip',
        ...(await base()),
        source: m.source,
        what: m.what,
        note: m.note?.trim() || undefined,
        restarted: true,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id, restarted: e.kind === 'slip' && e.restarted };
    },
    'log-reached-out': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'they-reached-out',
        ...(await base()),
        source: m.source,
        channel: m.channel,
        gist: m.gist,
        note: m.note?.trim() || undefined,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id };
    },
    'log-necessary-contact': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'necessary-contact',
        ...(await base()),
        source: m.source,
        note: m.note?.trim() || undefined,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id };
    },
    undo: async (m) => {
      const r = await undoEvent(openDb(), m.eventId, Date.now());
      return { ok: r.ok };
    },
  };
}
