import { t } from '@/lib/i18n';
import { usePlatform } from '../platform-context';
import type { Notice } from '@/lib/settings';

/**
 * One-time notes about what an update changed in the person's settings, and why; shown
 * until the person says they have read them.
 */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: () => void;
}) {
  // Firefox for Android has no toolbar: the popup is in its menu.
  const android = usePlatform() === 'android';
  if (!notices.length) return null;
  return (
    <section aria-labelledby="notices-h" class="warnings">
      {notices.map((n, i) => (
        <div class="warning" key={`${n.kind}-${i}`}>
          <h2 id={i === 0 ? 'notices-h' : undefined}>{t('noticeModifiedTitle')}</h2>
          {n.profiles > 0 && (
            <p>
              {n.profiles === 1
                ? t('noticeModifiedProfilesOne')
                : t('noticeModifiedProfilesOther', n.profiles)}
            </p>
          )}
          {n.pendingDropped > 0 && <p>{t('noticeModifiedPendingDropped')}</p>}
          <p>{t(android ? 'noticeModifiedWhyAndroid' : 'noticeModifiedWhy')}</p>
        </div>
      ))}
      <button type="button" onClick={onDismiss}>
        {t('noticeDismiss')}
      </button>
    </section>
  );
}
