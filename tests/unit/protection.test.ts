import { describe, expect, it, vi } from 'vitest';
import { recognise, recogniseCustom } from '@/lib/profiles';
import { PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';
import type { Profile } from '@/lib/profiles/types';
import {
  browserFamily,
  checkProtection,
  privateWindowSteps,
  requiredOrigins,
  weaknessText,
  type ProtectionApi,
} from '@/lib/protection';

function listed(address: string): Profile {
  const r = recognise(address);
  if (!r.ok) throw new Error(`fixture ${address}`);
  return { ...r.profile, mode: 'block', addedAt: 1 };
}

function custom(address: string): Profile {
  const r = recogniseCustom(address, 'site');
  if (!r.ok) throw new Error(`fixture ${address}`);
  return { ...r.profile, mode: 'block', addedAt: 1 };
}

const allGood = (): ProtectionApi => ({
  isAllowedIncognitoAccess: () => Promise.resolve(true),
  containsPermissions: () => Promise.resolve(true),
});

describe('checkProtection', () => {
  const ig = listed('https://www.instagram.com/jamie.doe/');

  it('finds nothing when everything is in place', async () => {
    expect(await checkProtection([ig], allGood(), 'chrome')).toEqual([]);
  });

  it('says when no profile is listed', async () => {
    expect(await checkProtection([], allGood(), 'chrome')).toEqual([{ kind: 'no-profiles' }]);
  });

  it('says when private windows are not covered, for this browser', async () => {
    const api = { ...allGood(), isAllowedIncognitoAccess: () => Promise.resolve(false) };
    expect(await checkProtection([ig], api, 'firefox')).toEqual([
      { kind: 'private-windows', family: 'firefox' },
    ]);
  });

  it('asks about every platform host and each custom site, and says when access is missing', async () => {
    const site = custom('https://blog.example.org/');
    const contains = vi.fn((p: { origins: string[] }) =>
      Promise.resolve(!p.origins.some((o) => o.includes('example.org'))),
    );
    const found = await checkProtection(
      [ig, site],
      { ...allGood(), containsPermissions: contains },
      'chrome',
    );
    const asked = contains.mock.calls[0]![0].origins;
    expect(asked).toEqual(expect.arrayContaining(PLATFORM_HOST_PATTERNS));
    expect(asked).toEqual(expect.arrayContaining(['*://blog.example.org/*']));
    expect(found).toEqual([{ kind: 'host-access', origins: asked }]);
    expect(requiredOrigins([ig])).toEqual(PLATFORM_HOST_PATTERNS);
  });

  it('raises no alarm when the browser cannot answer', async () => {
    const api: ProtectionApi = {
      isAllowedIncognitoAccess: () => Promise.reject(new Error('no such API')),
      containsPermissions: () => Promise.reject(new Error('no such API')),
    };
    expect(await checkProtection([ig], api, 'chrome')).toEqual([]);
    expect(
      await checkProtection([ig], { containsPermissions: () => Promise.resolve(true) }, 'chrome'),
    ).toEqual([]);
  });

  it('reports several weaknesses at once, in a steady order', async () => {
    const api: ProtectionApi = {
      isAllowedIncognitoAccess: () => Promise.resolve(false),
      containsPermissions: () => Promise.resolve(false),
    };
    const kinds = (await checkProtection([], api, 'edge')).map((w) => w.kind);
    expect(kinds).toEqual(['no-profiles', 'private-windows', 'host-access']);
  });
});

describe('the words', () => {
  it("names each browser's own switch for private windows", () => {
    expect(privateWindowSteps('chrome')).toContain('"Allow in Incognito"');
    expect(privateWindowSteps('chrome')).toContain('Manage extension');
    expect(privateWindowSteps('edge')).toContain('"Allow in InPrivate"');
    expect(privateWindowSteps('firefox')).toContain('about:addons');
    expect(privateWindowSteps('firefox')).toContain('"Run in Private Windows"');
    expect(weaknessText({ kind: 'private-windows', family: 'firefox' }).body).toContain(
      'Run in Private Windows',
    );
  });

  it('tells Edge from Chrome by its user agent, and Firefox by the build', () => {
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
    expect(browserFamily(false, chrome)).toBe('chrome');
    expect(browserFamily(false, `${chrome} Edg/156.0.0.0`)).toBe('edge');
    expect(browserFamily(true, chrome)).toBe('firefox');
  });
});
