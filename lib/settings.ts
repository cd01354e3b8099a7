import type { Profile } from './profiles/types';
import type { CivilDate } from './streak/calendar';
import { isCivilDate } from './streak/calendar';
import { PLATFORMS } from './profiles/types';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export interface Plan {
  /** The day No Contact started (day 1), in the person's calendar. */
  startDate: CivilDate;
  /** Goal length in days (30 by default). */
  goalDays: number;
  /** Whether "Continue anyway" on a profile restarts the count. */
  looksRestart: boolean;
}

export interface Friction {
  /** Seconds before "Continue anyway" can be used (0 to 60). */
  pauseSeconds: number;
  /** Whether the confirmation phrase must be typed. */
  phraseRequired: boolean;
  /** How long "allow once" lasts, in minutes. */
  allowMinutes: number;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  plan: Plan | null;
  profiles: Profile[];
  friction: Friction;
  reasons: string[];
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
  };
}

/** Minimal view of a storage area, so tests and every context can pass their own. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function validProfile(v: unknown): v is Profile {
  return (
    isObj(v) &&
    typeof v.id === 'string' &&
    typeof v.key === 'string' &&
    typeof v.display === 'string' &&
    typeof v.url === 'string' &&
    (PLATFORMS as readonly string[]).includes(v.platform as string) &&
    (v.mode === 'block' || v.mode === 'modified') &&
    typeof v.addedAt === 'number'
  );
}

/**
 * Reads stored settings into the current shape. Anything unreadable falls back to the
 * default for that part only, so one damaged field never loses the rest.
 */
export function parseSettings(raw: unknown): Settings {
  const s = defaultSettings();
  if (!isObj(raw)) return s;
  const plan = raw.plan;
  if (
    isObj(plan) &&
    isCivilDate(plan.startDate) &&
    Number.isInteger(plan.goalDays) &&
    (plan.goalDays as number) >= 1 &&
    typeof plan.looksRestart === 'boolean'
  ) {
    s.plan = {
      startDate: plan.startDate,
      goalDays: plan.goalDays as number,
      looksRestart: plan.looksRestart,
    };
  }
  if (Array.isArray(raw.profiles)) s.profiles = raw.profiles.filter(validProfile);
  const f = raw.friction;
  if (isObj(f)) {
    if (
      Number.isInteger(f.pauseSeconds) &&
      (f.pauseSeconds as number) >= 0 &&
      (f.pauseSeconds as number) <= 60
    )
      s.friction.pauseSeconds = f.pauseSeconds as number;
    if (typeof f.phraseRequired === 'boolean') s.friction.phraseRequired = f.phraseRequired;
    if (
      Number.isInteger(f.allowMinutes) &&
      (f.allowMinutes as number) >= 1 &&
      (f.allowMinutes as number) <= 60
    )
      s.friction.allowMinutes = f.allowMinutes as number;
  }
  if (Array.isArray(raw.reasons))
    s.reasons = raw.reasons.filter((r): r is string => typeof r === 'string');
  return s;
}

export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  const got = await area.get(SETTINGS_KEY);
  return parseSettings(got[SETTINGS_KEY]);
}

export async function saveSettings(area: KeyValueArea, s: Settings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: s });
}

/** Reads the stored settings, applies `change`, and writes the result back whole. */
export async function updateSettings(
  area: KeyValueArea,
  change: (s: Settings) => Settings,
): Promise<Settings> {
  const next = change(await loadSettings(area));
  await saveSettings(area, next);
  return next;
}
