import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, {
  TargetType,
  type Browser as PpBrowser,
  type Page as PpPage,
} from 'puppeteer-core';
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
  /**
   * Lets the extension's own `permissions.request` for `origins` (optional host
   * permissions) succeed without a prompt, which automation cannot answer. Chromium: the
   * patterns are granted beforehand, as the site-access list on chrome://extensions does
   * (developerPrivate.addHostPermission); the request then finds them granted. Firefox:
   * optional-permission prompts are turned off (extensions.webextOptionalPermissionPrompts),
   * which accepts every request in this browser from then on. Either way the prompt's own
   * "Allow" is not exercised.
   */
  allowHostRequests(origins: readonly string[]): Promise<void>;
  /**
   * A tab in a private window (Chromium: an incognito window; Firefox: a private window).
   * Only on a browser launched with `{ privateWindows: ... }`.
   */
  newPrivatePage?(): Promise<E2EPage>;
  /**
   * Firefox only: a click on the add-on's item `menuItemId` in the right-click menu of a
   * link to `linkUrl`, in the tab showing `pageUrl`. No driver opens the browser's own
   * menu; this hands the add-on what the menu's click does (ext-menus.js emits
   * "webext-menu-menuitem-click" on the extension with the click's details and the tab),
   * so the add-on's own onClicked listener runs as after a person's click.
   */
  clickMenuItem?(menuItemId: string, linkUrl: string, pageUrl: string): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Set up private windows: `'allowed'` lets the extension run in them (Chromium: "Allow in
   * Incognito"; Firefox: "Run in Private Windows"), `'not-allowed'` leaves the browser's
   * default (not allowed). Either way the browser gets `newPrivatePage()`.
   */
  privateWindows?: 'allowed' | 'not-allowed';
  /**
   * Chromium only: the browser profile's directory, kept after close (by default a
   * temporary one, deleted), for a run that starts the browser again on it.
   */
  profileDir?: string;
  /**
   * Firefox only: take the Firefox kept for the test process (see sharedFirefox), for the
   * process's shared fake sites.
   */
  shared?: boolean;
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

export function launch(
  name: BrowserName,
  sites: FakeSites,
  options: LaunchOptions = {},
): Promise<E2EBrowser> {
  requireInstalled(name);
  return name === 'chromium' ? launchChromium(sites, options) : launchFirefox(sites, options);
}

/** Polls for up to `ms` until `probe` gives a value. */
async function pollFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  return undefined;
}

// ---------- Chromium through playwright-core ----------

/** One Chromium tab behind the E2EPage interface (also used by suites that launch their own). */
export function wrapPw(page: PwPage): E2EPage {
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

/**
 * The command line of every Chromium the suites start: the build in `ext` loaded, the fake
 * sites' hosts sent to their server, and nothing of the browser's own on the network.
 * (Also used by the suites that start their browsers themselves.)
 */
export function chromiumArgs(ext: string, sites: FakeSites): string[] {
  const rules = FAKE_DOMAINS.flatMap((d) => [
    `MAP ${d} 127.0.0.1:${sites.port}`,
    `MAP *.${d} 127.0.0.1:${sites.port}`,
  ]).join(',');
  return [
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
  ];
}

/**
 * The preferences of every Firefox the suites start: the add-on's address fixed to `uuid`,
 * the fake sites' hosts sent to their server by a proxy script, no first-run noise.
 */
export function firefoxPrefs(sites: FakeSites, uuid: string): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(sites.pac())}`,
    'network.proxy.allow_hijacking_localhost': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
  };
}

/**
 * The preferences that let Firefox keep the add-on across restarts: installed as a file in
 * the profile (extensions/<id>, naming the unpacked build), as an installed add-on is,
 * rather than as a temporary one; ESR accepts it unsigned with these.
 */
export const FIREFOX_PROFILE_INSTALL_PREFS = {
  'xpinstall.signatures.required': false,
  'extensions.autoDisableScopes': 0,
} as const;

async function launchChromium(sites: FakeSites, options: LaunchOptions): Promise<E2EBrowser> {
  const userDataDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'nc-chromium-'));
  const ext = EXTENSION_DIR.chromium;
  let context: BrowserContext;
  let extensionBase = '';

  const start = async () => {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: BINARIES.chromium,
      headless: true,
      ignoreHTTPSErrors: true,
      args: chromiumArgs(ext, sites),
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
  if (options.privateWindows === 'allowed') await allowInIncognito(context!, extensionBase);
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
    async allowHostRequests(origins) {
      const id = new URL(extensionBase).host;
      const page = await extensionsPage(context);
      await page.evaluate(`(async () => {
        for (const origin of ${JSON.stringify(origins)}) {
          await chrome.developerPrivate.addHostPermission(${JSON.stringify(id)}, origin);
        }
      })()`);
      await page.close();
    },
    ...(options.privateWindows && {
      async newPrivatePage() {
        // The extension itself opens the window: a page of its own that runs no script of
        // its own asks chrome.windows for an incognito one. Playwright files tabs of the
        // incognito profile under the persistent context, so the new tab arrives as a page
        // event there.
        const opener = await context.newPage();
        await opener.goto(`${extensionBase}manifest.json`);
        const arrived = context.waitForEvent('page', { timeout: 10_000 });
        await opener.evaluate(`chrome.windows.create({ incognito: true, url: 'about:blank' })`);
        const page = await arrived;
        // Proof that the tab belongs to another (off-the-record) profile than normal tabs.
        const profileOf = async (p: PwPage) => {
          const cdp = await context.newCDPSession(p);
          const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as {
            targetInfo: { browserContextId?: string };
          };
          await cdp.detach();
          return targetInfo.browserContextId;
        };
        const [normal, incognito] = await Promise.all([profileOf(opener), profileOf(page)]);
        if (!incognito || incognito === normal) {
          throw new Error(`the new tab is not in a profile of its own (${normal}, ${incognito})`);
        }
        await opener.close();
        return wrapPw(page);
      },
    }),
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return self;
}

/**
 * A tab on chrome://extensions, whose developerPrivate API does what its switches do. The
 * page's own interface is not needed: waiting for it to load took 2.4 s, its API is there
 * once the page is committed (0.7 s).
 */
async function extensionsPage(context: BrowserContext): Promise<PwPage> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/', { waitUntil: 'commit' });
  const ready = await pollFor(() =>
    page
      .evaluate<boolean>(
        `typeof chrome.developerPrivate?.updateExtensionConfiguration === 'function'`,
      )
      .then(
        (ok) => ok || undefined,
        () => undefined,
      ),
  );
  if (!ready) throw new Error('chrome://extensions did not offer developerPrivate');
  return page;
}

/**
 * Turns on "Allow in Incognito" for the extension the way its details page does, through
 * chrome://extensions' own developerPrivate API, and waits until the extension is back:
 * the change reloads it.
 */
async function allowInIncognito(context: BrowserContext, extensionBase: string) {
  const id = JSON.stringify(new URL(extensionBase).host);
  const page = await extensionsPage(context);
  // Reloading an unpacked extension outside developer mode disables it ("unsupported
  // developer extension"), so developer mode goes on first, as a developer's would be.
  await page.evaluate(`(async () => {
    await chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
    await chrome.developerPrivate.updateExtensionConfiguration({ extensionId: ${id}, incognitoAccess: true });
  })()`);
  const back = await pollFor(async () => {
    const ok = await page
      .evaluate<boolean>(
        `chrome.developerPrivate.getExtensionInfo(${id}).then((i) => i.state === 'ENABLED' && i.incognitoAccess.isActive)`,
      )
      .catch(() => false);
    return ok || undefined;
  }, 10_000);
  if (!back) throw new Error('the extension did not come back with incognito access');
  // Its pages answer again once the reload is through.
  const allowed = await pollFor(async () => {
    const ok = await page
      .goto(`${extensionBase}manifest.json`)
      .then(() => page.evaluate<boolean>('chrome.extension.isAllowedIncognitoAccess()'))
      .catch(() => false);
    return ok || undefined;
  }, 10_000);
  if (!allowed) throw new Error('isAllowedIncognitoAccess() is not true after allowing it');
  await page.close();
}

// ---------- Firefox ESR through puppeteer-core ----------

/** One Firefox tab behind the E2EPage interface (also used by suites that launch their own). */
export function wrapPp(page: PpPage): E2EPage {
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

function startFirefox(sites: FakeSites, uuid: string): Promise<PpBrowser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: BINARIES.firefox,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(sites, uuid),
  });
}

/** Installs the build as a temporary add-on and closes the first run it opens. */
async function installAddon(browser: PpBrowser, base: string): Promise<boolean> {
  await browser.installExtension(EXTENSION_DIR.firefox);
  const firstRun = await pollFor(async () => {
    for (const p of await browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${base}options.html`)) return p;
    }
    return undefined;
  });
  await firstRun?.close();
  return firstRun !== undefined;
}

/**
 * Starting Firefox with a new profile takes about 4 s and closing it 0.7 s; installing the
 * add-on again takes half a second. So the files that start it the default way share one
 * Firefox per test process (the e2e config runs every file in one process, one after
 * another), kept between files with the add-on taken out. Each file then gets it as a new
 * start would give it: the tabs closed, every site's and add-on's data cleared (cookies,
 * caches, storage, service workers, site permissions, HSTS, history), the preference a
 * test may change put back, and the add-on installed afresh under a new UUID.
 */
let sharedFirefox: { browser: PpBrowser; port: number; inUse: boolean } | undefined;

/**
 * Takes the add-on out of the shared Firefox and leaves it one blank tab (closing the last
 * tab of a private window closes the window).
 */
async function releaseFirefox(browser: PpBrowser) {
  const keep = await browser.newPage();
  for (const p of await browser.pages()) if (p !== keep) await p.close().catch(() => undefined);
  await browser.uninstallExtension(GECKO_ID).catch(() => undefined);
}

/**
 * Clears what a file left in the shared Firefox and names the add-on's next UUID. A private
 * window still open, or a private-window grant the uninstall left, makes it throw (the
 * Firefox is then replaced): each file starts with the add-on not allowed there.
 */
async function resetFirefox(browser: PpBrowser, uuid: string) {
  const page = await privilegedPage(browser);
  await page.evaluate(`(async () => {
    const { PrivateBrowsingUtils } = ChromeUtils.importESModule('resource://gre/modules/PrivateBrowsingUtils.sys.mjs');
    for (const w of Services.wm.getEnumerator('navigator:browser')) {
      if (PrivateBrowsingUtils.isWindowPrivate(w)) throw new Error('a private window is still open');
    }
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    const left = await ExtensionPermissions.get(${JSON.stringify(GECKO_ID)});
    if (left.permissions.length || left.origins.length) throw new Error('the add-on left permissions: ' + [...left.permissions, left.origins.length + ' origins'].join(', '));
    await new Promise((done) => Services.clearData.deleteData(Ci.nsIClearDataService.CLEAR_ALL, done));
    Services.prefs.clearUserPref('extensions.webextOptionalPermissionPrompts');
    Services.prefs.setStringPref('extensions.webextensions.uuids', ${JSON.stringify(
      JSON.stringify({ [GECKO_ID]: uuid }),
    )});
  })()`);
  await page.close();
}

/**
 * The shared Firefox, reset for a new file, when there is one free for these sites; a
 * shared Firefox that cannot be reset is closed and forgotten (a new one is started).
 */
async function reuseSharedFirefox(sites: FakeSites, uuid: string) {
  const warm = sharedFirefox;
  if (!warm) return undefined;
  if (warm.port === sites.port && warm.browser.connected) {
    try {
      await resetFirefox(warm.browser, uuid);
      return warm;
    } catch (e) {
      // Closed below; said, so that a file leaving Firefox unusable is seen.
      console.warn(`the shared Firefox could not be reset, a new one is started: ${String(e)}`);
    }
  }
  sharedFirefox = undefined;
  await warm.browser.close().catch(() => undefined);
  return undefined;
}

async function launchFirefox(sites: FakeSites, options: LaunchOptions): Promise<E2EBrowser> {
  const uuid = randomUUID();
  // A suite that asks while the shared Firefox is taken gets one of its own.
  const shareable = options.shared === true && !options.profileDir && !sharedFirefox?.inUse;
  let entry = shareable ? await reuseSharedFirefox(sites, uuid) : undefined;
  if (shareable && !entry) {
    entry = { browser: await startFirefox(sites, uuid), port: sites.port, inUse: false };
    sharedFirefox = entry;
  }
  const browser = entry?.browser ?? (await startFirefox(sites, uuid));
  if (entry) entry.inUse = true;
  const base = `moz-extension://${uuid}/`;
  const firstRunOpened = await installAddon(browser, base);
  if (options.privateWindows === 'allowed') await allowInPrivateWindows(browser, base);
  return wrapFirefox(browser, base, firstRunOpened, options, async () => {
    if (!entry) return browser.close();
    try {
      await releaseFirefox(browser);
      entry.inUse = false;
    } catch {
      if (sharedFirefox === entry) sharedFirefox = undefined;
      await browser.close().catch(() => undefined);
    }
  });
}

async function wrapFirefox(
  browser: PpBrowser,
  base: string,
  firstRunOpened: boolean,
  options: LaunchOptions,
  close: () => Promise<void>,
): Promise<E2EBrowser> {
  const version = (await browser.version()).replace(/^firefox\//i, 'Firefox ESR ');
  return {
    name: 'firefox',
    version,
    extensionBase: base,
    firstRunOpened,
    newPage: async () => wrapPp(await browser.newPage()),
    ...(options.privateWindows && { newPrivatePage: () => openPrivateWindow(browser) }),
    async clickMenuItem(menuItemId, linkUrl, pageUrl) {
      const page = await privilegedPage(browser);
      const sent = await page.evaluate(`(() => {
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)})?.extension;
        const pageUrl = ${JSON.stringify(pageUrl)};
        let tab = null;
        for (const w of Services.wm.getEnumerator('navigator:browser')) {
          tab ??= w.gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === pageUrl) ?? null;
        }
        if (!extension || !tab) return false;
        const info = { menuItemId: ${JSON.stringify(menuItemId)}, linkUrl: ${JSON.stringify(
          linkUrl,
        )}, pageUrl, editable: false, frameId: 0, modifiers: [], button: 0 };
        extension.emit('webext-menu-menuitem-click', info, tab);
        return true;
      })()`);
      await page.close();
      if (sent !== true) throw new Error(`no add-on or no tab at ${pageUrl} to click the item in`);
    },
    async allowHostRequests() {
      // Read by Firefox at each request: setting it now acts for this browser only (the
      // shared Firefox puts it back before the next file).
      const page = await privilegedPage(browser);
      await page.evaluate(
        `Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false)`,
      );
      await page.close();
    },
    close,
  };
}

/**
 * A tab on about:addons, a page with chrome privileges (WebDriver BiDi may script it with
 * --remote-allow-system-access). Like moz-extension pages, its navigation never settles.
 */
async function privilegedPage(browser: PpBrowser): Promise<PpPage> {
  const page = await browser.newPage();
  page.goto('about:addons').catch(() => undefined);
  const ready = await pollFor(async () => {
    const ok = await page
      .evaluate(`location.href === 'about:addons' && typeof ChromeUtils === 'object'`)
      .catch(() => false);
    return ok === true || undefined;
  }, 10_000);
  if (!ready) throw new Error('about:addons did not open with chrome privileges');
  return page;
}

/**
 * What "Run in Private Windows: Allow" on about:addons does: grant the add-on the
 * internal:privateBrowsingAllowed permission, then reload it. The moz-extension UUID is
 * pinned by pref, so the extension's base URL stays the same.
 */
async function allowInPrivateWindows(browser: PpBrowser, base: string) {
  const page = await privilegedPage(browser);
  await page.evaluate(`(async () => {
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
    const id = ${JSON.stringify(GECKO_ID)};
    const extension = WebExtensionPolicy.getByID(id)?.extension;
    await ExtensionPermissions.add(id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] }, extension);
    await (await AddonManager.getAddonByID(id)).reload();
  })()`);
  await page.close();
  // Once reloaded, its pages answer again and report the access.
  const probe = await browser.newPage();
  const allowed = await pollFor(async () => {
    probe.goto(`${base}manifest.json`).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    const ok = await probe
      .evaluate('browser.extension.isAllowedIncognitoAccess()')
      .catch(() => false);
    return ok === true || undefined;
  }, 10_000);
  await probe.close();
  if (!allowed) throw new Error('isAllowedIncognitoAccess() is not true after allowing it');
}

/**
 * Opens a private window from chrome code (as File > New Private Window does) and returns
 * its tab, after checking through the window list that the tab's window is private.
 */
async function openPrivateWindow(browser: PpBrowser): Promise<E2EPage> {
  const chrome = await privilegedPage(browser);
  const before = new Set(browser.targets());
  const arrived = browser.waitForTarget((t) => t.type() === TargetType.PAGE && !before.has(t), {
    timeout: 10_000,
  });
  await chrome.evaluate(
    `!!window.browsingContext.topChromeWindow.OpenBrowserWindow({ private: true })`,
  );
  const page = (await (await arrived).page())!;
  const href = await pollFor(async () => {
    const h = await page.evaluate(() => location.href).catch(() => '');
    return h === 'about:privatebrowsing' ? h : undefined;
  }, 10_000);
  // Private windows open on about:privatebrowsing; normal windows here hold none.
  const windows = (await chrome.evaluate(`(() => {
    const { PrivateBrowsingUtils } = ChromeUtils.importESModule('resource://gre/modules/PrivateBrowsingUtils.sys.mjs');
    const out = [];
    for (const w of Services.wm.getEnumerator('navigator:browser')) {
      out.push({ private: PrivateBrowsingUtils.isWindowPrivate(w), tabs: w.gBrowser.tabs.map((t) => t.linkedBrowser.currentURI.spec) });
    }
    return JSON.stringify(out);
  })()`)) as string;
  const list = JSON.parse(windows) as { private: boolean; tabs: string[] }[];
  const holders = list.filter((w) => w.tabs.includes('about:privatebrowsing'));
  if (!href || holders.length !== 1 || !holders[0]!.private) {
    throw new Error(`the new tab is not in a private window: ${windows}`);
  }
  await chrome.close();
  return wrapPp(page);
}
