import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { useListSave } from '../hooks/use-list-save';
import { described, FieldNote } from '../Field';
import { REASON_MAX_CHARS } from '@/lib/limits';
import { checkReason } from './validate';

/**
 * The person's own reasons, shown one at a time on the blocked page. Added, edited and
 * removed here; each action saves at once (more reasons never lower protection).
 */
export function ReasonsEditor({
  reasons,
  onChange,
}: {
  reasons: string[];
  /** Saves the whole list; rejects with a message when it could not. */
  onChange: (next: string[]) => Promise<void>;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [editText, setEditText] = useState('');
  const [editError, setEditError] = useState<string | null>(null);
  const { status, save } = useListSave<string[]>(onChange, t('reasonsSaveFailed'));

  const add = async (e: Event) => {
    e.preventDefault();
    const r = checkReason(text, reasons);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    if (await save([...reasons, r.value], t('reasonAdded'))) {
      setText('');
      setError(null);
    }
  };

  const saveEdit = async (e: Event) => {
    e.preventDefault();
    if (editing === null) return;
    const r = checkReason(editText, reasons, editing);
    if (!r.ok) {
      setEditError(r.message);
      return;
    }
    if (
      await save(
        reasons.map((x, i) => (i === editing ? r.value : x)),
        t('reasonSaved'),
      )
    ) {
      setEditing(null);
      setEditError(null);
    }
  };

  return (
    <div>
      {reasons.length === 0 ? (
        <p class="muted">{t('reasonsNone')}</p>
      ) : (
        <ul class="reason-list" aria-label={t('reasonsListLabel')}>
          {reasons.map((r, i) =>
            editing === i ? (
              <li key={`edit-${i}`}>
                <form onSubmit={saveEdit} noValidate class="field">
                  <label for={`${id}-edit`}>{t('reasonEditLabel', i + 1)}</label>
                  <textarea
                    id={`${id}-edit`}
                    rows={2}
                    maxLength={REASON_MAX_CHARS * 2}
                    value={editText}
                    {...described(`${id}-edit-note`, editError)}
                    onInput={(e) => {
                      setEditText(e.currentTarget.value);
                      setEditError(null);
                    }}
                  />
                  <FieldNote id={`${id}-edit-note`} error={editError} />
                  <div class="row">
                    <button type="submit" class="primary">
                      {t('reasonSave')}
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        setEditing(null);
                        setEditError(null);
                      }}
                    >
                      {t('reasonCancelEdit')}
                    </button>
                  </div>
                </form>
              </li>
            ) : (
              <li key={`r-${i}`}>
                <span class="reason-text">{r}</span>
                <span class="row">
                  <button
                    type="button"
                    aria-label={t('reasonEditLabel', i + 1)}
                    onClick={() => {
                      setEditing(i);
                      setEditText(r);
                      setEditError(null);
                    }}
                  >
                    {t('reasonEdit')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('reasonRemoveLabel', i + 1)}
                    onClick={() =>
                      void save(
                        reasons.filter((_, j) => j !== i),
                        t('reasonRemoved'),
                      )
                    }
                  >
                    {t('reasonRemove')}
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      <form onSubmit={add} noValidate>
        <div class="field">
          <label for={`${id}-new`}>{t('reasonNewLabel')}</label>
          <textarea
            id={`${id}-new`}
            rows={2}
            maxLength={REASON_MAX_CHARS * 2}
            value={text}
            {...described(`${id}-new-note`, error)}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
          />
          <FieldNote id={`${id}-new-note`} error={error} hint={t('reasonNewHint')} />
        </div>
        <button type="submit">{t('reasonAdd')}</button>
      </form>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
