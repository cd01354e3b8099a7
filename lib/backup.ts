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
  /** Plain words for the person, ending with the reassurance that nothing was changed. */
  message: string;
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

class Refusal extends Error {
  constructor(
    readonly code: ImportProblemCode,
    message: string,
  ) {
    super(message);
  }
}

const UNCHANGED = 'Nothing was changed.';

function refuse(code: ImportProblemCode, message: string): never {
  throw new Refusal(code, `${message} ${UNCHANGED}`);
}

type Obj = Record<string, unknown>;

function describe(v: unknown): string {
  if (v === null) return 'empty (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a group of fields';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true or false';
  return typeof v;
}

function wrongType(path: string, want: string, got: unknown): never {
  refuse('wrong-type', `In this backup, ${path} should be ${want}, but it is ${describe(got)}.`);
}

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    wrongType(path, 'a group of fields', v);
  return v as Obj;
}

function list(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) wrongType(path, 'a list', v);
  return v;
}

/** Refuses fields the format does not have, then fields it needs but lack. */
function fields(
  o: Obj,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
) {
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k))
      refuse(
        'unknown-field',
        `This backup has a field No Contact does not know: "${k}" in ${path}. It may come from another program or have been edited.`,
      );
  }
  for (const k of required) {
    if (!Object.hasOwn(o, k))
      refuse('missing-field', `This backup is incomplete: ${path} has no "${k}".`);
  }
}

function str(v: unknown, path: string, maxChars: number, minChars = 1): string {
  if (typeof v !== 'string') wrongType(path, 'text', v);
  if (v.length < minChars) refuse('wrong-type', `In this backup, ${path} is empty.`);
  if (v.length > maxChars)
    refuse('too-long', `In this backup, ${path} is longer than ${maxChars} characters.`);
  return v;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') wrongType(path, 'true or false', v);
  return v;
}

function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) wrongType(path, 'a whole number', v);
  if (v < min || v > max)
    refuse('out-of-range', `In this backup, ${path} is ${v}, outside ${min} to ${max}.`);
  return v;
}

function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (typeof v !== 'string') wrongType(path, 'text', v);
  if (!(allowed as readonly string[]).includes(v))
    refuse(
      'not-allowed',
      `In this backup, ${path} is "${v.slice(0, 40)}", which is not one of: ${allowed.join(', ')}.`,
    );
  return v as T;
}

interface Clock {
  now: number;
}

function instant(v: unknown, path: string, clock: Clock, maxAhead = FUTURE_TOLERANCE_MS): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) wrongType(path, 'a time (a whole number)', v);
  if (v < EARLIEST_TIME)
    refuse(
      'too-old',
      `In this backup, ${path} is dated before the year 2000, which cannot be right.`,
    );
  if (v > clock.now + maxAhead)
    refuse(
      'future',
      `In this backup, ${path} is dated in the future. Check this computer's date and time, or the file was changed.`,
    );
  return v;
}

function civil(v: unknown, path: string, clock: Clock, maxAheadDays = 1): CivilDate {
  if (typeof v !== 'string') wrongType(path, 'a date like 2026-03-14', v);
  if (!isCivilDate(v))
    refuse('bad-date', `In this backup, ${path} is not a real date ("${String(v).slice(0, 20)}").`);
  if (v < EARLIEST_DATE)
    refuse(
      'too-old',
      `In this backup, the date ${path} is before the year 2000, which cannot be right.`,
    );
  const latest = addDays(new Date(clock.now).toISOString().slice(0, 10), maxAheadDays);
  if (v > latest)
    refuse(
      'future',
      `In this backup, the date ${path} is too far in the future. Check this computer's date, or the file was changed.`,
    );
  return v;
}

function timeZone(v: unknown, path: string): string {
  if (typeof v !== 'string') wrongType(path, 'a time zone name', v);
  if (!isTimeZone(v))
    refuse('bad-time-zone', `In this backup, ${path} is not a time zone this browser knows.`);
  return v;
}

function httpAddress(v: unknown, path: string): string {
  const s = str(v, path, 2048);
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    refuse('bad-address', `In this backup, ${path} is not a web address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    refuse(
      'address-scheme',
      `In this backup, ${path} is a "${url.protocol}" address. Only https:// and http:// addresses can be listed.`,
    );
  return s;
}

/** Refuses prototype-polluting keys and absurd nesting anywhere, before anything reads the values. */
function scanKeys(root: unknown): void {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [
    { v: root, depth: 0, path: 'the file' },
  ];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_DEPTH)
      refuse('too-deep', 'This file is nested far deeper than any No Contact backup.');
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, depth: depth + 1, path: `${path}[${i}]` }));
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k))
        refuse(
          'forbidden-key',
          `This file contains a field named "${k}", which a backup never has; it can be used to attack programs that read it.`,
        );
      stack.push({ v: (v as Obj)[k], depth: depth + 1, path: `${path}.${k}` });
    }
  }
}

function checkPlan(v: unknown, clock: Clock): Plan | null {
  if (v === null) return null;
  const o = obj(v, 'the plan');
  fields(o, 'the plan', ['startDate', 'goalDays', 'looksRestart'], ['timeZone']);
  const plan: Plan = {
    startDate: civil(o.startDate, "the plan's start date", clock, PLAN_START_MAX_AHEAD_DAYS),
    goalDays: int(o.goalDays, "the plan's goal", 1, GOAL_DAYS_MAX),
    looksRestart: bool(o.looksRestart, 'the plan\'s "looking restarts" choice'),
  };
  if (o.timeZone !== undefined) plan.timeZone = timeZone(o.timeZone, "the plan's time zone");
  return plan;
}

function checkProfile(v: unknown, i: number, clock: Clock): Profile {
  const path = `listed profile ${i + 1}`;
  const o = obj(v, path);
  fields(o, path, ['id', 'platform', 'key', 'display', 'url', 'mode', 'addedAt']);
  const platform = oneOf(o.platform, `the platform of ${path}`, PLATFORMS);
  const key = str(o.key, `the account of ${path}`, 512);
  const id = str(o.id, `the id of ${path}`, 600);
  if (id !== `${platform}:${key}`)
    refuse('profile-mismatch', `In this backup, the id of ${path} does not match its account.`);
  return {
    id,
    platform,
    key,
    display: str(o.display, `the name shown for ${path}`, 300),
    url: httpAddress(o.url, `the address of ${path}`),
    mode: oneOf(o.mode, `the mode of ${path}`, ['block', 'modified'] as const),
    addedAt: instant(o.addedAt, `the time ${path} was added`, clock),
  };
}

function checkFriction(v: unknown, path: string): Friction {
  const o = obj(v, path);
  fields(o, path, ['pauseSeconds', 'phraseRequired', 'allowMinutes']);
  return {
    pauseSeconds: int(o.pauseSeconds, `the pause in ${path}`, 0, 60),
    phraseRequired: bool(o.phraseRequired, `the typed phrase choice in ${path}`),
    allowMinutes: int(o.allowMinutes, `the minutes allowed in ${path}`, 1, 60),
  };
}

function checkChange(v: unknown, path: string): Change {
  const o = obj(v, path);
  const kind = oneOf(o.kind, `the kind of ${path}`, [
    'remove-profile',
    'switch-to-modified',
    'lower-friction',
    'end-plan',
  ] as const);
  switch (kind) {
    case 'remove-profile':
    case 'switch-to-modified':
      fields(o, path, ['kind', 'profileId']);
      return { kind, profileId: str(o.profileId, `the profile of ${path}`, 600) };
    case 'lower-friction':
      fields(o, path, ['kind', 'friction']);
      return { kind, friction: checkFriction(o.friction, path) };
    case 'end-plan':
      fields(o, path, ['kind', 'reason']);
      return { kind, reason: oneOf(o.reason, `the reason in ${path}`, PLAN_END_REASONS) };
  }
}

function checkPending(v: unknown, i: number, clock: Clock): PendingChange {
  const path = `waiting change ${i + 1}`;
  const o = obj(v, path);
  fields(o, path, ['id', 'change', 'requestedAt', 'dueAt']);
  return {
    id: str(o.id, `the id of ${path}`, 100),
    change: checkChange(o.change, path),
    requestedAt: instant(o.requestedAt, `the time ${path} was asked for`, clock),
    dueAt: instant(o.dueAt, `the time ${path} takes effect`, clock, 366 * 86_400_000),
  };
}

function checkSettings(v: unknown, clock: Clock): Settings {
  const o = obj(v, 'the settings');
  // Version 2 settings (from backups made before if-then plans) read as version 3 without any.
  if (o.version !== SETTINGS_VERSION && o.version !== 2)
    refuse(
      'settings-version',
      `The settings in this backup are of a kind (version ${String(o.version).slice(0, 10)}) this version of No Contact cannot import.`,
    );
  const common = ['version', 'plan', 'profiles', 'friction', 'reasons', 'pending'];
  fields(o, 'the settings', o.version === 2 ? common : [...common, 'ifThen']);
  const profiles = list(o.profiles, 'the list of profiles').map((p, i) =>
    checkProfile(p, i, clock),
  );
  const ids = new Set<string>();
  for (const p of profiles) {
    if (ids.has(p.id))
      refuse('duplicate-profile', `This backup lists the same profile twice (${p.display}).`);
    ids.add(p.id);
  }
  const reasons = list(o.reasons, 'your reasons').map((r, i) =>
    str(r, `reason ${i + 1}`, NOTE_MAX_CHARS),
  );
  const pending = list(o.pending, 'the waiting changes').map((p, i) => checkPending(p, i, clock));
  const pendingIds = new Set<string>();
  for (const p of pending) {
    if (pendingIds.has(p.id))
      refuse('duplicate-pending', 'This backup has two waiting changes with the same id.');
    pendingIds.add(p.id);
  }
  return {
    version: SETTINGS_VERSION,
    plan: checkPlan(o.plan, clock),
    profiles,
    friction: checkFriction(o.friction, 'the pause and confirmation settings'),
    reasons,
    ifThen: o.version === 2 ? [] : checkIfThen(o.ifThen),
    pending,
  };
}

function checkIfThen(v: unknown): IfThenPlan[] {
  const plans = list(v, 'your if-then plans');
  if (plans.length > IF_THEN_MAX)
    refuse('out-of-range', `This backup has more than ${IF_THEN_MAX} if-then plans.`);
  return plans.map((p, i) => {
    const path = `if-then plan ${i + 1}`;
    const o = obj(p, path);
    fields(o, path, ['when', 'then']);
    const part = (x: unknown, which: string) => {
      const t = str(x, `the “${which}” part of ${path}`, IF_THEN_PART_MAX_CHARS);
      if (t.trim() === '')
        refuse('wrong-type', `In this backup, the “${which}” part of ${path} is empty.`);
      return t;
    };
    return { when: part(o.when, 'if'), then: part(o.then, 'then') };
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
  const path = `event ${i + 1}`;
  const o = obj(v, path);
  const kind = oneOf(o.kind, `the kind of ${path}`, EVENT_KINDS);
  fields(
    o,
    path,
    [...COMMON_FIELDS, ...KIND_FIELDS[kind].required],
    [...OPTIONAL_FIELDS, ...KIND_FIELDS[kind].optional],
  );
  const time = instant(o.time, `the time of ${path}`, clock);
  const localDate = civil(o.localDate, `the day of ${path}`, clock);
  // Every zone is within a day of UTC, so a day further off was not recorded at that time.
  if (Math.abs(daysBetween(new Date(time).toISOString().slice(0, 10), localDate)) > 1)
    refuse('date-mismatch', `In this backup, the day of ${path} does not fit its time.`);
  const base = {
    id: str(o.id, `the id of ${path}`, 100),
    time,
    localDate,
    timeZone: timeZone(o.timeZone, `the time zone of ${path}`),
    source: oneOf(o.source, `where ${path} was recorded`, EVENT_SOURCES),
    ...(o.profileId !== undefined && {
      profileId: str(o.profileId, `the profile of ${path}`, 600),
    }),
    ...(o.dedupeKey !== undefined && { dedupeKey: str(o.dedupeKey, `the key of ${path}`, 200) }),
    ...(o.undoneAt !== undefined && {
      undoneAt: instant(o.undoneAt, `the time ${path} was undone`, clock),
    }),
  };
  switch (kind) {
    case 'urge-resisted':
      return { ...base, kind };
    case 'necessary-contact':
      return {
        ...base,
        kind,
        ...(o.note !== undefined && {
          note: str(o.note, `the note of ${path}`, NOTE_MAX_CHARS, 0),
        }),
      };
    case 'they-reached-out':
      return {
        ...base,
        kind,
        channel: oneOf(o.channel, `how they made contact in ${path}`, CONTACT_CHANNELS),
        ...(o.gist !== undefined && {
          gist: oneOf(o.gist, `what their contact was like in ${path}`, REACH_OUT_GISTS),
        }),
        ...(o.note !== undefined && {
          note: str(o.note, `the note of ${path}`, NOTE_MAX_CHARS, 0),
        }),
      };
    case 'slip':
      return {
        ...base,
        kind,
        what: oneOf(o.what, `what happened in ${path}`, SLIP_KINDS),
        ...(o.note !== undefined && {
          note: str(o.note, `the note of ${path}`, NOTE_MAX_CHARS, 0),
        }),
        restarted: bool(o.restarted, `whether ${path} restarted the count`),
      };
    case 'plan-started':
      return {
        ...base,
        kind,
        startDate: civil(
          o.startDate,
          `the start date in ${path}`,
          clock,
          PLAN_START_MAX_AHEAD_DAYS,
        ),
        goalDays: int(o.goalDays, `the goal in ${path}`, 1, GOAL_DAYS_MAX),
      };
    case 'plan-ended':
      return { ...base, kind, reason: oneOf(o.reason, `the reason in ${path}`, PLAN_END_REASONS) };
  }
}

function checkEvents(v: unknown, clock: Clock): LogEvent[] {
  const events = list(v, 'the events').map((e, i) => canonicalEvent(checkEvent(e, i, clock)));
  const ids = new Set<string>();
  const keys = new Set<string>();
  events.forEach((e, i) => {
    if (ids.has(e.id))
      refuse(
        'duplicate-event',
        `This backup has two events with the same id (event ${i + 1} repeats an earlier one).`,
      );
    ids.add(e.id);
    if (e.dedupeKey !== undefined) {
      if (keys.has(e.dedupeKey))
        refuse(
          'duplicate-dedupe-key',
          `Event ${i + 1} in this backup records the same action twice.`,
        );
      keys.add(e.dedupeKey);
    }
  });
  return events;
}

function checkDrafts(v: unknown, clock: Clock): Draft[] {
  const drafts = list(v, 'the drafts').map((d, i) => {
    const path = `draft ${i + 1}`;
    const o = obj(d, path);
    fields(o, path, ['id', 'text', 'time', 'localDate', 'timeZone']);
    const time = instant(o.time, `the time of ${path}`, clock);
    const localDate = civil(o.localDate, `the day of ${path}`, clock);
    if (Math.abs(daysBetween(new Date(time).toISOString().slice(0, 10), localDate)) > 1)
      refuse('date-mismatch', `In this backup, the day of ${path} does not fit its time.`);
    return canonicalDraft({
      id: str(o.id, `the id of ${path}`, 100),
      text: str(o.text, `the text of ${path}`, DRAFT_MAX_CHARS),
      time,
      localDate,
      timeZone: timeZone(o.timeZone, `the time zone of ${path}`),
    });
  });
  const ids = new Set<string>();
  drafts.forEach((d, i) => {
    if (ids.has(d.id))
      refuse('duplicate-draft', `This backup has two drafts with the same id (draft ${i + 1}).`);
    ids.add(d.id);
  });
  return drafts;
}

function checkSigns(v: unknown, clock: Clock): SignNoticed[] {
  const signs = list(v, 'the signs you noticed').map((x, i) => {
    const path = `sign ${i + 1}`;
    const o = obj(x, path);
    fields(o, path, ['sign', 'noticedOn', 'recordedAt']);
    return canonicalSign({
      sign: oneOf(o.sign, `which sign ${path} is`, SIGN_IDS),
      noticedOn: civil(o.noticedOn, `the day ${path} was noticed`, clock),
      recordedAt: instant(o.recordedAt, `the time ${path} was ticked`, clock),
    });
  });
  const seen = new Set<string>();
  for (const x of signs) {
    if (seen.has(x.sign)) refuse('duplicate-sign', 'This backup ticks the same sign twice.');
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
    if (e instanceof Refusal) return { ok: false, problem: { code: e.code, message: e.message } };
    throw e;
  }
}

function byteLength(text: string): number {
  // Each UTF-16 unit is at least one UTF-8 byte: a long string is too big without encoding it.
  if (text.length > BACKUP_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function parseStrict(text: string, clock: Clock): CheckedBackup {
  if (typeof text !== 'string' || text.trim() === '')
    refuse('empty', 'This file is empty, so there is nothing to import.');
  if (byteLength(text) > BACKUP_MAX_BYTES)
    refuse(
      'too-large',
      'This file is larger than 5 MB, far more than a No Contact backup holds, so it was not read.',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    refuse(
      'not-json',
      'This file is not a No Contact backup: it is not readable as a backup at all.',
    );
  }
  scanKeys(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    refuse('not-a-backup', 'This file holds data, but not a No Contact backup.');
  const top = raw as Obj;
  if (top.format !== BACKUP_FORMAT)
    refuse('wrong-format', 'This file is not a No Contact backup (it is some other kind of file).');
  if (
    typeof top.version === 'number' &&
    Number.isInteger(top.version) &&
    top.version > BACKUP_VERSION
  )
    refuse(
      'newer-version',
      'This backup was made by a newer version of No Contact. Update the extension, then import it again.',
    );
  if (!READABLE_VERSIONS.includes(top.version as number))
    refuse('unknown-version', 'This backup has a version number No Contact does not know.');
  const v1 = top.version === 1;
  fields(
    top,
    'the file',
    v1
      ? ['format', 'version', 'exportedAt', 'settings', 'events']
      : ['format', 'version', 'exportedAt', 'settings', 'events', 'drafts', 'signs'],
  );
  if (typeof top.exportedAt !== 'string' || !ISO_UTC.test(top.exportedAt))
    refuse('bad-time', 'This backup does not say, in a readable way, when it was made.');
  instant(Date.parse(top.exportedAt), 'the time the backup was made', clock);
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
    throw new ImportFailed(
      restored
        ? 'The backup could not be saved, so nothing was changed. Please try again.'
        : 'The backup could not be saved, and your earlier history could not be put back. Export now if you can, then try the import again.',
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
