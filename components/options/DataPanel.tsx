import { useId, useRef, useState } from 'preact/hooks';
import { plural, t } from '@/lib/i18n';
import type { ImportPreview } from '@/lib/backup';
import { BACKUP_MAX_BYTES, BACKUP_MAX_MB } from '@/lib/limits';
import { described, FieldNote } from '../Field';
import { formatCivilDate } from '@/lib/format-date';
import { days } from './format';
import { checkDeleteWord, DELETE_WORD } from './validate';

export type CheckResult = { ok: true; preview: ImportPreview } | { ok: false; message: string };

// BACKUP_MAX_BYTES is far above any real backup; the checker refuses what is too big with
// its own words too, but a file this large is not even read.

/** Saves `text` as a file through a Blob URL and an <a download>; nothing leaves the machine. */
export function downloadText(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox starts the download asynchronously; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function DataPanel({
  onExport,
  onCheck,
  onImport,
  onDeleteEverything,
}: {
  onExport: () => Promise<{ text: string; filename: string }>;
  /** Checks a file's text without changing anything. */
  onCheck: (text: string) => CheckResult;
  /** Applies it; resolves to an error message, or null when done. */
  onImport: (text: string) => Promise<string | null>;
  onDeleteEverything: () => Promise<string | null>;
}) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [exportStatus, setExportStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [candidate, setCandidate] = useState<{ text: string; preview: ImportPreview } | null>(null);
  const [importStatus, setImportStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [word, setWord] = useState('');
  const [wordError, setWordError] = useState<string | null>(null);
  const [deleteStatus, setDeleteStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const doExport = async () => {
    setExportStatus(null);
    try {
      const { text, filename } = await onExport();
      downloadText(text, filename);
      setExportStatus({ text: t('exportSaved', filename), error: false });
    } catch {
      setExportStatus({ text: t('exportFailed'), error: true });
    }
  };

  const chooseFile = async (e: Event) => {
    setCandidate(null);
    setImportStatus(null);
    setFileError(null);
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > BACKUP_MAX_BYTES) {
      setFileError(t('importTooLarge', BACKUP_MAX_MB));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFileError(t('importUnreadable'));
      return;
    }
    const r = onCheck(text);
    if (!r.ok) setFileError(r.message);
    else setCandidate({ text, preview: r.preview });
  };

  const confirmImport = async () => {
    if (!candidate) return;
    setBusy(true);
    const error = await onImport(candidate.text).catch(() => t('importFailed'));
    setBusy(false);
    if (error) {
      setImportStatus({ text: error, error: true });
      return;
    }
    setCandidate(null);
    if (fileInput.current) fileInput.current.value = '';
    setImportStatus({ text: t('importDone'), error: false });
  };

  const confirmDelete = async (e: Event) => {
    e.preventDefault();
    const c = checkDeleteWord(word);
    if (!c.ok) {
      setWordError(c.message);
      return;
    }
    setBusy(true);
    const error = await onDeleteEverything().catch(() => t('deleteFailed'));
    setBusy(false);
    if (error) {
      setDeleteStatus({ text: error, error: true });
      return;
    }
    setDeleting(false);
    setWord('');
    setDeleteStatus({
      text: t('deleteDone'),
      error: false,
    });
  };

  const p = candidate?.preview;
  return (
    <>
      <section aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>{t('exportTitle')}</h2>
        <p>{t('exportIntro')}</p>
        <button type="button" class="primary" onClick={() => void doExport()}>
          {t('exportButton')}
        </button>
        <p class={exportStatus?.error ? 'error' : undefined} role="status">
          {exportStatus?.text ?? ''}
        </p>
      </section>

      <section aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>{t('importTitle')}</h2>
        <div class="field">
          <label for={`${id}-file`}>{t('importFileLabel')}</label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept="application/json,.json"
            {...described(`${id}-file-note`, fileError)}
            onChange={(e) => void chooseFile(e)}
          />
          <FieldNote id={`${id}-file-note`} error={fileError} hint={t('importFileHint')} />
        </div>
        {p && (
          <div class="preview" aria-labelledby={`${id}-preview-h`} role="group">
            <h3 id={`${id}-preview-h`}>{t('importPreviewTitle')}</h3>
            <ul>
              <li>{t('importMadeOn', formatCivilDate(p.exportedAt.slice(0, 10)))}</li>
              <li>
                {p.plan
                  ? t('importPlan', formatCivilDate(p.plan.startDate), days(p.plan.goalDays))
                  : t('importNoPlan')}
              </li>
              <li>{plural(p.profiles, 'profilesOne', 'profilesOther')}</li>
              <li>{plural(p.events, 'eventsOne', 'eventsOther')}</li>
              {p.ifThen > 0 && <li>{plural(p.ifThen, 'ifThenPlansOne', 'ifThenPlansOther')}</li>}
              {p.signs > 0 && <li>{plural(p.signs, 'signsNoticedOne', 'signsNoticedOther')}</li>}
              {p.drafts > 0 && <li>{plural(p.drafts, 'draftsOne', 'draftsOther')}</li>}
            </ul>
            <p class="warning">{t('importWarning')}</p>
            <div class="row">
              <button
                type="button"
                class="primary"
                disabled={busy}
                onClick={() => void confirmImport()}
              >
                {t('importConfirm')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setCandidate(null);
                  if (fileInput.current) fileInput.current.value = '';
                }}
              >
                {t('importCancel')}
              </button>
            </div>
          </div>
        )}
        <p class={importStatus?.error ? 'error' : undefined} role="status">
          {importStatus?.text ?? ''}
        </p>
      </section>

      <section aria-labelledby={`${id}-delete`}>
        <h2 id={`${id}-delete`}>{t('deleteTitle')}</h2>
        {!deleting ? (
          <button
            type="button"
            onClick={() => {
              setDeleting(true);
              setDeleteStatus(null);
            }}
          >
            {t('deleteStart')}
          </button>
        ) : (
          <form onSubmit={confirmDelete} noValidate>
            <p>{t('deleteWarning')}</p>
            <div class="field">
              <label for={`${id}-word`}>{t('deleteWordLabel', DELETE_WORD)}</label>
              <input
                id={`${id}-word`}
                type="text"
                autoComplete="off"
                value={word}
                {...described(`${id}-word-note`, wordError)}
                onInput={(e) => {
                  setWord(e.currentTarget.value);
                  setWordError(null);
                }}
              />
              <FieldNote id={`${id}-word-note`} error={wordError} />
            </div>
            <div class="row">
              <button type="submit" class="danger" disabled={busy}>
                {t('deleteNow')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setDeleting(false);
                  setWord('');
                  setWordError(null);
                }}
              >
                {t('deleteKeep')}
              </button>
            </div>
          </form>
        )}
        <p class={deleteStatus?.error ? 'error' : undefined} role="status">
          {deleteStatus?.text ?? ''}
        </p>
      </section>
    </>
  );
}
