import type { WxtBrowser as Browser } from 'wxt/browser';
import {
  ALLOWANCES_KEY,
  allowanceEnded,
  allowedInTab,
  parseAllowances,
  parseStoredAllowances,
  type Allowance,
} from '@/lib/guard/allowances';
import { allowOnceRules } from '@/lib/rules/allow';
import { dnrOf } from '@/lib/rules/dnr';
import { ALLOW_RULE_IDS, inRange } from '@/lib/rules/ids';
import type { Profile } from '@/lib/profiles/types';

const ALARM_PREFIX = 'allow-end:';

export type AllowOnce = ReturnType<typeof createAllowOnce>;

/**
 * "Allow once": one profile, one tab, for a while. The allowance is a session rule limited
 * to the tab (so other tabs stay blocked) plus a record in session storage (so a sleeping
 * background, and the page-side guard, know it). It ends at its time (an alarm) or when the
 * browser closes (session rules and storage go with it). Closing the tab ends it too in
 * effect: tab IDs are not reused within a session, so the rule can match nothing more. No
 * tabs.onRemoved listener tidies up earlier, because it would wake the background on
 * every tab closed anywhere.
 *
 * This is the one writer of the allowances and of the session rules in ALLOW_RULE_IDS:
 * every grant and every end goes through here, one at a time, and the tabs whose
 * allowance ended are told.
 */
export function createAllowOnce(browser: Browser) {
  const dnr = dnrOf(browser);
  const session = browser.storage.session;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const next = queue.then(f, f);
    queue = next.catch(() => undefined);
    return next;
  };

  const stored = async (): Promise<Allowance[]> =>
    parseStoredAllowances((await session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY]);
  const running = async (now: number): Promise<Allowance[]> =>
    parseAllowances((await session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY], now);
  const write = (list: Allowance[]) => session.set({ [ALLOWANCES_KEY]: list });

  /**
   * The tab's page-side guard judges its page again (it cannot always read session
   * storage itself); a closed tab simply does not answer.
   */
  const notify = (gone: readonly Allowance[]) => {
    for (const tabId of new Set(gone.map((a) => a.tabId))) {
      browser.tabs.sendMessage(tabId, allowanceEnded()).catch(() => undefined);
    }
  };

  /** Removes the allowances `drop` selects, and every one that has run out, with their rules. */
  const end = (drop: (a: Allowance) => boolean) =>
    serial(async () => {
      const all = await stored();
      const now = Date.now();
      const gone = all.filter((a) => drop(a) || a.until <= now);
      if (!gone.length) return;
      await dnr.updateSessionRules({ removeRuleIds: gone.flatMap((a) => a.ruleIds) });
      await write(all.filter((a) => !gone.includes(a)));
      notify(gone);
    });

  return {
    grant: (profile: Pick<Profile, 'id' | 'platform' | 'key'>, tabId: number, minutes: number) =>
      serial(async () => {
        const now = Date.now();
        const list = (await running(now)).filter(
          (a) => !(a.tabId === tabId && a.profileId === profile.id),
        );
        const used = new Set((await dnr.getSessionRules()).map((r) => r.id));
        const kept = new Set(list.flatMap((a) => a.ruleIds));
        // Rules of allowances that are gone (ended, or replaced just above) are removed.
        const stale = [...used].filter((id) => inRange(ALLOW_RULE_IDS, id) && !kept.has(id));
        const count = allowOnceRules(ALLOW_RULE_IDS.first, profile, tabId).length;
        let first = ALLOW_RULE_IDS.first;
        const free = (id: number) =>
          Array.from({ length: count }, (_, i) => id + i).every((x) => !kept.has(x));
        while (!free(first)) first++;
        const rules = allowOnceRules(first, profile, tabId);
        await dnr.updateSessionRules({ removeRuleIds: stale, addRules: rules });
        const until = now + minutes * 60_000;
        await write([
          ...list,
          { profileId: profile.id, tabId, until, ruleIds: rules.map((r) => r.id) },
        ]);
        await browser.alarms.create(`${ALARM_PREFIX}${tabId}:${profile.id}`, { when: until });
        return until;
      }),

    endExpired: () => end(() => false),

    /**
     * Ends every allowance at once (deleting everything): every session rule in the range,
     * even one no record names, and the record the page-side guard reads. Closing every
     * allowed tab would be heavy-handed; the tabs are told, and their guard judges the
     * page again against the (now empty) list.
     */
    endAll: () =>
      serial(async () => {
        const all = await stored();
        const ids = (await dnr.getSessionRules())
          .map((r) => r.id)
          .filter((id) => inRange(ALLOW_RULE_IDS, id));
        if (ids.length) await dnr.updateSessionRules({ removeRuleIds: ids });
        await session.remove(ALLOWANCES_KEY);
        notify(all);
      }),

    isAlarm: (name: string) => name.startsWith(ALARM_PREFIX),

    /** The profile ids `tabId` may show now. */
    allowedInTab: async (tabId: number) => allowedInTab(await running(Date.now()), tabId),

    /** What the page-side guard of `tabId` needs: its tab and the running allowances. */
    forGuard: async (tabId: number | null) => ({ tabId, allowances: await running(Date.now()) }),
  };
}
