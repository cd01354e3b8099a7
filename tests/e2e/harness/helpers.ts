import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { propose } from '@/lib/cooling-off';
import { recognise } from '@/lib/profiles';
import { blockedIn, listKey, parseRuleCheck, RULE_CHECK_KEY } from '@/lib/rules/rule-check';
import { parseSettings, SETTINGS_KEY, SETTINGS_LOCK_NAME } from '@/lib/settings';
import type { E2EBrowser, E2EPage } from './browsers';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` every 25 ms until it returns a truthy value; fails with `what` after
 * `timeoutMs`. (At 100 ms, each wait lost 50 ms on average, over the suites' thousands.)
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      last = v;
    } catch (e) {
      // Pages in the middle of a navigation refuse evaluation; try again.
      last = e;
    }
    if (Date.now() > end) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`,
      );
    }
    await sleep(25);
  }
}

/** Waits until the tab's address satisfies `pred`, ignoring a passing about:blank. */
export function waitForHref(page: E2EPage, pred: (href: string) => boolean, what: string) {
  return waitFor(async () => {
    const href = await page.href();
    return href !== 'about:blank' && pred(href) ? href : null;
  }, what);
}

export function bodyText(page: E2EPage): Promise<string> {
  return page.evaluate<string>('document.body ? document.body.innerText : ""');
}

export function waitForText(page: E2EPage, text: string) {
  return waitFor(async () => (await bodyText(page)).includes(text), `text "${text}"`);
}

/**
 * Sends a message to the background from an extension page that may still be loading. In
 * Firefox a tab can report the page's address a moment before the page has its `browser`
 * object (seen once right after a redirect to the interstitial): wait for the API first.
 */
export async function sendFromPage<T>(page: E2EPage, message: object): Promise<T> {
  const api = '(globalThis.browser || globalThis.chrome)';
  await waitFor(
    () => page.evaluate<boolean>(`typeof ${api}?.runtime?.sendMessage === 'function'`),
    'the extension API in the page',
  );
  return page.evaluate<T>(`${api}.runtime.sendMessage(${JSON.stringify(message)})`);
}

let tokens = 0;

/**
 * Finds a form control by its label's text, or a button by its accessible name, the way a
 * person reads the page, and returns a CSS selector for the browser driver to act on.
 */
export async function byLabel(page: E2EPage, label: string): Promise<string> {
  const token = `t${++tokens}`;
  const found = await waitFor(
    () =>
      page.evaluate<boolean>(`(() => {
        const name = ${JSON.stringify(label)};
        const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
        let el = null;
        for (const l of document.querySelectorAll('label')) {
          if (norm(l.textContent) === name) { el = l.control || document.getElementById(l.htmlFor); break; }
        }
        if (!el) el = [...document.querySelectorAll('[aria-label]')].find((e) => norm(e.getAttribute('aria-label')) === name) || null;
        if (!el) el = [...document.querySelectorAll('button, a, [role=button]')].find((e) => norm(e.textContent) === name) || null;
        if (!el) return false;
        el.setAttribute('data-e2e', ${JSON.stringify(token)});
        return true;
      })()`),
    `an element named "${label}"`,
  );
  if (!found) throw new Error(`No element named "${label}"`);
  return `[data-e2e="${token}"]`;
}

/**
 * Sets a field's value the way an input event from the person would (dates, numbers);
 * returns the field's selector.
 */
export async function setField(page: E2EPage, label: string, value: string): Promise<string> {
  const sel = await byLabel(page, label);
  await page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(sel)});
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(el, ${JSON.stringify(value)});
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
  return sel;
}

export async function clickNamed(page: E2EPage, name: string) {
  await page.click(await byLabel(page, name));
}

/** Opens one of the extension's pages in a new tab and waits for it to render. */
export async function openExtensionPage(b: E2EBrowser, path: string): Promise<E2EPage> {
  const page = await b.newPage();
  page.goto(b.extensionBase + path);
  await waitForHref(page, (h) => h.startsWith(b.extensionBase), `${path} to open`);
  await waitFor(
    () =>
      page.evaluate<boolean>(
        `document.querySelector('#app') && document.querySelector('#app').childElementCount > 0`,
      ),
    `${path} to render`,
  );
  return page;
}

/** The extension's installed dynamic rules, read from one of its own pages. */
export function dynamicRuleCount(extPage: E2EPage): Promise<number> {
  return extPage.evaluate<number>(
    `(globalThis.browser || globalThis.chrome).declarativeNetRequest.getDynamicRules().then((r) => r.length)`,
  );
}

/** Fills in and saves the plan's start date and goal, on the options page's Plan section. */
async function savePlan(page: E2EPage, startDate: string, goal: string) {
  await setField(page, 'Start date', startDate);
  await setField(page, 'Goal (days)', goal);
  await clickNamed(page, 'Save plan');
  await waitForText(page, 'Saved.');
}

/**
 * Lists a profile on the options page's Profiles section: fills in the address (one input
 * event, as a paste gives; typing key by key took half a second, and the suites that test
 * the form type), presses "Add profile", waits for it in the list and for its rules.
 */
async function listProfile(page: E2EPage, address: string, expectShown: string) {
  const field = await setField(page, 'Profile address', address);
  await clickNamed(page, 'Add profile');
  await waitForListed(page, expectShown);
  // The rules follow the stored list; wait until they are installed before navigating.
  await waitFor(async () => (await dynamicRuleCount(page)) > 0, 'blocking rules to be installed');
  // The list shows the entry as soon as it is stored; the form empties its field only when
  // the add has finished (its rules checked). Wait for that, or the next address filled in
  // would be wiped.
  await waitFor(
    () =>
      page.evaluate<boolean>(`(() => {
        const input = document.querySelector(${JSON.stringify(field)});
        return input.value === '' && !input.form.querySelector('button[type=submit]').disabled;
      })()`),
    'the profile form to be ready for the next address',
  );
}

/** Sets the plan's start date and goal on the options page, as a person would. */
export async function setPlan(b: E2EBrowser, startDate: string, goal = '30') {
  const page = await openExtensionPage(b, 'options.html#plan');
  await savePlan(page, startDate, goal);
  await page.close();
}

/** Adds a profile through the options page (see listProfile). */
export async function addProfile(b: E2EBrowser, address: string, expectShown: string) {
  const page = await openExtensionPage(b, 'options.html#profiles');
  await listProfile(page, address, expectShown);
  await page.close();
}

/** Profiles to list, each as its address and the words the list shows for it. */
type Listing = readonly (readonly [address: string, shown: string])[];

/**
 * The plan (goal 30) and the profiles ([address, shown]) a suite starts from, stored as the
 * options page stores them, without its forms (options.e2e.ts drives those, and setPlan /
 * addProfile here do too): each address recognised and each add judged by the project's
 * own code (lib/profiles recognise, lib/cooling-off propose, as the Profiles form does),
 * the plan as the Plan form saves it, the whole settings written in one set under the
 * settings lock, and the plan's start logged by the background (log-plan-start). Then it
 * waits, as the form does, for the background's check of the rules in force for this list,
 * and requires every profile blocked. About 2 s less per suite than filling in the forms.
 */
export async function setPlanAndList(b: E2EBrowser, startDate: string, profiles: Listing) {
  // The page the forms are on (the popup would show, and so spend, the once-only
  // celebration of the new plan's first day).
  const page = await openExtensionPage(b, 'options.html#plan');
  const api = '(globalThis.browser || globalThis.chrome)';
  const before = (await storedValue(page, SETTINGS_KEY)) ?? null;
  let next = parseSettings(before);
  const startsAnew = next.plan?.startDate !== startDate;
  const plan = { startDate, goalDays: 30, looksRestart: true };
  next = { ...next, plan: next.plan?.timeZone ? { ...plan, timeZone: next.plan.timeZone } : plan };
  for (const [address, shown] of profiles) {
    const r = recognise(address, next.profiles);
    if (!r.ok) throw new Error(`${address} is not recognised: ${JSON.stringify(r)}`);
    if (!r.profile.display.includes(shown)) {
      throw new Error(`${address} would be shown as "${r.profile.display}", not "${shown}"`);
    }
    const profile = { ...r.profile, mode: 'block' as const, addedAt: Date.now() };
    const result = propose(next, { kind: 'add-profile', profile }, Date.now(), randomUUID);
    if (result.outcome !== 'applied') throw new Error(`adding ${address}: ${result.outcome}`);
    next = result.settings;
  }
  // Written only over the settings read above: nothing else writes them during a setup.
  const wrote = await page.evaluate<boolean>(`navigator.locks.request(${JSON.stringify(
    SETTINGS_LOCK_NAME,
  )}, async () => {
    const key = ${JSON.stringify(SETTINGS_KEY)};
    const now = (await ${api}.storage.local.get(key))[key] ?? null;
    if (JSON.stringify(now) !== ${JSON.stringify(JSON.stringify(before))}) return false;
    await ${api}.storage.local.set({ [key]: ${JSON.stringify(next)} });
    return true;
  })`);
  if (!wrote) throw new Error('the settings changed while the suite was being set up');
  if (startsAnew) {
    const logged = await sendFromPage<{ ok: boolean }>(page, {
      type: 'log-plan-start',
      startDate,
      goalDays: 30,
      dedupeKey: randomUUID(),
    });
    if (!logged?.ok) throw new Error(`the plan's start was not logged: ${JSON.stringify(logged)}`);
  }
  const list = listKey(next.profiles);
  await waitFor(async () => {
    const check = parseRuleCheck((await storedValue(page, RULE_CHECK_KEY, 'session')) ?? null);
    return check?.list === list && next.profiles.every((p) => blockedIn(check, p.id));
  }, 'the rules in force for the listed profiles');
  await page.close();
}

/**
 * setPlan, then addProfile for each of `profiles` ([address, shown]), in one visit to the
 * options page, through its forms as a person fills them in: its Plan section, then its
 * Profiles section.
 */
export async function setPlanAndListInForms(b: E2EBrowser, startDate: string, profiles: Listing) {
  const page = await openExtensionPage(b, 'options.html#plan');
  await savePlan(page, startDate, '30');
  await page.evaluate(`location.hash = '#profiles'`);
  for (const [address, shown] of profiles) await listProfile(page, address, shown);
  await page.close();
}

/** Waits until the options page's list of profiles shows an entry with `shown` in it. */
export function waitForListed(page: E2EPage, shown: string) {
  return waitFor(
    () =>
      page.evaluate<boolean>(
        `[...document.querySelectorAll('[aria-label="Listed profiles"] li')].some((li) => li.textContent.includes(${JSON.stringify(shown)}))`,
      ),
    `"${shown}" in the list of profiles`,
  );
}

export function todayLocal(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The value shown beside a term of a definition list (`<dt>term</dt><dd>value</dd>`). */
export function statValue(page: E2EPage, term: string): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
    const dt = [...document.querySelectorAll('dt')].find((d) => norm(d.textContent) === ${JSON.stringify(term)});
    const dd = dt && dt.nextElementSibling;
    return dd ? norm(dd.textContent) : null;
  })()`);
}

/**
 * How many events the log holds (undone ones included), read with plain IndexedDB from
 * one of the extension's pages. Null when the log was never created.
 */
export function eventCount(extPage: E2EPage): Promise<number | null> {
  return extPage.evaluate<number | null>(`(async () => {
    const names = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : ['no-contact'];
    if (!names.includes('no-contact')) return null;
    return await new Promise((resolve, reject) => {
      const open = indexedDB.open('no-contact');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('events')) { db.close(); resolve(null); return; }
        const req = db.transaction('events').objectStore('events').count();
        req.onsuccess = () => { db.close(); resolve(req.result); };
        req.onerror = () => { db.close(); reject(req.error); };
      };
    });
  })()`);
}

/** The newest events in the log, newest first (kind, source, profileId, what, note, restarted, undoneAt, channel, gist, reason, topic). */
export function latestEvents(extPage: E2EPage, n = 5): Promise<Record<string, unknown>[]> {
  return extPage.evaluate<Record<string, unknown>[]>(`new Promise((resolve, reject) => {
    const open = indexedDB.open('no-contact');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const out = [];
      const req = db.transaction('events').objectStore('events').index('time').openCursor(null, 'prev');
      req.onsuccess = () => {
        const c = req.result;
        if (!c || out.length >= ${n}) { db.close(); resolve(out); return; }
        const { kind, source, profileId, what, note, restarted, undoneAt, channel, gist, reason, topic } = c.value;
        out.push({ kind, source, profileId, what, note, restarted, undoneAt, channel, gist, reason, topic });
        c.continue();
      };
      req.onerror = () => { db.close(); reject(req.error); };
    };
  })`);
}

/** Changes the stored friction settings directly (test setup: a short pause, say). */
export async function setFriction(b: E2EBrowser, patch: Record<string, unknown>) {
  const page = await openExtensionPage(b, 'popup.html');
  await page.evaluate(`(async () => {
    const api = globalThis.browser || globalThis.chrome;
    const { settings } = await api.storage.local.get('settings');
    settings.friction = { ...settings.friction, ...${JSON.stringify(patch)} };
    await api.storage.local.set({ settings });
  })()`);
  await page.close();
}

/** The toolbar badge's text, read from one of the extension's pages. */
export function badgeText(extPage: E2EPage): Promise<string> {
  return extPage.evaluate<string>(
    `(globalThis.browser || globalThis.chrome).action.getBadgeText({})`,
  );
}

/** The address a click on the toolbar button opens the popup at, read from an extension page. */
export function toolbarPopupAddress(extPage: E2EPage): Promise<string> {
  return extPage.evaluate<string>(`(globalThis.browser || globalThis.chrome).action.getPopup({})`);
}

/** How many tabs are open, asked from one of the extension's pages. */
export function tabCount(extPage: E2EPage): Promise<number> {
  return extPage.evaluate<number>(
    `(globalThis.browser || globalThis.chrome).tabs.query({}).then((t) => t.length)`,
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Selectors of the offending elements. */
  targets: string[];
  /** The same, at most three: short enough for a failure message. */
  nodes: string[];
}

/** Runs axe-core in the page (injected from node_modules the first time) and returns the violations. */
export async function axeViolations(page: E2EPage): Promise<AxeViolation[]> {
  const loaded = await page.evaluate<boolean>(`typeof globalThis.axe === 'object'`);
  if (!loaded) {
    const source = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
    await page.evaluate(`${source};\nundefined`);
  }
  return page.evaluate<
    AxeViolation[]
  >(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => {
      const targets = v.nodes.map((n) => [].concat(n.target).join(' '));
      return { id: v.id, impact: v.impact, help: v.help, targets, nodes: targets.slice(0, 3) };
    }))`);
}

/** axe-core finds nothing on the page in light, then in dark; the counts go to `log`. */
export async function expectAccessible(page: E2EPage, log: (msg: string) => void, what: string) {
  const { expect } = await import('vitest');
  const light = await axeViolations(page);
  log(`axe, ${what}, light: ${light.length} violations ${JSON.stringify(light)}`);
  expect(light).toEqual([]);
  if (!(await page.emulateDark())) {
    log(`axe, ${what}, dark: not run (this browser's driver cannot emulate dark mode)`);
    return;
  }
  expect(await page.evaluate<boolean>(`matchMedia('(prefers-color-scheme: dark)').matches`)).toBe(
    true,
  );
  const dark = await axeViolations(page);
  log(`axe, ${what}, dark: ${dark.length} violations ${JSON.stringify(dark)}`);
  expect(dark).toEqual([]);
}

/** Puts a file into the file field labelled `label`, as choosing it in the file dialog would. */
export async function chooseFile(page: E2EPage, label: string, name: string, text: string) {
  const sel = await byLabel(page, label);
  await page.evaluate(`(() => {
    const input = document.querySelector(${JSON.stringify(sel)});
    const dt = new DataTransfer();
    dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
}

/** One key of the extension's storage.local, read from one of its pages. */
export function storedValue<T = unknown>(
  extPage: E2EPage,
  key: string,
  area: 'local' | 'session' = 'local',
): Promise<T | undefined> {
  return extPage.evaluate<T | undefined>(
    `(globalThis.browser || globalThis.chrome).storage.${area}.get(${JSON.stringify(key)}).then((r) => r[${JSON.stringify(key)}])`,
  );
}

/** The page's main heading as its text says it ("Day 12"); "" while there is none. */
export function headingText(page: E2EPage): Promise<string> {
  return page.evaluate<string>(`document.querySelector('h1')?.textContent ?? ''`);
}

/** Types into a text field or text area found by its label (setField suits only <input>). */
export async function typeInto(page: E2EPage, label: string, text: string) {
  await page.type(await byLabel(page, label), text);
}
