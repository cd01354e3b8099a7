/**
 * browser.i18n.getMessage for the unit tests, over a messages.json object, doing what the
 * browsers do (https://developer.chrome.com/docs/extensions/mv3/i18n-messages,
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/i18n/getMessage):
 * an unknown message is "", more than 9 substitutions are refused, and the placeholders
 * are filled as lib/i18n's formatMessage does (its own test checks that against the docs).
 */
import { formatMessage, type MessageEntry } from '@/lib/i18n';

export type Messages = Record<string, MessageEntry>;

export function messageFrom(
  messages: Messages,
  name: string,
  substitutions?: string | string[],
): string {
  const entry = Object.hasOwn(messages, name) ? messages[name] : undefined;
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  if (subs.length > 9) throw new Error('getMessage: more than 9 substitutions');
  return formatMessage(entry, subs);
}
