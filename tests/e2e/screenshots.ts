/**
 * Screenshots of the interstitial and the popup, light and dark, for the docs. Not part of
 * the suite: run `npx wxt build -b chrome && npx tsx tests/e2e/screenshots.ts`. Chromium
 * only, because the harness exposes Playwright's page there (colour scheme emulation and
 * screenshots).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { launch } from './harness/browsers';
import { startFakeSites } from './harness/fake-sites';
import {
  addProfile,
  clickNamed,
  openExtensionPage,
  setPlan,
  sleep,
  todayLocal,
  waitForHref,
  waitForText,
} from './harness/helpers';

const PROFILE = 'https://www.instagram.com/jamie.doe/';
const OUT = resolve('docs/screenshots');

async function main() {
  mkdirSync(OUT, { recursive: true });
  const sites = await startFakeSites();
  const b = await launch('chromium', sites);
  try {
    await setPlan(b, todayLocal(-11));
    await addProfile(b, PROFILE, '@jamie.doe');

    const blocked = await b.newPage();
    const raw = blocked.raw as PwPage;
    await raw.setViewportSize({ width: 900, height: 760 });
    blocked.goto(PROFILE);
    await waitForHref(blocked, (h) => h.includes('interstitial.html'), 'the interstitial');
    await waitForText(blocked, 'Your longest streak so far');
    for (const scheme of ['light', 'dark'] as const) {
      await raw.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await sleep(200);
      await raw.screenshot({ path: `${OUT}/interstitial-${scheme}.png`, fullPage: true });
    }
    await blocked.close();

    const popup = await openExtensionPage(b, 'popup.html');
    const rawPopup = popup.raw as PwPage;
    // About the size a toolbar popup opens at.
    await rawPopup.setViewportSize({ width: 336, height: 600 });
    await waitForText(popup, 'Longest streak');
    await clickNamed(popup, 'I had an urge');
    await waitForText(popup, 'Noted');
    // Wait for the Undo offer to pass, so the picture shows the popup at rest with the note.
    await sleep(10_500);
    for (const scheme of ['light', 'dark'] as const) {
      await rawPopup.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await sleep(200);
      await rawPopup.screenshot({ path: `${OUT}/popup-${scheme}.png`, fullPage: true });
    }
    await popup.close();
    console.log(`Screenshots written to ${OUT}`);
  } finally {
    await b.close();
    await sites.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
