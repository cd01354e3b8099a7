import { readFileSync } from 'node:fs';
import { allEvents } from '@/lib/db/events';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import { MemoryArea } from '../fixtures/memory-area';

/** The test clock: shortly after the fixture backup was made. */
export const NOW = Date.parse('2026-03-14T12:00:00Z');

export const fixtureText = (): string =>
  readFileSync(new URL('../fixtures/backup-v1.json', import.meta.url), 'utf8');

export const fixtureObject = (): Record<string, unknown> =>
  JSON.parse(fixtureText()) as Record<string, unknown>;

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
