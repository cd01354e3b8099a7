import { classify, propose, type Proposal } from '../cooling-off';
import type { Profile } from '../profiles/types';
import {
  COOLING_OFF_MS,
  defaultSettings,
  type Change,
  type PendingChange,
  type Settings,
} from '../settings';

/*
 * What an import or "delete everything" leaves waiting. Both remain possible, but neither
 * may become the quick way around the cooling-off (lib/cooling-off): whatever they would
 * lower waits COOLING_OFF_MS like any other such change, and can be cancelled meanwhile.
 * What they replace or delete that protects nothing (events, drafts, signs, reasons,
 * if-then plans) goes at once.
 *
 * An import: the backup's settings win, except that
 * - every profile listed now that the backup does not list stays listed (and blocked),
 *   with its removal waiting (an earlier removal already waiting keeps its time);
 * - a profile blocked now that the backup has as Modified stays blocked, with its switch
 *   to Modified waiting;
 * - a backup friction lower than now (a shorter pause, no typed phrase, a longer "allow
 *   once") keeps today's, with the lowering waiting (a raised part applies at once);
 * - a backup without a plan, while a plan runs now, keeps today's plan, with its end
 *   waiting (reason "other": the person did not choose one);
 * - a waiting change in the file that would lower protection compared to now (it may have
 *   fallen due while the file lay on a disk) is not due before a full cooling-off from now,
 *   or the time the same change was already waiting for here.
 * These are exactly the proposals the options page would queue (lib/cooling-off's
 * classify and propose), so an import waits as the forms do.
 *
 * Delete everything: only the listed profiles are kept, as they are, each with its removal
 * waiting (an earlier one keeps its time), and the friction that guards them, with any
 * lowering to the defaults waiting. The plan, reasons, if-then plans and other waiting
 * changes go at once. When nothing is listed, nothing is kept. Once the removals fall due,
 * the cooling-off alarm removes the profiles (and gives back a custom site's access) as for
 * any removal, which leaves the defaults.
 */

/** The reason an end of the plan waits for when an import, not the person, ends it. */
const IMPORT_END_REASON = 'other' as const;

/** The proposal that a waiting change stands for, to judge it against the settings now. */
function proposalOf(c: Change): Proposal {
  switch (c.kind) {
    case 'remove-profile':
      return { kind: 'remove-profile', profileId: c.profileId };
    case 'switch-to-modified':
      return { kind: 'set-mode', profileId: c.profileId, mode: 'modified' };
    case 'lower-friction':
      return { kind: 'set-friction', friction: c.friction };
    case 'end-plan':
      return { kind: 'end-plan', reason: c.reason };
  }
}

const sameTarget = (a: Change, b: Change): boolean => {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'remove-profile' || a.kind === 'switch-to-modified')
    return a.profileId === (b as typeof a).profileId;
  return true;
};

/**
 * A waiting change from a backup file, judged against the settings now: if it would lower
 * protection, it is not due before the time the same change was waiting for here, or else
 * a full cooling-off from now.
 */
function heldBack(current: Settings, p: PendingChange, now: number): PendingChange {
  const effect = classify(current, proposalOf(p.change));
  if (effect !== 'weakens' && effect !== 'mixed') return p;
  const here = current.pending.find((q) => sameTarget(q.change, p.change));
  const earliest = here ? here.dueAt : now + COOLING_OFF_MS;
  if (p.dueAt >= earliest) return p;
  return { ...p, requestedAt: here ? here.requestedAt : now, dueAt: earliest };
}

/** Runs proposals in order, each on the settings the one before left. */
function proposeAll(
  settings: Settings,
  proposals: readonly Proposal[],
  now: number,
  newId: () => string,
): Settings {
  return proposals.reduce((s, p) => propose(s, p, now, newId).settings, settings);
}

/** A new id for a change carried over from here that clashes with one from the file. */
function uniqueIds(pending: PendingChange[], newId: () => string): PendingChange[] {
  const seen = new Set<string>();
  return pending.map((p) => {
    const q = seen.has(p.id) ? { ...p, id: newId() } : p;
    seen.add(q.id);
    return q;
  });
}

/** The settings an import leaves: the backup's, with what it would lower waiting (see above). */
export function importedSettings(
  current: Settings,
  imported: Settings,
  now: number,
  newId: () => string,
): Settings {
  const inBackup = new Set(imported.profiles.map((p) => p.id));
  const kept = current.profiles.filter((p) => !inBackup.has(p.id));
  const keptIds = new Set(kept.map((p) => p.id));
  const blockedNow = new Set(current.profiles.filter((p) => p.mode === 'block').map((p) => p.id));
  const toModified = imported.profiles.filter((p) => p.mode === 'modified' && blockedNow.has(p.id));
  const endsPlan = current.plan !== null && imported.plan === null;

  const fromFile = imported.pending.map((p) => heldBack(current, p, now));
  // What already waits here for what stays from here keeps its time.
  const stillHere = current.pending.filter((p) => {
    const c = p.change;
    if (fromFile.some((q) => sameTarget(q.change, c))) return false;
    if (c.kind === 'remove-profile' || c.kind === 'switch-to-modified')
      return keptIds.has(c.profileId);
    return c.kind === 'end-plan' && endsPlan;
  });

  // Nothing lower than now yet: then each lowering is proposed, as the forms would.
  const start: Settings = {
    ...imported,
    plan: endsPlan ? current.plan : imported.plan,
    profiles: [
      ...imported.profiles.map((p) =>
        blockedNow.has(p.id) && p.mode === 'modified' ? { ...p, mode: 'block' as const } : p,
      ),
      ...kept,
    ],
    friction: current.friction,
    pending: uniqueIds([...fromFile, ...stillHere], newId),
  };
  return proposeAll(
    start,
    [
      ...kept.map((p): Proposal => ({ kind: 'remove-profile', profileId: p.id })),
      ...toModified.map((p): Proposal => ({ kind: 'set-mode', profileId: p.id, mode: 'modified' })),
      { kind: 'set-friction', friction: imported.friction },
      ...(endsPlan ? [{ kind: 'end-plan', reason: IMPORT_END_REASON } as const] : []),
    ],
    now,
    newId,
  );
}

/** What "delete everything" keeps: the listed profiles, their removals waiting (see above). */
export function keptAfterDelete(current: Settings, now: number, newId: () => string): Settings {
  if (!current.profiles.length) return defaultSettings();
  const listed = new Set(current.profiles.map((p) => p.id));
  const start: Settings = {
    ...defaultSettings(),
    profiles: current.profiles,
    friction: current.friction,
    // Removals already waiting keep their time; a waiting switch to Modified is dropped,
    // which only keeps a profile blocked.
    pending: current.pending.filter(
      (p) => p.change.kind === 'remove-profile' && listed.has(p.change.profileId),
    ),
  };
  return proposeAll(
    start,
    [
      ...current.profiles.map((p): Proposal => ({ kind: 'remove-profile', profileId: p.id })),
      { kind: 'set-friction', friction: defaultSettings().friction },
    ],
    now,
    newId,
  );
}

/** What an import or a delete would keep waiting, and until when: for the page to say first. */
export interface Waits {
  /** Listed now: they stay listed and blocked until their removal is due. */
  removals: { profile: Profile; dueAt: number }[];
  /** Blocked now: they stay blocked until their switch to Modified is due. */
  toModified: { profile: Profile; dueAt: number }[];
  /** When a gentler pause, phrase or "allow once" applies; null when none waits. */
  friction: number | null;
  /** When the plan running now ends; null when no end waits. */
  planEnd: number | null;
}

/**
 * What `result` (of importedSettings or keptAfterDelete) keeps waiting that would lower
 * protection compared to `current`, each with its due time.
 */
export function waitsFrom(current: Settings, result: Settings): Waits {
  const waits: Waits = { removals: [], toModified: [], friction: null, planEnd: null };
  const listed = new Map(current.profiles.map((p) => [p.id, p]));
  for (const p of [...result.pending].sort((a, b) => a.dueAt - b.dueAt)) {
    const effect = classify(current, proposalOf(p.change));
    if (effect !== 'weakens' && effect !== 'mixed') continue;
    const c = p.change;
    switch (c.kind) {
      case 'remove-profile':
      case 'switch-to-modified': {
        const profile = listed.get(c.profileId);
        const list = c.kind === 'remove-profile' ? waits.removals : waits.toModified;
        if (profile) list.push({ profile, dueAt: p.dueAt });
        break;
      }
      case 'lower-friction':
        waits.friction = p.dueAt;
        break;
      case 'end-plan':
        waits.planEnd = p.dueAt;
        break;
    }
  }
  return waits;
}
