import { isInt, isObj, isText, isTime, isHttpUrl, isOneOf } from '../check';
import {
  ALLOW_MINUTES_MAX,
  ALLOW_MINUTES_MIN,
  IF_THEN_PART_MAX_CHARS,
  PAUSE_SECONDS_MAX,
  PAUSE_SECONDS_MIN,
} from '../limits';
import { PLATFORMS, type Profile } from '../profiles/types';
import { PLAN_END_REASONS } from '../streak/log-event';
import { isConversationId } from './conversation';
import type { Change, Friction, IfThenPlan, Notice, PendingChange } from './types';

/*
 * Whether a stored value is exactly one of the settings' parts, built on the shared field
 * checks (lib/check) and limits (lib/limits). The reader repairs what fails them.
 */

export const isPauseSeconds = (v: unknown): v is number =>
  isInt(v, PAUSE_SECONDS_MIN, PAUSE_SECONDS_MAX);

export const isAllowMinutes = (v: unknown): v is number =>
  isInt(v, ALLOW_MINUTES_MIN, ALLOW_MINUTES_MAX);

export function isFriction(v: unknown): v is Friction {
  return (
    isObj(v) &&
    isPauseSeconds(v.pauseSeconds) &&
    typeof v.phraseRequired === 'boolean' &&
    isAllowMinutes(v.allowMinutes)
  );
}

export function isChange(v: unknown): v is Change {
  if (!isObj(v)) return false;
  switch (v.kind) {
    case 'remove-profile':
      return typeof v.profileId === 'string' && v.profileId.length > 0;
    case 'switch-to-modified':
      // Only a conversation may become Modified (see conversation.ts).
      return typeof v.profileId === 'string' && isConversationId(v.profileId);
    case 'lower-friction':
      return isFriction(v.friction);
    case 'end-plan':
      return isOneOf(v.reason, PLAN_END_REASONS);
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

export function isIfThenPlan(v: unknown): v is IfThenPlan {
  const part = (x: unknown) => isText(x, IF_THEN_PART_MAX_CHARS) && x.trim().length > 0;
  return isObj(v) && part(v.when) && part(v.then);
}

export function isProfile(v: unknown): v is Profile {
  return (
    isObj(v) &&
    typeof v.key === 'string' &&
    v.key.length > 0 &&
    isOneOf(v.platform, PLATFORMS) &&
    v.id === `${v.platform}:${v.key}` &&
    typeof v.display === 'string' &&
    isHttpUrl(v.url) &&
    (v.mode === 'block' || v.mode === 'modified') &&
    isTime(v.addedAt)
  );
}

export function isNotice(v: unknown): v is Notice {
  return (
    isObj(v) &&
    v.kind === 'modified-profiles-blocked' &&
    isInt(v.profiles, 0, Number.MAX_SAFE_INTEGER) &&
    isInt(v.pendingDropped, 0, Number.MAX_SAFE_INTEGER)
  );
}
