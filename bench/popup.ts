import 'fake-indexeddb/auto';
import type { Page } from 'playwright-core';
import { backupToJson, exportBackup } from '../lib/backup';
import { insertEvents } from '../lib/db/events';
import { createDb } from '../lib/db/schema';
import { defaultSettings, SETTINGS_KEY } from '../lib/settings';
import { launch } from '../tests/e2e/harness/browsers';
import { startFakeSites } from '../tests/e2e/harness/fake-sites';
import { openExtensionPage, waitFor } from '../tests/e2e/harness/helpers';
import { quantile } from './interception';
import { EVENTS, seedLog, YEARS } from './stats';

const RUNS = 20;
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
 * Set in the popup before its own script runs: when the first "Day N" heading is painted,
 * and when the page's HTML was parsed (its scripts start then), both from navigation start.
 */
const WATCH = `(() => {
  const seen = () => {
    const h = document.querySelector('h1');
    return h && /^Day \\d+$/.test(h.textContent.trim());
  };
  new MutationObserver((_, obs) => {
    if (!seen()) return;
    obs.disconnect();
    // The frame after the change is the one that paints it.
    requestAnimationFrame(() => setTimeout(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      window.__dayPainted = { ms: performance.now(), parsedMs: nav ? nav.domInteractive : 0 };
    }));
  }).observe(document, { subtree: true, childList: true, characterData: true });
})()`;

/**
 * The popup's time from opening (its navigation start) to the day count painted, with
 * 20,000 events stored, in Chromium: with the background awake (it answers the popup's
 * request for the numbers) and with its service worker stopped first, as after a while
 * without use.
 */
export async function benchPopup(): Promise<Record<string, number>> {
  const sites = await startFakeSites();
  const b = await launch('chromium', sites);
  try {
    const text = await seededBackup(Date.now());
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
    await options.close();

    const open = async () => {
      const page = await b.newPage();
      const raw = page.raw as Page;
      await raw.addInitScript(WATCH);
      page.goto(`${b.extensionBase}popup.html`);
      const t = await waitFor(
        () => page.evaluate<{ ms: number; parsedMs: number } | null>('window.__dayPainted ?? null'),
        'the popup to paint the day count',
      );
      await page.close();
      return t;
    };
    const warm: { ms: number; parsedMs: number }[] = [];
    const cold: { ms: number; parsedMs: number }[] = [];
    await open(); // the first load compiles the popup's code
    for (let i = 0; i < RUNS; i++) warm.push(await open());
    for (let i = 0; i < RUNS; i++) {
      await b.stopServiceWorker!();
      cold.push(await open());
    }
    // From opening (the browser making the page and loading its script), and the popup's
    // own work: from its HTML parsed (scripts start) to the day painted.
    const total = (runs: typeof warm, p: number) =>
      r1(
        quantile(
          runs.map((x) => x.ms),
          p,
        ),
      );
    const own = (runs: typeof warm, p: number) =>
      r1(
        quantile(
          runs.map((x) => x.ms - x.parsedMs),
          p,
        ),
      );
    return {
      events: stored,
      toDayCountP50Ms: total(warm, 0.5),
      toDayCountP95Ms: total(warm, 0.95),
      scriptToDayCountP50Ms: own(warm, 0.5),
      scriptToDayCountP95Ms: own(warm, 0.95),
      workerStoppedP50Ms: total(cold, 0.5),
      workerStoppedP95Ms: total(cold, 0.95),
      workerStoppedScriptToDayCountP50Ms: own(cold, 0.5),
    };
  } finally {
    await b.close();
    await sites.close();
  }
}
