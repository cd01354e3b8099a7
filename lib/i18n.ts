import { browser } from 'wxt/browser';
import { browserMessagesReady } from './messages-ready';
import { isWords, type Words } from './words';

/**
 * A message's name in public/_locales/<lang>/messages.json. A typo fails tsc. (A type
 * only: the file itself is not bundled; see loadFallbackMessages.)
 */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/** What fills a message's placeholders ($1..$9, named in its "placeholders"). */
export type Substitution = string | number;

/** One message of a messages.json file. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/**
 * A message with its substitutions, the way the browsers do it
 * (https://developer.chrome.com/docs/extensions/mv3/i18n-messages): each $NAME$ is its
 * placeholder's content (names ignore case), then $1..$9 are the substitutions ("" when
 * not given) and $$ is a dollar sign. The substitutions are put in as they are.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const contents = new Map(
    Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]),
  );
  const named = entry.message.replace(
    /\$([a-z0-9_@]+)\$/gi,
    (whole, n: string) => contents.get(n.toLowerCase()) ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_, c: string) =>
    c === '$' ? '$' : (substitutions[Number(c) - 1] ?? ''),
  );
}

let warned = false;
let fallback: Partial<Record<string, MessageEntry>> | null = null;

/** The default locale's file, read by a page when the browser gives it no messages. */
export const FALLBACK_MESSAGES_PATH = '/_locales/en/messages.json';

/**
 * Pages call this before their first render. When the browser gives the extension no
 * messages at all, it reads the default (English) messages file from the extension itself,
 * so every word can still be shown; and also when the loaded extension is of another
 * version (see loadedVersionDiffers). This is not hypothetical: headless Chromium 156 in the
 * e2e runs, started with --load-extension on a fresh profile, leaves the extension with no
 * messages (even "extName" is "") in about one launch in three. Read at run time rather
 * than bundled, so no context pays for it when the browser works as it should.
 */
export async function loadFallbackMessages(
  fetchText: (url: string) => Promise<string> = (url) => fetch(url).then((r) => r.text()),
): Promise<void> {
  if (browserMessagesReady(browser)) return;
  try {
    setFallbackMessages(
      JSON.parse(await fetchText(browser.runtime.getURL(FALLBACK_MESSAGES_PATH))) as Record<
        string,
        MessageEntry
      >,
    );
  } catch (e) {
    console.error('The English messages could not be read either.', e);
  }
}

/** Sets the messages t() falls back to (loadFallbackMessages; tests). */
export function setFallbackMessages(messages: Record<string, MessageEntry> | null): void {
  fallback = messages;
}

/**
 * The message `key` in the browser's language, with `substitutions` in its placeholders.
 *
 * Both browsers answer "" for a message they do not have (Firefox logs it, Chrome does not).
 * An empty button or heading would hide the mistake and could leave the blocked page
 * without its way back, so "" is never shown:
 * - With the fallback messages loaded (see loadFallbackMessages), a message the browser
 *   does not give is taken from them, with one warning.
 * - Otherwise it is a mistake in the code: in development (and the unit tests) it throws
 *   at once; in a release it is logged and the key itself is shown.
 */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const strings = substitutions.map(String);
  const text = browser.i18n.getMessage(key, strings.length ? strings : undefined);
  if (text) return text;
  const entry = fallback && Object.hasOwn(fallback, key) ? fallback[key] : undefined;
  if (!entry) {
    const problem = `No message "${key}" in _locales/en/messages.json.`;
    if (import.meta.env.DEV) throw new Error(problem);
    console.error(problem);
    return key;
  }
  if (!warned) {
    warned = true;
    console.warn(`browser.i18n has no text for "${key}"; showing the English messages.`);
  }
  return formatMessage(entry, strings);
}

/** `w` in the browser's language (see Words). */
export function say(w: Words): string {
  return t(w.key, ...(w.subs ?? []).map((s) => (typeof s === 'object' ? say(s) : s)));
}

/**
 * The words in an answer from the background (an `error` field), said; `fallback` for
 * anything that is not Words (no answer, or a malformed one).
 */
export function sayAnswer(error: unknown, fallback: string): string {
  return isWords(error) ? say(error) : fallback;
}

/**
 * A count with its noun, e.g. "1 day" / "27 days". The browsers' i18n has no plural rules,
 * so each counted noun has two messages, the English "one" and "other" forms, each with the
 * number as $1. (A language with more forms would need more keys and a rule here, e.g. from
 * Intl.PluralRules.)
 */
export function plural(n: number, oneKey: MessageKey, otherKey: MessageKey): string {
  return t(n === 1 ? oneKey : otherKey, n);
}

/** "1 day", "27 days". */
export const days = (n: number) => plural(n, 'daysOne', 'daysOther');

/**
 * A table of words by id, read in the browser's language each time an entry is read:
 * `labels({ a: 'someKey' })[id]` is `t('someKey')`. The tables can be built when a module
 * loads and still follow the messages.
 */
export function labels<K extends string>(keys: Record<K, MessageKey>): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const id of Object.keys(keys) as K[])
    Object.defineProperty(table, id, { get: () => t(keys[id]), enumerable: true });
  return table;
}

/**
 * A message with elements (a link, a <time>, <strong>) in its placeholders, for JSX:
 * `tWith('key', <time>…</time>, name)` is the message cut around the element, as
 * [before, element, after]. Strings and numbers are substituted as t() does.
 */
export function tWith<T extends object>(
  key: MessageKey,
  ...parts: (Substitution | T)[]
): (string | T)[] {
  const elements: T[] = [];
  const strings = parts.map((p) =>
    typeof p === 'object' ? `\uE000${elements.push(p) - 1}\uE001` : p,
  );
  return t(key, ...strings)
    .split(/\uE000(\d+)\uE001/)
    .map((s, i) => (i % 2 ? elements[Number(s)]! : s))
    .filter((s) => s !== '');
}
