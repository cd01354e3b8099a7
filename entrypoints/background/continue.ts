import { words } from '@/lib/words';
import type { WxtBrowser as Browser } from 'wxt/browser';
import { addEvent } from '@/lib/db/event-store';
import type { NoContactDb } from '@/lib/db/schema';
import { matchProfile } from '@/lib/match';
import { effectiveMode, isConversation, loadSettings } from '@/lib/settings';
import type { AllowOnce } from './allow-once';
import { backgroundDb } from './db';
import { eventStamp } from './event-stamp';
import type { Handlers } from './messages';

/**
 * "Continue anyway" on the interstitial: the visit is logged (a slip, or a necessary
 * contact for a Modified conversation) and the profile allowed once in the sender's tab. The
 * event carries the sender's dedupe key, so a double click is written once.
 */
export function continueHandlers(
  browser: Browser,
  allowOnce: Pick<AllowOnce, 'grant'>,
  openDb: () => NoContactDb = backgroundDb,
): Handlers {
  return {
    continue: async (m, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: words('continueOnlyFromTab') };
      const settings = await loadSettings(browser.storage.local);
      // Only ever an http(s) address of a listed profile: the interstitial's address can
      // be crafted, so the background checks again before allowing anything.
      const profile = matchProfile(m.url, settings.profiles);
      if (!profile) return { ok: false, error: words('continueNotListed') };
      // Modified No Contact covers conversations only: a look at a profile is a look
      // under any plan, whatever its stored mode says.
      const modified = effectiveMode(profile) === 'modified';
      // Into a listed conversation it is a message, which always restarts the count; the
      // plan's "looks restart" choice is about looking at a profile.
      const chat = isConversation(profile);
      const restarts = chat || (settings.plan?.looksRestart ?? true);
      const e = await addEvent(
        openDb(),
        modified
          ? {
              kind: 'necessary-contact',
              ...(await eventStamp(browser, settings)),
              source: 'interstitial',
              profileId: profile.id,
              dedupeKey: m.dedupeKey,
            }
          : {
              kind: 'slip',
              ...(await eventStamp(browser, settings)),
              source: 'interstitial',
              what: chat ? 'message' : 'looked-at-profile',
              restarted: restarts,
              profileId: profile.id,
              dedupeKey: m.dedupeKey,
            },
      );
      const until = await allowOnce.grant(profile, tabId, settings.friction.allowMinutes);
      return { ok: true, eventId: e.id, until };
    },
  };
}
