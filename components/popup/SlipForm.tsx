import { useRef, useState } from 'preact/hooks';
import { NOTE_MAX_CHARS } from '@/lib/limits';
import { SLIP_KINDS, type SlipKind } from '@/lib/streak/log-event';
import { days, t, type MessageKey } from '@/lib/i18n';
import type { When } from '@/lib/streak/when';
import { WhenField } from '../WhenField';
import { PickOne } from './PickOne';

/** The page's check of a chosen time: the instant to log (undefined: now), or why not. */
export type CheckWhen = (
  w: When,
) => { ok: true; at: number | undefined } | { ok: false; error: string };

/** What the "when" field needs from the page. */
export interface WhenContext {
  check: CheckWhen;
  /** "HH:MM" now, offered for an earlier day. */
  defaultTime: string;
  /** Today's date, the latest a date may be. */
  today: string;
}

/** The message for each kind of slip, as the person would say it. */
export const SLIP_LABEL_KEYS: Record<SlipKind, MessageKey> = {
  message: 'slipKindMessage',
  call: 'slipKindCall',
  'in-person': 'slipKindInPerson',
  replied: 'slipKindReplied',
  'liked-or-reacted': 'slipKindLikedOrReacted',
  'looked-at-profile': 'slipKindLookedAtProfile',
  other: 'slipKindOther',
};

interface Props {
  longestStreak: number;
  /** `at`: when it happened, if earlier than now. */
  onSubmit: (what: SlipKind, note: string, at: number | undefined) => Promise<void>;
  onCancel: () => void;
  when: WhenContext;
}

/** "I slipped...": what happened and an optional note, before the count starts again. */
export function SlipForm({ longestStreak, onSubmit, onCancel, when: whenContext }: Props) {
  const [what, setWhat] = useState<SlipKind | null>(null);
  const [when, setWhen] = useState<When>({ kind: 'now' });
  const [whenError, setWhenError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!what) {
      setMissing(true);
      first.current?.focus();
      return;
    }
    const checked = whenContext.check(when);
    if (!checked.ok) {
      setWhenError(checked.error);
      return;
    }
    setBusy(true);
    await onSubmit(what, note, checked.at);
    setBusy(false);
  };

  return (
    <form class="slip" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{t('slipTitle')}</h1>
      <p class="muted">{t('slipIntro')}</p>
      <PickOne
        id="slip"
        name="what"
        legend={t('slipWhatHappened')}
        keys={SLIP_KINDS}
        label={(k) => t(SLIP_LABEL_KEYS[k])}
        value={what}
        onChoose={(k) => {
          setWhat(k);
          setMissing(false);
        }}
        first={first}
        missing={missing}
        missingText={t('slipChooseFirst')}
      />
      <WhenField
        value={when}
        onChange={(w) => {
          setWhen(w);
          setWhenError(null);
        }}
        error={whenError}
        defaultTime={whenContext.defaultTime}
        today={whenContext.today}
      />
      <label for="slip-note">{t('slipNoteLabel')}</label>
      <textarea
        id="slip-note"
        rows={2}
        maxLength={NOTE_MAX_CHARS}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <p class="muted small">
        {t('slipCountRestarts')}
        {longestStreak > 0 && ` ${t('slipLongestKept', days(longestStreak))}`}
      </p>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t('slipSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('slipCancel')}
        </button>
      </div>
    </form>
  );
}
