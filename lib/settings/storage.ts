import { withDamagedCopy, type DamagedCopy } from './damaged';
import { settingsLock, type SettingsLock } from './lock';
import { readSettingsValue, type SettingsRead } from './read';
import { SETTINGS_KEY, type KeyValueArea, type Settings } from './types';

async function readStored(area: KeyValueArea): Promise<SettingsRead & { raw: unknown }> {
  const got = await area.get(SETTINGS_KEY);
  const raw = got[SETTINGS_KEY];
  return { ...readSettingsValue(raw), raw };
}

/** Settings plus what was damaged, for pages that can tell the person. */
export async function readSettings(area: KeyValueArea): Promise<SettingsRead> {
  const { settings, problems } = await readStored(area);
  return { settings, problems };
}

export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  return (await readStored(area)).settings;
}

/**
 * Reads the stored settings, applies `change`, and writes the result back whole, all
 * under the settings lock (see lock.ts), so a write from another context can neither come
 * between the read and the write nor be lost. When the stored value could only be read in
 * part, the original is kept under SETTINGS_DAMAGED_KEY in the same write, so the repair
 * never destroys it.
 */
export function updateSettings(
  area: KeyValueArea,
  change: (s: Settings) => Settings,
  now: () => number = Date.now,
  lock: SettingsLock = settingsLock,
): Promise<Settings> {
  return lock(async () => {
    const read = await readStored(area);
    const next = change(read.settings);
    let items: Record<string, unknown> = { [SETTINGS_KEY]: next };
    if (read.problems.length > 0) {
      const copy: DamagedCopy = { savedAt: now(), problems: read.problems, value: read.raw };
      items = { ...items, ...(await withDamagedCopy(area, copy)) };
    }
    await area.set(items);
    return next;
  });
}
