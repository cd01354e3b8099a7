import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Words } from '@/lib/words';
import {
  readSettings,
  SETTINGS_DAMAGED_KEY,
  SETTINGS_DAMAGED_SEEN_KEY,
  SETTINGS_KEY,
  unreadDamage,
  updateSettings,
} from '@/lib/settings';

/**
 * What the person should be told about damaged settings (see unreadDamage), read again
 * whenever the settings or the kept copies change; `dismiss` saves the repair and
 * remembers that the copies were read.
 */
export function useSettingsDamage(): { problems: (Words | string)[]; dismiss: () => void } {
  const [state, setState] = useState<ReturnType<typeof unreadDamage>>({
    problems: [],
    newest: null,
  });
  useEffect(() => {
    let alive = true;
    const read = async () => {
      const area = browser.storage.local;
      const [{ problems }, got] = await Promise.all([
        readSettings(area),
        area.get([SETTINGS_DAMAGED_KEY, SETTINGS_DAMAGED_SEEN_KEY]),
      ]);
      const unread = unreadDamage(
        problems,
        got[SETTINGS_DAMAGED_KEY],
        got[SETTINGS_DAMAGED_SEEN_KEY],
      );
      if (alive) setState(unread);
    };
    const onChange = (changes: Record<string, unknown>, areaName: string) => {
      if (areaName !== 'local') return;
      if ([SETTINGS_KEY, SETTINGS_DAMAGED_KEY, SETTINGS_DAMAGED_SEEN_KEY].some((k) => k in changes))
        read().catch((e: unknown) => console.error(e));
    };
    browser.storage.onChanged.addListener(onChange);
    read().catch((e: unknown) => console.error(e));
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);
  const dismiss = () => {
    void (async () => {
      const area = browser.storage.local;
      // Settings still damaged are written back repaired now (updateSettings keeps the
      // original as a copy), so the notice does not come back for what was read.
      if ((await readSettings(area)).problems.length) await updateSettings(area, (s) => s);
      const got = await area.get(SETTINGS_DAMAGED_KEY);
      const { newest } = unreadDamage([], got[SETTINGS_DAMAGED_KEY], null);
      await area.set({ [SETTINGS_DAMAGED_SEEN_KEY]: newest ?? Date.now() });
    })().catch((e: unknown) => console.error(e));
  };
  return { problems: state.problems, dismiss };
}
