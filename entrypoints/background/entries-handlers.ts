import { words } from '@/lib/words';
import type { WxtBrowser as Browser } from 'wxt/browser';
import { endPlanNow, endsAtOnce } from '@/lib/cooling-off';
import { deleteDraft, DraftRefused, saveDraft } from '@/lib/db/drafts';
import { addEvent, undoEvent } from '@/lib/db/event-store';
import type { NoContactDb } from '@/lib/db/schema';
import { setSign } from '@/lib/db/signs';
import { loadSummary } from '@/lib/db/summary';
import { EARLIEST_DATE, EARLIEST_YEAR } from '@/lib/limits';
import { countingTimeZone, loadSettings, updateSettings } from '@/lib/settings';
import { addDays, localDate, systemTimeZone } from '@/lib/streak/calendar';
import type { Handlers } from './messages';
import { backgroundDb } from './db';

/**
 * The writes of the person's own entries beside the log: the drafts box, the signs it is
 * working, and ending a plan whose goal is reached. Pages only read these stores; every
 * write comes here, as for the event log.
 */
export function entriesHandlers(
  browser: Browser,
  openDb: () => NoContactDb = backgroundDb,
  now: () => number = Date.now,
  deviceZone: () => string = systemTimeZone,
): Handlers {
  const area = browser.storage.local;
  const zone = async () => countingTimeZone((await loadSettings(area)).plan, deviceZone());

  return {
    'save-draft': async (m) => {
      try {
        const d = await saveDraft(openDb(), {
          id: m.id,
          text: m.text,
          time: now(),
          timeZone: await zone(),
        });
        return { ok: true, id: d.id };
      } catch (e) {
        if (e instanceof DraftRefused) return { ok: false, error: e.words };
        console.error('No Contact: draft not kept', e);
        return { ok: false, error: words('draftKeepFailed') };
      }
    },

    'delete-draft': async (m) => ({ ok: await deleteDraft(openDb(), m.id) }),

    'set-sign': async (m) => {
      if (m.noticedOn !== null) {
        // A day ahead is allowed: the person's calendar may be ahead of this zone's.
        const latest = addDays(localDate(now(), await zone()), 1);
        if (m.noticedOn > latest) return { ok: false, error: words('signDayAhead') };
        if (m.noticedOn < EARLIEST_DATE)
          return { ok: false, error: words('signDayTooEarly', EARLIEST_YEAR) };
      }
      await setSign(openDb(), m.sign, m.noticedOn, now());
      return { ok: true };
    },

    'end-plan-now': async (m) => {
      const db = openDb();
      const settings = await loadSettings(area);
      if (!settings.plan) return { ok: false, error: words('endPlanNoPlan') };
      const t = now();
      const timeZone = countingTimeZone(settings.plan, deviceZone());
      // Judged here, with this clock: the page's view may be stale, or the message crafted.
      const summary = await loadSummary(db, { plan: settings.plan, now: t, timeZone });
      if (!endsAtOnce(settings, 'goal-reached', summary.status))
        return { ok: false, error: words('endPlanNotYet') };
      // Logged first, as when a waiting end falls due: the streak's end is never lost.
      const e = await addEvent(db, {
        kind: 'plan-ended',
        time: t,
        timeZone,
        source: 'options',
        reason: 'goal-reached',
        dedupeKey: m.dedupeKey,
      });
      try {
        await updateSettings(area, endPlanNow);
      } catch (cause) {
        console.error('No Contact: the plan could not be ended', cause);
        // Nothing half-done: the plan runs on, so its end is taken back out of the log.
        await undoEvent(db, e.id, e.time).catch(() => undefined);
        return { ok: false, error: words('endPlanFailed') };
      }
      return { ok: true };
    },
  };
}
