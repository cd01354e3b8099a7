import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { setupNormalSide, setupPrivateSide } from '@/entrypoints/background/split';
import { addEvent } from '@/lib/db/event-store';
import { createDb, type NoContactDb } from '@/lib/db/schema';
import { ALLOWANCES_KEY, allowanceEnded } from '@/lib/guard/allowances';
import type { Message } from '@/lib/messaging';
import {
  ANSWER_PREFIX,
  exportTables,
  RELAY_PREFIX,
  replicaAt,
  SNAPSHOT_KEY,
  WANT_KEY,
} from '@/lib/split';
import { words } from '@/lib/words';

type Listener = (
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
) => void;

/**
 * storage.local and storage.session as the two sides of a split extension share them:
 * every change is told, a moment later, to every listener of both sides.
 */
function sharedStorage() {
  const listeners: Listener[] = [];
  const area = (name: string) => {
    let data: Record<string, unknown> = {};
    const emit = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
      if (!Object.keys(changes).length) return;
      setTimeout(() => {
        for (const l of listeners) l(structuredClone(changes), name);
      }, 0);
    };
    return {
      get: (key: string | null) =>
        Promise.resolve(
          key === null
            ? structuredClone(data)
            : key in data
              ? { [key]: structuredClone(data[key]) }
              : {},
        ),
      set: (items: Record<string, unknown>) => {
        const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
        for (const [k, v] of Object.entries(items)) changes[k] = { oldValue: data[k], newValue: v };
        data = { ...data, ...structuredClone(items) };
        emit(changes);
        return Promise.resolve();
      },
      remove: (keys: string | string[]) => {
        const changes: Record<string, { oldValue?: unknown }> = {};
        for (const k of Array.isArray(keys) ? keys : [keys]) {
          if (k in data) changes[k] = { oldValue: data[k] };
          delete data[k];
        }
        emit(changes);
        return Promise.resolve();
      },
      keys: () => Object.keys(data),
    };
  };
  return {
    local: area('local'),
    session: area('session'),
    onChanged: { addListener: (l: Listener) => listeners.push(l) },
  };
}

function sides() {
  const storage = sharedStorage();
  const sent: { tabId: number; msg: unknown }[] = [];
  const side = () =>
    ({
      storage,
      tabs: {
        sendMessage: (tabId: number, msg: unknown) => {
          sent.push({ tabId, msg });
          return Promise.resolve();
        },
      },
    }) as unknown as WxtBrowser;
  return { storage, sent, normal: side(), private: side() };
}

const settle = () => new Promise((r) => setTimeout(r, 30));
let n = 0;
const freshDb = (): NoContactDb => createDb(`split-test-${++n}-${Date.now()}`);

afterEach(() => {
  vi.useRealTimers();
});

describe('incognito windows hand their requests to the normal side', () => {
  it('a log write from a private page runs in the normal side, with its tab, and its answer comes back', async () => {
    const s = sides();
    const ran: { msg: Message; sender: unknown }[] = [];
    setupNormalSide(s.normal, {
      run: (msg, sender) => {
        ran.push({ msg, sender });
        return Promise.resolve({ ok: true, eventId: 'e-1' });
      },
    });
    const priv = setupPrivateSide(s.private, freshDb);
    const msg = { type: 'log-urge', source: 'interstitial', dedupeKey: 'k-1' } as Message;
    const answer = await priv.handOver(msg, {
      tab: { id: 42 },
      url: 'chrome-extension://x/i.html',
    });
    expect(answer).toEqual({ ok: true, eventId: 'e-1' });
    expect(ran).toEqual([{ msg, sender: { tab: { id: 42 }, url: 'chrome-extension://x/i.html' } }]);
    await settle();
    // Nothing of the exchange is left behind.
    const left = s.storage.session
      .keys()
      .filter((k) => k.startsWith(RELAY_PREFIX) || k.startsWith(ANSWER_PREFIX));
    expect(left).toEqual([]);
  });

  it('a request the normal side does not take is answered with nothing, not run', async () => {
    const s = sides();
    const run = vi.fn(() => Promise.resolve({ ok: true }));
    setupNormalSide(s.normal, { run });
    const priv = setupPrivateSide(s.private, freshDb);
    // Written straight into storage, as a content script could: not a request of the protocol.
    await s.storage.session.set({
      [`${RELAY_PREFIX}forged`]: { message: { type: 'delete-everything' }, at: Date.now() },
    });
    await settle();
    expect(run).not.toHaveBeenCalled();
    expect(
      (await s.storage.session.get(`${ANSWER_PREFIX}forged`))[`${ANSWER_PREFIX}forged`],
    ).toEqual({});
    // The guard's question stays on the private side.
    expect(priv.handOver({ type: 'guard-hello' } as Message, { tab: { id: 1 } })).toBeUndefined();
  });

  it('importing a backup or deleting everything is refused in a private window, and nothing is handed over', async () => {
    const s = sides();
    const run = vi.fn(() => Promise.resolve({ ok: true }));
    setupNormalSide(s.normal, { run });
    const priv = setupPrivateSide(s.private, freshDb);
    for (const type of ['apply-import', 'delete-everything'] as const) {
      const msg = (type === 'apply-import' ? { type, text: '{}' } : { type }) as Message;
      expect(await priv.handOver(msg, { tab: { id: 1 } })).toEqual({
        ok: false,
        error: words('notInPrivateWindow'),
      });
    }
    await settle();
    expect(run).not.toHaveBeenCalled();
    expect(s.storage.session.keys().filter((k) => k.startsWith(RELAY_PREFIX))).toEqual([]);
  });

  it('with no normal side answering, the request gets no answer (the page says it failed) and is taken back', async () => {
    vi.useFakeTimers();
    const s = sides();
    const priv = setupPrivateSide(s.private, freshDb);
    const pending = priv.handOver(
      { type: 'save-draft', id: 'd1', text: 'hi' },
      {
        tab: { id: 3 },
      },
    );
    await vi.advanceTimersByTimeAsync(10_001);
    expect(await pending).toBeUndefined();
    expect(s.storage.session.keys().filter((k) => k.startsWith(RELAY_PREFIX))).toEqual([]);
  });

  it("a private page's hello is answered with this build when the normal side is slow", async () => {
    vi.useFakeTimers();
    const s = sides();
    const priv = setupPrivateSide(s.private, freshDb);
    const pending = priv.handOver({ type: 'hello', build: 'b' }, { tab: { id: 3 } });
    await vi.advanceTimersByTimeAsync(2_600);
    expect(await pending).toMatchObject({ ok: true });
  });
});

describe("the private side's copy of the log", () => {
  it('is the normal log, whole, after a change, and the page marker says it arrived', async () => {
    const s = sides();
    const normalDb = freshDb();
    const privateDb = freshDb();
    await addEvent(normalDb, {
      kind: 'urge-resisted',
      time: Date.parse('2026-12-01T10:00:00Z'),
      timeZone: 'UTC',
      source: 'popup',
      dedupeKey: 'u-1',
    });
    const normal = setupNormalSide(
      s.normal,
      { run: () => Promise.resolve(undefined) },
      () => normalDb,
    );
    setupPrivateSide(s.private, () => privateDb);
    await vi.waitFor(async () => expect(await privateDb.events.count()).toBe(1));
    await addEvent(normalDb, {
      kind: 'urge-resisted',
      time: Date.parse('2026-12-02T10:00:00Z'),
      timeZone: 'UTC',
      source: 'interstitial',
      dedupeKey: 'u-2',
    });
    await normal.logChanged();
    await vi.waitFor(async () => expect(await privateDb.events.count()).toBe(2));
    expect(await exportTables(privateDb)).toEqual(await exportTables(normalDb));
    expect(await replicaAt(indexedDB)).not.toBeNull();
    // The copy is taken out of shared storage once kept.
    await vi.waitFor(async () =>
      expect((await s.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]).toBeUndefined(),
    );
    expect((await s.storage.session.get(WANT_KEY))[WANT_KEY]).toBeDefined();
    // Nothing of the exchange stays in local storage, which outlives the browser.
    expect(s.storage.local.keys()).toEqual([]);
  });
});

describe('allowances the normal side ends', () => {
  it('are told to the incognito tabs they were for', async () => {
    const s = sides();
    setupPrivateSide(s.private, freshDb);
    const a = { profileId: 'instagram:a', tabId: 7, until: Date.now() + 60_000, ruleIds: [5001] };
    const b = { profileId: 'instagram:b', tabId: 8, until: Date.now() + 60_000, ruleIds: [5002] };
    await s.storage.session.set({ [ALLOWANCES_KEY]: [a, b] });
    await settle();
    expect(s.sent).toEqual([]);
    await s.storage.session.set({ [ALLOWANCES_KEY]: [b] });
    await settle();
    expect(s.sent).toEqual([{ tabId: 7, msg: allowanceEnded() }]);
  });
});
