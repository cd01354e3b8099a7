/**
 * How a page speaks to the background across an update. After files are replaced in
 * place, a browser can keep the older background (and manifest, rules and messages)
 * running beside pages read from the new files, until it restarts; or keep a page of the
 * older build open beside a newer background. So a page:
 * - says hello with its build when it opens (`check`): a newer background reloads the
 *   page; an older one (or one that does not know hello) is reported, never reloaded
 *   from here: a reload of an extension loaded from the command line unloads it, and
 *   with it every blocking rule (seen in Chromium 156), which no update may risk;
 * - sends every request with its build, and puts every log write in the outbox
 *   (lib/outbox) until a background has written it, so no write is lost meanwhile (a
 *   background of this build writes what waits when it starts or a page says hello).
 * The popup reads its numbers itself when the background cannot give them
 * (entrypoints/popup/ask-summary.ts); the words come from the files (lib/i18n).
 * The browser is passed in: lib/ never imports it.
 */

import { AskError, createAsk, type Ask } from './ask';
import { BUILD, compareBuilds, loadedVersionDiffers } from './build';
import { isText } from './check';
import type { MessageType, Requests, Responses } from './messaging';
import { mayWait, putInOutbox, takeFromOutbox, type OutboxArea } from './outbox';

/** The log writes that can say when they happened ('at'). */
const TIMED: ReadonlySet<MessageType> = new Set<MessageType>(['log-slip', 'log-reached-out']);

/** What a page needs of the browser. */
export interface PageBrowser {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): { version: string };
  };
  storage: { local: OutboxArea };
}

export type LinkState =
  /** The background is of this page's build. */
  | 'same'
  /** It did not answer in a way that tells (sending failed): nothing was done. */
  | 'unknown'
  /** The page is older: it reloads itself. */
  | 'page-reloading'
  /** The background, or the extension the browser has loaded, is older (see above). */
  | 'background-older';

export interface LinkOptions {
  now?: () => number;
  /** Reloads this page (location.reload). */
  reloadPage: () => void;
}

/** The page-to-background link: its `ask`, and the hello check. */
export interface PageLink {
  ask: Ask;
  /** Says hello and acts on the answer (see the file's comment). */
  check: () => Promise<LinkState>;
}

export function createPageLink(b: PageBrowser, options: LinkOptions): PageLink {
  const now = options.now ?? Date.now;
  const send = createAsk((m) =>
    b.runtime.sendMessage({ ...(m as Record<string, unknown>), build: BUILD }),
  );

  let checking: Promise<LinkState> | null = null;
  const check = (): Promise<LinkState> => (checking ??= hello().finally(() => (checking = null)));

  async function hello(): Promise<LinkState> {
    let theirs: string | null;
    try {
      const r = await send('hello', { build: BUILD });
      theirs = isText(r.build, 200, 1) ? r.build : null;
    } catch (e) {
      // Only "nobody took it" tells of an older background; any other failure tells nothing.
      if (!(e instanceof AskError) || e.reason !== 'no-answer') return 'unknown';
      theirs = null;
    }
    // The same background build, but the browser still holds another version's manifest
    // (and rules, and messages): the extension itself is older than these files.
    const loadedOlder = loadedVersionDiffers(b.runtime.getManifest().version);
    if (theirs === BUILD && !loadedOlder) return 'same';
    if (theirs !== null && theirs !== BUILD && compareBuilds(theirs, BUILD) > 0) {
      options.reloadPage();
      return 'page-reloading';
    }
    console.warn(
      `No Contact: these pages are build ${BUILD}, the background ${theirs ?? 'an older one'}; ` +
        'log writes wait in the outbox until the browser restarts.',
    );
    return 'background-older';
  }

  const ask = async <T extends MessageType>(
    type: T,
    body: Requests[T],
    askOptions?: Parameters<Ask>[2],
  ): Promise<Responses[T]> => {
    const message = { type, ...body } as Record<string, unknown>;
    const waits = mayWait(message);
    if (waits) {
      // Kept before it is sent; a storage failure must not stop the write itself. A kept
      // request that can carry its time carries this moment, so a later write keeps it.
      const kept =
        TIMED.has(type) && message.at === undefined ? { ...message, at: now() } : message;
      await putInOutbox(b.storage.local, kept, now()).catch((e: unknown) =>
        console.error('No Contact: the outbox could not keep a request', e),
      );
    }
    try {
      const answer = await send(type, body, askOptions);
      if (waits) {
        void takeFromOutbox(b.storage.local, message.dedupeKey).catch(() => undefined);
      }
      return answer;
    } catch (e) {
      // The write waits in the outbox; find out why it was not taken.
      if (waits && e instanceof AskError) void check();
      throw e;
    }
  };

  return { ask, check };
}

/** The key in a page's sessionStorage that says it already reloaded for a newer background. */
const RELOADED_KEY = 'no-contact-reloaded-for-update';

/** Reloads the page once per tab session, so a page can never reload in a loop. */
export function reloadOnce(session: Pick<Storage, 'getItem' | 'setItem'>, reload: () => void) {
  if (session.getItem(RELOADED_KEY)) return;
  session.setItem(RELOADED_KEY, '1');
  reload();
}
