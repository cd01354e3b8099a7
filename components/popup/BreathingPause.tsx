import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

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
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - start) / 1000)), 250);
    return () => clearInterval(timer);
    // The interval measures from when the pause started; it is set up once.
  }, [done]);

  const breathingIn = elapsed % BREATH_SECONDS < IN_SECONDS;
  return (
    <section class="breathe" aria-labelledby="breathe-title">
      <h1 id="breathe-title">{t('pauseTitle')}</h1>
      <p class="muted">{t('pauseHint')}</p>
      <div class={`breath-circle ${done ? 'still' : ''}`} aria-hidden="true" />
      <p class="breath-word" aria-hidden="true">
        {done ? t('pauseDone') : breathingIn ? t('pauseBreatheIn') : t('pauseBreatheOut')}
      </p>
      {done ? (
        <p role="status">{t('pauseFinished')}</p>
      ) : (
        <p class="muted">{t('pauseSecondsLeft', PAUSE_SECONDS - elapsed)}</p>
      )}
      <button ref={stop} type="button" onClick={onClose}>
        {done ? t('pauseClose') : t('pauseStop')}
      </button>
    </section>
  );
}
