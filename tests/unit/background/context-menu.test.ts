import { describe, expect, it } from 'vitest';
import { createMenu, quickAdd, setupContextMenu } from '@/entrypoints/background/context-menu';
import type { Message } from '@/lib/messaging';
import { PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';
import { QUICK_ADD_MENU_ID } from '@/lib/quick-add';
import { QUICK_ADD_BADGE_MS, QUICK_ADD_KEY, QUICK_ADD_UNDO_MS } from '@/lib/quick-add-note';
import { compileRules } from '@/lib/rules/compile';
import { defaultSettings, loadSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { listed, INTERSTITIAL } from '../profiles/fixtures';
import { stubBrowser } from './stub-browser';

type Listener = (...args: unknown[]) => unknown;

/** The stub browser with the menus, the badge and the runtime events this file needs. */
function setup(settings: Settings = defaultSettings()) {
  const s = stubBrowser();
  const menus: Record<string, unknown>[] = [];
  const badge: { tabId?: number; text: string | null }[] = [];
  const listeners: Record<string, Listener[]> = {};
  const event = (name: string) => ({
    addListener: (f: Listener) => (listeners[name] ??= []).push(f),
  });
  const timers: { f: () => void; ms: number }[] = [];
  const api = s.api as Record<string, unknown>;
  api.contextMenus = {
    removeAll: () => {
      menus.length = 0;
      return Promise.resolve();
    },
    create: (props: Record<string, unknown>, done?: () => void) => {
      menus.push(props);
      done?.();
      return props.id;
    },
    onClicked: event('onClicked'),
  };
  api.action = {
    setBadgeText: (d: { tabId?: number; text: string | null }) => {
      badge.push(d);
      return Promise.resolve();
    },
  };
  api.runtime = {
    lastError: undefined,
    onInstalled: event('onInstalled'),
    onStartup: event('onStartup'),
  };
  let now = Date.parse('2026-12-04T10:00:00Z');
  let n = 0;
  const options = {
    now: () => now,
    newId: () => `id-${++n}`,
    later: (f: () => void, ms: number) => void timers.push({ f, ms }),
  };
  const browser = s.browser;
  return {
    ...s,
    browser,
    menus,
    badge,
    listeners,
    timers,
    options,
    advance: (ms: number) => (now += ms),
    store: async () => {
      await s.api.storage.local.set({ [SETTINGS_KEY]: settings });
    },
    stored: () => loadSettings(s.api.storage.local),
    note: async () => (await s.api.storage.session.get(QUICK_ADD_KEY))[QUICK_ADD_KEY],
    /** A click on the menu item, as the browser reports it. */
    click: async (linkUrl: string | undefined, tabId = 7) => {
      for (const f of listeners.onClicked ?? [])
        f(
          { menuItemId: QUICK_ADD_MENU_ID, linkUrl, pageUrl: 'https://example.org/' },
          { id: tabId },
        );
      // The listener does not wait for its work: let it finish.
      for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('the menu item', () => {
  it('is created on install and on browser start, on links to the platforms only', async () => {
    const t = setup();
    setupContextMenu(t.browser, t.options);
    expect(t.listeners.onInstalled).toHaveLength(1);
    expect(t.listeners.onStartup).toHaveLength(1);
    expect(t.listeners.onClicked).toHaveLength(1);
    t.listeners.onInstalled![0]!({ reason: 'install' });
    t.listeners.onStartup![0]!();
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    // Replaced, never doubled (an item left from before would make create fail).
    expect(t.menus).toEqual([
      {
        id: QUICK_ADD_MENU_ID,
        title: 'Add to No Contact',
        contexts: ['link'],
        targetUrlPatterns: PLATFORM_HOST_PATTERNS,
      },
    ]);
  });

  it('reports an error the browser gives when creating it', async () => {
    const t = setup();
    const api = t.api as unknown as {
      contextMenus: { create: (p: unknown, done: () => void) => void };
      runtime: { lastError?: { message: string } };
    };
    api.contextMenus.create = (_p, done) => {
      api.runtime.lastError = { message: 'Invalid url pattern' };
      done();
      api.runtime.lastError = undefined;
    };
    await expect(createMenu(t.browser)).rejects.toThrow('Invalid url pattern');
  });

  it('is left out where the browser has no right-click menu (Firefox for Android), and Undo still works', async () => {
    const t = setup();
    delete (t.api as Record<string, unknown>).contextMenus;
    const handlers = setupContextMenu(t.browser, t.options);
    await createMenu(t.browser);
    expect(t.listeners.onInstalled ?? []).toEqual([]);
    expect(typeof handlers['quick-add-undo']).toBe('function');
  });
});

describe('a click on "Add to No Contact"', () => {
  it('lists a platform profile at once, so its rules follow, and marks the tab for a moment', async () => {
    const t = setup();
    await t.store();
    setupContextMenu(t.browser, t.options);
    await t.click('https://www.instagram.com/jamie.doe/?igsh=abc');
    const s = await t.stored();
    expect(s.profiles).toEqual([
      expect.objectContaining({ id: 'instagram:jamie.doe', mode: 'block' }),
    ]);
    expect(s.pending).toEqual([]);
    // The rules are a function of the stored list (rules-sync reconciles them): they now
    // redirect this profile.
    const rules = compileRules(s.profiles, { interstitialUrl: INTERSTITIAL });
    expect(rules.some((r) => r.action.type === 'redirect')).toBe(true);
    expect(await t.note()).toMatchObject({
      kind: 'added',
      profileId: 'instagram:jamie.doe',
      name: { key: 'profileNamePlain' },
    });
    expect(t.badge).toEqual([{ tabId: 7, text: '✓' }]);
    expect(t.timers).toHaveLength(1);
    expect(t.timers[0]!.ms).toBe(QUICK_ADD_BADGE_MS);
    t.timers[0]!.f();
    expect(t.badge.at(-1)).toEqual({ tabId: 7, text: null });
  });

  it('refuses a link that is not a profile, or on another site, and changes nothing stored', async () => {
    for (const link of [
      'https://www.instagram.com/p/C0de123/',
      'https://x.com/home',
      'https://example.org/jamie',
    ]) {
      const before: Settings = { ...defaultSettings(), profiles: [listed('https://x.com/other')] };
      const t = setup(before);
      await t.store();
      const written = { ...t.api.storage.local.dump() };
      setupContextMenu(t.browser, t.options);
      await t.click(link);
      expect(t.api.storage.local.dump(), link).toEqual(written);
      expect(await t.note(), link).toMatchObject({ kind: 'refused' });
      expect(t.badge, link).toEqual([{ tabId: 7, text: '!' }]);
    }
  });

  it('says so when the profile is already listed', async () => {
    const t = setup({ ...defaultSettings(), profiles: [listed('https://x.com/jamie')] });
    await t.store();
    const note = await quickAdd(t.browser, 'https://twitter.com/Jamie', 3, t.options);
    expect(note).toMatchObject({ kind: 'refused', why: { key: 'profileRefusedListed' } });
    expect((await t.stored()).profiles).toHaveLength(1);
  });

  it('adds once for two clicks on the same link, and still offers Undo for it', async () => {
    const t = setup();
    await t.store();
    setupContextMenu(t.browser, t.options);
    const link = 'https://www.instagram.com/jamie.doe/';
    const first = t.click(link, 1);
    t.advance(1000);
    await Promise.all([first, t.click(link, 2)]);
    expect((await t.stored()).profiles).toHaveLength(1);
    expect(await t.note()).toMatchObject({ kind: 'added', profileId: 'instagram:jamie.doe' });
    expect(t.badge.map((b) => b.text)).toEqual(['✓', '✓']);
  });

  it('adds once when two adds run at once (the settings lock)', async () => {
    const t = setup();
    await t.store();
    const link = 'https://www.instagram.com/jamie.doe/';
    await Promise.all([
      quickAdd(t.browser, link, 1, t.options),
      quickAdd(t.browser, link, 2, t.options),
    ]);
    expect((await t.stored()).profiles).toHaveLength(1);
  });

  it('ignores another menu item', async () => {
    const t = setup();
    await t.store();
    setupContextMenu(t.browser, t.options);
    t.listeners.onClicked![0]!({ menuItemId: 'other', linkUrl: 'https://x.com/jamie' }, { id: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(await t.note()).toBeUndefined();
    expect((await t.stored()).profiles).toEqual([]);
  });
});

describe('"Undo" from the popup', () => {
  const undo = (t: ReturnType<typeof setup>, profileId: string) => {
    const handlers = setupContextMenu(t.browser, t.options);
    const msg: Message<'quick-add-undo'> = { type: 'quick-add-undo', profileId };
    return handlers['quick-add-undo']!(msg, {});
  };

  it('removes the entry just added at once, without waiting 24 hours', async () => {
    const t = setup({ ...defaultSettings(), profiles: [listed('https://x.com/other')] });
    await t.store();
    await quickAdd(t.browser, 'https://www.instagram.com/jamie.doe/', 7, t.options);
    t.advance(60_000);
    expect(await undo(t, 'instagram:jamie.doe')).toEqual({ ok: true });
    const s = await t.stored();
    expect(s.profiles.map((p) => p.id)).toEqual(['x:other']);
    expect(s.pending).toEqual([]);
    expect(await t.note()).toBeUndefined();
    // Once only.
    expect(await undo(t, 'instagram:jamie.doe')).toMatchObject({ ok: false });
  });

  it('refuses once its few minutes are over, and for any other entry', async () => {
    const t = setup({ ...defaultSettings(), profiles: [listed('https://x.com/other')] });
    await t.store();
    await quickAdd(t.browser, 'https://www.instagram.com/jamie.doe/', 7, t.options);
    expect(await undo(t, 'x:other')).toEqual({
      ok: false,
      error: { key: 'quickAddUndoTooLate' },
    });
    t.advance(QUICK_ADD_UNDO_MS + 1);
    expect(await undo(t, 'instagram:jamie.doe')).toEqual({
      ok: false,
      error: { key: 'quickAddUndoTooLate' },
    });
    expect((await t.stored()).profiles).toHaveLength(2);
  });
});
