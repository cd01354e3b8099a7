import type { WxtBrowser as Browser } from 'wxt/browser';
import { addEvent, listEvents, undoEvent } from '@/lib/db/event-store';
import { ANGRY_WINDOW_MS, angryReportsInWindow } from '@/lib/reached-out';
import type { NoContactDb } from '@/lib/db/schema';
import { loadSettings } from '@/lib/settings';
import { currentStageSet, stageSetProblem } from '@/lib/stage';
import { localDate } from '@/lib/streak/calendar';
import { checkEventTime } from '@/lib/streak/when';
import type { Words } from '@/lib/words';
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
  /**
   * The stamp of something logged a while after it happened: dated at `at` when given,
   * checked here against the plan's first day and this clock (the page checked too, but
   * a message can be crafted).
   */
  const dated = async (
    at: number | undefined,
  ): Promise<
    { ok: true; stamp: Awaited<ReturnType<typeof base>> } | { ok: false; error: Words }
  > => {
    const settings = await loadSettings(browser.storage.local);
    const stamp = await eventStamp(browser, settings);
    if (at === undefined) return { ok: true, stamp };
    const problem = checkEventTime(at, stamp.time, stamp.timeZone, settings.plan);
    return problem ? { ok: false, error: problem } : { ok: true, stamp: { ...stamp, time: at } };
  };
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
      const when = await dated(m.at);
      if (!when.ok) return when;
      const e = await addEvent(openDb(), {
        kind: 'slip',
        ...when.stamp,
        source: m.source,
        what: m.what,
        note: m.note?.trim() || undefined,
        restarted: true,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id, restarted: e.kind === 'slip' && e.restarted };
    },
    'log-reached-out': async (m) => {
      const when = await dated(m.at);
      if (!when.ok) return when;
      const e = await addEvent(openDb(), {
        kind: 'they-reached-out',
        ...when.stamp,
        source: m.source,
        channel: m.channel,
        gist: m.gist,
        note: m.note?.trim() || undefined,
        dedupeKey: m.dedupeKey,
      });
      if (m.gist !== 'angry') return { ok: true, eventId: e.id };
      // The angry-report rule reads the log (lib/reached-out): how often it came lately.
      const now = Date.now();
      const recent = await listEvents(openDb(), {
        kind: 'they-reached-out',
        since: now - ANGRY_WINDOW_MS,
      });
      const reports = recent.map((r) => ({
        time: r.time,
        gist: r.kind === 'they-reached-out' ? r.gist : undefined,
      }));
      return { ok: true, eventId: e.id, angryReports: angryReportsInWindow(reports, now) };
    },
    'log-necessary-contact': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'necessary-contact',
        ...(await base()),
        source: m.source,
        topic: m.topic,
        note: m.note?.trim() || undefined,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id };
    },
    'log-stage-set': async (m) => {
      const settings = await loadSettings(browser.storage.local);
      const stamp = await eventStamp(browser, settings);
      const db = openDb();
      const latest = (kind: 'stage-set' | 'plan-ended') =>
        listEvents(db, { kind, newestFirst: true, limit: 1 });
      const earlier = currentStageSet([
        ...(await latest('stage-set')),
        ...(await latest('plan-ended')),
      ]);
      // The same press sent twice is the same event, not a second message.
      if (earlier && earlier.dedupeKey === m.dedupeKey) return { ok: true, eventId: earlier.id };
      const problem = stageSetProblem(
        settings.plan,
        localDate(stamp.time, stamp.timeZone),
        earlier?.localDate ?? null,
      );
      if (problem) return { ok: false, error: problem };
      const e = await addEvent(db, {
        kind: 'stage-set',
        ...stamp,
        source: 'options',
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
