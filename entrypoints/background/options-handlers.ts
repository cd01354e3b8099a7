import { words } from '@/lib/words';
import type { WxtBrowser as Browser } from 'wxt/browser';
import {
  applyBackup,
  checkBackup,
  deleteEverything,
  importedSettings,
  ImportFailed,
} from '@/lib/backup';
import { listLimitProblem } from '@/lib/rules/budget';
import { loadSettings } from '@/lib/settings';
import { addEvent } from '@/lib/db/event-store';
import type { NoContactDb } from '@/lib/db/schema';
import { systemTimeZone } from '@/lib/streak/calendar';
import type { AllowOnce } from './allow-once';
import type { Handlers } from './messages';
import { backgroundDb } from './db';

/**
 * The options page's writes that must not be done from a page: the plan's start in the
 * event log (every event write goes through the background), importing a backup (it
 * replaces the log) and deleting everything (it must end every allowance).
 *
 * Neither an import nor deleting everything lowers protection at once: the profiles they
 * would take off the list stay listed and blocked, with their removal waiting 24 hours
 * like any other (lib/backup/waits.ts decides exactly what waits). The blocking rules
 * follow the stored profiles as always (rules-sync).
 */
export function optionsHandlers(
  browser: Browser,
  allowOnce: Pick<AllowOnce, 'endAll'>,
  openDb: () => NoContactDb = backgroundDb,
): Handlers {
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
      // What the list would be after the import must fit the browser's rules (the page
      // checked this for its preview; a message can be crafted).
      const kept = importedSettings(
        await loadSettings(browser.storage.local),
        check.backup.settings,
        Date.now(),
        () => 'check',
      );
      const tooMany = listLimitProblem(kept.profiles);
      if (tooMany) return { ok: false, error: tooMany };
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
      // The profile rules stay: the profiles are still listed until their removal is due,
      // when the cooling-off takes them off and the rule sync follows. What was allowed
      // once ends now, with the rest of what was there.
      await allowOnce.endAll();
      return { ok: true };
    },
  };
}
