/**
 * The pages' one client for the message protocol (lib/messaging): a typed request to the
 * background whose every way of not being answered is a failure the caller must handle.
 * The browser's send is passed in (lib/ does not import the browser), so each page makes
 * one `ask` with createAsk and the tests make theirs with a stub.
 */

import type { MessageType, Requests, Responses } from './messaging';

/** What a page sends with: `(m) => browser.runtime.sendMessage(m)`. */
export type Send = (message: unknown) => Promise<unknown>;

/**
 * Why a request failed:
 * - 'no-answer': nothing answered (no handler took it, the background is older, or no
 *   context is listening: "Receiving end does not exist"); or the answer was not an object;
 * - 'timeout': no answer within the time the caller allowed;
 * - 'rejected': sending failed some other way (the handler threw, the page is closing...).
 */
export type AskFailure = 'no-answer' | 'timeout' | 'rejected';

/** A request the background did not answer. Its message is for developers. */
export class AskError extends Error {
  readonly type: MessageType;
  readonly reason: AskFailure;

  constructor(type: MessageType, reason: AskFailure, cause?: unknown) {
    super(`${type}: ${reason}`, cause === undefined ? undefined : { cause });
    this.name = 'AskError';
    this.type = type;
    this.reason = reason;
  }
}

export interface AskOptions {
  /** Fails with 'timeout' when no answer comes within this long (no limit by default). */
  timeoutMs?: number;
}

/** Sends a typed request; resolves to its answer, rejects with an AskError otherwise. */
export type Ask = <T extends MessageType>(
  type: T,
  body: Requests[T],
  options?: AskOptions,
) => Promise<Responses[T]>;

/*
 * Chrome's and Firefox's words for a message nobody received. They are reported as
 * 'no-answer', the same as an answer of nothing (a listener that returned nothing).
 */
const UNREACHABLE = /Receiving end does not exist|Could not establish connection/i;

/** A page's `ask`, sending through `send`. */
export function createAsk(send: Send): Ask {
  return <T extends MessageType>(type: T, body: Requests[T], options: AskOptions = {}) =>
    new Promise<Responses[T]>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      if (options.timeoutMs !== undefined)
        timer = setTimeout(() => reject(new AskError(type, 'timeout')), options.timeoutMs);
      const answered = (answer: unknown) => {
        clearTimeout(timer);
        // An answer of nothing means no handler took the message: never a success.
        if (typeof answer !== 'object' || answer === null) reject(new AskError(type, 'no-answer'));
        else resolve(answer as Responses[T]);
      };
      const failed = (e: unknown) => {
        clearTimeout(timer);
        const text = e instanceof Error ? e.message : String(e);
        reject(new AskError(type, UNREACHABLE.test(text) ? 'no-answer' : 'rejected', e));
      };
      try {
        send({ type, ...body }).then(answered, failed);
      } catch (e) {
        failed(e);
      }
    });
}
