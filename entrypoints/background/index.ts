import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createAllowOnce } from './allow-once';
import { setupBadge } from './badge';
import { continueHandlers } from './continue';
import { createMenu, setupContextMenu } from './context-menu';
import { setupCoolingOff } from './cooling-off';
import { entriesHandlers } from './entries-handlers';
import { guardOpenTabs, setupHistoryFallback } from './history-fallback';
import { setupInstall } from './install';
import { logHandlers } from './log-handlers';
import { setupMessages, type Handlers } from './messages';
import { optionsHandlers } from './options-handlers';
import { setupRuleSync } from './rules-sync';
import { setupSessionAccess } from './session-access';
import { isPrivateSide, isSplitBuild, setupNormalSide, setupPrivateSide } from './split';
import { summaryHandlers } from './summary';
import { takeOverFromEarlierWorker } from './worker-takeover';

// Every listener is registered synchronously in main(): an MV3 worker woken by an event
// must find its listener on the first turn.
export default defineBackground({
  type: 'module',
  main() {
    takeOverFromEarlierWorker(globalThis);
    const allowOnce = createAllowOnce(browser);
    setupSessionAccess(browser);
    setupHistoryFallback(browser, allowOnce);
    if (isPrivateSide(browser)) {
      // Chrome's incognito windows (split mode): the rules, the list and the log are the
      // normal side's; this side answers its guards and hands everything else over.
      const side = setupPrivateSide(browser);
      // "Add to No Contact" on links in incognito windows too: the menu items there are
      // this side's own, and what the click adds goes to the list both sides share.
      setupContextMenu(browser);
      createMenu(browser).catch((e: unknown) => console.error(e));
      setupMessages(
        browser,
        { 'guard-hello': (_msg, sender) => allowOnce.forGuard(sender.tab?.id ?? null) },
        { handOver: side.handOver },
      );
      return;
    }
    setupRuleSync(browser);
    browser.runtime.onInstalled.addListener(() => {
      guardOpenTabs(browser).catch((e: unknown) => console.error(e));
    });
    setupCoolingOff(browser);
    const badge = setupBadge(browser);
    let logChanged = (): Promise<void> => Promise.resolve();
    // Whatever changes the log can change the day: the badge follows every such answer,
    // and so does the incognito windows' copy of the log.
    const thenBadge = (h: Handlers): Handlers =>
      Object.fromEntries(
        Object.entries(h).map(([type, handle]) => [
          type,
          async (...args: unknown[]) => {
            const res: unknown = await (handle as (...a: unknown[]) => Promise<unknown>)(...args);
            await Promise.all([badge.refresh(), logChanged()]);
            return res;
          },
        ]),
      );
    const desk = setupMessages(browser, {
      ...thenBadge(optionsHandlers(browser, allowOnce)),
      ...thenBadge(logHandlers(browser)),
      ...thenBadge(continueHandlers(browser, allowOnce)),
      ...thenBadge(entriesHandlers(browser)),
      ...summaryHandlers(browser),
      ...setupContextMenu(browser),
      'guard-hello': (_msg, sender) => allowOnce.forGuard(sender.tab?.id ?? null),
    });
    if (isSplitBuild(browser)) logChanged = setupNormalSide(browser, desk).logChanged;
    setupInstall(browser, desk.drain);
    browser.alarms.onAlarm.addListener((alarm) => {
      if (allowOnce.isAlarm(alarm.name)) void allowOnce.endExpired();
    });
  },
});
