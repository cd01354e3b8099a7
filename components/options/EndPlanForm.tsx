import { useId, useState } from 'preact/hooks';
import { PLAN_END_REASONS, type PlanEndReason } from '@/lib/streak/events';
import { END_REASON_LABELS } from './format';

/**
 * Ending the plan. It waits 24 hours like every change that lowers protection; the
 * listed profiles stay listed (removing them is a separate, also waiting, choice).
 */
export function EndPlanForm({
  waiting,
  onEnd,
}: {
  /** Whether an end is already waiting (the reason can still be changed). */
  waiting: boolean;
  onEnd: (reason: PlanEndReason) => Promise<string>;
}) {
  const id = useId();
  const [reason, setReason] = useState<PlanEndReason>('goal-reached');
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
        your history and the profiles you listed.
      </p>
      <div class="field">
        <label for={`${id}-reason`}>Why end it?</label>
        <select
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value as PlanEndReason)}
        >
          {PLAN_END_REASONS.map((r) => (
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
