import { useId, useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '@/lib/backup';
import { described, FieldNote } from './Field';
import { days, formatDay } from './format';
import { checkDeleteWord, DELETE_WORD } from './validate';

export type CheckResult = { ok: true; preview: ImportPreview } | { ok: false; message: string };

/** Far above any real backup; the checker refuses what is too big with its own words too. */
const FILE_MAX_BYTES = 5 * 1024 * 1024;

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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
      setExportStatus({ text: `Saved as ${filename} in your downloads.`, error: false });
    } catch {
      setExportStatus({ text: 'The export could not be made. Please try again.', error: true });
    }
  };

  const chooseFile = async (e: Event) => {
    setCandidate(null);
    setImportStatus(null);
    setFileError(null);
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > FILE_MAX_BYTES) {
      setFileError(
        'This file is larger than 5 MB, far more than a No Contact backup holds. Nothing was changed.',
      );
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFileError('This file could not be read. Nothing was changed.');
      return;
    }
    const r = onCheck(text);
    if (!r.ok) setFileError(r.message);
    else setCandidate({ text, preview: r.preview });
  };

  const confirmImport = async () => {
    if (!candidate) return;
    setBusy(true);
    const error = await onImport(candidate.text).catch(
      () => 'The backup could not be imported. Nothing was changed; please try again.',
    );
    setBusy(false);
    if (error) {
      setImportStatus({ text: error, error: true });
      return;
    }
    setCandidate(null);
    if (fileInput.current) fileInput.current.value = '';
    setImportStatus({ text: 'Imported. Everything here now comes from the backup.', error: false });
  };

  const confirmDelete = async (e: Event) => {
    e.preventDefault();
    const c = checkDeleteWord(word);
    if (!c.ok) {
      setWordError(c.message);
      return;
    }
    setBusy(true);
    const error = await onDeleteEverything().catch(
      () => 'Not everything could be deleted. Please try again.',
    );
    setBusy(false);
    if (error) {
      setDeleteStatus({ text: error, error: true });
      return;
    }
    setDeleting(false);
    setWord('');
    setDeleteStatus({
      text: 'Everything was deleted. No profile is blocked any more. You can set No Contact up again whenever you like.',
      error: false,
    });
  };

  const p = candidate?.preview;
  return (
    <>
      <section aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>Export</h2>
        <p>
          Saves your plan, profiles, reasons, if-then plans, the signs you ticked, your kept drafts
          and your whole history as one file on this computer. Nothing is sent anywhere.
        </p>
        <button type="button" class="primary" onClick={() => void doExport()}>
          Export everything
        </button>
        <p class={exportStatus?.error ? 'error' : undefined} role="status">
          {exportStatus?.text ?? ''}
        </p>
      </section>

      <section aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>Import</h2>
        <div class="field">
          <label for={`${id}-file`}>Backup file</label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept="application/json,.json"
            {...described(`${id}-file-note`, fileError)}
            onChange={(e) => void chooseFile(e)}
          />
          <FieldNote
            id={`${id}-file-note`}
            error={fileError}
            hint="A file made with Export. You will see what is in it before anything changes."
          />
        </div>
        {p && (
          <div class="preview" aria-labelledby={`${id}-preview-h`} role="group">
            <h3 id={`${id}-preview-h`}>In this backup</h3>
            <ul>
              <li>Made on {formatDay(p.exportedAt.slice(0, 10))}</li>
              <li>
                {p.plan
                  ? `Plan: from ${formatDay(p.plan.startDate)}, goal ${days(p.plan.goalDays)}`
                  : 'No plan'}
              </li>
              <li>{plural(p.profiles, 'profile', 'profiles')}</li>
              <li>{plural(p.events, 'event', 'events')}</li>
              {p.ifThen > 0 && <li>{plural(p.ifThen, 'if-then plan', 'if-then plans')}</li>}
              {p.signs > 0 && <li>{plural(p.signs, 'sign noticed', 'signs noticed')}</li>}
              {p.drafts > 0 && <li>{plural(p.drafts, 'kept draft', 'kept drafts')}</li>}
            </ul>
            <p class="warning">
              Importing replaces everything here now (plan, profiles, reasons, plans, signs, drafts
              and history) with what is in the file.
            </p>
            <div class="row">
              <button
                type="button"
                class="primary"
                disabled={busy}
                onClick={() => void confirmImport()}
              >
                Replace everything with this backup
              </button>
              <button
                type="button"
                onClick={() => {
                  setCandidate(null);
                  if (fileInput.current) fileInput.current.value = '';
                }}
              >
                Don’t import
              </button>
            </div>
          </div>
        )}
        <p class={importStatus?.error ? 'error' : undefined} role="status">
          {importStatus?.text ?? ''}
        </p>
      </section>

      <section aria-labelledby={`${id}-delete`}>
        <h2 id={`${id}-delete`}>Delete everything</h2>
        {!deleting ? (
          <button
            type="button"
            onClick={() => {
              setDeleting(true);
              setDeleteStatus(null);
            }}
          >
            Delete everything…
          </button>
        ) : (
          <form onSubmit={confirmDelete} noValidate>
            <p>
              This removes your plan, profiles, reasons, drafts and your whole history from this
              browser, and no profile is blocked any more. It can’t be undone; export first if you
              might want it back.
            </p>
            <div class="field">
              <label for={`${id}-word`}>Type “{DELETE_WORD}” to confirm</label>
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
                Delete everything now
              </button>
              <button
                type="button"
                onClick={() => {
                  setDeleting(false);
                  setWord('');
                  setWordError(null);
                }}
              >
                Keep everything
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
