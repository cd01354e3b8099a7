import type { Profile } from '@/lib/profiles/types';
import type { Change, Friction } from '@/lib/settings';
import type { CivilDate } from '@/lib/streak/calendar';
import type { ContactChannel, LogEvent, PlanEndReason, SlipKind } from '@/lib/streak/events';
import { GIST_LABELS } from '@/lib/reached-out';
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
  'goal-reached': 'I reached my goal and I’m moving on',
  reconciled: 'They asked to get back together',
  'decided-to-stop': 'I decided to stop',
  // No longer offered; kept for plans ended with them before.
  'no-longer-needed': 'I didn’t need it any more',
  other: 'Another reason',
};

/** How the ex made contact, as a choice in a list. */
export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  message: 'A message or text',
  call: 'A call or voice message',
  'in-person': 'In person',
  'social-media': 'On social media (a comment, a like, a story reply)',
  'through-someone': 'Through someone else',
  other: 'Some other way',
};

/** The same, inside a sentence: "They reached out by …". */
const CHANNEL_WORDS: Record<ContactChannel, string> = {
  message: 'by message',
  call: 'by phone',
  'in-person': 'in person',
  'social-media': 'on social media',
  'through-someone': 'through someone else',
  other: 'another way',
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
    case 'they-reached-out':
      return `They reached out ${CHANNEL_WORDS[e.channel]}${e.gist ? ` (${GIST_LABELS[e.gist].split(':')[0]!.toLowerCase()})` : ''}; your count kept going`;
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
