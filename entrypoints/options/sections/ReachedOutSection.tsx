import { ReachedOutForm } from '@/components/options/ReachedOutForm';
import { logReachedOut, logReply } from '../actions';

export function ReachedOutSection() {
  return (
    <section aria-labelledby="reached-out-h">
      <h2 id="reached-out-h">They reached out</h2>
      <p class="muted">
        When they get in touch, note it here. It is part of your story and never restarts your
        count: only what you do can. You will get a few words on what to make of it.
      </p>
      <ReachedOutForm onLog={logReachedOut} onReply={logReply} />
    </section>
  );
}
