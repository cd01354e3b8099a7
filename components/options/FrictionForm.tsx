import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import {
  ALLOW_MINUTES_MAX,
  ALLOW_MINUTES_MIN,
  PAUSE_SECONDS_MAX,
  PAUSE_SECONDS_MIN,
} from '@/lib/limits';
import type { Friction } from '@/lib/settings';
import { described, FieldNote, focusFirstInvalid, isBadInput } from '../Field';
import { checkAllowMinutes, checkPause } from './validate';

/**
 * The pause before "Continue anyway", the typed phrase, and how long Continue lets the
 * person in. Shows the values in force; what is waiting to lower them is shown in the
 * list of waiting changes, not here, so the form never pretends a change already happened.
 */
export function FrictionForm({
  friction,
  onSave,
}: {
  friction: Friction;
  /** Resolves to what happened, in words; rejects with a message. */
  onSave: (f: Friction) => Promise<string>;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [pause, setPause] = useState(String(friction.pauseSeconds));
  const [phrase, setPhrase] = useState(friction.phraseRequired);
  const [minutes, setMinutes] = useState(String(friction.allowMinutes));
  const [bad, setBad] = useState({ pause: false, minutes: false });
  const [errors, setErrors] = useState<{ pause?: string; minutes?: string }>({});
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (dirty) return;
    setPause(String(friction.pauseSeconds));
    setPhrase(friction.phraseRequired);
    setMinutes(String(friction.allowMinutes));
  }, [friction.pauseSeconds, friction.phraseRequired, friction.allowMinutes]);

  const edited = () => {
    setDirty(true);
    setStatus(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const p = checkPause({ value: pause, badInput: bad.pause });
    const m = checkAllowMinutes({ value: minutes, badInput: bad.minutes });
    setErrors({ pause: p.ok ? undefined : p.message, minutes: m.ok ? undefined : m.message });
    setStatus(null);
    if (!p.ok || !m.ok) {
      setTimeout(() => focusFirstInvalid(form.current), 0);
      return;
    }
    setBusy(true);
    try {
      const text = await onSave({
        pauseSeconds: p.value,
        phraseRequired: phrase,
        allowMinutes: m.value,
      });
      setStatus({ text, error: false });
      setDirty(false);
    } catch (err) {
      setStatus({
        text: err instanceof Error ? err.message : t('saveFailed'),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <div class="field">
        <label for={`${id}-pause`}>{t('frictionPauseLabel')}</label>
        <input
          id={`${id}-pause`}
          type="number"
          inputMode="numeric"
          min={PAUSE_SECONDS_MIN}
          max={PAUSE_SECONDS_MAX}
          step={1}
          value={pause}
          {...described(`${id}-pause-note`, errors.pause)}
          onInput={(e) => {
            setPause(e.currentTarget.value);
            setBad((b) => ({ ...b, pause: isBadInput(e.currentTarget) }));
            setErrors((x) => ({ ...x, pause: undefined }));
            edited();
          }}
        />
        <FieldNote
          id={`${id}-pause-note`}
          error={errors.pause}
          hint={t('frictionPauseHint', PAUSE_SECONDS_MIN, PAUSE_SECONDS_MAX)}
        />
      </div>
      <div class="field check">
        <input
          id={`${id}-phrase`}
          type="checkbox"
          checked={phrase}
          aria-describedby={`${id}-phrase-note`}
          onChange={(e) => {
            setPhrase(e.currentTarget.checked);
            edited();
          }}
        />
        <label for={`${id}-phrase`}>{t('frictionPhraseLabel')}</label>
        <p id={`${id}-phrase-note`} class="muted field-note">
          {t('frictionPhraseHint')}
        </p>
      </div>
      <div class="field">
        <label for={`${id}-minutes`}>{t('frictionMinutesLabel')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={ALLOW_MINUTES_MIN}
          max={ALLOW_MINUTES_MAX}
          step={1}
          value={minutes}
          {...described(`${id}-minutes-note`, errors.minutes)}
          onInput={(e) => {
            setMinutes(e.currentTarget.value);
            setBad((b) => ({ ...b, minutes: isBadInput(e.currentTarget) }));
            setErrors((x) => ({ ...x, minutes: undefined }));
            edited();
          }}
        />
        <FieldNote
          id={`${id}-minutes-note`}
          error={errors.minutes}
          hint={t('frictionMinutesHint', ALLOW_MINUTES_MIN, ALLOW_MINUTES_MAX)}
        />
      </div>
      <p class="muted">{t('frictionNote')}</p>
      <button class="primary" type="submit" disabled={busy}>
        {t('frictionSave')}
      </button>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
