import 'fake-indexeddb/auto';
import { allEvents, insertEvents } from '../lib/db/event-store';
import { createDb } from '../lib/db/schema';
import { loadSummary } from '../lib/db/summary';
import type { Plan } from '../lib/settings';
import { localDate } from '../lib/streak/calendar';
import type { LogEvent } from '../lib/streak/log-event';
import { computeStats } from '../lib/streak/stats';
import { seededRandom } from './random';

export const EVENTS = 20_000;
export const YEARS = 5;
const RUNS = 15;
const TZ = 'Europe/Berlin';
const DAY = 86_400_000;

/**
 * Five years of heavy use: about eleven events a day, mostly urges resisted, some
 * necessary contacts and slips; a restart every couple of weeks, and a few plans.
 */
export function seedLog(start: number): LogEvent[] {
  const rand = seededRandom(20_000);
  const span = YEARS * 365 * DAY;
  const times = Array.from({ length: EVENTS }, () => start + Math.floor(rand() * span)).sort(
    (a, b) => a - b,
  );
  return times.map((time, i): LogEvent => {
    const base = {
      id: `bench-${i}`,
      time,
      localDate: localDate(time, TZ),
      timeZone: TZ,
      source: 'interstitial' as const,
    };
    const r = rand();
    if (i === 0) return { ...base, kind: 'plan-started', startDate: base.localDate, goalDays: 30 };
    if (r < 0.7) return { ...base, kind: 'urge-resisted' };
    if (r < 0.82) return { ...base, kind: 'necessary-contact', profileId: 'x:sam' };
    if (r < 0.8225)
      return { ...base, kind: 'plan-started', startDate: base.localDate, goalDays: 60 };
    const restarted = r > 0.993;
    return { ...base, kind: 'slip', what: restarted ? 'message' : 'looked-at-profile', restarted };
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timeIt(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/**
 * What the popup costs with a big log: day, streaks, today's and total counts, read from
 * the indexes (statsMs), against loading every event and computing from them (fullScanMs).
 */
export async function benchStats(): Promise<Record<string, number>> {
  const db = createDb(`no-contact-bench-${Date.now()}`);
  try {
    const start = Date.UTC(2021, 0, 1);
    const log = seedLog(start);
    const t = performance.now();
    await insertEvents(db, log);
    const seedMs = performance.now() - t;
    const now = start + YEARS * 365 * DAY;
    const plan: Plan = { startDate: log[0]!.localDate, goalDays: 30, looksRestart: true };
    const input = { plan, now, timeZone: TZ };

    const summary = await loadSummary(db, input);
    const statsMs = await timeIt(RUNS, () => loadSummary(db, input));
    const fullScanMs = await timeIt(5, async () =>
      computeStats({ ...input, events: await allEvents(db) }),
    );
    return {
      events: await db.events.count(),
      boundaries: await db.events.where('boundary').equals(1).count(),
      streaks: summary.streaks.length,
      seedMs: Math.round(seedMs),
      statsMs: Math.round(statsMs * 100) / 100,
      fullScanMs: Math.round(fullScanMs * 100) / 100,
    };
  } finally {
    await db.delete();
  }
}
