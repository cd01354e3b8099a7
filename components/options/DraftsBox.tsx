import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Draft } from '@/lib/drafts';
import { DraftForm } from '../DraftForm';
import { formatMoment } from '@/lib/format-date';

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
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async (d: Draft) => {
    setBusy(true);
    try {
      await onDelete(d.id);
      setConfirming(null);
      setStatus({ text: t('draftDeleted'), error: false });
    } catch (err) {
      setStatus({
        text: err instanceof Error ? err.message : t('draftDeleteFailed'),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p>{t('draftsIntro')}</p>
      <DraftForm onSave={onSave} newId={newId} />
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>

      <h3 id={`${id}-kept`}>{t('draftsKeptTitle')}</h3>
      {drafts === null ? (
        <p class="muted">{t('draftsReading')}</p>
      ) : drafts.length === 0 ? (
        <p class="muted">{t('draftsNone')}</p>
      ) : (
        <ul class="drafts" aria-labelledby={`${id}-kept`}>
          {drafts.map((d) => {
            const when = formatMoment(d.time);
            return (
              <li key={d.id}>
                <details>
                  <summary>
                    <time dateTime={new Date(d.time).toISOString()}>{when}</time>: {preview(d.text)}
                  </summary>
                  <p class="draft-text">{d.text}</p>
                </details>
                {confirming === d.id ? (
                  <div class="row" role="group" aria-label={t('draftDeleteConfirmLabel', when)}>
                    <span>{t('draftDeleteQuestion')}</span>
                    <button
                      type="button"
                      class="danger"
                      disabled={busy}
                      onClick={() => void remove(d)}
                    >
                      {t('draftDeleteForGood')}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('draftKeepIt')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    aria-label={t('draftDeleteLabel', when)}
                    onClick={() => setConfirming(d.id)}
                  >
                    {t('draftDelete')}
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
