import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useSettings } from '@/components/hooks/use-settings';
import { useSummary } from '@/components/hooks/use-summary';
import { cardFor } from '@/components/interstitial/cards';
import { Interstitial, type Target } from '@/components/interstitial/Interstitial';
import { readBlockedAddress, readLongAddress, shortAddress } from '@/lib/blocked-address';
import { sayAnswer, t } from '@/lib/i18n';
import { matchProfile } from '@/lib/match';
import { platformModule } from '@/lib/profiles/registry';
import {
  cameBackFromGoBack,
  markGoingBack,
  nextCardVisit,
  readGoingBack,
} from '@/lib/interstitial-visits';
import { effectiveMode, isConversation, loadSettings } from '@/lib/settings';
import { newDedupeKey } from '@/lib/messaging';
import { leave, withTimeout, type LeaveDeps } from './leave';
import { link } from './link';

/** Long enough for a sleeping background to wake; short enough never to trap anyone. */
const URGE_LOG_TIMEOUT_MS = 1500;
const CONTINUE_TIMEOUT_MS = 10_000;

/** The page's requests to the background; no answer is a failure (see lib/ask). */
const ask = link.ask;

const leaveDeps: LeaveDeps = {
  // Not navigation.canGoBack: the Navigation API only lists entries of this page's own
  // origin, so the site the person came from does not count there. history.length also
  // counts forward entries; going "back" then does nothing, and the grace timer in
  // leave() closes the tab instead.
  canGoBack: () => history.length > 1,
  back: () => history.back(),
  markGoingBack: () => markGoingBack(() => sessionStorage, Date.now(), location.href),
  closeTab: async () => {
    try {
      const tab = await browser.tabs.getCurrent();
      if (tab?.id === undefined) return false;
      await browser.tabs.remove(tab.id);
      return true;
    } catch {
      return false;
    }
  },
  wait: (ms) => new Promise((r) => setTimeout(r, ms)),
};

function navigationType(): string | undefined {
  const entry = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  return entry?.type;
}

export function App() {
  const settings = useSettings();
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  // Only an http(s) address is ever read from the page's own address; anything else
  // (javascript:, data:, markup, megabytes of text) is no address at all.
  const blocked = useMemo(() => readBlockedAddress(hash), [hash]);
  // An address too long to use is shown by its platform and its start only, read from its
  // first characters: a 2 MB address costs the page no more than a short one.
  const long = useMemo(() => (blocked ? null : readLongAddress(hash)), [blocked, hash]);
  const profile = blocked && settings ? matchProfile(blocked.href, settings.profiles) : null;
  // One key per visit and action: a double press, or a press repeated after a slow
  // answer, writes one entry.
  const keys = useMemo(() => ({ urge: newDedupeKey(), go: newDedupeKey() }), [hash]);
  const { summary } = useSummary(settings ? settings.plan : undefined);
  // Each visit shows the next card, so the same words do not greet the person every time.
  const visit = useMemo(() => nextCardVisit(() => localStorage), []);
  const [cardShift, setCardShift] = useState(0);
  const [leaving, setLeaving] = useState(false);
  const [stayed, setStayed] = useState(false);

  let target: Target | null = null;
  if (long) target = { kind: 'too-long', site: long.site, address: long.shown };
  else if (!blocked) target = { kind: 'none' };
  else if (settings)
    target = profile
      ? {
          kind: 'listed',
          platform:
            profile.platform === 'custom'
              ? null
              : (platformModule(profile.platform)?.label ?? null),
          conversation: isConversation(profile),
          mode: effectiveMode(profile),
        }
      : { kind: 'unlisted', address: shortAddress(blocked) };

  /**
   * The urge is written before leaving, so it is not lost with the page; a background
   * that does not answer in time never keeps the person here. One key per visit: going
   * back after writing a draft counts the urge once.
   */
  const logUrge = async () => {
    if (!blocked) return;
    const s = settings ?? (await withTimeout(loadSettings(browser.storage.local), 1000, null));
    const p = s ? matchProfile(blocked.href, s.profiles) : null;
    if (p) {
      await ask(
        'log-urge',
        { source: 'interstitial', dedupeKey: keys.urge, profileId: p.id },
        { timeoutMs: URGE_LOG_TIMEOUT_MS },
      ).catch(() => null);
    }
  };

  /**
   * "Write it here instead": turning back into a private draft, on this page. Choosing it
   * is an urge resisted (once per visit, whatever comes next); nothing is allowed.
   */
  const writeInstead = () => {
    void logUrge();
  };
  const keepDraft = async (id: string, text: string) => {
    const r = await ask('save-draft', { id, text }).catch(() => null);
    if (!r) throw new Error(t('draftKeepFailed'));
    if (!r.ok) throw new Error(sayAnswer(r.error, t('draftKeepFailed')));
  };

  const go = async (shouldLogUrge: boolean) => {
    setLeaving(true);
    if (shouldLogUrge) await logUrge();
    const result = await leave(leaveDeps);
    if (result === 'stayed') {
      // Nowhere to go and the tab cannot be closed: a neutral page, with the blocked
      // address taken out of the address bar.
      history.replaceState(null, '', location.pathname);
      setStayed(true);
    }
  };

  // Stepping back onto another blocked entry keeps going back, as the person asked.
  useEffect(() => {
    const cameBack = (type: string | undefined) =>
      cameBackFromGoBack(
        type,
        readGoingBack(() => sessionStorage),
        Date.now(),
        location.href,
      );
    if (cameBack(navigationType())) void go(false);
    // A page restored from the back-forward cache runs no script again, only this event.
    const onShow = (e: PageTransitionEvent) => {
      if (!e.persisted) return;
      if (cameBack('back_forward')) void go(false);
      else setLeaving(false);
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
    // Runs once per page load.
  }, []);

  const onContinue = async (): Promise<string | null> => {
    if (!blocked || !profile) return t('continueNotListed');
    const url = blocked.href;
    const r = await ask(
      'continue',
      { url, dedupeKey: keys.go },
      { timeoutMs: CONTINUE_TIMEOUT_MS },
    ).catch(() => null);
    if (!r || typeof r.ok !== 'boolean') return t('continueNoAnswer');
    if (!r.ok) return sayAnswer(r.error, t('continueFailed'));
    // The address was checked twice (here and in the background): http(s), and listed.
    location.replace(url);
    return null;
  };

  if (stayed) {
    return (
      <main>
        <h1>{t('interstitialStayedTitle')}</h1>
        <p>{t('interstitialStayedBody')}</p>
      </main>
    );
  }

  return (
    <Interstitial
      target={target}
      summary={summary}
      friction={settings?.friction ?? null}
      looksRestart={settings?.plan?.looksRestart ?? true}
      card={
        settings
          ? cardFor(visit + cardShift, settings.reasons, settings.ifThen, settings.purpose)
          : null
      }
      onAnotherCard={() => setCardShift((n) => n + 1)}
      purpose={settings?.purpose}
      onGoBack={() => void go(true)}
      leaving={leaving}
      onContinue={onContinue}
      onSetup={() => void browser.runtime.openOptionsPage()}
      onWriteInstead={writeInstead}
      onKeepDraft={keepDraft}
    />
  );
}
