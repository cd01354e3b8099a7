import 'fake-indexeddb/auto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { popupWaitingDom } from '../components/first-paint';
import { backupToJson, exportBackup } from '../lib/backup';
import { insertEvents } from '../lib/db/event-store';
import { createDb } from '../lib/db/schema';
import { earlyDayFrom, type EarlyDay } from '../lib/popup-address';
import { defaultSettings, SETTINGS_KEY } from '../lib/settings';
import { EXTENSION_DIR, launch } from '../tests/e2e/harness/browsers';
import { startFakeSites } from '../tests/e2e/harness/fake-sites';
import { openExtensionPage, waitFor } from '../tests/e2e/harness/helpers';
import { firstFrameHtml } from './first-frame';
import { quantile } from './interception';
import { EVENTS, seedLog, YEARS } from './stats';

const RUNS = 40;
const DAY = 86_400_000;
const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A backup file holding the stats bench's five years of heavy use (20,000 events), ending
 * now, made by the extension's own export code so the import takes it as it is.
 */
export async function seededBackup(now: number): Promise<string> {
  const log = seedLog(now - YEARS * 365 * DAY);
  const db = createDb(`no-contact-bench-popup-${now}`);
  try {
    await insertEvents(db, log);
    const stored: Record<string, unknown> = {
      [SETTINGS_KEY]: {
        ...defaultSettings(),
        plan: { startDate: log[0]!.localDate, goalDays: 30, looksRestart: true },
      },
    };
    const area = {
      get: (k: string) => Promise.resolve(k in stored ? { [k]: stored[k] } : {}),
      set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(stored, items)),
    };
    return backupToJson(await exportBackup(db, area, now));
  } finally {
    await db.delete();
  }
}

/**
 * Set in the page before its own script runs: when the first "Day N" heading was painted,
 * and when the page's HTML was parsed (its scripts start then), both from navigation start.
 * A heading already there at the first contentful paint was painted then (nothing else
 * paints first in the popup); one added later is painted in the frame after it is added.
 */
const WATCH = `(() => {
  let fcp = null;
  let added = null;
  const done = (ms) => {
    const nav = performance.getEntriesByType('navigation')[0];
    window.__dayPainted = { ms, parsedMs: nav && nav.domInteractive ? nav.domInteractive : ms };
  };
  const settle = () => {
    if (added === null || window.__dayPainted) return;
    if (fcp !== null && added <= fcp) done(fcp);
    else if (fcp !== null) requestAnimationFrame(() => done(performance.now()));
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') fcp = e.startTime;
    settle();
  }).observe({ type: 'paint', buffered: true });
  const seen = () => {
    const h = document.querySelector('h1');
    return h && /^Day \\d+$/.test(h.textContent.trim());
  };
  new MutationObserver((_, obs) => {
    if (!seen()) return;
    obs.disconnect();
    added = performance.now();
    settle();
  }).observe(document, { subtree: true, childList: true, characterData: true });
})()`;

/**
 * The floor: the popup's own page and styles with its first frame written in the HTML and
 * no script. The first frame is what the first-paint script writes for the day the
 * address carries (the ring, "Day N", "of M", in English), made here by the same code
 * (components/first-paint.ts), so the floor paints what the popup paints.
 */
const STATIC_PAGE = 'bench-static-popup.html';

function writeStaticPage(early: EarlyDay): void {
  const html = readFileSync(join(EXTENSION_DIR.chromium, 'popup.html'), 'utf8');
  const scriptless = html
    .replace(/<script\b[^>]*>\s*<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace(
      '<div id="app"></div>',
      `<div id="app">${firstFrameHtml((doc, say) => popupWaitingDom(doc, early, say))}</div>`,
    );
  if (scriptless.includes('<script') || !scriptless.includes('day-number'))
    throw new Error('popup.html is not shaped as the bench expects');
  writeFileSync(join(EXTENSION_DIR.chromium, STATIC_PAGE), scriptless);
}

interface Timing {
  ms: number;
  parsedMs: number;
}

/**
 * The popup's time from opening (its navigation start, at the address a click on the
 * toolbar button opens) to the day count painted, with 20,000 events stored, in Chromium:
 * with the background awake and with its service worker stopped first, as after a while
 * without use. Beside it, the same page with its first frame in its HTML and no script at
 * all: what the browser alone takes to show that page on this machine.
 */
export async function benchPopup(): Promise<Record<string, number>> {
  const sites = await startFakeSites();
  // Made before the browser starts: a busy machine while Chromium starts seems to make the
  // missing-messages case below likelier.
  const text = await seededBackup(Date.now());
  // Headless Chromium here leaves the extension without its messages in some launches
  // (getMessage answers "" for the whole session; see loadFallbackMessages), and pages then
  // read the English file first. A browser people use gives its messages, so the figures
  // are taken in a launch that does; the launches without are counted.
  let b = await launch('chromium', sites);
  let launchesWithoutMessages = 0;
  const hasMessages = async () => {
    const page = await openExtensionPage(b, 'options.html');
    const name = await page.evaluate<string>("chrome.i18n.getMessage('extName')");
    await page.close();
    return name !== '';
  };
  while (!(await hasMessages()) && launchesWithoutMessages < 5) {
    launchesWithoutMessages++;
    await b.close();
    b = await launch('chromium', sites);
  }
  try {
    const options = await openExtensionPage(b, 'options.html');
    const applied = await options.evaluate<{ ok: boolean; error?: string }>(
      `chrome.runtime.sendMessage(${JSON.stringify({ type: 'apply-import', text })})`,
    );
    if (!applied.ok) throw new Error(`the seeded backup was refused: ${applied.error}`);
    const stored = await options.evaluate<number>(`new Promise((res) => {
      const r = indexedDB.open('no-contact');
      r.onsuccess = () => {
        const c = r.result.transaction('events').objectStore('events').count();
        c.onsuccess = () => { res(c.result); r.result.close(); };
      };
    })`);
    if (stored !== EVENTS) throw new Error(`expected ${EVENTS} events stored, found ${stored}`);
    // What a click on the toolbar button opens: the address the background gave the popup.
    const address = await waitFor(
      () =>
        options
          .evaluate<string>('chrome.action.getPopup({})')
          .then((a) => (a.includes('?') ? a : null)),
      "the popup's address to carry the day",
    );
    await options.close();
    const early = earlyDayFrom(new URL(address).search, Date.now());
    if (!early) throw new Error(`the popup's address carries no day: ${address}`);
    writeStaticPage(early);

    const open = async (url: string) => {
      const page = await b.newPage();
      const raw = page.raw as Page;
      await raw.addInitScript(WATCH);
      page.goto(url);
      const t = await waitFor(
        () => page.evaluate<Timing | null>('window.__dayPainted ?? null'),
        'the popup to paint the day count',
      );
      await page.close();
      return t;
    };
    const warm: Timing[] = [];
    const floor: Timing[] = [];
    const cold: Timing[] = [];
    // The first loads compile the code; then the popup and the floor take turns.
    await open(address);
    await open(`${b.extensionBase}${STATIC_PAGE}`);
    for (let i = 0; i < RUNS; i++) {
      warm.push(await open(address));
      floor.push(await open(`${b.extensionBase}${STATIC_PAGE}`));
    }
    // With the worker stopped, the extension's page process is often gone too: the floor
    // is measured the same way, in turns.
    const coldFloor: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      await b.stopServiceWorker!();
      cold.push(await open(address));
      await b.stopServiceWorker!();
      coldFloor.push(await open(`${b.extensionBase}${STATIC_PAGE}`));
    }
    // From opening, and the popup's own part: from its HTML parsed (scripts start) on.
    const at = (runs: Timing[], p: number, part: (x: Timing) => number = (x) => x.ms) =>
      r1(quantile(runs.map(part), p));
    const own = (x: Timing) => x.ms - x.parsedMs;
    return {
      events: stored,
      launchesWithoutMessages,
      toDayCountP50Ms: at(warm, 0.5),
      toDayCountP25Ms: at(warm, 0.25),
      toDayCountP75Ms: at(warm, 0.75),
      toDayCountP95Ms: at(warm, 0.95),
      scriptToDayCountP50Ms: at(warm, 0.5, own),
      scriptToDayCountP95Ms: at(warm, 0.95, own),
      staticPageP50Ms: at(floor, 0.5),
      staticPageP25Ms: at(floor, 0.25),
      staticPageP75Ms: at(floor, 0.75),
      staticPageP95Ms: at(floor, 0.95),
      workerStoppedP50Ms: at(cold, 0.5),
      workerStoppedP25Ms: at(cold, 0.25),
      workerStoppedP75Ms: at(cold, 0.75),
      workerStoppedP95Ms: at(cold, 0.95),
      workerStoppedScriptToDayCountP50Ms: at(cold, 0.5, own),
      workerStoppedStaticPageP50Ms: at(coldFloor, 0.5),
      workerStoppedStaticPageP25Ms: at(coldFloor, 0.25),
      workerStoppedStaticPageP75Ms: at(coldFloor, 0.75),
    };
  } finally {
    rmSync(join(EXTENSION_DIR.chromium, STATIC_PAGE), { force: true });
    await b.close();
    await sites.close();
  }
}
