import type { E2EBrowser, E2EPage } from './browsers';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
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
    await sleep(100);
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

/** Sets a field's value the way an input event from the person would (dates, numbers). */
export async function setField(page: E2EPage, label: string, value: string) {
  const sel = await byLabel(page, label);
  await page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(sel)});
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(el, ${JSON.stringify(value)});
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
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

/** Sets the plan's start date and goal on the options page, as a person would. */
export async function setPlan(b: E2EBrowser, startDate: string, goal = '30') {
  const page = await openExtensionPage(b, 'options.html#plan');
  await setField(page, 'Start date', startDate);
  await setField(page, 'Goal (days)', goal);
  await clickNamed(page, 'Save plan');
  await waitForText(page, 'Saved.');
  await page.close();
}

/** Adds a profile through the options page: types the address, presses "Add profile". */
export async function addProfile(b: E2EBrowser, address: string, expectShown: string) {
  const page = await openExtensionPage(b, 'options.html#profiles');
  const field = await byLabel(page, 'Profile address');
  await page.type(field, address);
  await clickNamed(page, 'Add profile');
  await waitFor(
    () =>
      page.evaluate<boolean>(
        `[...document.querySelectorAll('[aria-label="Listed profiles"] li')].some((li) => li.textContent.includes(${JSON.stringify(expectShown)}))`,
      ),
    `"${expectShown}" in the list of profiles`,
  );
  // The rules follow the stored list; wait until they are installed before navigating.
  await waitFor(async () => (await dynamicRuleCount(page)) > 0, 'blocking rules to be installed');
  await page.close();
}

export function todayLocal(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
