/**
 * The one message protocol between the extension's contexts. Pages and the page-side
 * guard send a request; the background validates its shape and its sender, acts, and
 * answers. Anything that does not parse is refused without effect.
 */

import { isCivilDate, type CivilDate } from './streak/calendar';
import type { Words } from './words';
import { DRAFT_MAX_CHARS } from './drafts';
import { SIGN_IDS, type SignId } from './signs';
import {
  CONTACT_CHANNELS,
  NOTE_MAX_CHARS,
  REACH_OUT_GISTS,
  SLIP_KINDS,
  type ContactChannel,
  type ReachOutGist,
  type SlipKind,
} from './streak/events';
import type { Summary } from './streak/stats';

/**
 * The longest import text a message may carry. It mirrors BACKUP_MAX_BYTES in lib/backup
 * (which this module does not import, so that the page-side guard's bundle stays free of
 * the database); a string has at least as many UTF-8 bytes as characters, and the
 * background checks the real limit again.
 */
export const IMPORT_TEXT_MAX_CHARS = 5 * 1024 * 1024;
/** Mirrors GOAL_DAYS_MAX in lib/settings. */
const GOAL_DAYS_LIMIT = 3650;

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
  undo: { eventId: string };
  /** The page-side guard asks which tab it is in, to read that tab's allowances. */
  'guard-hello': Record<string, never>;
  /**
   * The options page saved a plan that starts a new count (a first plan, or a new start
   * date): recorded so that past plans keep their streaks once this one ends.
   */
  'log-plan-start': { startDate: CivilDate; goalDays: number; dedupeKey: string };
  /** Replace everything with a backup's contents, all or nothing; checked again here. */
  'apply-import': { text: string };
  /** Delete every event and setting, and every blocking and allow rule with them. */
  'delete-everything': Record<string, never>;
  /** "They reached out": the ex made contact. Logged; never restarts the count. */
  'log-reached-out': {
    source: PageSource;
    channel: ContactChannel;
    gist?: ReachOutGist;
    note?: string;
    dedupeKey: string;
  };
  /** A reply the person chose to log as necessary contact (never restarts the count). */
  'log-necessary-contact': { source: PageSource; note?: string; dedupeKey: string };
  /** Ticks a sign it is working with the day it was noticed, or unticks it (null). */
  'set-sign': { sign: SignId; noticedOn: CivilDate | null };
  /** Keeps a draft in the private drafts box. `id` is new per draft: saving twice keeps one. */
  'save-draft': { id: string; text: string };
  'delete-draft': { id: string };
  /**
   * Ends the plan at once because its goal is reached. Only on or after the goal day; the
   * background checks that again with its own clock and refuses otherwise.
   */
  'end-plan-now': { dedupeKey: string };
  /** The popup's numbers, read by the background from the settings and the log. */
  summary: Record<string, never>;
}

export interface Responses {
  'log-urge': { ok: true; eventId: string };
  'log-slip': { ok: true; eventId: string; restarted: boolean };
  continue: { ok: true; eventId: string; until: number } | { ok: false; error: Words };
  undo: { ok: boolean };
  'guard-hello': { tabId: number | null; allowances: unknown };
  'log-plan-start': { ok: true; eventId: string };
  'apply-import': { ok: true } | { ok: false; error: Words };
  'delete-everything': { ok: true } | { ok: false; error: Words };
  'log-reached-out': { ok: true; eventId: string };
  'log-necessary-contact': { ok: true; eventId: string };
  'set-sign': { ok: true } | { ok: false; error: Words };
  'save-draft': { ok: true; id: string } | { ok: false; error: Words };
  'delete-draft': { ok: boolean };
  'end-plan-now': { ok: true } | { ok: false; error: Words };
  summary: { ok: true; summary: Summary; signsNoticed: number } | { ok: false };
}

export type MessageType = keyof Requests;
export type Message<T extends MessageType = MessageType> = { type: T } & Requests[T];

/** Messages a content script (a web page's context) may send; every other one needs an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['guard-hello']);

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;
const SOURCES: readonly string[] = ['interstitial', 'popup', 'options'];
const isNote = (v: unknown) =>
  v === undefined || (typeof v === 'string' && v.length <= NOTE_MAX_CHARS);

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
      if (!allowed(['eventId']) || !isKey(raw.eventId)) return null;
      return raw as Message<'undo'>;
    case 'guard-hello':
      if (!allowed([])) return null;
      return raw as Message<'guard-hello'>;
    case 'log-plan-start':
      if (!allowed(['startDate', 'goalDays', 'dedupeKey'])) return null;
      if (!isCivilDate(raw.startDate) || !isKey(raw.dedupeKey)) return null;
      if (
        !Number.isInteger(raw.goalDays) ||
        (raw.goalDays as number) < 1 ||
        (raw.goalDays as number) > GOAL_DAYS_LIMIT
      )
        return null;
      return raw as Message<'log-plan-start'>;
    case 'apply-import':
      if (!allowed(['text'])) return null;
      if (typeof raw.text !== 'string' || raw.text.length > IMPORT_TEXT_MAX_CHARS) return null;
      return raw as Message<'apply-import'>;
    case 'delete-everything':
      if (!allowed([])) return null;
      return raw as Message<'delete-everything'>;
    case 'log-reached-out':
      if (!allowed(['source', 'channel', 'gist', 'note', 'dedupeKey'])) return null;
      if (!SOURCES.includes(raw.source as string) || !isKey(raw.dedupeKey)) return null;
      if (!(CONTACT_CHANNELS as readonly string[]).includes(raw.channel as string)) return null;
      if (
        raw.gist !== undefined &&
        !(REACH_OUT_GISTS as readonly string[]).includes(raw.gist as string)
      )
        return null;
      if (!isNote(raw.note)) return null;
      return raw as Message<'log-reached-out'>;
    case 'log-necessary-contact':
      if (!allowed(['source', 'note', 'dedupeKey'])) return null;
      if (!SOURCES.includes(raw.source as string) || !isKey(raw.dedupeKey)) return null;
      if (!isNote(raw.note)) return null;
      return raw as Message<'log-necessary-contact'>;
    case 'set-sign':
      if (!allowed(['sign', 'noticedOn'])) return null;
      if (!(SIGN_IDS as readonly unknown[]).includes(raw.sign)) return null;
      if (raw.noticedOn !== null && !isCivilDate(raw.noticedOn)) return null;
      return raw as Message<'set-sign'>;
    case 'save-draft':
      if (!allowed(['id', 'text']) || !isKey(raw.id)) return null;
      // A little over the limit, so the background can say in words that it is too long.
      if (typeof raw.text !== 'string' || raw.text.length > DRAFT_MAX_CHARS * 2) return null;
      return raw as Message<'save-draft'>;
    case 'delete-draft':
      if (!allowed(['id']) || !isKey(raw.id)) return null;
      return raw as Message<'delete-draft'>;
    case 'end-plan-now':
      if (!allowed(['dedupeKey']) || !isKey(raw.dedupeKey)) return null;
      return raw as Message<'end-plan-now'>;
    case 'summary':
      if (!allowed([])) return null;
      return raw as Message<'summary'>;
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
