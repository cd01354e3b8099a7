import { t } from '@/lib/i18n';

/**
 * The phrase typed before "Continue anyway", in the person's language. Calm and in the
 * first person: it names the choice without judging it, so typing it is a moment to
 * decide, not a punishment.
 */
export const confirmationPhrase = () => t('confirmationPhrase');

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Whether `typed` is the phrase, ignoring case, surrounding spaces and doubled spaces. */
export function phraseMatches(typed: string, phrase: string = confirmationPhrase()): boolean {
  return normalise(typed) === normalise(phrase);
}
