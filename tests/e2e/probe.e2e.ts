import { describe, expect, it } from 'vitest';
import type { BrowserName, E2EPage } from './harness/browsers';
import { browserSuite } from './harness/suite';
import type { DnrRule } from '@/lib/rules/dnr';
import { COVER_RULE_IDS, inRange } from '@/lib/rules/ids';
import { compareRules, parseRuleCheck, RULE_CHECK_KEY } from '@/lib/rules/rule-check';
import {
  openExtensionPage,
  sleep,
  todayLocal,
  waitForHref,
  waitForText,
  setPlanAndList,
} from './harness/helpers';

const SITE = 'https://www.instagram.com';
const LISTED = 'jamie.doe';
const UNLISTED = 'alex.rivera';

/**
 * Runs in a page: asks for `url` in every way a page can, each request marked with
 * `probe=<kind>` so the fake site's log says which arrived, and returns what the page could
 * see of each (never the time it took).
 */
const PROBE = `async (url) => {
  const at = (kind) => url + '?probe=' + kind;
  const settle = (p, ms = 2000) =>
    Promise.race([p, new Promise((r) => setTimeout(() => r('no event'), ms))]);
  const response = (r) => 'resolved ' + r.type + ' ' + r.status;
  const element = (tag, props) =>
    settle(new Promise((resolve) => {
      const el = document.createElement(tag);
      el.onload = () => resolve('load');
      el.onerror = () => resolve('error');
      Object.assign(el, props);
      document.body.append(el);
    }));
  const out = {};
  const run = async (kind, f) => {
    try { out[kind] = await f(); } catch (e) { out[kind] = 'rejected ' + e.name; }
  };
  await run('fetch no-cors', async () => response(await fetch(at('nc'), { mode: 'no-cors' })));
  await run('fetch cors', async () => response(await fetch(at('cors'))));
  await run('XMLHttpRequest', () => settle(new Promise((resolve) => {
    const x = new XMLHttpRequest();
    x.open('GET', at('xhr'));
    x.onload = () => resolve('load ' + x.status);
    x.onerror = () => resolve('error ' + x.status);
    x.send();
  })));
  await run('sendBeacon', async () => String(navigator.sendBeacon(at('beacon'), 'x')));
  await run('img', () => element('img', { src: at('img') }));
  await run('script', () => element('script', { src: at('script') }));
  await run('stylesheet', () => element('link', { rel: 'stylesheet', href: at('css') }));
  await run('prefetch', () => element('link', { rel: 'prefetch', href: at('prefetch') }));
  await run('object', () => element('object', { data: at('object') }));
  await run('iframe', () => element('iframe', { src: at('iframe') }));
  return out;
}`;

/** Runs in a page: what a script can read of the functions the guard wraps. */
const LOOKS = `(() => {
  const holders = {
    fetch: [window, 'fetch'],
    send: [XMLHttpRequest.prototype, 'send'],
    sendBeacon: [Navigator.prototype, 'sendBeacon'],
    pushState: [History.prototype, 'pushState'],
    replaceState: [History.prototype, 'replaceState'],
    toString: [Function.prototype, 'toString'],
  };
  const out = {};
  for (const [key, [holder, name]] of Object.entries(holders)) {
    const f = holder[name];
    const d = Object.getOwnPropertyDescriptor(holder, name);
    let constructor = 'yes';
    try { Reflect.construct(String, [], f); } catch (e) { constructor = e.name; }
    out[key] = {
      type: typeof f,
      name: f.name,
      length: f.length,
      text: String(f),
      textByCall: Function.prototype.toString.call(f),
      textOfToString: f.toString.toString(),
      prototype: 'prototype' in f,
      own: Object.getOwnPropertyNames(f).sort().join(),
      proto: Object.getPrototypeOf(f) === Function.prototype,
      extensible: Object.isExtensible(f),
      descriptor: [d.writable, d.enumerable, d.configurable, typeof d.value].join(),
      constructor,
    };
  }
  try { Function.prototype.toString.call({}); } catch (e) {
    out.thrownNamesExtension = /extension:/.test(String(e.stack));
  }
  return out;
})()`;

/** What a frame of the page's own that no script of the extension reaches reads (logged). */
const OTHER_REALM = `(() => {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const text = frame.contentWindow.Function.prototype.toString.call(window.fetch);
  frame.remove();
  return text;
})()`;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: other sites cannot tell which profiles are listed`, () => {
    const s = browserSuite(name, async () => {
      await setPlanAndList(s.b, todayLocal(), [[`${SITE}/${LISTED}/`, `@${LISTED}`]]);
    });

    async function open(url: string): Promise<E2EPage> {
      const page = await s.b.newPage();
      page.goto(url);
      await waitForText(page, 'Route /_e2e/links');
      return page;
    }

    /** Requests the fake site received for `handle`, as "kind" from their probe mark. */
    const arrived = (handle: string) =>
      s.sites
        .requestsFor('instagram.com', `/${handle}/`)
        .map((r) => new URL(r.path, SITE).searchParams.get('probe') ?? r.path);

    it('the rules in force are the ones the list needs, cover rules included', async () => {
      const ext = await openExtensionPage(s.b, 'popup.html');
      const got = await ext.evaluate<{ recorded: unknown; inForce: DnrRule[] }>(`(async () => {
        const api = globalThis.browser || globalThis.chrome;
        const key = ${JSON.stringify(RULE_CHECK_KEY)};
        const recorded = (await api.storage.session.get(key))[key];
        return { recorded, inForce: await api.declarativeNetRequest.getDynamicRules() };
      })()`);
      await ext.close();
      const check = parseRuleCheck(got.recorded);
      expect(check?.unblocked).toEqual([]);
      // Read back in the browser's own shape, the rules still compare equal to those wanted.
      expect(compareRules(check!.rules, got.inForce)).toEqual({
        unblocked: [],
        missing: 0,
        extra: 0,
      });
      expect(got.inForce.filter((r) => inRange(COVER_RULE_IDS, r.id)).length).toBeGreaterThan(0);
    });

    it('a page of another site gets the same answers for a listed and an unlisted profile', async () => {
      const page = await open('https://example.org/_e2e/links');
      s.sites.clear();
      const listed = await page.evaluate<Record<string, string>>(
        `(${PROBE})(${JSON.stringify(`${SITE}/${LISTED}/`)})`,
      );
      const unlisted = await page.evaluate<Record<string, string>>(
        `(${PROBE})(${JSON.stringify(`${SITE}/${UNLISTED}/`)})`,
      );
      // A no-cors fetch of a platform address that names no one is still answered.
      const home = await page.evaluate<string>(
        `fetch(${JSON.stringify(`${SITE}/`)}, { mode: 'no-cors' }).then((r) => r.type, (e) => e.name)`,
      );
      await sleep(500);
      s.log(`listed:   ${JSON.stringify(listed)}`);
      s.log(`unlisted: ${JSON.stringify(unlisted)}`);
      s.log(`arrived for the listed: [${arrived(LISTED).join(' ')}]`);
      s.log(`arrived for the unlisted: [${arrived(UNLISTED).join(' ')}]`);
      expect(arrived(LISTED)).toEqual([]);
      // A blocked frame fires no load event in Firefox (docs/privacy.md); every other
      // answer is the same.
      const comparable = (r: Record<string, string>) => {
        const { iframe, ...rest } = r;
        return name === 'firefox' ? rest : { ...rest, iframe };
      };
      expect(comparable(listed)).toEqual(comparable(unlisted));
      expect(listed['fetch no-cors']).toBe('rejected TypeError');
      // Not a probe that fails whatever it asks: the unlisted profile's image request reached
      // the site, and its no-cors fetch was refused on the way (by the cover rules).
      expect(arrived(UNLISTED)).toContain('img');
      expect(arrived(UNLISTED)).not.toContain('nc');
      expect(home).toBe('opaque');
      await page.close();
    });

    it("the platform's own page asks for the listed profile in vain: nothing is sent", async () => {
      const page = await open(`${SITE}/_e2e/links`);
      s.sites.clear();
      const got = await page.evaluate<Record<string, string>>(`(async () => {
        const out = {};
        const run = async (kind, f) => {
          try { out[kind] = await f(); } catch (e) { out[kind] = 'rejected ' + e.name; }
        };
        await run('fetch', async () => (await fetch('/${LISTED}/?__a=1')).status);
        await run('XMLHttpRequest', () => new Promise((resolve) => {
          const x = new XMLHttpRequest();
          x.open('GET', '/${LISTED}/?xhr');
          x.onload = () => resolve('load ' + x.status);
          x.onerror = () => resolve('error');
          x.send();
        }));
        await run('sendBeacon', async () => navigator.sendBeacon('/${LISTED}/?beacon', 'seen'));
        await run('unlisted fetch', async () => (await fetch('/${UNLISTED}/')).status);
        return out;
      })()`);
      await sleep(500);
      s.log(
        `platform page: ${JSON.stringify(got)}; arrived for the listed: [${arrived(LISTED).join(' ')}]`,
      );
      expect(arrived(LISTED)).toEqual([]);
      expect(got).toMatchObject({ fetch: 'rejected TypeError', XMLHttpRequest: 'error' });
      // The cover rules leave the platform's own pages alone.
      expect(got['unlisted fetch']).toBe(200);
      expect(arrived(UNLISTED).length).toBeGreaterThan(0);
      await page.close();
    });

    it("the guard's wrappers look like the browser's own functions", async () => {
      const other = await open('https://example.org/_e2e/links');
      const expected = await other.evaluate<Record<string, unknown>>(LOOKS);
      await other.close();
      const page = await open(`${SITE}/_e2e/links`);
      const seen = await page.evaluate<Record<string, unknown>>(LOOKS);
      s.log(
        `another realm reads the platform page's fetch as ${JSON.stringify(await page.evaluate<string>(OTHER_REALM))}`,
      );
      expect(seen).toEqual(expected);
      expect(seen.thrownNamesExtension).toBe(false);
      // And they are the guard's: a route change to the listed profile is refused, and the
      // interstitial takes its place.
      s.sites.clear();
      const refused = await page.evaluate<string>(
        `(() => { try { history.pushState({}, '', '/${LISTED}/'); return 'went'; } catch (e) { return e.name + ': ' + e.message; } })()`,
      );
      expect(refused).toBe('AbortError: The operation was aborted.');
      await waitForHref(page, s.isInterstitial, 'the interstitial');
      expect(arrived(LISTED)).toEqual([]);
      await page.close();
    });
  });
}
