import { afterEach, describe, expect, it, vi } from 'vitest';
import { AskError, createAsk, type Send } from '@/lib/ask';

afterEach(() => vi.useRealTimers());

/** The reason `p` was rejected with, failing the test when it resolves. */
async function failure(p: Promise<unknown>): Promise<AskError> {
  const e: unknown = await p.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AskError);
  return e as AskError;
}

describe('ask: one typed request to the background', () => {
  it('sends the type and the body as one message, and resolves to the answer', async () => {
    const send = vi.fn<Send>(() => Promise.resolve({ ok: true, eventId: 'e1' }));
    const ask = createAsk(send);
    const r = await ask('log-urge', { source: 'popup', dedupeKey: 'k1' });
    expect(r).toEqual({ ok: true, eventId: 'e1' });
    expect(send).toHaveBeenCalledExactlyOnceWith({
      type: 'log-urge',
      source: 'popup',
      dedupeKey: 'k1',
    });
  });

  it('passes a refusal on as an answer: only the caller knows what it means', async () => {
    const ask = createAsk(() => Promise.resolve({ ok: false, error: { key: 'importFailed' } }));
    expect(await ask('apply-import', { text: '{}' })).toEqual({
      ok: false,
      error: { key: 'importFailed' },
    });
  });

  it('fails when nothing answers: no handler took the message', async () => {
    for (const nothing of [undefined, null, 'ok', 1, true]) {
      const e = await failure(createAsk(() => Promise.resolve(nothing))('summary', {}));
      expect(e.reason, String(nothing)).toBe('no-answer');
      expect(e.type).toBe('summary');
    }
  });

  it('fails when no context is listening ("Receiving end does not exist")', async () => {
    const chrome = new Error('Could not establish connection. Receiving end does not exist.');
    const e = await failure(createAsk(() => Promise.reject(chrome))('undo', { eventId: 'e1' }));
    expect(e.reason).toBe('no-answer');
    expect(e.cause).toBe(chrome);
  });

  it('fails when sending is rejected any other way, or throws at once', async () => {
    const thrown = new Error('handler failed');
    const rejected = await failure(createAsk(() => Promise.reject(thrown))('summary', {}));
    expect(rejected.reason).toBe('rejected');
    expect(rejected.cause).toBe(thrown);
    const sync = await failure(
      createAsk(() => {
        throw new TypeError('Extension context invalidated.');
      })('summary', {}),
    );
    expect(sync.reason).toBe('rejected');
  });

  it('fails after the time allowed, and not before', async () => {
    vi.useFakeTimers();
    let answer: (v: unknown) => void = () => undefined;
    const ask = createAsk(() => new Promise((r) => (answer = r)));
    const late = ask('log-urge', { source: 'interstitial', dedupeKey: 'k' }, { timeoutMs: 1500 });
    const caught = failure(late);
    await vi.advanceTimersByTimeAsync(1499);
    await vi.advanceTimersByTimeAsync(1);
    expect((await caught).reason).toBe('timeout');
    // An answer that comes in time is the answer, and no timer is left behind.
    const inTime = ask('log-urge', { source: 'interstitial', dedupeKey: 'k' }, { timeoutMs: 1500 });
    answer({ ok: true, eventId: 'e2' });
    expect(await inTime).toEqual({ ok: true, eventId: 'e2' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits as long as it takes when no time is given', async () => {
    vi.useFakeTimers();
    let answer: (v: unknown) => void = () => undefined;
    const p = createAsk(() => new Promise((r) => (answer = r)))('delete-everything', {});
    await vi.advanceTimersByTimeAsync(60_000);
    answer({ ok: true });
    expect(await p).toEqual({ ok: true });
  });
});
