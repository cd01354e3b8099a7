import { t } from './i18n';
import type { Weakness, WeaknessText } from './protection';
import { weaknessText } from './protection';

/**
 * Where the extension runs, for the words that name a browser's own menus: Firefox for
 * Android keeps its settings in other places than a desktop browser (no toolbar, no
 * about:addons; the menu's Extensions list instead). Words only: the rules are the same.
 */
export type Platform = 'desktop' | 'android';

/** What `runtime.getPlatformInfo()` answers; only `os` matters here. */
export interface PlatformInfo {
  os: string;
}

/** The platform from `runtime.getPlatformInfo().os`; anything unknown is a desktop. */
export function platformFromOs(os: unknown): Platform {
  return os === 'android' ? 'android' : 'desktop';
}

/**
 * Asks the browser where it runs (a page passes `() => browser.runtime.getPlatformInfo()`).
 * A question it cannot answer means a desktop: the desktop words are the ones every other
 * browser needs.
 */
export async function readPlatform(
  getPlatformInfo: (() => Promise<PlatformInfo>) | undefined,
): Promise<Platform> {
  if (!getPlatformInfo) return 'desktop';
  try {
    return platformFromOs((await getPlatformInfo()).os);
  } catch {
    return 'desktop';
  }
}

/** How to let the extension run in private tabs in Firefox for Android, in its own words. */
export function androidPrivateSteps(): string {
  return t('privateStepsAndroid');
}

/**
 * Plain words for a weakness on this platform (lib/protection's weaknessText, with the
 * instructions that name a browser's menus in Firefox for Android's words there).
 */
export function weaknessTextOn(w: Weakness, platform: Platform): WeaknessText {
  const text = weaknessText(w);
  if (platform !== 'android') return text;
  switch (w.kind) {
    case 'private-windows':
      return {
        title: t('weaknessPrivateTitleAndroid'),
        body: t('weaknessPrivateBodyAndroid', androidPrivateSteps()),
      };
    case 'host-access':
      return { title: text.title, body: t('weaknessHostBodyAndroid') };
    default:
      return text;
  }
}
