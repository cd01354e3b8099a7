import { bluesky } from './bluesky';
import { custom } from './custom';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { messenger } from './messenger';
import { pinterest } from './pinterest';
import { hostIn, type PlatformModule } from './platform';
import { reddit } from './reddit';
import { snapchat } from './snapchat';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { tumblr } from './tumblr';
import { twitch } from './twitch';
import type { Platform } from './types';
import { x } from './x';
import { youtube } from './youtube';

/**
 * Every platform, in the order recognition tries them: Messenger comes before Facebook
 * because facebook.com/messages/t/<x> is a conversation, not a profile.
 */
export const PLATFORM_MODULES: readonly PlatformModule[] = [
  instagram,
  messenger,
  facebook,
  x,
  threads,
  tiktok,
  linkedin,
  snapchat,
  reddit,
  youtube,
  bluesky,
  pinterest,
  tumblr,
  twitch,
  custom,
];

const byPlatform = new Map<Platform, PlatformModule>(PLATFORM_MODULES.map((m) => [m.platform, m]));

export function platformModule(platform: Platform): PlatformModule | undefined {
  return byPlatform.get(platform);
}

/** The built-in modules whose patterns can reach `host`, in recognition order. */
export function modulesForHost(host: string): PlatformModule[] {
  return PLATFORM_MODULES.filter((m) => hostIn(host, m.domains));
}

/** The domains one profile's patterns can reach. */
export function profileDomains(mod: PlatformModule, key: string): readonly string[] {
  return mod.domainsFor ? mod.domainsFor(key) : mod.domains;
}
