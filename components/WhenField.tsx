import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { When } from '@/lib/streak/when';

/**
 * When something happened: just now (the default, so the common case costs no click),
 * yesterday at a time, or another day and time. Checked by lib/streak/when.
 */
export function WhenField({
  value,
  onChange,
  error,
  defaultTime,
  today,
}: {
  value: When;
  onChange: (next: When) => void;
  /** Why the chosen time cannot be used, in words. */
  error?: string | null;
  /** The time offered when an earlier day is chosen ("HH:MM"). */
  defaultTime: string;
  /** Today's date (the date field's upper bound). */
  today: string;
}) {
  const id = useId();
  const time = value.kind === 'now' ? defaultTime : value.time;
  const errorId = `${id}-when-error`;
  return (
    <fieldset class="when" aria-describedby={error ? errorId : undefined}>
      <legend>{t('whenLegend')}</legend>
      <div class="row">
        <label class="choice">
          <input
            type="radio"
            name={`${id}-when`}
            checked={value.kind === 'now'}
            onChange={() => onChange({ kind: 'now' })}
          />{' '}
          {t('whenNow')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name={`${id}-when`}
            checked={value.kind === 'yesterday'}
            onChange={() => onChange({ kind: 'yesterday', time })}
          />{' '}
          {t('whenYesterday')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name={`${id}-when`}
            checked={value.kind === 'on'}
            onChange={() => onChange({ kind: 'on', date: today, time })}
          />{' '}
          {t('whenOn')}
        </label>
      </div>
      {value.kind !== 'now' && (
        <div class="row">
          {value.kind === 'on' && (
            <label>
              {t('whenDateLabel')}{' '}
              <input
                type="date"
                max={today}
                value={value.date}
                aria-invalid={error ? 'true' : undefined}
                onInput={(e) => onChange({ ...value, date: e.currentTarget.value })}
              />
            </label>
          )}
          <label>
            {t('whenTimeLabel')}{' '}
            <input
              type="time"
              value={value.time}
              aria-invalid={error ? 'true' : undefined}
              onInput={(e) => onChange({ ...value, time: e.currentTarget.value })}
            />
          </label>
        </div>
      )}
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
