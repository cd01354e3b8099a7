import type { WxtBrowser as Browser } from 'wxt/browser';
import {
  BADGE_CHECK_ALARM,
  BADGE_CHECK_MINUTES,
  BADGE_MIDNIGHT_ALARM,
  BADGE_STATE_KEY,
  badgeIsStale,
  parseBadgeState,
  planBadge,
  type BadgeState,
} from '@/lib/badge';
import type { NoContactDb } from '@/lib/db/schema';
import { backgroundDb } from './db';
import { loadSummary } from '@/lib/db/summary';
import { popupAddress, zoneOffsets } from '@/lib/popup-address';
import { countingTimeZone, loadSettings, SETTINGS_KEY } from '@/lib/settings';
import { systemTimeZone } from '@/lib/streak/calendar';
import type { DayStatus } from '@/lib/streak/day';

export { BADGE_STATE_KEY } from '@/lib/badge';
/** The calm accent of the pages; the day number is news, not an alarm. */
const BADGE_COLOR = '#2f6f5e';

export interface BadgeOptions {
  openDb?: () => NoContactDb;
  now?: () => number;
  timeZone?: () => string;
}

export interface Badge {
  refresh(): Promise<void>;
  check(): Promise<void>;
}

/**
 * Shows the day number on the toolbar button and keeps it right: computed from the
 * settings and the event log (so restarts count), again at each local midnight (an
 * alarm), on browser start and install, when the settings change, and when an hourly
 * check finds the local date or zone is not the one the badge was computed for (clock or
 * time-zone changes, which no event reports). The popup's address carries the same day.
 * Registers its listeners synchronously.
 */
export function setupBadge(browser: Browser, options: BadgeOptions = {}): Badge {
  const openDb = options.openDb ?? backgroundDb;
  const now = options.now ?? Date.now;
  const deviceZone = options.timeZone ?? systemTimeZone;

  // Refreshes run one after another, so an older computation never overwrites a newer one.
  let queue: Promise<void> = Promise.resolve();
  const serial = (f: () => Promise<void>) => {
    const next = queue.then(f, f);
    queue = next.catch((e: unknown) => console.error('badge:', e));
    return queue;
  };

  const compute = async () => {
    const settings = await loadSettings(browser.storage.local);
    const timeZone = countingTimeZone(settings.plan, deviceZone());
    const at = now();
    // Without a plan the log still says whether one ended: the badge shows that state too.
    const summary = await loadSummary(openDb(), { plan: settings.plan, now: at, timeZone });
    const status: DayStatus = settings.plan ? summary.status : { kind: 'no-plan' };
    const next = planBadge(status, at, timeZone, summary.endedPlan !== null);
    await browser.action.setBadgeText({ text: next.text });
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    // The popup paints the day from its address at once (see popupAddress).
    const window = next.alarmAt === null ? null : { from: at, until: next.alarmAt };
    const offsets = window && !settings.plan?.timeZone ? zoneOffsets(window, timeZone) : null;
    await browser.action.setPopup({ popup: popupAddress(status, window, offsets) });
    await arm(next);
    await browser.storage.session.set({ [BADGE_STATE_KEY]: next });
  };

  const arm = async (next: BadgeState) => {
    if (next.alarmAt === null) {
      await browser.alarms.clear(BADGE_MIDNIGHT_ALARM);
    } else {
      const existing = await browser.alarms.get(BADGE_MIDNIGHT_ALARM);
      if (existing?.scheduledTime !== next.alarmAt)
        await browser.alarms.create(BADGE_MIDNIGHT_ALARM, { when: next.alarmAt });
    }
    if (!(await browser.alarms.get(BADGE_CHECK_ALARM)))
      await browser.alarms.create(BADGE_CHECK_ALARM, { periodInMinutes: BADGE_CHECK_MINUTES });
  };

  const badge: Badge = {
    refresh: () => serial(compute),
    /** Cheap: reads two storage items and recomputes only when the day or zone moved. */
    check: () =>
      serial(async () => {
        const [got, settings] = await Promise.all([
          browser.storage.session.get(BADGE_STATE_KEY),
          loadSettings(browser.storage.local),
        ]);
        const last = parseBadgeState(got[BADGE_STATE_KEY]);
        const timeZone = countingTimeZone(settings.plan, deviceZone());
        if (badgeIsStale(last, now(), timeZone)) await compute();
      }),
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_MIDNIGHT_ALARM) void badge.refresh();
    else if (alarm.name === BADGE_CHECK_ALARM) void badge.check();
  });
  browser.runtime.onStartup.addListener(() => void badge.refresh());
  browser.runtime.onInstalled.addListener(() => void badge.refresh());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void badge.refresh();
  });

  return badge;
}
