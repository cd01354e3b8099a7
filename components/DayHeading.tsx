import { days, t } from '@/lib/i18n';
import type { DayStatus } from '@/lib/streak/day';
import type { NextMilestone } from '@/lib/streak/milestones';

/** "day 14, in 2 days", or null when no milestone is ahead. */
export function milestoneText(next: NextMilestone | null, goalDays?: number): string | null {
  if (!next) return null;
  return t(next.day === goalDays ? 'milestoneGoalIn' : 'milestoneIn', next.day, days(next.inDays));
}

interface Props {
  status: DayStatus;
  nextMilestone?: NextMilestone | null;
  /** The heading's id, so a button can point to it for screen readers. */
  headingId?: string;
}

/** "Day N of G" with a progress bar, or what to say before the plan runs. */
export function DayHeading({ status, nextMilestone = null, headingId }: Props) {
  if (status.kind === 'no-plan') return <h1 id={headingId}>{t('notSetUpTitle')}</h1>;
  if (status.kind === 'not-started') return <StartsIn status={status} headingId={headingId} />;
  const milestone = milestoneText(nextMilestone, status.goalDays);
  const dayOfGoal = t('dayOfGoal', status.day, status.goalDays);
  return (
    <>
      <h1 id={headingId}>{dayOfGoal}</h1>
      <progress
        class="progress"
        max={status.goalDays}
        value={Math.min(status.day, status.goalDays)}
        aria-label={dayOfGoal}
      />
      <p class="muted">
        {status.goalReached ? t('goalReached') : t('daysToGo', days(status.daysToGo))}
      </p>
      {milestone && <p class="muted milestone">{t('nextMilestoneIs', milestone)}</p>}
    </>
  );
}

/**
 * Before day 1: when the count starts, and in a taper week what these days are for
 * (contact reducing, not stopping yet).
 */
export function StartsIn({
  status,
  headingId,
  class: className,
}: {
  status: Extract<DayStatus, { kind: 'not-started' }>;
  headingId?: string;
  class?: string;
}) {
  const when = t('startsIn', days(status.startsInDays));
  if (!status.taper) {
    return (
      <h1 id={headingId} class={className}>
        {when}
      </h1>
    );
  }
  return (
    <>
      <h1 id={headingId} class={className}>
        {t('taperHeading', when)}
      </h1>
      <p class="taper-tip">{t('taperTip')}</p>
    </>
  );
}
