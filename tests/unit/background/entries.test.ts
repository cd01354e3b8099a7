import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { entriesHandlers } from '@/entrypoints/background/entries-handlers';
import { logHandlers } from '@/entrypoints/background/log-handlers';
import { listDrafts } from '@/lib/db/drafts';
import { allEvents } from '@/lib/db/event-store';
import { createDb } from '@/lib/db/schema';
import { listSigns } from '@/lib/db/signs';
import { sayAnswer } from '@/lib/i18n';
import { parseMessage, type Message, type MessageType, type Responses } from '@/lib/messaging';
import {
  COOLING_OFF_MS,
  defaultSettings,
  loadSettings,
  SETTINGS_KEY,
  type Settings,
} from '@/lib/settings';
import { addDays, localDate } from '@/lib/streak/calendar';
import { stubBrowser } from './stub-browser';

const NOW = Date.parse('2026-03-14T12:00:00Z');
const TODAY = localDate(NOW, 'UTC');
let n = 0;

async function setup(over: Partial<Settings> = {}) {
  const s = stubBrowser();
  await s.api.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), ...over } });
  const db = createDb(`entries-bg-${++n}-${crypto.randomUUID()}`);
  const handlers = {
    ...logHandlers(s.browser, () => db),
    ...entriesHandlers(
      s.browser,
      () => db,
      () => NOW,
      () => 'UTC',
    ),
  };
  /**
   * Sends a raw message through the same parser the background uses. An `error` in the
   * answer (Words) comes back said in English, as the page would show it.
   */
  const send = async <T extends MessageType>(raw: { type: T } & Record<string, unknown>) => {
    const m = parseMessage(raw);
    if (!m) return null;
    const h = handlers[m.type] as (m: Message, s: object) => Promise<unknown>;
    const r = (await h(m, {})) as Responses[T];
    if (typeof r !== 'object' || r === null || !('error' in r)) return r;
    return { ...r, error: sayAnswer(r.error, 'NOT WORDS') };
  };
  return { s, db, send };
}

const plan = (startDaysAgo: number, goalDays = 30) => ({
  startDate: addDays(TODAY, -startDaysAgo),
  goalDays,
  looksRestart: true,
  timeZone: 'UTC',
});

describe('the background writes the new entries', () => {
  it('logs "they reached out" and a reply as necessary contact; bad input writes nothing', async () => {
    const { db, send } = await setup({ plan: plan(5) });
    const r = await send({
      type: 'log-reached-out',
      source: 'popup',
      channel: 'message',
      gist: 'angry',
      note: '  Why are you ignoring me  ',
      dedupeKey: 'x1',
    });
    expect(r).toMatchObject({ ok: true });
    await send({
      type: 'log-necessary-contact',
      source: 'options',
      note: 'Brief.',
      dedupeKey: 'x2',
    });
    expect(
      await send({ type: 'log-reached-out', source: 'popup', channel: 'fax', dedupeKey: 'x3' }),
    ).toBeNull();
    expect(
      await send({ type: 'log-reached-out', source: 'web', channel: 'call', dedupeKey: 'x4' }),
    ).toBeNull();
    const events = await allEvents(db);
    expect(events.map((e) => e.kind)).toEqual(['they-reached-out', 'necessary-contact']);
    expect(events[0]).toMatchObject({
      channel: 'message',
      gist: 'angry',
      note: 'Why are you ignoring me',
    });
  });

  it('keeps and deletes drafts; refuses empty or oversized text in words', async () => {
    const { db, send } = await setup();
    expect(await send({ type: 'save-draft', id: 'd1', text: 'Hello.' })).toEqual({
      ok: true,
      id: 'd1',
    });
    expect(await send({ type: 'save-draft', id: 'd2', text: '   ' })).toEqual({
      ok: false,
      error: expect.stringMatching(/nothing written/),
    });
    expect(await send({ type: 'save-draft', id: 'd3', text: 'x'.repeat(10_001) })).toMatchObject({
      ok: false,
    });
    expect((await listDrafts(db)).map((d) => d.id)).toEqual(['d1']);
    expect(await send({ type: 'delete-draft', id: 'd1' })).toEqual({ ok: true });
    expect(await listDrafts(db)).toEqual([]);
  });

  it('ticks and unticks signs; a day still to come is refused', async () => {
    const { db, send } = await setup();
    expect(await send({ type: 'set-sign', sign: 'jealousy', noticedOn: TODAY })).toBeNull();
    expect(await send({ type: 'set-sign', sign: 'making-jealous', noticedOn: TODAY })).toEqual({
      ok: true,
    });
    expect(
      await send({ type: 'set-sign', sign: 'mixed-signals', noticedOn: addDays(TODAY, 3) }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/still to come/) });
    expect((await listSigns(db)).map((s) => s.sign)).toEqual(['making-jealous']);
    await send({ type: 'set-sign', sign: 'making-jealous', noticedOn: null });
    expect(await listSigns(db)).toEqual([]);
  });

  it('ends the plan at once on the goal day, logging why; keeps the profiles', async () => {
    const waiting = {
      id: 'w',
      change: { kind: 'end-plan' as const, reason: 'decided-to-stop' as const },
      requestedAt: NOW - 1000,
      dueAt: NOW - 1000 + COOLING_OFF_MS,
    };
    const { s, db, send } = await setup({ plan: plan(29, 30), pending: [waiting] });
    expect(await send({ type: 'end-plan-now', dedupeKey: 'e1' })).toEqual({ ok: true });
    const after = await loadSettings(s.api.storage.local);
    expect(after.plan).toBeNull();
    expect(after.pending).toEqual([]);
    expect((await allEvents(db)).map((e) => [e.kind, 'reason' in e && e.reason])).toEqual([
      ['plan-ended', 'goal-reached'],
    ]);
  });

  it('refuses to end at once before the goal day, changing nothing', async () => {
    const { s, db, send } = await setup({ plan: plan(10, 30) });
    expect(await send({ type: 'end-plan-now', dedupeKey: 'e1' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/waits 24 hours/),
    });
    expect((await loadSettings(s.api.storage.local)).plan).not.toBeNull();
    expect(await allEvents(db)).toEqual([]);
  });

  it('if the settings cannot be written, the plan runs on and its end is taken back', async () => {
    const { s, db, send } = await setup({ plan: plan(40, 30) });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const set = vi.spyOn(s.api.storage.local, 'set').mockRejectedValueOnce(new Error('quota'));
    expect(await send({ type: 'end-plan-now', dedupeKey: 'e1' })).toMatchObject({ ok: false });
    set.mockRestore();
    expect((await loadSettings(s.api.storage.local)).plan).not.toBeNull();
    const events = await allEvents(db);
    expect(events).toHaveLength(1);
    expect(events[0]!.undoneAt).toBeDefined();
  });
});
