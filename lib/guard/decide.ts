import { matchProfile } from '../match';
import type { Profile } from '../profiles/types';

/**
 * What the page-side guard knows. `profiles` is null until the stored list has been read.
 * `allowed` holds the profile ids this tab may show after "Continue anyway"; `pending`
 * holds profiles allowed in some tab while the guard does not yet know whether it is this
 * one (rare: only while an allowance runs).
 */
export interface GuardState {
  profiles: readonly Profile[] | null;
  allowed: ReadonlySet<string>;
  pending: ReadonlySet<string>;
}

export type RouteAction =
  /** A listed profile: show the interstitial instead. */
  | { kind: 'block'; profile: Profile }
  /** Not sure: make the change a real navigation, which the network rules judge. */
  | { kind: 'navigate' }
  | { kind: 'pass' };

/** Decides about an address the tab is about to show (a route change, a click, a restore). */
export function decide(target: string, current: string, state: GuardState): RouteAction {
  if (state.profiles === null) {
    // Until the list is known, the only safe in-page change is one that stays on the same
    // path (a site rewriting its query or fragment); anything else goes to the network,
    // where the rules decide before any request is sent.
    return samePath(target, current) ? { kind: 'pass' } : { kind: 'navigate' };
  }
  const profile = matchProfile(target, state.profiles);
  if (!profile || state.allowed.has(profile.id)) return { kind: 'pass' };
  if (state.pending.has(profile.id)) return { kind: 'navigate' };
  return { kind: 'block', profile };
}

function samePath(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}
