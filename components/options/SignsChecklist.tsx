import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { SIGN_IDS, type SignId, type SignNoticed } from '@/lib/signs';
import { SIGN_LABELS } from './format';
import type { CivilDate } from '@/lib/streak/calendar';
import { described, FieldNote, isBadInput } from '../Field';
import { formatCivilDate } from '@/lib/format-date';
import { checkNoticedOn } from './validate';

/**
 * The signs that No Contact is working, ticked with the day each was noticed. Seeing none
 * is said to be normal up front, so an empty list never reads as failing.
 */
export function SignsChecklist({
  signs,
  today,
  onSet,
}: {
  signs: readonly SignNoticed[];
  today: CivilDate;
  /** Ticks (with a day) or unticks (null); rejects with a message when it could not. */
  onSet: (sign: SignId, noticedOn: CivilDate | null) => Promise<void>;
}) {
  const id = useId();
  const [errors, setErrors] = useState<Partial<Record<SignId, string>>>({});
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const byId = new Map(signs.map((s) => [s.sign, s]));

  const save = async (sign: SignId, day: CivilDate | null, done: string) => {
    try {
      await onSet(sign, day);
      setErrors((x) => ({ ...x, [sign]: undefined }));
      setStatus({ text: done, error: false });
    } catch (e) {
      setStatus({
        text: e instanceof Error ? e.message : t('saveFailed'),
        error: true,
      });
    }
  };

  return (
    <div>
      <p>{t('signsIntro')}</p>
      <p class="muted">
        {signs.length === 0
          ? t('signsNoneNoticed')
          : t('signsNoticedSoFar', signs.length, SIGN_IDS.length)}
      </p>
      <ul class="signs" aria-label={t('signsListLabel')}>
        {SIGN_IDS.map((sign) => {
          const row = byId.get(sign);
          const err = errors[sign];
          return (
            <li key={sign}>
              <div class="choice">
                <input
                  type="checkbox"
                  id={`${id}-${sign}`}
                  checked={row !== undefined}
                  onChange={(e) =>
                    void (e.currentTarget.checked
                      ? save(sign, today, t('signNoticedOn', formatCivilDate(today)))
                      : save(sign, null, t('signUnticked')))
                  }
                />
                <label for={`${id}-${sign}`}>{SIGN_LABELS[sign]}</label>
              </div>
              {row && (
                <div class="field inline sign-day">
                  <label for={`${id}-${sign}-day`}>
                    {t('signDayNoticed')}
                    <span class="visually-hidden">: {SIGN_LABELS[sign]}</span>
                  </label>
                  <input
                    id={`${id}-${sign}-day`}
                    type="date"
                    value={row.noticedOn}
                    max={today}
                    {...described(`${id}-${sign}-note`, err)}
                    onChange={(e) => {
                      const c = checkNoticedOn(
                        { value: e.currentTarget.value, badInput: isBadInput(e.currentTarget) },
                        today,
                      );
                      if (!c.ok) setErrors((x) => ({ ...x, [sign]: c.message }));
                      else void save(sign, c.value, t('signNoticedOn', formatCivilDate(c.value)));
                    }}
                  />
                  <FieldNote id={`${id}-${sign}-note`} error={err} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
