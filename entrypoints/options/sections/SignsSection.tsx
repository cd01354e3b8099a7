import { useSigns } from '@/components/hooks/use-history';
import { SignsChecklist } from '@/components/options/SignsChecklist';
import type { Settings } from '@/lib/settings';
import { setSignNoticed, today } from '../actions';

export function SignsSection({ settings }: { settings: Settings }) {
  const { signs, error } = useSigns();
  return (
    <section aria-labelledby="signs-h" aria-busy={signs === null && !error ? 'true' : undefined}>
      <h2 id="signs-h">Signs it is working</h2>
      {error ? (
        <p class="error">Your signs could not be read just now. Try reloading this page.</p>
      ) : signs === null ? (
        <p class="muted">Reading…</p>
      ) : (
        <SignsChecklist signs={signs} today={today(settings)} onSet={setSignNoticed} />
      )}
    </section>
  );
}
