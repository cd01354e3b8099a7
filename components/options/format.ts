import type { Profile } from '@/lib/profiles/types';
import type { Change, Friction } from '@/lib/settings';
import type { SignId } from '@/lib/signs';
import type {
  ContactChannel,
  LogEvent,
  PlanEndReason,
  ReachOutGist,
  SlipKind,
} from '@/lib/streak/log-event';
import { formatCivilDate } from '@/lib/format-date';
import { days, labels, say, t } from '@/lib/i18n';
import { profileName } from '@/lib/profiles/name';
import type { StreakEnd } from '@/lib/streak/stats';

export { days };

export const SLIP_LABELS: Readonly<Record<SlipKind, string>> = labels({
  message: 'slipLabelMessage',
  call: 'slipLabelCall',
  'in-person': 'slipLabelInPerson',
  replied: 'slipLabelReplied',
  'liked-or-reacted': 'slipLabelLikedOrReacted',
  'looked-at-profile': 'slipLabelLookedAtProfile',
  other: 'slipLabelOther',
});

export const END_REASON_LABELS: Readonly<Record<PlanEndReason, string>> = labels({
  'goal-reached': 'endReasonGoalReached',
  reconciled: 'endReasonReconciled',
  'decided-to-stop': 'endReasonDecidedToStop',
  // No longer offered; kept for plans ended with them before.
  'no-longer-needed': 'endReasonNoLongerNeeded',
  other: 'endReasonOther',
});

/**
 * The same, inside a sentence ("Plan ended: goal reached"): their own words, so that no
 * choice label is ever lower-cased in code (which would give "i reached my goal").
 */
export const END_REASON_WORDS: Readonly<Record<PlanEndReason, string>> = labels({
  'goal-reached': 'endReasonWordsGoalReached',
  reconciled: 'endReasonWordsReconciled',
  'decided-to-stop': 'endReasonWordsDecidedToStop',
  'no-longer-needed': 'endReasonWordsNoLongerNeeded',
  other: 'endReasonWordsOther',
});

/** What their contact was like, inside a sentence ("They reached out by message (mixed signals)"). */
const GIST_WORDS: Readonly<Record<ReachOutGist, string>> = labels({
  'mixed-signals': 'gistWordsMixedSignals',
  'asking-why': 'gistWordsAskingWhy',
  angry: 'gistWordsAngry',
  'get-back-together': 'gistWordsGetBackTogether',
  practical: 'gistWordsPractical',
  other: 'gistWordsOther',
});

/** The same, inside a sentence: "They reached out by …". */
const CHANNEL_WORDS: Readonly<Record<ContactChannel, string>> = labels({
  message: 'channelWordsMessage',
  call: 'channelWordsCall',
  'in-person': 'channelWordsInPerson',
  'social-media': 'channelWordsSocialMedia',
  'through-someone': 'channelWordsThroughSomeone',
  other: 'channelWordsOther',
});

export function describeStreakEnd(end: StreakEnd | null): string {
  if (!end) return t('streakEndStillGoing');
  switch (end.kind) {
    case 'slip':
      return t('streakEndSlip', SLIP_LABELS[end.what]);
    case 'plan-ended':
      return t('streakEndPlanEnded', END_REASON_WORDS[end.reason]);
    case 'new-plan':
      return t('streakEndNewPlan');
  }
}

/** A listed profile's name, in the page's language. */
export const nameOf = (p: Pick<Profile, 'platform' | 'key' | 'display'>) => say(profileName(p));

export function describeEvent(e: LogEvent, profiles: readonly Profile[]): string {
  const listed = e.profileId ? profiles.find((p) => p.id === e.profileId) : undefined;
  const who = listed ? nameOf(listed) : undefined;
  const on = who ? ` (${who})` : '';
  switch (e.kind) {
    case 'urge-resisted':
      return t('eventUrgeResisted', on);
    case 'slip':
      return t('eventSlip', SLIP_LABELS[e.what], on, e.restarted ? '' : t('eventSlipCountKept'));
    case 'necessary-contact':
      return t('eventNecessaryContact', on);
    case 'they-reached-out':
      return t(
        'eventReachedOut',
        CHANNEL_WORDS[e.channel],
        e.gist ? ` (${GIST_WORDS[e.gist]})` : '',
      );
    case 'plan-started':
      return t('eventPlanStarted', formatCivilDate(e.startDate), days(e.goalDays));
    case 'plan-ended':
      return t('streakEndPlanEnded', END_REASON_WORDS[e.reason]);
    case 'stage-set':
      return t('eventStageSet');
  }
}

function describeFriction(f: Friction): string {
  const parts = [
    f.pauseSeconds === 0 ? t('frictionNoPause') : t('frictionPause', f.pauseSeconds),
    f.phraseRequired ? t('frictionPhrase') : t('frictionNoPhrase'),
    t('frictionAllowed', f.allowMinutes),
  ];
  return parts.join(', ');
}

/** What a waiting change will do, in words. */
export function describeChange(c: Change, profiles: readonly Profile[]): string {
  const name = (id: string) => {
    const p = profiles.find((x) => x.id === id);
    return p ? nameOf(p) : t('changeUnlistedProfile');
  };
  switch (c.kind) {
    case 'remove-profile':
      return t('changeRemoveProfile', name(c.profileId));
    case 'switch-to-modified':
      return t('changeSwitchToModified', name(c.profileId));
    case 'lower-friction':
      return t('changeLowerFriction', describeFriction(c.friction));
    case 'end-plan':
      return t('changeEndPlan', END_REASON_WORDS[c.reason]);
  }
}

/** What the person reads beside each sign it is working (kept out of lib/signs, which the page-side guard's bundle reaches). */
export const SIGN_LABELS: Readonly<Record<SignId, string>> = labels({
  'mixed-signals': 'signMixedSignals',
  'reaching-out-more': 'signReachingOutMore',
  'friends-asking': 'signFriendsAsking',
  'making-jealous': 'signMakingJealous',
  'feeling-steadier': 'signFeelingSteadier',
});
