import { useSigns } from '@/components/hooks/use-history';
import { t } from '@/lib/i18n';
import { SignsChecklist } from '@/components/options/SignsChecklist';
import type { Settings } from '@/lib/settings';
import { setSignNoticed, today } from '../actions';

export function SignsSection({ settings }: { settings: Settings }) {
  const { signs, error } = useSigns();
  return (
    <section aria-labelledby="signs-h" aria-busy={signs === null && !error ? 'true' : undefined}>
      <h2 id="signs-h">{t('signsListLabel')}</h2>
      {error ? (
        <p class="error">{t('signsReadFailed')}</p>
      ) : signs === null ? (
        <p class="muted">{t('signsReading')}</p>
      ) : (
        <SignsChecklist signs={signs} today={today(settings)} onSet={setSignNoticed} />
      )}
    </section>
  );
}
