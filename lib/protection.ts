import { t } from './i18n';
import { PLATFORM_HOST_PATTERNS } from './profiles/hosts';
import { originPatternsFor } from './profiles/index';
import type { Profile } from './profiles/types';
import type { DnrRule } from './rules/dnr';
import { notBlockedNow } from './rules/rule-check';

/**
 * Things that quietly weaken protection, found from the browser's own answers. The browser
 * functions are passed in, so the popup and the options page share this, and tests need
 * no browser (the words come from browser.i18n, which the unit tests' setup provides).
 */

export type BrowserFamily = 'chrome' | 'edge' | 'firefox';

export type Weakness =
  /** Nothing is listed, so nothing is blocked. */
  | { kind: 'no-profiles' }
  /** The extension does not run in private windows, where every profile opens freely. */
  | { kind: 'private-windows'; family: BrowserFamily }
  /** Site access was withdrawn: the blocking rules are silently ignored on those sites. */
  | { kind: 'host-access'; origins: string[] }
  /**
   * The rules in force are not the ones the list needs (an update the browser refused, a
   * rule gone): these profiles open. `names` are their shown names, in list order.
   */
  | { kind: 'not-blocked'; profileIds: string[]; names: string[] };

export interface ProtectionApi {
  /** browser.extension.isAllowedIncognitoAccess; may be missing in some browsers. */
  isAllowedIncognitoAccess?: () => Promise<boolean>;
  /** browser.permissions.contains */
  containsPermissions: (p: { origins: string[] }) => Promise<boolean>;
  /**
   * The background's last check of the rules (storage.session) and the dynamic rules in
   * force: readRuleCheck in lib/rules/rule-check.ts.
   */
  ruleCheck?: () => Promise<{ recorded: unknown; inForce: DnrRule[] }>;
}

/** Firefox from the build; Edge from its user agent (it runs the Chrome build). */
export function browserFamily(isFirefox: boolean, userAgent: string): BrowserFamily {
  if (isFirefox) return 'firefox';
  return /\bEdg\//.test(userAgent) ? 'edge' : 'chrome';
}

/**
 * Every origin the blocking rules need: all the platforms' hosts (listed in the manifest,
 * so a profile added later works at once) and each custom site that was added.
 */
export function requiredOrigins(profiles: readonly Pick<Profile, 'platform' | 'key'>[]): string[] {
  const custom = profiles.flatMap((p) => originPatternsFor(p));
  return [...new Set([...PLATFORM_HOST_PATTERNS, ...custom])];
}

/**
 * Asks the browser what is weakening protection. A question the browser cannot answer
 * (an API missing or failing) raises no warning: a false alarm at 2 a.m. helps nobody.
 */
export async function checkProtection(
  profiles: readonly Pick<Profile, 'id' | 'platform' | 'key' | 'display' | 'url'>[],
  api: ProtectionApi,
  family: BrowserFamily,
): Promise<Weakness[]> {
  const found: Weakness[] = [];
  if (profiles.length === 0) found.push({ kind: 'no-profiles' });

  const [unblocked, incognito, hosts] = await Promise.all([
    api.ruleCheck && profiles.length
      ? api
          .ruleCheck()
          .then((r) => notBlockedNow(r.recorded, profiles, r.inForce))
          .catch(() => null)
      : Promise.resolve(null),
    api.isAllowedIncognitoAccess
      ? api.isAllowedIncognitoAccess().catch(() => null)
      : Promise.resolve(null),
    (async () => {
      const origins = requiredOrigins(profiles);
      try {
        return (await api.containsPermissions({ origins })) ? null : origins;
      } catch {
        return null;
      }
    })(),
  ]);
  if (unblocked?.length) {
    const ids = new Set(unblocked);
    const listed = profiles.filter((p) => ids.has(p.id));
    // The most urgent: listed profiles open right now.
    found.unshift({
      kind: 'not-blocked',
      profileIds: listed.map((p) => p.id),
      names: listed.map((p) => p.display),
    });
  }
  if (incognito === false) found.push({ kind: 'private-windows', family });
  if (hosts) found.push({ kind: 'host-access', origins: hosts });
  return found;
}

/** How to let the extension run in private windows, in this browser's own words. */
export function privateWindowSteps(family: BrowserFamily): string {
  switch (family) {
    case 'firefox':
      return t('privateStepsFirefox');
    case 'edge':
      return t('privateStepsEdge');
    case 'chrome':
      return t('privateStepsChrome');
  }
}

export interface WeaknessText {
  title: string;
  body: string;
}

/** Plain words for each weakness: what it means and what to do. */
export function weaknessText(w: Weakness): WeaknessText {
  switch (w.kind) {
    case 'no-profiles':
      return { title: t('weaknessNoProfilesTitle'), body: t('weaknessNoProfilesBody') };
    case 'private-windows':
      return {
        title: t('weaknessPrivateTitle'),
        body: t('weaknessPrivateBody', privateWindowSteps(w.family)),
      };
    case 'host-access':
      return { title: t('weaknessHostTitle'), body: t('weaknessHostBody') };
    case 'not-blocked':
      return {
        title: t('weaknessNotBlockedTitle'),
        body: t('weaknessNotBlockedBody', namesText(w.names)),
      };
  }
}

/** How many names a warning spells out before "and N more". */
const NAMES_SHOWN = 3;

/** A few names, then how many more: "A, B, C and 12 more". */
export function namesText(names: readonly string[]): string {
  if (names.length <= NAMES_SHOWN) return names.join(', ');
  return t('namesAndMore', names.slice(0, NAMES_SHOWN).join(', '), names.length - NAMES_SHOWN);
}
