import { describe, expect, it } from 'vitest';
import { recognise } from '@/lib/profiles';
import type { Profile } from '@/lib/profiles/types';
import { fitsBrowser, ruleNeeds } from '@/lib/rules/budget';
import { chunkOwners, planChunks } from '@/lib/rules/compile';
import { COVER_RULE_IDS, PROFILE_RULE_IDS } from '@/lib/rules/ids';
import { BROWSER_REGEX_RULES_MAX } from '@/lib/limits';
import type { BrowserName, E2EPage } from './harness/browsers';
import {
  bodyText,
  byLabel,
  clickNamed,
  openExtensionPage,
  setPlan,
  storedValue,
  todayLocal,
  waitFor,
  waitForHref,
  waitForText,
} from './harness/helpers';
import { browserSuite } from './harness/suite';

/*
 * The browsers' rule limits (lib/limits.ts): a list near the limit is installed, one more
 * profile is refused by the form with its reason, and the rules in force are checked
 * against the list after every update, so a refused update or a missing rule is said, on
 * the options page and in the popup, instead of "It is blocked from now on".
 */

const handle = (i: number) => `jamie.doe.${String(i).padStart(5, '0')}x`;
const address = (h: string) => `https://www.instagram.com/${h}/`;

function profile(h: string): Profile {
  const r = recognise(address(h));
  if (!r.ok) throw new Error(`${h} was not recognised`);
  return { ...r.profile, mode: 'block', addedAt: Date.now() };
}
const instagram = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => profile(handle(from + i)));

/** The longest list of such profiles that fits; the next handle's profile does not. */
function nearLimit(): { list: Profile[]; next: Profile } {
  let lo = 1;
  let hi = 4000;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fitsBrowser(ruleNeeds(instagram(mid)))) lo = mid + 1;
    else hi = mid;
  }
  return { list: instagram(lo - 1), next: profile(handle(lo - 1)) };
}

const api = '(globalThis.browser || globalThis.chrome)';

/** Our dynamic rules (the profiles' range), read from an extension page. */
const ownRuleCount = (page: E2EPage) =>
  page.evaluate<number>(
    `${api}.declarativeNetRequest.getDynamicRules().then((rs) => rs.filter((r) => (r.id >= ${PROFILE_RULE_IDS.first} && r.id <= ${PROFILE_RULE_IDS.last}) || (r.id >= ${COVER_RULE_IDS.first} && r.id <= ${COVER_RULE_IDS.last})).length)`,
  );

/** Writes the list straight into the stored settings (a person would take hours to type it). */
async function seedProfiles(page: E2EPage, profiles: Profile[]) {
  await page.evaluate(`(async () => {
    const { settings } = await ${api}.storage.local.get('settings');
    settings.profiles = ${JSON.stringify(profiles)};
    await ${api}.storage.local.set({ settings });
  })()`);
}

/** Other rules with a regex, outside our range (ids from 1), as another feature might hold. */
async function addForeignRegexRules(page: E2EPage, n: number) {
  await page.evaluate(`${api}.declarativeNetRequest.updateDynamicRules({
    addRules: Array.from({ length: ${n} }, (_, i) => ({
      id: i + 1,
      priority: 1,
      action: { type: 'block' },
      condition: { regexFilter: '^https://foreign-' + i + '\\\\.invalid/', resourceTypes: ['main_frame'] },
    })),
  })`);
}

/**
 * Changes a setting that has nothing to do with the rules (the pause), so the background
 * syncs the rules again: an update of the rules, as any save would start.
 */
async function touchSettings(page: E2EPage) {
  await page.evaluate(`(async () => {
    const { settings } = await ${api}.storage.local.get('settings');
    settings.friction.pauseSeconds = settings.friction.pauseSeconds === 5 ? 6 : 5;
    await ${api}.storage.local.set({ settings });
  })()`);
}

async function removeForeignRules(page: E2EPage) {
  await page.evaluate(`${api}.declarativeNetRequest.getDynamicRules().then((rs) =>
    ${api}.declarativeNetRequest.updateDynamicRules({
      removeRuleIds: rs.filter((r) => r.id < ${PROFILE_RULE_IDS.first}).map((r) => r.id),
    }))`);
}

const WARNING = 'Some listed profiles are not blocked right now';

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`${name}: the browser's rule limits`, () => {
    const s = browserSuite(name);
    const { log } = s;
    const { list, next } = nearLimit();
    const needed = ruleNeeds(list).rules;
    let ext: E2EPage;

    /**
     * A typed visit to `h`'s profile: expects the interstitial (or, not `blocked`, a request
     * to reach the site); returns how many requests for it reached the site.
     */
    async function visit(h: string, blocked: boolean) {
      const { b, sites } = s;
      sites.clear();
      const page = await b.newPage();
      page.goto(address(h));
      if (blocked) {
        await waitForHref(page, s.isInterstitial, 'the interstitial');
      } else {
        // No rule stops it, so the request goes out (the page-side guard may still take
        // the tab to the interstitial once the page has arrived).
        await waitFor(
          () => Promise.resolve(sites.requestsFor('instagram.com', `/${h}`).length > 0),
          `a request for /${h}`,
        );
        // Closing a tab in the middle of its navigation once hung Chromium's close().
        await waitForHref(
          page,
          (href) => href.startsWith('https://www.instagram.com/') || s.isInterstitial(href),
          'the tab to arrive',
        );
      }
      const count = sites.requestsFor('instagram.com', `/${h}`).length;
      await page.close();
      return count;
    }

    it('installs every rule of a list seeded near the limit', { timeout: 120_000 }, async () => {
      const { b } = s;
      await setPlan(b, todayLocal());
      ext = await openExtensionPage(b, 'popup.html');
      log(`seeding ${list.length} profiles, which need ${needed} rules`);
      await seedProfiles(ext, list);
      await waitFor(
        async () => (await ownRuleCount(ext)) === needed,
        `${needed} rules in force`,
        60_000,
      );
      log(
        `rules in force: ${await ownRuleCount(ext)} (at most ${BROWSER_REGEX_RULES_MAX} regex rules)`,
      );
      expect(await visit(list.at(-1)!.key, true)).toBe(0);
    });

    it('refuses one more profile in the form, says why and what to do, and saves nothing', async () => {
      const { b } = s;
      const page = await openExtensionPage(b, 'options.html#profiles');
      await page.type(await byLabel(page, 'Profile address'), address(next.key));
      await clickNamed(page, 'Add profile');
      await waitForText(page, 'can block only so many profiles at once');
      const text = await bodyText(page);
      const said = text.split('\n').find((l) => l.includes('can block only so many')) ?? '';
      log(`the form says: ${said}`);
      expect(said).toContain(`your list of ${list.length} is at that limit`);
      expect(said).toContain('Remove profiles you no longer need');
      expect(text).not.toContain('It is blocked from now on');
      const stored = await storedValue<{ profiles: unknown[] }>(page, 'settings');
      expect(stored?.profiles.length).toBe(list.length);
      expect(await ownRuleCount(page)).toBe(needed);
      await page.close();
    });

    it('a rule gone from the browser: both pages warn, and a covered profile still sends nothing', async () => {
      const { b } = s;
      // The first regex's two rules, removed directly, behind the extension's back.
      const gone = chunkOwners(planChunks(list)[0]!);
      const goneShown = list.find((p) => p.id === gone[0])!.display;
      await ext.evaluate(
        `${api}.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [${PROFILE_RULE_IDS.first}, ${PROFILE_RULE_IDS.first + 1}] })`,
      );
      expect(await ownRuleCount(ext)).toBe(needed - 2);

      const options = await openExtensionPage(b, 'options.html#profiles');
      await waitForText(options, `${WARNING}: ${goneShown}`);
      log(
        `options page: ${(await bodyText(options)).split('\n').find((l) => l.includes(WARNING))}`,
      );
      const popup = await openExtensionPage(b, 'popup.html');
      await waitForText(popup, WARNING);
      await waitForText(popup, `Not blocked: ${goneShown}`);
      await popup.close();

      // The warning is true: that profile's page reaches the site; one still covered does not.
      const open = await visit(gone[0]!.split(':')[1]!, false);
      log(`requests for a profile whose rules were removed: ${open}`);
      expect(open).toBeGreaterThan(0);
      const covered = await visit(list.at(-1)!.key, true);
      log(`requests for a profile still covered: ${covered}`);
      expect(covered).toBe(0);

      // The next update of the rules puts them back, and the warning goes.
      await touchSettings(ext);
      await waitFor(async () => (await ownRuleCount(ext)) === needed, 'the rules put back');
      await waitFor(async () => !(await bodyText(options)).includes(WARNING), 'the warning to go');
      await options.close();
      expect(await visit(gone[0]!.split(':')[1]!, true)).toBe(0);
    });

    it('an update the browser refuses: the form tells the truth, the page warns, and it heals', async () => {
      const { b } = s;
      // A short list, then other regex rules up to the browser's limit: the pre-check passes,
      // the browser refuses.
      let n = 4;
      while (ruleNeeds(instagram(n + 1)).rules === ruleNeeds(instagram(n)).rules) n++;
      const small = instagram(n);
      const extra = profile(handle(n));
      const smallRules = ruleNeeds(small).rules;
      await seedProfiles(ext, small);
      await waitFor(async () => (await ownRuleCount(ext)) === smallRules, `${smallRules} rules`);
      await addForeignRegexRules(ext, BROWSER_REGEX_RULES_MAX - smallRules);

      const page = await openExtensionPage(b, 'options.html#profiles');
      await page.type(await byLabel(page, 'Profile address'), address(extra.key));
      await clickNamed(page, 'Add profile');
      await waitForText(page, 'did not accept the rules');
      const text = await bodyText(page);
      log(`the form says: ${text.split('\n').find((l) => l.includes('did not accept')) ?? ''}`);
      expect(text).not.toContain('It is blocked from now on');
      await waitForText(page, `${WARNING}: ${extra.display}`);
      const stored = await storedValue<{ profiles: { id: string }[] }>(page, 'settings');
      expect(stored?.profiles.map((p) => p.id)).toContain(extra.id);

      // Room again: the next update goes through, the warning goes, and it is blocked.
      await removeForeignRules(ext);
      await touchSettings(ext);
      await waitFor(
        async () => (await ownRuleCount(ext)) === ruleNeeds([...small, extra]).rules,
        'the rules of the whole list',
      );
      await waitFor(async () => !(await bodyText(page)).includes(WARNING), 'the warning to go');
      await page.close();
      const requests = await visit(extra.key, true);
      log(`requests for the profile once its rules are in force: ${requests}`);
      expect(requests).toBe(0);
    });
  });
}
