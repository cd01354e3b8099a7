import type { WxtBrowser as Browser } from 'wxt/browser';
import { createRuleSync, type DnrAdapter } from '@/lib/rules/reconcile';
import { loadSettings, SETTINGS_KEY } from '@/lib/settings';

export function setupRuleSync(browser: Browser) {
  const dnr = browser.declarativeNetRequest as unknown as DnrAdapter;
  const sync = createRuleSync(dnr, browser.runtime.getURL('/interstitial.html'));
  const resync = () => {
    loadSettings(browser.storage.local)
      .then((s) => sync(s.profiles))
      .catch((e: unknown) => console.error('No Contact: could not update blocking rules', e));
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) resync();
  });
  // Dynamic rules persist, but the extension's URL (Firefox) or the compiler can change
  // between versions: rebuild on install, update and browser start.
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
}
