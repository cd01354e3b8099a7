import { describe, expect, it } from 'vitest';
import {
  ALLOW_RULE_IDS,
  COVER_RULE_IDS,
  inRange,
  PROFILE_RULE_IDS,
  RULE_ID_RANGES,
  type RuleIdRange,
} from '@/lib/rules/ids';

describe('rule ID ranges', () => {
  const ranges = Object.entries(RULE_ID_RANGES);

  it('lists every range the extension uses', () => {
    expect(Object.values(RULE_ID_RANGES)).toEqual(
      expect.arrayContaining<RuleIdRange>([PROFILE_RULE_IDS, ALLOW_RULE_IDS, COVER_RULE_IDS]),
    );
  });

  it('are whole, positive and not empty', () => {
    for (const [name, r] of ranges) {
      expect(Number.isInteger(r.first) && Number.isInteger(r.last), name).toBe(true);
      expect(r.first, name).toBeGreaterThan(0);
      expect(r.last, name).toBeGreaterThanOrEqual(r.first);
    }
  });

  it('do not overlap', () => {
    for (const [i, [a, x]] of ranges.entries()) {
      for (const [b, y] of ranges.slice(i + 1)) {
        expect(x.last < y.first || y.last < x.first, `${a} and ${b}`).toBe(true);
      }
    }
  });

  it('inRange includes both ends and nothing outside', () => {
    expect(inRange(ALLOW_RULE_IDS, ALLOW_RULE_IDS.first)).toBe(true);
    expect(inRange(ALLOW_RULE_IDS, ALLOW_RULE_IDS.last)).toBe(true);
    expect(inRange(ALLOW_RULE_IDS, ALLOW_RULE_IDS.first - 1)).toBe(false);
    expect(inRange(ALLOW_RULE_IDS, ALLOW_RULE_IDS.last + 1)).toBe(false);
    expect(inRange(PROFILE_RULE_IDS, ALLOW_RULE_IDS.first)).toBe(false);
  });
});
