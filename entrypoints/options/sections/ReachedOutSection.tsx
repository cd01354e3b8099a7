import { ReachedOutForm } from '@/components/ReachedOutForm';
import { t } from '@/lib/i18n';
import { logReachedOut, logReply } from '../actions';

export function ReachedOutSection() {
  return (
    <section aria-labelledby="reached-out-h">
      <h2 id="reached-out-h">{t('reachedOut')}</h2>
      <p class="muted">{t('reachedOutIntro')}</p>
      <ReachedOutForm onLog={logReachedOut} onReply={logReply} />
    </section>
  );
}
