import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { logHandlers } from '@/entrypoints/background/log-handlers';
import { summaryHandlers } from '@/entrypoints/background/summary';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import type { Message } from '@/lib/messaging';
import { defaultSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { addDays, localDate } from '@/lib/streak/calendar';
import { stubBrowser } from './stub-browser';

let n = 0;
async function setup(plan: Settings['plan'], openDb?: () => NoContactDb) {
  const s = stubBrowser();
  await s.api.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), plan } });
  const db = createDb(`summary-test-${++n}`);
  const open = openDb ?? (() => db);
  const summary = summaryHandlers(s.browser, open, () => 'UTC').summary!;
  const events = logHandlers(s.browser, open);
  const log = (msg: Message<'log-urge'>) =>
    (events['log-urge'] as (m: Message<'log-urge'>, s: object) => Promise<unknown>)(msg, {});
  const ask = () => summary({ type: 'summary' } as Message<'summary'>, {});
  return { ask, log };
}

const today = () => localDate(Date.now(), 'UTC');

describe('the background answers the popup with the summary', () => {
  it('gives the day and the totals of the log', async () => {
    const { ask, log } = await setup({
      startDate: addDays(today(), -11),
      goalDays: 30,
      looksRestart: true,
      timeZone: 'UTC',
    });
    await log({ type: 'log-urge', source: 'popup', dedupeKey: 'a' });
    await log({ type: 'log-urge', source: 'popup', dedupeKey: 'b' });
    const r = await ask();
    if (!r.ok) throw new Error('expected a summary');
    expect(r.summary.status).toMatchObject({ kind: 'running', day: 12, goalDays: 30 });
    expect(r.summary.totals.urgesResisted).toBe(2);
    expect(r.summary.todayCounts.urgesResisted).toBe(2);
    // It crosses a message boundary: nothing in it may be lost by JSON.
    expect(JSON.parse(JSON.stringify(r.summary))).toEqual(r.summary);
  });

  it('says there is no plan before setup', async () => {
    const { ask } = await setup(null);
    const r = await ask();
    expect(r).toMatchObject({ ok: true, summary: { status: { kind: 'no-plan' } } });
  });

  it('answers "not ok" when the log cannot be read, instead of wrong numbers', async () => {
    const { ask } = await setup({ startDate: today(), goalDays: 30, looksRestart: true }, () => {
      throw new Error('the database is gone');
    });
    expect(await ask()).toEqual({ ok: false });
  });
});
