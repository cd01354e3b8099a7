import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';

/** How long "Undo" is offered: the background accepts an undo this long after the entry. */
export const UNDO_SECONDS = 10;

interface Props {
  /** When the action was taken (epoch ms): the window runs from then. */
  since: number;
  onUndo: () => Promise<boolean>;
  children: ComponentChildren;
}

type UndoState = 'open' | 'busy' | 'undone' | 'failed' | 'closed';

/**
 * A message about what was just logged, with "Undo" for a mis-tap. The button goes away
 * when the window closes; the message stays.
 */
export function UndoNotice({ since, onUndo, children }: Props) {
  const [now, setNow] = useState(Date.now());
  const [state, setState] = useState<UndoState>('open');
  const left = Math.max(0, Math.ceil((since + UNDO_SECONDS * 1000 - now) / 1000));
  const open = left > 0 && (state === 'open' || state === 'busy');

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [open]);

  const undo = async () => {
    setState('busy');
    setState((await onUndo().catch(() => false)) ? 'undone' : 'failed');
  };

  if (state === 'undone')
    return (
      <p class="notice" role="status">
        {t('undoDone')}
      </p>
    );
  return (
    <div class="notice" role="status">
      <div>{children}</div>
      {open && (
        <p class="undo-row">
          <button
            type="button"
            class="quiet"
            disabled={state === 'busy'}
            onClick={() => void undo()}
          >
            {t('undoButton')}
          </button>{' '}
          <span class="muted small">{t('undoSecondsLeft', left)}</span>
        </p>
      )}
      {state === 'failed' && <p class="muted">{t('undoFailed')}</p>}
    </div>
  );
}
