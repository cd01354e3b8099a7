import { words, type Words } from '../words';
import { ASKED_HOSTS } from './hosts';
import { readPhone, type PhoneReading } from './phone';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  hostIn,
  hostsFragment,
  PARAM_END,
  pathSegments,
  SEGMENT_END,
  type PlatformModule,
} from './platform';
import type { RefusalReason } from './types';

/** A "+" before the number, as written or encoded. */
const PLUS = '(?:\\+|%2b)?';

/** The plain words for a number that can't be listed. */
export function phoneRefusal(r: Extract<PhoneReading, { ok: false }>): {
  reason: RefusalReason;
  words: Words;
} {
  switch (r.problem) {
    case 'no-country-code':
      return { reason: 'bad-number', words: words('profileRefusedPhoneCountryCode') };
    case 'length':
      return { reason: 'bad-number', words: words('profileRefusedPhoneLength', r.digits ?? 0) };
    case 'malformed':
      return { reason: 'bad-number', words: words('profileRefusedPhoneMalformed') };
  }
}

/** The number an address names, as typed there (null: it names none). */
function numberIn(url: URL): string | null {
  if (hostIn(url.hostname, ['wa.me'])) {
    const first = pathSegments(url)[0];
    if (!first || /^(?:message|qr|c)$/i.test(first)) return null;
    try {
      return decodeURIComponent(first);
    } catch {
      return first;
    }
  }
  const [first] = pathSegments(url).map((s) => s.toLowerCase());
  // URLSearchParams reads an unencoded "+" as a space, which readPhone drops.
  return first === 'send' ? url.searchParams.get('phone') : null;
}

/*
 * Covers: the WhatsApp chat with one phone number, by the links that name it: wa.me/<number>
 * (with or without "+"), and api.whatsapp.com/send?phone=<number>, /send/?phone=,
 * web.whatsapp.com/send?phone= and whatsapp.com/send?phone= (the number in any parameter
 * place, with or without "+"), on every subdomain, in the hand-made spellings platform.ts
 * describes. The key is the number's digits with its country code (E.164 without "+");
 * a number pasted on its own, in any way people write one, becomes the same key
 * (phone.ts).
 * Access to WhatsApp's hosts is asked for when the first number is listed.
 * Cannot cover: a chat opened from WhatsApp Web's chat list. web.whatsapp.com keeps one
 * address for every chat, and reading the page to learn who a chat is with is something
 * No Contact never does; an address of WhatsApp Web without a number is refused with those
 * words. Nor a link that writes the number with spaces or other separators in it (links
 * write digits only), business short links (wa.me/message/<code>), group invites
 * (chat.whatsapp.com/<code>), or the phone and desktop apps.
 */
export const whatsapp: PlatformModule = {
  platform: 'whatsapp',
  label: 'WhatsApp',
  domains: ASKED_HOSTS.whatsapp,
  recognise(url) {
    const number = numberIn(url);
    if (number === null) return null;
    const r = readPhone(number);
    return r.ok ? { key: r.digits } : null;
  },
  refusal(url) {
    const number = numberIn(url);
    if (number !== null) {
      const r = readPhone(number);
      return r.ok ? null : phoneRefusal(r);
    }
    if (hostIn(url.hostname, ['web.whatsapp.com'])) {
      return { reason: 'not-a-conversation', words: words('profileRefusedWhatsappWeb') };
    }
    return null;
  },
  display: (key) => `+${key}`,
  url: (key) => `https://wa.me/${key}`,
  patterns: (key) => [
    {
      head: `wa\\.me${HOST_END}${PLUS}`,
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
    {
      head: `whatsapp\\.com${HOST_END}send/*\\?(?:[^#]*&)?phone=${PLUS}`,
      key: escapeRegex(key),
      tail: PARAM_END,
      caseSensitive: false,
    },
    escapedSpellings(hostsFragment(ASKED_HOSTS.whatsapp)),
  ],
};
