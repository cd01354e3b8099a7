import { useDrafts } from '@/components/hooks/use-history';
import { DraftsBox } from '@/components/options/DraftsBox';
import { keepDraft, removeDraft } from '../actions';

export function DraftsSection() {
  const { drafts, error } = useDrafts();
  return (
    <section aria-labelledby="drafts-h">
      <h2 id="drafts-h">Write it here instead</h2>
      {error && (
        <p class="error">
          Your kept drafts could not be read just now. Try reloading this page; they are still
          stored.
        </p>
      )}
      <DraftsBox drafts={error ? [] : drafts} onSave={keepDraft} onDelete={removeDraft} />
    </section>
  );
}
