import type { Obj } from '../check';
import type { Draft } from '../drafts';
import {
  BACKUP_MAX_BYTES,
  BACKUP_MAX_MB,
  DRAFT_MAX_CHARS,
  GOAL_DAYS_MAX,
  GOAL_DAYS_MIN,
  KEY_MAX_CHARS,
  NOTE_MAX_CHARS,
  PLAN_START_MAX_AHEAD_DAYS,
  PROFILE_ID_MAX_CHARS,
  STORED_DEDUPE_KEY_MAX_CHARS,
} from '../limits';
import { SIGN_IDS, type SignNoticed } from '../signs';
import { daysBetween } from '../streak/calendar';
import {
  CONTACT_CHANNELS,
  NECESSARY_TOPICS,
  EVENT_KINDS,
  EVENT_SOURCES,
  PLAN_END_REASONS,
  REACH_OUT_GISTS,
  SLIP_KINDS,
  canonicalEvent,
  type LogEvent,
} from '../streak/log-event';
import { words } from '../words';
import { checkSettings } from './check-settings';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  READABLE_VERSIONS,
  canonicalDraft,
  canonicalSign,
  type CheckedBackup,
  type ImportCheck,
} from './format';
import {
  Refusal,
  bool,
  civil,
  fields,
  instant,
  int,
  list,
  obj,
  oneOf,
  refuse,
  scanKeys,
  str,
  timeZone,
  type Clock,
} from './refuse';

// Strict checking. Every refusal names the place in the file and says nothing was changed
// (see refuse.ts); the settings are checked in check-settings.ts.

const COMMON_FIELDS = ['id', 'kind', 'time', 'localDate', 'timeZone', 'source'] as const;
const OPTIONAL_FIELDS = ['profileId', 'dedupeKey', 'undoneAt'] as const;
const KIND_FIELDS: Record<LogEvent['kind'], { required: string[]; optional: string[] }> = {
  'urge-resisted': { required: [], optional: [] },
  'necessary-contact': { required: [], optional: ['topic', 'note'] },
  'they-reached-out': { required: ['channel'], optional: ['gist', 'note'] },
  slip: { required: ['what', 'restarted'], optional: ['note'] },
  'plan-started': { required: ['startDate', 'goalDays'], optional: [] },
  'plan-ended': { required: ['reason'], optional: [] },
  'stage-set': { required: [], optional: [] },
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
    id: str(o.id, words('backupPlaceIdOf', path), KEY_MAX_CHARS),
    time,
    localDate,
    timeZone: timeZone(o.timeZone, words('backupPlaceTimeZoneOf', path)),
    source: oneOf(o.source, words('backupPlaceSourceOf', path), EVENT_SOURCES),
    ...(o.profileId !== undefined && {
      profileId: str(o.profileId, words('backupPlaceProfileOf', path), PROFILE_ID_MAX_CHARS),
    }),
    ...(o.dedupeKey !== undefined && {
      dedupeKey: str(o.dedupeKey, words('backupPlaceKeyOf', path), STORED_DEDUPE_KEY_MAX_CHARS),
    }),
    ...(o.undoneAt !== undefined && {
      undoneAt: instant(o.undoneAt, words('backupPlaceUndoneAt', path), clock),
    }),
  };
  switch (kind) {
    case 'urge-resisted':
    case 'stage-set':
      return { ...base, kind };
    case 'necessary-contact':
      return {
        ...base,
        kind,
        ...(o.topic !== undefined && {
          topic: oneOf(o.topic, words('backupPlaceTopicIn', path), NECESSARY_TOPICS),
        }),
        ...note(),
      };
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
        goalDays: int(o.goalDays, words('backupPlaceGoalIn', path), GOAL_DAYS_MIN, GOAL_DAYS_MAX),
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
      id: str(o.id, words('backupPlaceIdOf', path), KEY_MAX_CHARS),
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
  if (byteLength(text) > BACKUP_MAX_BYTES)
    refuse('too-large', words('backupTooLarge', BACKUP_MAX_MB));
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
