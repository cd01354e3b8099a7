import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { interstitialWaitingDom } from '../components/first-paint';
import {
  EXTENSION_DIR,
  launch,
  type E2EBrowser,
  type E2EPage,
} from '../tests/e2e/harness/browsers';
import { startFakeSites, type FakeSites } from '../tests/e2e/harness/fake-sites';
import {
  addProfile,
  setPlan,
  todayLocal,
  waitFor,
  waitForHref,
  waitForText,
} from '../tests/e2e/harness/helpers';
import { firstFrameHtml } from './first-frame';

const RUNS = 30;
const SITE = 'https://www.instagram.com';
const LISTED = 'jamie.doe';
const UNLISTED = 'alex.rivera';

const FCP = `(() => {
  const e = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
  return e ? performance.timeOrigin + e.startTime : 0;
})()`;
const NOW = 'performance.timeOrigin + performance.now()';

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
const r1 = (n: number) => Math.round(n * 10) / 10;

async function paintedAt(page: E2EPage, isTarget: (href: string) => boolean): Promise<number> {
  await waitForHref(page, isTarget, 'the destination');
  return waitFor(() => page.evaluate<number>(FCP), 'first contentful paint');
}

/**
 * Floors for a link click that ends on an extension page: a page with the interstitial's
 * styles and first frame written in its HTML and no script, opened by a plain link. A
 * click that ends on any extension page starts that page in the extension's own process,
 * which a link to another page of the same site does not. The interstitial is
 * web-accessible only at the add-on's per-session address (`use_dynamic_url`), so no site
 * can probe for it and learn that the person uses No Contact; a page at such an address
 * takes longer to open again. So there are two floors: the page at the add-on's fixed
 * address (what any extension page costs) and at its per-session address (what the
 * interstitial's address costs). Both are made web-accessible for the run (the built
 * manifest is put back afterwards).
 */
const STATIC_PAGE = 'bench-static-interstitial.html';
const DYNAMIC_PAGE = 'bench-dynamic-interstitial.html';

function writeStaticPages(): () => void {
  const dir = EXTENSION_DIR.chromium;
  const html = readFileSync(join(dir, 'interstitial.html'), 'utf8');
  const scriptless = html
    .replace(/<script\b[^>]*>\s*<\/script>/g, '')
    .replace(
      '<div id="app"></div>',
      `<div id="app">${firstFrameHtml(interstitialWaitingDom)}</div>`,
    );
  if (scriptless.includes('<script') || !scriptless.includes('day-heading'))
    throw new Error('interstitial.html is not shaped as the bench expects');
  writeFileSync(join(dir, STATIC_PAGE), scriptless);
  writeFileSync(join(dir, DYNAMIC_PAGE), scriptless);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = readFileSync(manifestPath, 'utf8');
  const m = JSON.parse(manifest) as { web_accessible_resources: unknown[] };
  m.web_accessible_resources.push(
    { resources: [STATIC_PAGE], matches: ['<all_urls>'] },
    { resources: [DYNAMIC_PAGE], matches: ['<all_urls>'], use_dynamic_url: true },
  );
  writeFileSync(manifestPath, JSON.stringify(m));
  return () => {
    writeFileSync(manifestPath, manifest);
    rmSync(join(dir, STATIC_PAGE), { force: true });
    rmSync(join(dir, DYNAMIC_PAGE), { force: true });
  };
}

/**
 * The add-on's per-session address (chrome-extension://<per-session id>/) among the
 * addresses a listed click requested: the page itself reports the add-on's fixed address
 * once loaded.
 */
function perSessionBase(requested: readonly string[], fixedBase: string): string {
  const url = requested.find(
    (u) => u.startsWith('chrome-extension://') && u.includes('/interstitial.html'),
  );
  if (!url) throw new Error("the interstitial's request was not seen");
  const base = url.slice(0, url.indexOf('interstitial.html'));
  if (base === fixedBase) throw new Error('the interstitial was not at a per-session address');
  return base;
}

/**
 * Interception latency in Chromium, against the same navigation to an unlisted profile on
 * the same fake site: typed, link click and in-page route change; and requests leaked.
 * (The page-side guard's cost on a platform page is bench/guard-cost.ts.)
 */
export async function benchInterception(): Promise<Record<string, number>> {
  const sites: FakeSites = await startFakeSites();
  const putBack = writeStaticPages();
  let b: E2EBrowser;
  try {
    b = await launch('chromium', sites);
  } catch (e) {
    putBack();
    await sites.close();
    throw e;
  }
  try {
    await setPlan(b, todayLocal());
    await addProfile(b, `${SITE}/${LISTED}/`, `@${LISTED}`);
    const isInterstitial = (h: string) => h.startsWith(`${b.extensionBase}interstitial.html`);
    const isPage = (path: string) => (h: string) => h.startsWith(`${SITE}${path}`);
    const out: Record<string, number> = {};
    sites.clear();

    const series = async (label: string, run: (listed: boolean) => Promise<number>) => {
      const listed: number[] = [];
      const unlisted: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        listed.push(await run(true));
        unlisted.push(await run(false));
      }
      out[`${label}P50Ms`] = r1(quantile(listed, 0.5));
      out[`${label}P25Ms`] = r1(quantile(listed, 0.25));
      out[`${label}P75Ms`] = r1(quantile(listed, 0.75));
      out[`${label}P95Ms`] = r1(quantile(listed, 0.95));
      out[`${label}UnlistedP50Ms`] = r1(quantile(unlisted, 0.5));
      out[`${label}UnlistedP25Ms`] = r1(quantile(unlisted, 0.25));
      out[`${label}UnlistedP75Ms`] = r1(quantile(unlisted, 0.75));
      out[`${label}Ratio`] = r1(quantile(listed, 0.5) / quantile(unlisted, 0.5));
    };

    await series('typed', async (listed) => {
      const page = await b.newPage();
      const handle = listed ? LISTED : UNLISTED;
      const t0 = Date.now();
      page.goto(`${SITE}/${handle}/`);
      const t1 = await paintedAt(page, listed ? isInterstitial : isPage(`/${handle}/`));
      await page.close();
      return t1 - t0;
    });

    const clickTo = async (
      to: string,
      arrived: (href: string) => boolean,
      requested?: string[],
    ) => {
      const page = await b.newPage();
      if (requested) (page.raw as Page).on('request', (r) => requested.push(r.url()));
      page.goto(`${SITE}/_e2e/links?to=${encodeURIComponent(to)}`);
      await waitForText(page, 'Route /_e2e/links');
      const t0 = await page.evaluate<number>(
        `(() => { const t = ${NOW}; setTimeout(() => document.getElementById('link-0').click()); return t; })()`,
      );
      const t1 = await paintedAt(page, arrived);
      await page.close();
      return t1 - t0;
    };
    const staticPage = `${b.extensionBase}${STATIC_PAGE}`;
    const requested: string[] = [];
    await clickTo(`/${LISTED}/`, isInterstitial, requested);
    const dynamicPage = `${perSessionBase(requested, b.extensionBase)}${DYNAMIC_PAGE}`;
    const linkToExtensionPage: number[] = [];
    const linkToDynamicPage: number[] = [];
    await series('link', async (listed) => {
      if (!listed) return clickTo(`/${UNLISTED}/`, isPage(`/${UNLISTED}/`));
      // The extension-page floors take their turns beside the listed click.
      linkToExtensionPage.push(await clickTo(staticPage, (h) => h.startsWith(staticPage)));
      linkToDynamicPage.push(await clickTo(dynamicPage, (h) => h.includes(DYNAMIC_PAGE)));
      return clickTo(`/${LISTED}/`, isInterstitial);
    });
    out.linkStaticExtensionPageP50Ms = r1(quantile(linkToExtensionPage, 0.5));
    out.linkStaticExtensionPageP25Ms = r1(quantile(linkToExtensionPage, 0.25));
    out.linkStaticExtensionPageP75Ms = r1(quantile(linkToExtensionPage, 0.75));
    out.linkOverExtensionPageRatio = r1(out.linkP50Ms! / out.linkStaticExtensionPageP50Ms);
    out.linkDynamicExtensionPageP50Ms = r1(quantile(linkToDynamicPage, 0.5));
    out.linkDynamicExtensionPageP25Ms = r1(quantile(linkToDynamicPage, 0.25));
    out.linkDynamicExtensionPageP75Ms = r1(quantile(linkToDynamicPage, 0.75));
    out.linkOverDynamicPageRatio = r1(out.linkP50Ms! / out.linkDynamicExtensionPageP50Ms);

    // In-page: route change -> the interstitial's navigation start, and -> its first
    // paint; an unlisted route renders in place (to the next frame).
    const toNavStart: number[] = [];
    await series('inPage', async (listed) => {
      const page = await b.newPage();
      page.goto(`${SITE}/_e2e/links`);
      await waitForText(page, 'Route /_e2e/links');
      if (!listed) {
        const ms = await page.evaluate<number>(`new Promise((res) => {
          const t = performance.now();
          window.__route('/${UNLISTED}/');
          requestAnimationFrame(() => requestAnimationFrame(() => res(performance.now() - t)));
        })`);
        await page.close();
        return ms;
      }
      const t0 = await page.evaluate<number>(
        `(() => { const t = ${NOW}; setTimeout(() => { try { window.__route('/${LISTED}/'); } catch {} }); return t; })()`,
      );
      const t1 = await paintedAt(page, isInterstitial);
      toNavStart.push((await page.evaluate<number>('performance.timeOrigin')) - t0);
      await page.close();
      return t1 - t0;
    });
    out.inPageToNavigationStartP50Ms = r1(quantile(toNavStart, 0.5));
    out.inPageToNavigationStartP95Ms = r1(quantile(toNavStart, 0.95));

    out.requestsLeaked = sites.requestsNaming(LISTED).length;

    return out;
  } finally {
    await b.close();
    putBack();
    await sites.close();
  }
}
