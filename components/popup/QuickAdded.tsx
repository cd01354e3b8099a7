import { useState } from 'preact/hooks';
import { say, t } from '@/lib/i18n';
import type { QuickAddNote } from '@/lib/quick-add-note';
import type { Words } from '@/lib/words';

interface Props {
  /** The last "Add to No Contact" click, while it is fresh (see noteIsFresh). */
  note: QuickAddNote;
  /** Takes the added entry back: null once done, or the words saying why it could not be. */
  onUndo: () => Promise<Words | null>;
}

type UndoState =
  { kind: 'open' } | { kind: 'busy' } | { kind: 'undone' } | { kind: 'failed'; why: Words };

/**
 * The popup's note about the last link added from the right-click menu: what was added,
 * with Undo for a click made by mistake, or why the link was not added.
 */
export function QuickAdded({ note, onUndo }: Props) {
  const [state, setState] = useState<UndoState>({ kind: 'open' });

  const undo = async () => {
    setState({ kind: 'busy' });
    const why = await onUndo();
    setState(why ? { kind: 'failed', why } : { kind: 'undone' });
  };

  let body;
  if (note.kind === 'refused') {
    body = (
      <>
        <p>{t('quickAddRefused')}</p>
        <p class="muted">{say(note.why)}</p>
      </>
    );
  } else if (state.kind === 'undone') {
    body = <p>{t('quickAddUndone')}</p>;
  } else {
    body = (
      <>
        <p>{t('quickAddAdded', say(note.name))}</p>
        {state.kind === 'failed' ? (
          <p class="muted">{say(state.why)}</p>
        ) : (
          <p class="undo-row">
            <button
              type="button"
              class="quiet"
              disabled={state.kind === 'busy'}
              onClick={() => void undo()}
            >
              {t('undoButton')}
            </button>{' '}
            <span class="muted small">{t('quickAddUndoHint')}</span>
          </p>
        )}
      </>
    );
  }
  return (
    <aside aria-label={t('quickAddBannerLabel')} style={{ padding: '0.5rem 1rem 0' }}>
      <div class="notice" role="status">
        {body}
      </div>
    </aside>
  );
}
