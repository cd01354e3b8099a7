import { words } from '@/lib/words';
import type { WxtBrowser as Browser } from 'wxt/browser';
import { applyBackup, checkBackup, deleteEverything, ImportFailed } from '@/lib/backup';
import { addEvent } from '@/lib/db/event-store';
import type { NoContactDb } from '@/lib/db/schema';
import { dnrOf } from '@/lib/rules/dnr';
import { inRange, PROFILE_RULE_IDS } from '@/lib/rules/ids';
import { systemTimeZone } from '@/lib/streak/calendar';
import type { AllowOnce } from './allow-once';
import type { Handlers } from './messages';
import { backgroundDb } from './db';

/**
 * The options page's writes that must not be done from a page: the plan's start in the
 * event log (every event write goes through the background), importing a backup (it
 * replaces the log) and deleting everything (it must take the blocking rules with it).
 */
export function optionsHandlers(
  browser: Browser,
  allowOnce: Pick<AllowOnce, 'endAll'>,
  openDb: () => NoContactDb = backgroundDb,
): Handlers {
  const dnr = dnrOf(browser);

  return {
    'log-plan-start': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'plan-started',
        time: Date.now(),
        timeZone: systemTimeZone(),
        source: 'options',
        startDate: m.startDate,
        goalDays: m.goalDays,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id };
    },

    'apply-import': async (m) => {
      // The page showed a preview of this very text, but a message can be crafted: it is
      // checked again, here, against this clock.
      const check = checkBackup(m.text, Date.now());
      if (!check.ok) return { ok: false, error: check.problem.words };
      try {
        await applyBackup(openDb(), browser.storage.local, check.backup);
        return { ok: true };
      } catch (e) {
        console.error('No Contact: import failed', e);
        // Whether the history from before is still there decides what the person must do.
        const lost = e instanceof ImportFailed && !e.restored;
        return { ok: false, error: words(lost ? 'importFailedNotRestored' : 'importFailed') };
      }
    },

    'delete-everything': async () => {
      try {
        await deleteEverything(openDb(), browser.storage.local);
      } catch (e) {
        console.error('No Contact: delete everything failed', e);
        return { ok: false, error: words('deleteEverythingFailed') };
      }
      // The rule sync reconciles from the emptied settings on its own (storage.onChanged),
      // but "nothing is left" should not depend on that listener's timing: remove the
      // profile rules here too. Both only remove; an ID already gone is ignored.
      const dynamic = await dnr.getDynamicRules();
      const ids = dynamic.map((r) => r.id).filter((id) => inRange(PROFILE_RULE_IDS, id));
      if (ids.length) await dnr.updateDynamicRules({ removeRuleIds: ids });
      await allowOnce.endAll();
      return { ok: true };
    },
  };
}
