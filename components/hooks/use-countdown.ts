import { useEffect, useState } from 'preact/hooks';

/** The part of `document` the countdown needs (so tests can hand in their own). */
export interface VisibilitySource {
  visibilityState: DocumentVisibilityState;
  addEventListener: (type: 'visibilitychange', fn: () => void) => void;
  removeEventListener: (type: 'visibilitychange', fn: () => void) => void;
}

const TICK_MS = 200;

/**
 * Whole seconds left of a pause of `seconds`, counting only while the page is visible:
 * a pause left running in a background tab (or a prerendered page) would be no pause at
 * all. Restarts when `seconds` changes. Returns 0 when the pause is over.
 */
export function useCountdown(seconds: number, doc: VisibilitySource = document): number {
  const total = Math.max(0, seconds) * 1000;
  const [left, setLeft] = useState(total);

  useEffect(() => {
    let remaining = total;
    setLeft(remaining);
    if (remaining <= 0) return;
    let last = Date.now();
    let visible = doc.visibilityState === 'visible';
    const account = () => {
      const now = Date.now();
      if (visible) remaining -= now - last;
      last = now;
      setLeft(Math.max(0, remaining));
      if (remaining <= 0) stop();
    };
    const onVisibility = () => {
      // Count up to the change with the state that held until it; time spent hidden is not counted.
      account();
      visible = doc.visibilityState === 'visible';
    };
    const timer = setInterval(account, TICK_MS);
    doc.addEventListener('visibilitychange', onVisibility);
    function stop() {
      clearInterval(timer);
      doc.removeEventListener('visibilitychange', onVisibility);
    }
    return stop;
  }, [total, doc]);

  return Math.ceil(left / 1000);
}
