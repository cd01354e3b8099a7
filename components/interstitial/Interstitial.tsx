import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { days, t } from '@/lib/i18n';
import type { Friction } from '@/lib/settings';
import type { Summary } from '@/lib/streak/stats';
import { goalReachedKey } from '@/lib/purpose';
import { DEFAULT_PURPOSE, type Purpose } from '@/lib/settings';
import { DayHeading } from '../DayHeading';
import { DraftForm } from '../DraftForm';
import { PlanEnded } from '../PlanEnded';
import { useCountdown, type VisibilitySource } from '../hooks/use-countdown';
import type { Card } from './cards';
import { confirmationPhrase, phraseMatches } from './phrase';
import { HEADING_ID } from './heading';
import { BreathHeading } from './Waiting';

/** What the page was opened for, as far as it can tell. */
export type Target =
  /** No usable address came with the page (missing, not http(s), or crafted). */
  | { kind: 'none' }
  /** An http(s) address that is not on the list (any more). */
  | { kind: 'unlisted'; address: string }
  /**
   * An http(s) address too long to use (it is never checked against the list, nor
   * continued to): its platform or site, and its start, both short.
   */
  | { kind: 'too-long'; site: string; address: string }
  /**
   * A listed profile or conversation. Only its platform is shown ("Instagram"; null for a
   * site the person added): never the handle or name, which would bring the ex to mind.
   */
  | {
      kind: 'listed';
      platform: string | null;
      conversation: boolean;
      mode: 'block' | 'modified';
    };

/** The pause before "Continue" on a Modified No Contact profile: a breath, not a barrier. */
export const MODIFIED_PAUSE_SECONDS = 3;

export interface InterstitialProps {
  /** Null while the settings are read. */
  target: Target | null;
  /** Null while the log is read. */
  summary: Summary | null;
  /** Null while the settings are read. */
  friction: Friction | null;
  /** Whether a look restarts the count (the plan's setting; true without a plan). */
  looksRestart: boolean;
  /** Null while the settings are read. */
  card: Card | null;
  /** What the days are for (chooses words only). */
  purpose?: Purpose;
  onAnotherCard: () => void;
  onGoBack: () => void;
  /** Set once "Go back" was pressed, until the page is left. */
  leaving: boolean;
  /** Sends "continue"; resolves to an error to show, or null when the page is leaving. */
  onContinue: () => Promise<string | null>;
  onSetup: () => void;
  /**
   * "Write it here instead" was chosen: another way to turn back (the page logs the urge);
   * the message is then written on this page and kept with `onKeepDraft`. The profile or
   * conversation stays blocked.
   */
  onWriteInstead?: () => void;
  /** Keeps a private draft; rejects with a message to show. */
  onKeepDraft?: (id: string, text: string) => Promise<void>;
  visibility?: VisibilitySource;
}

export function Interstitial(props: InterstitialProps) {
  const { target, summary, card } = props;
  const back = useRef<HTMLButtonElement>(null);
  const write = useRef<HTMLButtonElement>(null);
  const [writing, setWriting] = useState(false);
  // A conversation's first way back is writing it here instead (No Contact is no messages
  // first of all); a profile's is going back. Either works at once, before anything is read.
  // A Modified conversation allows brief, necessary messages: its page keeps the usual order.
  const chat = target?.kind === 'listed' && target.conversation;
  const conversation = chat && target.mode === 'block';
  const canWrite = !!props.onWriteInstead && !!props.onKeepDraft && !props.leaving;
  useEffect(() => back.current?.focus(), []);
  // The page learns it is a conversation once the list is read: the focus moves to writing
  // it here, unless the person has already moved it.
  useEffect(() => {
    const active = document.activeElement;
    const untouched = active === back.current || active === document.body || active === null;
    if (conversation && canWrite && untouched) write.current?.focus();
  }, [conversation, canWrite]);
  const startWriting = () => {
    setWriting(true);
    props.onWriteInstead?.();
  };

  return (
    <main aria-busy={summary === null && target?.kind === 'listed' ? 'true' : undefined}>
      {target?.kind === 'listed' && (
        <p class="eyebrow">
          {target.platform === null
            ? t('interstitialListedSite')
            : target.conversation
              ? t('interstitialListedConversation', target.platform)
              : t('interstitialListedProfile', target.platform)}
        </p>
      )}
      {target?.kind === 'unlisted' && (
        <p class="eyebrow">
          {t('interstitialUnlisted')} <span class="address">{target.address}</span>
        </p>
      )}
      {target?.kind === 'too-long' && (
        <p class="eyebrow">
          {t('interstitialLongAddress', target.site)} <span class="address">{target.address}</span>
        </p>
      )}
      {target?.kind === 'none' && <p class="eyebrow">{t('interstitialNoAddress')}</p>}

      <header class="day">
        {summary?.endedPlan ? (
          <PlanEnded
            ended={summary.endedPlan}
            purpose={props.purpose ?? DEFAULT_PURPOSE}
            onNewPlan={props.onSetup}
            headingId={HEADING_ID}
          />
        ) : summary ? (
          <DayHeading
            status={summary.status}
            nextMilestone={summary.nextMilestone}
            headingId={HEADING_ID}
          />
        ) : (
          <BreathHeading />
        )}
      </header>

      {summary?.status.kind === 'running' && summary.status.goalReached && (
        <p class="note">{t(goalReachedKey(props.purpose ?? DEFAULT_PURPOSE))}</p>
      )}

      {summary?.status.kind === 'no-plan' && !summary.endedPlan && (
        <section class="setup" aria-label={t('interstitialSetupLabel')}>
          <p>{t('interstitialSetupIntro')}</p>
          <p>
            <a
              href="/options.html"
              target="_blank"
              onClick={(e) => {
                e.preventDefault();
                props.onSetup();
              }}
            >
              {t('setUpNoContact')}
            </a>
          </p>
        </section>
      )}

      {target?.kind === 'listed' && target.mode === 'modified' && (
        <p class="note">{t('interstitialModifiedNote')}</p>
      )}

      {conversation && <p class="stake">{t('interstitialConversationStake')}</p>}

      {card && target?.kind === 'listed' && target.mode === 'block' && (
        <section class="card" aria-labelledby="card-title">
          <h2 id="card-title">{card.title}</h2>
          <p class="card-text">{card.text}</p>
          <button type="button" class="quiet" onClick={props.onAnotherCard}>
            {t('interstitialAnotherThought')}
          </button>
        </section>
      )}

      <div class="choices">
        {conversation && canWrite && !writing && writeButton(write, true, startWriting)}
        <button
          ref={back}
          class={conversation && canWrite && !writing ? undefined : 'primary'}
          type="button"
          aria-describedby={HEADING_ID}
          disabled={props.leaving}
          onClick={props.onGoBack}
        >
          {t('goBack')}
        </button>
        {!conversation && canWrite && !writing && writeButton(write, false, startWriting)}
        {props.leaving && (
          <span class="muted" role="status">
            {t('goingBack')}
          </span>
        )}
      </div>
      {canWrite && !writing && (
        <p id="write-instead-what" class="muted small">
          {t(chat ? 'interstitialWriteInsteadWhatConversation' : 'interstitialWriteInsteadWhat')}
        </p>
      )}
      {canWrite && writing && props.onKeepDraft && (
        <section class="write-here" aria-label={t('writeInstead')}>
          <DraftForm
            onSave={props.onKeepDraft}
            autoFocus
            keptText={t(chat ? 'draftKeptConversation' : 'draftKeptProfile')}
          />
        </section>
      )}

      {target?.kind === 'listed' && props.friction && !props.leaving && (
        <ContinueForm
          modified={target.mode === 'modified'}
          friction={props.friction}
          // A message restarts the count whatever the plan says about looks.
          looksRestart={props.looksRestart || conversation}
          onContinue={props.onContinue}
          visibility={props.visibility}
        />
      )}

      {summary && summary.longestStreak > 0 && (
        <p class="muted longest">{t('interstitialLongest', days(summary.longestStreak))}</p>
      )}
    </main>
  );
}

interface ContinueProps {
  modified: boolean;
  friction: Friction;
  looksRestart: boolean;
  onContinue: () => Promise<string | null>;
  visibility?: VisibilitySource;
}

function ContinueForm({ modified, friction, looksRestart, onContinue, visibility }: ContinueProps) {
  const pause = modified ? MODIFIED_PAUSE_SECONDS : friction.pauseSeconds;
  const needsPhrase = !modified && friction.phraseRequired;
  const left = useCountdown(pause, visibility);
  const ready = left === 0;
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!ready || busy) return;
    if (needsPhrase && !phraseMatches(typed)) {
      setError(t('phraseMismatch', confirmationPhrase()));
      field.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    const failed = await onContinue();
    if (failed !== null) {
      setError(failed);
      setBusy(false);
    }
  };

  const label = modified ? t('continue') : t('continueAnyway');
  const consequence = modified
    ? t('continueModifiedConsequence')
    : looksRestart
      ? t('continueRestartConsequence')
      : t('continueKeepConsequence');

  return (
    <form class="continue" onSubmit={(e) => void submit(e)} noValidate>
      <h2 class="visually-hidden">{label}</h2>
      {ready && needsPhrase && (
        <div class="phrase">
          <label for="phrase">{t('phraseLabel')}</label>
          <p id="phrase-hint" class="muted">
            {t('phraseHint')} <strong>{confirmationPhrase()}</strong>
          </p>
          <input
            id="phrase"
            ref={field}
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            value={typed}
            aria-describedby={error ? 'phrase-hint continue-error' : 'phrase-hint'}
            aria-invalid={error !== null && needsPhrase ? 'true' : undefined}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </div>
      )}
      <div class="continue-row">
        <button type="submit" disabled={!ready || busy} aria-describedby="continue-what">
          {label}
        </button>
        {!ready && (
          <span class="countdown muted" aria-hidden="true">
            {t('continueAvailableIn', left)}
          </span>
        )}
      </div>
      <p id="continue-what" class="muted small">
        {pause > 0 && `${t('continueAfterPause', pause)} `}
        {consequence}
      </p>
      {/* Said once, when the pause ends; the seconds themselves are not read out. */}
      <p class="visually-hidden" aria-live="polite">
        {ready && pause > 0 ? t('continueNowAvailable', label) : ''}
      </p>
      {error && (
        <p id="continue-error" class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** "Write it here instead": the main action for a conversation, the second for a profile. */
function writeButton(ref: Ref<HTMLButtonElement>, main: boolean, onClick: () => void) {
  return (
    <button
      ref={ref}
      type="button"
      class={main ? 'primary write-instead' : 'write-instead'}
      aria-describedby="write-instead-what"
      onClick={onClick}
    >
      {t('writeInstead')}
    </button>
  );
}
