import { useId, useRef, useState } from 'preact/hooks';
import { plural, t } from '@/lib/i18n';
import type { ImportPreview, Waits } from '@/lib/backup';
import { BACKUP_MAX_BYTES, BACKUP_MAX_MB } from '@/lib/limits';
import { described, FieldNote } from '../Field';
import { formatCivilDate, formatMoment } from '@/lib/format-date';
import { days, nameOf } from './format';
import { checkDeleteWord, DELETE_WORD } from './validate';

/** Custom sites a backup lists that this browser has not let the extension reach. */
export interface SiteAccess {
  /** As the person knows them ("example.com", "blog.example.org/name"). */
  sites: string[];
  /** The host patterns to ask the browser for. */
  origins: string[];
}

export type CheckResult =
  | {
      ok: true;
      preview: ImportPreview;
      /** What the import would lower, kept waiting out the cooling-off instead. */
      waits: Waits;
      /** Custom sites that would be listed but not blocked without the person's permission. */
      access: SiteAccess | null;
    }
  | { ok: false; message: string };

type Candidate = Extract<CheckResult, { ok: true }> & { text: string };

const waitsAnything = (w: Waits) =>
  w.removals.length > 0 || w.toModified.length > 0 || w.friction !== null || w.planEnd !== null;

/** The list of what waits, each with its time (the import preview and the delete confirmation). */
function WaitList({ waits, kind }: { waits: Waits; kind: 'import' | 'delete' }) {
  return (
    <ul>
      {waits.removals.map((r) => (
        <li key={`r-${r.profile.id}`}>
          {t('dataWaitRemoval', nameOf(r.profile), formatMoment(r.dueAt))}
        </li>
      ))}
      {waits.toModified.map((r) => (
        <li key={`m-${r.profile.id}`}>
          {t('importWaitModified', nameOf(r.profile), formatMoment(r.dueAt))}
        </li>
      ))}
      {waits.friction !== null && (
        <li>
          {kind === 'import'
            ? t('importWaitFriction', formatMoment(waits.friction))
            : t('deleteWaitFriction', formatMoment(waits.friction))}
        </li>
      )}
      {waits.planEnd !== null && <li>{t('importWaitPlanEnd', formatMoment(waits.planEnd))}</li>}
    </ul>
  );
}

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
  onRequestAccess,
  deleteWaits,
  onDeleteEverything,
}: {
  onExport: () => Promise<{ text: string; filename: string }>;
  /** Checks a file's text without changing anything. */
  onCheck: (text: string) => CheckResult | Promise<CheckResult>;
  /** Applies it; resolves to an error message, or null when done. */
  onImport: (text: string) => Promise<string | null>;
  /**
   * Asks the browser to let the extension reach these sites; resolves to whether it may.
   * Called straight from a click: the browser asks the person only for their own action.
   */
  onRequestAccess: (origins: string[]) => Promise<boolean>;
  /** What deleting everything would keep waiting (the listed profiles), asked when it is opened. */
  deleteWaits: () => Waits;
  onDeleteEverything: () => Promise<string | null>;
}) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [exportStatus, setExportStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [importStatus, setImportStatus] = useState<{ text: string; error: boolean } | null>(null);
  /** Sites an import listed that this browser still may not reach. */
  const [noAccess, setNoAccess] = useState<SiteAccess | null>(null);
  const [accessStatus, setAccessStatus] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [keeps, setKeeps] = useState<Waits | null>(null);
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
    setNoAccess(null);
    setAccessStatus(null);
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
    let r: CheckResult;
    try {
      r = await onCheck(text);
    } catch {
      setFileError(t('importUnreadable'));
      return;
    }
    if (!r.ok) setFileError(r.message);
    else setCandidate({ ...r, text });
  };

  /** Asks for the sites' access from the click itself, before anything waits. */
  const askAccess = (access: SiteAccess | null): Promise<boolean> =>
    access ? onRequestAccess(access.origins).catch(() => false) : Promise.resolve(true);

  const confirmImport = async () => {
    if (!candidate) return;
    const allowed = askAccess(candidate.access);
    setBusy(true);
    // The import goes ahead either way: the person confirmed it. Access refused only
    // leaves those sites listed but not blocked, which the page then says.
    const given = await allowed;
    const error = await onImport(candidate.text).catch(() => t('importFailed'));
    setBusy(false);
    if (error) {
      setImportStatus({ text: error, error: true });
      return;
    }
    setCandidate(null);
    if (fileInput.current) fileInput.current.value = '';
    setImportStatus({
      text: waitsAnything(candidate.waits) ? t('importDoneWaiting') : t('importDone'),
      error: false,
    });
    setNoAccess(given ? null : candidate.access);
  };

  const allowAccess = async () => {
    if (!noAccess) return;
    const given = await askAccess(noAccess);
    if (!given) return;
    setAccessStatus(t('importAccessGiven', noAccess.sites.join(', ')));
    setNoAccess(null);
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
      text: keeps?.removals.length ? t('deleteDoneWaiting') : t('deleteDone'),
      error: false,
    });
  };

  const p = candidate?.preview;
  const w = candidate?.waits;
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
            {w && waitsAnything(w) && (
              <div>
                <p>{t('importWaitIntro')}</p>
                <WaitList waits={w} kind="import" />
              </div>
            )}
            {candidate.access && (
              <p class="warning">{t('importAccessNeeded', candidate.access.sites.join(', '))}</p>
            )}
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
        {noAccess && (
          <div class="warning">
            <p>{t('importAccessMissing', noAccess.sites.join(', '))}</p>
            <button type="button" class="primary" onClick={() => void allowAccess()}>
              {t('importAllowAccess')}
            </button>
          </div>
        )}
        {accessStatus && <p role="status">{accessStatus}</p>}
      </section>

      <section aria-labelledby={`${id}-delete`}>
        <h2 id={`${id}-delete`}>{t('deleteTitle')}</h2>
        {!deleting ? (
          <button
            type="button"
            onClick={() => {
              setDeleting(true);
              setKeeps(deleteWaits());
              setDeleteStatus(null);
            }}
          >
            {t('deleteStart')}
          </button>
        ) : (
          <form onSubmit={confirmDelete} noValidate>
            <p>{t('deleteWarning')}</p>
            {keeps && keeps.removals.length > 0 && (
              <div>
                <p>{t('deleteWaitIntro')}</p>
                <WaitList waits={keeps} kind="delete" />
              </div>
            )}
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
