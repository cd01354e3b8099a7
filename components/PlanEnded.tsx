import { formatCivilDate } from '@/lib/format-date';
import { days, labels, t } from '@/lib/i18n';
import { endedKey } from '@/lib/purpose';
import type { Purpose } from '@/lib/settings';
import type { PlanEndReason } from '@/lib/streak/log-event';
import type { EndedPlan } from '@/lib/streak/stats';

/** Why it ended, inside a sentence ("…: goal reached"). */
const REASON_WORDS: Readonly<Record<PlanEndReason, string>> = labels({
  'goal-reached': 'endReasonWordsGoalReached',
  reconciled: 'endReasonWordsReconciled',
  'decided-to-stop': 'endReasonWordsDecidedToStop',
  'no-longer-needed': 'endReasonWordsNoLongerNeeded',
  other: 'endReasonWordsOther',
});

/**
 * An ended plan, as a state of its own (never "not set up yet"): when it ended, after how
 * many days, why, what that can mean for the person's purpose, and the way to a new plan.
 * The listed profiles stay blocked until removed, and it says so.
 */
export function PlanEnded({
  ended,
  purpose,
  onNewPlan,
  locale,
  headingId,
  level = 1,
}: {
  ended: EndedPlan;
  purpose: Purpose;
  onNewPlan: () => void;
  locale?: string;
  headingId?: string;
  /** The heading's level: 1 where it is the page's subject, lower inside a page. */
  level?: 1 | 2 | 3;
}) {
  const Heading = `h${level}` as const;
  return (
    <section class="plan-ended" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {t('planEndedTitle', formatCivilDate(ended.on, 'date', locale), days(ended.days))}
      </Heading>
      <p>{t('planEndedWhy', REASON_WORDS[ended.reason])}</p>
      <p>{t(endedKey(purpose))}</p>
      <button type="button" class="primary" onClick={onNewPlan}>
        {t('planEndedNew')}
      </button>
    </section>
  );
}
