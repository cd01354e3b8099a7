import { describe, expect, it, vi } from 'vitest';
import { takeOverFromEarlierWorker } from '@/entrypoints/background/worker-takeover';

type Listener = (event: { waitUntil?(p: Promise<unknown>): void }) => void;

/** A service worker scope that records its listeners and what was called. */
function fakeWorker() {
  const listeners = new Map<string, Listener[]>();
  const calls: string[] = [];
  const scope = {
    skipWaiting: vi.fn(() => {
      calls.push('skipWaiting');
      return Promise.resolve();
    }),
    clients: {
      claim: vi.fn(() => {
        calls.push('claim');
        return Promise.resolve();
      }),
    },
    addEventListener(type: string, l: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), l]);
    },
    fire(type: string) {
      const waited: Promise<unknown>[] = [];
      for (const l of listeners.get(type) ?? []) l({ waitUntil: (p) => waited.push(p) });
      return waited;
    },
  };
  return { scope, calls };
}

describe('the worker of an updated build takes over from the earlier one', () => {
  it('skips waiting when installed and claims the open pages when active', async () => {
    const { scope, calls } = fakeWorker();
    expect(takeOverFromEarlierWorker(scope)).toBe(true);
    expect(calls).toEqual([]);
    void Promise.all(scope.fire('install'));
    expect(calls).toEqual(['skipWaiting']);
    const waited = scope.fire('activate');
    expect(calls).toEqual(['skipWaiting', 'claim']);
    // Activation waits for the claim, so no page is left with the earlier worker.
    expect(waited).toHaveLength(1);
    await expect(waited[0]).resolves.toBeUndefined();
  });

  it('does nothing where the background is not a service worker (Firefox)', () => {
    const added: string[] = [];
    const page = { addEventListener: (type: string) => void added.push(type) };
    expect(takeOverFromEarlierWorker(page)).toBe(false);
    expect(added).toEqual([]);
  });

  it('a refused skipWaiting is reported, not thrown into the install', async () => {
    const { scope } = fakeWorker();
    scope.skipWaiting.mockImplementationOnce(() => Promise.reject(new Error('no')));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    takeOverFromEarlierWorker(scope);
    expect(() => scope.fire('install')).not.toThrow();
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    error.mockRestore();
  });
});
