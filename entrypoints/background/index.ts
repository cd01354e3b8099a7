import { browser } from 'wxt/browser';
import { setupRuleSync } from './rules-sync';
import { setupInstall } from './install';
import { setupMessages } from './messages';
import { setupSessionAccess } from './session-access';

// Every listener is registered synchronously in main(): an MV3 worker woken by an event
// must find its listener on the first turn.
export default defineBackground({
  type: 'module',
  main() {
    setupRuleSync(browser);
    setupInstall(browser);
    setupSessionAccess(browser);
    setupMessages(browser, {
      'guard-hello': (_msg, sender) => Promise.resolve({ tabId: sender.tab?.id ?? null }),
    });
  },
});
