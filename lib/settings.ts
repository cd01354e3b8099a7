import { platformModule } from './profiles/registry';
import type { Profile } from './profiles/types';
import { PLATFORMS } from './profiles/types';
import type { CivilDate } from './streak/calendar';
import { isCivilDate, isTimeZone } from './streak/calendar';
import { PLAN_END_REASONS, type PlanEndReason } from './streak/events';
import { isWords, words, type Words } from './words';

export const SETTINGS_KEY = 'settings';
/**
 * Where the stored value is copied, untouched, before a write replaces settings that
 * could only be read in part: repairing never destroys the original.
 */
export const SETTINGS_DAMAGED_KEY = 'settings.damaged';
/** The savedAt of the newest damaged copy the person has read about on the options page. */
export const SETTINGS_DAMAGED_SEEN_KEY = 'settings.damaged.seen';
export const SETTINGS_VERSION = 3;

export const GOAL_DAYS_MAX = 3650;
export const DEFAULT_GOAL_DAYS = 30;
/** Lowering protection or ending the plan waits this long, and can be cancelled meanwhile. */
export const COOLING_OFF_MS = 24 * 60 * 60 * 1000;

export interface Plan {
  /** The day No Contact started (day 1), in the person's calendar. */
  startDate: CivilDate;
  /** Goal length in days (30 by default). */
  goalDays: number;
  /** Whether "Continue anyway" on a profile restarts the count. */
  looksRestart: boolean;
  /**
   * The zone the days are counted in, when the person chose one (say, home while
   * travelling). Absent: the device's zone.
   */
  timeZone?: string;
}

export interface Friction {
  /** Seconds before "Continue anyway" can be used (0 to 60). */
  pauseSeconds: number;
  /** Whether the confirmation phrase must be typed. */
  phraseRequired: boolean;
  /** How long "allow once" lasts, in minutes. */
  allowMinutes: number;
}

/** A change that lowers protection, so it waits out the cooling-off period first. */
export type Change =
  | { kind: 'remove-profile'; profileId: string }
  /** A blocked profile becomes Modified No Contact (a calm reminder, never a restart). */
  | { kind: 'switch-to-modified'; profileId: string }
  | { kind: 'lower-friction'; friction: Friction }
  | { kind: 'end-plan'; reason: PlanEndReason };

export interface PendingChange {
  id: string;
  change: Change;
  /** Epoch ms when it was asked for. */
  requestedAt: number;
  /** Epoch ms from which it takes effect. */
  dueAt: number;
}

/** "If I want to <when>, then I will <then>.": the person's own plan for the moment. */
export interface IfThenPlan {
  when: string;
  then: string;
}

/** Each half of an if-then plan, so the whole fits on the blocked page's card. */
export const IF_THEN_PART_MAX_CHARS = 200;
export const IF_THEN_MAX = 20;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  plan: Plan | null;
  profiles: Profile[];
  friction: Friction;
  reasons: string[];
  /** The person's if-then plans, shown on the blocked page (v3). */
  ifThen: IfThenPlan[];
  pending: PendingChange[];
}

export const DEFAULT_FRICTION: Friction = {
  pauseSeconds: 10,
  phraseRequired: true,
  allowMinutes: 10,
};

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    plan: null,
    profiles: [],
    friction: { ...DEFAULT_FRICTION },
    reasons: [],
    ifThen: [],
    pending: [],
  };
}

/** The counting zone: the plan's own when set, else the device's. */
export function countingTimeZone(plan: Plan | null, deviceZone: string): string {
  return plan?.timeZone ?? deviceZone;
}

/** Minimal view of a storage area, so tests and every context can pass their own. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isTime = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 8.64e15;

export function isHttpUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isFriction(v: unknown): v is Friction {
  return (
    isObj(v) &&
    isInt(v.pauseSeconds, 0, 60) &&
    typeof v.phraseRequired === 'boolean' &&
    isInt(v.allowMinutes, 1, 60)
  );
}

export function isChange(v: unknown): v is Change {
  if (!isObj(v)) return false;
  switch (v.kind) {
    case 'remove-profile':
    case 'switch-to-modified':
      return typeof v.profileId === 'string' && v.profileId.length > 0;
    case 'lower-friction':
      return isFriction(v.friction);
    case 'end-plan':
      return (PLAN_END_REASONS as readonly unknown[]).includes(v.reason);
    default:
      return false;
  }
}

export function isPendingChange(v: unknown): v is PendingChange {
  return (
    isObj(v) &&
    typeof v.id === 'string' &&
    v.id.length > 0 &&
    isChange(v.change) &&
    isTime(v.requestedAt) &&
    isTime(v.dueAt)
  );
}

function pickChange(c: Change): Change {
  switch (c.kind) {
    case 'remove-profile':
    case 'switch-to-modified':
      return { kind: c.kind, profileId: c.profileId };
    case 'lower-friction': {
      const { pauseSeconds, phraseRequired, allowMinutes } = c.friction;
      return { kind: c.kind, friction: { pauseSeconds, phraseRequired, allowMinutes } };
    }
    case 'end-plan':
      return { kind: c.kind, reason: c.reason };
  }
}

function pickPending(p: PendingChange): PendingChange {
  return { id: p.id, change: pickChange(p.change), requestedAt: p.requestedAt, dueAt: p.dueAt };
}

// ---------------------------------------------------------------------------------------
// Migrations: one function per change of shape, each taking the stored object of version
// n to version n + 1. They only reshape; validation happens once, on the current shape.

const MIGRATIONS: Record<number, (s: Obj) => Obj> = {
  // v2 added pending cooling-off changes (and the plan's optional time zone, which needs
  // no data change).
  1: (s) => ({ ...s, version: 2, pending: [] }),
  // v3 added the person's if-then plans.
  2: (s) => ({ ...s, version: 3, ifThen: [] }),
};

/** Brings a stored object of any known version to the current version's shape (unvalidated). */
export function migrateSettings(raw: Obj): { value: Obj; problems: Words[] } {
  const problems: Words[] = [];
  let value = raw;
  let version = value.version;
  if (version === undefined) {
    // Early builds may have written settings before the version field existed; their
    // shape is v1's.
    version = 1;
  }
  if (!isInt(version, 1, Number.MAX_SAFE_INTEGER)) {
    problems.push(words('settingsNoVersion'));
    return { value: { ...value, version: SETTINGS_VERSION }, problems };
  }
  if (version > SETTINGS_VERSION) {
    problems.push(words('settingsNewerVersion'));
    return { value: { ...value, version: SETTINGS_VERSION }, problems };
  }
  while ((version as number) < SETTINGS_VERSION) {
    const step = MIGRATIONS[version as number];
    if (!step) throw new Error(`No settings migration from version ${String(version)}`);
    value = step(value);
    version = value.version;
  }
  return { value, problems };
}

// ---------------------------------------------------------------------------------------
// Reading: keep everything that can be kept, and say what could not.

export interface SettingsRead {
  settings: Settings;
  /** What was damaged and how it was handled, in words. Empty when all was well. */
  problems: Words[];
}

function readPlan(raw: unknown, problems: Words[]): Plan | null {
  if (raw === null || raw === undefined) return null;
  if (!isObj(raw) || !isCivilDate(raw.startDate)) {
    problems.push(words('settingsPlanUnreadable'));
    return null;
  }
  const plan: Plan = {
    startDate: raw.startDate,
    goalDays: DEFAULT_GOAL_DAYS,
    looksRestart: true,
  };
  if (isInt(raw.goalDays, 1, GOAL_DAYS_MAX)) plan.goalDays = raw.goalDays;
  else problems.push(words('settingsGoalReset', DEFAULT_GOAL_DAYS));
  if (typeof raw.looksRestart === 'boolean') plan.looksRestart = raw.looksRestart;
  else problems.push(words('settingsLooksReset'));
  if (raw.timeZone !== undefined) {
    if (isTimeZone(raw.timeZone)) plan.timeZone = raw.timeZone;
    else problems.push(words('settingsZoneReset'));
  }
  return plan;
}

function isProfile(v: unknown): v is Profile {
  return (
    isObj(v) &&
    typeof v.key === 'string' &&
    v.key.length > 0 &&
    (PLATFORMS as readonly unknown[]).includes(v.platform) &&
    v.id === `${v.platform as string}:${v.key}` &&
    typeof v.display === 'string' &&
    isHttpUrl(v.url) &&
    (v.mode === 'block' || v.mode === 'modified') &&
    isTime(v.addedAt)
  );
}

function pickProfile(p: Profile): Profile {
  const { id, platform, key, display, url, mode, addedAt } = p;
  return { id, platform, key, display, url, mode, addedAt };
}

/**
 * A listed profile whose account is still known (platform and key) is rebuilt rather than
 * dropped: an unreadable field must never quietly unblock the ex.
 */
function repairProfile(v: unknown): Profile | null {
  if (!isObj(v)) return null;
  const platform = PLATFORMS.find((p) => p === v.platform);
  if (!platform || typeof v.key !== 'string' || v.key.length === 0) return null;
  const key = v.key;
  const mod = platformModule(platform);
  const fallbackUrl = mod ? mod.url(key) : `https://${key}`;
  return {
    id: `${platform}:${key}`,
    platform,
    key,
    display:
      typeof v.display === 'string' && v.display.length > 0
        ? v.display
        : mod
          ? `${mod.label} · ${mod.display(key)}`
          : key,
    url: isHttpUrl(v.url) ? v.url : isHttpUrl(fallbackUrl) ? fallbackUrl : '',
    // Blocking is the safe reading of an unreadable mode.
    mode: v.mode === 'modified' ? 'modified' : 'block',
    addedAt: isTime(v.addedAt) ? v.addedAt : 0,
  };
}

function readProfiles(raw: unknown, problems: Words[]): Profile[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(words('settingsProfilesUnreadable'));
    return [];
  }
  const out: Profile[] = [];
  const seen = new Set<string>();
  let repaired = 0;
  let lost = 0;
  for (const item of raw) {
    // Copy only the known fields, so what is written back (and exported) has no strays.
    const p = isProfile(item) ? pickProfile(item) : repairProfile(item);
    if (!p) {
      lost++;
      continue;
    }
    if (!isProfile(item)) repaired++;
    // Two entries for one account block the same thing; one is enough.
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push(p);
  }
  if (repaired > 0)
    problems.push(
      repaired === 1
        ? words('settingsProfileRepairedOne')
        : words('settingsProfileRepairedOther', repaired),
    );
  if (lost > 0)
    problems.push(
      lost === 1 ? words('settingsProfileLostOne') : words('settingsProfileLostOther', lost),
    );
  return out;
}

function readFriction(raw: unknown, problems: Words[]): Friction {
  const f = { ...DEFAULT_FRICTION };
  if (raw === undefined) return f;
  if (!isObj(raw)) {
    problems.push(words('settingsFrictionReset'));
    return f;
  }
  let bad = false;
  if (isInt(raw.pauseSeconds, 0, 60)) f.pauseSeconds = raw.pauseSeconds;
  else bad = true;
  if (typeof raw.phraseRequired === 'boolean') f.phraseRequired = raw.phraseRequired;
  else bad = true;
  if (isInt(raw.allowMinutes, 1, 60)) f.allowMinutes = raw.allowMinutes;
  else bad = true;
  if (bad) problems.push(words('settingsFrictionPartReset'));
  return f;
}

function readReasons(raw: unknown, problems: Words[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(words('settingsReasonsUnreadable'));
    return [];
  }
  const out = raw.filter((r): r is string => typeof r === 'string');
  if (out.length !== raw.length) problems.push(words('settingsReasonsPartUnreadable'));
  return out;
}

export function isIfThenPlan(v: unknown): v is IfThenPlan {
  const part = (x: unknown) =>
    typeof x === 'string' && x.trim().length > 0 && x.length <= IF_THEN_PART_MAX_CHARS;
  return isObj(v) && part(v.when) && part(v.then);
}

function readIfThen(raw: unknown, problems: Words[]): IfThenPlan[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(words('settingsIfThenUnreadable'));
    return [];
  }
  const out = raw.filter(isIfThenPlan).map((p) => ({ when: p.when, then: p.then }));
  if (out.length !== raw.length) problems.push(words('settingsIfThenPartUnreadable'));
  return out;
}

function readPending(raw: unknown, problems: Words[]): PendingChange[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [];
  const out = list.filter(isPendingChange).map(pickPending);
  // Dropping a pending change only keeps protection in place, which is the safe side.
  if (!Array.isArray(raw) || out.length !== list.length)
    problems.push(words('settingsPendingDropped'));
  return out;
}

/** Reads any stored value into current settings, keeping every part that can be kept. */
export function readSettingsValue(raw: unknown): SettingsRead {
  if (raw === undefined) return { settings: defaultSettings(), problems: [] };
  if (!isObj(raw)) {
    return {
      settings: defaultSettings(),
      problems: [words('settingsUnreadable')],
    };
  }
  const { value, problems } = migrateSettings(raw);
  const settings: Settings = {
    version: SETTINGS_VERSION,
    plan: readPlan(value.plan, problems),
    profiles: readProfiles(value.profiles, problems),
    friction: readFriction(value.friction, problems),
    reasons: readReasons(value.reasons, problems),
    ifThen: readIfThen(value.ifThen, problems),
    pending: readPending(value.pending, problems),
  };
  return { settings, problems };
}

/** Reads stored settings into the current shape; see readSettingsValue for what was repaired. */
export function parseSettings(raw: unknown): Settings {
  return readSettingsValue(raw).settings;
}

async function readStored(area: KeyValueArea): Promise<SettingsRead & { raw: unknown }> {
  const got = await area.get(SETTINGS_KEY);
  const raw = got[SETTINGS_KEY];
  return { ...readSettingsValue(raw), raw };
}

/** Settings plus what was damaged, for pages that can tell the person. */
export async function readSettings(area: KeyValueArea): Promise<SettingsRead> {
  const { settings, problems } = await readStored(area);
  return { settings, problems };
}

export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  return (await readStored(area)).settings;
}

export async function saveSettings(area: KeyValueArea, s: Settings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: s });
}

/**
 * What the person has not yet been told about damaged settings: what is damaged now (not
 * yet repaired by a write) and what each kept copy newer than `seenAt` recorded, each once.
 * Copies made by an older version recorded plain English sentences; those are kept as
 * they are. `newest` is the savedAt to remember once the person has read them.
 */
export function unreadDamage(
  now: readonly Words[],
  copies: unknown,
  seenAt: unknown,
): { problems: (Words | string)[]; newest: number | null } {
  const seen = typeof seenAt === 'number' ? seenAt : -Infinity;
  const fresh = (Array.isArray(copies) ? copies : []).filter(
    (c): c is { savedAt: number; problems: unknown } =>
      isObj(c) && typeof c.savedAt === 'number' && c.savedAt > seen,
  );
  const all: (Words | string)[] = [...now];
  for (const c of fresh)
    if (Array.isArray(c.problems))
      for (const p of c.problems) if (typeof p === 'string' || isWords(p)) all.push(p);
  const once = new Map(all.map((p) => [JSON.stringify(p), p]));
  const newest = fresh.reduce<number | null>((n, c) => Math.max(n ?? c.savedAt, c.savedAt), null);
  return { problems: [...once.values()], newest };
}

/** How many damaged originals are kept; older ones make way. */
const DAMAGED_COPIES = 5;

export interface DamagedCopy {
  savedAt: number;
  problems: Words[];
  value: unknown;
}

/**
 * Reads the stored settings, applies `change`, and writes the result back whole. When the
 * stored value could only be read in part, the original is kept under
 * SETTINGS_DAMAGED_KEY in the same write, so the repair never destroys it.
 */
export async function updateSettings(
  area: KeyValueArea,
  change: (s: Settings) => Settings,
  now: () => number = Date.now,
): Promise<Settings> {
  const read = await readStored(area);
  const next = change(read.settings);
  const items: Record<string, unknown> = { [SETTINGS_KEY]: next };
  if (read.problems.length > 0) {
    const got = await area.get(SETTINGS_DAMAGED_KEY);
    const earlier = Array.isArray(got[SETTINGS_DAMAGED_KEY])
      ? (got[SETTINGS_DAMAGED_KEY] as unknown[])
      : [];
    const copy: DamagedCopy = { savedAt: now(), problems: read.problems, value: read.raw };
    items[SETTINGS_DAMAGED_KEY] = [...earlier, copy].slice(-DAMAGED_COPIES);
  }
  await area.set(items);
  return next;
}
