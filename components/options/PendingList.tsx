import type { Profile } from '@/lib/profiles/types';
import { t, tWith } from '@/lib/i18n';
import type { PendingChange } from '@/lib/settings';
import { formatMoment } from '@/lib/format-date';
import { describeChange } from './format';

/**
 * Changes that lower protection and are waiting out their 24 hours. Shown on every
 * section, so a change asked for in a hard moment is always in sight and one click from
 * being undone.
 */
export function PendingList({
  pending,
  profiles,
  onCancel,
}: {
  pending: readonly PendingChange[];
  profiles: readonly Profile[];
  onCancel: (id: string) => void;
}) {
  if (pending.length === 0) return null;
  const sorted = [...pending].sort((a, b) => a.dueAt - b.dueAt);
  return (
    <section aria-labelledby="pending-h" class="pending">
      <h2 id="pending-h">{t('pendingTitle')}</h2>
      <p class="muted">{t('pendingIntro')}</p>
      <ul aria-label={t('pendingTitle')} class="pending-list">
        {sorted.map((p) => {
          const what = describeChange(p.change, profiles);
          return (
            <li key={p.id}>
              <span>
                {tWith(
                  'pendingDueOn',
                  what,
                  <time dateTime={new Date(p.dueAt).toISOString()}>{formatMoment(p.dueAt)}</time>,
                )}
              </span>
              <button
                type="button"
                aria-label={t('pendingCancelLabel', what)}
                onClick={() => onCancel(p.id)}
              >
                {t('pendingCancel')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
