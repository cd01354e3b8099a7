import { whenContext } from '@/components/hooks/use-when';
import { ReachedOutForm } from '@/components/ReachedOutForm';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { END_RECONCILED_PATH } from '@/lib/end-plan-link';
import { logReachedOut, logReply } from '../actions';

export function ReachedOutSection({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="reached-out-h">
      <h2 id="reached-out-h">{t('reachedOut')}</h2>
      <p class="muted">{t('reachedOutIntro')}</p>
      <ReachedOutForm
        onLog={logReachedOut}
        onReply={logReply}
        when={whenContext(settings.plan)}
        purpose={settings.purpose}
        endPlanHref={END_RECONCILED_PATH}
      />
    </section>
  );
}
