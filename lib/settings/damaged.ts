import { isObj } from '../check';
import { isWords, type Words } from '../words';
import type { KeyValueArea } from './types';

/**
 * Where the stored value is copied, untouched, before a write replaces settings that
 * could only be read in part: repairing never destroys the original.
 */
export const SETTINGS_DAMAGED_KEY = 'settings.damaged';
/** The savedAt of the newest damaged copy the person has read about on the options page. */
export const SETTINGS_DAMAGED_SEEN_KEY = 'settings.damaged.seen';

/** How many damaged originals are kept; older ones make way. */
const DAMAGED_COPIES = 5;

export interface DamagedCopy {
  savedAt: number;
  problems: Words[];
  value: unknown;
}

/**
 * The kept copies with `copy` added, for the same write that replaces the damaged value
 * (so there is never a moment when neither the original nor its copy is stored).
 */
export async function withDamagedCopy(
  area: KeyValueArea,
  copy: DamagedCopy,
): Promise<Record<string, unknown>> {
  const got = await area.get(SETTINGS_DAMAGED_KEY);
  const earlier = Array.isArray(got[SETTINGS_DAMAGED_KEY])
    ? (got[SETTINGS_DAMAGED_KEY] as unknown[])
    : [];
  return { [SETTINGS_DAMAGED_KEY]: [...earlier, copy].slice(-DAMAGED_COPIES) };
}

/**
 * What the person has not yet been told about damaged settings: what is damaged now (not
 * yet repaired by a write) and what each kept copy newer than `seenAt` recorded, each once.
 * Copies made by an older version recorded plain English sentences; those are kept as
 * they are. `newest` is the savedAt to remember once the person has read them.
 */
export function unreadDamage(
  now: readonly Words[],
  copies: unknown,
  seenAt: unknown,
): { problems: (Words | string)[]; newest: number | null } {
  const seen = typeof seenAt === 'number' ? seenAt : -Infinity;
  const fresh = (Array.isArray(copies) ? copies : []).filter(
    (c): c is { savedAt: number; problems: unknown } =>
      isObj(c) && typeof c.savedAt === 'number' && c.savedAt > seen,
  );
  const all: (Words | string)[] = [...now];
  for (const c of fresh)
    if (Array.isArray(c.problems))
      for (const p of c.problems) if (typeof p === 'string' || isWords(p)) all.push(p);
  const once = new Map(all.map((p) => [JSON.stringify(p), p]));
  const newest = fresh.reduce<number | null>((n, c) => Math.max(n ?? c.savedAt, c.savedAt), null);
  return { problems: [...once.values()], newest };
}
