import { describe, expect, it } from 'vitest';
import type { DnrRule } from '@/lib/rules/dnr';
import { evaluate } from '../helpers/dnr-eval';

const rule = (over: Partial<DnrRule> & Pick<DnrRule, 'id' | 'action'>): DnrRule => ({
  priority: 1,
  condition: {
    regexFilter: '^https://a\\.test/x',
    isUrlFilterCaseSensitive: false,
    resourceTypes: ['main_frame'],
  },
  ...over,
});

describe('the DNR model used by the tests', () => {
  it('matches anywhere in the URL unless anchored, ignoring case unless told not to', () => {
    const r = rule({ id: 1, action: { type: 'block' } });
    expect(evaluate([r], { url: 'https://A.test/X', type: 'main_frame' }).action).toBe('block');
    const cs = { ...r, condition: { ...r.condition, isUrlFilterCaseSensitive: true } };
    expect(evaluate([cs], { url: 'https://A.test/X', type: 'main_frame' }).action).toBe('none');
    const loose = { ...r, condition: { ...r.condition, regexFilter: 'x$' } };
    expect(evaluate([loose], { url: 'https://b.test/x', type: 'main_frame' }).action).toBe('block');
  });

  it('checks resource types and tab IDs', () => {
    const r = rule({ id: 1, action: { type: 'block' } });
    expect(evaluate([r], { url: 'https://a.test/x', type: 'image' }).action).toBe('none');
    const tab = { ...r, condition: { ...r.condition, tabIds: [7] } };
    expect(evaluate([tab], { url: 'https://a.test/x', type: 'main_frame', tabId: 8 }).action).toBe(
      'none',
    );
    expect(evaluate([tab], { url: 'https://a.test/x', type: 'main_frame', tabId: 7 }).action).toBe(
      'block',
    );
    expect(evaluate([tab], { url: 'https://a.test/x', type: 'main_frame' }).action).toBe('none');
  });

  it('lets the highest priority win, then allow over block over redirect', () => {
    const redirect = rule({
      id: 1,
      priority: 2,
      action: { type: 'redirect', redirect: { regexSubstitution: 'https://z.test/' } },
    });
    const block = rule({ id: 2, action: { type: 'block' } });
    const allow = rule({ id: 3, action: { type: 'allow' } });
    const req = { url: 'https://a.test/x', type: 'main_frame' as const };
    expect(evaluate([block, redirect], req).action).toBe('redirect');
    expect(evaluate([block, { ...redirect, priority: 1 }], req).action).toBe('block');
    expect(evaluate([{ ...redirect, priority: 1 }, allow, block], req).action).toBe('allow');
  });

  it('replaces only the matched part of the URL in a redirect', () => {
    const r = rule({
      id: 1,
      action: { type: 'redirect', redirect: { regexSubstitution: 'https://z.test/#\\0|\\1|\\\\' } },
      condition: {
        regexFilter: '^https://a\\.test/(x)',
        isUrlFilterCaseSensitive: false,
        resourceTypes: ['main_frame'],
      },
    });
    const out = evaluate([r], { url: 'https://a.test/x/rest?q', type: 'main_frame' });
    expect(out).toMatchObject({
      action: 'redirect',
      redirectUrl: 'https://z.test/#https://a.test/x|x|\\/rest?q',
    });
  });
});
