import { useId, useRef, useState } from 'preact/hooks';
import { DRAFT_MAX_CHARS, type Draft } from '@/lib/drafts';
import { described, FieldNote } from './Field';
import { formatWhen } from './format';

type Status = { text: string; error: boolean } | null;

const preview = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};

/**
 * "Write it here instead": a private place for the message the person wants to send.
 * Drafts are kept on this computer with their date, can be read again and deleted, and
 * are never sent anywhere.
 */
export function DraftsBox({
  drafts,
  onSave,
  onDelete,
  newId = () => crypto.randomUUID(),
}: {
  /** Newest first; null while they are read. */
  drafts: readonly Draft[] | null;
  /** Keeps a draft; rejects with a message when it could not. */
  onSave: (id: string, text: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  newId?: () => string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per draft being written: pressing "Keep it" twice keeps it once.
  const draftId = useRef(newId());
  const field = useRef<HTMLTextAreaElement>(null);

  const keep = async (e: Event) => {
    e.preventDefault();
    const t = text.trim();
    if (!t) {
      setError('Write something first; there is nothing to keep yet.');
      field.current?.focus();
      return;
    }
    if (t.length > DRAFT_MAX_CHARS) {
      setError(
        `This is ${t.length.toLocaleString('en')} characters; a draft holds up to ${DRAFT_MAX_CHARS.toLocaleString('en')}. Shorten it, or keep it in two parts.`,
      );
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSave(draftId.current, t);
      draftId.current = newId();
      setText('');
      setError(null);
      setStatus({
        text: 'Kept here. Nothing was sent. You can read it again below whenever you like.',
        error: false,
      });
    } catch (err) {
      setStatus({
        text:
          err instanceof Error
            ? err.message
            : 'This could not be kept just now. Copy your words somewhere safe and try again.',
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (d: Draft) => {
    setBusy(true);
    try {
      await onDelete(d.id);
      setConfirming(null);
      setStatus({ text: 'The draft was deleted.', error: false });
    } catch (err) {
      setStatus({
        text:
          err instanceof Error ? err.message : 'The draft could not be deleted. It is still here.',
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p>
        Say everything you want to say to them, here. It stays on this computer and is never sent.
        Writing it out can take the pressure off; reading it again tomorrow often shows whether it
        still needs saying.
      </p>
      <form onSubmit={(e) => void keep(e)} noValidate>
        <div class="field">
          <label for={`${id}-text`}>What you want to tell them</label>
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
          <FieldNote
            id={`${id}-note`}
            error={error}
            hint="Only you can read this. It is part of your export, and deleted with everything else."
          />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          Keep it here
        </button>
      </form>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>

      <h3 id={`${id}-kept`}>Kept here</h3>
      {drafts === null ? (
        <p class="muted">Reading your drafts…</p>
      ) : drafts.length === 0 ? (
        <p class="muted">Nothing kept yet.</p>
      ) : (
        <ul class="drafts" aria-labelledby={`${id}-kept`}>
          {drafts.map((d) => {
            const when = formatWhen(d.time);
            return (
              <li key={d.id}>
                <details>
                  <summary>
                    <time dateTime={new Date(d.time).toISOString()}>{when}</time>: {preview(d.text)}
                  </summary>
                  <p class="draft-text">{d.text}</p>
                </details>
                {confirming === d.id ? (
                  <div class="row" role="group" aria-label={`Delete the draft from ${when}?`}>
                    <span>Delete it for good?</span>
                    <button
                      type="button"
                      class="danger"
                      disabled={busy}
                      onClick={() => void remove(d)}
                    >
                      Delete for good
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    aria-label={`Delete the draft from ${when}`}
                    onClick={() => setConfirming(d.id)}
                  >
                    Delete
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
