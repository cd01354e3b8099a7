import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { limitsKey, PURPOSE_LABEL_KEYS } from '@/lib/purpose';
import { PURPOSES, type Purpose } from '@/lib/settings';

/**
 * What these days are for: asked once at setup, changeable on the Plan section. It only
 * chooses words; for a hoped-for second chance (or not sure yet) the method's honest
 * limits are said plainly beside it.
 */
export function PurposeChoice({
  value,
  onChange,
  status,
}: {
  value: Purpose;
  onChange: (next: Purpose) => void;
  /** What became of the last change ("Saved.", or why not). */
  status?: string | null;
}) {
  const id = useId();
  const limits = limitsKey(value);
  return (
    <div class="purpose">
      <fieldset class="choices" aria-describedby={`${id}-hint`}>
        <legend>{t('purposeLegend')}</legend>
        {PURPOSES.map((p) => (
          <div class="check" key={p}>
            <input
              type="radio"
              id={`${id}-${p}`}
              name={`${id}-purpose`}
              checked={value === p}
              onChange={() => onChange(p)}
            />
            <label for={`${id}-${p}`}>{t(PURPOSE_LABEL_KEYS[p])}</label>
          </div>
        ))}
        <p id={`${id}-hint`} class="muted field-note">
          {t('purposeHint')}
        </p>
      </fieldset>
      {limits && <p class="advice">{t(limits)}</p>}
      <p role="status">{status ?? ''}</p>
    </div>
  );
}
