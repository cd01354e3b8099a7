import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Profile } from '@/lib/profiles/types';
import {
  inProcessLock,
  loadSettings,
  SETTINGS_KEY,
  SETTINGS_LOCK_NAME,
  settingsLock,
  updateSettings,
  type KeyValueArea,
  type Settings,
  type SettingsLock,
} from '@/lib/settings';
import { SlowArea } from './slow-area';

const profile = (key: string): Profile => ({
  id: `instagram:${key}`,
  platform: 'instagram',
  key,
  display: `Instagram · @${key}`,
  url: `https://www.instagram.com/${key}/`,
  mode: 'block',
  addedAt: 1_768_003_200_000,
});

const adding =
  (key: string) =>
  (s: Settings): Settings => ({ ...s, profiles: [...s.profiles, profile(key)] });

/** Two contexts each add a profile at the same moment, through one lock. */
async function twoAtOnce(area: KeyValueArea, lock?: SettingsLock): Promise<string[]> {
  await Promise.all([
    updateSettings(area, adding('jamie'), Date.now, lock),
    updateSettings(area, adding('sam'), Date.now, lock),
  ]);
  return (await loadSettings(area)).profiles.map((p) => p.key).sort();
}

/** No lock at all: what every write did before the settings lock. */
const noLock: SettingsLock = (fn) => fn();

afterEach(() => vi.unstubAllGlobals());

describe('every settings write holds one lock', () => {
  it('control: without a lock, one of two simultaneous updates is lost', async () => {
    expect(await twoAtOnce(new SlowArea(), noLock)).toHaveLength(1);
  });

  it('two simultaneous updates both keep their change (in-process queue)', async () => {
    expect(await twoAtOnce(new SlowArea(), inProcessLock())).toEqual(['jamie', 'sam']);
  });

  it('the default lock keeps both too (Node 20 has no Web Locks: the queue stands in)', async () => {
    expect(typeof navigator === 'undefined' || navigator.locks === undefined).toBe(true);
    expect(await twoAtOnce(new SlowArea())).toEqual(['jamie', 'sam']);
  });

  it('uses the Web Lock named for the settings when the context has Web Locks', async () => {
    // A stand-in for navigator.locks with its semantics: one holder of a name at a time.
    const names: string[] = [];
    const queues = new Map<string, SettingsLock>();
    const request = (name: string, fn: () => Promise<unknown>) => {
      names.push(name);
      if (!queues.has(name)) queues.set(name, inProcessLock());
      return queues.get(name)!(fn);
    };
    vi.stubGlobal('navigator', { locks: { request } });
    expect(await twoAtOnce(new SlowArea(), settingsLock)).toEqual(['jamie', 'sam']);
    expect(names).toEqual([SETTINGS_LOCK_NAME, SETTINGS_LOCK_NAME]);
  });

  it('a failed write does not hold up the next one', async () => {
    const area = new SlowArea();
    const lock = inProcessLock();
    area.failNextSet = new Error('quota');
    const [first, second] = await Promise.allSettled([
      updateSettings(area, adding('jamie'), Date.now, lock),
      updateSettings(area, adding('sam'), Date.now, lock),
    ]);
    expect(first.status).toBe('rejected');
    expect(second.status).toBe('fulfilled');
    expect((await loadSettings(area)).profiles.map((p) => p.key)).toEqual(['sam']);
  });

  it('a change that throws writes nothing and lets the next update run', async () => {
    const area = new SlowArea({ [SETTINGS_KEY]: { version: 3 } });
    const lock = inProcessLock();
    const failing = updateSettings(
      area,
      () => {
        throw new Error('refused');
      },
      Date.now,
      lock,
    );
    const next = updateSettings(area, adding('sam'), Date.now, lock);
    await expect(failing).rejects.toThrow('refused');
    expect((await next).profiles.map((p) => p.key)).toEqual(['sam']);
    expect(area.sets).toBe(1);
  });
});
