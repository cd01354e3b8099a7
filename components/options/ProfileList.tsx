import type { Profile, ProfileMode } from '@/lib/profiles/types';
import { t, tWith } from '@/lib/i18n';
import { isConversation, type PendingChange } from '@/lib/settings';
import { formatMoment } from '@/lib/format-date';
import { nameOf } from './format';

/**
 * The listed profiles, each with its mode and what is waiting for it. Removing one, or
 * switching a conversation to Modified, only asks; the list of waiting changes holds the cancel button.
 */
export function ProfileList({
  profiles,
  pending,
  onRemove,
  onSetMode,
}: {
  profiles: readonly Profile[];
  pending: readonly PendingChange[];
  onRemove: (profileId: string) => void;
  onSetMode: (profileId: string, mode: ProfileMode) => void;
}) {
  if (profiles.length === 0) return <p>{t('profilesNone')}</p>;
  const waiting = (id: string, kind: 'remove-profile' | 'switch-to-modified') =>
    pending.find((p) => p.change.kind === kind && p.change.profileId === id);
  return (
    <ul class="profile-list" aria-label={t('profilesListLabel')}>
      {profiles.map((p) => {
        const removal = waiting(p.id, 'remove-profile');
        const toModified = waiting(p.id, 'switch-to-modified');
        return (
          <li key={p.id}>
            <div>
              <span class="profile-name">{nameOf(p)}</span>{' '}
              <span class="tag">
                {p.mode === 'modified' ? t('profileTagModified') : t('profileTagBlocked')}
              </span>
              {removal && (
                <p class="pending-note">
                  {tWith(
                    'profileWillBeRemoved',
                    <time dateTime={new Date(removal.dueAt).toISOString()}>
                      {formatMoment(removal.dueAt)}
                    </time>,
                  )}
                </p>
              )}
              {toModified && !removal && (
                <p class="pending-note">
                  {tWith(
                    'profileSwitchesOn',
                    <time dateTime={new Date(toModified.dueAt).toISOString()}>
                      {formatMoment(toModified.dueAt)}
                    </time>,
                  )}
                </p>
              )}
            </div>
            <div class="row">
              {p.mode === 'block' && isConversation(p) && !toModified && !removal && (
                <button
                  type="button"
                  aria-label={t('profileSwitchLabel', nameOf(p))}
                  onClick={() => onSetMode(p.id, 'modified')}
                >
                  {t('profileSwitch')}
                </button>
              )}
              {p.mode === 'modified' && (
                <button
                  type="button"
                  aria-label={t('profileBlockLabel', nameOf(p))}
                  onClick={() => onSetMode(p.id, 'block')}
                >
                  {t('profileBlock')}
                </button>
              )}
              {!removal && (
                <button
                  type="button"
                  aria-label={t('profileRemoveLabel', nameOf(p))}
                  onClick={() => onRemove(p.id)}
                >
                  {t('profileRemove')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
