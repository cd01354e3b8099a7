import type { NoContactDb } from '@/lib/db/schema';

let opening: Promise<NoContactDb> | null = null;

/**
 * The page's one connection to the event log, for every hook and action of the page. Pages
 * only read it (every write goes through the background). When another context upgrades
 * the database, this page runs old code: it reloads rather than keep reading with an
 * outdated schema.
 *
 * The database code (Dexie) is imported here only when the connection is first asked for,
 * not with the page: the blocked page paints its words and its way back without waiting
 * for it.
 */
export function pageDb(): Promise<NoContactDb> {
  if (!opening) {
    opening = Promise.all([import('@/lib/db/schema'), copyArrived()]).then(
      ([{ createDb, DB_NAME }]) => createDb(DB_NAME, { onStale: () => location.reload() }),
    );
    // A failed load (a chunk that did not arrive) is tried again on the next read.
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

/** How long a page in an incognito window waits for its copy of the log. */
const COPY_WAIT_MS = 3000;

/**
 * In Chrome's incognito windows the page reads a copy of the log that the incognito
 * background keeps (lib/split): it waits for the copy to arrive, so that it never shows
 * the numbers of an empty log. Elsewhere nothing waits.
 */
async function copyArrived(): Promise<void> {
  const ext = (globalThis as { chrome?: { extension?: { inIncognitoContext?: boolean } } }).chrome
    ?.extension;
  if (ext?.inIncognitoContext !== true) return;
  const { waitForReplica } = await import('@/lib/split');
  await waitForReplica(indexedDB, COPY_WAIT_MS).catch(() => false);
}
