import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';

const APOLOGY_GUIDE: readonly MessageKey[] = [
  'stageApologyGuide1',
  'stageApologyGuide2',
  'stageApologyGuide3',
  'stageApologyGuide4',
];

/**
 * Setting the stage before day 1 (optional; most people skip it): the taper, and the one
 * short apology, written in the drafts box (`drafts`) and sent by the person outside the
 * extension. "I sent it" logs it as the stage set, never as a slip; it is offered only
 * while `open` (before day 1) and until it is logged.
 */
export function StageSetting({
  open,
  stageSet,
  intro = true,
  drafts,
  onSent,
}: {
  open: boolean;
  stageSet: boolean;
  /** The intro paragraph; left out where the page already said why. */
  intro?: boolean;
  /** The drafts box to write the message in. */
  drafts: ComponentChildren;
  /** Logs the message as sent; resolves to the words to show, rejects with a message. */
  onSent: () => Promise<string>;
}) {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const sent = async () => {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ text: await onSent(), error: false });
    } catch (e) {
      setStatus({ text: e instanceof Error ? e.message : t('stageLogFailed'), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="stage">
      {intro && <p>{t('stageIntro')}</p>}
      <h3>{t('stageTaperTitle')}</h3>
      <p>{t('stageTaperText')}</p>
      <h3>{t('stageApologyTitle')}</h3>
      <ul>
        {APOLOGY_GUIDE.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      {drafts}
      {stageSet ? (
        <p class="done">{t('stageSetDone')}</p>
      ) : (
        open && (
          <button type="button" disabled={busy} onClick={() => void sent()}>
            {t('stageSent')}
          </button>
        )
      )}
      <p class={status?.error ? 'error' : undefined} role="status">
        {status && !(stageSet && !status.error) ? status.text : ''}
      </p>
    </div>
  );
}
