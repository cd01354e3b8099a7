import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { useListSave } from '../hooks/use-list-save';
import type { IfThenPlan } from '@/lib/settings';
import { ifThenText } from '../if-then-text';
import { described, FieldNote } from '../Field';
import { checkIfThen } from './validate';

/**
 * The person's if-then plans: "If I want to …, then I will …". Shown on the blocked page
 * in place of the suggested ones. Added, changed (in the same form: Edit fills it) and
 * removed here; each change saves at once (more plans never lower protection).
 */
export function IfThenEditor({
  plans,
  onChange,
}: {
  plans: readonly IfThenPlan[];
  /** Saves the whole list; rejects with a message when it could not. */
  onChange: (next: IfThenPlan[]) => Promise<void>;
}) {
  const id = useId();
  const [when, setWhen] = useState('');
  const [then, setThen] = useState('');
  const [errors, setErrors] = useState<{ when?: string; then?: string; form?: string }>({});
  /** The index of the plan the form is changing, or null when it adds one. */
  const [editing, setEditing] = useState<number | null>(null);
  const { status, setStatus, save } = useListSave<IfThenPlan[]>(onChange, t('ifThenSaveFailed'));

  const add = async (e: Event) => {
    e.preventDefault();
    const c = checkIfThen(when, then, plans, editing);
    if (!c.ok) {
      const field = 'field' in c ? c.field : 'form';
      setErrors({ [field]: c.message });
      setStatus(null);
      if (field !== 'form') document.getElementById(`${id}-${field}`)?.focus();
      return;
    }
    setErrors({});
    const next =
      editing === null ? [...plans, c.value] : plans.map((p, i) => (i === editing ? c.value : p));
    if (await save(next, editing === null ? t('ifThenAdded') : t('ifThenSaved'))) stopEditing();
  };

  const stopEditing = () => {
    setEditing(null);
    setWhen('');
    setThen('');
    setErrors({});
  };

  const edit = (i: number) => {
    const p = plans[i];
    if (!p) return;
    setEditing(i);
    setWhen(p.when);
    setThen(p.then);
    setErrors({});
    setStatus(null);
    document.getElementById(`${id}-when`)?.focus();
  };

  return (
    <div>
      {plans.length === 0 ? (
        <p class="muted">{t('ifThenNone')}</p>
      ) : (
        <ul class="reason-list" aria-label={t('ifThenListLabel')}>
          {plans.map((p, i) => (
            <li key={`${i}-${p.when}`}>
              <span class="reason-text">{ifThenText(p)}</span>
              <span class="row">
                <button
                  type="button"
                  aria-label={t('ifThenEditLabel', i + 1)}
                  aria-pressed={editing === i}
                  onClick={() => edit(i)}
                >
                  {t('ifThenEdit')}
                </button>
                <button
                  type="button"
                  aria-label={t('ifThenRemoveLabel', i + 1)}
                  onClick={() => {
                    if (editing !== null) stopEditing();
                    void save(
                      plans.filter((_, j) => j !== i),
                      t('ifThenRemoved'),
                    );
                  }}
                >
                  {t('ifThenRemove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} noValidate>
        <div class="field">
          <label for={`${id}-when`}>{t('ifThenWhenLabel')}</label>
          <input
            id={`${id}-when`}
            type="text"
            value={when}
            {...described(`${id}-when-note`, errors.when)}
            onInput={(e) => {
              setWhen(e.currentTarget.value);
              setErrors((x) => ({ ...x, when: undefined, form: undefined }));
            }}
          />
          <FieldNote id={`${id}-when-note`} error={errors.when} hint={t('ifThenWhenHint')} />
        </div>
        <div class="field">
          <label for={`${id}-then`}>{t('ifThenThenLabel')}</label>
          <input
            id={`${id}-then`}
            type="text"
            value={then}
            {...described(`${id}-then-note`, errors.then)}
            onInput={(e) => {
              setThen(e.currentTarget.value);
              setErrors((x) => ({ ...x, then: undefined, form: undefined }));
            }}
          />
          <FieldNote id={`${id}-then-note`} error={errors.then} hint={t('ifThenThenHint')} />
        </div>
        {errors.form && (
          <p class="error" role="alert">
            {errors.form}
          </p>
        )}
        {editing === null ? (
          <button type="submit">{t('ifThenAdd')}</button>
        ) : (
          <div class="row">
            <button type="submit" class="primary">
              {t('ifThenSaveEdit', editing + 1)}
            </button>
            <button type="button" onClick={stopEditing}>
              {t('ifThenCancelEdit')}
            </button>
          </div>
        )}
      </form>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
