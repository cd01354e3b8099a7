import type { WxtBrowser as Browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { Responses } from '@/lib/messaging';
import {
  nextNote,
  QUICK_ADD_LINK_PATTERNS,
  QUICK_ADD_MENU_ID,
  undoQuickAdd,
  withQuickAdd,
  type QuickAddResult,
} from '@/lib/quick-add';
import {
  parseQuickAddNote,
  QUICK_ADD_BADGE_MS,
  QUICK_ADD_KEY,
  QUICK_ADD_MARK,
  type QuickAddNote,
} from '@/lib/quick-add-note';
import { updateSettings } from '@/lib/settings';
import { words, type Words } from '@/lib/words';
import type { Handlers } from './messages';

/*
 * "Add to No Contact" on a link to one of the platforms (the right-click menu), and the
 * popup's "Undo" for it. The decisions are lib/quick-add.ts; this file reads and writes.
 */

export interface ContextMenuOptions {
  now?: () => number;
  newId?: () => string;
  /** Runs `f` after `ms` (the badge mark's end); setTimeout unless a test says otherwise. */
  later?: (f: () => void, ms: number) => void;
}

/** A refusal found under the settings lock: thrown so that nothing is written. */
class Refused extends Error {
  constructor(readonly why: Words) {
    super('quick add refused');
  }
}

/**
 * Creates the menu item, replacing any left from before (Chrome keeps an extension's items
 * across restarts of the worker and of the browser, Firefox keeps an event page's; an
 * update or a reload starts without them). Called on install, update and browser start.
 */
export async function createMenu(browser: Browser): Promise<void> {
  if (!hasMenus(browser)) return;
  await browser.contextMenus.removeAll();
  await new Promise<void>((resolve, reject) => {
    browser.contextMenus.create(
      {
        id: QUICK_ADD_MENU_ID,
        title: t('quickAddMenu'),
        contexts: ['link'],
        targetUrlPatterns: [...QUICK_ADD_LINK_PATTERNS],
      },
      () => {
        const error = browser.runtime.lastError;
        if (error) reject(new Error(error.message));
        else resolve();
      },
    );
  });
}

/**
 * Lists the profile a link names, as the options page's add form would (lib/quick-add.ts),
 * and leaves a note for the popup: what was added (with Undo for a few minutes) or why
 * nothing was. The toolbar button shows a mark in that tab for a moment.
 */
export async function quickAdd(
  browser: Browser,
  linkUrl: unknown,
  tabId: number | undefined,
  options: ContextMenuOptions = {},
): Promise<QuickAddNote> {
  const at = (options.now ?? Date.now)();
  const newId = options.newId ?? (() => crypto.randomUUID());
  // The decision made under the settings lock, against the stored list; a refusal writes
  // nothing (updateSettings writes only what the change returns).
  const decided: { result?: QuickAddResult } = {};
  try {
    await updateSettings(browser.storage.local, (s) => {
      const r = withQuickAdd(s, linkUrl, at, newId);
      decided.result = r;
      if (!r.ok) throw new Refused(r.why);
      return r.settings;
    });
  } catch (e) {
    if (!(e instanceof Refused)) {
      console.error('No Contact: the link could not be added', e);
      decided.result = { ok: false, why: words('profileSaveFailedRetry') };
    }
  }
  const result = decided.result ?? { ok: false, why: words('profileSaveFailedRetry') };
  const kept = await browser.storage.session.get(QUICK_ADD_KEY);
  const note = nextNote(parseQuickAddNote(kept[QUICK_ADD_KEY]), result, at);
  await browser.storage.session.set({ [QUICK_ADD_KEY]: note });
  if (tabId !== undefined) await markTab(browser, tabId, note.kind, options.later);
  return note;
}

/**
 * The tab's own badge text over the day number for a moment, then the day number again
 * (null gives the tab back the text the badge shows everywhere; badge.ts keeps that one).
 */
async function markTab(
  browser: Browser,
  tabId: number,
  kind: QuickAddNote['kind'],
  later: ContextMenuOptions['later'] = (f, ms) => void setTimeout(f, ms),
): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: QUICK_ADD_MARK[kind] });
  } catch {
    return; // The tab closed meanwhile.
  }
  // Both browsers document null for "this tab's text no longer differs"; WXT's type (from
  // Chrome's) has only string: https://developer.chrome.com/docs/extensions/reference/api/action#method-setBadgeText
  const toGlobal = { tabId, text: null } as unknown as { tabId: number; text: string };
  later(() => {
    browser.action.setBadgeText(toGlobal).catch(() => undefined);
  }, QUICK_ADD_BADGE_MS);
}

/** "Undo" from the popup: takes the last quick add back, if it may (see undoQuickAdd). */
export async function undoLastQuickAdd(
  browser: Browser,
  profileId: string,
  now: number,
): Promise<Responses['quick-add-undo']> {
  const got = await browser.storage.session.get(QUICK_ADD_KEY);
  const note = parseQuickAddNote(got[QUICK_ADD_KEY]);
  try {
    await updateSettings(browser.storage.local, (s) => {
      const r = undoQuickAdd(s, note, profileId, now);
      if (!r.ok) throw new Refused(r.why);
      return r.settings;
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.why };
    console.error('No Contact: the quick add could not be undone', e);
    return { ok: false, error: words('saveFailedRetry') };
  }
  await browser.storage.session.remove(QUICK_ADD_KEY);
  return { ok: true };
}

/**
 * Registers the menu's listeners synchronously (an MV3 worker woken by a click must find
 * its listener) and gives the message handler for the popup's Undo.
 */
export function setupContextMenu(browser: Browser, options: ContextMenuOptions = {}): Handlers {
  const now = options.now ?? Date.now;
  // One after another: two at once would both clear, then both create the one id.
  let making: Promise<void> = Promise.resolve();
  const create = () => {
    making = making
      .then(() => createMenu(browser))
      .catch((e: unknown) => console.error('No Contact: the link menu could not be created', e));
  };
  const undo: Handlers = {
    'quick-add-undo': (msg) => undoLastQuickAdd(browser, msg.profileId, now()),
  };
  // Firefox for Android has no right-click menu (no contextMenus API): the background must
  // start all the same.
  if (!hasMenus(browser)) return undo;
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  // Clicks one after another, so each note is judged against the one before (nextNote).
  let clicks: Promise<unknown> = Promise.resolve();
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== QUICK_ADD_MENU_ID) return;
    clicks = clicks
      .then(() => quickAdd(browser, info.linkUrl, tab?.id, options))
      .catch((e: unknown) => console.error('No Contact: the link could not be added', e));
  });
  return undo;
}

/** Whether this browser has the right-click menu's API (Firefox for Android has none). */
function hasMenus(browser: Browser): boolean {
  return typeof (browser as { contextMenus?: unknown }).contextMenus === 'object';
}
