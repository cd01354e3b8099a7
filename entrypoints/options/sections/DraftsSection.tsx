import { useDrafts } from '@/components/hooks/use-history';
import { t } from '@/lib/i18n';
import { DraftsBox } from '@/components/options/DraftsBox';
import { keepDraft, removeDraft } from '../actions';

export function DraftsSection() {
  const { drafts, error } = useDrafts();
  return (
    <section aria-labelledby="drafts-h">
      <h2 id="drafts-h">{t('writeInstead')}</h2>
      {error && <p class="error">{t('draftsReadFailed')}</p>}
      <DraftsBox drafts={error ? [] : drafts} onSave={keepDraft} onDelete={removeDraft} />
    </section>
  );
}
