import { describe, expect, it } from 'vitest';
import { decide, type GuardState } from '@/lib/guard/decide';
import { listed } from '../profiles/fixtures';

const jamie = listed('https://www.instagram.com/jamie.doe/');
const here = 'https://www.instagram.com/';
const known = (over: Partial<GuardState> = {}): GuardState => ({
  profiles: [jamie],
  allowed: new Set(),
  pending: new Set(),
  ...over,
});

describe('the page-side guard decides', () => {
  it('blocks a listed profile and its sub-pages', () => {
    expect(decide('https://www.instagram.com/jamie.doe/', here, known()).kind).toBe('block');
    expect(decide('https://instagram.com/Jamie.Doe/reels/', here, known()).kind).toBe('block');
  });

  it('lets other pages and lookalike handles pass', () => {
    expect(decide('https://www.instagram.com/jamie.doe2/', here, known()).kind).toBe('pass');
    expect(decide('https://www.instagram.com/explore/', here, known()).kind).toBe('pass');
  });

  it('lets a profile allowed in this tab pass', () => {
    const s = known({ allowed: new Set([jamie.id]) });
    expect(decide('https://www.instagram.com/jamie.doe/', here, s).kind).toBe('pass');
  });

  it('sends a profile allowed in some tab (not known to be this one) to the network rules', () => {
    const s = known({ pending: new Set([jamie.id]) });
    expect(decide('https://www.instagram.com/jamie.doe/', here, s).kind).toBe('navigate');
  });

  describe('before the list has been read', () => {
    const unknown: GuardState = { profiles: null, allowed: new Set(), pending: new Set() };

    it('turns a change of path into a real navigation, judged by the rules', () => {
      expect(decide('https://www.instagram.com/jamie.doe/', here, unknown).kind).toBe('navigate');
      expect(decide('https://www.instagram.com/anyone/', here, unknown).kind).toBe('navigate');
    });

    it('lets a change of query or fragment on the same path pass', () => {
      const cur = 'https://www.instagram.com/explore/';
      expect(decide('https://www.instagram.com/explore/?tab=2#x', cur, unknown).kind).toBe('pass');
    });
  });
});
