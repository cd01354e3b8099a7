import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type BrowserContext } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser } from 'puppeteer-core';
import {
  chromiumArgs,
  EXTENSION_DIR,
  firefoxPrefs,
  FIREFOX_PROFILE_INSTALL_PREFS,
  GECKO_ID,
  wrapPp,
  wrapPw,
  type BrowserName,
  type E2EPage,
} from './harness/browsers';
import { startFakeSites, type FakeSites } from './harness/fake-sites';
import { bodyText, eventCount, sleep, todayLocal, waitFor } from './harness/helpers';
import { V1_EVENTS } from '../unit/fixtures/db-v1';
import SETTINGS_V1 from '../unit/fixtures/settings-v1.json';
import SETTINGS_V3 from '../unit/fixtures/settings-v3.json';

/*
 * An update in place, as the README's update path does it: the files of an earlier build
 * are replaced by this build's, in the same folder, for a browser profile that has used
 * the earlier one. The earlier build is the first with the blocked page and the log
 * (commit d68a324: database version 2, settings version 2), kept built in
 * tests/e2e/fixtures. Each browser is started here with a profile of its own that
 * outlives a restart (Chromium: --load-extension of the folder; Firefox: the add-on
 * installed in the profile as a file naming the folder).
 */

const FIXTURE = resolve('tests/e2e/fixtures/build-d68a324.tgz');
const PROFILE = 'https://www.instagram.com/jamie.doe/';
/** This build's identity (lib/build): its version, and the hash its worker is named by. */
const NEW_BUILD = (() => {
  const manifest = JSON.parse(
    readFileSync(join(EXTENSION_DIR.chromium, 'manifest.json'), 'utf8'),
  ) as { version: string; background: { service_worker: string } };
  const hash = /^background-([0-9a-f]{12})\.js$/.exec(manifest.background.service_worker)?.[1];
  if (!hash) throw new Error('The built worker is not named for its build: run npm run build');
  return `${manifest.version}+${hash}`;
})();
const BUILD_DIR = { chromium: 'chrome-mv3', firefox: 'firefox-mv3' } as const;
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;
/** The popup's words when the background could not give it the numbers. */
const UNREADABLE = messages.popupLogUnreadable!.message;

/** The earlier build's settings (version 2), as its options page wrote them. */
function earlierSettings(startDate: string) {
  return {
    version: 2,
    plan: { startDate, goalDays: 30, looksRestart: true },
    profiles: [
      {
        id: 'instagram:jamie.doe',
        platform: 'instagram',
        key: 'jamie.doe',
        display: 'Instagram · @jamie.doe',
        url: PROFILE,
        mode: 'block',
        addedAt: Date.now() - 5 * 86_400_000,
      },
    ],
    friction: { pauseSeconds: 10, phraseRequired: true, allowMinutes: 10 },
    reasons: ['Space to heal.'],
    pending: [],
  };
}

/** Puts a build into `dir`, replacing what was there (the folder itself stays). */
function putBuild(dir: string, from: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(from, dir, { recursive: true });
}

interface Run {
  base: string;
  page(): Promise<E2EPage>;
  close(): Promise<void>;
}

type Starter = (profileDir: string, extDir: string, sites: FakeSites) => Promise<Run>;

const startChromium: Starter = async (profileDir, extDir, sites) => {
  const ctx: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors: true,
    args: chromiumArgs(extDir, sites),
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  return {
    base: `chrome-extension://${new URL(sw.url()).host}/`,
    page: async () => wrapPw(await ctx.newPage()),
    close: () => ctx.close(),
  };
};

const uuid = randomUUID();
const startFirefox: Starter = async (profileDir, extDir, sites) => {
  mkdirSync(join(profileDir, 'extensions'), { recursive: true });
  writeFileSync(join(profileDir, 'extensions', GECKO_ID), extDir);
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...firefoxPrefs(sites, uuid), ...FIREFOX_PROFILE_INSTALL_PREFS },
  });
  return {
    base: `moz-extension://${uuid}/`,
    page: async () => wrapPp(await browser.newPage()),
    close: () => browser.close(),
  };
};

const STARTERS: Record<BrowserName, Starter> = { chromium: startChromium, firefox: startFirefox };

/** Opens one of the extension's pages and waits until its script can speak to the browser. */
async function extPage(run: Run, path: string): Promise<E2EPage> {
  const page = await run.page();
  page.goto(`${run.base}${path}`);
  await waitFor(
    () =>
      page
        .evaluate<boolean>(
          `typeof chrome !== 'undefined' && !!chrome.runtime && !!chrome.runtime.id`,
        )
        .catch(() => false),
    `${path} to load`,
  );
  return page;
}

/** A message to the background from an extension page; null when nothing answered. */
function send<T>(page: E2EPage, message: Record<string, unknown>): Promise<T | null> {
  // A message nobody answers within 5 s is reported as such, not as the test's timeout.
  return page.evaluate<T | null>(
    `Promise.race([
      chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => r ?? null, () => null),
      new Promise((resolve) => setTimeout(() => resolve(null), 5000)),
    ])`,
  );
}

/** How many writes wait in the outbox (lib/outbox). */
function outboxCount(page: E2EPage): Promise<number> {
  return page.evaluate<number>(
    `chrome.storage.local.get(null).then((all) => Object.keys(all).filter((k) => k.startsWith('outbox:')).length)`,
  );
}

/** The numbers the popup shows, as the background gives them. */
async function summary(page: E2EPage) {
  const r = await send<{
    ok: boolean;
    summary?: { totals: { urgesResisted: number; slips: number }; currentStreak: unknown };
  }>(page, { type: 'summary', build: NEW_BUILD });
  return r?.ok ? r.summary! : null;
}

/** Visits the listed profile in a new tab; resolves to the tab once the interstitial shows. */
async function visitProfile(run: Run): Promise<E2EPage> {
  const tab = await run.page();
  tab.goto(PROFILE);
  await waitFor(
    async () =>
      (await tab.href().catch(() => '')).startsWith(`${run.base}interstitial.html`) &&
      /Day \d+/.test(await bodyText(tab).catch(() => '')),
    'the interstitial with the day count',
  ).catch(async (e: unknown) => {
    const where = await tab.href().catch(() => '?');
    const text = await bodyText(tab).catch(() => '?');
    throw new Error(`${String(e)}; the tab is at ${where}: "${text.slice(0, 200)}"`);
  });
  return tab;
}

for (const name of ['chromium', 'firefox'] as const) {
  describe(`${name}: an update in place from an earlier build`, () => {
    let sites: FakeSites;
    let work: string;
    let run: Run | null = null;
    const log = (msg: string) => console.log(`[${name}] ${msg}`);
    const start = STARTERS[name];
    let earlier = '';

    beforeAll(async () => {
      sites = await startFakeSites();
      work = mkdtempSync(join(tmpdir(), `nc-update-${name}-`));
      execFileSync('tar', ['xzf', FIXTURE, '-C', work]);
      earlier = join(work, BUILD_DIR[name]);
    });

    afterAll(async () => {
      await run?.close().catch(() => undefined);
      await sites?.close();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    // In Chromium the updated build's worker has a new address; it must take over from the
    // earlier one at once (entrypoints/background/worker-takeover.ts), or the popup opened
    // after the restart keeps the earlier worker and no message is answered.
    it('profiles stay blocked, every event and the streak are kept, and every page reads them', async () => {
      const profileDir = join(work, 'profile-restart');
      const extDir = join(work, 'ext-restart');
      putBuild(extDir, earlier);
      run = await start(profileDir, extDir, sites);

      // The earlier build, used: a plan started 5 days ago, one profile, two urges.
      const old = await extPage(run, 'popup.html');
      const startDate = todayLocal(-4);
      await old.evaluate(
        `chrome.storage.local.set({ settings: ${JSON.stringify(earlierSettings(startDate))} })`,
      );
      await send(old, { type: 'log-plan-start', startDate, goalDays: 30, dedupeKey: 'e2e-plan' });
      for (const k of ['e2e-urge-1', 'e2e-urge-2']) {
        expect(await send(old, { type: 'log-urge', source: 'popup', dedupeKey: k })).toMatchObject({
          ok: true,
        });
      }
      expect(await eventCount(old)).toBe(3);
      await visitProfile(run);
      expect(sites.requestsFor('instagram.com', '/jamie.doe')).toEqual([]);
      await sleep(1000);
      await run.close();

      // The update: this build's files in the same folder, and the browser started again.
      putBuild(extDir, EXTENSION_DIR[name]);
      sites.clear();
      run = await start(profileDir, extDir, sites);
      const popup = await extPage(run, 'popup.html');
      const hello = await waitFor(
        () => send<{ build?: string }>(popup, { type: 'hello', build: NEW_BUILD }),
        'the background to answer hello',
      );
      log(`after the restart the background answers build ${hello.build ?? '(none)'}`);
      expect(hello.build).toBe(NEW_BUILD);

      const tab = await visitProfile(run);
      expect(sites.requestsFor('instagram.com', '/jamie.doe')).toEqual([]);
      expect(await bodyText(tab)).toMatch(/Day 5 of 30/);

      const s = await waitFor(() => summary(popup), 'the numbers');
      log(`numbers after the update: ${JSON.stringify(s.totals)}`);
      expect(s.totals.urgesResisted).toBe(2);
      expect(s.currentStreak).toMatchObject({ start: startDate });
      const shown = await waitFor(async () => {
        const text = await bodyText(popup);
        return /Day\s+5\b/.test(text) ? text : undefined;
      }, 'the popup to show the day').catch(async (e: unknown) => {
        throw new Error(`${String(e)}: "${(await bodyText(popup)).slice(0, 300)}"`);
      });
      expect(shown).not.toContain(UNREADABLE);

      // Go back on the blocked page: the urge is written by the new background.
      await tab.evaluate(
        `[...document.querySelectorAll('button')].find((b) => /Go back/.test(b.textContent)).click()`,
      );
      await waitFor(
        async () => (await summary(popup))?.totals.urgesResisted === 3,
        'the third urge',
      );
      expect(await eventCount(popup)).toBe(4);
      await run.close();
      run = null;
    });

    it('files replaced while the browser runs: the new pages work beside the older background, and an urge logged meanwhile is kept and written after the restart', async () => {
      const profileDir = join(work, 'profile-live');
      const extDir = join(work, 'ext-live');
      putBuild(extDir, earlier);
      run = await start(profileDir, extDir, sites);
      const old = await extPage(run, 'popup.html');
      const startDate = todayLocal(-2);
      await old.evaluate(
        `chrome.storage.local.set({ settings: ${JSON.stringify(earlierSettings(startDate))} })`,
      );
      await send(old, { type: 'log-plan-start', startDate, goalDays: 30, dedupeKey: 'e2e-p' });
      await send(old, { type: 'log-urge', source: 'popup', dedupeKey: 'e2e-live-1' });
      await old.close();
      await visitProfile(run).then((t) => t.close());

      // This build's files, while the earlier background keeps running.
      putBuild(extDir, EXTENSION_DIR[name]);
      sites.clear();

      // A blocked page of this build, beside the earlier background: it shows the day in
      // its own words, and its Go back is kept in the outbox.
      const tab = await visitProfile(run);
      expect(await bodyText(tab)).toMatch(/Day 3 of 30/);
      // The popup is opened first: Go back closes a tab with nowhere to go back to, and
      // Firefox's driver can fail to open a tab while another one closes.
      const popup = await extPage(run, 'popup.html');
      await tab.evaluate(
        `[...document.querySelectorAll('button')].find((b) => /Go back/.test(b.textContent)).click()`,
      );
      const kept = await waitFor(async () => {
        const n = await outboxCount(popup);
        return n > 0 ? n : undefined;
      }, 'the urge to be kept in the outbox');
      expect(kept).toBe(1);
      expect(sites.requestsFor('instagram.com', '/jamie.doe')).toEqual([]);

      // The popup of this build still shows the numbers, read by itself.
      const text = await waitFor(async () => {
        const t = await bodyText(popup);
        return /Day\s+3\b/.test(t) ? t : undefined;
      }, 'the popup to show the day');
      expect(text).not.toContain(UNREADABLE);
      await popup.close();
      await run.close();

      // The browser restarts: this build's background writes the kept urge, once.
      run = await start(profileDir, extDir, sites);
      const fresh = await extPage(run, 'popup.html');
      const hello = await waitFor(
        () => send<{ build?: string }>(fresh, { type: 'hello', build: NEW_BUILD }),
        'the background to answer hello',
      );
      expect(hello.build).toBe(NEW_BUILD);
      const s = await waitFor(async () => {
        const got = await summary(fresh);
        return got && got.totals.urgesResisted === 2 ? got : undefined;
      }, 'both urges (the one before and the one kept meanwhile)');
      log(`after the restart: ${JSON.stringify(s.totals)}, outbox ${await outboxCount(fresh)}`);
      expect(await outboxCount(fresh)).toBe(0);
      expect(await eventCount(fresh)).toBe(3);
      const blocked = await visitProfile(run);
      expect(await bodyText(blocked)).toMatch(/Day 3 of 30/);
      expect(sites.requestsFor('instagram.com', '/jamie.doe')).toEqual([]);
      await run.close();
      run = null;
    });

    it('stored data of the first versions (database 1 with settings 1, then settings 3) opens in this build: profiles blocked, every event counted, the pages readable', async () => {
      const profileDir = join(work, 'profile-fixtures');
      const extDir = join(work, 'ext-fixtures');
      putBuild(extDir, EXTENSION_DIR[name]);
      run = await start(profileDir, extDir, sites);
      const page = await extPage(run, 'popup.html');
      // The log as version 1 left it, written with plain IndexedDB (Dexie's version 1 is
      // IndexedDB's 10), and the settings as version 1 wrote them.
      // The extension's own pages and background hold the database open and may reopen it
      // at this build's version between the delete and the open (VersionError): try again.
      await page.evaluate(`(async () => {
        const seed = () => new Promise((resolve, reject) => {
          const del = indexedDB.deleteDatabase('no-contact');
          del.onerror = () => reject(del.error);
          del.onsuccess = () => {
            const open = indexedDB.open('no-contact', 10);
            open.onupgradeneeded = () => {
              const events = open.result.createObjectStore('events', { keyPath: 'id' });
              events.createIndex('time', 'time');
              events.createIndex('localDate', 'localDate');
              events.createIndex('[kind+time]', ['kind', 'time']);
              for (const e of ${JSON.stringify(V1_EVENTS)}) events.put(e);
            };
            open.onerror = () => reject(open.error);
            open.onsuccess = () => { open.result.close(); resolve(true); };
          };
        });
        for (let attempt = 1; ; attempt++) {
          try {
            return await seed();
          } catch (error) {
            if (error?.name !== 'VersionError' || attempt >= 20) throw error;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      })()`);
      await page.evaluate(`chrome.storage.local.set({ settings: ${JSON.stringify(SETTINGS_V1)} })`);
      await run.close();

      run = await start(profileDir, extDir, sites);
      sites.clear();
      const popup = await extPage(run, 'popup.html');
      const s = await waitFor(() => summary(popup), 'the numbers');
      const counted = (kind: string) =>
        V1_EVENTS.filter((e) => e.kind === kind && !('undoneAt' in e && e.undoneAt)).length;
      log(`database 1 read by this build: ${JSON.stringify(s.totals)}`);
      expect(s.totals.urgesResisted).toBe(counted('urge-resisted'));
      expect(s.totals.slips).toBe(counted('slip'));
      expect(await eventCount(popup)).toBe(V1_EVENTS.length);
      await visitProfile(run);
      expect(sites.requestsFor('instagram.com', '/jamie.doe')).toEqual([]);
      const text = await bodyText(popup);
      expect(text).not.toContain(UNREADABLE);

      // Settings as version 3 wrote them, over the same log (read as they change).
      await popup.evaluate(
        `chrome.storage.local.set({ settings: ${JSON.stringify(SETTINGS_V3)} })`,
      );
      sites.clear();
      const again = await extPage(run, 'popup.html');
      expect((await waitFor(() => summary(again), 'the numbers')).totals.urgesResisted).toBe(
        counted('urge-resisted'),
      );
      expect(await bodyText(again)).not.toContain(UNREADABLE);
      await visitProfile(run);
      expect(sites.requestsFor('instagram.com', '/jamie.doe')).toEqual([]);
      await run.close();
      run = null;
    });
  });
}
