import { instagram } from './instagram';
import type { PlatformModule } from './platform';
import type { Platform, Profile, Recognition } from './types';

export const PLATFORM_MODULES: readonly PlatformModule[] = [instagram];

const byPlatform = new Map<Platform, PlatformModule>(PLATFORM_MODULES.map((m) => [m.platform, m]));

export function platformModule(platform: Platform): PlatformModule | undefined {
  return byPlatform.get(platform);
}

function moduleForHost(host: string): PlatformModule | undefined {
  return PLATFORM_MODULES.find((m) => m.domains.some((d) => host === d || host.endsWith(`.${d}`)));
}

/** Turns whatever the person pasted into a recognised profile or a plain-words refusal. */
export function recognise(
  input: string,
  existing: readonly Pick<Profile, 'id'>[] = [],
): Recognition {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'empty', message: 'Paste the address of a profile.' };
  let url: URL;
  try {
    // People often paste "instagram.com/name" without the scheme.
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return {
      ok: false,
      reason: 'not-an-address',
      message:
        'That is not a web address. Copy the address from the profile page and paste it here.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      reason: 'not-http',
      message: 'Only web addresses that start with https:// or http:// can be listed.',
    };
  }
  const mod = moduleForHost(url.hostname);
  const found = mod?.recognise(url);
  if (!mod || !found) {
    return {
      ok: false,
      reason: 'not-a-profile',
      message: mod
        ? `This is a ${mod.label} page, but not a profile. Open their profile and copy its address.`
        : 'This address is not a profile on a platform No Contact knows.',
    };
  }
  const id = `${mod.platform}:${found.key}`;
  if (existing.some((p) => p.id === id)) {
    return {
      ok: false,
      reason: 'already-listed',
      message: 'This profile is already on your list.',
    };
  }
  return {
    ok: true,
    profile: {
      id,
      platform: mod.platform,
      key: found.key,
      display: `${mod.label} · ${mod.display(found.key)}`,
      url: mod.url(found.key),
    },
  };
}
