import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser } from 'puppeteer-core';
import {
  chromiumArgs,
  EXTENSION_DIR,
  firefoxPrefs,
  FIREFOX_PROFILE_INSTALL_PREFS,
  GECKO_ID,
  wrapPp,
  wrapPw,
  type E2EBrowser,
} from './harness/browsers';
import { startFakeSites, type FakeSites } from './harness/fake-sites';
import { sleep, todayLocal, waitFor, setPlanAndList } from './harness/helpers';

/*
 * The first visits after a browser restart. The harness's browsers cannot show them: its
 * Chromium restart waits for the service worker before handing the browser back, and its
 * Firefox add-on is temporary (gone when Firefox closes). So this file starts the browsers
 * itself: a visit starts in the first moment the driver can start one, and a tab left on
 * a listed profile is restored by the browser at launch.
 */

const PROFILE = 'https://www.instagram.com/jamie.doe/';
/**
 * How long a tab may take to show the interstitial once watching starts. Generous on
 * purpose: the figures are printed; the bound only catches "never".
 */
const BOUND_MS = 20_000;

/** One tab's address and text, sampled while it loads. */
interface Sample {
  at: number;
  href: string;
  text: string;
}

/**
 * Samples `read` every 25 ms until `done` says so or BOUND_MS has passed; times are
 * counted from `t0` (the start of the launch).
 */
async function watch(
  read: () => Promise<Omit<Sample, 'at'>>,
  done: (s: Omit<Sample, 'at'>) => boolean,
  t0: number,
): Promise<Sample[]> {
  const trail: Sample[] = [];
  const deadline = Date.now() + BOUND_MS;
  while (Date.now() < deadline) {
    // A page in the middle of a navigation refuses evaluation: noted as such.
    const s = await read().catch(() => ({ href: '(navigating)', text: '' }));
    const last = trail[trail.length - 1];
    const end = done(s);
    if (end || !last || last.href !== s.href || last.text.slice(0, 60) !== s.text.slice(0, 60)) {
      trail.push({ at: Date.now() - t0, ...s });
    }
    if (end) break;
    await sleep(25);
  }
  return trail;
}

/** When the trail reached its goal, for the log. */
const reached = (trail: Sample[], done: (s: Sample) => boolean) => {
  const last = trail[trail.length - 1];
  return last && done(last) ? `${last.at} ms` : `never (watched ${BOUND_MS} ms)`;
};

const shown = (trail: Sample[]) =>
  trail.map((s) => `${s.at} ms ${s.href.slice(0, 50)} "${s.text.slice(0, 40)}"`).join(' | ');

/** The error page a redirect to a stale address ends on ("… is blocked"). */
const isErrorPage = (s: Sample) =>
  s.href.startsWith('chrome-error:') ||
  s.href.startsWith('about:neterror') ||
  /ERR_BLOCKED_BY_CLIENT|is blocked/.test(s.text);

const readScript = `({ href: location.href, text: document.body ? document.body.innerText.replace(/\\s+/g, ' ') : '' })`;

// ---------- Chromium: a persistent profile, started and restarted here ----------

describe('chromium: the first visits after a browser restart', () => {
  let sites: FakeSites;
  let ctx: BrowserContext;
  let dir: string;
  let base = '';
  const log = (msg: string) => console.log(`[chromium] ${msg}`);

  const start = (restore: boolean) =>
    chromium.launchPersistentContext(dir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      ignoreHTTPSErrors: true,
      args: [
        ...chromiumArgs(EXTENSION_DIR.chromium, sites),
        // Tabs open at the last close come back at launch, as with "Continue where you left off".
        ...(restore ? ['--restore-last-session'] : []),
      ],
    });

  /** The extension's dynamic redirect rules' targets, read in its service worker. */
  const redirectTargets = async () => {
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    return sw.evaluate<string[]>(
      `chrome.declarativeNetRequest.getDynamicRules().then((rs) => rs.flatMap((r) => r.action.type === 'redirect' ? [r.action.redirect.regexSubstitution] : []))`,
    );
  };

  beforeAll(async () => {
    sites = await startFakeSites();
    dir = mkdtempSync(join(tmpdir(), 'nc-restart-'));
    ctx = await start(false);
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    base = `chrome-extension://${new URL(sw.url()).host}/`;
    log(`browser: Chromium ${ctx.browser()?.version() ?? '?'}`);
    // The first run opens in a tab of its own; let it, then close it.
    await waitFor(
      () => Promise.resolve(ctx.pages().find((p) => p.url().startsWith(`${base}options.html`))),
      'the first run to open',
    ).then((p) => p.close());
    const b = {
      extensionBase: base,
      newPage: async () => wrapPw(await ctx.newPage()),
    } as unknown as E2EBrowser;
    await setPlanAndList(b, todayLocal(), [[PROFILE, 'Instagram · @jamie.doe']]);
  });

  afterAll(async () => {
    await ctx?.close();
    await sites?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the rules name the interstitial's fixed address, not this session's", async () => {
    const targets = await redirectTargets();
    log(`redirect targets: ${JSON.stringify(targets)}`);
    // The profile's redirect and its platform's catch for encoded spellings: one address.
    expect(targets.length).toBeGreaterThan(0);
    expect([...new Set(targets)]).toEqual([`${base}interstitial.html#\\0`]);
  });

  it('a typed visit at launch and a restored tab both end on the interstitial with the day count, sending nothing', async () => {
    const before = await redirectTargets();
    // A tab left on the profile itself, after "Continue anyway": the browser restores it at
    // launch, and it loads before the background has run.
    const left = await ctx.newPage();
    await left.goto(PROFILE, { waitUntil: 'commit' }).catch(() => undefined);
    await waitFor(
      () => Promise.resolve(left.url().startsWith(`${base}interstitial.html`)),
      'the interstitial',
    );
    const res = await left.evaluate<{ ok: boolean }>(
      `chrome.runtime.sendMessage({ type: 'continue', url: ${JSON.stringify(PROFILE)}, dedupeKey: 'e2e-restart' })`,
    );
    expect(res.ok).toBe(true);
    await left.goto(PROFILE);
    await waitFor(
      () => left.evaluate(() => document.body.innerText.includes('Profile jamie.doe')),
      'the allowed profile to load',
    );
    // Chromium writes the session a few seconds after a change.
    await sleep(3500);
    await ctx.close();

    sites.clear();
    const t0 = Date.now();
    ctx = await start(true);
    const launched = Date.now() - t0;
    // A visit typed at once: the first moment the driver can start one.
    const typed = await ctx.newPage();
    const visitAt = Date.now() - t0;
    typed.goto(PROFILE, { waitUntil: 'commit' }).catch(() => undefined);
    // Every launch from the command line counts as an install and opens the first run,
    // which takes over a blank tab in front: give it one, so it cannot take the visit's tab.
    const blank = await ctx.newPage();

    const isDone = (s: Omit<Sample, 'at'>) =>
      s.href.startsWith(`${base}interstitial.html`) && /Day \d+/.test(s.text);
    const isRestored = (p: PwPage) =>
      p !== typed &&
      p !== blank &&
      (p.url().includes('instagram.com/jamie.doe') ||
        p.url().startsWith(`${base}interstitial.html`) ||
        p.url().startsWith('chrome-error:'));
    const restored = await waitFor(
      () => Promise.resolve(ctx.pages().find(isRestored)),
      'the restored tab',
    );
    const [typedTrail, restoredTrail] = await Promise.all([
      watch(() => typed.evaluate<Omit<Sample, 'at'>>(readScript), isDone, t0),
      watch(() => restored.evaluate<Omit<Sample, 'at'>>(readScript), isDone, t0),
    ]);
    log(`launch took ${launched} ms; the typed visit started ${visitAt} ms after launch began`);
    log(
      `typed visit: interstitial with the day count at ${reached(typedTrail, isDone)} after launch began; trail: ${shown(typedTrail)}`,
    );
    log(
      `restored tab: interstitial with the day count at ${reached(restoredTrail, isDone)} after launch began; trail: ${shown(restoredTrail)}`,
    );
    const leaked = sites.requestsFor('instagram.com', '/jamie.doe');
    log(`requests for instagram.com/jamie.doe since the restart: ${leaked.length}`);

    for (const trail of [typedTrail, restoredTrail]) {
      expect(trail.filter(isErrorPage)).toEqual([]);
      const last = trail[trail.length - 1]!;
      expect(isDone(last)).toBe(true);
      expect(last.text).toContain('A profile on your list · Instagram');
    }
    expect(leaked).toEqual([]);
    // The rules were right as the browser kept them: nothing needed rewriting at start.
    expect(await redirectTargets()).toEqual(before);
  });

  it("a site still cannot load the interstitial's fixed address", async () => {
    const page = await ctx.newPage();
    await page.goto('https://example.org/');
    const probe = await page.evaluate(
      (u) =>
        fetch(u).then(
          (r) => `loaded ${r.status}`,
          () => 'refused',
        ),
      `${base}interstitial.html`,
    );
    log(`a site probing ${base}interstitial.html: ${probe}`);
    expect(probe).toBe('refused');
    await page.close();
  });
});

// ---------- Firefox ESR: the add-on installed in the profile, so it stays across restarts ----------

describe('firefox: the first visit after a browser restart', () => {
  let sites: FakeSites;
  let browser: PpBrowser;
  let dir: string;
  const uuid = randomUUID();
  const base = `moz-extension://${uuid}/`;
  const log = (msg: string) => console.log(`[firefox] ${msg}`);

  const start = () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      acceptInsecureCerts: true,
      userDataDir: dir,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { ...firefoxPrefs(sites, uuid), ...FIREFOX_PROFILE_INSTALL_PREFS },
    });

  beforeAll(async () => {
    sites = await startFakeSites();
    dir = mkdtempSync(join(tmpdir(), 'nc-restart-fx-'));
    mkdirSync(join(dir, 'extensions'));
    // A proxy file: named for the add-on's id, holding the path of the unpacked build.
    writeFileSync(join(dir, 'extensions', GECKO_ID), EXTENSION_DIR.firefox);
    browser = await start();
    log(`browser: ${(await browser.version()).replace(/^firefox\//i, 'Firefox ESR ')}`);
    const b = {
      extensionBase: base,
      newPage: async () => wrapPp(await browser.newPage()),
    } as unknown as E2EBrowser;
    await setPlanAndList(b, todayLocal(), [[PROFILE, 'Instagram · @jamie.doe']]);
  });

  afterAll(async () => {
    await browser?.close();
    await sites?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a typed visit at launch ends on the interstitial with the day count, sending nothing', async () => {
    await browser.close();
    sites.clear();
    const t0 = Date.now();
    browser = await start();
    const launched = Date.now() - t0;
    const page = await browser.newPage();
    const visitAt = Date.now() - t0;
    page.goto(PROFILE).catch(() => undefined);
    const isDone = (s: Omit<Sample, 'at'>) =>
      s.href.startsWith(`${base}interstitial.html`) && /Day \d+/.test(s.text);
    const trail = await watch(
      () => page.evaluate(readScript) as Promise<Omit<Sample, 'at'>>,
      isDone,
      t0,
    );
    log(`launch took ${launched} ms; the typed visit started ${visitAt} ms after launch began`);
    log(
      `typed visit: interstitial with the day count at ${reached(trail, isDone)} after launch began; trail: ${shown(trail)}`,
    );
    const leaked = sites.requestsFor('instagram.com', '/jamie.doe');
    log(`requests for instagram.com/jamie.doe since the restart: ${leaked.length}`);
    expect(trail.filter(isErrorPage)).toEqual([]);
    expect(isDone(trail[trail.length - 1]!)).toBe(true);
    expect(trail[trail.length - 1]!.text).toContain('A profile on your list · Instagram');
    expect(leaked).toEqual([]);
  });
});
