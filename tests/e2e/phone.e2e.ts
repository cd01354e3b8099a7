/**
 * A phone pass: the first run, the blocked page and the popup at 360 x 640 under a coarse
 * pointer with no hover, as Firefox for Android shows them (the popup opens full screen
 * there). Each screen: no sideways scrolling, every control at least 48 px high (a
 * checkbox or a radio button: its label's row), axe finds nothing; a picture of each goes
 * to docs/screenshots/phone-*.png. What only a device can tell is in docs/android.md.
 *
 * Firefox ESR is launched here rather than through the harness's launch(): the pass needs
 * its pointer preferences and the driver's own page for the viewport and the pictures.
 * Chromium gets the same pass, its pointer set the same way by Blink's settings.
 */
import { mkdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Page as PpPage } from 'puppeteer-core';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import {
  EXTENSION_DIR,
  chromiumArgs,
  firefoxPrefs,
  wrapPp,
  wrapPw,
  type BrowserName,
  type E2EBrowser,
  type E2EPage,
} from './harness/browsers';
import { startFakeSites, type FakeSites } from './harness/fake-sites';
import {
  axeViolations,
  clickNamed,
  openExtensionPage,
  setField,
  sleep,
  todayLocal,
  typeInto,
  waitFor,
  waitForHref,
  waitForText,
  waitForListed,
} from './harness/helpers';

const HANDLE = 'jamie.doe';
const PROFILE = `https://www.instagram.com/${HANDLE}/`;
const SHOWN = 'Instagram · @jamie.doe';
const WIDTH = 360;
const HEIGHT = 640;
/** The smallest touch target (WCAG 2.5.5 asks 44 px; Android's own guidance 48 dp). */
const MIN_TARGET = 48;
const SHOTS = resolve('docs/screenshots');

/**
 * Firefox's pointer as a phone's: `ui.primaryPointerCapabilities` and
 * `ui.allPointerCapabilities` are bit sets (1 coarse, 2 fine, 4 hover), so 1 is a finger
 * with no hover: `(pointer: coarse)` and `(hover: none)` match.
 */
const PHONE_PREFS = {
  'ui.primaryPointerCapabilities': 1,
  'ui.allPointerCapabilities': 1,
};

interface Phone {
  b: E2EBrowser;
  /** The driver's page behind an E2EPage opened by `b`, for pictures. */
  shoot(page: E2EPage, name: string): Promise<void>;
  /** Whether the tab behind `page` was closed (by the page itself, say). */
  closed(page: E2EPage): boolean;
  /** The addresses of the open tabs. */
  hrefs(): Promise<string[]>;
}

interface Measure {
  /** :hover rules and tooltips: what a finger never sees. */
  hoverOnly: string[];
  innerWidth: number;
  scrollWidth: number;
  coarse: boolean;
  noHover: boolean;
  /** Visible controls, each with the height a finger has (a checkbox: its label's). */
  controls: number;
  smallest: { height: number; what: string } | null;
  small: string[];
}

/**
 * Opens every <details> (what is inside counts too), then measures the page. Controls are
 * what a finger aims at: buttons, links, fields, summaries and [role=button]; a checkbox
 * or a radio button is aimed at through its label, so the label's row is measured.
 */
function measure(page: E2EPage): Promise<Measure> {
  return page.evaluate<Measure>(`(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const sel = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button]';
    let smallest = null;
    const small = [];
    let controls = 0;
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || el.getAttribute('aria-label') || el.value || '').replace(/\\s+/g, ' ').trim().slice(0, 40) + '"';
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!r.width || !r.height || style.visibility === 'hidden') continue;
      if (el.closest('.visually-hidden')) continue;
      let target = el;
      if (el.type === 'checkbox' || el.type === 'radio') {
        target = el.closest('label') || (el.id && document.querySelector('label[for="' + el.id + '"]')) || el;
      }
      const h = Math.round(target.getBoundingClientRect().height * 10) / 10;
      controls++;
      if (!smallest || h < smallest.height) smallest = { height: h, what: name(el) };
      if (h < ${MIN_TARGET}) small.push(name(el) + ': ' + h + ' px');
    }
    // Nothing only a hover reveals: no :hover rule in the page's styles, no tooltip.
    const hoverOnly = [];
    const walk = (rules) => {
      for (const r of rules) {
        if (r.selectorText && r.selectorText.includes(':hover')) hoverOnly.push(r.selectorText);
        if (r.cssRules) walk(r.cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    for (const el of document.querySelectorAll('#app [title]')) hoverOnly.push('[title] ' + name(el));
    return {
      hoverOnly,
      innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      coarse: matchMedia('(pointer: coarse)').matches,
      noHover: matchMedia('(hover: none)').matches,
      controls,
      smallest,
      small,
    };
  })()`);
}

async function startFirefox(sites: FakeSites): Promise<Phone> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...firefoxPrefs(sites, uuid), ...PHONE_PREFS },
  });
  await browser.installExtension(EXTENSION_DIR.firefox);
  const base = `moz-extension://${uuid}/`;
  // Installing opens the first run in a tab of its own: closed, so the test opens its own.
  const end = Date.now() + 5000;
  let firstRunOpened = false;
  while (Date.now() < end && !firstRunOpened) {
    for (const p of await browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${base}options.html`)) {
        firstRunOpened = true;
        await p.close();
      }
    }
    if (!firstRunOpened) await sleep(100);
  }
  const raw = new Map<E2EPage, PpPage>();
  const b: E2EBrowser = {
    name: 'firefox',
    version: (await browser.version()).replace(/^firefox\//i, 'Firefox ESR '),
    extensionBase: base,
    firstRunOpened,
    async newPage() {
      const p = await browser.newPage();
      await p.setViewport({ width: WIDTH, height: HEIGHT });
      const page = wrapPp(p);
      raw.set(page, p);
      return page;
    },
    allowHostRequests: () => Promise.resolve(),
    close: () => browser.close(),
  };
  return {
    b,
    async shoot(page, name) {
      await raw.get(page)!.screenshot({ path: join(SHOTS, `${name}.png`) });
    },
    closed: (page) => raw.get(page)!.isClosed(),
    async hrefs() {
      const pages = await browser.pages();
      return Promise.all(pages.map((p) => p.evaluate(() => location.href).catch(() => '')));
    },
  };
}

async function startChromium(sites: FakeSites): Promise<Phone> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'nc-chromium-phone-'));
  const ext = EXTENSION_DIR.chromium;
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors: true,
    // A finger with no hover: Blink's pointer settings (bit sets: pointer 2 coarse,
    // hover 1 none). Touch emulation alone leaves (pointer: fine) in headless Chromium.
    args: [
      ...chromiumArgs(ext, sites),
      '--blink-settings=primaryPointerType=2,availablePointerTypes=2,primaryHoverType=1,availableHoverTypes=1',
    ],
    viewport: { width: WIDTH, height: HEIGHT },
    hasTouch: true,
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const base = `chrome-extension://${new URL(worker.url()).host}/`;
  const end = Date.now() + 5000;
  let firstRunOpened = false;
  while (Date.now() < end && !firstRunOpened) {
    const first = context.pages().find((p) => p.url().startsWith(`${base}options.html`));
    if (first) {
      firstRunOpened = true;
      await first.close();
    } else await sleep(100);
  }
  const raw = new Map<E2EPage, PwPage>();
  const b: E2EBrowser = {
    name: 'chromium',
    version: `Chromium ${context.browser()?.version() ?? 'unknown'}`,
    extensionBase: base,
    firstRunOpened,
    async newPage() {
      const p = await context.newPage();
      const page = wrapPw(p);
      raw.set(page, p);
      return page;
    },
    allowHostRequests: () => Promise.resolve(),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return {
    b,
    async shoot(page, name) {
      await raw.get(page)!.screenshot({ path: join(SHOTS, `${name}.png`) });
    },
    closed: (page) => raw.get(page)!.isClosed(),
    hrefs: () => Promise.resolve(context.pages().map((p) => p.url())),
  };
}

for (const name of ['firefox', 'chromium'] as BrowserName[]) {
  describe(`${name}: a phone (${WIDTH} x ${HEIGHT}, coarse pointer, no hover)`, () => {
    let phone: Phone | undefined;
    let sites: FakeSites | undefined;
    const log = (msg: string) => console.log(`[${name} phone] ${msg}`);
    const figures: Record<string, string> = {};

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      sites = await startFakeSites();
      phone = await (name === 'firefox' ? startFirefox(sites) : startChromium(sites));
      log(`browser: ${phone.b.version}`);
    });
    afterAll(async () => {
      log(`figures: ${JSON.stringify(figures, null, 1)}`);
      await phone?.b.close();
      await sites?.close();
    });

    /** The page fits a phone: no overflow, big enough targets, no axe finding. */
    async function fits(page: E2EPage, what: string, shot?: string) {
      await sleep(150);
      const m = await measure(page);
      const overflow = m.scrollWidth - m.innerWidth;
      figures[what] =
        `overflow ${overflow} px, ${m.controls} controls, smallest ${m.smallest?.height ?? '-'} px (${m.smallest?.what ?? ''})`;
      log(`${what}: ${figures[what]}${m.small.length ? `; too small: ${m.small.join('; ')}` : ''}`);
      expect(m.coarse && m.noHover, 'the pointer is a finger with no hover').toBe(true);
      expect(m.innerWidth, 'the page is laid out at the phone width').toBe(WIDTH);
      // Soft: one screen's finding does not hide the next screen's.
      expect.soft(overflow, `${what}: sideways scrolling`).toBeLessThanOrEqual(0);
      expect.soft(m.small, `${what}: targets under ${MIN_TARGET} px`).toEqual([]);
      expect.soft(m.hoverOnly, `${what}: shown only on hover`).toEqual([]);
      const found = await axeViolations(page);
      log(`axe, ${what}: ${found.length} violations ${JSON.stringify(found)}`);
      expect.soft(found, `${what}: axe`).toEqual([]);
      // Only the Firefox pass is pictured (the browser the phone runs).
      if (shot && name === 'firefox') {
        // The top of the screen, as it opens.
        await page.evaluate('scrollTo(0, 0)');
        await sleep(100);
        await phone!.shoot(page, shot);
      }
    }

    it('the first run, every step', async () => {
      const { b } = phone!;
      const page = await openExtensionPage(b, 'options.html');
      await waitForText(page, 'Step 1 of 5');
      await fits(page, 'first run, step 1', 'phone-first-run');
      await clickNamed(page, 'To move on');
      await clickNamed(page, 'Next');
      await waitForText(page, 'Step 2 of 5');
      await fits(page, 'first run, step 2');
      await setField(page, 'Start date', todayLocal(-11));
      await setField(page, 'Goal (days)', '30');
      await clickNamed(page, 'Save and continue');
      await waitForText(page, 'Step 3 of 5');
      await typeInto(page, 'Profile address', PROFILE);
      await waitForText(page, SHOWN);
      await clickNamed(page, 'Add profile');
      await waitForListed(page, SHOWN);
      await fits(page, 'first run, step 3 (a profile listed)', 'phone-first-run-profiles');
      await clickNamed(page, 'Next');
      await waitForText(page, 'Step 4 of 5');
      await fits(page, 'first run, step 4');
      await clickNamed(page, 'Next');
      await waitForText(page, 'Step 5 of 5');
      await fits(page, 'first run, step 5 (private windows)', 'phone-first-run-private');
      await clickNamed(page, 'Finish');
      await waitForHref(page, (h) => h.endsWith('#plan'), 'the Plan section after finishing');
      await waitFor(
        () => page.evaluate<boolean>(`!document.querySelector('main[aria-busy]')`),
        'the Plan section',
      );
      await fits(page, 'options, the Plan section', 'phone-options-plan');
      await page.close();
    });

    it('the blocked page, and a long address on it', async () => {
      const { b } = phone!;
      const page = await b.newPage();
      page.goto(PROFILE);
      await waitForHref(
        page,
        (h) => h.startsWith(`${b.extensionBase}interstitial.html`),
        'the interstitial',
      );
      await waitForText(page, 'Day 12 of 30');
      await fits(page, 'the interstitial', 'phone-interstitial');
      await page.close();

      // An address off the list is shown as text: a long one wraps instead of widening
      // the page.
      const long = await b.newPage();
      long.goto(`${b.extensionBase}interstitial.html#https://www.instagram.com/${'a'.repeat(58)}/`);
      await waitForText(long, 'This address is not on your list');
      await fits(long, 'the interstitial, a long address off the list');
      await long.close();
    });

    it('the popup, full screen', async () => {
      const { b } = phone!;
      const page = await openExtensionPage(b, 'popup.html');
      await waitForText(page, 'Longest streak');
      // Android shows the popup as a page: it declares a viewport and fills the width.
      expect(
        await page.evaluate<string | null>(
          `document.querySelector('meta[name=viewport]')?.getAttribute('content') ?? null`,
        ),
      ).toContain('width=device-width');
      // The whole width (less a scroll bar, where the page is taller than the screen).
      const [width, room] = await page.evaluate<[number, number]>(
        `[document.body.getBoundingClientRect().width, document.documentElement.clientWidth]`,
      );
      log(`popup body width: ${width} px of ${room} px`);
      expect(width).toBe(room);
      expect(room).toBeGreaterThan(WIDTH - 20);
      await fits(page, 'the popup', 'phone-popup');
      await clickNamed(page, 'I slipped...');
      await waitForText(page, 'What happened?');
      await fits(page, 'the popup, "I slipped"');
      await page.close();
    });

    it('the popup closes itself once it has opened the settings', async () => {
      const { b } = phone!;
      const page = await openExtensionPage(b, 'popup.html');
      await waitForText(page, 'Longest streak');
      await clickNamed(page, 'Settings');
      await waitFor(
        async () =>
          (await phone!.hrefs()).some((h) => h.startsWith(`${b.extensionBase}options.html`)),
        'the settings to open',
      );
      const popupOpen = async () =>
        (await phone!.hrefs()).some((h) => h.startsWith(`${b.extensionBase}popup.html`));
      await waitFor(async () => phone!.closed(page) || !(await popupOpen()), 'the popup to close');
    });
  });
}
