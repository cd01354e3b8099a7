import type { WxtBrowser as Browser } from 'wxt/browser';
import { applyDue, nextDueAt } from '@/lib/cooling-off';
import { addEvent } from '@/lib/db/event-store';
import type { NoContactDb } from '@/lib/db/schema';
import { originPatternsFor } from '@/lib/profiles';
import type { Profile } from '@/lib/profiles/types';
import { loadSettings, SETTINGS_KEY, updateSettings, type Settings } from '@/lib/settings';
import { systemTimeZone } from '@/lib/streak/calendar';
import { backgroundDb } from './db';

export const COOLING_OFF_ALARM = 'cooling-off';

/**
 * Applies waiting changes when they fall due, whether or not any page is open.
 *
 * One alarm is kept at the earliest due time. It is re-armed whenever the settings change
 * (a change queued or cancelled on the options page, an import, a delete) and when the
 * browser starts or the extension is installed or updated, since Chrome may drop alarms
 * across a restart. Each of those moments also applies whatever is already due, so a
 * change that fell due while the browser was closed takes effect on the next start, and
 * a due time that has passed is never left waiting for an alarm Chrome may delay.
 *
 * Listeners are registered synchronously: a worker woken by the alarm must find them.
 */
export function setupCoolingOff(
  browser: Browser,
  openDb: () => NoContactDb = backgroundDb,
  now: () => number = Date.now,
) {
  const area = browser.storage.local;
  let queue: Promise<unknown> = Promise.resolve();

  const step = async () => {
    const t = now();
    const before = await loadSettings(area);
    const due = applyDue(before, t);
    let after: Settings = before;
    if (due.applied.length) {
      // The end of a plan is logged before the plan leaves the settings, so a failed write
      // leaves the plan running (and this runs again) rather than losing its streak. The
      // key makes a repeated run write it once.
      for (const p of due.applied) {
        if (p.change.kind !== 'end-plan' || !before.plan) continue;
        await addEvent(openDb(), {
          kind: 'plan-ended',
          time: t,
          timeZone: systemTimeZone(),
          source: 'options',
          reason: p.change.reason,
          dedupeKey: `cooling-off:${p.id}`,
        });
      }
      // Applied again to what is stored now: a page may have cancelled or queued
      // something since the read above.
      let removed: Profile[] = [];
      after = await updateSettings(area, (s) => {
        const r = applyDue(s, t);
        removed = r.removedProfiles;
        return r.settings;
      });
      await releaseOrigins(browser, removed, after.profiles);
    }
    const next = nextDueAt(after);
    if (next === null) await browser.alarms.clear(COOLING_OFF_ALARM);
    else await browser.alarms.create(COOLING_OFF_ALARM, { when: Math.max(next, t + 1000) });
  };

  // One run at a time: the write of one run changes the settings and starts the next,
  // which then finds nothing due and only re-arms.
  const run = () => {
    const next = queue.then(step, step);
    queue = next.catch((e: unknown) =>
      console.error('No Contact: could not apply waiting changes', e),
    );
    return queue;
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === COOLING_OFF_ALARM) void run();
  });
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'local' && SETTINGS_KEY in changes) void run();
  });
  browser.runtime.onStartup.addListener(() => void run());
  browser.runtime.onInstalled.addListener(() => void run());
  /** Resolves once the runs already started are done (for tests). */
  const settled = () => queue;
  return { run, settled };
}

/**
 * A custom site's host access was asked for when it was listed; once the last entry that
 * needs it is gone, it is given back. Built-in platforms are in the manifest and never
 * released.
 */
async function releaseOrigins(browser: Browser, removed: Profile[], remaining: Profile[]) {
  const stillNeeded = new Set(remaining.flatMap(originPatternsFor));
  const origins = [...new Set(removed.flatMap(originPatternsFor))].filter(
    (o) => !stillNeeded.has(o),
  );
  if (!origins.length) return;
  try {
    await browser.permissions.remove({ origins });
  } catch (e) {
    // Keeping a permission is harmless; the profile itself is gone.
    console.error('No Contact: could not give back site access', e);
  }
}
