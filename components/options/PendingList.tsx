import type { Profile } from '@/lib/profiles/types';
import type { PendingChange } from '@/lib/settings';
import { describeChange, formatWhen } from './format';

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
      <h2 id="pending-h">Waiting changes</h2>
      <p class="muted">
        These lower your protection, so they wait a day before they happen. If the wish is still
        there tomorrow, they take effect by themselves; if not, cancel them.
      </p>
      <ul aria-label="Waiting changes" class="pending-list">
        {sorted.map((p) => {
          const what = describeChange(p.change, profiles);
          return (
            <li key={p.id}>
              <span>
                {what}: on{' '}
                <time dateTime={new Date(p.dueAt).toISOString()}>{formatWhen(p.dueAt)}</time>
              </span>
              <button type="button" aria-label={`Cancel: ${what}`} onClick={() => onCancel(p.id)}>
                Cancel
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
