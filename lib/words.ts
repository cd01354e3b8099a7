import type { MessageKey, Substitution } from './i18n';

/**
 * Words to show, not yet in a language: a message and what fills its placeholders (other
 * Words among them). Code that must not load the i18n module (the guard's bundle, the
 * profile recogniser, the backup checker, the background's answers) says what it means
 * this way, and the page that shows it puts it in the browser's language with say() from
 * lib/i18n. Plain data, so it crosses runtime messages as it is.
 */
export interface Words {
  key: MessageKey;
  subs?: readonly (Substitution | Words)[];
}

/** Words, with their message key checked by tsc. */
export const words = (key: MessageKey, ...subs: (Substitution | Words)[]): Words =>
  subs.length ? { key, subs } : { key };

/** Whether `v` is Words (an answer from the background, say), and nothing else. */
export function isWords(v: unknown): v is Words {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.key !== 'string') return false;
  return (
    o.subs === undefined ||
    (Array.isArray(o.subs) &&
      o.subs.every((x) => typeof x === 'string' || typeof x === 'number' || isWords(x)))
  );
}
