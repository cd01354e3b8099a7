import { words } from '@/lib/words';
import type { WxtBrowser as Browser } from 'wxt/browser';
import { addEvent, undoEvent } from '@/lib/db/events';
import type { NoContactDb } from '@/lib/db/schema';
import { matchProfile } from '@/lib/match';
import type { Handlers } from './messages';
import { countingTimeZone, loadSettings, type Settings } from '@/lib/settings';
import { systemTimeZone } from '@/lib/streak/calendar';
import type { createAllowOnce } from './allow-once';
import { backgroundDb } from './db';

/**
 * The handlers that write the event log. Every write goes through the background, one
 * writer for every page, and each carries the sender's dedupe key so a double click or a
 * message sent twice is written once.
 */
export function eventHandlers(
  browser: Browser,
  allowOnce: ReturnType<typeof createAllowOnce>,
  openDb: () => NoContactDb = backgroundDb,
): Handlers {
  // Events are dated in the zone the count is kept in, so the log and the count agree.
  const base = async (settings?: Settings) => ({
    time: Date.now(),
    timeZone: countingTimeZone(
      (settings ?? (await loadSettings(browser.storage.local))).plan,
      systemTimeZone(),
    ),
  });
  return {
    'log-urge': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'urge-resisted',
        ...(await base()),
        source: m.source,
        profileId: m.profileId,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id };
    },
    'log-slip': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'slip',
        ...(await base()),
        source: m.source,
        what: m.what,
        note: m.note?.trim() || undefined,
        restarted: true,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id, restarted: e.kind === 'slip' && e.restarted };
    },
    continue: async (m, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: words('continueOnlyFromTab') };
      const settings = await loadSettings(browser.storage.local);
      // Only ever an http(s) address of a listed profile: the interstitial's address can
      // be crafted, so the background checks again before allowing anything.
      const profile = matchProfile(m.url, settings.profiles);
      if (!profile) return { ok: false, error: words('continueNotListed') };
      const modified = profile.mode === 'modified';
      const looksRestart = settings.plan?.looksRestart ?? true;
      const e = await addEvent(
        openDb(),
        modified
          ? {
              kind: 'necessary-contact',
              ...(await base(settings)),
              source: 'interstitial',
              profileId: profile.id,
              dedupeKey: m.dedupeKey,
            }
          : {
              kind: 'slip',
              ...(await base(settings)),
              source: 'interstitial',
              what: 'looked-at-profile',
              restarted: looksRestart,
              profileId: profile.id,
              dedupeKey: m.dedupeKey,
            },
      );
      const until = await allowOnce.grant(profile, tabId, settings.friction.allowMinutes);
      return { ok: true, eventId: e.id, until };
    },
    'log-reached-out': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'they-reached-out',
        ...(await base()),
        source: m.source,
        channel: m.channel,
        gist: m.gist,
        note: m.note?.trim() || undefined,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id };
    },
    'log-necessary-contact': async (m) => {
      const e = await addEvent(openDb(), {
        kind: 'necessary-contact',
        ...(await base()),
        source: m.source,
        note: m.note?.trim() || undefined,
        dedupeKey: m.dedupeKey,
      });
      return { ok: true, eventId: e.id };
    },
    undo: async (m) => {
      const r = await undoEvent(openDb(), m.eventId, Date.now());
      return { ok: r.ok };
    },
  };
}
