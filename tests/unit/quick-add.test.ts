import { describe, expect, it } from 'vitest';
import { say } from '@/lib/i18n';
import { PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';
import {
  addedNote,
  decideQuickAdd,
  nextNote,
  QUICK_ADD_LINK_PATTERNS,
  undoQuickAdd,
  withQuickAdd,
} from '@/lib/quick-add';
import {
  noteIsFresh,
  parseQuickAddNote,
  QUICK_ADD_UNDO_MS,
  type QuickAddNote,
} from '@/lib/quick-add-note';
import { fitsBrowser, ruleNeeds } from '@/lib/rules/budget';
import { defaultSettings, type Settings } from '@/lib/settings';
import { listed } from './profiles/fixtures';

const T = Date.parse('2026-12-04T10:00:00Z');
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const withList = (...addresses: string[]): Settings => ({
  ...defaultSettings(),
  profiles: addresses.map((a) => listed(a)),
});

describe('which links the menu item is offered on', () => {
  it("is the platforms' hosts, as the manifest's host permissions: no other site", () => {
    expect(QUICK_ADD_LINK_PATTERNS).toEqual(PLATFORM_HOST_PATTERNS);
    expect(QUICK_ADD_LINK_PATTERNS).toContain('*://*.instagram.com/*');
    expect(QUICK_ADD_LINK_PATTERNS.some((p) => p.includes('example.org'))).toBe(false);
    // Chat apps and custom sites ask for a permission first: added from the options page.
    expect(QUICK_ADD_LINK_PATTERNS.some((p) => /wa\.me|discord|telegram/.test(p))).toBe(false);
  });
});

describe('decideQuickAdd: the link read as the add form reads an address', () => {
  it('recognises a profile link in any of its forms', () => {
    const d = decideQuickAdd('https://www.instagram.com/jamie.doe/?hl=en', []);
    expect(d).toMatchObject({ ok: true, profile: { id: 'instagram:jamie.doe' } });
    const x = decideQuickAdd('https://twitter.com/Jamie/status/1790000000000', []);
    expect(x).toMatchObject({ ok: true, profile: { id: 'x:jamie' } });
  });

  it('refuses a page that is not a profile (a feed, the home page), with the form’s reason', () => {
    for (const link of [
      'https://x.com/home',
      'https://www.instagram.com/',
      'https://x.com/explore',
    ]) {
      const d = decideQuickAdd(link, []);
      expect(d.ok, link).toBe(false);
      if (!d.ok) expect(d.why.key, link).toBe('profileRefusedNotAProfile');
    }
  });

  it('says when it is already listed, in any spelling', () => {
    const list = withList('https://x.com/jamie').profiles;
    const d = decideQuickAdd('https://mobile.twitter.com/JAMIE', list);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(say(d.why)).toContain('already on your list');
  });

  it('refuses another site, a missing link and a chat app that needs a permission', () => {
    const other = decideQuickAdd('https://example.org/jamie', []);
    expect(other).toEqual({ ok: false, why: { key: 'quickAddOtherSite' } });
    expect(decideQuickAdd(undefined, [])).toEqual({ ok: false, why: { key: 'quickAddNoLink' } });
    expect(decideQuickAdd('', [])).toEqual({ ok: false, why: { key: 'quickAddNoLink' } });
    const chat = decideQuickAdd('https://wa.me/447700900123', []);
    expect(chat).toEqual({ ok: false, why: { key: 'quickAddAskFirst' } });
  });

  it("keeps to the browser's rule limit, as the form does", () => {
    const instagram = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        listed(`https://www.instagram.com/jamie.doe.${String(i).padStart(5, '0')}x/`),
      );
    let lo = 1;
    let hi = 4000;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (fitsBrowser(ruleNeeds(instagram(mid)))) lo = mid + 1;
      else hi = mid;
    }
    const full = instagram(lo - 1);
    const d = decideQuickAdd(`https://www.instagram.com/jamie.doe.${lo - 1}x.more/`, full);
    expect(d).toMatchObject({ ok: false, why: { key: 'profileLimitReached' } });
  });
});

describe('withQuickAdd: the add path', () => {
  it('lists the profile at once, blocked, with the time it was added', () => {
    const r = withQuickAdd(defaultSettings(), 'https://www.instagram.com/jamie.doe/', T, ids());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.profiles).toEqual([
      expect.objectContaining({ id: 'instagram:jamie.doe', mode: 'block', addedAt: T }),
    ]);
    expect(r.settings.pending).toEqual([]);
    expect(r.profile.id).toBe('instagram:jamie.doe');
  });

  it('changes nothing for a link it refuses', () => {
    const before = withList('https://x.com/jamie');
    const r = withQuickAdd(before, 'https://x.com/jamie', T, ids());
    expect(r.ok).toBe(false);
    expect(before.profiles).toHaveLength(1);
  });
});

describe('undo', () => {
  const added = () => {
    const r = withQuickAdd(
      withList('https://x.com/other'),
      'https://www.instagram.com/jamie.doe/',
      T,
      ids(),
    );
    if (!r.ok) throw new Error('not added');
    return { settings: r.settings, note: addedNote(r.profile, T) };
  };

  it('takes back only the entry just added, at once, within the window', () => {
    const { settings, note } = added();
    const r = undoQuickAdd(settings, note, 'instagram:jamie.doe', T + QUICK_ADD_UNDO_MS);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.settings.profiles.map((p) => p.id)).toEqual(['x:other']);
    // Another listed entry is never removed this way (that waits 24 hours).
    expect(undoQuickAdd(settings, note, 'x:other', T + 1000)).toEqual({
      ok: false,
      why: { key: 'quickAddUndoTooLate' },
    });
  });

  it('refuses after the window, without a note, and for an entry listed anew since', () => {
    const { settings, note } = added();
    const late = undoQuickAdd(settings, note, 'instagram:jamie.doe', T + QUICK_ADD_UNDO_MS + 1);
    expect(late).toEqual({ ok: false, why: { key: 'quickAddUndoTooLate' } });
    expect(undoQuickAdd(settings, null, 'instagram:jamie.doe', T)).toMatchObject({ ok: false });
    const again: Settings = {
      ...settings,
      profiles: settings.profiles.map((p) => ({ ...p, addedAt: T + 5 })),
    };
    expect(undoQuickAdd(again, note, 'instagram:jamie.doe', T + 10)).toEqual({
      ok: false,
      why: { key: 'quickAddUndoGone' },
    });
  });

  it('drops what waited for the entry with it', () => {
    const { settings, note } = added();
    const waiting: Settings = {
      ...settings,
      pending: [
        {
          id: 'p1',
          change: { kind: 'remove-profile', profileId: 'instagram:jamie.doe' },
          requestedAt: T,
          dueAt: T + 86_400_000,
        },
        {
          id: 'p2',
          change: { kind: 'remove-profile', profileId: 'x:other' },
          requestedAt: T,
          dueAt: T + 86_400_000,
        },
      ],
    };
    const r = undoQuickAdd(waiting, note, 'instagram:jamie.doe', T + 1);
    expect(r.ok && r.settings.pending.map((p) => p.id)).toEqual(['p2']);
  });
});

describe('the note kept for the popup', () => {
  it('keeps the added note when the same link is clicked again, so Undo stays', () => {
    const first = withQuickAdd(defaultSettings(), 'https://x.com/jamie', T, ids());
    if (!first.ok) throw new Error('not added');
    const note = nextNote(null, first, T);
    expect(note).toMatchObject({ kind: 'added', profileId: 'x:jamie' });
    const again = withQuickAdd(first.settings, 'https://twitter.com/Jamie/', T + 5, ids());
    expect(again).toMatchObject({ ok: false, listedId: 'x:jamie' });
    expect(nextNote(note, again, T + 5)).toBe(note);
    // Another link listed long ago, or a late click: the refusal is said.
    const other = withQuickAdd(first.settings, 'https://x.com/home', T + 5, ids());
    expect(nextNote(note, other, T + 5)).toMatchObject({ kind: 'refused' });
    expect(nextNote(note, again, T + QUICK_ADD_UNDO_MS + 1)).toMatchObject({ kind: 'refused' });
  });

  it('reads back what was written, and nothing else', () => {
    const note: QuickAddNote = {
      kind: 'added',
      at: T,
      profileId: 'instagram:jamie.doe',
      addedAt: T,
      name: { key: 'profileNamePlain', subs: ['Instagram', '@jamie.doe'] },
    };
    expect(parseQuickAddNote(structuredClone(note))).toEqual(note);
    const refused: QuickAddNote = { kind: 'refused', at: T, why: { key: 'quickAddNoLink' } };
    expect(parseQuickAddNote(refused)).toEqual(refused);
    for (const odd of [
      null,
      'x',
      {},
      { ...note, at: -1 },
      { ...note, name: 'Jamie' },
      { ...refused, kind: 'odd' },
    ])
      expect(parseQuickAddNote(odd), JSON.stringify(odd)).toBeNull();
  });

  it('is fresh for the undo window only', () => {
    const note: QuickAddNote = { kind: 'refused', at: T, why: { key: 'quickAddNoLink' } };
    expect(noteIsFresh(note, T)).toBe(true);
    expect(noteIsFresh(note, T + QUICK_ADD_UNDO_MS)).toBe(true);
    expect(noteIsFresh(note, T + QUICK_ADD_UNDO_MS + 1)).toBe(false);
    expect(noteIsFresh(note, T - 1)).toBe(false);
    expect(noteIsFresh(null, T)).toBe(false);
  });
});
