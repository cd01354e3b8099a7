import { say, t } from '@/lib/i18n';
import type { Words } from '@/lib/words';

/**
 * Tells the person that part of their saved settings could not be read, what was done
 * about each part, and that the original was kept; until they say they have read it.
 */
export function DamageNotice({
  problems,
  onDismiss,
}: {
  problems: readonly (Words | string)[];
  onDismiss: () => void;
}) {
  if (!problems.length) return null;
  return (
    <section aria-labelledby="damage-h" class="warnings">
      <div class="warning">
        <h2 id="damage-h">{t('damageTitle')}</h2>
        <ul>
          {problems.map((p) => {
            const text = typeof p === 'string' ? p : say(p);
            return <li key={text}>{text}</li>;
          })}
        </ul>
        <p>{t('damageKept')}</p>
        <button type="button" onClick={onDismiss}>
          {t('damageDismiss')}
        </button>
      </div>
    </section>
  );
}
