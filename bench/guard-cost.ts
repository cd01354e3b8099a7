import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, EXTENSION_DIR, launch } from '../tests/e2e/harness/browsers';
import { startFakeSites, type FakeSites } from '../tests/e2e/harness/fake-sites';
import { addProfile, setPlan, todayLocal } from '../tests/e2e/harness/helpers';
import { quantile } from './interception';

/**
 * Pairs per driver-free series (the first is run twice, to see whether the figure holds).
 * Paired differences here spread over tens of ms (p25-p75 about -30 to +50 ms at 40
 * pairs), so a median steady to a few ms takes about a hundred.
 */
export const PAIRS = 100;
/** Pairs loaded under Playwright, for comparison only. */
const UNDER_DRIVER_PAIRS = 40;
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

/** Loads of each browser before the ones counted: code compiled, connections open. */
const WARM = 3;
const CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium started from the command line, not driven: the feed chain is opened in a tab of
 * its own through the DevTools HTTP endpoint (a plain request that attaches to nothing),
 * and every other tab is closed (the first run's options page would keep an extension
 * process alive, which a person's browser does not have). An address given on the command
 * line is not enough: the first run's options page takes that tab over.
 */
async function startUndriven(
  dir: string,
  args: string[],
  url: string,
): Promise<ChildProcessWithoutNullStreams> {
  // Its own process group, so stopping it stops its helper processes too.
  const p = spawn(
    CHROMIUM,
    [
      '--headless=new',
      `--user-data-dir=${dir}`,
      '--remote-debugging-port=0',
      ...args,
      'about:blank',
    ],
    { detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('Chromium did not start')), 30_000);
    p.stderr.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = /DevTools listening on ws:\/\/([^/\s]+)\//.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(`http://${m[1]}`);
      }
    });
  });
  // Let the first run open its tab before the others are closed.
  await new Promise((r) => setTimeout(r, 2000));
  type Target = { id: string; type: string };
  const before = (await (await fetch(`${endpoint}/json/list`)).json()) as Target[];
  await fetch(`${endpoint}/json/new?${url}`, { method: 'PUT' });
  for (const t of before.filter((x) => x.type === 'page')) {
    await fetch(`${endpoint}/json/close/${t.id}`);
  }
  return p;
}

/** A browser to compare: its profile's directory and the unpacked extension it loads, if any. */
interface Setup {
  profileDir: string;
  extension: string | null;
}

function setupArgs(sites: FakeSites, { extension }: Setup): string[] {
  const args = chromiumArgs(extension ?? EXTENSION_DIR.chromium, sites);
  return extension
    ? args
    : [...args.filter((x) => !x.includes('extension')), '--disable-extensions'];
}

/**
 * One series without a driver: two Chromiums, `a` and `b`, each loading the fake server's
 * feed chain by itself, taking turns A B B A; the paired differences are a - b. Playwright
 * attaches to every page and world it sees, and under it the same feed loads took about
 * twice as long, so the figures the goals judge are taken this way.
 */
export async function driverFreeSeries(
  sites: FakeSites,
  a: Setup,
  b: Setup,
): Promise<{ diffs: number[]; a: number[]; b: number[] }> {
  const chain = sites.chain(['a', 'b'], WARM + PAIRS);
  const browsers: ChildProcessWithoutNullStreams[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    browsers.push(await startUndriven(a.profileDir, setupArgs(sites, a), chain.start('a')));
    browsers.push(await startUndriven(b.profileDir, setupArgs(sites, b), chain.start('b')));
    const times = await Promise.race([
      chain.done,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the driver-free feed loads did not finish in 10 minutes')),
          600_000,
        );
      }),
    ]);
    const x = times.a!.slice(WARM);
    const y = times.b!.slice(WARM);
    return { diffs: x.map((v, i) => v - y[i]!), a: x, b: y };
  } finally {
    clearTimeout(timer);
    await Promise.all(
      browsers.map(
        (p) =>
          new Promise<void>((done) => {
            if (p.exitCode !== null) return done();
            p.once('exit', () => done());
            process.kill(-p.pid!, 'SIGTERM');
          }),
      ),
    );
  }
}

/** A fresh temporary directory, and a way to remove it once its browser has exited. */
function tempDir(name: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `nc-bench-${name}-`));
  // A browser's helper processes may still be writing as it exits.
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }),
  };
}

/**
 * An extension with this build's permissions and host access and no code at all: what any
 * blocker that works as this one does (declarativeNetRequest with host access, which
 * Chromium serves by passing every request of those hosts through its browser process)
 * costs a page, whatever its code does.
 */
function sameAccessNoCode(): { dir: string; remove(): void } {
  const built = JSON.parse(
    readFileSync(join(EXTENSION_DIR.chromium, 'manifest.json'), 'utf8'),
  ) as Record<string, unknown>;
  const t = tempDir('no-code-extension');
  const manifest = {
    manifest_version: 3,
    name: 'Same access, no code',
    version: '1.0',
    permissions: built.permissions,
    host_permissions: built.host_permissions,
  };
  writeFileSync(join(t.dir, 'manifest.json'), JSON.stringify(manifest));
  return t;
}

/**
 * What the page-side guard costs a platform page people still use every day: a home feed
 * (50 images, 20 data requests) on a platform host, in a Chromium with the extension and a
 * profile listed on that platform, against the same page in a Chromium without the
 * extension. Loads are paired and take turns, and the figure is the median of the paired
 * differences over PAIRS pairs, run twice: first with no driver at all (the goal's
 * figure, see driverFreeSeries), then under Playwright as before, for comparison.
 */
export async function benchGuardCost(): Promise<Record<string, number>> {
  const sites = await startFakeSites();
  const profile = tempDir('ext');
  const noCode = sameAccessNoCode();
  const others: { remove(): void }[] = [];
  const fresh = (name: string) => {
    const t = tempDir(name);
    others.push(t);
    return t.dir;
  };
  try {
    // The extension's profile, set up through its pages, then closed: the driver-free
    // browser starts on it with the plan and the listed profile in place.
    const setup = await launch('chromium', sites, { profileDir: profile.dir });
    await setPlan(setup, todayLocal());
    await addProfile(setup, 'https://www.instagram.com/jamie.doe/', '@jamie.doe');
    await setup.close();
    const ours: Setup = { profileDir: profile.dir, extension: EXTENSION_DIR.chromium };
    const none = () => ({ profileDir: fresh('plain'), extension: null });
    const first = await driverFreeSeries(sites, ours, none());
    const second = await driverFreeSeries(sites, ours, none());
    // The part this code adds: against the same access with no code.
    const own = await driverFreeSeries(sites, ours, {
      profileDir: fresh('no-code'),
      extension: noCode.dir,
    });
    const med = (xs: number[]) => quantile(xs, 0.5);
    const underDriver = await underPlaywright(sites);
    return {
      pairs: PAIRS,
      withExtensionP50Ms: r1(med([...first.a, ...second.a])),
      withoutExtensionP50Ms: r1(med([...first.b, ...second.b])),
      pairedDiffP50Ms: r1(med(first.diffs)),
      pairedDiffP25Ms: r1(quantile(first.diffs, 0.25)),
      pairedDiffP75Ms: r1(quantile(first.diffs, 0.75)),
      pairedDiffAgainP50Ms: r1(med(second.diffs)),
      runToRunMs: r1(Math.abs(med(first.diffs) - med(second.diffs))),
      overSameAccessNoCodeP50Ms: r1(med(own.diffs)),
      overSameAccessNoCodeP25Ms: r1(quantile(own.diffs, 0.25)),
      overSameAccessNoCodeP75Ms: r1(quantile(own.diffs, 0.75)),
      ...underDriver,
    };
  } finally {
    for (const t of [profile, noCode, ...others]) t.remove();
    await sites.close();
  }
}

/** The same pairs loaded by Playwright in two browsers it drives (the earlier method). */
async function underPlaywright(sites: FakeSites): Promise<Record<string, number>> {
  const withExt = await launch('chromium', sites);
  const plainDir = mkdtempSync(join(tmpdir(), 'nc-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainDir, {
    executablePath: CHROMIUM,
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
    for (let i = 0; i < WARM; i++) {
      await open(i);
      await feedMs(plain, i);
    }
    const diffs: number[] = [];
    for (let i = 0; i < UNDER_DRIVER_PAIRS; i++) {
      const n = 100 + i;
      let x: number;
      let y: number;
      if (i % 2 === 0) {
        x = await open(n);
        y = await feedMs(plain, n);
      } else {
        y = await feedMs(plain, n);
        x = await open(n);
      }
      diffs.push(x - y);
    }
    return {
      underPlaywrightPairedDiffP50Ms: r1(quantile(diffs, 0.5)),
      underPlaywrightPairedDiffP25Ms: r1(quantile(diffs, 0.25)),
      underPlaywrightPairedDiffP75Ms: r1(quantile(diffs, 0.75)),
    };
  } finally {
    await plain.close();
    rmSync(plainDir, { recursive: true, force: true });
    await withExt.close();
  }
}
