/**
 * Screenshots for the docs: the interstitial and the popup (light and dark), the plan page
 * at the goal, the popup once the plan ended, and a taper week before day 1. Not part of
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
  setField,
  setPlan,
  sleep,
  todayLocal,
  waitForHref,
  waitForText,
} from './harness/helpers';

const PROFILE = 'https://www.instagram.com/jamie.doe/';
const OUT = resolve('docs/screenshots');

/** Pictures of `page` as it is, in each colour scheme asked for, named `<name>-<scheme>.png`. */
async function shoot(
  page: PwPage,
  name: string,
  schemes: readonly ('light' | 'dark')[] = ['light', 'dark'],
  fullPage = true,
) {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await sleep(200);
    await page.screenshot({ path: `${OUT}/${name}-${scheme}.png`, fullPage });
  }
}

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
    await shoot(raw, 'interstitial');
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
    await shoot(rawPopup, 'popup');
    await popup.close();

    // The goal day on the plan page (a goal of 5 days, passed already), then the end.
    const options = await openExtensionPage(b, 'options.html?end=goal-reached#plan');
    const rawOptions = options.raw as PwPage;
    await rawOptions.setViewportSize({ width: 900, height: 900 });
    await setField(options, 'Goal (days)', '5');
    await clickNamed(options, 'Save plan');
    await waitForText(options, 'goal reached');
    await shoot(rawOptions, 'options-goal-reached', ['light'], false);
    await waitForText(options, 'You have reached your goal day');
    await clickNamed(options, 'End the plan');
    await waitForText(options, 'Your plan ended on');
    await options.close();

    const ended = await openExtensionPage(b, 'popup.html');
    const rawEnded = ended.raw as PwPage;
    await rawEnded.setViewportSize({ width: 336, height: 600 });
    await waitForText(ended, 'Your plan ended on');
    await shoot(rawEnded, 'popup-ended');
    await ended.close();

    // A new plan with a taper week: day 1 a week ahead, and the stage-setting step.
    const next = await openExtensionPage(b, 'options.html#plan');
    const rawNext = next.raw as PwPage;
    await rawNext.setViewportSize({ width: 900, height: 1400 });
    await setField(next, 'Goal (days)', '30');
    await clickNamed(next, 'Taper off first (about a week)');
    await clickNamed(next, 'Save plan');
    await waitForText(next, 'Saved.');
    await waitForText(next, 'One short apology');
    await shoot(rawNext, 'options-setting-the-stage', ['light']);
    await next.close();

    const taper = await openExtensionPage(b, 'popup.html');
    const rawTaper = taper.raw as PwPage;
    await rawTaper.setViewportSize({ width: 336, height: 600 });
    await waitForText(taper, 'Taper week');
    await shoot(rawTaper, 'popup-taper', ['light']);
    await taper.close();
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
