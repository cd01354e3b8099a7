import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, EXTENSION_DIR, launch } from '../tests/e2e/harness/browsers';
import { startFakeSites } from '../tests/e2e/harness/fake-sites';
import { addProfile, setPlan, todayLocal } from '../tests/e2e/harness/helpers';
import { quantile } from './interception';

/** Pairs per series; the series is run twice, to see whether the figure holds. */
export const PAIRS = 40;
const FEED = 'https://www.instagram.com/_e2e/feed';
const r1 = (n: number) => Math.round(n * 10) / 10;

/** The page's own time to a loaded feed (load event and every data request answered). */
async function feedMs(context: BrowserContext, i: number): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${FEED}?n=${i}`, { waitUntil: 'commit' });
    await page.waitForFunction('typeof window.__feedDone === "number"', undefined, {
      timeout: 20_000,
      polling: 20,
    });
    return await page.evaluate<number>('window.__feedDone');
  } finally {
    await page.close();
  }
}

/**
 * What the page-side guard costs a platform page people still use every day: a home feed
 * (50 images, 20 data requests) on a platform host, in a Chromium with the extension and a
 * profile listed on that platform, against the same page in a Chromium without the
 * extension. Loads are paired and take turns (the order inside a pair alternates), and
 * the figure is the median of the paired differences, over PAIRS pairs, run twice.
 */
export async function benchGuardCost(): Promise<Record<string, number>> {
  const sites = await startFakeSites();
  const withExt = await launch('chromium', sites);
  const plainDir = mkdtempSync(join(tmpdir(), 'nc-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      ...chromiumArgs(EXTENSION_DIR.chromium, sites).filter((a) => !a.includes('extension')),
      '--disable-extensions',
    ],
  });
  try {
    await setPlan(withExt, todayLocal());
    await addProfile(withExt, 'https://www.instagram.com/jamie.doe/', '@jamie.doe');
    // The context of the browser with the extension, to load pages the same way as in
    // the one without.
    const probe = await withExt.newPage();
    const extContext = (probe.raw as Page).context();
    await probe.close();
    const open = (i: number) => feedMs(extContext, i);
    // Warm both browsers (code compiled, connections open).
    for (let i = 0; i < 3; i++) {
      await open(i);
      await feedMs(plain, i);
    }
    const series = async (offset: number) => {
      const diffs: number[] = [];
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < PAIRS; i++) {
        const n = offset + i;
        let x: number;
        let y: number;
        if (i % 2 === 0) {
          x = await open(n);
          y = await feedMs(plain, n);
        } else {
          y = await feedMs(plain, n);
          x = await open(n);
        }
        a.push(x);
        b.push(y);
        diffs.push(x - y);
      }
      return { diffs, a, b };
    };
    const first = await series(100);
    const second = await series(1000);
    const med = (xs: number[]) => quantile(xs, 0.5);
    return {
      pairs: PAIRS,
      withExtensionP50Ms: r1(med([...first.a, ...second.a])),
      withoutExtensionP50Ms: r1(med([...first.b, ...second.b])),
      pairedDiffP50Ms: r1(med(first.diffs)),
      pairedDiffP25Ms: r1(quantile(first.diffs, 0.25)),
      pairedDiffP75Ms: r1(quantile(first.diffs, 0.75)),
      pairedDiffAgainP50Ms: r1(med(second.diffs)),
      runToRunMs: r1(Math.abs(med(first.diffs) - med(second.diffs))),
    };
  } finally {
    await plain.close();
    rmSync(plainDir, { recursive: true, force: true });
    await withExt.close();
    await sites.close();
  }
}
