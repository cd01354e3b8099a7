import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Draft } from '@/lib/drafts';
import { listDrafts } from '@/lib/db/drafts';
import { allEvents } from '@/lib/db/events';
import { listSigns } from '@/lib/db/signs';
import type { SignNoticed } from '@/lib/signs';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import type { LogEvent } from '@/lib/streak/events';

let shared: NoContactDb | null = null;

/** One connection per page; a newer version elsewhere (an update) reloads the page. */
function db(): NoContactDb {
  return (shared ??= createDb(undefined, { onStale: () => location.reload() }));
}

/**
 * Every stored event (undone ones included; the stats leave them out), kept live: Dexie
 * tells this page when the background writes, in this tab or another. Read only; every
 * write goes through the background. Null until first read.
 */
export function useHistory(): { events: LogEvent[] | null; error: boolean } {
  const [events, setEvents] = useState<LogEvent[] | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    const sub = liveQuery(() => allEvents(db())).subscribe({
      next: (e) => {
        setEvents(e);
        setError(false);
      },
      error: (e: unknown) => {
        console.error('No Contact: history could not be read', e);
        setError(true);
      },
    });
    return () => sub.unsubscribe();
  }, []);
  return { events, error };
}

/** A live read of one of the page's stores; null until first read. */
function useLive<T>(read: (db: NoContactDb) => Promise<T>, what: string) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    const sub = liveQuery(() => read(db())).subscribe({
      next: (v) => {
        setValue(v);
        setError(false);
      },
      error: (e: unknown) => {
        console.error(`No Contact: ${what} could not be read`, e);
        setError(true);
      },
    });
    return () => sub.unsubscribe();
  }, []);
  return { value, error };
}

/** The drafts box, newest first, kept live. Read only; writes go through the background. */
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

/** For the export: the same connection as the history. */
export function historyDb(): NoContactDb {
  return db();
}
