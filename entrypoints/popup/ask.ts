import { link } from './link';

/** The popup's requests to the background; no answer is a failure (see lib/ask). */
export const ask = link.ask;
