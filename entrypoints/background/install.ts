import type { WxtBrowser as Browser } from 'wxt/browser';

/**
 * The first run opens the options page. Whenever the extension is installed, updated or
 * the browser starts, what waits in the outbox (lib/outbox) is written: after an update in
 * place, pages of the new build may have kept writes that the older background could not
 * take.
 */
export function setupInstall(browser: Browser, drain: () => Promise<unknown>) {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') {
      browser.runtime.openOptionsPage().catch((e: unknown) => console.error(e));
    }
    void drain().catch((e: unknown) => console.error(e));
  });
  browser.runtime.onStartup.addListener(() => {
    void drain().catch((e: unknown) => console.error(e));
  });
}
