import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { DRAFT_MAX_CHARS } from '@/lib/limits';
import { described, FieldNote } from './Field';

type Status = { text: string; error: boolean } | null;

/**
 * The writing half of "Write it here instead": one private message, kept on this computer
 * and never sent. Shared by the drafts box (options page) and the blocked page of a
 * conversation, which opens it in place. An empty or too long text is refused beside the
 * field and nothing is kept; a failed keep says so and keeps the text in the field.
 */
export function DraftForm({
  onSave,
  keptText = t('draftKept'),
  autoFocus = false,
  newId = () => crypto.randomUUID(),
}: {
  /** Keeps a draft; rejects with a message when it could not. */
  onSave: (id: string, text: string) => Promise<void>;
  /** What to say once kept. */
  keptText?: string;
  /** Puts the cursor in the field when shown (the person asked to write). */
  autoFocus?: boolean;
  newId?: () => string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  // One id per draft being written: pressing "Keep it" twice keeps it once.
  const draftId = useRef(newId());
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, []);

  const keep = async (e: Event) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError(t('draftEmpty'));
      field.current?.focus();
      return;
    }
    if (trimmed.length > DRAFT_MAX_CHARS) {
      setError(
        t(
          'draftTooLong',
          trimmed.length.toLocaleString('en'),
          DRAFT_MAX_CHARS.toLocaleString('en'),
        ),
      );
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSave(draftId.current, trimmed);
      draftId.current = newId();
      setText('');
      setError(null);
      setStatus({ text: keptText, error: false });
    } catch (err) {
      setStatus({
        text: err instanceof Error ? err.message : t('draftKeepFailed'),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form onSubmit={(e) => void keep(e)} noValidate>
        <div class="field">
          <label for={`${id}-text`}>{t('draftLabel')}</label>
          <textarea
            id={`${id}-text`}
            ref={field}
            rows={8}
            value={text}
            {...described(`${id}-note`, error)}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
          />
          <FieldNote id={`${id}-note`} error={error} hint={t('draftHint')} />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {t('draftKeep')}
        </button>
      </form>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>
    </>
  );
}
