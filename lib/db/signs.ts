import { isSignId, type SignId, type SignNoticed } from '../signs';
import { isCivilDate, type CivilDate } from '../streak/calendar';
import type { NoContactDb } from './schema';

/**
 * Ticks a sign with the day it was noticed, or unticks it (`noticedOn` null). Ticking a
 * ticked sign again only changes its day.
 */
export async function setSign(
  db: NoContactDb,
  sign: SignId,
  noticedOn: CivilDate | null,
  now: number,
): Promise<void> {
  if (!isSignId(sign)) throw new TypeError('Sign not saved: unknown sign');
  if (noticedOn === null) {
    await db.signs.delete(sign);
    return;
  }
  if (!isCivilDate(noticedOn)) throw new TypeError('Sign not saved: not a date');
  await db.signs.put({ sign, noticedOn, recordedAt: now });
}

/** The ticked signs, in the order they were noticed (then by sign, for a stable order). */
export async function listSigns(db: NoContactDb): Promise<SignNoticed[]> {
  const rows = await db.signs.toArray();
  return rows.sort((a, b) =>
    a.noticedOn === b.noticedOn ? (a.sign < b.sign ? -1 : 1) : a.noticedOn < b.noticedOn ? -1 : 1,
  );
}

/** How many signs are ticked. */
export function countSigns(db: NoContactDb): Promise<number> {
  return db.signs.count();
}
