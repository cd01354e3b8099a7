import type { Profile, ProfileMode } from '@/lib/profiles/types';
import type { PendingChange } from '@/lib/settings';
import { formatWhen } from './format';

/**
 * The listed profiles, each with its mode and what is waiting for it. Removing one, or
 * switching it to Modified, only asks; the list of waiting changes holds the cancel button.
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
  if (profiles.length === 0) return <p>No profiles listed yet.</p>;
  const waiting = (id: string, kind: 'remove-profile' | 'switch-to-modified') =>
    pending.find((p) => p.change.kind === kind && p.change.profileId === id);
  return (
    <ul class="profile-list" aria-label="Listed profiles">
      {profiles.map((p) => {
        const removal = waiting(p.id, 'remove-profile');
        const toModified = waiting(p.id, 'switch-to-modified');
        return (
          <li key={p.id}>
            <div>
              <span class="profile-name">{p.display}</span>{' '}
              <span class="tag">{p.mode === 'modified' ? 'Modified' : 'Blocked'}</span>
              {removal && (
                <p class="pending-note">
                  Will be removed on{' '}
                  <time dateTime={new Date(removal.dueAt).toISOString()}>
                    {formatWhen(removal.dueAt)}
                  </time>
                  . Until then it stays blocked.
                </p>
              )}
              {toModified && !removal && (
                <p class="pending-note">
                  Switches to Modified on{' '}
                  <time dateTime={new Date(toModified.dueAt).toISOString()}>
                    {formatWhen(toModified.dueAt)}
                  </time>
                  .
                </p>
              )}
            </div>
            <div class="row">
              {p.mode === 'block' && !toModified && !removal && (
                <button
                  type="button"
                  aria-label={`Switch to Modified: ${p.display}`}
                  onClick={() => onSetMode(p.id, 'modified')}
                >
                  Switch to Modified
                </button>
              )}
              {p.mode === 'modified' && (
                <button
                  type="button"
                  aria-label={`Block fully: ${p.display}`}
                  onClick={() => onSetMode(p.id, 'block')}
                >
                  Block fully
                </button>
              )}
              {!removal && (
                <button
                  type="button"
                  aria-label={`Remove ${p.display}`}
                  onClick={() => onRemove(p.id)}
                >
                  Remove
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
