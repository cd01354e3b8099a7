/*
 * Phone numbers as people type them -> one key: the digits of the international number,
 * country code first, without the "+" (E.164 written without its plus sign). The same
 * number typed as "+44 7700 900123", "0044 7700 900123", "(+44) 7700-900.123" or
 * "447700900123" gives "447700900123", which is also how wa.me and WhatsApp's
 * "send?phone=" links write it.
 *
 * Nothing here knows the world's numbering plans: a number is taken as international when
 * it starts with "+" or "00", or with any digit but 0. One that starts with a single 0 is
 * the national way of writing it (07700 900123), whose country can't be known, so it is
 * refused with a request for the country code rather than guessed.
 */

/** E.164 allows at most 15 digits, country code included. */
export const PHONE_DIGITS_MAX = 15;
/** Fewer digits than this, country code included, is no phone number anyone can be called on. */
export const PHONE_DIGITS_MIN = 8;

export type PhoneProblem = 'no-country-code' | 'length' | 'malformed';

export type PhoneReading =
  { ok: true; digits: string } | { ok: false; problem: PhoneProblem; digits?: number };

// What people put between digits: spaces (any kind), dashes, dots, slashes and brackets.
const SEPARATORS = /[\s\-‐‑‒–—.·/()[\]]/g;

/** Whether `text` reads as a phone number someone typed rather than a web address. */
export function looksLikePhone(text: string): boolean {
  const t = text.trim().replace(/^tel:/i, '');
  return /^\+?[\s\-‐‑‒–—.·/()[\]+0-9]*[0-9][\s\-‐‑‒–—.·/()[\]0-9]*$/.test(t) && /[0-9]{2}/.test(t);
}

/** Reads a typed phone number; see the top of this file. */
export function readPhone(text: string): PhoneReading {
  const bare = text
    .trim()
    .replace(/^tel:/i, '')
    // "+44 (0) 7700 900123": the bracketed 0 is dialled only from inside the country.
    .replace(/\(0\)/g, '')
    .replace(SEPARATORS, '');
  let digits: string;
  if (/^\+[0-9]+$/.test(bare)) digits = bare.slice(1);
  else if (/^00[0-9]+$/.test(bare)) digits = bare.slice(2);
  else if (/^0[0-9]*$/.test(bare)) return { ok: false, problem: 'no-country-code' };
  else if (/^[0-9]+$/.test(bare)) digits = bare;
  else return { ok: false, problem: 'malformed' };
  // No country code starts with 0 ("+0..." or "000...").
  if (digits.startsWith('0')) return { ok: false, problem: 'malformed' };
  if (digits.length < PHONE_DIGITS_MIN || digits.length > PHONE_DIGITS_MAX) {
    return { ok: false, problem: 'length', digits: digits.length };
  }
  return { ok: true, digits };
}
