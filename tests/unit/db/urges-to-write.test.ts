import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addEvent,
  insertEvents,
  recount,
  totals,
  undoEvent,
  urgesToWrite,
} from '@/lib/db/event-store';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import { loadSummary } from '@/lib/db/summary';
import type { LogEvent } from '@/lib/streak/log-event';
import { computeStats } from '@/lib/streak/stats';
import { at, urge } from '../fixtures/events';

const TZ = 'UTC';
const opened: NoContactDb[] = [];
const freshDb = () => {
  const db = createDb(`nc-write-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const at_ = (profileId: string | undefined, iso: string): LogEvent => ({
  ...urge(iso, TZ),
  ...(profileId && { profileId }),
});

describe('urges to write, counted apart from urges to look', () => {
  it('an urge at a listed conversation counts as one to write; at a profile or the popup, to look', async () => {
    const db = freshDb();
    const base = { kind: 'urge-resisted', timeZone: TZ, source: 'interstitial' } as const;
    await addEvent(db, {
      ...base,
      time: at('2026-03-01T08:00:00Z'),
      profileId: 'messenger:co.parent',
    });
    await addEvent(db, {
      ...base,
      time: at('2026-03-01T09:00:00Z'),
      profileId: 'whatsapp:447700900123',
    });
    await addEvent(db, { ...base, time: at('2026-03-01T10:00:00Z'), profileId: 'instagram:jamie' });
    const popup = await addEvent(db, {
      ...base,
      source: 'popup',
      time: at('2026-03-01T11:00:00Z'),
    });
    expect(await urgesToWrite(db)).toBe(2);
    expect((await totals(db))['urge-resisted']).toBe(4);
    // An undone one counts for nothing, a write as much as a look.
    const write = await addEvent(db, {
      ...base,
      time: Date.now(),
      profileId: 'discord:123456789012345678',
    });
    expect(await urgesToWrite(db)).toBe(3);
    expect(await undoEvent(db, write.id, Date.now())).toMatchObject({ ok: true });
    expect(await undoEvent(db, popup.id, popup.time + 1)).toMatchObject({ ok: true });
    expect(await urgesToWrite(db)).toBe(2);
    // The popup reads it from the totals, and it agrees with the whole log.
    const summary = await loadSummary(db, { plan: null, now: Date.now(), timeZone: TZ });
    expect(summary.urgesToWrite).toBe(2);
  });

  it('imports keep the total, a recount finds the same, and computeStats agrees', async () => {
    const db = freshDb();
    const events = [
      at_('x-messages:1-2', '2026-03-02T08:00:00Z'),
      at_('instagram-direct:340282366920938463463374607431768211456', '2026-03-02T09:00:00Z'),
      at_('instagram:jamie', '2026-03-02T10:00:00Z'),
      at_(undefined, '2026-03-02T11:00:00Z'),
    ];
    await insertEvents(db, events);
    expect(await urgesToWrite(db)).toBe(2);
    await db.counters.clear();
    await recount(db);
    expect(await urgesToWrite(db)).toBe(2);
    const stats = computeStats({
      plan: null,
      events,
      now: at('2026-03-03T00:00:00Z'),
      timeZone: TZ,
    });
    expect(stats.urgesToWrite).toBe(2);
    expect(stats.totals.urgesResisted).toBe(4);
  });
});
