/**
 * The one message protocol between the extension's contexts. Pages and the page-side
 * guard send a request; the background validates its shape and its sender, acts, and
 * answers. Anything that does not parse is refused without effect.
 */

import { BUILD_MAX_CHARS } from './build';
import { isInt, isKey, isObj, isOneOf, isText, isTime } from './check';
import {
  ADDRESS_MAX_CHARS,
  BACKUP_MAX_BYTES,
  DRAFT_MAX_CHARS,
  EARLIEST_TIME,
  GOAL_DAYS_MAX,
  GOAL_DAYS_MIN,
  NOTE_MAX_CHARS,
  PROFILE_ID_MAX_CHARS,
} from './limits';
import { isCivilDate, type CivilDate } from './streak/calendar';
import type { Words } from './words';
import { SIGN_IDS, type SignId } from './signs';
import {
  CONTACT_CHANNELS,
  NECESSARY_TOPICS,
  REACH_OUT_GISTS,
  SLIP_KINDS,
  type ContactChannel,
  type NecessaryTopic,
  type ReachOutGist,
  type SlipKind,
} from './streak/log-event';
import type { Summary } from './streak/stats';

export type PageSource = 'interstitial' | 'popup' | 'options';

export interface Requests {
  /**
   * A page's first word: its build (lib/build). The background answers with its own and
   * writes what waits in the outbox (lib/outbox); a page of another build acts on the
   * difference (lib/page-link).
   */
  hello: { build: string };
  /** "Go back" on the interstitial, or "I had an urge" in the popup. */
  'log-urge': { source: PageSource; dedupeKey: string; profileId?: string };
  /**
   * "I slipped..." in the popup or options. `at`: when it happened, if earlier than now
   * (epoch ms; never before the plan's first day, never in the future).
   */
  'log-slip': {
    source: PageSource;
    what: SlipKind;
    note?: string;
    at?: number;
    dedupeKey: string;
  };
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
    /** When it happened, if earlier than now (as for 'log-slip'). */
    at?: number;
    dedupeKey: string;
  };
  /**
   * Necessary contact (never restarts the count): a reply the person chose to log so, or
   * "I had necessary contact" in the popup, with what it was about.
   */
  'log-necessary-contact': {
    source: PageSource;
    topic?: NecessaryTopic;
    note?: string;
    dedupeKey: string;
  };
  /**
   * "I sent it": the one message that sets the stage before day 1 (see StageSetEvent).
   * Refused once the count has started.
   */
  'log-stage-set': { dedupeKey: string };
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
  /**
   * "Undo" in the popup after "Add to No Contact" on a link: removes that entry at once,
   * only if it is the one the last quick add listed and its few minutes are not over
   * (lib/quick-add.ts says why no cooling-off).
   */
  'quick-add-undo': { profileId: string };
}

export interface Responses {
  hello: { ok: true; build: string };
  'log-urge': { ok: true; eventId: string };
  'log-slip': { ok: true; eventId: string; restarted: boolean } | { ok: false; error: Words };
  continue: { ok: true; eventId: string; until: number } | { ok: false; error: Words };
  undo: { ok: boolean };
  'guard-hello': { tabId: number | null; allowances: unknown };
  'log-plan-start': { ok: true; eventId: string };
  'apply-import': { ok: true } | { ok: false; error: Words };
  'delete-everything': { ok: true } | { ok: false; error: Words };
  'log-reached-out':
    | {
        ok: true;
        eventId: string;
        /** For angry or hurt contact: how many such reports the last 7 days hold (this one too). */
        angryReports?: number;
      }
    | { ok: false; error: Words };
  'log-necessary-contact': { ok: true; eventId: string };
  'log-stage-set': { ok: true; eventId: string } | { ok: false; error: Words };
  'set-sign': { ok: true } | { ok: false; error: Words };
  'save-draft': { ok: true; id: string } | { ok: false; error: Words };
  'delete-draft': { ok: boolean };
  'end-plan-now': { ok: true } | { ok: false; error: Words };
  summary: { ok: true; summary: Summary; signsNoticed: number } | { ok: false };
  'quick-add-undo': { ok: true } | { ok: false; error: Words };
}

export type MessageType = keyof Requests;
export type Message<T extends MessageType = MessageType> = {
  type: T;
  build?: string;
} & Requests[T];

/** Messages a content script (a web page's context) may send; every other one needs an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['guard-hello']);

const SOURCES: readonly PageSource[] = ['interstitial', 'popup', 'options'];
const isNote = (v: unknown) => v === undefined || isText(v, NOTE_MAX_CHARS);
/** A logged event's own time, when given: an instant (the background checks it against the plan). */
const isAt = (v: unknown) =>
  v === undefined || (isTime(v) && isInt(v, EARLIEST_TIME, Number.MAX_SAFE_INTEGER));
/**
 * The import text a message may carry: a string has at least as many UTF-8 bytes as
 * characters, so a longer one is over BACKUP_MAX_BYTES; the background checks the bytes.
 */
const isImportText = (v: unknown) => isText(v, BACKUP_MAX_BYTES);

/** Checks a received message's shape exactly; returns null for anything else. */
export function parseMessage(raw: unknown): Message | null {
  if (!isObj(raw) || typeof raw.type !== 'string') return null;
  // Every request may say which build sent it (pages of this version always do).
  if (raw.build !== undefined && !isText(raw.build, BUILD_MAX_CHARS, 1)) return null;
  const allowed = (keys: string[]) =>
    Object.keys(raw).every((k) => k === 'type' || k === 'build' || keys.includes(k));
  switch (raw.type) {
    case 'hello':
      if (!allowed([]) || typeof raw.build !== 'string') return null;
      return raw as Message<'hello'>;
    case 'log-urge':
      if (!allowed(['source', 'dedupeKey', 'profileId'])) return null;
      if (!isOneOf(raw.source, SOURCES) || !isKey(raw.dedupeKey)) return null;
      if (raw.profileId !== undefined && !isKey(raw.profileId)) return null;
      return raw as Message<'log-urge'>;
    case 'log-slip':
      if (!allowed(['source', 'what', 'note', 'at', 'dedupeKey'])) return null;
      if (!isOneOf(raw.source, SOURCES) || !isKey(raw.dedupeKey)) return null;
      if (!isOneOf(raw.what, SLIP_KINDS) || !isNote(raw.note) || !isAt(raw.at)) return null;
      return raw as Message<'log-slip'>;
    case 'continue':
      if (!allowed(['url', 'dedupeKey'])) return null;
      if (!isText(raw.url, ADDRESS_MAX_CHARS) || !isKey(raw.dedupeKey)) return null;
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
      if (!isInt(raw.goalDays, GOAL_DAYS_MIN, GOAL_DAYS_MAX)) return null;
      return raw as Message<'log-plan-start'>;
    case 'apply-import':
      if (!allowed(['text'])) return null;
      if (!isImportText(raw.text)) return null;
      return raw as Message<'apply-import'>;
    case 'delete-everything':
      if (!allowed([])) return null;
      return raw as Message<'delete-everything'>;
    case 'log-reached-out':
      if (!allowed(['source', 'channel', 'gist', 'note', 'at', 'dedupeKey'])) return null;
      if (!isAt(raw.at)) return null;
      if (!isOneOf(raw.source, SOURCES) || !isKey(raw.dedupeKey)) return null;
      if (!isOneOf(raw.channel, CONTACT_CHANNELS)) return null;
      if (raw.gist !== undefined && !isOneOf(raw.gist, REACH_OUT_GISTS)) return null;
      if (!isNote(raw.note)) return null;
      return raw as Message<'log-reached-out'>;
    case 'log-necessary-contact':
      if (!allowed(['source', 'topic', 'note', 'dedupeKey'])) return null;
      if (!isOneOf(raw.source, SOURCES) || !isKey(raw.dedupeKey)) return null;
      if (raw.topic !== undefined && !isOneOf(raw.topic, NECESSARY_TOPICS)) return null;
      if (!isNote(raw.note)) return null;
      return raw as Message<'log-necessary-contact'>;
    case 'log-stage-set':
      if (!allowed(['dedupeKey']) || !isKey(raw.dedupeKey)) return null;
      return raw as Message<'log-stage-set'>;
    case 'set-sign':
      if (!allowed(['sign', 'noticedOn'])) return null;
      if (!isOneOf(raw.sign, SIGN_IDS)) return null;
      if (raw.noticedOn !== null && !isCivilDate(raw.noticedOn)) return null;
      return raw as Message<'set-sign'>;
    case 'save-draft':
      if (!allowed(['id', 'text']) || !isKey(raw.id)) return null;
      // A little over the limit, so the background can say in words that it is too long.
      if (!isText(raw.text, DRAFT_MAX_CHARS * 2)) return null;
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
    case 'quick-add-undo':
      if (!allowed(['profileId']) || !isText(raw.profileId, PROFILE_ID_MAX_CHARS, 1)) return null;
      return raw as Message<'quick-add-undo'>;
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
