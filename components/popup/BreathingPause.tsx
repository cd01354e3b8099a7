import { useEffect, useRef, useState } from 'preact/hooks';

export const PAUSE_SECONDS = 60;
/** One breath: in for 4 seconds, out for 6. A longer out-breath is the calming part. */
const IN_SECONDS = 4;
const BREATH_SECONDS = 10;

interface Props {
  onClose: () => void;
}

/**
 * A one-minute breathing pause: a circle that grows and shrinks with the breath (still,
 * with the words alone, under prefers-reduced-motion) and a way out at any moment.
 */
export function BreathingPause({ onClose }: Props) {
  const [elapsed, setElapsed] = useState(0);
  const stop = useRef<HTMLButtonElement>(null);
  const done = elapsed >= PAUSE_SECONDS;

  useEffect(() => stop.current?.focus(), []);
  useEffect(() => {
    if (done) return;
    const start = Date.now() - elapsed * 1000;
    const t = setInterval(() => setElapsed(Math.floor((Date.now() - start) / 1000)), 250);
    return () => clearInterval(t);
    // The interval measures from when the pause started; it is set up once.
  }, [done]);

  const breathingIn = elapsed % BREATH_SECONDS < IN_SECONDS;
  return (
    <section class="breathe" aria-labelledby="breathe-title">
      <h1 id="breathe-title">A one-minute pause</h1>
      <p class="muted">Breathe in for four, out for six. Nothing else to do.</p>
      <div class={`breath-circle ${done ? 'still' : ''}`} aria-hidden="true" />
      <p class="breath-word" aria-hidden="true">
        {done ? 'Done' : breathingIn ? 'Breathe in' : 'Breathe out'}
      </p>
      {done ? (
        <p role="status">That was a minute. However you feel now is fine.</p>
      ) : (
        <p class="muted">{PAUSE_SECONDS - elapsed} s left</p>
      )}
      <button ref={stop} type="button" onClick={onClose}>
        {done ? 'Close' : 'Stop the pause'}
      </button>
    </section>
  );
}
