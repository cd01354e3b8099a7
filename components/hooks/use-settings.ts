import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';

/** Current settings, kept fresh as any context changes them. Null until first read. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () => {
      loadSettings(browser.storage.local)
        .then((s) => alive && setSettings(s))
        .catch((e: unknown) => console.error(e));
    };
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChange);
    read();
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);
  return settings;
}
