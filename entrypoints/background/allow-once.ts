import type { WxtBrowser as Browser } from 'wxt/browser';
import { ALLOWANCES_KEY, parseAllowances, type Allowance } from '@/lib/guard/allowances';
import { allowOnceRules } from '@/lib/rules/allow';
import { ALLOW_RULE_IDS, type DnrRule } from '@/lib/rules/compile';
import type { Profile } from '@/lib/profiles/types';

const ALARM_PREFIX = 'allow-end:';

interface SessionDnr {
  getSessionRules(): Promise<DnrRule[]>;
  updateSessionRules(u: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
}

/**
 * "Allow once": one profile, one tab, for a while. The allowance is a session rule limited
 * to the tab (so other tabs stay blocked) plus a record in session storage (so a sleeping
 * background, and the page-side guard, know it). It ends at its time (an alarm) or when the
 * browser closes (session rules and storage go with it). Closing the tab ends it too in
 * effect: tab IDs are not reused within a session, so the rule can match nothing more. No
 * tabs.onRemoved listener tidies up earlier, because it would wake the background on
 * every tab closed anywhere.
 */
export function createAllowOnce(browser: Browser) {
  const dnr = browser.declarativeNetRequest as unknown as SessionDnr;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const next = queue.then(f, f);
    queue = next.catch(() => undefined);
    return next;
  };

  const read = async (now: number): Promise<Allowance[]> =>
    parseAllowances((await browser.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY], now);
  const write = (list: Allowance[]) => browser.storage.session.set({ [ALLOWANCES_KEY]: list });

  /** Removes the allowances `drop` selects, with their rules. */
  const end = (drop: (a: Allowance) => boolean) =>
    serial(async () => {
      const raw = (await browser.storage.session.get(ALLOWANCES_KEY))[ALLOWANCES_KEY];
      const all = Array.isArray(raw) ? (raw as Allowance[]) : [];
      const now = Date.now();
      const gone = all.filter((a) => drop(a) || a.until <= now);
      if (!gone.length) return;
      await dnr.updateSessionRules({ removeRuleIds: gone.flatMap((a) => a.ruleIds) });
      await write(all.filter((a) => !gone.includes(a)));
      // The tab's page-side guard judges its page again (it cannot always read session
      // storage itself); a closed tab simply does not answer.
      for (const tabId of new Set(gone.map((a) => a.tabId))) {
        browser.tabs.sendMessage(tabId, { type: 'allowance-ended' }).catch(() => undefined);
      }
    });

  return {
    grant: (profile: Pick<Profile, 'id' | 'platform' | 'key'>, tabId: number, minutes: number) =>
      serial(async () => {
        const now = Date.now();
        const list = (await read(now)).filter(
          (a) => !(a.tabId === tabId && a.profileId === profile.id),
        );
        const used = new Set((await dnr.getSessionRules()).map((r) => r.id));
        const kept = new Set(list.flatMap((a) => a.ruleIds));
        // Rules of allowances that are gone (ended, or replaced just above) are removed.
        const stale = [...used].filter(
          (id) => id >= ALLOW_RULE_IDS.first && id <= ALLOW_RULE_IDS.last && !kept.has(id),
        );
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
    isAlarm: (name: string) => name.startsWith(ALARM_PREFIX),
    /** What the page-side guard of `tabId` needs: its tab and the running allowances. */
    forGuard: async (tabId: number | null) => ({ tabId, allowances: await read(Date.now()) }),
  };
}
