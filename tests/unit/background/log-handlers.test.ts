import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { logHandlers } from '@/entrypoints/background/log-handlers';
import type { Message } from '@/lib/messaging';
import { allEvents } from '@/lib/db/event-store';
import { createDb } from '@/lib/db/schema';
import { defaultSettings, SETTINGS_KEY } from '@/lib/settings';
import { stubBrowser } from './stub-browser';

let n = 0;
async function setup() {
  const s = stubBrowser();
  await s.api.storage.local.set({
    [SETTINGS_KEY]: {
      ...defaultSettings(),
      plan: { startDate: '2026-11-01', goalDays: 30, looksRestart: true, timeZone: 'Asia/Tokyo' },
    },
  });
  const db = createDb(`log-handlers-test-${++n}`);
  const handlers = logHandlers(s.browser, () => db);
  const call = <T extends Message['type']>(msg: Message<T>) =>
    (handlers[msg.type] as (m: Message<T>, s: object) => Promise<unknown>)(msg, {});
  return { db, call, handlers };
}

describe('background log handlers', () => {
  it('logs urges and slips, and undoes a mis-tap', async () => {
    const { db, call } = await setup();
    await call({ type: 'log-urge', source: 'popup', dedupeKey: 'u1' });
    const slip = (await call({
      type: 'log-slip',
      source: 'popup',
      what: 'call',
      note: '  ',
      dedupeKey: 's1',
    })) as { eventId: string; restarted: boolean };
    expect(slip.restarted).toBe(true);
    expect(await call({ type: 'undo', eventId: slip.eventId })).toEqual({ ok: true });
    const events = await allEvents(db);
    expect(events.map((e) => e.kind).sort()).toEqual(['slip', 'urge-resisted']);
    const s = events.find((e) => e.kind === 'slip')!;
    expect(s.undoneAt).toBeTypeOf('number');
    expect('note' in s).toBe(false);
  });

  it("dates events in the plan's counting zone, once per dedupe key", async () => {
    const { db, call } = await setup();
    const msg = { type: 'log-urge', source: 'popup', dedupeKey: 'u1' } as const;
    await Promise.all([call(msg), call(msg)]);
    const events = await allEvents(db);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'urge-resisted', timeZone: 'Asia/Tokyo' });
  });

  it('leaves "Continue anyway" to its own handler', async () => {
    const { handlers } = await setup();
    expect(handlers.continue).toBeUndefined();
  });
});
