import { describe, expect, it, vi } from 'vitest';
import { BUILD, versionOf } from '@/lib/build';
import { OUTBOX_PREFIX } from '@/lib/outbox';
import { createPageLink, reloadOnce } from '@/lib/page-link';
import { MemoryArea } from '../fixtures/memory-area';

const NOW = 1_800_000_000_000;

/** A page's browser whose background answers with `answer` (a function of the message). */
function pageWith(
  answer: (m: Record<string, unknown>) => Promise<unknown>,
  loadedVersion = versionOf(BUILD).join('.'),
) {
  const area = new MemoryArea();
  const sent: Record<string, unknown>[] = [];
  const b = {
    runtime: {
      sendMessage: (m: unknown) => {
        sent.push(m as Record<string, unknown>);
        return answer(m as Record<string, unknown>);
      },
      getManifest: () => ({ version: loadedVersion }),
    },
    storage: { local: area },
  };
  return { area, sent, b };
}

const link = (p: ReturnType<typeof pageWith>, reloadPage = vi.fn()) =>
  createPageLink(p.b, { now: () => NOW, reloadPage });

const older = '0.1.0+aaaaaaaaaaaa';
const newer = '999.0.0+bbbbbbbbbbbb';
// What an older background that does not know hello gives: no answer at all.
const silent = () => Promise.resolve(undefined);
const answersBuild = (build: string) => (m: Record<string, unknown>) =>
  Promise.resolve(m.type === 'hello' ? { ok: true, build } : { ok: true, eventId: 'e1' });

describe('a page finds the build of the background it speaks to', () => {
  it('sends its build with every request', async () => {
    const p = pageWith(answersBuild(BUILD));
    await link(p).ask('log-urge', { source: 'popup', dedupeKey: 'k' });
    expect(p.sent[0]).toMatchObject({ type: 'log-urge', build: BUILD });
  });

  it('the same build: nothing happens', async () => {
    const p = pageWith(answersBuild(BUILD));
    const reloadPage = vi.fn();
    expect(await link(p, reloadPage).check()).toBe('same');
    expect(reloadPage).not.toHaveBeenCalled();
  });

  for (const [what, p] of [
    ['a background that does not know hello', () => pageWith(silent)],
    ['an older background', () => pageWith(answersBuild(older))],
    [
      'the same background build in an extension loaded at an older version',
      () => pageWith(answersBuild(BUILD), '0.1.0'),
    ],
  ] as const) {
    it(`${what}: reported, and the page stays (nothing reloads)`, async () => {
      const reloadPage = vi.fn();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(await link(p(), reloadPage).check()).toBe('background-older');
      expect(reloadPage).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledTimes(1);
    });
  }

  it('a newer background: the page reloads itself', async () => {
    const p = pageWith(answersBuild(newer));
    const reloadPage = vi.fn();
    expect(await link(p, reloadPage).check()).toBe('page-reloading');
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });

  it('a failure that tells nothing (the send itself threw) changes nothing', async () => {
    const p = pageWith(() => Promise.reject(new Error('The page is closing')));
    const reloadPage = vi.fn();
    expect(await link(p, reloadPage).check()).toBe('unknown');
    expect(reloadPage).not.toHaveBeenCalled();
  });

  it('a page reloads for an update once per tab session, never in a loop', () => {
    const store = new Map<string, string>();
    const session = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const reload = vi.fn();
    reloadOnce(session, reload);
    reloadOnce(session, reload);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});

describe('a log write is never lost to an older background', () => {
  it('is kept in the outbox while unanswered, and taken out once written', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let answerNow = false;
    const p = pageWith((m) =>
      m.type === 'hello'
        ? Promise.resolve(undefined)
        : Promise.resolve(answerNow ? { ok: true, eventId: 'e1' } : undefined),
    );
    const l = link(p);
    await expect(l.ask('log-urge', { source: 'interstitial', dedupeKey: 'first' })).rejects.toThrow(
      'no-answer',
    );
    expect(p.area.data.get(`${OUTBOX_PREFIX}first`)).toMatchObject({
      message: { type: 'log-urge', dedupeKey: 'first' },
      at: NOW,
    });
    answerNow = true;
    await l.ask('log-urge', { source: 'interstitial', dedupeKey: 'second' });
    await vi.waitFor(() => expect(p.area.data.has(`${OUTBOX_PREFIX}second`)).toBe(false));
    expect(p.area.data.has(`${OUTBOX_PREFIX}first`)).toBe(true);
  });

  it('a kept slip carries the moment it was asked for, so a later write keeps its time', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const p = pageWith(silent);
    await expect(
      link(p).ask('log-slip', { source: 'popup', what: 'looked-at-profile', dedupeKey: 's' }),
    ).rejects.toThrow();
    expect(p.area.data.get(`${OUTBOX_PREFIX}s`)).toMatchObject({ message: { at: NOW } });
    // What was sent is what the page asked for: "now" is the background's to stamp.
    expect(p.sent.find((m) => m.type === 'log-slip')).not.toHaveProperty('at');
  });

  it('a request that is not a log write never goes in the outbox', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const p = pageWith(silent);
    await expect(link(p).ask('delete-everything', {})).rejects.toThrow();
    expect([...p.area.data.keys()].filter((k) => k.startsWith(OUTBOX_PREFIX))).toEqual([]);
  });

  it('a write still goes out when the outbox cannot keep it', async () => {
    const p = pageWith(answersBuild(BUILD));
    p.area.failNextSet = new Error('QuotaExceededError');
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(link(p).ask('log-urge', { source: 'popup', dedupeKey: 'k' })).resolves.toEqual({
      ok: true,
      eventId: 'e1',
    });
    expect(err).toHaveBeenCalled();
  });
});
