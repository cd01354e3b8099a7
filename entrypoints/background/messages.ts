import type { WxtBrowser as Browser } from 'wxt/browser';
import { BUILD } from '@/lib/build';
import { parseMessage, senderMaySend, type Message, type Responses } from '@/lib/messaging';
import { drainOutbox, OUTBOX_TYPES, type DrainResult } from '@/lib/outbox';

/** How long a hello's answer waits for the outbox to be written. */
const HELLO_WAITS_MS = 2000;

export type Handlers = {
  [T in Message['type']]?: (
    msg: Message<T>,
    sender: { tab?: { id?: number }; url?: string },
  ) => Promise<Responses[T]>;
};

/** What setupMessages gives the rest of the background. */
export interface MessageDesk {
  /** Writes what waits in the outbox (lib/outbox); one drain at a time. */
  drain: () => Promise<DrainResult>;
  /**
   * Answers a request already parsed and checked elsewhere (one an incognito window's
   * background handed over: entrypoints/background/split.ts), as if its page had sent it.
   */
  run: (msg: Message, sender: Sender) => Promise<unknown>;
}

type Sender = { tab?: { id?: number }; url?: string };

export interface MessageOptions {
  /**
   * Looked at first, after the parse and the sender check: a promise answers the request
   * (an incognito window's background hands most requests to the normal side); undefined
   * leaves it to the handlers here.
   */
  handOver?: (msg: Message, sender: Sender) => Promise<unknown> | undefined;
}

/**
 * The background's one message entry point: every request is parsed against the protocol
 * and its sender checked before any handler runs. Unknown or unwelcome messages get no
 * answer and change nothing. A page's hello is answered here with this build, after the
 * outbox is written, so a page that opens after an update finds its waiting writes done.
 */
export function setupMessages(
  browser: Browser,
  handlers: Handlers,
  options: MessageOptions = {},
): MessageDesk {
  const origin = browser.runtime.getURL('/');

  // An outbox request is written as if its page had sent it now: the same parse and the
  // same handler, with this extension's own page as the sender.
  const writeWaiting = async (raw: Record<string, unknown>): Promise<'written' | 'refused'> => {
    const msg = parseMessage(raw);
    if (!msg || !OUTBOX_TYPES.has(msg.type)) return 'refused';
    const handler = handlers[msg.type] as
      ((m: Message, s: { url: string }) => Promise<unknown>) | undefined;
    if (!handler) return 'refused';
    await handler(msg, { url: origin });
    return 'written';
  };
  let draining: Promise<DrainResult> | null = null;
  const drain = () =>
    (draining ??= drainOutbox(browser.storage.local, writeWaiting, Date.now()).finally(() => {
      draining = null;
    }));

  const run = (msg: Message, sender: Sender): Promise<unknown> => {
    if (msg.type === 'hello') {
      // The answer waits for the outbox a little, never long: a page must not hang on it.
      const written = drain().catch((e: unknown) =>
        console.error('No Contact: the outbox could not be written', e),
      );
      const enough = new Promise((resolve) => setTimeout(resolve, HELLO_WAITS_MS));
      return Promise.race([written, enough]).then((): Responses['hello'] => ({
        ok: true,
        build: BUILD,
      }));
    }
    const handler = handlers[msg.type] as ((m: Message, s: Sender) => Promise<unknown>) | undefined;
    return handler ? handler(msg, sender) : Promise.resolve(undefined);
  };

  // With webextension-polyfill a listener answers by returning a promise.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const msg = parseMessage(raw);
    if (!msg || !senderMaySend(msg.type, sender, browser.runtime.id, origin)) return undefined;
    const handedOver = options.handOver?.(msg, sender);
    if (handedOver) return handedOver;
    if (msg.type !== 'hello' && !handlers[msg.type]) return undefined;
    return run(msg, sender);
  });
  return { drain, run };
}
