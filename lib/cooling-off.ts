import type { Profile, ProfileMode } from './profiles/types';
import {
  COOLING_OFF_MS,
  effectiveMode,
  isConversation,
  type Change,
  type Friction,
  type PendingChange,
  type Settings,
} from './settings';
import type { DayStatus } from './streak/day';
import type { PlanEndReason } from './streak/log-event';

/*
 * Cooling-off: what lowers protection waits COOLING_OFF_MS and can be cancelled meanwhile;
 * what raises it applies at once. The reasoning is the product's: a change asked for in
 * the middle of an urge should have to survive a night's sleep, while a change that makes
 * the person safer should never be made to wait.
 *
 * Everything here is a pure function of settings, the proposal and `now`, so the options
 * page (which queues) and the background (which applies when due) share one set of rules
 * and the tests need no clock but the number they pass in.
 */

/** What the person asked for on the options page. */
export type Proposal =
  | { kind: 'add-profile'; profile: Profile }
  | { kind: 'remove-profile'; profileId: string }
  | { kind: 'set-mode'; profileId: string; mode: ProfileMode }
  | { kind: 'set-friction'; friction: Friction }
  | { kind: 'end-plan'; reason: PlanEndReason };

/** How a proposal moves protection; 'mixed' is a friction change that raises one part and lowers another. */
export type Effect = 'strengthens' | 'weakens' | 'mixed' | 'none';

export type Outcome =
  /** Took effect at once. */
  | 'applied'
  /** Waits for the cooling-off period (or joined one already waiting). */
  | 'pending'
  /** Part took effect at once (the stronger part), the rest waits. */
  | 'partly-pending'
  /** Nothing to change. */
  | 'unchanged';

export interface ProposalResult {
  settings: Settings;
  outcome: Outcome;
  /** The waiting change this proposal created or joined, when it waits. */
  pending?: PendingChange;
}

type FrictionField = keyof Friction;
const FRICTION_FIELDS: readonly FrictionField[] = [
  'pauseSeconds',
  'phraseRequired',
  'allowMinutes',
];

/**
 * Whether `to` is weaker than `from` for one friction field: a shorter pause, the phrase
 * no longer asked for, or a longer "allow once" all make Continue easier to reach for.
 */
function fieldWeaker(field: FrictionField, from: Friction, to: Friction): boolean {
  switch (field) {
    case 'pauseSeconds':
      return to.pauseSeconds < from.pauseSeconds;
    case 'phraseRequired':
      return from.phraseRequired && !to.phraseRequired;
    case 'allowMinutes':
      return to.allowMinutes > from.allowMinutes;
  }
}

function fieldStronger(field: FrictionField, from: Friction, to: Friction): boolean {
  return fieldWeaker(field, to, from);
}

/** Which friction fields a change would lower and which it would raise. */
export function frictionDelta(
  from: Friction,
  to: Friction,
): { weaker: FrictionField[]; stronger: FrictionField[] } {
  return {
    weaker: FRICTION_FIELDS.filter((f) => fieldWeaker(f, from, to)),
    stronger: FRICTION_FIELDS.filter((f) => fieldStronger(f, from, to)),
  };
}

/** How `proposal` would move protection, judged against the settings as they are now. */
export function classify(settings: Settings, proposal: Proposal): Effect {
  switch (proposal.kind) {
    case 'add-profile':
      return settings.profiles.some((p) => p.id === proposal.profile.id) ? 'none' : 'strengthens';
    case 'remove-profile':
      return settings.profiles.some((p) => p.id === proposal.profileId) ? 'weakens' : 'none';
    case 'set-mode': {
      const p = settings.profiles.find((x) => x.id === proposal.profileId);
      if (!p || p.mode === proposal.mode) return 'none';
      // A profile is never Modified: only a conversation can be (see lib/settings/conversation).
      if (proposal.mode === 'modified' && !isConversation(p)) return 'none';
      return proposal.mode === 'modified' ? 'weakens' : 'strengthens';
    }
    case 'set-friction': {
      const { weaker, stronger } = frictionDelta(settings.friction, proposal.friction);
      if (weaker.length && stronger.length) return 'mixed';
      if (weaker.length) return 'weakens';
      return stronger.length ? 'strengthens' : 'none';
    }
    case 'end-plan':
      return settings.plan ? 'weakens' : 'none';
  }
}

const sameTarget = (a: Change, b: Change): boolean => {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'remove-profile' || a.kind === 'switch-to-modified')
    return a.profileId === (b as typeof a).profileId;
  // At most one waiting friction change and one waiting end of the plan.
  return true;
};

function findPending(settings: Settings, change: Change): PendingChange | undefined {
  return settings.pending.find((p) => sameTarget(p.change, change));
}

function queue(
  settings: Settings,
  change: Change,
  now: number,
  newId: () => string,
): { settings: Settings; pending: PendingChange } {
  const pending: PendingChange = {
    id: newId(),
    change,
    requestedAt: now,
    dueAt: now + COOLING_OFF_MS,
  };
  return { settings: { ...settings, pending: [...settings.pending, pending] }, pending };
}

/**
 * Applies what raises protection at once and queues what lowers it. `newId` names a new
 * waiting change (crypto.randomUUID in the pages; a counter in tests).
 */
export function propose(
  settings: Settings,
  proposal: Proposal,
  now: number,
  newId: () => string,
): ProposalResult {
  const unchanged: ProposalResult = { settings, outcome: 'unchanged' };
  switch (proposal.kind) {
    case 'add-profile': {
      if (classify(settings, proposal) === 'none') return unchanged;
      const added = { ...proposal.profile, mode: effectiveMode(proposal.profile) };
      return {
        settings: { ...settings, profiles: [...settings.profiles, added] },
        outcome: 'applied',
      };
    }
    case 'remove-profile': {
      if (classify(settings, proposal) === 'none') return unchanged;
      const change: Change = { kind: 'remove-profile', profileId: proposal.profileId };
      // Asking twice keeps the first time: asking again must not push the removal later,
      // nor bring it nearer.
      const existing = findPending(settings, change);
      if (existing) return { settings, outcome: 'pending', pending: existing };
      return { ...queue(settings, change, now, newId), outcome: 'pending' };
    }
    case 'set-mode': {
      const effect = classify(settings, proposal);
      if (effect === 'none') return unchanged;
      if (effect === 'strengthens') {
        return {
          settings: {
            ...settings,
            profiles: settings.profiles.map((p) =>
              p.id === proposal.profileId ? { ...p, mode: proposal.mode } : p,
            ),
          },
          outcome: 'applied',
        };
      }
      const change: Change = { kind: 'switch-to-modified', profileId: proposal.profileId };
      const existing = findPending(settings, change);
      if (existing) return { settings, outcome: 'pending', pending: existing };
      return { ...queue(settings, change, now, newId), outcome: 'pending' };
    }
    case 'set-friction':
      return proposeFriction(settings, proposal.friction, now, newId);
    case 'end-plan': {
      if (classify(settings, proposal) === 'none') return unchanged;
      const existing = settings.pending.find((p) => p.change.kind === 'end-plan');
      if (existing) {
        // A different reason changes nothing about protection, so it keeps its time.
        const updated: PendingChange = {
          ...existing,
          change: { kind: 'end-plan', reason: proposal.reason },
        };
        return {
          settings: {
            ...settings,
            pending: settings.pending.map((p) => (p.id === existing.id ? updated : p)),
          },
          outcome: 'pending',
          pending: updated,
        };
      }
      return {
        ...queue(settings, { kind: 'end-plan', reason: proposal.reason }, now, newId),
        outcome: 'pending',
      };
    }
  }
}

/**
 * Friction is judged field by field. There is at most one waiting friction change, whose
 * `friction` is the target once it is due. A field raised now is applied at once and also
 * written into the waiting target (so a later, stronger choice is never undone by an
 * earlier request); a field lowered is written into the target and the waiting time
 * starts again, which only ever keeps protection longer; a field left as it is keeps
 * whatever was already waiting for it.
 */
function proposeFriction(
  settings: Settings,
  to: Friction,
  now: number,
  newId: () => string,
): ProposalResult {
  const current = settings.friction;
  const { weaker, stronger } = frictionDelta(current, to);
  const existing = settings.pending.find((p) => p.change.kind === 'lower-friction');
  if (!weaker.length && !stronger.length) return { settings, outcome: 'unchanged' };

  const applied: Friction = { ...current };
  for (const f of stronger) (applied as Record<FrictionField, unknown>)[f] = to[f];

  const target: Friction =
    existing && existing.change.kind === 'lower-friction'
      ? { ...existing.change.friction }
      : { ...applied };
  for (const f of [...stronger, ...weaker]) (target as Record<FrictionField, unknown>)[f] = to[f];

  const others = settings.pending.filter((p) => p !== existing);
  const stillLowers = frictionDelta(applied, target).weaker.length > 0;
  if (!stillLowers) {
    return {
      settings: { ...settings, friction: applied, pending: others },
      outcome: 'applied',
    };
  }
  const pending: PendingChange = {
    id: existing?.id ?? newId(),
    change: { kind: 'lower-friction', friction: target },
    requestedAt: weaker.length || !existing ? now : existing.requestedAt,
    dueAt: weaker.length || !existing ? now + COOLING_OFF_MS : existing.dueAt,
  };
  return {
    settings: { ...settings, friction: applied, pending: [...others, pending] },
    outcome: stronger.length ? (weaker.length ? 'partly-pending' : 'applied') : 'pending',
    pending,
  };
}

/**
 * Whether ending the plan takes effect at once: only for "goal reached", and only on or
 * after the goal day of the running count (`status` is the person's day as the popup
 * shows it). Having kept the whole plan, there is no urge to wait out; every other end
 * lowers protection and waits like any other such change.
 */
export function endsAtOnce(
  settings: Settings,
  reason: PlanEndReason,
  status: DayStatus | null,
): boolean {
  return (
    settings.plan !== null &&
    reason === 'goal-reached' &&
    status?.kind === 'running' &&
    status.goalReached
  );
}

/** The plan ended now: no plan, and no end waiting any more. Profiles stay listed. */
export function endPlanNow(settings: Settings): Settings {
  return {
    ...settings,
    plan: null,
    pending: settings.pending.filter((p) => p.change.kind !== 'end-plan'),
  };
}

/** Cancels a waiting change: protection simply stays as it is. */
export function cancelPending(settings: Settings, id: string): Settings {
  if (!settings.pending.some((p) => p.id === id)) return settings;
  return { ...settings, pending: settings.pending.filter((p) => p.id !== id) };
}

/** The earliest time a waiting change falls due, or null when nothing waits. */
export function nextDueAt(settings: Settings): number | null {
  return settings.pending.reduce<number | null>(
    (min, p) => (min === null || p.dueAt < min ? p.dueAt : min),
    null,
  );
}

/** The waiting changes that concern one profile (its removal, its switch to Modified). */
export function pendingForProfile(settings: Settings, profileId: string): PendingChange[] {
  return settings.pending.filter(
    (p) =>
      (p.change.kind === 'remove-profile' || p.change.kind === 'switch-to-modified') &&
      p.change.profileId === profileId,
  );
}

export interface DueResult {
  settings: Settings;
  /** The changes that took effect, in the order applied. */
  applied: PendingChange[];
  /** Profiles that were removed (for the caller to release a custom site's permission). */
  removedProfiles: Profile[];
}

/** Applies every waiting change whose time has come by `now`, oldest due first. */
export function applyDue(settings: Settings, now: number): DueResult {
  const due = settings.pending
    .filter((p) => p.dueAt <= now)
    .sort((a, b) => a.dueAt - b.dueAt || a.requestedAt - b.requestedAt);
  if (!due.length) return { settings, applied: [], removedProfiles: [] };
  let s: Settings = { ...settings, pending: settings.pending.filter((p) => p.dueAt > now) };
  const removedProfiles: Profile[] = [];
  for (const p of due) {
    const c = p.change;
    switch (c.kind) {
      case 'remove-profile': {
        const gone = s.profiles.find((x) => x.id === c.profileId);
        if (gone) removedProfiles.push(gone);
        s = {
          ...s,
          profiles: s.profiles.filter((x) => x.id !== c.profileId),
          // Nothing else can wait for a profile that is no longer listed.
          pending: s.pending.filter(
            (q) =>
              !(
                (q.change.kind === 'remove-profile' || q.change.kind === 'switch-to-modified') &&
                q.change.profileId === c.profileId
              ),
          ),
        };
        break;
      }
      case 'switch-to-modified':
        s = {
          ...s,
          profiles: s.profiles.map((x) =>
            x.id === c.profileId && isConversation(x) ? { ...x, mode: 'modified' as const } : x,
          ),
        };
        break;
      case 'lower-friction': {
        // Only ever lowers: a field raised meanwhile by some other path stays raised.
        const next: Friction = { ...s.friction };
        for (const f of frictionDelta(s.friction, c.friction).weaker)
          (next as Record<FrictionField, unknown>)[f] = c.friction[f];
        s = { ...s, friction: next };
        break;
      }
      case 'end-plan':
        s = { ...s, plan: null };
        break;
    }
  }
  return { settings: s, applied: due, removedProfiles };
}
