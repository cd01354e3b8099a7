import { describe, expect, it } from 'vitest';
import { allowedInTab, parseAllowances, profilesWithAllowance } from '@/lib/guard/allowances';

const now = 1_000_000;
const a = { profileId: 'instagram:jamie.doe', tabId: 7, until: now + 60_000, ruleIds: [20000] };

describe('allowances', () => {
  it('keeps only well-formed allowances that have not ended', () => {
    const list = parseAllowances(
      [a, { ...a, until: now - 1 }, { ...a, tabId: 'x' }, null, { profileId: 'p' }],
      now,
    );
    expect(list).toEqual([a]);
    expect(parseAllowances('nonsense', now)).toEqual([]);
  });

  it('tells which profiles a tab may show, and which are allowed anywhere', () => {
    const other = { ...a, profileId: 'x:sam', tabId: 9 };
    expect([...allowedInTab([a, other], 7)]).toEqual(['instagram:jamie.doe']);
    expect([...allowedInTab([a, other], 8)]).toEqual([]);
    expect(profilesWithAllowance([a, other])).toEqual(new Set(['instagram:jamie.doe', 'x:sam']));
  });
});
