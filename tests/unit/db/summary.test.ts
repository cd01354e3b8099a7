import 'fake-indexeddb/auto';
import fc from 'fast-check';
import type { DBCore, DBCoreTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { addEvent, insertEvents, undoEvent } from '@/lib/db/event-store';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import { loadSummary } from '@/lib/db/summary';
import type { Plan } from '@/lib/settings';
import { localDate } from '@/lib/streak/calendar';
import type { LogEvent } from '@/lib/streak/log-event';
import { computeStats } from '@/lib/streak/stats';
import { at, planStarted, slip, urge } from '../fixtures/events';

const BERLIN = 'Europe/Berlin';
const opened: NoContactDb[] = [];
const freshDb = () => {
  const db = createDb(`nc-summary-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function withoutPerDay(s: ReturnType<typeof computeStats>) {
  const { perDay: _perDay, ...rest } = s;
  return rest;
}

describe('loadSummary', () => {
  it('gives what computeStats gives for the same log', async () => {
    const db = freshDb();
    const events: LogEvent[] = [
      planStarted('2024-05-01T08:00:00+02:00', BERLIN, '2024-05-01'),
      urge('2024-05-02T08:00:00+02:00', BERLIN),
      slip('2024-05-04T21:00:00+02:00', BERLIN),
      slip('2024-05-05T21:00:00+02:00', BERLIN, { restarted: false }),
      urge('2024-05-08T08:00:00+02:00', BERLIN),
      urge('2024-05-08T09:00:00+02:00', BERLIN),
    ];
    await insertEvents(db, events);
    const plan: Plan = { startDate: '2024-05-01', goalDays: 30, looksRestart: true };
    const input = { plan, now: at('2024-05-08T12:00:00+02:00'), timeZone: BERLIN };
    const summary = await loadSummary(db, input);
    expect(summary).toEqual(withoutPerDay(computeStats({ ...input, events })));
    expect(summary.status).toMatchObject({ kind: 'running', day: 5 });
    expect(summary.todayCounts.urgesResisted).toBe(2);
  });

  it('an undone restarting slip no longer splits the streak', async () => {
    const db = freshDb();
    const plan: Plan = { startDate: '2024-05-01', goalDays: 30, looksRestart: true };
    const s = await addEvent(db, {
      kind: 'slip',
      what: 'call',
      restarted: true,
      time: at('2024-05-08T10:00:00+02:00'),
      timeZone: BERLIN,
      source: 'popup',
    });
    const input = { plan, now: s.time + 2000, timeZone: BERLIN };
    expect((await loadSummary(db, input)).status).toMatchObject({ day: 1 });
    await undoEvent(db, s.id, s.time + 3000);
    const after = await loadSummary(db, input);
    expect(after.status).toMatchObject({ day: 8 });
    expect(after.totals.slips).toBe(0);
  });

  it('reads only the few events that bound streaks, not the whole log', async () => {
    const db = freshDb();
    let rowsRead = 0;
    let cursors: string[] = [];
    db.use({
      stack: 'dbcore',
      name: 'count-reads',
      create(down: DBCore): DBCore {
        return {
          ...down,
          table(name: string): DBCoreTable {
            const t = down.table(name);
            return {
              ...t,
              async query(req) {
                const res = await t.query(req);
                rowsRead += res.result.length;
                return res;
              },
              openCursor(req) {
                cursors.push(`${req.query.index.name}${req.reverse ? ' reverse' : ''}`);
                return t.openCursor(req);
              },
            };
          },
        };
      },
    });
    const start = at('2024-01-01T12:00:00+01:00');
    const rows: LogEvent[] = [];
    for (let i = 0; i < 600; i++) {
      const time = start + i * 3_600_000 * 7;
      rows.push({
        id: `u${i}`,
        kind: 'urge-resisted',
        time,
        localDate: localDate(time, BERLIN),
        timeZone: BERLIN,
        source: 'interstitial',
      });
    }
    rows.push(slip('2024-01-20T10:00:00+01:00', BERLIN), slip('2024-02-20T10:00:00+01:00', BERLIN));
    await insertEvents(db, rows);
    rowsRead = 0;
    cursors = [];
    const s = await loadSummary(db, {
      plan: { startDate: '2024-01-01', goalDays: 30, looksRestart: true },
      now: at('2024-06-01T12:00:00+02:00'),
      timeZone: BERLIN,
    });
    expect(s.totals.urgesResisted).toBe(600);
    expect(s.streaks).toHaveLength(3);
    // The two restarting slips, the three totals and the total of urges to write; the
    // newest date is one step of a reverse cursor.
    expect(rowsRead).toBe(6);
    expect(cursors).toEqual(['localDate reverse']);
  });

  it('agrees with computeStats on random logs', async () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Tokyo'];
    const t0 = Date.UTC(2024, 0, 1);
    const ev = fc
      .record({
        kind: fc.constantFrom(
          'urge-resisted',
          'slip',
          'necessary-contact',
          'plan-started',
          'plan-ended',
        ),
        time: fc.integer({ min: t0, max: t0 + 120 * 86_400_000 }),
        tz: fc.constantFrom(...zones),
        restarted: fc.boolean(),
        undone: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
        offset: fc.integer({ min: -5, max: 5 }),
      })
      .map(({ kind, time, tz, restarted, undone, offset }) => ({
        kind,
        time,
        tz,
        restarted,
        undone,
        offset,
      }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(ev, { maxLength: 30 }),
        fc.option(fc.integer({ min: -10, max: 130 })),
        fc.integer({ min: t0, max: t0 + 140 * 86_400_000 }),
        fc.constantFrom(...zones),
        async (specs, startOffset, now, timeZone) => {
          const events: LogEvent[] = specs.map((s, i) => {
            const base = {
              id: `r${i}`,
              time: s.time,
              localDate: localDate(s.time, s.tz),
              timeZone: s.tz,
              source: 'popup' as const,
              ...(s.undone ? { undoneAt: s.time + 500 } : {}),
            };
            switch (s.kind) {
              case 'slip':
                return { ...base, kind: 'slip', what: 'other', restarted: s.restarted };
              case 'plan-started':
                return {
                  ...base,
                  kind: 'plan-started',
                  startDate: new Date(s.time + s.offset * 86_400_000).toISOString().slice(0, 10),
                  goalDays: 30,
                };
              case 'plan-ended':
                return { ...base, kind: 'plan-ended', reason: 'other' };
              default:
                return { ...base, kind: s.kind };
            }
          });
          const plan: Plan | null =
            startOffset === null
              ? null
              : {
                  startDate: new Date(t0 + startOffset * 86_400_000).toISOString().slice(0, 10),
                  goalDays: 45,
                  looksRestart: true,
                };
          const db = freshDb();
          await insertEvents(db, events);
          const fromDb = await loadSummary(db, { plan, now, timeZone });
          expect(fromDb).toEqual(withoutPerDay(computeStats({ plan, events, now, timeZone })));
        },
      ),
      { numRuns: 40 },
    );
  });
});
