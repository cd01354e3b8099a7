import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FIRST_RUN_KEY, parseFirstRun, type FirstRunState } from '@/lib/first-run';

/**
 * The first run's progress, from storage.local, kept in step with other tabs. `update`
 * writes through storage; the state follows from the change event, so two open tabs
 * never disagree about the step.
 */
export function useOptionsFirstRun(): {
  state: FirstRunState | null;
  update: (change: Partial<FirstRunState>) => Promise<void>;
} {
  const [state, setState] = useState<FirstRunState | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () => {
      browser.storage.local
        .get(FIRST_RUN_KEY)
        .then((got) => alive && setState(parseFirstRun(got[FIRST_RUN_KEY])))
        .catch((e: unknown) => console.error(e));
    };
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && FIRST_RUN_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChange);
    read();
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);

  const update = useCallback(async (change: Partial<FirstRunState>) => {
    const got = await browser.storage.local.get(FIRST_RUN_KEY);
    const next: FirstRunState = { ...parseFirstRun(got[FIRST_RUN_KEY]), ...change };
    setState(next);
    await browser.storage.local.set({ [FIRST_RUN_KEY]: next });
  }, []);

  return { state, update };
}
