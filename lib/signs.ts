import type { CivilDate } from './streak/calendar';

/*
 * Signs that No Contact is working, as the person notices them. Each is ticked with the
 * day it was noticed, and can be unticked; none at all is normal (some exes are simply
 * disciplined), so nothing here is ever a score to chase.
 */

export const SIGN_IDS = [
  'mixed-signals',
  'reaching-out-more',
  'friends-asking',
  'making-jealous',
  'feeling-steadier',
] as const;
export type SignId = (typeof SIGN_IDS)[number];

/** A sign the person ticked. */
export interface SignNoticed {
  sign: SignId;
  /** The day they noticed it, in their calendar. */
  noticedOn: CivilDate;
  /** When it was ticked (or its day last changed), epoch ms. */
  recordedAt: number;
}

export function isSignId(v: unknown): v is SignId {
  return (SIGN_IDS as readonly unknown[]).includes(v);
}
