import type { PopupSummary } from '@/components/popup/Popup';
import { AskError } from '@/lib/ask';
import { ask } from './ask';

/**
 * The numbers, read by the background (the popup keeps no database library of its own).
 * When the background does not answer (an older one after an update in place, see
 * lib/page-link), the popup reads them itself rather than show none.
 */
export async function askSummary(): Promise<PopupSummary> {
  const r = await ask('summary', {}).catch((e: unknown) => {
    if (e instanceof AskError && e.reason !== 'timeout') return null;
    throw e;
  });
  if (r === null) return import('./summary-here').then((m) => m.summaryHere());
  if (!r.ok) throw new Error('The background could not read the log.');
  return { ...r.summary, signsNoticed: r.signsNoticed };
}

let first: Promise<PopupSummary> | null = null;

/**
 * Asks for the numbers as soon as the popup's first script runs, so that waking the
 * background and reading the log overlap the loading of the rest of the popup.
 */
export function askSummaryEarly(): void {
  first = askSummary();
  first.catch(() => undefined);
}

/** The answer asked for early, the first time; a fresh request after that. */
export function takeSummary(): Promise<PopupSummary> {
  const got = first ?? askSummary();
  first = null;
  return got;
}
