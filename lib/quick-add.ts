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

import { isText } from './check';
import { propose } from './cooling-off';
import { ADDRESS_MAX_CHARS } from './limits';
import { originPatternsFor, profileName, recognise } from './profiles';
import { PLATFORM_HOST_PATTERNS } from './profiles/hosts';
import { noteIsFresh, type QuickAddNote } from './quick-add-note';
import type { Profile, Recognised } from './profiles/types';
import { profileLimitProblem } from './rules/budget';
import type { Settings } from './settings';
import { words, type Words } from './words';

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
