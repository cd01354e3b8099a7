import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Say } from '../components/first-paint';
import { formatMessage, type MessageEntry } from '../lib/i18n';
import { EXTENSION_DIR } from '../tests/e2e/harness/browsers';

/** A page's first frame as HTML, in English: what `make` (a components/first-paint function) builds. */
export function firstFrameHtml(make: (doc: Document, say: Say) => Node): string {
  const messages = JSON.parse(
    readFileSync(join(EXTENSION_DIR.chromium, '_locales/en/messages.json'), 'utf8'),
  ) as Record<string, MessageEntry>;
  const say: Say = (key, subs = []) => formatMessage(messages[key]!, subs);
  const doc = new Window().document as unknown as Document;
  return (make(doc, say) as Element).outerHTML;
}
