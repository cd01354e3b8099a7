import type { WxtBrowser as Browser } from 'wxt/browser';
import { matchProfile } from '@/lib/match';
import { PLATFORM_DOMAINS, PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';
import { loadSettings } from '@/lib/settings';
import type { AllowOnce } from './allow-once';

/**
 * Only the platforms' hosts wake the background; other sites never do. A host written with
 * a trailing dot (instagram.com.) is the same site to the browser, so it is matched too.
 */
export const HISTORY_FILTER = {
  url: PLATFORM_DOMAINS.flatMap((d) => [
    { hostEquals: d },
    { hostSuffix: `.${d}` },
    { hostEquals: `${d}.` },
    { hostSuffix: `.${d}.` },
  ]),
};

/**
 * The fallback behind the page-side guard: an in-page route change the guard did not see
 * (a tab opened before the extension was installed, or a guard that failed to load) is
 * caught after the fact and the tab shown the interstitial.
 */
export function setupHistoryFallback(browser: Browser, allowOnce: Pick<AllowOnce, 'allowedInTab'>) {
  browser.webNavigation.onHistoryStateUpdated.addListener((details) => {
    if (details.frameId !== 0) return;
    void (async () => {
      const settings = await loadSettings(browser.storage.local);
      const profile = matchProfile(details.url, settings.profiles);
      if (!profile) return;
      if ((await allowOnce.allowedInTab(details.tabId)).has(profile.id)) return;
      await browser.tabs.update(details.tabId, {
        url: `${browser.runtime.getURL('/interstitial.html')}#${details.url}`,
      });
    })().catch((e: unknown) => console.error('No Contact: history fallback failed', e));
  }, HISTORY_FILTER);
}

/**
 * Content scripts reach only pages loaded after installation: give the guard to platform
 * tabs that were already open, so their in-page navigation is covered from now on.
 */
export async function guardOpenTabs(browser: Browser) {
  const tabs = await browser.tabs.query({ url: PLATFORM_HOST_PATTERNS });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      const target = { tabId: tab.id };
      try {
        await browser.scripting.executeScript({
          target,
          files: ['/content-scripts/guard-main.js'],
          world: 'MAIN',
        });
        await browser.scripting.executeScript({ target, files: ['/content-scripts/guard.js'] });
      } catch {
        // A tab that cannot be scripted (discarded, an error page) is guarded on its next load.
      }
    }),
  );
}
