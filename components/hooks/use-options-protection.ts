import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { browserFamily, checkProtection, type Weakness } from '@/lib/protection';
import { isRuleCheckChange, readRuleCheck } from '@/lib/rules/rule-check';
import type { Profile } from '@/lib/profiles/types';

/** This browser's family: Firefox from the build, Edge from its user agent. */
export function optionsBrowserFamily() {
  return browserFamily(import.meta.env.FIREFOX, navigator.userAgent);
}

/**
 * What weakens protection right now, from lib/protection (shared with the popup): no
 * profiles, private windows not allowed, site access withdrawn, listed profiles whose
 * rules are not in force. The person can change the middle two in the browser's own
 * settings without passing through this page, so they are asked again when the page
 * regains focus and whenever permissions change; the rules, whenever the background
 * records a new check of them (storage.session). Also whether
 * private windows are allowed, for the first run's step about them (null while unknown).
 */
export function useOptionsProtection(profiles: readonly Profile[] | null) {
  const [weaknesses, setWeaknesses] = useState<Weakness[]>([]);
  const [privateAllowed, setPrivateAllowed] = useState<boolean | null>(null);
  const key = profiles ? profiles.map((p) => p.id).join('\n') : null;

  useEffect(() => {
    if (!profiles) return;
    let alive = true;
    const check = () => {
      const family = optionsBrowserFamily();
      checkProtection(
        profiles,
        {
          isAllowedIncognitoAccess: () => browser.extension.isAllowedIncognitoAccess(),
          containsPermissions: (p) => browser.permissions.contains(p),
          ruleCheck: () => readRuleCheck(browser),
        },
        family,
      )
        .then((w) => {
          if (!alive) return;
          setWeaknesses(w);
        })
        .catch((e: unknown) => console.error(e));
      browser.extension
        .isAllowedIncognitoAccess()
        .then((a) => alive && setPrivateAllowed(a))
        .catch(() => alive && setPrivateAllowed(null));
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    const onStored = (changes: Record<string, unknown>, area: string) => {
      if (isRuleCheckChange(changes, area)) check();
    };
    check();
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', onVisible);
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    browser.storage.onChanged.addListener(onStored);
    return () => {
      alive = false;
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', onVisible);
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
      browser.storage.onChanged.removeListener(onStored);
    };
  }, [key]);

  /** Must be called straight from a click: the browser shows its prompt only for a user action. */
  const grantAccess = useCallback((origins: string[]) => {
    browser.permissions
      .request({ origins })
      .catch((e: unknown) => console.error('No Contact: access was not granted', e));
  }, []);

  return { weaknesses, privateAllowed, grantAccess };
}
