import { describe, expect, it } from 'vitest';
import {
  checkAllowMinutes,
  checkDeleteWord,
  checkGoal,
  checkIfThen,
  checkPause,
  checkReason,
  checkStartDate,
  type Checked,
} from '@/components/options/validate';

import { IF_THEN_MAX, IF_THEN_PART_MAX_CHARS, REASON_MAX_CHARS, REASONS_MAX } from '@/lib/limits';

const TODAY = '2026-03-14';
const message = <T>(c: Checked<T>) => (c.ok ? null : c.message);

describe('field checks', () => {
  it('start date: today or earlier, a real date, from 2000', () => {
    expect(checkStartDate(TODAY, TODAY)).toEqual({ ok: true, value: TODAY });
    expect(checkStartDate(' 2026-03-01 ', TODAY)).toEqual({ ok: true, value: '2026-03-01' });
    expect(message(checkStartDate('2026-02-30', TODAY))).toContain('That is not a date');
    expect(message(checkStartDate('14/03/2026', TODAY))).toContain('That is not a date');
    // A later start is allowed (nothing counts until then), up to a year ahead.
    expect(checkStartDate('2026-03-17', TODAY)).toEqual({ ok: true, value: '2026-03-17' });
    expect(message(checkStartDate('2027-03-16', TODAY))).toContain('more than 366 days ahead');
    expect(message(checkStartDate('1999-12-31', TODAY))).toContain('2000 or later');
    expect(message(checkStartDate('', TODAY))).toContain('Enter the day');
    // What a browser reports for half a date typed into a date field.
    expect(message(checkStartDate({ value: '', badInput: true }, TODAY))).toContain(
      'not a whole date',
    );
  });

  it('numbers: whole, in range, and a clear word for letters the browser could not read', () => {
    expect(checkGoal('30')).toEqual({ ok: true, value: 30 });
    expect(checkGoal(' 3650 ')).toEqual({ ok: true, value: 3650 });
    expect(message(checkGoal('3651'))).toContain('from 1 to 3650');
    expect(message(checkGoal('ten'))).toContain('without decimals or letters');
    expect(message(checkGoal('1e3'))).toContain('without decimals or letters');
    expect(message(checkGoal({ value: '', badInput: true }))).toContain(
      'without decimals or letters',
    );
    expect(checkPause('0')).toEqual({ ok: true, value: 0 });
    expect(message(checkPause('60.5'))).toContain('without decimals');
    expect(message(checkAllowMinutes('0'))).toContain('from 1 to 60');
    expect(checkAllowMinutes('60')).toEqual({ ok: true, value: 60 });
  });

  it('reasons: tidied, not empty, not too long, not repeated', () => {
    expect(checkReason('  a   b ', [])).toEqual({ ok: true, value: 'a b' });
    expect(message(checkReason('A B', ['a b']))).toContain('already on your list');
    // Editing a reason into itself is not a repeat.
    expect(checkReason('A B', ['a b'], 0)).toEqual({ ok: true, value: 'A B' });
    expect(message(checkReason('x'.repeat(301), []))).toContain('under 300');
  });

  it('takes its limits from lib/limits: exactly the limit is accepted, one more is not', () => {
    expect(checkReason('x'.repeat(REASON_MAX_CHARS), []).ok).toBe(true);
    expect(checkReason('x'.repeat(REASON_MAX_CHARS + 1), []).ok).toBe(false);
    const reasons = Array.from({ length: REASONS_MAX }, (_, i) => `reason ${i}`);
    expect(checkReason('one more', reasons.slice(1)).ok).toBe(true);
    expect(message(checkReason('one more', reasons))).toContain(String(REASONS_MAX));
    const part = 'y'.repeat(IF_THEN_PART_MAX_CHARS);
    expect(checkIfThen(part, part, []).ok).toBe(true);
    expect(checkIfThen(`${part}y`, part, [])).toMatchObject({ ok: false, field: 'when' });
    expect(checkIfThen(part, `${part}y`, [])).toMatchObject({ ok: false, field: 'then' });
  });

  it('deleting needs the word, in any case', () => {
    expect(checkDeleteWord(' Delete ').ok).toBe(true);
    expect(checkDeleteWord('yes').ok).toBe(false);
  });
});

describe('checkIfThen with a full list', () => {
  const full = Array.from({ length: IF_THEN_MAX }, (_, i) => ({ when: `urge ${i}`, then: 'walk' }));
  it('refuses one more plan, but lets any of them be changed', () => {
    expect(checkIfThen('new urge', 'breathe', full)).toMatchObject({ ok: false, field: 'form' });
    expect(checkIfThen('new urge', 'breathe', full, 3)).toEqual({
      ok: true,
      value: { when: 'new urge', then: 'breathe' },
    });
    // Changed into a copy of another plan: still refused.
    expect(checkIfThen('urge 4', 'walk', full, 3)).toMatchObject({ ok: false, field: 'form' });
  });
});
