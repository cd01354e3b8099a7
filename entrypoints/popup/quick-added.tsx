import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { QuickAdded } from '@/components/popup/QuickAdded';
import {
  noteIsFresh,
  parseQuickAddNote,
  QUICK_ADD_KEY,
  type QuickAddNote,
} from '@/lib/quick-add-note';
import { words, type Words } from '@/lib/words';
import { ask } from './ask';

/**
 * The last "Add to No Contact" click, read once when the popup opens: shown while fresh,
 * with Undo through the background (which checks the window again with its own clock).
 */
export function QuickAddedHere() {
  const [note, setNote] = useState<QuickAddNote | null>(null);
  useEffect(() => {
    browser.storage.session
      .get(QUICK_ADD_KEY)
      .then((got) => {
        const found = parseQuickAddNote(got[QUICK_ADD_KEY]);
        if (noteIsFresh(found, Date.now())) setNote(found);
      })
      .catch((e: unknown) => console.error(e));
  }, []);
  if (!note) return null;
  const undo = async (): Promise<Words | null> => {
    if (note.kind !== 'added') return null;
    const r = await ask('quick-add-undo', { profileId: note.profileId }).catch(() => null);
    if (!r) return words('saveFailedRetry');
    return r.ok ? null : r.error;
  };
  return <QuickAdded note={note} onUndo={undo} />;
}
