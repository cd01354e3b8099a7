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

  it('dates a slip or their contact at the time given, and refuses one before the plan or ahead', async () => {
    const { db, call } = await setup();
    // 2 November 2026, 21:00 in Tokyo: the plan's second day.
    const earlier = Date.parse('2026-11-02T21:00:00+09:00');
    const ok = (await call({
      type: 'log-slip',
      source: 'popup',
      what: 'message',
      at: earlier,
      dedupeKey: 'b1',
    })) as { ok: boolean };
    expect(ok.ok).toBe(true);
    await call({
      type: 'log-reached-out',
      source: 'popup',
      channel: 'message',
      at: earlier,
      dedupeKey: 'b2',
    });
    const events = await allEvents(db);
    // Both at the same moment: the log's order between them is not defined, so sort by kind.
    const rows = events.map((e) => [e.kind, e.time, e.localDate]);
    rows.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(rows).toEqual([
      ['slip', earlier, '2026-11-02'],
      ['they-reached-out', earlier, '2026-11-02'],
    ]);

    const before = Date.parse('2026-10-31T23:59:00+09:00');
    const refused = await call({
      type: 'log-slip',
      source: 'popup',
      what: 'message',
      at: before,
      dedupeKey: 'b3',
    });
    expect(refused).toMatchObject({ ok: false, error: { key: 'whenBeforePlan' } });
    const ahead = await call({
      type: 'log-reached-out',
      source: 'popup',
      channel: 'call',
      at: Date.now() + 3_600_000,
      dedupeKey: 'b4',
    });
    expect(ahead).toMatchObject({ ok: false, error: { key: 'whenInFuture' } });
    expect(await allEvents(db)).toHaveLength(2);
  });

  it('logs necessary contact with what it was about', async () => {
    const { db, call } = await setup();
    await call({
      type: 'log-necessary-contact',
      source: 'popup',
      topic: 'children',
      dedupeKey: 'n1',
    });
    expect((await allEvents(db))[0]).toMatchObject({
      kind: 'necessary-contact',
      topic: 'children',
    });
  });
});
