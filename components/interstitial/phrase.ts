/**
 * The phrase typed before "Continue anyway". Calm and in the first person: it names the
 * choice without judging it, so typing it is a moment to decide, not a punishment.
 */
export const CONFIRMATION_PHRASE = 'I choose to look anyway';

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Whether `typed` is the phrase, ignoring case, surrounding spaces and doubled spaces. */
export function phraseMatches(typed: string, phrase: string = CONFIRMATION_PHRASE): boolean {
  return normalise(typed) === normalise(phrase);
}
