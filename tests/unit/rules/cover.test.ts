import { describe, expect, it } from 'vitest';
import { sampleProfiles } from '@/bench/rules';
import { matchProfile } from '@/lib/match';
import { ASKED_DOMAINS, PLATFORM_DOMAINS } from '@/lib/profiles/hosts';
import { compileRules, NON_MAIN_FRAME } from '@/lib/rules/compile';
import {
  ANY_KEY,
  COVER_EXEMPT_REQUEST_DOMAINS,
  COVER_TYPES,
  coverRules,
  coverShapes,
  packRules,
  planCover,
} from '@/lib/rules/cover';
import type { DnrRule, ResourceType } from '@/lib/rules/dnr';
import { COVER_RULE_IDS } from '@/lib/rules/ids';
import { re2Size, REGEX_BUDGET } from '@/lib/rules/regex';
import { evaluate } from '../helpers/dnr-eval';
import { CHANNEL_ID, INTERSTITIAL, listed } from '../profiles/fixtures';

/** A listed profile of every platform and form, with an unlisted one of the same form. */
const PAIRS: [listedUrl: string, unlistedUrl: string][] = [
  ['https://www.instagram.com/jamie.doe/', 'https://www.instagram.com/alex.rivera/'],
  ['https://www.facebook.com/jamie.doe', 'https://www.facebook.com/alex.rivera'],
  [
    'https://www.facebook.com/profile.php?id=1000123',
    'https://www.facebook.com/profile.php?id=2000456',
  ],
  ['https://www.messenger.com/t/100077', 'https://www.messenger.com/t/200088'],
  ['https://x.com/jamie', 'https://x.com/alex'],
  ['https://www.threads.net/@jamie.doe', 'https://www.threads.net/@alex.rivera'],
  ['https://www.tiktok.com/@jamie.doe', 'https://www.tiktok.com/@alex.rivera'],
  ['https://www.linkedin.com/in/jamie-doe/', 'https://www.linkedin.com/in/alex-rivera/'],
  ['https://www.snapchat.com/add/jamie', 'https://www.snapchat.com/add/alex'],
  ['https://www.reddit.com/user/jamie/', 'https://www.reddit.com/user/alex/'],
  ['https://www.youtube.com/@jamie', 'https://www.youtube.com/@alex'],
  ['https://www.youtube.com/c/JamieDoe', 'https://www.youtube.com/c/AlexRivera'],
  ['https://www.youtube.com/user/jamiedoe', 'https://www.youtube.com/user/alexrivera'],
  [
    `https://www.youtube.com/channel/${CHANNEL_ID}`,
    'https://www.youtube.com/channel/UCz9Y8x7W6v5U4t3S2r1Q0pO',
  ],
  ['https://bsky.app/profile/jamie.bsky.social', 'https://bsky.app/profile/alex.bsky.social'],
  ['https://www.pinterest.com/jamie/', 'https://www.pinterest.com/alex/'],
  ['https://jamie.tumblr.com/', 'https://alex.tumblr.com/'],
  ['https://www.twitch.tv/jamie', 'https://www.twitch.tv/alex'],
];
const profiles = PAIRS.map(([url]) => listed(url));
const all: DnrRule[] = [
  ...compileRules(profiles, { interstitialUrl: INTERSTITIAL }),
  ...coverRules(profiles),
];
const OTHER_SITE = 'https://example.org/page';
const OTHER_TYPES = NON_MAIN_FRAME.filter((t) => !COVER_TYPES.includes(t));
const act = (url: string, type: ResourceType, initiator?: string) =>
  evaluate(all, { url, type, initiator }).action;

describe('cover rules', () => {
  it('the pairs are one listed and one unlisted profile of the same form', () => {
    for (const [listedUrl, unlistedUrl] of PAIRS) {
      expect(matchProfile(listedUrl, profiles), listedUrl).not.toBeNull();
      expect(matchProfile(unlistedUrl, profiles), unlistedUrl).toBeNull();
    }
  });

  it.each(PAIRS)(
    'a page of another site gets the same answer for %s and %s',
    (listedUrl, unlistedUrl) => {
      for (const type of COVER_TYPES) {
        expect(act(listedUrl, type, OTHER_SITE), type).toBe('block');
        expect(act(unlistedUrl, type, OTHER_SITE), type).toBe('block');
      }
      // A request no one started (the person's own, or the browser's) is another site's too.
      expect(act(unlistedUrl, 'xmlhttprequest')).toBe('block');
    },
  );

  it.each(PAIRS)('leaves the rest of %s and %s as it was', (listedUrl, unlistedUrl) => {
    // The platform's own pages, the person's visits and other kinds of request.
    const own = new URL(unlistedUrl).origin + '/';
    for (const type of COVER_TYPES) expect(act(unlistedUrl, type, own), type).toBe('none');
    for (const type of OTHER_TYPES) {
      expect(act(unlistedUrl, type, OTHER_SITE), type).toBe('none');
      expect(act(listedUrl, type, OTHER_SITE), type).toBe('block');
    }
    expect(act(unlistedUrl, 'main_frame', OTHER_SITE)).toBe('none');
    // The listed profile stays blocked from its own platform's pages.
    for (const type of NON_MAIN_FRAME) expect(act(listedUrl, type, own), type).toBe('block');
  });

  it('leaves addresses that name no account alone', () => {
    for (const url of [
      'https://www.instagram.com/',
      'https://x.com/',
      'https://www.reddit.com/user/',
      'https://example.com/jamie',
    ]) {
      expect(act(url, 'xmlhttprequest', OTHER_SITE), url).toBe('none');
    }
  });

  it('exist only for the platforms and forms with a listed profile', () => {
    expect(coverRules([])).toEqual([]);
    const insta = coverRules([listed('https://www.instagram.com/jamie.doe/')]);
    expect(insta.length).toBeGreaterThan(0);
    const rules = [...insta];
    const ask = (url: string) =>
      evaluate(rules, { url, type: 'xmlhttprequest', initiator: OTHER_SITE }).action;
    expect(ask('https://www.instagram.com/alex.rivera/')).toBe('block');
    expect(ask('https://x.com/alex')).toBe('none');
  });

  it('make none for custom sites, whose key is the site itself', () => {
    const custom = [
      listed('https://example.com/', 'site'),
      listed('https://blog.example.org/jamie', 'path'),
    ];
    expect(coverShapes(custom)).toEqual([]);
    expect(coverRules(custom)).toEqual([]);
  });

  it('write each shape once, whatever the order and number of profiles', () => {
    const shapes = coverShapes(profiles);
    const keys = shapes.map((g) => JSON.stringify([g.head, g.tail]));
    expect(new Set(keys).size).toBe(keys.length);
    for (const g of shapes) expect(g.keys).toEqual([ANY_KEY]);
    const more = [...profiles, ...sampleProfiles(300)];
    expect(coverRules([...more].reverse())).toEqual(coverRules(more));
    // A second profile of a form listed already adds nothing.
    expect(coverRules([...profiles, listed('https://www.instagram.com/sam_lee/')])).toEqual(
      coverRules(profiles),
    );
  });

  it('are few, and each regex fits the RE2 budget', () => {
    const rules = coverRules(sampleProfiles(500));
    expect(rules.length).toBeLessThanOrEqual(40);
    for (const r of rules) {
      expect(re2Size(r.condition.regexFilter, false)).toBeLessThanOrEqual(REGEX_BUDGET);
    }
    // A small budget packs fewer shapes into each regex, never drops one.
    const tight = planCover(profiles, 60).flat();
    expect(tight).toEqual(planCover(profiles).flat());
  });

  it('are blocks of their own ID range that spare every platform page, the chat apps included', () => {
    const rules = coverRules(profiles);
    rules.forEach((r, i) => {
      expect(r.id).toBe(COVER_RULE_IDS.first + i);
      expect(r.action).toEqual({ type: 'block' });
      expect(r.priority).toBe(1);
      expect(r.condition.resourceTypes).toEqual(COVER_TYPES);
      expect(r.condition.isUrlFilterCaseSensitive).toBe(false);
      expect(new Set(r.condition.excludedInitiatorDomains)).toEqual(
        new Set([...PLATFORM_DOMAINS, ...ASKED_DOMAINS]),
      );
    });
    for (const r of rules) {
      expect(r.condition.excludedRequestDomains).toEqual([...COVER_EXEMPT_REQUEST_DOMAINS]);
    }
    const many = Array.from({ length: 1001 }, () => planCover(profiles)[0]!);
    expect(() => packRules(many)).toThrow(/rule ID range/);
  });

  it("never refuse other sites' calls to the platforms' programming interfaces", () => {
    for (const url of [
      'https://graph.facebook.com/v19.0/me',
      'https://graph.facebook.com/alex.rivera',
      'https://api.x.com/alex',
      'https://i.instagram.com/alex.rivera/',
      'https://gql.twitch.tv/alex',
    ]) {
      expect(act(url, 'xmlhttprequest', OTHER_SITE), url).toBe('none');
    }
    // The same shapes on the hosts that show profiles are still covered.
    expect(act('https://www.facebook.com/alex.rivera', 'xmlhttprequest', OTHER_SITE)).toBe('block');
  });
});
