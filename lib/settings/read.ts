import { isInt, isObj, isHttpUrl, isTime } from '../check';
import { GOAL_DAYS_MAX, GOAL_DAYS_MIN, REASON_MAX_CHARS } from '../limits';
import { platformModule } from '../profiles/registry';
import { PLATFORMS, type Profile } from '../profiles/types';
import { isCivilDate, isTimeZone } from '../streak/calendar';
import { words, type Words } from '../words';
import { effectiveMode } from './conversation';
import { migrateSettings } from './migrate';
import {
  isAllowMinutes,
  isIfThenPlan,
  isNotice,
  isPauseSeconds,
  isPendingChange,
  isProfile,
} from './predicates';
import {
  DEFAULT_FRICTION,
  DEFAULT_GOAL_DAYS,
  DEFAULT_PURPOSE,
  PURPOSES,
  SETTINGS_VERSION,
  defaultSettings,
  type Change,
  type Friction,
  type IfThenPlan,
  type Notice,
  type PendingChange,
  type Purpose,
  type Plan,
  type Settings,
} from './types';

// Reading: keep everything that can be kept, and say what could not. Whatever is repaired
// here is written back by the next updateSettings, which first keeps the original (see
// damaged.ts), so a repair never destroys anything.

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
  if (isInt(raw.goalDays, GOAL_DAYS_MIN, GOAL_DAYS_MAX)) plan.goalDays = raw.goalDays;
  else problems.push(words('settingsGoalReset', DEFAULT_GOAL_DAYS));
  if (typeof raw.looksRestart === 'boolean') plan.looksRestart = raw.looksRestart;
  else problems.push(words('settingsLooksReset'));
  if (raw.timeZone !== undefined) {
    if (isTimeZone(raw.timeZone)) plan.timeZone = raw.timeZone;
    else problems.push(words('settingsZoneReset'));
  }
  // Words only: an unreadable taper mark is dropped without a notice.
  if (raw.taper === true) plan.taper = true;
  return plan;
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
  let unModified = 0;
  for (const item of raw) {
    // Copy only the known fields, so what is written back (and exported) has no strays.
    let p = isProfile(item) ? pickProfile(item) : repairProfile(item);
    if (!p) {
      lost++;
      continue;
    }
    // Only a conversation may be Modified (see conversation.ts): a profile is blocked.
    if (effectiveMode(p) !== p.mode) {
      p = { ...p, mode: 'block' };
      unModified++;
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
  if (unModified > 0) problems.push(words('settingsProfileModifiedBlocked'));
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
  if (isPauseSeconds(raw.pauseSeconds)) f.pauseSeconds = raw.pauseSeconds;
  else bad = true;
  if (typeof raw.phraseRequired === 'boolean') f.phraseRequired = raw.phraseRequired;
  else bad = true;
  if (isAllowMinutes(raw.allowMinutes)) f.allowMinutes = raw.allowMinutes;
  else bad = true;
  if (bad) problems.push(words('settingsFrictionPartReset'));
  return f;
}

/**
 * The first REASON_MAX_CHARS characters of `r`, never ending in half of a character that
 * takes two UTF-16 units (an emoji, say).
 */
function shortenReason(r: string): string {
  const cut = r.slice(0, REASON_MAX_CHARS);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

function readReasons(raw: unknown, problems: Words[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(words('settingsReasonsUnreadable'));
    return [];
  }
  const texts = raw.filter((r): r is string => typeof r === 'string');
  if (texts.length !== raw.length) problems.push(words('settingsReasonsPartUnreadable'));
  // Written by an earlier version, or by hand: kept, at the length the form allows (the
  // blocked page shows a reason whole). The original goes into the damaged copy.
  const long = texts.filter((r) => r.length > REASON_MAX_CHARS).length;
  if (long > 0)
    problems.push(
      long === 1
        ? words('settingsReasonShortenedOne', REASON_MAX_CHARS)
        : words('settingsReasonShortenedOther', long, REASON_MAX_CHARS),
    );
  return long > 0 ? texts.map(shortenReason) : texts;
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

function readPending(raw: unknown, problems: Words[]): PendingChange[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [];
  const out = list.filter(isPendingChange).map(pickPending);
  // Dropping a pending change only keeps protection in place, which is the safe side.
  if (!Array.isArray(raw) || out.length !== list.length)
    problems.push(words('settingsPendingDropped'));
  return out;
}

function readPurpose(raw: unknown, problems: Words[]): Purpose {
  if (raw === undefined) return DEFAULT_PURPOSE;
  const found = PURPOSES.find((p) => p === raw);
  if (found) return found;
  problems.push(words('settingsPurposeReset'));
  return DEFAULT_PURPOSE;
}

function readNotices(raw: unknown, problems: Words[]): Notice[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [];
  const out = list
    .filter(isNotice)
    .map((n) => ({ kind: n.kind, profiles: n.profiles, pendingDropped: n.pendingDropped }));
  if (!Array.isArray(raw) || out.length !== list.length)
    problems.push(words('settingsNoticesDropped'));
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
    purpose: readPurpose(value.purpose, problems),
    notices: readNotices(value.notices, problems),
  };
  return { settings, problems };
}

/** Reads stored settings into the current shape; see readSettingsValue for what was repaired. */
export function parseSettings(raw: unknown): Settings {
  return readSettingsValue(raw).settings;
}
