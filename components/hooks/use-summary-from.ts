import { useEffect, useState } from 'preact/hooks';
import { countingTimeZone, type Plan } from '@/lib/settings';
import { nextLocalMidnight, systemTimeZone } from '@/lib/streak/calendar';
import type { Summary } from '@/lib/streak/stats';

export interface SummaryState<S extends Summary = Summary> {
  /** Null until the first read. */
  summary: S | null;
  /** The log could not be read (the page still works; numbers are left out). */
  failed: boolean;
}

/** Reads the summary for `plan` as of `now` in `timeZone`, wherever the page gets it from. */
export type SummaryLoader<S extends Summary = Summary> = (
  plan: Plan | null,
  now: number,
  timeZone: string,
) => Promise<S>;

/**
 * The day count and totals for `plan`, through `load`. Reads again when the plan changes,
 * when `version` changes (the page bumps it after its own writes), when the page becomes
 * visible again, and when the local date changes while it stays open. `plan` undefined
 * means the settings are not read yet.
 */
export function useSummaryFrom<S extends Summary>(
  load: SummaryLoader<S>,
  plan: Plan | null | undefined,
  version = 0,
): SummaryState<S> {
  const [state, setState] = useState<SummaryState<S>>({ summary: null, failed: false });
  const [tick, setTick] = useState(0);
  const planKey = plan === undefined ? undefined : JSON.stringify(plan);

  useEffect(() => {
    if (plan === undefined) return;
    let alive = true;
    const now = Date.now();
    const timeZone = countingTimeZone(plan, systemTimeZone());
    load(plan, now, timeZone)
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
