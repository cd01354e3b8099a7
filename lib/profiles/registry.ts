import { bluesky } from './bluesky';
import { custom } from './custom';
import { discord } from './discord';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { instagramDirect } from './instagram-direct';
import { linkedin } from './linkedin';
import { linkedinMessaging } from './linkedin-messaging';
import { messenger } from './messenger';
import { pinterest } from './pinterest';
import { hostIn, type PlatformModule } from './platform';
import { reddit } from './reddit';
import { snapchat } from './snapchat';
import { telegram } from './telegram';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { tumblr } from './tumblr';
import { twitch } from './twitch';
import type { Platform } from './types';
import { whatsapp } from './whatsapp';
import { x } from './x';
import { xMessages } from './x-messages';
import { youtube } from './youtube';

/**
 * Every platform, in the order recognition tries them: a conversation's module comes
 * before the profiles' module of the same host, because facebook.com/messages/t/<x>,
 * instagram.com/direct/t/<x>, x.com/messages/<x> and linkedin.com/messaging/thread/<x> are
 * conversations, not profiles (the profiles' modules refuse those paths as well).
 */
export const PLATFORM_MODULES: readonly PlatformModule[] = [
  instagramDirect,
  instagram,
  messenger,
  facebook,
  xMessages,
  x,
  threads,
  tiktok,
  linkedinMessaging,
  linkedin,
  snapchat,
  reddit,
  youtube,
  bluesky,
  pinterest,
  tumblr,
  twitch,
  discord,
  telegram,
  whatsapp,
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
