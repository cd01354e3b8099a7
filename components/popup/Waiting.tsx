import type { EarlyDay } from '@/lib/popup-address';
import { t } from '@/lib/i18n';
import { ProgressRing } from '../ProgressRing';

/** "Day N" in the ring towards the goal: the popup's heading. */
export function DayRing({ day, goalDays }: EarlyDay) {
  return (
    <ProgressRing value={day} max={goalDays}>
      <h1>
        <span class="day-word">{t('popupDayWord')}</span> <span class="day-number">{day}</span>
      </h1>
      <p class="of">{t('popupOfGoal', goalDays)}</p>
    </ProgressRing>
  );
}

/**
 * The popup while its numbers are on their way: the badge's day when there is one to
 * trust (`earlyDay`), marked busy; or why there are no numbers when the log could not be
 * read. Small on purpose: the popup paints it before the rest of its code has loaded.
 */
export function Waiting({ earlyDay, failed }: { earlyDay?: EarlyDay | null; failed?: boolean }) {
  const early = failed ? null : earlyDay;
  return (
    <main aria-busy={failed ? undefined : 'true'}>
      {failed && <p role="alert">{t('popupLogUnreadable')}</p>}
      {early && (
        <section class="count" aria-label={t('popupCountLabel')}>
          <DayRing day={early.day} goalDays={early.goalDays} />
        </section>
      )}
    </main>
  );
}
