import type { WxtBrowser as Browser } from 'wxt/browser';
import { dnrOf } from '@/lib/rules/dnr';
import { createRuleSync } from '@/lib/rules/reconcile';
import { makeRuleCheck, RULE_CHECK_KEY } from '@/lib/rules/rule-check';
import { loadSettings, SETTINGS_KEY } from '@/lib/settings';
import { syncCustomGuard } from './custom-guard';
import { ruleInterstitialUrl } from './interstitial-address';

export function setupRuleSync(browser: Browser) {
  // The fixed address, not the per-session one: right from the first moment after a restart.
  const sync = createRuleSync(dnrOf(browser), ruleInterstitialUrl(browser));
  const resync = () => {
    loadSettings(browser.storage.local)
      .then(async (s) => {
        const result = await sync(s.profiles);
        // What is in force, compared with what the list needs, for the options page, the
        // popup and the add form (lib/rules/rule-check.ts); this is its only writer.
        const check = makeRuleCheck(
          s.profiles,
          {
            wanted: result.wanted,
            refusedIds: result.refused.flatMap((x) => x.profileIds),
            rulesInForce: result.rulesInForce,
            error: result.updateError,
          },
          Date.now(),
        );
        await browser.storage.session.set({ [RULE_CHECK_KEY]: check });
        await syncCustomGuard(browser, s.profiles);
        return { result, check };
      })
      .then(({ result: r, check }) => {
        // A pattern the browser's regex engine refuses cannot be enforced by a rule; the
        // page-side guard still covers it on the platforms' hosts. Say so loudly.
        for (const x of r.refused) {
          console.error('No Contact: the browser refused a rule for', x.profileIds, x.reason);
        }
        if (r.updateError) {
          console.error('No Contact: the browser refused the blocking rules:', r.updateError);
        }
        if (check.unblocked.length) {
          console.error('No Contact: not blocked right now:', check.unblocked);
        }
      })
      .catch((e: unknown) => console.error('No Contact: could not update blocking rules', e));
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) resync();
  });
  // A custom site's access granted or withdrawn changes where the guard may run.
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  // Dynamic rules persist, but the extension's URL (Firefox) or the compiler can change
  // between versions: rebuild on install, update and browser start.
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
}
