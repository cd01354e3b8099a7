import { describe, expect, it } from 'vitest';
import {
  beforeDayOne,
  currentStageSet,
  inTaper,
  stageSetProblem,
  taperStart,
  TAPER_DAYS,
} from '@/lib/stage';
import type { Plan } from '@/lib/settings';
import { dayStatus } from '@/lib/streak/day';
import type { LogEvent } from '@/lib/streak/log-event';

const plan = (startDate: string, extra: Partial<Plan> = {}): Plan => ({
  startDate,
  goalDays: 30,
  looksRestart: true,
  ...extra,
});

let n = 0;
const event = (kind: 'stage-set' | 'plan-ended' | 'urge-resisted', time: number, undone = false) =>
  ({
    id: `e${++n}`,
    kind,
    time,
    localDate: new Date(time).toISOString().slice(0, 10),
    timeZone: 'UTC',
    source: 'options',
    ...(kind === 'plan-ended' && { reason: 'decided-to-stop' }),
    ...(undone && { undoneAt: time + 1 }),
  }) as LogEvent;

describe('setting the stage before day 1', () => {
  it('is before day 1 with no plan or a start ahead; day 1 itself has begun', () => {
    expect(beforeDayOne(null, '2026-03-14')).toBe(true);
    expect(beforeDayOne(plan('2026-03-15'), '2026-03-14')).toBe(true);
    expect(beforeDayOne(plan('2026-03-14'), '2026-03-14')).toBe(false);
    expect(beforeDayOne(plan('2026-03-01'), '2026-03-14')).toBe(false);
  });

  it('a taper starts the count a week from today unless the chosen start is already ahead', () => {
    expect(TAPER_DAYS).toBe(7);
    expect(taperStart('2026-03-14', '2026-03-14')).toBe('2026-03-21');
    expect(taperStart('2026-03-02', '2026-03-14')).toBe('2026-03-21');
    expect(taperStart('2026-03-16', '2026-03-14')).toBe('2026-03-16');
    // Across a month end.
    expect(taperStart('2026-03-28', '2026-03-28')).toBe('2026-04-04');
  });

  it('the taper lasts until day 1, and only when chosen', () => {
    expect(inTaper(plan('2026-03-21', { taper: true }), '2026-03-14')).toBe(true);
    expect(inTaper(plan('2026-03-21', { taper: true }), '2026-03-20')).toBe(true);
    expect(inTaper(plan('2026-03-21', { taper: true }), '2026-03-21')).toBe(false);
    expect(inTaper(plan('2026-03-21'), '2026-03-14')).toBe(false);
    expect(inTaper(null, '2026-03-14')).toBe(false);
  });

  it('the day status says a taper is running; without one it is unchanged', () => {
    expect(dayStatus(plan('2026-03-21', { taper: true }), null, '2026-03-16')).toEqual({
      kind: 'not-started',
      startsInDays: 5,
      taper: true,
    });
    expect(dayStatus(plan('2026-03-21'), null, '2026-03-16')).toEqual({
      kind: 'not-started',
      startsInDays: 5,
    });
    expect(dayStatus(plan('2026-03-21', { taper: true }), null, '2026-03-21')).toMatchObject({
      kind: 'running',
      day: 1,
    });
  });

  it('the one message can be logged before day 1, once, and never after the count began', () => {
    expect(stageSetProblem(null, '2026-03-14', null)).toBeNull();
    expect(stageSetProblem(plan('2026-03-21'), '2026-03-14', null)).toBeNull();
    expect(stageSetProblem(plan('2026-03-14'), '2026-03-14', null)).toEqual({
      key: 'stageAfterStart',
    });
    expect(stageSetProblem(plan('2026-03-21'), '2026-03-14', '2026-03-13')).toEqual({
      key: 'stageAlreadySet',
    });
  });

  it('the stage set counts for the plan to come: undone ones and those before a plan ended do not', () => {
    const set = event('stage-set', 1000);
    expect(currentStageSet([event('urge-resisted', 500), set])).toBe(set);
    expect(currentStageSet([event('stage-set', 900, true)])).toBeNull();
    expect(currentStageSet([set, event('plan-ended', 2000)])).toBeNull();
    const later = event('stage-set', 3000);
    expect(currentStageSet([later, event('plan-ended', 2000), set])).toBe(later);
    expect(currentStageSet([])).toBeNull();
  });
});
