import { describe, expect, it } from 'vitest';
import { originPatternsFor, recognise } from '@/lib/profiles';
import type { BrowserName, E2EBrowser, E2EPage } from './harness/browsers';
import { browserSuite, type Suite } from './harness/suite';
import {
  bodyText,
  byLabel,
  clickNamed,
  dynamicRuleCount,
  openExtensionPage,
  setPlanAndList,
  sleep,
  todayLocal,
  waitFor,
  waitForHref,
  waitForText,
} from './harness/helpers';

/*
 * Listed conversations, against the fake sites: a chat thread listed through the options
 * page is stopped before anything naming it is sent (the thread's page, its messages, its
 * read receipt), whether typed or opened inside the platform's own single-page app, while
 * the platform's inbox and other people's threads load. The chat apps whose hosts are
 * asked for when such a conversation is listed (Discord, Telegram Web, WhatsApp) are
 * covered in both browsers too. Automation cannot answer the browser's permission prompt,
 * so it is answered beforehand (harness allowHostRequests): Chromium gets the very origins
 * the product asks for granted through chrome://extensions' own developerPrivate API, and
 * Firefox gets its test preference that accepts optional-permission requests. The
 * product's permissions.request still runs from the form's click and must succeed for the
 * conversation to be listed; only the prompt's "Allow" button goes untested. (Without this,
 * the request waits on the prompt in both browsers and nothing is listed.)
 */

/** A chat platform whose hosts the manifest gives: one listed thread, one other, the inbox. */
interface Thread {
  platform: string;
  origin: string;
  /** The listed thread's id, which every leaked request would name. */
  id: string;
  path: (id: string) => string;
  inbox: string;
  shown: string;
  other: string;
}

const THREADS: Thread[] = [
  {
    platform: 'Instagram Direct',
    origin: 'https://www.instagram.com',
    id: '1122334455667788',
    path: (id) => `/direct/t/${id}/`,
    inbox: '/direct/inbox/',
    shown: 'Instagram · conversation 1122334455667788',
    other: '1122334455667799',
  },
  {
    platform: 'X messages',
    origin: 'https://x.com',
    id: '1234567890-9876543210',
    path: (id) => `/messages/${id}`,
    inbox: '/messages',
    shown: 'X · conversation 1234567890-9876543210',
    other: '1234567890-5555555555',
  },
  {
    platform: 'LinkedIn messaging',
    origin: 'https://www.linkedin.com',
    // A thread id as LinkedIn writes them today: "2-", base64, "=" padding.
    id: '2-YjE3NzI0ZTctZjY1Ni00YzQ0LWE0ZTAtNjYxYmQ1OGRhMWIxXzAxMA==',
    path: (id) => `/messaging/thread/${id}/`,
    inbox: '/messaging/',
    shown: 'LinkedIn · conversation 2-YjE3NzI0ZTctZjY1Ni00YzQ0LWE0ZTAtNjYxYmQ1OGRhMWIxXzAxMA==',
    other: '2-ZDk4ZjFhYjMtNGU1Ni00N2E4LWI5YzAtMTIzNDU2Nzg5YWJjXzAxMA==',
  },
];

/** WhatsApp, listed by the number as a person types it. */
const PHONE_TYPED = '+44 7700 900123';
const PHONE = '447700900123';
const OTHER_PHONE = '447700900124';
const DISCORD = '112233445566778899';
const OTHER_DISCORD = '998877665544332211';
const TELEGRAM = 'jamie_doe';
const OTHER_TELEGRAM = 'robin_other';

/** The conversations on hosts asked for when listed: address typed into the form, as listed. */
const ASKED = [
  { address: PHONE_TYPED, shown: `WhatsApp · +${PHONE}` },
  {
    address: `https://discord.com/channels/@me/${DISCORD}`,
    shown: `Discord · conversation ${DISCORD}`,
  },
  { address: `https://web.telegram.org/k/#@${TELEGRAM}`, shown: `Telegram · @${TELEGRAM}` },
];

/** What the product asks the browser for when these are listed (its own function). */
function askedOrigins(): string[] {
  return [
    ...new Set(
      ASKED.flatMap(({ address }) => {
        const r = recognise(address, []);
        if (!r.ok) throw new Error(`${address} is not recognised: ${r.reason}`);
        return originPatternsFor(r.profile);
      }),
    ),
  ];
}

/**
 * Lists a conversation through the options page as a person does (the add form is the
 * profiles' own: "Profile address", "Add profile") and waits until it is in the list and
 * rules are installed. A refusal shown by the form (a permission not given, say) fails at
 * once with the form's words.
 */
async function listConversation(b: E2EBrowser, address: string, shown: string) {
  const page = await openExtensionPage(b, 'options.html#profiles');
  const field = await byLabel(page, 'Profile address');
  await page.type(field, address);
  await clickNamed(page, 'Add profile');
  const outcome = await waitFor(
    () =>
      page.evaluate<string | null>(`(() => {
        const listed = [...document.querySelectorAll('[aria-label="Listed profiles"] li')]
          .some((li) => li.textContent.includes(${JSON.stringify(shown)}));
        if (listed) return 'listed';
        const field = document.querySelector(${JSON.stringify(field)});
        const note = field && document.getElementById(field.getAttribute('aria-describedby') || '');
        return field && field.getAttribute('aria-invalid') === 'true' && note ? 'refused: ' + note.textContent : null;
      })()`),
    `"${shown}" in the list of profiles`,
    20_000,
  );
  if (outcome !== 'listed') throw new Error(`${address} was not listed (${outcome})`);
  await waitFor(async () => (await dynamicRuleCount(page)) > 0, 'blocking rules to be installed');
  await page.close();
}

/** The page-side guard's registration for the asked hosts, read from an extension page. */
function registeredGuardMatches(extPage: E2EPage): Promise<string[]> {
  return extPage.evaluate<string[]>(
    `(globalThis.browser || globalThis.chrome).scripting.getRegisteredContentScripts().then((s) => s.flatMap((c) => c.matches || []))`,
  );
}

const hostOf = (url: string) => new URL(url).hostname;

/**
 * Waits for the fake site's page for exactly `hostAndPath` ("x.com/messages"), with its
 * app started (it has drawn its view; `__route` exists from then on). The heading alone
 * would also be found in the page before ("x.com/messages/123-456") while the navigation
 * is still under way, and is parsed before the app's script runs.
 */
function waitForFakePage(page: E2EPage, hostAndPath: string) {
  return waitFor(
    () =>
      page.evaluate<boolean>(
        `document.getElementById('fake-page')?.textContent === ${JSON.stringify(`Fake ${hostAndPath}`)} &&
          !!document.getElementById('view')?.textContent && typeof window.__route === 'function'`,
      ),
    `the fake page of ${hostAndPath}`,
  );
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: a listed conversation is stopped before anything naming it is sent`, () => {
    const s: Suite = browserSuite(name, async () => {
      // The platforms' threads stored as the options page stores them; the conversations
      // on asked hosts through its form, whose click asks the browser for their hosts (a
      // listing stored without that grant would be one no person could make).
      await setPlanAndList(
        s.b,
        todayLocal(),
        THREADS.map((t): [string, string] => [t.origin + t.path(t.id), t.shown]),
      );
      await s.b.allowHostRequests(askedOrigins());
      for (const { address, shown } of ASKED) await listConversation(s.b, address, shown);
      // The guard for the asked hosts is registered by the background once they are given.
      const ext = await openExtensionPage(s.b, 'popup.html');
      const matches = await waitFor(async () => {
        const m = await registeredGuardMatches(ext);
        return ['discord.com', 'web.telegram.org', 'wa.me', 'whatsapp.com'].every((h) =>
          m.includes(`*://${h}/*`),
        )
          ? m
          : null;
      }, 'the page-side guard to be registered for the asked hosts');
      s.log(`page-side guard registered for ${matches.length} patterns`);
      await ext.close();
    });

    /** The tab ends on the interstitial, and after the "seen" delay nothing named `id`. */
    async function expectStopped(page: E2EPage, id: string, how: string) {
      await waitForHref(page, s.isInterstitial, `the interstitial (${how})`);
      await waitFor(
        () =>
          page.evaluate<boolean>(
            `!!document.querySelector('#app') && document.querySelector('#app').childElementCount > 0`,
          ),
        'the interstitial to render',
      );
      // The read receipt goes 300 ms after a thread renders: give it time to show up.
      await sleep(500);
      const leaked = s.sites.requestsNaming(id);
      s.log(
        `${how}: requests naming ${id} = ${leaked.length}${leaked.map((r) => ` ${r.host}${r.path} [${r.dest}]`).join('')}`,
      );
      expect(leaked).toEqual([]);
    }

    /** The page loads from the fake site and its app draws `text`; requests naming `id` are counted. */
    async function expectLoads(page: E2EPage, text: string, id: string, how: string) {
      await waitForText(page, text);
      // The app's fetch for it leaves as the view is drawn: wait for it to be logged.
      const sent = await waitFor(
        () => Promise.resolve(s.sites.requestsNaming(id).length),
        `a request naming ${id} (${how})`,
        5000,
      ).catch(() => 0);
      s.log(`${how}: loads; requests naming ${id} = ${sent}`);
      expect(sent).toBeGreaterThan(0);
      expect(s.isInterstitial(await page.href())).toBe(false);
      expect(await bodyText(page)).toContain(text);
    }

    describe.each(THREADS)('$platform', (t) => {
      it('a typed visit to the listed thread lands on the interstitial, sending nothing', async () => {
        s.sites.clear();
        const page = await s.b.newPage();
        page.goto(t.origin + t.path(t.id));
        await expectStopped(page, t.id, `${t.platform}, typed`);
        await page.close();
      });

      it("the app's own route change to it from the inbox is stopped", async () => {
        const page = await s.b.newPage();
        page.goto(t.origin + t.inbox);
        await waitForFakePage(page, hostOf(t.origin) + t.inbox);
        s.sites.clear();
        await page.evaluate(`window.__route(${JSON.stringify(t.path(t.id))})`).catch(() => {});
        await expectStopped(page, t.id, `${t.platform}, router pushState from the inbox`);
        await page.close();
      });

      it('an in-page link to it on the platform is stopped', async () => {
        const page = await s.b.newPage();
        page.goto(`${t.origin}/_e2e/links?spa&to=${encodeURIComponent(t.path(t.id))}`);
        await waitForText(page, 'Route /_e2e/links');
        s.sites.clear();
        await page.click('#link-0');
        await expectStopped(page, t.id, `${t.platform}, in-page link`);
        await page.close();
      });

      it('another thread and the inbox load, typed and in-page', async () => {
        const page = await s.b.newPage();
        s.sites.clear();
        page.goto(t.origin + t.path(t.other));
        await expectLoads(page, `Thread ${t.other}`, t.other, `${t.platform}, other thread typed`);

        s.sites.clear();
        page.goto(t.origin + t.inbox);
        await waitForFakePage(page, hostOf(t.origin) + t.inbox);
        const inbox = s.sites.requestsFor(hostOf(t.origin), t.inbox.replace(/\/$/, ''));
        s.log(`${t.platform}, inbox typed: requests for ${t.inbox} = ${inbox.length}`);
        expect(inbox.length).toBeGreaterThan(0);

        s.sites.clear();
        // The guard may still be reading the list from storage just after the load: then it
        // is unsure, refuses the in-page route (the app sees an AbortError) and sends the
        // address to the network, where the rules let it load. Either way the thread loads.
        const routed = await page
          .evaluate(`window.__route(${JSON.stringify(t.path(t.other))})`)
          .then(() => 'in-page')
          .catch((e: unknown) => {
            if (!String(e).includes('AbortError')) throw e;
            return 'to the network (the guard was unsure)';
          });
        s.log(`${t.platform}, other thread routed ${routed}`);
        await expectLoads(
          page,
          `Thread ${t.other}`,
          t.other,
          `${t.platform}, other thread in-page`,
        );
        await page.close();
      });
    });

    describe('WhatsApp, listed by number', () => {
      it('a typed wa.me address of the number is stopped', async () => {
        s.sites.clear();
        const page = await s.b.newPage();
        page.goto(`https://wa.me/${PHONE}`);
        await expectStopped(page, PHONE, 'wa.me typed');
        await page.close();
      });

      it('a wa.me link clicked on another site is stopped', async () => {
        const page = await s.b.newPage();
        page.goto(
          `https://example.org/_e2e/links?to=${encodeURIComponent(`https://wa.me/+${PHONE}`)}`,
        );
        await waitForText(page, 'Route /_e2e/links');
        s.sites.clear();
        await page.click('#link-0');
        await expectStopped(page, PHONE, 'wa.me link clicked');
        await page.close();
      });

      it('an api.whatsapp.com/send?phone= address of the number is stopped', async () => {
        s.sites.clear();
        const page = await s.b.newPage();
        page.goto(`https://api.whatsapp.com/send?phone=${PHONE}&text=hi`);
        await expectStopped(page, PHONE, 'api.whatsapp.com/send?phone= typed');
        await page.close();
      });

      it('another number loads, by either address', async () => {
        const page = await s.b.newPage();
        for (const url of [
          `https://wa.me/${OTHER_PHONE}`,
          `https://api.whatsapp.com/send?phone=${OTHER_PHONE}`,
        ]) {
          s.sites.clear();
          page.goto(url);
          await waitForFakePage(page, hostOf(url) + new URL(url).pathname);
          const sent = s.sites.requestsNaming(OTHER_PHONE);
          s.log(`other number, ${url}: loads; requests naming it = ${sent.length}`);
          expect(sent.length).toBeGreaterThan(0);
        }
        await page.close();
      });
    });

    describe('Telegram Web, the chat in the fragment', () => {
      const chatList = 'https://web.telegram.org/k/';

      it('loading the listed chat address lands on the interstitial', async () => {
        s.sites.clear();
        const page = await s.b.newPage();
        page.goto(`${chatList}#@${TELEGRAM}`);
        await expectStopped(page, TELEGRAM, 'Telegram chat address loaded');
        await page.close();
      });

      it('on the chat list, setting the fragment to the listed chat is stopped', async () => {
        const page = await s.b.newPage();
        page.goto(chatList);
        await waitForText(page, 'Chat list');
        s.sites.clear();
        await page.evaluate(`location.hash = '#@${TELEGRAM}'`);
        await expectStopped(page, TELEGRAM, 'Telegram fragment set on the chat list');
        await page.close();
      });

      it("another chat's fragment is not stopped", async () => {
        const page = await s.b.newPage();
        page.goto(chatList);
        await waitForText(page, 'Chat list');
        s.sites.clear();
        await page.evaluate(`location.hash = '#@${OTHER_TELEGRAM}'`);
        await expectLoads(
          page,
          `Chat @${OTHER_TELEGRAM}`,
          OTHER_TELEGRAM,
          'Telegram, another chat by fragment',
        );
        expect(await page.href()).toBe(`${chatList}#@${OTHER_TELEGRAM}`);
        await page.close();
      });
    });

    describe('Discord direct messages', () => {
      const origin = 'https://discord.com';

      it('a typed visit to the listed channel is stopped', async () => {
        s.sites.clear();
        const page = await s.b.newPage();
        page.goto(`${origin}/channels/@me/${DISCORD}`);
        await expectStopped(page, DISCORD, 'Discord channel typed');
        await page.close();
      });

      it('the direct-message list loads, and a route change from it to the channel is stopped', async () => {
        const page = await s.b.newPage();
        s.sites.clear();
        page.goto(`${origin}/channels/@me`);
        await waitForFakePage(page, 'discord.com/channels/@me');
        const list = s.sites.requestsFor('discord.com', '/channels/@me');
        s.log(`Discord, /channels/@me typed: requests = ${list.length}`);
        expect(list.length).toBeGreaterThan(0);
        s.sites.clear();
        await page.evaluate(`window.__route('/channels/@me/${DISCORD}')`).catch(() => {});
        await expectStopped(page, DISCORD, 'Discord, router pushState from the list');
        await page.close();
      });

      it('another channel loads', async () => {
        s.sites.clear();
        const page = await s.b.newPage();
        page.goto(`${origin}/channels/@me/${OTHER_DISCORD}`);
        await expectLoads(
          page,
          `Thread ${OTHER_DISCORD}`,
          OTHER_DISCORD,
          'Discord, another channel',
        );
        expect(await bodyText(page)).toContain(`Fake discord.com/channels/@me/${OTHER_DISCORD}`);
        await page.close();
      });
    });

    describe("a conversation's blocked page", () => {
      it('says what is at stake and writes it here instead: a draft kept, an urge to write counted', async () => {
        const t = THREADS[0]!;
        s.sites.clear();
        const page = await s.b.newPage();
        page.goto(t.origin + t.path(t.id));
        await expectStopped(page, t.id, `${t.platform}, to write instead`);
        await waitForText(page, 'No Contact means no messages first of all');
        // Writing it here comes first and has the focus.
        expect(
          await page.evaluate<string>(
            `document.activeElement && document.activeElement.textContent`,
          ),
        ).toBe('Write it here instead');
        await clickNamed(page, 'Write it here instead');
        await waitForText(page, 'What you want to tell them');
        await page.type(await byLabel(page, 'What you want to tell them'), 'Can we talk tonight?');
        await clickNamed(page, 'Keep it here');
        await waitForText(page, 'Nothing was sent, and the conversation stays blocked');
        expect(s.isInterstitial(await page.href())).toBe(true);
        expect(s.sites.requestsNaming(t.id)).toEqual([]);
        await page.close();

        const popup = await openExtensionPage(s.b, 'popup.html');
        await waitForText(popup, 'Urges to write, resisted in all');
        const counted = await popup.evaluate<string>(
          `[...document.querySelectorAll('dt')].find((d) => d.textContent === 'Urges to write, resisted in all').nextElementSibling.textContent`,
        );
        s.log(`after writing it here instead: urges to write = ${counted}`);
        expect(counted).toBe('1');
        await popup.close();
        const drafts = await openExtensionPage(s.b, 'options.html#drafts');
        await waitForText(drafts, 'Can we talk tonight?');
        await drafts.close();
      });
    });
  });
}
