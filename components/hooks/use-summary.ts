import { useEffect, useState } from 'preact/hooks';
import { createDb, DB_NAME, type NoContactDb } from '@/lib/db/schema';
import { loadSummary } from '@/lib/db/summary';
import { countingTimeZone, type Plan } from '@/lib/settings';
import { nextLocalMidnight, systemTimeZone } from '@/lib/streak/calendar';
import type { Summary } from '@/lib/streak/stats';

let db: NoContactDb | null = null;

/**
 * The page's one connection to the event log. Pages only read it (every write goes
 * through the background). When another context upgrades the database, this page runs old
 * code: it reloads rather than keep reading with an outdated schema.
 */
function pageDb(): NoContactDb {
  return (db ??= createDb(DB_NAME, { onStale: () => location.reload() }));
}

export interface SummaryState {
  /** Null until the first read. */
  summary: Summary | null;
  /** The log could not be read (the page still works; numbers are left out). */
  failed: boolean;
}

/**
 * The day count and totals for `plan`, read from the database's indexes. Reads again when
 * the plan changes, when `version` changes (the page bumps it after its own writes), when
 * the page becomes visible again, and when the local date changes while it stays open.
 * `plan` undefined means the settings are not read yet.
 */
export function useSummary(plan: Plan | null | undefined, version = 0): SummaryState {
  const [state, setState] = useState<SummaryState>({ summary: null, failed: false });
  const [tick, setTick] = useState(0);
  const planKey = plan === undefined ? undefined : JSON.stringify(plan);

  useEffect(() => {
    if (plan === undefined) return;
    let alive = true;
    const now = Date.now();
    const timeZone = countingTimeZone(plan, systemTimeZone());
    loadSummary(pageDb(), { plan, now, timeZone })
      .then((summary) => alive && setState({ summary, failed: false }))
      .catch((e: unknown) => {
        console.error(e);
        if (alive) setState((s) => ({ ...s, failed: true }));
      });
    // A popup or a blocked page left open past midnight shows the new day without a reload.
    const midnight = setTimeout(
      () => setTick((t) => t + 1),
      Math.min(nextLocalMidnight(now, timeZone) - now + 50, 2 ** 31 - 1),
    );
    const onVisible = () => {
      if (document.visibilityState === 'visible') setTick((t) => t + 1);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      clearTimeout(midnight);
      document.removeEventListener('visibilitychange', onVisible);
    };
    // planKey stands for plan: the settings object is new after every storage change.
  }, [planKey, version, tick]);

  return state;
}
