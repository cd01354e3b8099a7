import type { WxtBrowser as Browser } from 'wxt/browser';

export function setupInstall(browser: Browser) {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') {
      browser.runtime.openOptionsPage().catch((e: unknown) => console.error(e));
    }
  });
}
