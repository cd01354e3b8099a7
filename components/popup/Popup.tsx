import { useState } from 'preact/hooks';
import type { EarlyDay } from '@/lib/popup-address';
import type { Weakness } from '@/lib/protection';
import { weaknessTextOn, type Platform } from '@/lib/platform';
import { goalReachedKey } from '@/lib/purpose';
import { DEFAULT_PURPOSE, type Purpose } from '@/lib/settings';
import type { NecessaryTopic, SlipKind } from '@/lib/streak/log-event';
import type { Summary } from '@/lib/streak/stats';
import type { Celebration } from '@/lib/celebrations';
import { formatCivilDate } from '@/lib/format-date';
import { days, t } from '@/lib/i18n';
import { milestoneText, StartsIn } from '../DayHeading';
import type { ReachedOutValues, ReplyAs } from '@/lib/reached-out-log';
import { PlanEnded } from '../PlanEnded';
import { ReachedOutForm } from '../ReachedOutForm';
import { BreathingPause } from './BreathingPause';
import { DayRing, Waiting } from './Waiting';
import { NecessaryForm } from './NecessaryForm';
import { SlipForm, type WhenContext } from './SlipForm';
import { UndoNotice } from './UndoNotice';

export interface LoggedSlip {
  eventId: string;
  restarted: boolean;
}

/** What became of a logged slip: logged, refused with words to show, or not logged. */
export type SlipOutcome = LoggedSlip | { refused: string } | null;

/**
 * The numbers. (The background also says how many signs were ticked; the popup does not
 * show it: the signs are a checklist, never a score.)
 */
export type PopupSummary = Summary & { signsNoticed?: number };

export interface PopupProps {
  /** Null while the settings or the log are read. */
  summary: PopupSummary | null;
  /**
   * The day the toolbar badge shows, painted while `summary` is still on its way (it comes
   * from the background, which may have to start first).
   */
  earlyDay?: EarlyDay | null;
  /** The log could not be read. */
  failed?: boolean;
  weaknesses: Weakness[];
  celebration: Celebration | null;
  /** Logs an urge resisted; the event's id, or null when it could not be logged. */
  onUrge: () => Promise<string | null>;
  /** `at`: when it happened, if earlier than now. */
  onSlip: (what: SlipKind, note: string, at: number | undefined) => Promise<SlipOutcome>;
  /** "I had necessary contact": the event's id, or null when it could not be logged. */
  onNecessary: (topic: NecessaryTopic, note: string) => Promise<string | null>;
  /** The "when did it happen" fields' context. */
  when: WhenContext;
  /** What the days are for (chooses words, never rules); "not sure yet" when not given. */
  purpose?: Purpose;
  onUndo: (eventId: string) => Promise<boolean>;
  /** "They reached out": logs their contact; rejects with words to show when it could not. */
  onReachedOut: (v: ReachedOutValues) => Promise<{ angryReports?: number } | void>;
  /** Logs the person's reply to them; resolves to the words to show. */
  onReply: (as: ReplyAs) => Promise<string>;
  /** Opens the private drafts box ("Write it here instead"). */
  onDrafts: () => void;
  /** Opens the options where the plan is ended ("they asked to get back together" chosen). */
  onEndPlan: () => void;
  /** Opens the options where the plan is ended, the goal chosen as the reason. */
  onEndAtGoal?: () => void;
  onSetup: () => void;
  onSettings: () => void;
  /** Opens the list of profiles (a warning says some are not blocked). */
  onOpenList?: () => void;
  onRestoreAccess: () => void;
  /**
   * Where it runs: Firefox for Android opens the popup as a full-screen page, so the
   * warnings come at the top there, in its own words; a desktop when not given.
   */
  platform?: Platform;
  locale?: string;
}

type Notice =
  | { kind: 'urge'; eventId: string; since: number }
  | { kind: 'necessary'; eventId: string; since: number }
  | { kind: 'slip'; eventId: string; since: number; restarted: boolean }
  | { kind: 'error'; text: string };

type View = 'home' | 'slip' | 'breathe' | 'reached-out' | 'necessary';

export function Popup(props: PopupProps) {
  const { summary } = props;
  const [view, setView] = useState<View>('home');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  if (!summary) return <Waiting earlyDay={props.earlyDay} failed={props.failed} />;
  const { status } = summary;

  const urge = async () => {
    if (busy) return;
    setBusy(true);
    const since = Date.now();
    const eventId = await props.onUrge();
    setBusy(false);
    setNotice(
      eventId ? { kind: 'urge', eventId, since } : { kind: 'error', text: t('popupNotLogged') },
    );
  };

  const slip = async (what: SlipKind, note: string, at: number | undefined) => {
    const since = Date.now();
    const r = await props.onSlip(what, note, at);
    setView('home');
    setNotice(
      r === null
        ? { kind: 'error', text: t('popupNotLogged') }
        : 'refused' in r
          ? { kind: 'error', text: r.refused }
          : { kind: 'slip', eventId: r.eventId, since, restarted: r.restarted },
    );
  };

  const necessary = async (topic: NecessaryTopic, note: string) => {
    const since = Date.now();
    const eventId = await props.onNecessary(topic, note);
    setView('home');
    setNotice(
      eventId
        ? { kind: 'necessary', eventId, since }
        : { kind: 'error', text: t('popupNotLogged') },
    );
  };

  const warnings = props.weaknesses.length > 0 && (
    <section class="warnings" aria-label={t('popupProtectionLabel')}>
      {props.weaknesses.map((w) => {
        const text = weaknessTextOn(w, props.platform ?? 'desktop');
        return (
          <div class="warning" key={w.kind}>
            <h2>{text.title}</h2>
            <p>{text.body}</p>
            {w.kind === 'host-access' && (
              <button type="button" onClick={props.onRestoreAccess}>
                {t('popupAllowAccess')}
              </button>
            )}
            {w.kind === 'no-profiles' && status.kind !== 'no-plan' && (
              <button type="button" onClick={props.onSettings}>
                {t('popupAddProfile')}
              </button>
            )}
            {w.kind === 'not-blocked' && props.onOpenList && (
              <button type="button" onClick={props.onOpenList}>
                {t('popupOpenList')}
              </button>
            )}
          </div>
        );
      })}
    </section>
  );

  if (status.kind === 'no-plan' && summary.endedPlan) {
    return (
      <main>
        <PlanEnded
          ended={summary.endedPlan}
          purpose={props.purpose ?? DEFAULT_PURPOSE}
          onNewPlan={props.onSettings}
          locale={props.locale}
        />
        {warnings}
      </main>
    );
  }

  if (status.kind === 'no-plan') {
    return (
      <main>
        <h1>{t('notSetUpTitle')}</h1>
        <p>{t('popupSetupIntro')}</p>
        <button type="button" class="primary wide" onClick={props.onSetup}>
          {t('setUpNoContact')}
        </button>
        {warnings}
      </main>
    );
  }

  if (view === 'slip') {
    return (
      <main>
        <SlipForm
          longestStreak={summary.longestStreak}
          onSubmit={slip}
          onCancel={() => setView('home')}
          when={props.when}
        />
      </main>
    );
  }
  if (view === 'necessary') {
    return (
      <main>
        <NecessaryForm onSubmit={necessary} onCancel={() => setView('home')} />
      </main>
    );
  }
  if (view === 'reached-out') {
    return (
      <main>
        <h1 class="form-title">{t('reachedOut')}</h1>
        <p class="muted">{t('popupReachedOutNote')}</p>
        <ReachedOutForm
          onLog={props.onReachedOut}
          onReply={props.onReply}
          onEndPlan={props.onEndPlan}
          headingLevel={2}
          when={props.when}
          purpose={props.purpose}
        />
        <div class="row">
          <button type="button" class="quiet" onClick={() => setView('home')}>
            {t('popupBackToCount')}
          </button>
        </div>
      </main>
    );
  }
  if (view === 'breathe') {
    return (
      <main>
        <BreathingPause onClose={() => setView('home')} />
      </main>
    );
  }

  const running = status.kind === 'running' ? status : null;
  const milestone = milestoneText(summary.nextMilestone, running?.goalDays);
  return (
    <main>
      <section class="count" aria-label={t('popupCountLabel')}>
        {running ? (
          <DayRing day={running.day} goalDays={running.goalDays} />
        ) : (
          status.kind === 'not-started' && <StartsIn status={status} class="starts" />
        )}
        {running && (
          <p class="to-go">
            {running.goalReached ? t('goalReached') : t('daysToGo', days(running.daysToGo))}
          </p>
        )}
      </section>
      {/* Full screen on Android: what weakens protection is seen without scrolling. */}
      {props.platform === 'android' && warnings}

      {running?.goalReached && (
        <section class="goal-reached" aria-label={t('goalReached')}>
          <p>{t(goalReachedKey(props.purpose ?? DEFAULT_PURPOSE))}</p>
          <div class="row">
            <button type="button" onClick={props.onSettings}>
              {t('goalKeepGoing')}
            </button>
            {props.onEndAtGoal && (
              <button type="button" onClick={props.onEndAtGoal}>
                {t('endPlan')}
              </button>
            )}
          </div>
        </section>
      )}

      {props.celebration && (
        <p class="celebration" role="status">
          {props.celebration.text}
        </p>
      )}

      <dl class="stats">
        {summary.currentStreak && (
          <div>
            <dt>{t('popupStreakBegan')}</dt>
            <dd>{formatCivilDate(summary.currentStreak.start, 'weekday', props.locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('popupLongestStreak')}</dt>
          <dd>{days(summary.longestStreak)}</dd>
        </div>
        <div>
          <dt>{t('popupUrgesToday')}</dt>
          <dd>{summary.todayCounts.urgesResisted}</dd>
        </div>
        {summary.urgesToWrite > 0 ? (
          // Counted apart once a conversation's page turned someone back: to look or to write.
          <>
            <div>
              <dt>{t('popupUrgesToLookInAll')}</dt>
              <dd>{summary.totals.urgesResisted - summary.urgesToWrite}</dd>
            </div>
            <div>
              <dt>{t('popupUrgesToWriteInAll')}</dt>
              <dd>{summary.urgesToWrite}</dd>
            </div>
          </>
        ) : (
          <div>
            <dt>{t('popupUrgesInAll')}</dt>
            <dd>{summary.totals.urgesResisted}</dd>
          </div>
        )}
        {milestone && (
          <div>
            <dt>{t('popupNextMilestone')}</dt>
            <dd>{milestone.charAt(0).toUpperCase() + milestone.slice(1)}</dd>
          </div>
        )}
      </dl>

      {notice?.kind === 'urge' && (
        <UndoNotice
          key={notice.eventId}
          since={notice.since}
          onUndo={() => props.onUndo(notice.eventId)}
        >
          <p>{t('popupUrgeNoted')}</p>
          <button type="button" onClick={() => setView('breathe')}>
            {t('popupTakePause')}
          </button>
        </UndoNotice>
      )}
      {notice?.kind === 'slip' && (
        <UndoNotice
          key={notice.eventId}
          since={notice.since}
          onUndo={() => props.onUndo(notice.eventId)}
        >
          <p>
            {notice.restarted ? t('popupSlipNotedRestarted') : t('popupSlipNotedKept')}{' '}
            {t('popupLongestStill', days(summary.longestStreak))}
          </p>
        </UndoNotice>
      )}
      {notice?.kind === 'necessary' && (
        <UndoNotice
          key={notice.eventId}
          since={notice.since}
          onUndo={() => props.onUndo(notice.eventId)}
        >
          <p>{t('popupNecessaryNoted')}</p>
        </UndoNotice>
      )}
      {notice?.kind === 'error' && (
        <p class="error" role="alert">
          {notice.text}
        </p>
      )}

      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void urge()}>
          {t('popupUrgeButton')}
        </button>
        <button
          type="button"
          onClick={() => {
            setNotice(null);
            setView('slip');
          }}
        >
          {t('popupSlipButton')}
        </button>
        <button type="button" onClick={props.onDrafts}>
          {t('writeInstead')}
        </button>
        <button
          type="button"
          onClick={() => {
            setNotice(null);
            setView('reached-out');
          }}
        >
          {t('reachedOut')}
        </button>
        <button
          type="button"
          onClick={() => {
            setNotice(null);
            setView('necessary');
          }}
        >
          {t('popupNecessaryButton')}
        </button>
        <button type="button" class="quiet" onClick={props.onSettings}>
          {t('popupSettings')}
        </button>
      </div>
      {props.platform !== 'android' && warnings}
    </main>
  );
}
