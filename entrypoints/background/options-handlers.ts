import { words } from '@/lib/words';
import type { WxtBrowser as Browser } from 'wxt/browser';
import { applyBackup, checkBackup, deleteEverything, ImportFailed } from '@/lib/backup';
import { addEvent } from '@/lib/db/events';
import type { NoContactDb } from '@/lib/db/schema';
import { ALLOWANCES_KEY } from '@/lib/guard/allowances';
import { ALLOW_RULE_IDS, PROFILE_RULE_IDS, type DnrRule } from '@/lib/rules/compile';
import { systemTimeZone } from '@/lib/streak/calendar';
import type { Handlers } from './messages';
import { backgroundDb } from './db';

interface RuleDnr {
  getDynamicRules(): Promise<DnrRule[]>;
  updateDynamicRules(u: { removeRuleIds: number[]; addRules?: DnrRule[] }): Promise<void>;
  getSessionRules(): Promise<DnrRule[]>;
  updateSessionRules(u: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
}

const inRange = (range: { first: number; last: number }) => (r: DnrRule) =>
  r.id >= range.first && r.id <= range.last;

/**
 * The options page's writes that must not be done from a page: the plan's start in the
 * event log (every event write goes through the background), importing a backup (it
 * replaces the log) and deleting everything (it must take the blocking rules with it).
 */
export function optionsHandlers(
  browser: Browser,
  openDb: () => NoContactDb = backgroundDb,
): Handlers {
  const dnr = browser.declarativeNetRequest as unknown as RuleDnr;

  /**
   * Ends every "allow once" at once: the session rules and the record the page-side guard
   * reads. Closing every allowed tab would be heavy-handed; the tabs are told, and their
   * guard judges the page again against the (now empty) list.
   */
  const endAllowances = async () => {
    const session = await dnr.getSessionRules();
    const ids = session.filter(inRange(ALLOW_RULE_IDS)).map((r) => r.id);
    if (ids.length) await dnr.updateSessionRules({ removeRuleIds: ids });
    const raw = (await browser.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY];
    await browser.storage.session.remove(ALLOWANCES_KEY);
    const tabs = Array.isArray(raw) ? (raw as { tabId?: unknown }[]) : [];
    for (const tabId of new Set(tabs.map((a) => a.tabId))) {
      if (typeof tabId === 'number')
        browser.tabs.sendMessage(tabId, { type: 'allowance-ended' }).catch(() => undefined);
    }
  };

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
      const ids = dynamic.filter(inRange(PROFILE_RULE_IDS)).map((r) => r.id);
      if (ids.length) await dnr.updateDynamicRules({ removeRuleIds: ids });
      await endAllowances();
      return { ok: true };
    },
  };
}
