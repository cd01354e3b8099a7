/**
 * The one message protocol between the extension's contexts. Pages and the page-side
 * guard send a request; the background validates its shape and its sender, acts, and
 * answers. Anything that does not parse is refused without effect.
 */

export const SLIP_KINDS = [
  'message',
  'call',
  'in-person',
  'replied',
  'liked-or-reacted',
  'looked-at-profile',
  'other',
] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

export type PageSource = 'interstitial' | 'popup' | 'options';

export interface Requests {
  /** "Go back" on the interstitial, or "I had an urge" in the popup. */
  'log-urge': { source: PageSource; dedupeKey: string; profileId?: string };
  /** "I slipped..." in the popup or options. */
  'log-slip': { source: PageSource; what: SlipKind; note?: string; dedupeKey: string };
  /**
   * "Continue anyway" on the interstitial: logs a slip or a necessary contact, then allows
   * that one profile in the sender's tab for a while. `url` must be a listed profile.
   */
  continue: { url: string; dedupeKey: string };
  /** Undo a mis-tapped entry (allowed for a few seconds after it was written). */
  undo: { eventId: number };
  /** The page-side guard asks which tab it is in, to read that tab's allowances. */
  'guard-hello': Record<string, never>;
}

export interface Responses {
  'log-urge': { ok: true; eventId: number };
  'log-slip': { ok: true; eventId: number; restarted: boolean };
  continue: { ok: true; eventId: number; until: number } | { ok: false; error: string };
  undo: { ok: boolean };
  'guard-hello': { tabId: number | null };
}

export type MessageType = keyof Requests;
export type Message<T extends MessageType = MessageType> = { type: T } & Requests[T];

/** Messages a content script (a web page's context) may send; every other one needs an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['guard-hello']);

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;
const SOURCES: readonly string[] = ['interstitial', 'popup', 'options'];

/** Checks a received message's shape exactly; returns null for anything else. */
export function parseMessage(raw: unknown): Message | null {
  if (!isObj(raw) || typeof raw.type !== 'string') return null;
  const allowed = (keys: string[]) =>
    Object.keys(raw).every((k) => k === 'type' || keys.includes(k));
  switch (raw.type) {
    case 'log-urge':
      if (!allowed(['source', 'dedupeKey', 'profileId'])) return null;
      if (!SOURCES.includes(raw.source as string) || !isKey(raw.dedupeKey)) return null;
      if (raw.profileId !== undefined && !isKey(raw.profileId)) return null;
      return raw as Message<'log-urge'>;
    case 'log-slip':
      if (!allowed(['source', 'what', 'note', 'dedupeKey'])) return null;
      if (!SOURCES.includes(raw.source as string) || !isKey(raw.dedupeKey)) return null;
      if (!(SLIP_KINDS as readonly string[]).includes(raw.what as string)) return null;
      if (raw.note !== undefined && (typeof raw.note !== 'string' || raw.note.length > 1000))
        return null;
      return raw as Message<'log-slip'>;
    case 'continue':
      if (!allowed(['url', 'dedupeKey'])) return null;
      if (typeof raw.url !== 'string' || raw.url.length > 8192 || !isKey(raw.dedupeKey))
        return null;
      return raw as Message<'continue'>;
    case 'undo':
      if (!allowed(['eventId']) || !Number.isSafeInteger(raw.eventId)) return null;
      return raw as Message<'undo'>;
    case 'guard-hello':
      if (!allowed([])) return null;
      return raw as Message<'guard-hello'>;
    default:
      return null;
  }
}

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Who may send what: only this extension; pages of its own origin may send anything,
 * content scripts (running in web pages) only what CONTENT_SCRIPT_MESSAGES lists.
 */
export function senderMaySend(
  type: MessageType,
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  const fromOwnPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  return fromOwnPage || (CONTENT_SCRIPT_MESSAGES.has(type) && sender.tab?.id !== undefined);
}

/** A typed request, sent through whatever `send` the context has (browser.runtime.sendMessage). */
export function request<T extends MessageType>(
  send: (m: unknown) => Promise<unknown>,
  type: T,
  body: Requests[T],
): Promise<Responses[T]> {
  return send({ type, ...body }) as Promise<Responses[T]>;
}

/** A fresh key that makes a repeated send (double click, two contexts) write one entry. */
export function newDedupeKey(): string {
  return crypto.randomUUID();
}
