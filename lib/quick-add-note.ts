/**
 * The note a quick add leaves for the popup (lib/quick-add), apart from the code that
 * recognises and lists a link: the popup reads the note and needs none of that code (its
 * size is its speed).
 */

import { isInt, isObj, isText, isTime } from './check';
import { EARLIEST_TIME, PROFILE_ID_MAX_CHARS } from './limits';
import { isWords, type Words } from './words';

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
const isProfileId = (v: unknown): v is string => isText(v, PROFILE_ID_MAX_CHARS, 1);

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
