import { describe, expect, it } from 'vitest';
import {
  drainOutbox,
  mayWait,
  OUTBOX_MAX_AGE_MS,
  OUTBOX_PREFIX,
  putInOutbox,
  readOutbox,
  takeFromOutbox,
} from '@/lib/outbox';
import { MemoryArea } from '../fixtures/memory-area';

const urge = (key: string) => ({ type: 'log-urge', source: 'interstitial', dedupeKey: key });
const NOW = 1_800_000_000_000;

describe('the outbox', () => {
  it('keeps only log writes that carry a dedupe key', () => {
    expect(mayWait(urge('a'))).toBe(true);
    expect(mayWait({ type: 'log-slip', source: 'popup', what: 'looked', dedupeKey: 'b' })).toBe(
      true,
    );
    expect(mayWait({ type: 'log-urge', source: 'popup' })).toBe(false);
    expect(mayWait({ type: 'log-urge', source: 'popup', dedupeKey: '' })).toBe(false);
    expect(mayWait({ type: 'continue', url: 'https://x.com/a', dedupeKey: 'c' })).toBe(false);
    expect(mayWait({ type: 'apply-import', text: '{}' })).toBe(false);
  });

  it('keeps each request under its own key and takes it out by its dedupe key', async () => {
    const area = new MemoryArea({ settings: { version: 3 } });
    await putInOutbox(area, urge('one'), NOW);
    await putInOutbox(area, urge('two'), NOW + 1);
    expect([...area.data.keys()].sort()).toEqual(
      ['settings', `${OUTBOX_PREFIX}one`, `${OUTBOX_PREFIX}two`].sort(),
    );
    await takeFromOutbox(area, 'one');
    expect((await readOutbox(area)).map((e) => e.item.message.dedupeKey)).toEqual(['two']);
  });

  it('writes every waiting request oldest first and takes out each one written', async () => {
    const area = new MemoryArea();
    await putInOutbox(area, urge('late'), NOW + 50);
    await putInOutbox(area, urge('early'), NOW);
    const written: string[] = [];
    const r = await drainOutbox(
      area,
      (m) => {
        written.push(m.dedupeKey as string);
        return Promise.resolve('written');
      },
      NOW + 100,
    );
    expect(written).toEqual(['early', 'late']);
    expect(r).toEqual({ written: 2, waiting: 0, dropped: 0 });
    expect(await readOutbox(area)).toEqual([]);
  });

  it('keeps a request whose write failed, and one this version cannot write, for a later drain', async () => {
    const area = new MemoryArea();
    await putInOutbox(area, urge('fails'), NOW);
    await putInOutbox(area, urge('unknown'), NOW + 1);
    const r = await drainOutbox(
      area,
      (m) =>
        m.dedupeKey === 'fails'
          ? Promise.reject(new Error('VersionError'))
          : Promise.resolve('refused'),
      NOW + 2,
    );
    expect(r).toEqual({ written: 0, waiting: 2, dropped: 0 });
    expect((await readOutbox(area)).length).toBe(2);
  });

  it('drops what is too old or not a request, and leaves every other key alone', async () => {
    const area = new MemoryArea({ settings: { keep: true }, [`${OUTBOX_PREFIX}junk`]: 'text' });
    await putInOutbox(area, urge('old'), NOW - OUTBOX_MAX_AGE_MS - 1);
    await putInOutbox(area, urge('fresh'), NOW - 1000);
    const r = await drainOutbox(area, () => Promise.resolve('written'), NOW);
    expect(r).toEqual({ written: 1, waiting: 0, dropped: 2 });
    expect(area.snapshot()).toEqual({ settings: { keep: true } });
  });
});
