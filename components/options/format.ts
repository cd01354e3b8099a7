import type { Profile } from '@/lib/profiles/types';
import type { Change, Friction } from '@/lib/settings';
import type { CivilDate } from '@/lib/streak/calendar';
import type { LogEvent, PlanEndReason, SlipKind } from '@/lib/streak/events';
import type { StreakEnd } from '@/lib/streak/stats';

/** A moment as the person reads it: "Sat 14 Mar, 21:30" in their locale. */
export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A calendar date without shifting it through a time zone. */
export function formatDay(d: CivilDate): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day, 12)).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export const SLIP_LABELS: Record<SlipKind, string> = {
  message: 'sent a message',
  call: 'called',
  'in-person': 'met in person',
  replied: 'replied',
  'liked-or-reacted': 'liked or reacted',
  'looked-at-profile': 'looked at a profile',
  other: 'something else',
};

export const END_REASON_LABELS: Record<PlanEndReason, string> = {
  'goal-reached': 'I reached my goal',
  reconciled: 'They clearly said they want to get back together',
  'no-longer-needed': 'I don’t need it any more',
  other: 'Another reason',
};

export function describeStreakEnd(end: StreakEnd | null): string {
  if (!end) return 'Still going';
  switch (end.kind) {
    case 'slip':
      return `A slip (${SLIP_LABELS[end.what]})`;
    case 'plan-ended':
      return `Plan ended: ${END_REASON_LABELS[end.reason].toLowerCase()}`;
    case 'new-plan':
      return 'A new start date';
  }
}

export function describeEvent(e: LogEvent, profiles: readonly Profile[]): string {
  const who = e.profileId ? profiles.find((p) => p.id === e.profileId)?.display : undefined;
  const on = who ? ` (${who})` : '';
  switch (e.kind) {
    case 'urge-resisted':
      return `Urge resisted${on}`;
    case 'slip':
      return `Slip: ${SLIP_LABELS[e.what]}${on}${e.restarted ? '' : ', count kept'}`;
    case 'necessary-contact':
      return `Necessary contact${on}`;
    case 'plan-started':
      return `Plan started: from ${formatDay(e.startDate)}, goal ${days(e.goalDays)}`;
    case 'plan-ended':
      return `Plan ended: ${END_REASON_LABELS[e.reason].toLowerCase()}`;
  }
}

function describeFriction(f: Friction): string {
  const parts = [
    f.pauseSeconds === 0 ? 'no pause' : `a pause of ${f.pauseSeconds} s`,
    f.phraseRequired ? 'the phrase asked for' : 'no phrase',
    `${f.allowMinutes} min allowed`,
  ];
  return parts.join(', ');
}

/** What a waiting change will do, in words. */
export function describeChange(c: Change, profiles: readonly Profile[]): string {
  const name = (id: string) =>
    profiles.find((p) => p.id === id)?.display ?? 'a profile no longer listed';
  switch (c.kind) {
    case 'remove-profile':
      return `Remove ${name(c.profileId)}`;
    case 'switch-to-modified':
      return `Switch ${name(c.profileId)} to Modified No Contact`;
    case 'lower-friction':
      return `Lower the pause and phrase to: ${describeFriction(c.friction)}`;
    case 'end-plan':
      return `End the plan (${END_REASON_LABELS[c.reason].toLowerCase()})`;
  }
}
