import {
  GOAL_DAYS_MAX,
  GOAL_DAYS_MIN,
  IF_THEN_MAX,
  IF_THEN_PART_MAX_CHARS,
  KEY_MAX_CHARS,
  PAUSE_SECONDS_MAX,
  PAUSE_SECONDS_MIN,
  ALLOW_MINUTES_MAX,
  ALLOW_MINUTES_MIN,
  PENDING_DUE_MAX_AHEAD_MS,
  PLAN_START_MAX_AHEAD_DAYS,
  PROFILE_ID_MAX_CHARS,
  PROFILE_KEY_MAX_CHARS,
  PROFILE_NAME_MAX_CHARS,
  PROFILE_URL_MAX_CHARS,
  REASON_MAX_CHARS,
} from '../limits';
import { recognise, recogniseCustom } from '../profiles';
import { PATH } from '../profiles/custom';
import { PLATFORMS, type Platform, type Profile, type Recognition } from '../profiles/types';
import {
  PURPOSES,
  SETTINGS_VERSION,
  effectiveMode,
  isConversationId,
  type Change,
  type Friction,
  type IfThenPlan,
  type PendingChange,
  type Plan,
  type Settings,
} from '../settings';
import { PLAN_END_REASONS } from '../streak/log-event';
import { words, type Words } from '../words';
import {
  bool,
  civil,
  fields,
  httpAddress,
  instant,
  int,
  list,
  obj,
  oneOf,
  refuse,
  str,
  timeZone,
  type Clock,
} from './refuse';

// The strict check of a backup's settings: the same limits as the forms and the settings
// reader (lib/limits), refused in words rather than repaired.

function checkPlan(v: unknown, clock: Clock): Plan | null {
  if (v === null) return null;
  const path = words('backupPlacePlan');
  const o = obj(v, path);
  fields(o, path, ['startDate', 'goalDays', 'looksRestart'], ['timeZone', 'taper']);
  const plan: Plan = {
    startDate: civil(o.startDate, words('backupPlacePlanStart'), clock, PLAN_START_MAX_AHEAD_DAYS),
    goalDays: int(o.goalDays, words('backupPlacePlanGoal'), GOAL_DAYS_MIN, GOAL_DAYS_MAX),
    looksRestart: bool(o.looksRestart, words('backupPlacePlanLooksRestart')),
  };
  if (o.timeZone !== undefined)
    plan.timeZone = timeZone(o.timeZone, words('backupPlacePlanTimeZone'));
  if (o.taper !== undefined && bool(o.taper, words('backupPlacePlanTaper'))) plan.taper = true;
  return plan;
}

/**
 * The add form's recogniser, given a stored profile's address: a built-in platform's
 * address is recognised as pasted; a custom entry is listed the way its key says (a whole
 * site, or a path), as the form lists it when the person chooses.
 */
function recogniseStored(platform: Platform, key: string, url: string): Recognition {
  if (platform !== 'custom') return recognise(url);
  return recogniseCustom(url, key.startsWith(PATH) ? 'path' : 'site');
}

function checkProfile(v: unknown, i: number, clock: Clock): Profile {
  const path = words('backupPlaceProfile', i + 1);
  const o = obj(v, path);
  fields(o, path, ['id', 'platform', 'key', 'display', 'url', 'mode', 'addedAt']);
  const platform = oneOf(o.platform, words('backupPlacePlatformOf', path), PLATFORMS);
  const key = str(o.key, words('backupPlaceAccountOf', path), PROFILE_KEY_MAX_CHARS);
  const id = str(o.id, words('backupPlaceIdOf', path), PROFILE_ID_MAX_CHARS);
  if (id !== `${platform}:${key}`) refuse('profile-mismatch', words('backupProfileMismatch', path));
  const url = httpAddress(o.url, words('backupPlaceAddressOf', path), PROFILE_URL_MAX_CHARS);
  // One checker for the form and the file: what the add form would refuse, or would list
  // as another account than the one stored beside it, is refused here too.
  const found = recogniseStored(platform, key, url);
  if (!found.ok) refuse('not-a-profile', words('backupProfileNotListable', path));
  if (found.profile.platform !== platform || found.profile.key !== key)
    refuse('profile-mismatch', words('backupProfileAddressMismatch', path));
  return {
    id,
    platform,
    key,
    display: str(o.display, words('backupPlaceNameOf', path), PROFILE_NAME_MAX_CHARS),
    url,
    // Only a conversation is ever Modified (older backups may hold Modified profiles):
    // blocking it instead only adds protection.
    mode: effectiveMode({
      platform,
      mode: oneOf(o.mode, words('backupPlaceModeOf', path), ['block', 'modified'] as const),
    }),
    addedAt: instant(o.addedAt, words('backupPlaceAddedAt', path), clock),
  };
}

function checkFriction(v: unknown, path: Words): Friction {
  const o = obj(v, path);
  fields(o, path, ['pauseSeconds', 'phraseRequired', 'allowMinutes']);
  return {
    pauseSeconds: int(
      o.pauseSeconds,
      words('backupPlacePauseIn', path),
      PAUSE_SECONDS_MIN,
      PAUSE_SECONDS_MAX,
    ),
    phraseRequired: bool(o.phraseRequired, words('backupPlacePhraseIn', path)),
    allowMinutes: int(
      o.allowMinutes,
      words('backupPlaceMinutesIn', path),
      ALLOW_MINUTES_MIN,
      ALLOW_MINUTES_MAX,
    ),
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
      return {
        kind,
        profileId: str(o.profileId, words('backupPlaceProfileOf', path), PROFILE_ID_MAX_CHARS),
      };
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
    id: str(o.id, words('backupPlaceIdOf', path), KEY_MAX_CHARS),
    change: checkChange(o.change, path),
    requestedAt: instant(o.requestedAt, words('backupPlaceRequestedAt', path), clock),
    dueAt: instant(o.dueAt, words('backupPlaceDueAt', path), clock, PENDING_DUE_MAX_AHEAD_MS),
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

export function checkSettings(v: unknown, clock: Clock): Settings {
  const path = words('backupPlaceSettings');
  const o = obj(v, path);
  // Version 2 settings (from backups made before if-then plans) read without any; versions
  // 2 and 3 (before the purpose was asked) read as "not sure yet".
  if (o.version !== SETTINGS_VERSION && o.version !== 2 && o.version !== 3)
    refuse('settings-version', words('backupSettingsVersion', String(o.version).slice(0, 10)));
  const common = ['version', 'plan', 'profiles', 'friction', 'reasons', 'pending'];
  fields(
    o,
    path,
    o.version === 2
      ? common
      : o.version === 3
        ? [...common, 'ifThen']
        : [...common, 'ifThen', 'purpose', 'notices'],
  );
  const profiles = list(o.profiles, words('backupPlaceProfiles')).map((p, i) =>
    checkProfile(p, i, clock),
  );
  const ids = new Set<string>();
  for (const p of profiles) {
    if (ids.has(p.id)) refuse('duplicate-profile', words('backupDuplicateProfile', p.display));
    ids.add(p.id);
  }
  // The length the form accepts: a longer reason could never have been typed here.
  const reasons = list(o.reasons, words('backupPlaceReasons')).map((r, i) =>
    str(r, words('backupPlaceReason', i + 1), REASON_MAX_CHARS),
  );
  const pending = list(o.pending, words('backupPlacePendingList'))
    .map((p, i) => checkPending(p, i, clock))
    // A waiting switch of a profile (not a conversation) to Modified can no longer happen;
    // leaving it out keeps the profile blocked.
    .filter((p) => p.change.kind !== 'switch-to-modified' || isConversationId(p.change.profileId));
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
    purpose:
      o.version === SETTINGS_VERSION
        ? oneOf(o.purpose, words('backupPlacePurpose'), PURPOSES)
        : 'unsure',
    // One-time notes belong to this browser's history of updates, not to the backup.
    notices: [],
  };
}
