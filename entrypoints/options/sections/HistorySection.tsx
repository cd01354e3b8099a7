import { useHistory, useSigns } from '@/components/hooks/use-history';
import { t } from '@/lib/i18n';
import { History } from '@/components/options/History';
import { countingTimeZone, type Settings } from '@/lib/settings';
import { systemTimeZone } from '@/lib/streak/calendar';
import { isActive } from '@/lib/streak/log-event';
import { computeStats } from '@/lib/streak/stats';

export function HistorySection({ settings }: { settings: Settings }) {
  const { events, error } = useHistory();
  const { signs } = useSigns();
  if (error)
    return (
      <section aria-labelledby="history-h">
        <h2 id="history-h">{t('sectionHistory')}</h2>
        <p class="error">{t('historyReadFailed')}</p>
      </section>
    );
  if (!events)
    return (
      <section aria-labelledby="history-h" aria-busy="true">
        <h2 id="history-h">{t('sectionHistory')}</h2>
        <p class="muted">{t('historyReading')}</p>
      </section>
    );
  const stats = computeStats({
    plan: settings.plan,
    events,
    now: Date.now(),
    timeZone: countingTimeZone(settings.plan, systemTimeZone()),
  });
  const timeline = events.filter(isActive).reverse();
  return (
    <History stats={stats} events={timeline} profiles={settings.profiles} signs={signs ?? []} />
  );
}
