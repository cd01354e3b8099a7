import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useSettings } from '@/components/hooks/use-settings';
import { useSummaryFrom, type SummaryLoader } from '@/components/hooks/use-summary-from';
import { whenContext } from '@/components/hooks/use-when';
import { Popup, type PopupSummary, type SlipOutcome } from '@/components/popup/Popup';
import { useReadPlatform } from '@/components/platform-context';
import type { EarlyDay } from '@/lib/popup-address';
import {
  CELEBRATED_KEY,
  celebrationFor,
  parseCelebrated,
  withCelebrated,
  type Celebration,
} from '@/lib/celebrations';
import { DRAFTS_PAGE_PATH } from '@/lib/drafts';
import { say, t } from '@/lib/i18n';
import { newDedupeKey } from '@/lib/messaging';
import { PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';
import { browserFamily, checkProtection, requiredOrigins, type Weakness } from '@/lib/protection';
import { isRuleCheckChange, readRuleCheck } from '@/lib/rules/rule-check';
import {
  logReachedOut,
  logReply,
  type ReachedOutValues,
  type ReplyAs,
} from '@/lib/reached-out-log';
import type { NecessaryTopic, SlipKind } from '@/lib/streak/log-event';
import { END_RECONCILED_PATH, endPlanPath } from '@/lib/end-plan-link';
import { ask } from './ask';
import { takeSummary } from './ask-summary';
import { QuickAddedHere } from './quick-added';

/**
 * The numbers come from the background, which reads the log: the popup stays small (no
 * database library) and opens fast. The background uses the same clock and settings.
 */
const fromBackground: SummaryLoader<PopupSummary> = () => takeSummary();

/**
 * What weakens protection right now; checked again when permissions change and when the
 * background records a new check of the rules in force.
 */
function useWeaknesses(profiles: Parameters<typeof checkProtection>[0] | undefined) {
  const [found, setFound] = useState<Weakness[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => setTick((t) => t + 1);
    const onStored = (changes: Record<string, unknown>, area: string) => {
      if (isRuleCheckChange(changes, area)) again();
    };
    browser.permissions.onAdded.addListener(again);
    browser.permissions.onRemoved.addListener(again);
    browser.storage.onChanged.addListener(onStored);
    return () => {
      browser.permissions.onAdded.removeListener(again);
      browser.permissions.onRemoved.removeListener(again);
      browser.storage.onChanged.removeListener(onStored);
    };
  }, []);
  useEffect(() => {
    if (!profiles) return;
    let alive = true;
    checkProtection(
      profiles,
      {
        isAllowedIncognitoAccess: () => browser.extension.isAllowedIncognitoAccess(),
        containsPermissions: (p) => browser.permissions.contains(p),
        ruleCheck: () => readRuleCheck(browser),
      },
      browserFamily(import.meta.env.FIREFOX, navigator.userAgent),
    )
      .then((w) => alive && setFound(w))
      .catch((e: unknown) => console.error(e));
    return () => {
      alive = false;
    };
  }, [profiles, tick]);
  return found;
}

/**
 * The milestone to celebrate, once: remembered in storage as soon as it is shown, so it
 * is not celebrated again the next time the popup opens. Hidden again when the numbers
 * change under it (an undo, say).
 */
function useCelebration(summary: Parameters<typeof celebrationFor>[0]): Celebration | null {
  const [shown, setShown] = useState<Celebration | null>(null);
  useEffect(() => {
    if (!summary || shown) return;
    let alive = true;
    void (async () => {
      const got = await browser.storage.local.get(CELEBRATED_KEY);
      const list = parseCelebrated(got[CELEBRATED_KEY]);
      const c = celebrationFor(summary, list);
      if (!c || !alive) return;
      setShown(c);
      await browser.storage.local.set({ [CELEBRATED_KEY]: withCelebrated(list, c.key) });
    })().catch((e: unknown) => console.error(e));
    return () => {
      alive = false;
    };
  }, [summary, shown]);
  return shown && celebrationFor(summary, [])?.key === shown.key ? shown : null;
}

export function App({ earlyDay }: { earlyDay: EarlyDay | null }) {
  const settings = useSettings();
  // Bumped after each write, so the numbers are read again.
  const [version, setVersion] = useState(0);
  const { summary, failed } = useSummaryFrom(
    fromBackground,
    settings ? settings.plan : undefined,
    version,
  );
  const weaknesses = useWeaknesses(settings?.profiles);
  const celebration = useCelebration(summary);
  const platform = useReadPlatform(() => browser.runtime.getPlatformInfo());
  const refresh = () => setVersion((v) => v + 1);

  // Each write reads the numbers again afterwards, logged or not: they show what is stored.
  const onUrge = async (): Promise<string | null> => {
    const r = await ask('log-urge', { source: 'popup', dedupeKey: newDedupeKey() }).catch(
      () => null,
    );
    refresh();
    return r ? r.eventId : null;
  };

  const onSlip = async (
    what: SlipKind,
    note: string,
    at: number | undefined,
  ): Promise<SlipOutcome> => {
    const trimmed = note.trim();
    const r = await ask('log-slip', {
      source: 'popup',
      what,
      ...(trimmed ? { note: trimmed } : {}),
      ...(at !== undefined ? { at } : {}),
      dedupeKey: newDedupeKey(),
    }).catch(() => null);
    refresh();
    if (!r) return null;
    return r.ok ? { eventId: r.eventId, restarted: r.restarted } : { refused: say(r.error) };
  };

  const onNecessary = async (topic: NecessaryTopic, note: string): Promise<string | null> => {
    const r = await ask('log-necessary-contact', {
      source: 'popup',
      topic,
      ...(note ? { note } : {}),
      dedupeKey: newDedupeKey(),
    }).catch(() => null);
    refresh();
    return r ? r.eventId : null;
  };

  const onUndo = async (eventId: string): Promise<boolean> => {
    const r = await ask('undo', { eventId }).catch(() => null);
    refresh();
    return r?.ok === true;
  };

  const onReachedOut = async (v: ReachedOutValues): Promise<{ angryReports?: number }> => {
    const r = await logReachedOut(ask, 'popup', v).catch(() => undefined);
    refresh();
    if (r === undefined) throw new Error(t('popupReachedOutFailed'));
    if (r.refused) throw new Error(say(r.refused));
    return r;
  };

  const onReply = async (as: ReplyAs): Promise<string> => {
    const r = await logReply(ask, 'popup', as).catch(() => null);
    refresh();
    if (!r) throw new Error(t('popupReplyFailed'));
    if (r.as === 'necessary-contact') return t('popupReplyNecessary');
    return r.restarted ? t('popupReplySlipRestarted') : t('popupReplySlipKept');
  };

  const openPage = (path: string) => {
    browser.tabs
      .create({ url: browser.runtime.getURL(path as '/options.html') })
      .then(() => window.close())
      .catch((e: unknown) => console.error(e));
  };

  // Then closes: in Firefox for Android the popup is a full-screen page that would
  // otherwise stay over the settings (a desktop popup closes by itself anyway). Shown in
  // a tab, it closes its tab: browsers refuse window.close() to a tab no script opened.
  const openOptions = () => {
    browser.runtime
      .openOptionsPage()
      .then(() => browser.tabs.getCurrent())
      .then((tab) => (tab?.id !== undefined ? browser.tabs.remove(tab.id) : window.close()))
      .catch((e: unknown) => console.error(e));
  };

  const restoreAccess = () => {
    // Must run straight from the click: browsers grant permissions only to a user gesture.
    browser.permissions
      .request({
        origins: settings ? requiredOrigins(settings.profiles) : PLATFORM_HOST_PATTERNS,
      })
      .catch((e: unknown) => console.error(e));
  };

  const popup = (
    <Popup
      summary={settings ? summary : null}
      earlyDay={earlyDay}
      failed={failed}
      weaknesses={weaknesses}
      celebration={celebration}
      onUrge={onUrge}
      onSlip={onSlip}
      onNecessary={onNecessary}
      when={whenContext(settings?.plan ?? null)}
      purpose={settings?.purpose}
      onUndo={onUndo}
      onReachedOut={onReachedOut}
      onReply={onReply}
      onDrafts={() => openPage(DRAFTS_PAGE_PATH)}
      onEndPlan={() => openPage(END_RECONCILED_PATH)}
      onEndAtGoal={() => openPage(endPlanPath('goal-reached'))}
      onSetup={openOptions}
      onSettings={openOptions}
      onOpenList={() => openPage('/options.html#profiles')}
      onRestoreAccess={restoreAccess}
      platform={platform}
    />
  );
  // The last link added from the right-click menu, above the count (with Undo).
  return (
    <>
      <QuickAddedHere />
      {popup}
    </>
  );
}
