import { useId, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import {
  CHANNEL_LABELS,
  GIST_LABELS,
  guidanceFor,
  offersReply,
  replyDifference,
} from '@/lib/reached-out';
import { limitsKey } from '@/lib/purpose';
import { DEFAULT_PURPOSE, type Purpose } from '@/lib/settings';
import type { ReachedOutValues, ReplyAs } from '@/lib/reached-out-log';
import {
  CONTACT_CHANNELS,
  REACH_OUT_GISTS,
  type ContactChannel,
  type ReachOutGist,
} from '@/lib/streak/log-event';
import { NOTE_MAX_CHARS } from '@/lib/limits';
import type { When } from '@/lib/streak/when';
import { described, FieldNote } from './Field';
import type { WhenContext } from './popup/SlipForm';
import { WhenField } from './WhenField';

type Status = { text: string; error: boolean } | null;

const message = (e: unknown, fallback: string) => (e instanceof Error ? e.message : fallback);

/**
 * "They reached out": what happened, then guidance that fits it, then (if the person
 * replies) a way to log the reply as necessary contact or as a slip. Their contact itself
 * never touches the count.
 */
export function ReachedOutForm({
  onLog,
  onReply,
  endPlanHref = '#plan',
  onEndPlan,
  headingLevel = 3,
  when: whenContext,
  purpose = DEFAULT_PURPOSE,
}: {
  /**
   * Logs their contact; rejects with a message when it could not. For angry or hurt
   * contact it may say how many such reports the last week holds (the rule in
   * lib/reached-out).
   */
  onLog: (v: ReachedOutValues) => Promise<{ angryReports?: number } | void>;
  /** Logs the person's reply; resolves to the words to show. */
  onReply: (as: ReplyAs) => Promise<string>;
  endPlanHref?: string;
  /** Where a link cannot be followed in place (the popup): opens the plan's end instead. */
  onEndPlan?: () => void;
  /** Its headings' level: 3 under an options section, 2 under the popup's title. */
  headingLevel?: 2 | 3;
  /** The "when" field's context; without it, their contact is logged as just now. */
  when?: WhenContext;
  /** What the person's days are for: it chooses the guidance's words. */
  purpose?: Purpose;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = useId();
  // A message is the common case: chosen already, so logging it takes three clicks.
  const [channel, setChannel] = useState<ContactChannel | ''>('message');
  const [when, setWhen] = useState<When>({ kind: 'now' });
  const [gist, setGist] = useState<ReachOutGist | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{
    channel?: string;
    gist?: string;
    note?: string;
    when?: string;
  }>({});
  const [status, setStatus] = useState<Status>(null);
  const [logged, setLogged] = useState<{ gist: ReachOutGist; angryReports: number } | null>(null);
  const [replyStatus, setReplyStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const guidanceHeading = useRef<HTMLHeadingElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!channel) next.channel = t('reachedOutChooseChannel');
    if (!gist) next.gist = t('reachedOutChooseGist');
    if (note.trim().length > NOTE_MAX_CHARS)
      next.note = t('reachedOutNoteTooLong', NOTE_MAX_CHARS, note.trim().length);
    const checked = whenContext ? whenContext.check(when) : { ok: true as const, at: undefined };
    if (!checked.ok) next.when = checked.error;
    setErrors(next);
    if (next.channel || next.gist || next.note || next.when || !checked.ok || !channel || !gist) {
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    setStatus(null);
    try {
      const r = await onLog({
        channel,
        gist,
        note: note.trim() || undefined,
        ...(checked.at !== undefined ? { at: checked.at } : {}),
      });
      setLogged({ gist, angryReports: (r && r.angryReports) ?? 1 });
      setReplyStatus(null);
      setStatus({
        text: t('reachedOutLogged'),
        error: false,
      });
      // The guidance is what matters next: move there.
      setTimeout(() => guidanceHeading.current?.focus(), 0);
    } catch (err) {
      setStatus({
        text: message(err, t('reachedOutLogFailed')),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const reply = async (as: ReplyAs) => {
    setBusy(true);
    try {
      setReplyStatus({ text: await onReply(as), error: false });
    } catch (err) {
      setReplyStatus({
        text: message(err, t('reachedOutReplyFailed')),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setLogged(null);
    setChannel('message');
    setWhen({ kind: 'now' });
    setGist('');
    setNote('');
    setStatus(null);
    setReplyStatus(null);
  };

  if (logged) {
    const g = guidanceFor(logged.gist, purpose, logged.angryReports);
    const limits = g.advice === 'goal-reached' ? limitsKey(purpose) : null;
    return (
      <div>
        <p role="status">{status?.text ?? ''}</p>
        <section class="guidance" aria-labelledby={`${id}-guidance`}>
          <Heading id={`${id}-guidance`} tabIndex={-1} ref={guidanceHeading}>
            {g.title}
          </Heading>
          <p>{g.text}</p>
          {limits && <p class="muted">{t(limits)}</p>}
          {g.advice === 'goal-reached' && (
            <p>
              {onEndPlan ? (
                <button type="button" onClick={onEndPlan}>
                  {t('reachedOutEndPlan')}
                </button>
              ) : (
                <a href={endPlanHref}>{t('reachedOutEndPlan')}</a>
              )}
            </p>
          )}
        </section>
        {offersReply(logged.gist) && (
          <section aria-labelledby={`${id}-reply`}>
            <Heading id={`${id}-reply`}>{t('reachedOutIfYouReply')}</Heading>
            <p class="muted">{replyDifference()}</p>
            <div class="row">
              <button type="button" disabled={busy} onClick={() => void reply('necessary-contact')}>
                {t('reachedOutReplyNecessary')}
              </button>
              <button type="button" disabled={busy} onClick={() => void reply('slip')}>
                {t('reachedOutReplySlip')}
              </button>
            </div>
            <p class={replyStatus?.error ? 'error' : undefined} role="status">
              {replyStatus?.text ?? ''}
            </p>
          </section>
        )}
        <button type="button" onClick={reset}>
          {t('reachedOutAgain')}
        </button>
      </div>
    );
  }

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
      <div class="field">
        <label for={`${id}-channel`}>{t('reachedOutChannelLabel')}</label>
        <select
          id={`${id}-channel`}
          value={channel}
          {...described(`${id}-channel-note`, errors.channel)}
          onChange={(e) => {
            setChannel(e.currentTarget.value as ContactChannel);
            setErrors((x) => ({ ...x, channel: undefined }));
          }}
        >
          <option value="">{t('reachedOutChooseOne')}</option>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
        <FieldNote id={`${id}-channel-note`} error={errors.channel} />
      </div>
      <fieldset class="field" aria-describedby={`${id}-gist-note`}>
        <legend>{t('reachedOutGistLegend')}</legend>
        {REACH_OUT_GISTS.map((g) => (
          <div class="choice" key={g}>
            <input
              type="radio"
              id={`${id}-gist-${g}`}
              name={`${id}-gist`}
              value={g}
              checked={gist === g}
              aria-invalid={errors.gist ? 'true' : undefined}
              onChange={() => {
                setGist(g);
                setErrors((x) => ({ ...x, gist: undefined }));
              }}
            />
            <label for={`${id}-gist-${g}`}>{GIST_LABELS[g]}</label>
          </div>
        ))}
        <FieldNote id={`${id}-gist-note`} error={errors.gist} />
      </fieldset>
      {whenContext && (
        <WhenField
          value={when}
          onChange={(w) => {
            setWhen(w);
            setErrors((x) => ({ ...x, when: undefined }));
          }}
          error={errors.when}
          defaultTime={whenContext.defaultTime}
          today={whenContext.today}
        />
      )}
      <div class="field">
        <label for={`${id}-note`}>{t('reachedOutNoteLabel')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          value={note}
          {...described(`${id}-note-note`, errors.note)}
          onInput={(e) => {
            setNote(e.currentTarget.value);
            setErrors((x) => ({ ...x, note: undefined }));
          }}
        />
        <FieldNote id={`${id}-note-note`} error={errors.note} hint={t('reachedOutNoteHint')} />
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {t('reachedOutSubmit')}
      </button>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
