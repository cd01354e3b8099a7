/** The progress ring's geometry (ProgressRing; the first paint draws the same ring). */

/** The ring's radius in its 120 x 120 box, and its length. */
export const R = 52;
export const CIRCUMFERENCE = 2 * Math.PI * R;

/** How much of the ring is filled, from 0 to 1. */
export const ringFraction = (value: number, max: number) =>
  max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
