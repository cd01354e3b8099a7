import type { CivilDate } from './streak/calendar';

/*
 * "Write it here instead": the message the person wants to send, kept on this computer
 * only. Nothing here is ever sent anywhere; drafts leave the machine only inside an
 * export file the person saves.
 */

/** Where the drafts box lives: a section of the options page. */
export const DRAFTS_PAGE_PATH = '/options.html#drafts';

export interface Draft {
  /** Chosen by the page that writes it (a UUID), so saving twice keeps one. */
  id: string;
  text: string;
  /** When it was kept, epoch ms. */
  time: number;
  /** The person's calendar date then, in `timeZone`. */
  localDate: CivilDate;
  timeZone: string;
}
