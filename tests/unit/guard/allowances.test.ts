import { describe, expect, it } from 'vitest';
import {
  ALLOWANCE_ENDED,
  allowanceEnded,
  allowedInTab,
  isAllowanceEnded,
  parseAllowances,
  parseStoredAllowances,
  profilesWithAllowance,
} from '@/lib/guard/allowances';

const now = 1_000_000;
const a = { profileId: 'instagram:jamie.doe', tabId: 7, until: now + 60_000, ruleIds: [20000] };
const stored = [
  a,
  { ...a, until: now - 1 },
  { ...a, tabId: 'x' },
  { ...a, ruleIds: ['20000'] },
  null,
  { profileId: 'p' },
];

describe('allowances', () => {
  it('keeps only well-formed allowances that have not ended', () => {
    expect(parseAllowances(stored, now)).toEqual([a]);
    expect(parseAllowances('nonsense', now)).toEqual([]);
  });

  it('reads every well-formed allowance, ended ones too, for taking them down', () => {
    expect(parseStoredAllowances(stored)).toEqual([a, { ...a, until: now - 1 }]);
    expect(parseStoredAllowances(undefined)).toEqual([]);
  });

  it('tells which profiles a tab may show, and which are allowed anywhere', () => {
    const other = { ...a, profileId: 'x:sam', tabId: 9 };
    expect([...allowedInTab([a, other], 7)]).toEqual(['instagram:jamie.doe']);
    expect([...allowedInTab([a, other], 8)]).toEqual([]);
    expect(profilesWithAllowance([a, other])).toEqual(new Set(['instagram:jamie.doe', 'x:sam']));
  });

  it("knows the background's message that an allowance ended, and nothing else", () => {
    expect(allowanceEnded()).toEqual({ type: ALLOWANCE_ENDED });
    expect(isAllowanceEnded(allowanceEnded())).toBe(true);
    for (const other of [null, undefined, 'allowance-ended', { type: 'summary' }, {}])
      expect(isAllowanceEnded(other)).toBe(false);
  });
});
