import { describe, expect, it, vi } from 'vitest';
import { requestPersistence } from '@/lib/db/persistence';

describe('requestPersistence', () => {
  it('asks the browser and gives its answer', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    expect(
      await requestPersistence({ storage: { persist, persisted: () => Promise.resolve(false) } }),
    ).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await requestPersistence({ storage: { persist: () => Promise.resolve(false) } })).toBe(
      false,
    );
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    expect(
      await requestPersistence({ storage: { persist, persisted: () => Promise.resolve(true) } }),
    ).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('is false where the API is missing or fails', async () => {
    expect(await requestPersistence({})).toBe(false);
    expect(await requestPersistence({ storage: {} })).toBe(false);
    expect(await requestPersistence(undefined)).toBe(false);
    expect(
      await requestPersistence({ storage: { persist: () => Promise.reject(new Error('denied')) } }),
    ).toBe(false);
  });
});
