import type { Profile } from '../profiles/types';
import type { CivilDate } from '../streak/calendar';
import type { PlanEndReason } from '../streak/log-event';

/*
 * The stored settings' shape: the plan, the profiles, the friction, the person's own
 * words, and what waits out the cooling-off period. Their limits live in lib/limits.
 */

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 4;

export const DEFAULT_GOAL_DAYS = 30;
/** Lowering protection or ending the plan waits this long, and can be cancelled meanwhile. */
export const COOLING_OFF_MS = 24 * 60 * 60 * 1000;

export interface Plan {
  /** The day No Contact started (day 1), in the person's calendar. */
  startDate: CivilDate;
  /** Goal length in days (30 by default; GOAL_DAYS_MIN to GOAL_DAYS_MAX). */
  goalDays: number;
  /** Whether "Continue anyway" on a profile restarts the count. */
  looksRestart: boolean;
  /**
   * The zone the days are counted in, when the person chose one (say, home while
   * travelling). Absent: the device's zone.
   */
  timeZone?: string;
  /**
   * Set (true) when the person chose to taper contact off before day 1 (about a week, see
   * lib/stage.ts). Absent: no taper. Words only: nothing counts before day 1 either way.
   */
  taper?: true;
}

export interface Friction {
  /** Seconds before "Continue anyway" can be used (PAUSE_SECONDS_MIN to PAUSE_SECONDS_MAX). */
  pauseSeconds: number;
  /** Whether the confirmation phrase must be typed. */
  phraseRequired: boolean;
  /** How long "allow once" lasts, in minutes (ALLOW_MINUTES_MIN to ALLOW_MINUTES_MAX). */
  allowMinutes: number;
}

/** A change that lowers protection, so it waits out the cooling-off period first. */
export type Change =
  | { kind: 'remove-profile'; profileId: string }
  /**
   * A blocked conversation becomes Modified No Contact (a calm reminder, never a restart).
   * Only conversations: a profile is never Modified (see conversation.ts).
   */
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

/**
 * What these days are for, as the person answered at setup (changeable later): to give the
 * relationship a real chance later, to move on, or not sure yet. It chooses texts, never
 * rules: the count, the blocking and the log are the same for all three.
 */
export const PURPOSES = ['reconnect', 'move-on', 'unsure'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const DEFAULT_PURPOSE: Purpose = 'unsure';

/**
 * A one-time notice for the options page, kept until the person has read it (v4).
 * 'modified-profiles-blocked': Modified No Contact now applies to conversations only, so
 * profiles that were Modified became plain blocked profiles (`profiles` of them), and
 * waiting switches of profiles to Modified were dropped (`pendingDropped`).
 */
export interface Notice {
  kind: 'modified-profiles-blocked';
  profiles: number;
  pendingDropped: number;
}

/** "If I want to <when>, then I will <then>.": the person's own plan for the moment. */
export interface IfThenPlan {
  when: string;
  then: string;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  plan: Plan | null;
  profiles: Profile[];
  friction: Friction;
  /** The person's reasons, each at most REASON_MAX_CHARS long. */
  reasons: string[];
  /** The person's if-then plans, shown on the blocked page (v3). */
  ifThen: IfThenPlan[];
  pending: PendingChange[];
  /** What these days are for (v4). */
  purpose: Purpose;
  /** One-time notices not yet read (v4). */
  notices: Notice[];
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
    purpose: DEFAULT_PURPOSE,
    notices: [],
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
