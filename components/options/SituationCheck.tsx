import { useId } from 'preact/hooks';
import type { Situation } from '@/lib/first-run';
import { t, tWith, type MessageKey } from '@/lib/i18n';
import { usePlatform } from '../platform-context';

const QUESTIONS: { key: keyof Situation; label: MessageKey }[] = [
  { key: 'longAgo', label: 'situationLongAgo' },
  { key: 'together', label: 'situationTogether' },
  { key: 'wronged', label: 'situationWronged' },
];

/**
 * A short check of whether plain No Contact fits. Nothing here is a verdict: the person
 * ticks what applies and reads what usually helps; every answer can be changed later.
 */
export function SituationCheck({
  value,
  onChange,
}: {
  value: Situation;
  onChange: (next: Situation) => void;
}) {
  const id = useId();
  const android = usePlatform() === 'android';
  return (
    <div>
      <fieldset class="choices">
        <legend>{t('situationLegend')}</legend>
        {QUESTIONS.map((q) => (
          <div class="check" key={q.key}>
            <input
              type="checkbox"
              id={`${id}-${q.key}`}
              checked={value[q.key]}
              onChange={(e) => onChange({ ...value, [q.key]: e.currentTarget.checked })}
            />
            <label for={`${id}-${q.key}`}>{t(q.label)}</label>
          </div>
        ))}
      </fieldset>

      <div aria-live="polite">
        {value.longAgo && (
          <div class="advice">
            <h3>{t('situationLongAgoTitle')}</h3>
            <p>{t('situationLongAgoText')}</p>
          </div>
        )}
        {value.together && (
          <div class="advice">
            <h3>{t('situationTogetherTitle')}</h3>
            <p>
              {tWith(
                // Firefox for Android has no toolbar: the popup is in its menu.
                android ? 'situationTogetherTextAndroid' : 'situationTogetherText',
                <strong>{t('profileTagModified')}</strong>,
              )}
            </p>
          </div>
        )}
        {value.wronged && (
          <div class="advice">
            <h3>{t('situationWrongedTitle')}</h3>
            <p>{t('situationWrongedText')}</p>
          </div>
        )}
      </div>

      <div class="advice">
        <h3>{t('situationSecretTitle')}</h3>
        <p>{t('situationSecretText')}</p>
      </div>
      <div class="advice">
        <h3>{t('situationExceptionsTitle')}</h3>
        <ul>
          <li>{t('situationExceptionAngry')}</li>
          <li>{t('situationExceptionBack')}</li>
        </ul>
      </div>
    </div>
  );
}
