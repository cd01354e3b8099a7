import type { DayStatus } from '@/lib/streak/day';
import type { NextMilestone } from '@/lib/streak/milestones';

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "day 14, in 2 days", or null when no milestone is ahead. */
export function milestoneText(next: NextMilestone | null, goalDays?: number): string | null {
  if (!next) return null;
  const goal = next.day === goalDays ? ' (your goal)' : '';
  return `day ${next.day}${goal}, in ${plural(next.inDays, 'day', 'days')}`;
}

interface Props {
  status: DayStatus;
  nextMilestone?: NextMilestone | null;
  /** The heading's id, so a button can point to it for screen readers. */
  headingId?: string;
}

/** "Day N of G" with a progress bar, or what to say before the plan runs. */
export function DayHeading({ status, nextMilestone = null, headingId }: Props) {
  if (status.kind === 'no-plan') return <h1 id={headingId}>No Contact is not set up yet</h1>;
  if (status.kind === 'not-started') {
    return (
      <h1 id={headingId}>No Contact starts in {plural(status.startsInDays, 'day', 'days')}</h1>
    );
  }
  const milestone = milestoneText(nextMilestone, status.goalDays);
  return (
    <>
      <h1 id={headingId}>
        Day {status.day} of {status.goalDays}
      </h1>
      <progress
        class="progress"
        max={status.goalDays}
        value={Math.min(status.day, status.goalDays)}
        aria-label={`Day ${status.day} of ${status.goalDays}`}
      />
      <p class="muted">
        {status.goalReached
          ? 'You reached your goal. The count goes on.'
          : `${plural(status.daysToGo, 'day', 'days')} to go`}
      </p>
      {milestone && <p class="muted milestone">Next milestone: {milestone}</p>}
    </>
  );
}
