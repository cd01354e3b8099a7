import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyBackup, backupToJson, checkBackup, exportBackup } from '@/lib/backup';
import { say } from '@/lib/i18n';
import { recognise } from '@/lib/profiles';
import { PLATFORMS, type Profile } from '@/lib/profiles/types';
import { updateSettings } from '@/lib/settings';
import { MemoryArea } from '../fixtures/memory-area';
import { everyPlatform } from '../profiles/fixtures';
import { CASES } from '../profiles/url-cases';
import { checked, closeAll, fixtureObject, freshDb, NOW } from './helpers';

afterEach(closeAll);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The fixture backup listing `profiles` instead of its own. */
function backupListing(profiles: Profile[]): string {
  const b = fixtureObject() as Json;
  b.settings.profiles = profiles.map((p, i) => ({ ...p, addedAt: NOW - 1000 + i }));
  return JSON.stringify(b);
}

describe('import and the add form agree on profiles (one recogniser)', () => {
  it('export then import keeps a profile of every platform the add form accepts', async () => {
    const profiles = everyPlatform().map((p, i) => ({ ...p, addedAt: NOW - 1000 + i }));
    expect(new Set(profiles.map((p) => p.platform))).toEqual(new Set(PLATFORMS));
    const from = { db: freshDb(), area: new MemoryArea() };
    await updateSettings(from.area, (s) => ({ ...s, profiles }));
    const text = backupToJson(await exportBackup(from.db, from.area, NOW));
    const to = { db: freshDb(), area: new MemoryArea() };
    await applyBackup(to.db, to.area, checked(text));
    expect((await exportBackup(to.db, to.area, NOW)).settings.profiles).toEqual(profiles);
  });

  it('accepts every address form the form recognises, stored as the form stores it', () => {
    const stored = new Map<string, Profile>();
    for (const [address] of CASES) {
      const r = recognise(address);
      if (r.ok) stored.set(r.profile.id, { ...r.profile, mode: 'block', addedAt: 0 });
    }
    expect(stored.size).toBeGreaterThan(15);
    const r = checkBackup(backupListing([...stored.values()]), NOW);
    expect(r.ok ? 'accepted' : say(r.problem.words)).toBe('accepted');
  });

  it('refuses what the form refuses or reads as another account, naming the place', () => {
    const [ig] = everyPlatform();
    const cases: [Partial<Profile>, RegExp][] = [
      [{ url: 'https://www.instagram.com/explore/' }, /listed profile 2 is not one/],
      [{ url: 'https://www.instagram.com/' }, /listed profile 2 is not one/],
      [{ url: 'https://unknown.example/jamie.doe' }, /listed profile 2 is not one/],
      [{ url: 'https://www.instagram.com/sam_lee/' }, /listed profile 2 belongs to another/],
      [
        { key: 'JAMIE.DOE', id: 'instagram:JAMIE.DOE', url: 'https://instagram.com/JAMIE.DOE' },
        /listed profile 2 belongs to another/,
      ],
    ];
    for (const [change, says] of cases) {
      const r = checkBackup(backupListing([everyPlatform()[1]!, { ...ig!, ...change }]), NOW);
      expect(r.ok, JSON.stringify(change)).toBe(false);
      if (!r.ok) expect(say(r.problem.words)).toMatch(says);
    }
  });
});
