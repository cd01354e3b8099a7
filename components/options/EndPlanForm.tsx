import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { PLAN_END_CHOICES, type PlanEndChoice } from '@/lib/streak/log-event';
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
  initialReason,
}: {
  /** Whether an end is already waiting (the reason can still be changed). */
  waiting: boolean;
  /** Whether today is the goal day or later, so "goal reached" ends the plan at once. */
  goalReached: boolean;
  onEnd: (reason: PlanEndChoice) => Promise<string>;
  /**
   * The reason chosen already, when the person came here for it ("they asked to get back
   * together" from the guidance): otherwise the goal, or "I decided to stop".
   */
  initialReason?: PlanEndChoice | null;
}) {
  const id = useId();
  const [reason, setReason] = useState<PlanEndChoice>(
    initialReason ?? (goalReached ? 'goal-reached' : 'decided-to-stop'),
  );
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      setStatus({ text: await onEnd(reason), error: false });
    } catch (err) {
      setStatus({
        text: err instanceof Error ? err.message : t('saveFailed'),
        error: true,
      });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <p class="muted">{t('endPlanIntro')}</p>
      <p id={`${id}-when`}>{goalReached ? t('endPlanGoalReached') : t('endPlanWaits')}</p>
      {reason === 'reconciled' && !goalReached && <p>{t('endPlanReconciledWait')}</p>}
      <div class="field">
        <label for={`${id}-reason`}>{t('endPlanWhy')}</label>
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
      <button type="submit">{waiting ? t('endPlanChangeReason') : t('endPlan')}</button>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
