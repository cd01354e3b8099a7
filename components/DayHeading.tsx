import type { DayStatus } from '@/lib/streak/day';

/** "Day N of G" with a progress bar, or what to say before the plan runs. */
export function DayHeading({ status }: { status: DayStatus }) {
  if (status.kind === 'no-plan') return <h1>No Contact is not set up yet</h1>;
  if (status.kind === 'not-started') {
    const n = status.startsInDays;
    return <h1>No Contact starts in {n === 1 ? '1 day' : `${n} days`}</h1>;
  }
  return (
    <>
      <h1>
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
          : `${status.daysToGo} ${status.daysToGo === 1 ? 'day' : 'days'} to go`}
      </p>
    </>
  );
}
