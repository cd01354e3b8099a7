import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Draft } from '@/lib/drafts';
import { listDrafts } from '@/lib/db/drafts';
import { allEvents } from '@/lib/db/event-store';
import { listSigns } from '@/lib/db/signs';
import type { SignNoticed } from '@/lib/signs';
import type { NoContactDb } from '@/lib/db/schema';
import type { LogEvent } from '@/lib/streak/log-event';
import { pageDb } from './page-db';

/**
 * A live read of one of the page's stores, through the page's one connection: Dexie tells
 * this page when the background writes, in this tab or another. Read only; every write
 * goes through the background. Null until first read.
 */
function useLive<T>(read: (db: NoContactDb) => Promise<T>, what: string) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    let alive = true;
    let unsubscribe = () => {};
    const failed = (e: unknown) => {
      console.error(`No Contact: ${what} could not be read`, e);
      if (alive) setError(true);
    };
    pageDb()
      .then((db) => {
        if (!alive) return;
        // The connection is open before the query starts: a live query must await nothing
        // but Dexie, or it stops noticing changes.
        const sub = liveQuery(() => read(db)).subscribe({
          next: (v) => {
            setValue(v);
            setError(false);
          },
          error: failed,
        });
        unsubscribe = () => sub.unsubscribe();
      })
      .catch(failed);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  return { value, error };
}

/** Every stored event (undone ones included; the stats leave them out), kept live. */
export function useHistory(): { events: LogEvent[] | null; error: boolean } {
  const { value, error } = useLive(allEvents, 'history');
  return { events: value, error };
}

/** The drafts box, newest first, kept live. */
export function useDrafts(): { drafts: Draft[] | null; error: boolean } {
  const { value, error } = useLive(listDrafts, 'the drafts');
  return { drafts: value, error };
}

/**
 * The signs it is working that the person ticked, in the order noticed, kept live. The
 * popup's count is `signs.length`.
 */
export function useSigns(): { signs: SignNoticed[] | null; error: boolean } {
  const { value, error } = useLive(listSigns, 'the signs');
  return { signs: value, error };
}
