import { readFileSync } from 'node:fs';
import { checkBackup, type CheckedBackup } from '@/lib/backup';
import { allEvents } from '@/lib/db/event-store';
import { say } from '@/lib/i18n';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import { MemoryArea } from '../fixtures/memory-area';

/** The test clock: shortly after the fixture backup was made. */
export const NOW = Date.parse('2026-03-14T12:00:00Z');

export const fixtureText = (): string =>
  readFileSync(new URL('../fixtures/backup-v1.json', import.meta.url), 'utf8');

export const fixtureObject = (): Record<string, unknown> =>
  JSON.parse(fixtureText()) as Record<string, unknown>;

/**
 * A backup's text checked as the product checks it (the options page for the preview, the
 * background again before applyBackup); a refusal fails the test with its words.
 */
export function checked(text: string, now = NOW): CheckedBackup {
  const result = checkBackup(text, now);
  if (!result.ok) throw new Error(say(result.problem.words));
  return result.backup;
}

const opened: NoContactDb[] = [];

export function freshDb(): NoContactDb {
  const db = createDb(`nc-backup-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

export async function closeAll(): Promise<void> {
  for (const db of opened.splice(0)) await db.delete();
}

/** Everything a test could see change: every stored event row and every storage key. */
export async function snapshot(db: NoContactDb, area: MemoryArea) {
  return {
    rows: await db.events.orderBy('id').toArray(),
    events: await allEvents(db),
    counters: await db.counters.orderBy('kind').toArray(),
    drafts: await db.drafts.orderBy('id').toArray(),
    signs: await db.signs.orderBy('sign').toArray(),
    area: area.snapshot(),
  };
}
