import { useState } from 'preact/hooks';
import type { Purpose } from '@/lib/settings';

/** A purpose choice that saves at once and says what became of it. */
export function usePurposeSave(save: (p: Purpose) => Promise<string>) {
  const [status, setStatus] = useState<string | null>(null);
  const choose = (p: Purpose) => {
    setStatus(null);
    save(p).then(setStatus, (e: unknown) => setStatus(e instanceof Error ? e.message : String(e)));
  };
  return { status, choose };
}
