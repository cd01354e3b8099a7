import { useId, useState } from 'preact/hooks';
import { PLAN_END_CHOICES, type PlanEndChoice } from '@/lib/streak/events';
import { END_REASON_LABELS } from './format';

/**
 * Ending the plan. It waits 24 hours like every change that lowers protection, except
 * "goal reached" once the goal day has come, which takes effect at once. The listed
 * profiles stay listed (removing them is a separate, also waiting, choice), and the
 * history keeps every streak.
 */
export function EndPlanForm({
  waiting,
  goalReached,
  onEnd,
}: {
  /** Whether an end is already waiting (the reason can still be changed). */
  waiting: boolean;
  /** Whether today is the goal day or later, so "goal reached" ends the plan at once. */
  goalReached: boolean;
  onEnd: (reason: PlanEndChoice) => Promise<string>;
}) {
  const id = useId();
  const [reason, setReason] = useState<PlanEndChoice>(
    goalReached ? 'goal-reached' : 'decided-to-stop',
  );
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      setStatus({ text: await onEnd(reason), error: false });
    } catch (err) {
      setStatus({
        text: err instanceof Error ? err.message : 'This could not be saved. Nothing was changed.',
        error: true,
      });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <p class="muted">
        Mixed signals (“I miss you”, “let’s meet and talk”) are not a reason to stop: they often
        mean it is working. A clear, unambiguous wish to get back together is. Ending the plan keeps
        your history and the profiles you listed, and you can start a new plan whenever you like.
      </p>
      <p id={`${id}-when`}>
        {goalReached
          ? 'You have reached your goal day. Ending because you reached your goal takes effect at once; for any other reason it waits 24 hours, and you can cancel it meanwhile.'
          : 'Ending the plan lowers your protection, so it takes effect 24 hours after you ask, and you can cancel it meanwhile.'}
      </p>
      <div class="field">
        <label for={`${id}-reason`}>Why end it?</label>
        <select
          id={`${id}-reason`}
          value={reason}
          aria-describedby={`${id}-when`}
          onChange={(e) => setReason(e.currentTarget.value as PlanEndChoice)}
        >
          {PLAN_END_CHOICES.map((r) => (
            <option key={r} value={r}>
              {END_REASON_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{waiting ? 'Change the reason' : 'End the plan'}</button>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
