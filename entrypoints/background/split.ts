import type { WxtBrowser as Browser } from 'wxt/browser';
import { BUILD } from '@/lib/build';
import { isObj } from '@/lib/check';
import type { NoContactDb } from '@/lib/db/schema';
import {
  ALLOWANCES_KEY,
  allowanceEnded,
  parseStoredAllowances,
  type Allowance,
} from '@/lib/guard/allowances';
import { parseMessage, type Message, type Responses } from '@/lib/messaging';
import {
  ANSWER_PREFIX,
  exportTables,
  importTables,
  markReplica,
  NORMAL_WINDOW_ONLY,
  parseRelayed,
  parseSnapshot,
  RELAY_PREFIX,
  RELAY_WAIT_MS,
  RELAYED_TYPES,
  SNAPSHOT_KEY,
  STAMP_KEY,
  WANT_KEY,
  type RelayAnswer,
  type Relayed,
} from '@/lib/split';
import { words } from '@/lib/words';
import { backgroundDb } from './db';
import type { MessageDesk } from './messages';

/** Whether this build runs a background of its own in incognito windows (Chrome's split). */
export function isSplitBuild(browser: Browser): boolean {
  return (browser.runtime.getManifest() as { incognito?: string }).incognito === 'split';
}

/** Whether this background is the incognito windows' one. */
export function isPrivateSide(browser: Browser): boolean {
  return browser.extension.inIncognitoContext === true;
}

const newId = () => crypto.randomUUID();

/** How long a private page's hello waits for the normal side. */
const HELLO_WAIT_MS = 2500;

/**
 * The normal side of lib/split: answers what the incognito windows' background hands over,
 * with the same handlers as its own pages' requests, and hands over a copy of the log when
 * asked. `logChanged` tells the private side that the log changed (after every write).
 */
export function setupNormalSide(
  browser: Browser,
  desk: Pick<MessageDesk, 'run'>,
  openDb: () => NoContactDb = backgroundDb,
) {
  const { local, session } = browser.storage;

  const answer = async (key: string, raw: unknown) => {
    const relayed = parseRelayed(raw);
    // Taken out first: a request is answered once, even if this background restarts.
    await session.remove(key);
    if (!relayed) return;
    const id = key.slice(RELAY_PREFIX.length);
    const msg = parseMessage(relayed.message);
    let out: RelayAnswer = {};
    if (msg && RELAYED_TYPES.has(msg.type)) {
      try {
        out = { answer: await desk.run(msg, senderOf(relayed)) };
      } catch (e) {
        console.error('No Contact: a request from an incognito window failed', e);
      }
    }
    await session.set({ [ANSWER_PREFIX + id]: out });
  };

  const handOverCopy = async (id: string) => {
    const tables = await exportTables(openDb());
    await local.set({ [SNAPSHOT_KEY]: { id, at: Date.now(), tables } });
  };

  // A copy no incognito background took (its window closed first) is not kept: the log
  // itself is here. Only one that is not on its way any more: older than a minute.
  void local.get(SNAPSHOT_KEY).then((got) => {
    const left = parseSnapshot(got[SNAPSHOT_KEY]);
    if (left && Date.now() - left.at > 60_000) return local.remove(SNAPSHOT_KEY);
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session') return;
    for (const [key, change] of Object.entries(changes)) {
      if (key.startsWith(RELAY_PREFIX) && change.newValue !== undefined) {
        answer(key, change.newValue).catch((e: unknown) => console.error(e));
      } else if (key === WANT_KEY && isObj(change.newValue)) {
        const { id } = change.newValue;
        if (typeof id === 'string') handOverCopy(id).catch((e: unknown) => console.error(e));
      }
    }
  });

  return {
    logChanged: () => session.set({ [STAMP_KEY]: `${Date.now()}:${newId()}` }),
  };
}

const senderOf = (r: Relayed) => ({
  ...(r.tabId !== undefined && { tab: { id: r.tabId } }),
  ...(r.url !== undefined && { url: r.url }),
});

/**
 * The incognito windows' side of lib/split: hands every request that reads or writes the
 * log to the normal side and answers with its answer; keeps the private pages' copy of the
 * log up to date; tells its tabs when an allowance the normal side kept for them ends (the
 * normal side cannot reach incognito tabs).
 */
export function setupPrivateSide(browser: Browser, openDb: () => NoContactDb = backgroundDb) {
  const { local, session } = browser.storage;
  const waiting = new Map<string, (a: RelayAnswer) => void>();
  let lastCopy = 0;
  let importing: Promise<void> = Promise.resolve();

  const askForCopy = () =>
    session.set({ [WANT_KEY]: { id: newId(), at: Date.now() } }).catch((e: unknown) => {
      console.error('No Contact: could not ask for the log', e);
    });

  const takeCopy = (raw: unknown) => {
    const snap = parseSnapshot(raw);
    if (!snap) return;
    importing = importing.then(async () => {
      if (snap.at <= lastCopy) return;
      await importTables(openDb(), snap.tables);
      await markReplica(indexedDB, snap.at);
      lastCopy = snap.at;
      // Left for no one else: the copy can be large.
      const now = (await local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY];
      if (isObj(now) && now.id === snap.id) await local.remove(SNAPSHOT_KEY);
    });
    importing = importing.catch((e: unknown) => {
      console.error('No Contact: the copy of the log could not be kept', e);
    });
  };

  const tellEnded = (before: Allowance[], after: Allowance[]) => {
    const still = new Set(after.map((a) => `${a.tabId}:${a.profileId}`));
    const tabs = new Set(
      before.filter((a) => !still.has(`${a.tabId}:${a.profileId}`)).map((a) => a.tabId),
    );
    for (const tabId of tabs) {
      browser.tabs.sendMessage(tabId, allowanceEnded()).catch(() => undefined);
    }
  };

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') {
      // The copy is large: it travels in local storage (session storage holds 10 MB).
      const copy = changes[SNAPSHOT_KEY];
      if (copy?.newValue !== undefined) takeCopy(copy.newValue);
      return;
    }
    if (area !== 'session') return;
    const ended = changes[ALLOWANCES_KEY];
    if (ended)
      tellEnded(parseStoredAllowances(ended.oldValue), parseStoredAllowances(ended.newValue));
    for (const [key, change] of Object.entries(changes)) {
      if (key.startsWith(ANSWER_PREFIX) && change.newValue !== undefined) {
        const done = waiting.get(key.slice(ANSWER_PREFIX.length));
        if (!done) continue;
        done(isObj(change.newValue) ? change.newValue : {});
        void session.remove(key);
      } else if (key === STAMP_KEY) {
        void askForCopy();
      }
    }
  });
  void askForCopy();

  const relay = (msg: Message, sender: { tab?: { id?: number }; url?: string }, wait: number) => {
    const id = newId();
    const relayed: Relayed = {
      message: msg,
      at: Date.now(),
      ...(sender.tab?.id !== undefined && { tabId: sender.tab.id }),
      ...(sender.url !== undefined && { url: sender.url }),
    };
    return new Promise<RelayAnswer>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        void session.remove(RELAY_PREFIX + id);
        resolve({});
      }, wait);
      waiting.set(id, (a) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(a);
      });
      session.set({ [RELAY_PREFIX + id]: relayed }).catch((e: unknown) => {
        console.error('No Contact: could not hand a request over', e);
        clearTimeout(timer);
        waiting.delete(id);
        resolve({});
      });
    });
  };

  return {
    handOver: (
      msg: Message,
      sender: { tab?: { id?: number }; url?: string },
    ): Promise<unknown> | undefined => {
      if (NORMAL_WINDOW_ONLY.has(msg.type)) {
        return Promise.resolve({ ok: false, error: words('notInPrivateWindow') });
      }
      if (!RELAYED_TYPES.has(msg.type)) return undefined;
      // A page's hello waits little (its answer only says which build runs here).
      const wait = msg.type === 'hello' ? HELLO_WAIT_MS : RELAY_WAIT_MS;
      return relay(msg, sender, wait).then(({ answer }) => {
        // The normal side's hello may not come in time; this background's build is the same.
        if (msg.type === 'hello' && answer === undefined) {
          return { ok: true, build: BUILD } satisfies Responses['hello'];
        }
        return answer;
      });
    },
  };
}
