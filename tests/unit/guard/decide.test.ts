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

describe('the page-side guard decides on a chat in the fragment (Telegram Web)', () => {
  const chat = listed('https://web.telegram.org/k/#@jamie_doe');
  const byNumber = listed('https://web.telegram.org/a/#-1001234567890');
  const app = 'https://web.telegram.org/k/';
  const state = (over: Partial<GuardState> = {}): GuardState => ({
    profiles: [chat, byNumber],
    allowed: new Set(),
    pending: new Set(),
    ...over,
  });

  it('blocks the listed chat when the app loads with it, and when the fragment changes to it', () => {
    // On load, the guard judges location.href against itself.
    const loaded = 'https://web.telegram.org/k/#@jamie_doe';
    expect(decide(loaded, loaded, state())).toMatchObject({ kind: 'block', profile: chat });
    // hashchange / popstate: the address has changed already; the guard passes ''.
    expect(decide('https://web.telegram.org/a/#@Jamie_Doe', '', state()).kind).toBe('block');
    // A link or a pushState to "#..." on the same path.
    expect(decide('https://web.telegram.org/k/#%40jamie_doe', app, state()).kind).toBe('block');
    expect(decide('https://web.telegram.org/a/#-1001234567890_7', app, state()).kind).toBe('block');
  });

  it('lets the chat list, other chats and near names pass', () => {
    for (const other of [
      app,
      'https://web.telegram.org/k/#@jamie_doe2',
      'https://web.telegram.org/k/#@sam_lee',
      'https://web.telegram.org/a/#-10012345678901',
      'https://web.telegram.org/a/#1001234567890',
    ]) {
      expect(decide(other, app, state()).kind, other).toBe('pass');
    }
  });

  it('lets the chat pass in a tab where Continue anyway allowed it', () => {
    const s = state({ allowed: new Set([chat.id]) });
    expect(decide('https://web.telegram.org/k/#@jamie_doe', app, s).kind).toBe('pass');
  });

  it('lets a fragment change pass before the list is read (same path), as for any site', () => {
    const unknown: GuardState = { profiles: null, allowed: new Set(), pending: new Set() };
    expect(decide('https://web.telegram.org/k/#@jamie_doe', app, unknown).kind).toBe('pass');
  });
});
