import { DRAFT_MAX_CHARS, type Draft } from './drafts';
import { allEvents } from './db/events';
import { countersFor, toRow, type NoContactDb } from './db/schema';
import { PLATFORMS } from './profiles/types';
import {
  GOAL_DAYS_MAX,
  IF_THEN_MAX,
  IF_THEN_PART_MAX_CHARS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  loadSettings,
  type Change,
  type Friction,
  type IfThenPlan,
  type KeyValueArea,
  type PendingChange,
  type Plan,
  type Settings,
} from './settings';
import { addDays, daysBetween, isCivilDate, isTimeZone, type CivilDate } from './streak/calendar';
import { SIGN_IDS, type SignNoticed } from './signs';
import {
  CONTACT_CHANNELS,
  EVENT_KINDS,
  EVENT_SOURCES,
  NOTE_MAX_CHARS,
  PLAN_END_REASONS,
  REACH_OUT_GISTS,
  SLIP_KINDS,
  canonicalEvent,
  type LogEvent,
} from './streak/events';
import type { Profile } from './profiles/types';
import { words, type Words } from './words';

export const BACKUP_FORMAT = 'no-contact-backup';
/**
 * 2 added drafts, signs and (in settings v3) if-then plans. Version 1 files still import:
 * they simply have none of those.
 */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];
/** Far more than years of heavy use take (about 250 bytes an event). */
export const BACKUP_MAX_BYTES = 5 * 1024 * 1024;
/** How far ahead of this computer's clock a backup's times may be (another device's clock may run fast). */
export const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;
/** Nothing in a backup can be older than this. */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
export const EARLIEST_DATE: CivilDate = '2000-01-01';
/** A plan may be set to start ahead of time, but not this far ahead. */
const PLAN_START_MAX_AHEAD_DAYS = 366;
const MAX_DEPTH = 16;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
  settings: Settings;
  /** Every event, undone ones included, in time order. */
  events: LogEvent[];
  /** "Write it here instead": every kept draft, oldest first. */
  drafts: Draft[];
  /** The signs it is working that were ticked, in the checklist's order. */
  signs: SignNoticed[];
}

declare const checked: unique symbol;
/** A backup that passed checkBackup; only such a backup can be applied. */
export type CheckedBackup = Backup & { readonly [checked]: true };

export type ImportProblemCode =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'not-a-backup'
  | 'wrong-format'
  | 'newer-version'
  | 'unknown-version'
  | 'forbidden-key'
  | 'too-deep'
  | 'unknown-field'
  | 'missing-field'
  | 'wrong-type'
  | 'not-allowed'
  | 'out-of-range'
  | 'too-long'
  | 'bad-date'
  | 'bad-time'
  | 'future'
  | 'too-old'
  | 'date-mismatch'
  | 'bad-time-zone'
  | 'bad-address'
  | 'address-scheme'
  | 'profile-mismatch'
  | 'duplicate-event'
  | 'duplicate-dedupe-key'
  | 'duplicate-profile'
  | 'duplicate-pending'
  | 'duplicate-draft'
  | 'duplicate-sign'
  | 'settings-version';

export interface ImportProblem {
  code: ImportProblemCode;
  /**
   * What is wrong, in plain words for the person (say() from lib/i18n puts them in the
   * browser's language), ending with the reassurance that nothing was changed.
   */
  words: Words;
}

export interface ImportPreview {
  plan: Plan | null;
  profiles: number;
  events: number;
  drafts: number;
  signs: number;
  ifThen: number;
  exportedAt: string;
}

export type ImportCheck =
  | { ok: true; backup: CheckedBackup; preview: ImportPreview }
  | { ok: false; problem: ImportProblem };

// ---------------------------------------------------------------------------------------
// Export

export async function exportBackup(
  db: NoContactDb,
  area: KeyValueArea,
  now: number,
): Promise<Backup> {
  const settings = await loadSettings(area);
  const { events, drafts, signs } = await db.transaction(
    'r',
    db.events,
    db.drafts,
    db.signs,
    async () => ({
      events: (await allEvents(db)).map(canonicalEvent),
      drafts: (await db.drafts.orderBy('time').toArray()).sort(byTimeThenId).map(canonicalDraft),
      signs: (await db.signs.toArray()).sort(bySignOrder).map(canonicalSign),
    }),
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    events,
    drafts,
    signs,
  };
}

const byTimeThenId = (a: Draft, b: Draft) =>
  a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const bySignOrder = (a: SignNoticed, b: SignNoticed) =>
  SIGN_IDS.indexOf(a.sign) - SIGN_IDS.indexOf(b.sign);

/** Fields in one fixed order, and nothing else (see canonicalEvent). */
function canonicalDraft(d: Draft): Draft {
  return { id: d.id, text: d.text, time: d.time, localDate: d.localDate, timeZone: d.timeZone };
}

function canonicalSign(x: SignNoticed): SignNoticed {
  return { sign: x.sign, noticedOn: x.noticedOn, recordedAt: x.recordedAt };
}

export function backupToJson(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------
// Strict checking. Every refusal names the place in the file and says nothing was changed.
// The words are message keys (see lib/words): the options page says them in the browser's
// language. A place in the file is Words too ("the time of event 3"), nested in the refusal.

class Refusal extends Error {
  constructor(
    readonly code: ImportProblemCode,
    readonly problem: Words,
  ) {
    super(`${code} (${problem.key})`);
  }
}

/** Refuses the file: `problem` says what is wrong, and "Nothing was changed." follows it. */
function refuse(code: ImportProblemCode, problem: Words): never {
  throw new Refusal(code, words('backupProblem', problem));
}

type Obj = Record<string, unknown>;

/** What kind of value `v` is, in words ("a list", "text"). */
function describe(v: unknown): Words {
  if (v === null) return words('backupKindNull');
  if (Array.isArray(v)) return words('backupKindList');
  if (typeof v === 'object') return words('backupKindFields');
  if (typeof v === 'string') return words('backupKindText');
  if (typeof v === 'number') return words('backupKindNumber');
  if (typeof v === 'boolean') return words('backupKindTrueFalse');
  // JSON has no other kind of value: what is left is a field that is not there.
  return words('backupKindMissing');
}

function wrongType(path: Words, want: Words, got: unknown): never {
  refuse('wrong-type', words('backupWrongType', path, want, describe(got)));
}

function obj(v: unknown, path: Words): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    wrongType(path, words('backupKindFields'), v);
  return v as Obj;
}

function list(v: unknown, path: Words): unknown[] {
  if (!Array.isArray(v)) wrongType(path, words('backupKindList'), v);
  return v;
}

/** Refuses fields the format does not have, then fields it needs but lack. */
function fields(
  o: Obj,
  path: Words,
  required: readonly string[],
  optional: readonly string[] = [],
) {
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k))
      refuse('unknown-field', words('backupUnknownField', k, path));
  }
  for (const k of required) {
    if (!Object.hasOwn(o, k)) refuse('missing-field', words('backupMissingField', path, k));
  }
}

function str(v: unknown, path: Words, maxChars: number, minChars = 1): string {
  if (typeof v !== 'string') wrongType(path, words('backupKindText'), v);
  if (v.length < minChars) refuse('wrong-type', words('backupEmptyText', path));
  if (v.length > maxChars) refuse('too-long', words('backupTooLong', path, maxChars));
  return v;
}

function bool(v: unknown, path: Words): boolean {
  if (typeof v !== 'boolean') wrongType(path, words('backupKindTrueFalse'), v);
  return v;
}

function int(v: unknown, path: Words, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    wrongType(path, words('backupKindWholeNumber'), v);
  if (v < min || v > max) refuse('out-of-range', words('backupOutOfRange', path, v, min, max));
  return v;
}

function oneOf<T extends string>(v: unknown, path: Words, allowed: readonly T[]): T {
  if (typeof v !== 'string') wrongType(path, words('backupKindText'), v);
  if (!(allowed as readonly string[]).includes(v))
    refuse('not-allowed', words('backupNotAllowed', path, v.slice(0, 40), allowed.join(', ')));
  return v as T;
}

interface Clock {
  now: number;
}

function instant(v: unknown, path: Words, clock: Clock, maxAhead = FUTURE_TOLERANCE_MS): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) wrongType(path, words('backupKindTime'), v);
  if (v < EARLIEST_TIME) refuse('too-old', words('backupTimeTooOld', path));
  if (v > clock.now + maxAhead) refuse('future', words('backupTimeInFuture', path));
  return v;
}

function civil(v: unknown, path: Words, clock: Clock, maxAheadDays = 1): CivilDate {
  if (typeof v !== 'string') wrongType(path, words('backupKindDate'), v);
  if (!isCivilDate(v))
    refuse('bad-date', words('backupNotARealDate', path, String(v).slice(0, 20)));
  if (v < EARLIEST_DATE) refuse('too-old', words('backupDateTooOld', path));
  const latest = addDays(new Date(clock.now).toISOString().slice(0, 10), maxAheadDays);
  if (v > latest) refuse('future', words('backupDateInFuture', path));
  return v;
}

function timeZone(v: unknown, path: Words): string {
  if (typeof v !== 'string') wrongType(path, words('backupKindTimeZone'), v);
  if (!isTimeZone(v)) refuse('bad-time-zone', words('backupBadTimeZone', path));
  return v;
}

function httpAddress(v: unknown, path: Words): string {
  const s = str(v, path, 2048);
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    refuse('bad-address', words('backupNotAnAddress', path));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    refuse('address-scheme', words('backupAddressScheme', path, url.protocol));
  return s;
}

/** Refuses prototype-polluting keys and absurd nesting anywhere, before anything reads the values. */
function scanKeys(root: unknown): void {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_DEPTH) refuse('too-deep', words('backupTooDeep'));
    if (Array.isArray(v)) {
      v.forEach((item) => stack.push({ v: item, depth: depth + 1 }));
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) refuse('forbidden-key', words('backupForbiddenKey', k));
      stack.push({ v: (v as Obj)[k], depth: depth + 1 });
    }
  }
}

function checkPlan(v: unknown, clock: Clock): Plan | null {
  if (v === null) return null;
  const path = words('backupPlacePlan');
  const o = obj(v, path);
  fields(o, path, ['startDate', 'goalDays', 'looksRestart'], ['timeZone']);
  const plan: Plan = {
    startDate: civil(o.startDate, words('backupPlacePlanStart'), clock, PLAN_START_MAX_AHEAD_DAYS),
    goalDays: int(o.goalDays, words('backupPlacePlanGoal'), 1, GOAL_DAYS_MAX),
    looksRestart: bool(o.looksRestart, words('backupPlacePlanLooksRestart')),
  };
  if (o.timeZone !== undefined)
    plan.timeZone = timeZone(o.timeZone, words('backupPlacePlanTimeZone'));
  return plan;
}

function checkProfile(v: unknown, i: number, clock: Clock): Profile {
  const path = words('backupPlaceProfile', i + 1);
  const o = obj(v, path);
  fields(o, path, ['id', 'platform', 'key', 'display', 'url', 'mode', 'addedAt']);
  const platform = oneOf(o.platform, words('backupPlacePlatformOf', path), PLATFORMS);
  const key = str(o.key, words('backupPlaceAccountOf', path), 512);
  const id = str(o.id, words('backupPlaceIdOf', path), 600);
  if (id !== `${platform}:${key}`) refuse('profile-mismatch', words('backupProfileMismatch', path));
  return {
    id,
    platform,
    key,
    display: str(o.display, words('backupPlaceNameOf', path), 300),
    url: httpAddress(o.url, words('backupPlaceAddressOf', path)),
    mode: oneOf(o.mode, words('backupPlaceModeOf', path), ['block', 'modified'] as const),
    addedAt: instant(o.addedAt, words('backupPlaceAddedAt', path), clock),
  };
}

function checkFriction(v: unknown, path: Words): Friction {
  const o = obj(v, path);
  fields(o, path, ['pauseSeconds', 'phraseRequired', 'allowMinutes']);
  return {
    pauseSeconds: int(o.pauseSeconds, words('backupPlacePauseIn', path), 0, 60),
    phraseRequired: bool(o.phraseRequired, words('backupPlacePhraseIn', path)),
    allowMinutes: int(o.allowMinutes, words('backupPlaceMinutesIn', path), 1, 60),
  };
}

function checkChange(v: unknown, path: Words): Change {
  const o = obj(v, path);
  const kind = oneOf(o.kind, words('backupPlaceKindOf', path), [
    'remove-profile',
    'switch-to-modified',
    'lower-friction',
    'end-plan',
  ] as const);
  switch (kind) {
    case 'remove-profile':
    case 'switch-to-modified':
      fields(o, path, ['kind', 'profileId']);
      return { kind, profileId: str(o.profileId, words('backupPlaceProfileOf', path), 600) };
    case 'lower-friction':
      fields(o, path, ['kind', 'friction']);
      return { kind, friction: checkFriction(o.friction, path) };
    case 'end-plan':
      fields(o, path, ['kind', 'reason']);
      return {
        kind,
        reason: oneOf(o.reason, words('backupPlaceReasonIn', path), PLAN_END_REASONS),
      };
  }
}

function checkPending(v: unknown, i: number, clock: Clock): PendingChange {
  const path = words('backupPlacePending', i + 1);
  const o = obj(v, path);
  fields(o, path, ['id', 'change', 'requestedAt', 'dueAt']);
  return {
    id: str(o.id, words('backupPlaceIdOf', path), 100),
    change: checkChange(o.change, path),
    requestedAt: instant(o.requestedAt, words('backupPlaceRequestedAt', path), clock),
    dueAt: instant(o.dueAt, words('backupPlaceDueAt', path), clock, 366 * 86_400_000),
  };
}

function checkSettings(v: unknown, clock: Clock): Settings {
  const path = words('backupPlaceSettings');
  const o = obj(v, path);
  // Version 2 settings (from backups made before if-then plans) read as version 3 without any.
  if (o.version !== SETTINGS_VERSION && o.version !== 2)
    refuse('settings-version', words('backupSettingsVersion', String(o.version).slice(0, 10)));
  const common = ['version', 'plan', 'profiles', 'friction', 'reasons', 'pending'];
  fields(o, path, o.version === 2 ? common : [...common, 'ifThen']);
  const profiles = list(o.profiles, words('backupPlaceProfiles')).map((p, i) =>
    checkProfile(p, i, clock),
  );
  const ids = new Set<string>();
  for (const p of profiles) {
    if (ids.has(p.id)) refuse('duplicate-profile', words('backupDuplicateProfile', p.display));
    ids.add(p.id);
  }
  const reasons = list(o.reasons, words('backupPlaceReasons')).map((r, i) =>
    str(r, words('backupPlaceReason', i + 1), NOTE_MAX_CHARS),
  );
  const pending = list(o.pending, words('backupPlacePendingList')).map((p, i) =>
    checkPending(p, i, clock),
  );
  const pendingIds = new Set<string>();
  for (const p of pending) {
    if (pendingIds.has(p.id)) refuse('duplicate-pending', words('backupDuplicatePending'));
    pendingIds.add(p.id);
  }
  return {
    version: SETTINGS_VERSION,
    plan: checkPlan(o.plan, clock),
    profiles,
    friction: checkFriction(o.friction, words('backupPlaceFriction')),
    reasons,
    ifThen: o.version === 2 ? [] : checkIfThen(o.ifThen),
    pending,
  };
}

function checkIfThen(v: unknown): IfThenPlan[] {
  const plans = list(v, words('backupPlaceIfThenList'));
  if (plans.length > IF_THEN_MAX) refuse('out-of-range', words('backupTooManyIfThen', IF_THEN_MAX));
  return plans.map((p, i) => {
    const path = words('backupPlaceIfThen', i + 1);
    const o = obj(p, path);
    fields(o, path, ['when', 'then']);
    const part = (x: unknown, where: Words) => {
      const t = str(x, where, IF_THEN_PART_MAX_CHARS);
      if (t.trim() === '') refuse('wrong-type', words('backupEmptyText', where));
      return t;
    };
    return {
      when: part(o.when, words('backupPlaceIfPartOf', path)),
      then: part(o.then, words('backupPlaceThenPartOf', path)),
    };
  });
}

const COMMON_FIELDS = ['id', 'kind', 'time', 'localDate', 'timeZone', 'source'] as const;
const OPTIONAL_FIELDS = ['profileId', 'dedupeKey', 'undoneAt'] as const;
const KIND_FIELDS: Record<LogEvent['kind'], { required: string[]; optional: string[] }> = {
  'urge-resisted': { required: [], optional: [] },
  'necessary-contact': { required: [], optional: ['note'] },
  'they-reached-out': { required: ['channel'], optional: ['gist', 'note'] },
  slip: { required: ['what', 'restarted'], optional: ['note'] },
  'plan-started': { required: ['startDate', 'goalDays'], optional: [] },
  'plan-ended': { required: ['reason'], optional: [] },
};

function checkEvent(v: unknown, i: number, clock: Clock): LogEvent {
  const path = words('backupPlaceEvent', i + 1);
  const o = obj(v, path);
  const kind = oneOf(o.kind, words('backupPlaceKindOf', path), EVENT_KINDS);
  fields(
    o,
    path,
    [...COMMON_FIELDS, ...KIND_FIELDS[kind].required],
    [...OPTIONAL_FIELDS, ...KIND_FIELDS[kind].optional],
  );
  const time = instant(o.time, words('backupPlaceTimeOf', path), clock);
  const localDate = civil(o.localDate, words('backupPlaceDayOf', path), clock);
  // Every zone is within a day of UTC, so a day further off was not recorded at that time.
  if (Math.abs(daysBetween(new Date(time).toISOString().slice(0, 10), localDate)) > 1)
    refuse('date-mismatch', words('backupDateMismatch', path));
  const note = () => ({
    ...(o.note !== undefined && {
      note: str(o.note, words('backupPlaceNoteOf', path), NOTE_MAX_CHARS, 0),
    }),
  });
  const base = {
    id: str(o.id, words('backupPlaceIdOf', path), 100),
    time,
    localDate,
    timeZone: timeZone(o.timeZone, words('backupPlaceTimeZoneOf', path)),
    source: oneOf(o.source, words('backupPlaceSourceOf', path), EVENT_SOURCES),
    ...(o.profileId !== undefined && {
      profileId: str(o.profileId, words('backupPlaceProfileOf', path), 600),
    }),
    ...(o.dedupeKey !== undefined && {
      dedupeKey: str(o.dedupeKey, words('backupPlaceKeyOf', path), 200),
    }),
    ...(o.undoneAt !== undefined && {
      undoneAt: instant(o.undoneAt, words('backupPlaceUndoneAt', path), clock),
    }),
  };
  switch (kind) {
    case 'urge-resisted':
      return { ...base, kind };
    case 'necessary-contact':
      return { ...base, kind, ...note() };
    case 'they-reached-out':
      return {
        ...base,
        kind,
        channel: oneOf(o.channel, words('backupPlaceChannelIn', path), CONTACT_CHANNELS),
        ...(o.gist !== undefined && {
          gist: oneOf(o.gist, words('backupPlaceGistIn', path), REACH_OUT_GISTS),
        }),
        ...note(),
      };
    case 'slip':
      return {
        ...base,
        kind,
        what: oneOf(o.what, words('backupPlaceWhatIn', path), SLIP_KINDS),
        ...note(),
        restarted: bool(o.restarted, words('backupPlaceRestartedIn', path)),
      };
    case 'plan-started':
      return {
        ...base,
        kind,
        startDate: civil(
          o.startDate,
          words('backupPlaceStartDateIn', path),
          clock,
          PLAN_START_MAX_AHEAD_DAYS,
        ),
        goalDays: int(o.goalDays, words('backupPlaceGoalIn', path), 1, GOAL_DAYS_MAX),
      };
    case 'plan-ended':
      return {
        ...base,
        kind,
        reason: oneOf(o.reason, words('backupPlaceReasonIn', path), PLAN_END_REASONS),
      };
  }
}

function checkEvents(v: unknown, clock: Clock): LogEvent[] {
  const events = list(v, words('backupPlaceEvents')).map((e, i) =>
    canonicalEvent(checkEvent(e, i, clock)),
  );
  const ids = new Set<string>();
  const keys = new Set<string>();
  events.forEach((e, i) => {
    if (ids.has(e.id)) refuse('duplicate-event', words('backupDuplicateEvent', i + 1));
    ids.add(e.id);
    if (e.dedupeKey !== undefined) {
      if (keys.has(e.dedupeKey))
        refuse('duplicate-dedupe-key', words('backupDuplicateAction', i + 1));
      keys.add(e.dedupeKey);
    }
  });
  return events;
}

function checkDrafts(v: unknown, clock: Clock): Draft[] {
  const drafts = list(v, words('backupPlaceDrafts')).map((d, i) => {
    const path = words('backupPlaceDraft', i + 1);
    const o = obj(d, path);
    fields(o, path, ['id', 'text', 'time', 'localDate', 'timeZone']);
    const time = instant(o.time, words('backupPlaceTimeOf', path), clock);
    const localDate = civil(o.localDate, words('backupPlaceDayOf', path), clock);
    if (Math.abs(daysBetween(new Date(time).toISOString().slice(0, 10), localDate)) > 1)
      refuse('date-mismatch', words('backupDateMismatch', path));
    return canonicalDraft({
      id: str(o.id, words('backupPlaceIdOf', path), 100),
      text: str(o.text, words('backupPlaceTextOf', path), DRAFT_MAX_CHARS),
      time,
      localDate,
      timeZone: timeZone(o.timeZone, words('backupPlaceTimeZoneOf', path)),
    });
  });
  const ids = new Set<string>();
  drafts.forEach((d, i) => {
    if (ids.has(d.id)) refuse('duplicate-draft', words('backupDuplicateDraft', i + 1));
    ids.add(d.id);
  });
  return drafts;
}

function checkSigns(v: unknown, clock: Clock): SignNoticed[] {
  const signs = list(v, words('backupPlaceSigns')).map((x, i) => {
    const path = words('backupPlaceSign', i + 1);
    const o = obj(x, path);
    fields(o, path, ['sign', 'noticedOn', 'recordedAt']);
    return canonicalSign({
      sign: oneOf(o.sign, words('backupPlaceWhichSign', path), SIGN_IDS),
      noticedOn: civil(o.noticedOn, words('backupPlaceNoticedOn', path), clock),
      recordedAt: instant(o.recordedAt, words('backupPlaceTickedAt', path), clock),
    });
  });
  const seen = new Set<string>();
  for (const x of signs) {
    if (seen.has(x.sign)) refuse('duplicate-sign', words('backupDuplicateSign'));
    seen.add(x.sign);
  }
  return signs;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * Checks a backup file's text strictly, without changing anything. On success, gives the
 * backup to apply and a preview for the person to confirm.
 */
export function checkBackup(text: string, now: number): ImportCheck {
  try {
    const backup = parseStrict(text, { now });
    return {
      ok: true,
      backup,
      preview: {
        plan: backup.settings.plan,
        profiles: backup.settings.profiles.length,
        events: backup.events.length,
        drafts: backup.drafts.length,
        signs: backup.signs.length,
        ifThen: backup.settings.ifThen.length,
        exportedAt: backup.exportedAt,
      },
    };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problem: { code: e.code, words: e.problem } };
    throw e;
  }
}

function byteLength(text: string): number {
  // Each UTF-16 unit is at least one UTF-8 byte: a long string is too big without encoding it.
  if (text.length > BACKUP_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function parseStrict(text: string, clock: Clock): CheckedBackup {
  if (typeof text !== 'string' || text.trim() === '') refuse('empty', words('backupEmpty'));
  if (byteLength(text) > BACKUP_MAX_BYTES) refuse('too-large', words('backupTooLarge'));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    refuse('not-json', words('backupNotJson'));
  }
  scanKeys(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    refuse('not-a-backup', words('backupNotABackup'));
  const top = raw as Obj;
  if (top.format !== BACKUP_FORMAT) refuse('wrong-format', words('backupWrongFormat'));
  if (
    typeof top.version === 'number' &&
    Number.isInteger(top.version) &&
    top.version > BACKUP_VERSION
  )
    refuse('newer-version', words('backupNewerVersion'));
  if (!READABLE_VERSIONS.includes(top.version as number))
    refuse('unknown-version', words('backupUnknownVersion'));
  const v1 = top.version === 1;
  fields(
    top,
    words('backupPlaceFile'),
    v1
      ? ['format', 'version', 'exportedAt', 'settings', 'events']
      : ['format', 'version', 'exportedAt', 'settings', 'events', 'drafts', 'signs'],
  );
  if (typeof top.exportedAt !== 'string' || !ISO_UTC.test(top.exportedAt))
    refuse('bad-time', words('backupBadExportTime'));
  instant(Date.parse(top.exportedAt), words('backupPlaceExportedAt'), clock);
  const settings = checkSettings(top.settings, clock);
  const events = checkEvents(top.events, clock);
  const drafts = v1 ? [] : checkDrafts(top.drafts, clock);
  const signs = v1 ? [] : checkSigns(top.signs, clock);
  // Whatever version it was read from, it is applied (and would be written) as this one.
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: top.exportedAt,
    settings,
    events,
    drafts,
    signs,
  } as CheckedBackup;
}

// ---------------------------------------------------------------------------------------
// Applying

export class ImportFailed extends Error {
  constructor(
    message: string,
    /** Whether the data from before the import is still in place. */
    readonly restored: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImportFailed';
  }
}

/**
 * Replaces every event, draft and ticked sign, and the settings, with the backup's, all
 * or nothing.
 *
 * IndexedDB and storage.local cannot share a transaction, so:
 * 1. one Dexie transaction reads the old events (and totals, drafts and signs), clears
 *    them and writes the new ones (if any step fails, IndexedDB rolls the whole transaction back: old events
 *    intact, settings never touched);
 * 2. the settings are written in one storage.local call (which applies whole or not);
 * 3. if that write fails, a second transaction puts the old rows back, and the error
 *    says whether it managed to.
 * Only a browser closing between steps 1 and 2 (a few milliseconds) could leave the new
 * events with the old settings; importing the same file again then completes it.
 */
export async function applyBackup(
  db: NoContactDb,
  area: KeyValueArea,
  backup: CheckedBackup,
): Promise<void> {
  const rows = backup.events.map(toRow);
  const stores = [db.events, db.counters, db.drafts, db.signs];
  const previous = await db.transaction('rw', stores, async () => {
    const old = {
      events: await db.events.toArray(),
      counters: await db.counters.toArray(),
      drafts: await db.drafts.toArray(),
      signs: await db.signs.toArray(),
    };
    for (const t of stores) await t.clear();
    await db.events.bulkAdd(rows);
    await db.counters.bulkPut(countersFor(rows));
    await db.drafts.bulkAdd(backup.drafts);
    await db.signs.bulkAdd(backup.signs);
    return old;
  });
  try {
    await area.set({ [SETTINGS_KEY]: backup.settings });
  } catch (cause) {
    let restored = true;
    try {
      await db.transaction('rw', stores, async () => {
        for (const t of stores) await t.clear();
        await db.events.bulkAdd(previous.events);
        await db.counters.bulkPut(previous.counters);
        await db.drafts.bulkAdd(previous.drafts);
        await db.signs.bulkAdd(previous.signs);
      });
    } catch {
      restored = false;
    }
    // For the console: the page words what happened itself, from `restored`.
    throw new ImportFailed(
      restored
        ? 'saving the settings failed; the earlier events, drafts and signs were put back'
        : 'saving the settings failed, and putting the earlier events, drafts and signs back failed too',
      restored,
      { cause },
    );
  }
}

/** Checks and, when the file is acceptable, applies it. For callers that need no preview. */
export async function importBackup(
  db: NoContactDb,
  area: KeyValueArea,
  text: string,
  now: number,
): Promise<ImportCheck> {
  const result = checkBackup(text, now);
  if (result.ok) await applyBackup(db, area, result.backup);
  return result;
}

// ---------------------------------------------------------------------------------------
// Deleting

export interface ClearableArea extends KeyValueArea {
  clear(): Promise<void>;
}

/**
 * Deletes every event and everything in `area` (settings, kept copies of damaged
 * settings). The tables are emptied rather than the database deleted: deleting would wait
 * on every open page's connection. The caller clears the blocking rules.
 */
export async function deleteEverything(db: NoContactDb, area: ClearableArea): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  await area.clear();
}
