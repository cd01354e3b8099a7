/**
 * "Add to No Contact" on a link (the right-click menu): what a click on it decides, and what
 * the popup and the background may do with it afterwards. Pure functions of plain data; the
 * background's adapter (entrypoints/background/context-menu.ts) reads and writes the stores.
 *
 * The link is read exactly as the options page's add form reads a pasted address
 * (`recognise`, with the listed profiles as its duplicate check) and goes through the same
 * add path (the browser's rule limit, then `propose` from lib/cooling-off, under the
 * settings lock). Adding protection takes effect at once, so nothing here waits.
 */

import { isInt, isObj, isText, isTime } from './check';
import { propose } from './cooling-off';
import { ADDRESS_MAX_CHARS, EARLIEST_TIME, PROFILE_ID_MAX_CHARS } from './limits';
import { originPatternsFor, profileName, recognise } from './profiles';
import { PLATFORM_HOST_PATTERNS } from './profiles/hosts';
import type { Profile, Recognised } from './profiles/types';
import { profileLimitProblem } from './rules/budget';
import type { Settings } from './settings';
import { isWords, words, type Words } from './words';

/** The menu item's id (contextMenus ids are per extension). */
export const QUICK_ADD_MENU_ID = 'no-contact-quick-add';

/**
 * Where the menu item is offered: links to the built-in platforms' hosts, the same patterns
 * as the manifest's host permissions (lib/profiles/hosts.ts). A custom site or a chat app
 * asked for when listed (Discord, Telegram Web, WhatsApp) needs the browser's permission,
 * asked from a click on the options page, so it is not offered here: on another site's link
 * the item is not shown at all.
 */
export const QUICK_ADD_LINK_PATTERNS: readonly string[] = PLATFORM_HOST_PATTERNS;

/**
 * storage.session: the last quick add (a QuickAddNote), for the popup's banner and for
 * undo. Session storage outlives the background's sleep, not the browser session, which is
 * all the few minutes of undo need.
 */
export const QUICK_ADD_KEY = 'quickAdd';

/**
 * How long the popup offers "Undo" for the entry just added, and shows what happened.
 * An entry added by a mis-click and taken back within these few minutes is removed at once,
 * without the 24-hour cooling-off that removing a profile otherwise waits for: cooling-off
 * is there for a change asked for in the middle of an urge, and taking back a click made a
 * moment ago lowers no protection the person had chosen. Only that one entry, only while
 * it is listed as it was added, and only within this window.
 */
export const QUICK_ADD_UNDO_MS = 5 * 60_000;

/** How long the toolbar button shows the mark of a quick add in the tab it was made in. */
export const QUICK_ADD_BADGE_MS = 4000;

/** The marks the toolbar button shows for a moment: added, or not added (open the popup). */
export const QUICK_ADD_MARK = { added: '✓', refused: '!' } as const;

/** What the last click on the menu item did; kept for the popup. */
export type QuickAddNote =
  | {
      kind: 'added';
      /** When (epoch ms); the undo window runs from here. */
      at: number;
      profileId: string;
      /** The stored profile's addedAt: undo takes back only that very entry. */
      addedAt: number;
      /** How the list names it ("Instagram · @jamie.doe"). */
      name: Words;
    }
  | { kind: 'refused'; at: number; why: Words };

/** A listed entry's id, as the settings and the backup checker allow it. */
export const isProfileId = (v: unknown): v is string => isText(v, PROFILE_ID_MAX_CHARS, 1);

/** A stored note, checked; null for anything else. */
export function parseQuickAddNote(v: unknown): QuickAddNote | null {
  if (!isObj(v) || !isTime(v.at) || !isInt(v.at, EARLIEST_TIME, Number.MAX_SAFE_INTEGER))
    return null;
  if (v.kind === 'added') {
    if (!isProfileId(v.profileId) || !isTime(v.addedAt) || !isWords(v.name)) return null;
    return { kind: 'added', at: v.at, profileId: v.profileId, addedAt: v.addedAt, name: v.name };
  }
  if (v.kind === 'refused') {
    if (!isWords(v.why)) return null;
    return { kind: 'refused', at: v.at, why: v.why };
  }
  return null;
}

/** Whether the popup still shows the note at `now` (and, for an added entry, offers Undo). */
export function noteIsFresh(note: QuickAddNote | null, now: number): note is QuickAddNote {
  return note !== null && now >= note.at && now - note.at <= QUICK_ADD_UNDO_MS;
}

export type QuickAddDecision =
  | { ok: true; profile: Recognised }
  /** `listedId`: the listed entry that already covers the link, when that is the reason. */
  | { ok: false; why: Words; listedId?: string };

/**
 * What a click on the menu item for `linkUrl` may add, judged against `listed` (the stored
 * list): the form's recogniser and its refusals (not a profile, such as a feed, a post or
 * the home page; already listed), the browser's rule limit, and no entry that needs a
 * permission first (those are added from the options page, from the person's own click).
 */
export function decideQuickAdd(linkUrl: unknown, listed: readonly Profile[]): QuickAddDecision {
  if (!isText(linkUrl, ADDRESS_MAX_CHARS, 1)) return { ok: false, why: words('quickAddNoLink') };
  const r = recognise(linkUrl, listed);
  if (!r.ok) {
    const why = r.reason === 'unknown-site' ? words('quickAddOtherSite') : r.words;
    return r.coveredBy === undefined
      ? { ok: false, why }
      : { ok: false, why, listedId: r.coveredBy };
  }
  if (originPatternsFor(r.profile).length) return { ok: false, why: words('quickAddAskFirst') };
  const over = profileLimitProblem(listed, r.profile);
  if (over) return { ok: false, why: over };
  return { ok: true, profile: r.profile };
}

export type QuickAddResult =
  { ok: true; settings: Settings; profile: Profile } | { ok: false; why: Words; listedId?: string };

/**
 * The settings with the link's profile listed, judged against these settings (the ones read
 * under the settings lock): the options page's add path, with the form's default mode
 * ('block'; a conversation can be switched to Modified in Settings).
 */
export function withQuickAdd(
  settings: Settings,
  linkUrl: unknown,
  now: number,
  newId: () => string,
): QuickAddResult {
  const d = decideQuickAdd(linkUrl, settings.profiles);
  if (!d.ok) return d;
  const profile: Profile = { ...d.profile, mode: 'block', addedAt: now };
  const r = propose(settings, { kind: 'add-profile', profile }, now, newId);
  if (r.outcome !== 'applied') {
    return {
      ok: false,
      why: words('profileRefusedListed', profileName(profile)),
      listedId: profile.id,
    };
  }
  const added = r.settings.profiles.find((p) => p.id === profile.id) ?? profile;
  return { ok: true, settings: r.settings, profile: added };
}

/**
 * The note to keep after a click, given the one kept before: a second click on a link just
 * added (the person was not sure the first one worked) keeps the first note, so Undo is
 * still offered for it, rather than replacing it with "already on your list".
 */
export function nextNote(
  before: QuickAddNote | null,
  result: QuickAddResult,
  now: number,
): QuickAddNote {
  if (result.ok) return addedNote(result.profile, now);
  if (
    noteIsFresh(before, now) &&
    before.kind === 'added' &&
    result.listedId !== undefined &&
    result.listedId === before.profileId
  )
    return before;
  return { kind: 'refused', at: now, why: result.why };
}

/** The note kept after an add. */
export function addedNote(profile: Profile, now: number): QuickAddNote {
  return {
    kind: 'added',
    at: now,
    profileId: profile.id,
    addedAt: profile.addedAt,
    name: profileName(profile),
  };
}

export type UndoResult = { ok: true; settings: Settings } | { ok: false; why: Words };

/**
 * The settings without the entry the last quick add listed, if `profileId` is that entry,
 * it is still listed as it was added, and the undo window is open (see QUICK_ADD_UNDO_MS).
 * Anything waiting for that entry (a removal, a switch to Modified) goes with it.
 */
export function undoQuickAdd(
  settings: Settings,
  note: QuickAddNote | null,
  profileId: string,
  now: number,
): UndoResult {
  if (!noteIsFresh(note, now) || note.kind !== 'added' || note.profileId !== profileId)
    return { ok: false, why: words('quickAddUndoTooLate') };
  const listed = settings.profiles.find((p) => p.id === profileId);
  if (!listed || listed.addedAt !== note.addedAt)
    return { ok: false, why: words('quickAddUndoGone') };
  return {
    ok: true,
    settings: {
      ...settings,
      profiles: settings.profiles.filter((p) => p.id !== profileId),
      pending: settings.pending.filter(
        (q) =>
          !(
            (q.change.kind === 'remove-profile' || q.change.kind === 'switch-to-modified') &&
            q.change.profileId === profileId
          ),
      ),
    },
  };
}
