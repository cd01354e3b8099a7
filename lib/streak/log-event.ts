import type { CivilDate } from './calendar';

// The event log's shape lives beside the pure code that reads it (not in lib/db), so that
// any context can compute a streak or validate an import without reaching the database.

export const EVENT_KINDS = [
  'urge-resisted',
  'slip',
  'necessary-contact',
  'plan-started',
  'plan-ended',
  'they-reached-out',
  'stage-set',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The kinds counted per day and in totals (the plan's own events are not "things that happened"). */
export const COUNTED_KINDS = ['urge-resisted', 'slip', 'necessary-contact'] as const;
export type CountedKind = (typeof COUNTED_KINDS)[number];

export const EVENT_SOURCES = ['interstitial', 'popup', 'options', 'import'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

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

/**
 * Every reason a plan can have ended with. 'no-longer-needed' and 'other' were offered by
 * earlier versions: no longer offered, still read (stored events, waiting changes and
 * backups keep them).
 */
export const PLAN_END_REASONS = [
  'goal-reached',
  'reconciled',
  'decided-to-stop',
  'no-longer-needed',
  'other',
] as const;
export type PlanEndReason = (typeof PLAN_END_REASONS)[number];

/** The reasons offered when ending a plan now. */
export const PLAN_END_CHOICES = ['goal-reached', 'reconciled', 'decided-to-stop'] as const;
export type PlanEndChoice = (typeof PLAN_END_CHOICES)[number];

/**
 * What a necessary contact was about (Modified No Contact): the practical matters the
 * method names, and anything else the person counts as truly needed.
 */
export const NECESSARY_TOPICS = ['children', 'home', 'work', 'other'] as const;
export type NecessaryTopic = (typeof NECESSARY_TOPICS)[number];

/** How the ex made contact. */
export const CONTACT_CHANNELS = [
  'message',
  'call',
  'in-person',
  'social-media',
  'through-someone',
  'other',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * What their contact was like, as the person reads it: it decides the guidance shown
 * (see lib/reached-out.ts).
 */
export const REACH_OUT_GISTS = [
  'mixed-signals',
  'asking-why',
  'angry',
  'get-back-together',
  'practical',
  'other',
] as const;
export type ReachOutGist = (typeof REACH_OUT_GISTS)[number];

interface EventBase {
  /** Unique and stable (a UUID for events recorded here). */
  id: string;
  /** The instant it was recorded, epoch ms. */
  time: number;
  /**
   * The person's calendar date when it was recorded, in `timeZone`. Streaks and per-day
   * counts use this, never `time`, so past days stay where they were when the person
   * travels or the device changes zone.
   */
  localDate: CivilDate;
  timeZone: string;
  source: EventSource;
  profileId?: string;
  /**
   * Supplied by the caller (e.g. the interstitial's per-visit nonce) so that one action
   * reported from two places is written once.
   */
  dedupeKey?: string;
  /** Set when a mis-tap was undone within the undo window; such an event counts for nothing. */
  undoneAt?: number;
}

export interface UrgeResistedEvent extends EventBase {
  kind: 'urge-resisted';
}
export interface SlipEvent extends EventBase {
  kind: 'slip';
  what: SlipKind;
  note?: string;
  /** Decided when recorded (looks may be set not to restart), so later setting changes never rewrite history. */
  restarted: boolean;
}
export interface NecessaryContactEvent extends EventBase {
  kind: 'necessary-contact';
  /** What it was about, when the person said ("I had necessary contact" in the popup). */
  topic?: NecessaryTopic;
  note?: string;
}
export interface PlanStartedEvent extends EventBase {
  kind: 'plan-started';
  /** Day 1 of the plan as chosen; may be before (or after) the day it was recorded. */
  startDate: CivilDate;
  goalDays: number;
}
export interface PlanEndedEvent extends EventBase {
  kind: 'plan-ended';
  reason: PlanEndReason;
}

/** The ex made contact. Logged for the story; it never restarts the count (nothing the ex does can). */
export interface TheyReachedOutEvent extends EventBase {
  kind: 'they-reached-out';
  channel: ContactChannel;
  gist?: ReachOutGist;
  note?: string;
}

/**
 * Setting the stage: the one short message the method allows before day 1 (an apology,
 * no requests, no announcement), written in the drafts box and sent by the person. Logged
 * for the story; never a slip, never counted, and only before the count starts.
 */
export interface StageSetEvent extends EventBase {
  kind: 'stage-set';
}

export type LogEvent =
  | UrgeResistedEvent
  | SlipEvent
  | NecessaryContactEvent
  | PlanStartedEvent
  | PlanEndedEvent
  | TheyReachedOutEvent
  | StageSetEvent;

export function isActive(e: Pick<LogEvent, 'undoneAt'>): boolean {
  return e.undoneAt === undefined;
}

/** Whether the event can begin or end a streak (and so is read for streaks at all). */
export function isStreakBoundary(e: LogEvent): boolean {
  if (!isActive(e)) return false;
  if (e.kind === 'slip') return e.restarted;
  return e.kind === 'plan-started' || e.kind === 'plan-ended';
}

/**
 * The same event with its fields in one fixed order, and nothing else: exports written
 * from it read back and write out again byte for byte.
 */
export function canonicalEvent(e: LogEvent): LogEvent {
  const head = {
    id: e.id,
    kind: e.kind,
    time: e.time,
    localDate: e.localDate,
    timeZone: e.timeZone,
    source: e.source,
    ...(e.profileId !== undefined && { profileId: e.profileId }),
    ...(e.dedupeKey !== undefined && { dedupeKey: e.dedupeKey }),
  };
  const tail = e.undoneAt !== undefined ? { undoneAt: e.undoneAt } : {};
  switch (e.kind) {
    case 'slip':
      return {
        ...head,
        kind: e.kind,
        what: e.what,
        ...(e.note !== undefined && { note: e.note }),
        restarted: e.restarted,
        ...tail,
      };
    case 'plan-started':
      return { ...head, kind: e.kind, startDate: e.startDate, goalDays: e.goalDays, ...tail };
    case 'plan-ended':
      return { ...head, kind: e.kind, reason: e.reason, ...tail };
    case 'necessary-contact':
      return {
        ...head,
        kind: e.kind,
        ...(e.topic !== undefined && { topic: e.topic }),
        ...(e.note !== undefined && { note: e.note }),
        ...tail,
      };
    case 'they-reached-out':
      return {
        ...head,
        kind: e.kind,
        channel: e.channel,
        ...(e.gist !== undefined && { gist: e.gist }),
        ...(e.note !== undefined && { note: e.note }),
        ...tail,
      };
    default:
      return { ...head, kind: e.kind, ...tail };
  }
}
