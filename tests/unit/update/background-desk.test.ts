import { describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { BUILD } from '@/lib/build';
import { parseMessage } from '@/lib/messaging';
import { OUTBOX_PREFIX, putInOutbox } from '@/lib/outbox';
import { setupMessages, type Handlers } from '@/entrypoints/background/messages';
import { MemoryArea } from '../fixtures/memory-area';

const ORIGIN = 'chrome-extension://abc/';

function background(handlers: Handlers) {
  const area = new MemoryArea();
  let listener: ((raw: unknown, sender: unknown) => unknown) | null = null;
  const browser = {
    runtime: {
      id: 'abc',
      getURL: (p: string) => `chrome-extension://abc${p}`,
      onMessage: { addListener: (l: typeof listener) => (listener = l) },
    },
    storage: { local: area },
  } as unknown as WxtBrowser;
  const desk = setupMessages(browser, handlers);
  const fromPage = (raw: unknown) =>
    listener!(raw, { id: 'abc', url: `${ORIGIN}popup.html` }) as Promise<unknown> | undefined;
  return { area, desk, fromPage };
}

describe('the background across an update', () => {
  it('every request may carry its build; a malformed build is refused', () => {
    expect(
      parseMessage({ type: 'log-urge', source: 'popup', dedupeKey: 'k', build: BUILD }),
    ).not.toBeNull();
    expect(
      parseMessage({ type: 'log-urge', source: 'popup', dedupeKey: 'k', build: '' }),
    ).toBeNull();
    expect(
      parseMessage({ type: 'log-urge', source: 'popup', dedupeKey: 'k', build: 7 }),
    ).toBeNull();
    expect(parseMessage({ type: 'hello' })).toBeNull();
    expect(parseMessage({ type: 'hello', build: 'x'.repeat(65) })).toBeNull();
  });

  it("answers a page's hello with its own build, after writing what waits in the outbox", async () => {
    const written: string[] = [];
    const bg = background({
      'log-urge': (m) => {
        written.push(m.dedupeKey);
        return Promise.resolve({ ok: true, eventId: m.dedupeKey });
      },
    });
    await putInOutbox(
      bg.area,
      { type: 'log-urge', source: 'interstitial', dedupeKey: 'kept' },
      Date.now(),
    );
    expect(await bg.fromPage({ type: 'hello', build: '0.1.0+old' })).toEqual({
      ok: true,
      build: BUILD,
    });
    expect(written).toEqual(['kept']);
    expect([...bg.area.data.keys()].some((k) => k.startsWith(OUTBOX_PREFIX))).toBe(false);
  });

  it('a waiting request is checked like a message: one that does not parse is not written', async () => {
    const handler = vi.fn(() => Promise.resolve({ ok: true as const, eventId: 'e' }));
    const bg = background({ 'log-urge': handler });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await putInOutbox(
      bg.area,
      { type: 'log-urge', source: 'somewhere', dedupeKey: 'bad' },
      Date.now(),
    );
    expect(await bg.desk.drain()).toEqual({ written: 0, waiting: 1, dropped: 0 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('a write that fails (the database is not ready) keeps waiting for the next drain', async () => {
    let ready = false;
    const bg = background({
      'log-urge': () =>
        ready
          ? Promise.resolve({ ok: true, eventId: 'e' })
          : Promise.reject(new Error('VersionError')),
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await putInOutbox(bg.area, { type: 'log-urge', source: 'popup', dedupeKey: 'k' }, Date.now());
    expect(await bg.desk.drain()).toEqual({ written: 0, waiting: 1, dropped: 0 });
    ready = true;
    expect(await bg.desk.drain()).toEqual({ written: 1, waiting: 0, dropped: 0 });
  });
});
