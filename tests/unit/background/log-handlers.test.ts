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

describe('"I sent it": the stage set before day 1', () => {
  async function withPlan(plan: unknown) {
    const t = await setup();
    const s = stubBrowser();
    await s.api.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), plan } });
    const handlers = logHandlers(s.browser, () => t.db);
    const call = (dedupeKey: string) =>
      (handlers['log-stage-set'] as (m: Message<'log-stage-set'>, s: object) => Promise<unknown>)(
        { type: 'log-stage-set', dedupeKey },
        {},
      );
    return { db: t.db, call };
  }
  const ahead = (days: number) =>
    new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it('logs it once, as neither a slip nor a count, while day 1 is ahead', async () => {
    const { db, call } = await withPlan({ startDate: ahead(5), goalDays: 30, looksRestart: true });
    const first = (await call('k1')) as { ok: boolean; eventId: string };
    expect(first.ok).toBe(true);
    // The same press sent twice is one event.
    expect(await call('k1')).toEqual(first);
    expect(await call('k2')).toEqual({ ok: false, error: { key: 'stageAlreadySet' } });
    const events = await allEvents(db);
    expect(events.map((e) => e.kind)).toEqual(['stage-set']);
    expect(events[0]).toMatchObject({ source: 'options', dedupeKey: 'k1' });
  });

  it('is refused once the count has started, and nothing is written', async () => {
    const { db, call } = await withPlan({ startDate: ahead(-3), goalDays: 30, looksRestart: true });
    expect(await call('k1')).toEqual({ ok: false, error: { key: 'stageAfterStart' } });
    expect(await allEvents(db)).toEqual([]);
  });

  it('is allowed with no plan yet (the first run asks before the plan)', async () => {
    const { db, call } = await withPlan(null);
    expect(await call('k1')).toMatchObject({ ok: true });
    expect((await allEvents(db)).map((e) => e.kind)).toEqual(['stage-set']);
  });
});
