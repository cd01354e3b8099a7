/** The interstitial heading's id: the way back is described by it, whatever it says. */
export const HEADING_ID = 'day-heading';
