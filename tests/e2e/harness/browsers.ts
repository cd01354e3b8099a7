import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import type { FakeSites } from './fake-sites';
import { FAKE_DOMAINS } from './fake-sites';

export type BrowserName = 'chromium' | 'firefox';

/** One tab, driven the same way in both browsers. */
export interface E2EPage {
  /** The driver's own page object (screenshots), for what this interface does not cover. */
  raw?: unknown;
  /** Starts a navigation as if typed, without waiting (Firefox never settles on moz-extension pages). */
  goto(url: string): void;
  href(): Promise<string>;
  evaluate<T>(expression: string): Promise<T>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  press(key: string): Promise<void>;
  goBack(): void;
  /** Makes the page see prefers-color-scheme: dark; false where the driver cannot. */
  emulateDark(): Promise<boolean>;
  /** Calls `seen` with the message of every alert, confirm or prompt, and dismisses it. */
  onDialog(seen: (message: string) => void): void;
  close(): Promise<void>;
}

export interface E2EBrowser {
  name: BrowserName;
  version: string;
  /** Base URL of the extension's pages, ending in '/'. */
  extensionBase: string;
  /** Whether installing the extension opened its options page (the first run). */
  firstRunOpened: boolean;
  newPage(): Promise<E2EPage>;
  close(): Promise<void>;
  /** Chromium only: stop the extension's service worker. */
  stopServiceWorker?(): Promise<void>;
  /**
   * Chromium only, after stopServiceWorker(): watch the extension's service worker; `starts()` counts how often it
   * was started since the watch began.
   */
  watchServiceWorker?(): Promise<{ starts(): number; stop(): Promise<void> }>;
  /** Chromium only: close and start again with the same browser profile. */
  restart?(): Promise<void>;
}

export const EXTENSION_DIR = {
  chromium: resolve('.output/chrome-mv3'),
  firefox: resolve('.output/firefox-mv3'),
} as const;

export const GECKO_ID = 'no-contact@no-contact.invalid';

const BINARIES = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' } as const;
const PACKAGES = { chromium: 'chromium', firefox: 'firefox-esr' } as const;

function requireInstalled(name: BrowserName) {
  if (!existsSync(BINARIES[name])) {
    throw new Error(
      `${BINARIES[name]} is not installed. The end-to-end tests need it: ` +
        `apt-get install -y ${PACKAGES[name]}  (as root, or with sudo)`,
    );
  }
  const manifest = join(EXTENSION_DIR[name], 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`No build at ${EXTENSION_DIR[name]}: run npm run build first.`);
  }
}

export function launch(name: BrowserName, sites: FakeSites): Promise<E2EBrowser> {
  requireInstalled(name);
  return name === 'chromium' ? launchChromium(sites) : launchFirefox(sites);
}

/** Polls for up to `ms` until `probe` gives a value. */
async function pollFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

// ---------- Chromium through playwright-core ----------

function wrapPw(page: PwPage): E2EPage {
  return {
    raw: page,
    goto(url) {
      page.goto(url, { waitUntil: 'commit' }).catch(() => undefined);
    },
    href: () => page.evaluate(() => location.href).catch(() => page.url()),
    evaluate: <T>(expression: string) => page.evaluate<T>(expression),
    click: (sel) => page.click(sel),
    type: (sel, text) => page.locator(sel).pressSequentially(text),
    press: (key) => page.keyboard.press(key),
    goBack() {
      page.goBack({ waitUntil: 'commit' }).catch(() => undefined);
    },
    emulateDark: () => page.emulateMedia({ colorScheme: 'dark' }).then(() => true),
    onDialog(seen) {
      page.on('dialog', (d) => {
        seen(d.message());
        void d.dismiss();
      });
    },
    close: () => page.close(),
  };
}

async function launchChromium(sites: FakeSites): Promise<E2EBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'nc-chromium-'));
  const ext = EXTENSION_DIR.chromium;
  const rules = FAKE_DOMAINS.flatMap((d) => [
    `MAP ${d} 127.0.0.1:${sites.port}`,
    `MAP *.${d} 127.0.0.1:${sites.port}`,
  ]).join(',');
  let context: BrowserContext;
  let extensionBase = '';

  const start = async () => {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: BINARIES.chromium,
      headless: true,
      ignoreHTTPSErrors: true,
      args: [
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        // One argv element: Chromium splits the rules on commas itself.
        `--host-resolver-rules=${rules}`,
        '--no-sandbox',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        // Service workers refuse a self-signed certificate unless errors are ignored browser-wide.
        '--ignore-certificate-errors',
        '--disable-gpu',
      ],
    });
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15000 }));
    extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
  };
  await start();
  // Installing opens the first run in a tab of its own; wait for it so that it cannot take
  // over a tab a test opens, then close it.
  const firstRun = await pollFor(() =>
    context.pages().find((p) => p.url().startsWith(`${extensionBase}options.html`)),
  );
  const firstRunOpened = firstRun !== undefined;
  await firstRun?.close();
  const version = context!.browser()?.version() ?? 'unknown';

  const self: E2EBrowser = {
    name: 'chromium',
    version: `Chromium ${version}`,
    firstRunOpened,
    get extensionBase() {
      return extensionBase;
    },
    newPage: async () => wrapPw(await context.newPage()),
    async stopServiceWorker() {
      // The ServiceWorker domain of a page of the extension's own origin reaches its worker;
      // its status events tell when the worker has really stopped.
      const page = await context.newPage();
      // A page of the extension that runs no script of its own, so it wakes nothing.
      await page.goto(`${extensionBase}manifest.json`);
      const cdp = await context.newCDPSession(page);
      const stopped = new Promise<void>((res, rej) => {
        const timer = setTimeout(() => rej(new Error('the service worker did not stop')), 10_000);
        cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
          if (
            e.versions.some(
              (v) => v.scriptURL.startsWith(extensionBase) && v.runningStatus === 'stopped',
            )
          ) {
            clearTimeout(timer);
            res();
          }
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await cdp.detach();
      await page.close();
    },
    async watchServiceWorker() {
      const page = await context.newPage();
      // A page of the extension that runs no script of its own, so it wakes nothing.
      await page.goto(`${extensionBase}manifest.json`);
      const cdp = await context.newCDPSession(page);
      let starts = 0;
      // Watching starts right after stopServiceWorker(), so the worker is stopped (a new
      // CDP session gets no report about a worker that is not running).
      let running = false;
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        for (const v of e.versions) {
          if (!v.scriptURL.startsWith(extensionBase)) continue;
          const now = v.runningStatus === 'starting' || v.runningStatus === 'running';
          if (now && !running) starts++;
          running = now;
        }
      });
      await cdp.send('ServiceWorker.enable');
      return {
        starts: () => starts,
        stop: async () => {
          await cdp.detach();
          await page.close();
        },
      };
    },
    async restart() {
      await context.close();
      await start();
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return self;
}

// ---------- Firefox ESR through puppeteer-core ----------

function wrapPp(page: PpPage): E2EPage {
  return {
    goto(url) {
      page.goto(url).catch(() => undefined);
    },
    // page.url() goes stale on moz-extension pages: ask the page itself.
    href: () => page.evaluate(() => location.href),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    click: (sel) => page.click(sel),
    type: (sel, text) => page.type(sel, text),
    press: (key) => page.keyboard.press(key as Parameters<PpPage['keyboard']['press']>[0]),
    goBack() {
      page.goBack().catch(() => undefined);
    },
    // Media emulation needs CDP, which puppeteer's WebDriver BiDi session with Firefox
    // lacks; dark mode is audited in Chromium only.
    emulateDark: () => Promise.resolve(false),
    onDialog(seen) {
      page.on('dialog', (d) => {
        seen(d.message());
        void d.dismiss();
      });
    },
    close: () => page.close(),
  };
}

async function launchFirefox(sites: FakeSites): Promise<E2EBrowser> {
  const uuid = randomUUID();
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BINARIES.firefox,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(sites.pac())}`,
      'network.proxy.allow_hijacking_localhost': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
    },
  });
  await browser.installExtension(EXTENSION_DIR.firefox);
  const base = `moz-extension://${uuid}/`;
  const firstRun = await pollFor(async () => {
    for (const p of await browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${base}options.html`)) return p;
    }
    return undefined;
  });
  await firstRun?.close();
  const version = (await browser.version()).replace(/^firefox\//i, 'Firefox ESR ');
  return {
    name: 'firefox',
    version,
    extensionBase: base,
    firstRunOpened: firstRun !== undefined,
    newPage: async () => wrapPp(await browser.newPage()),
    close: () => browser.close(),
  };
}
