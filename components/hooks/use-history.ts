import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { allEvents } from '@/lib/db/events';
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

/** For the export: the same connection as the history. */
export function historyDb(): NoContactDb {
  return db();
}
