import type { WxtBrowser as Browser } from 'wxt/browser';
import { parseMessage, senderMaySend, type Message, type Responses } from '@/lib/messaging';

export type Handlers = {
  [T in Message['type']]?: (
    msg: Message<T>,
    sender: { tab?: { id?: number }; url?: string },
  ) => Promise<Responses[T]>;
};

/**
 * The background's one message entry point: every request is parsed against the protocol
 * and its sender checked before any handler runs. Unknown or unwelcome messages get no
 * answer and change nothing.
 */
export function setupMessages(browser: Browser, handlers: Handlers) {
  const origin = browser.runtime.getURL('/');
  // With webextension-polyfill a listener answers by returning a promise.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const msg = parseMessage(raw);
    if (!msg || !senderMaySend(msg.type, sender, browser.runtime.id, origin)) return undefined;
    const handler = handlers[msg.type] as
      ((m: Message, s: typeof sender) => Promise<unknown>) | undefined;
    return handler ? handler(msg, sender) : undefined;
  });
}
