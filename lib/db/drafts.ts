import { Dexie } from 'dexie';
import type { Draft } from '../drafts';
import { DRAFT_MAX_CHARS, KEY_MAX_CHARS } from '../limits';
import { isTimeZone, localDate } from '../streak/calendar';
import type { NoContactDb } from './schema';
import { words, type Words } from '../words';

/** Why a draft was not kept, in plain words (`words`). */
export class DraftRefused extends Error {
  override name = 'DraftRefused';
  constructor(readonly words: Words) {
    super(`draft refused: ${words.key}`);
  }
}

/**
 * Keeps a draft. The id is the caller's: saving the same draft twice (a double click, a
 * message sent again) keeps one, and the first text stays.
 */
export async function saveDraft(
  db: NoContactDb,
  d: { id: string; text: string; time: number; timeZone: string },
): Promise<Draft> {
  const text = d.text.trim();
  if (text === '') throw new DraftRefused(words('draftRefusedEmpty'));
  if (text.length > DRAFT_MAX_CHARS)
    throw new DraftRefused(words('draftRefusedTooLong', DRAFT_MAX_CHARS.toLocaleString()));
  if (typeof d.id !== 'string' || d.id === '' || d.id.length > KEY_MAX_CHARS)
    throw new TypeError('Draft not kept: no usable id');
  if (!Number.isFinite(d.time) || !isTimeZone(d.timeZone))
    throw new TypeError('Draft not kept: no usable time');
  const draft: Draft = {
    id: d.id,
    text,
    time: d.time,
    localDate: localDate(d.time, d.timeZone),
    timeZone: d.timeZone,
  };
  try {
    await db.drafts.add(draft);
    return draft;
  } catch (e) {
    if (e instanceof Dexie.ConstraintError) {
      const existing = await db.drafts.get(d.id);
      if (existing) return existing;
    }
    throw e;
  }
}

/** Every draft, newest first. */
export async function listDrafts(db: NoContactDb): Promise<Draft[]> {
  return db.drafts.orderBy('time').reverse().toArray();
}

/** Deletes one draft for good; false when there was none with that id. */
export async function deleteDraft(db: NoContactDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.drafts, async () => {
    if (!(await db.drafts.get(id))) return false;
    await db.drafts.delete(id);
    return true;
  });
}
