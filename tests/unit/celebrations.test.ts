import { describe, expect, it } from 'vitest';
import { celebrationFor, parseCelebrated, withCelebrated } from '@/lib/celebrations';
import { MILESTONES } from '@/lib/streak/milestones';
import { PLAN, quietSummary, summaryFixture } from './popup/summary-fixture';

const onDay = (day: number, goalDays = 30) =>
  quietSummary({ ...PLAN, goalDays }, `2024-05-${String(day).padStart(2, '0')}T12:00:00+02:00`);

describe('celebrations', () => {
  it('celebrates each milestone on its day, once per streak', () => {
    for (const day of MILESTONES) {
      const c = celebrationFor(onDay(day), []);
      expect(c).toMatchObject({ key: `2024-05-01:${day}`, day });
      expect(celebrationFor(onDay(day), [c!.key])).toBeNull();
    }
    // Day 3 of another streak (after a restart) is a milestone of its own.
    expect(celebrationFor(summaryFixture(), ['2024-05-01:3'])).toMatchObject({
      key: '2024-05-06:3',
    });
  });

  it('does not celebrate days that are not milestones, or without a running plan', () => {
    expect(celebrationFor(onDay(5), [])).toBeNull();
    expect(celebrationFor(quietSummary(null, '2024-05-05T12:00:00+02:00'), [])).toBeNull();
    expect(celebrationFor(quietSummary(PLAN, '2024-04-20T12:00:00+02:00'), [])).toBeNull();
    expect(celebrationFor(null, [])).toBeNull();
  });

  it("celebrates the person's own goal in its own words", () => {
    const c = celebrationFor(onDay(10, 10), []);
    expect(c?.text).toContain('you reached the goal you set');
  });

  it('makes no claims about brains or winning anyone back', () => {
    const words = [...MILESTONES, 10]
      .map((d) => celebrationFor(onDay(d, 10), [])?.text ?? '')
      .join(' ')
      .toLowerCase();
    for (const w of ['brain', 'dopamine', 'back together', 'win', 'miss you']) {
      expect(words).not.toContain(w);
    }
  });

  it('remembers keys once, newest last, and reads only strings back', () => {
    expect(withCelebrated(['a', 'b'], 'a')).toEqual(['b', 'a']);
    const many = Array.from({ length: 250 }, (_, i) => `k${i}`);
    const kept = withCelebrated(many, 'new');
    expect(kept).toHaveLength(200);
    expect(kept.at(-1)).toBe('new');
    expect(parseCelebrated(['a', 1, null, 'b'])).toEqual(['a', 'b']);
    expect(parseCelebrated('a')).toEqual([]);
  });
});
