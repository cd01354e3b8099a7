import { say } from '@/lib/i18n';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchProfile } from '@/lib/match';
import { recognise, recogniseCustom } from '@/lib/profiles';
import { PLATFORM_DOMAINS } from '@/lib/profiles/hosts';
import type { Profile } from '@/lib/profiles/types';
import { compileRules, NON_MAIN_FRAME } from '@/lib/rules/compile';
import { evaluate } from '../helpers/dnr-eval';
import { INTERSTITIAL } from './fixtures';

/**
 * How to write an address for a generated handle, per platform and form. Handles never end
 * in a period here: no platform allows it, and a pasted address loses a trailing period
 * as sentence punctuation.
 */
interface Form {
  name: string;
  handle: RegExp;
  url: (h: string) => string;
  custom?: 'path';
  /** Whether a different case of the handle is the same account. */
  anyCase: boolean;
}

const FORMS: Form[] = [
  {
    name: 'instagram',
    handle: /^[a-z0-9._]{0,29}[a-z0-9_]$/,
    url: (h) => `https://www.instagram.com/${h}/`,
    anyCase: true,
  },
  {
    name: 'facebook',
    handle: /^[a-z][a-z0-9.]{3,20}[a-z0-9]$/,
    url: (h) => `https://www.facebook.com/${h}`,
    anyCase: true,
  },
  {
    name: 'facebook id',
    handle: /^[1-9][0-9]{4,15}$/,
    url: (h) => `https://www.facebook.com/profile.php?id=${h}`,
    anyCase: true,
  },
  {
    name: 'messenger',
    handle: /^[1-9][0-9]{4,15}$/,
    url: (h) => `https://www.messenger.com/t/${h}`,
    anyCase: true,
  },
  { name: 'x', handle: /^[a-z0-9_]{1,15}$/, url: (h) => `https://x.com/${h}`, anyCase: true },
  {
    name: 'threads',
    handle: /^[a-z0-9._]{0,29}[a-z0-9_]$/,
    url: (h) => `https://www.threads.net/@${h}`,
    anyCase: true,
  },
  {
    name: 'tiktok',
    handle: /^[a-z0-9._]{1,23}[a-z0-9_]$/,
    url: (h) => `https://www.tiktok.com/@${h}`,
    anyCase: true,
  },
  {
    name: 'linkedin',
    handle: /^[a-z0-9-]{3,40}$/,
    url: (h) => `https://www.linkedin.com/in/${h}/`,
    anyCase: true,
  },
  {
    name: 'snapchat',
    handle: /^[a-z][a-z0-9._-]{1,13}[a-z0-9]$/,
    url: (h) => `https://www.snapchat.com/add/${h}`,
    anyCase: true,
  },
  {
    name: 'reddit',
    handle: /^[a-z0-9_-]{3,20}$/,
    url: (h) => `https://www.reddit.com/user/${h}/`,
    anyCase: true,
  },
  {
    name: 'youtube handle',
    handle: /^[a-z0-9._-]{2,29}[a-z0-9_-]$/,
    url: (h) => `https://www.youtube.com/@${h}`,
    anyCase: true,
  },
  {
    name: 'youtube channel',
    handle: /^UC[A-Za-z0-9_-]{22}$/,
    url: (h) => `https://www.youtube.com/channel/${h}`,
    anyCase: false,
  },
  {
    name: 'bluesky',
    handle: /^[a-z0-9]{1,20}\.bsky\.social$/,
    url: (h) => `https://bsky.app/profile/${h}`,
    anyCase: true,
  },
  {
    name: 'pinterest',
    handle: /^[a-z0-9_]{3,30}$/,
    url: (h) => `https://www.pinterest.com/${h}/`,
    anyCase: true,
  },
  {
    name: 'tumblr',
    handle: /^[a-z0-9-]{1,32}$/,
    url: (h) => `https://${h}.tumblr.com/`,
    anyCase: true,
  },
  {
    name: 'twitch',
    handle: /^[a-z0-9_]{3,25}$/,
    url: (h) => `https://www.twitch.tv/${h}`,
    anyCase: true,
  },
  {
    name: 'custom path',
    handle: /^[a-z0-9-]{1,20}$/,
    url: (h) => `https://example.org/people/${h}`,
    custom: 'path',
    anyCase: true,
  },
];

const recogniseForm = (f: Form, h: string) =>
  f.custom ? recogniseCustom(f.url(h), f.custom) : recognise(f.url(h));

/** A handle of form `f` that the platform accepts as a profile (not one of its own pages). */
const ACCEPTED = new Map(
  FORMS.map((f) => [f, fc.stringMatching(f.handle).filter((h) => recogniseForm(f, h).ok)]),
);
const accepted = (f: Form) => ACCEPTED.get(f) ?? fc.constant('');

const toProfile = (f: Form, h: string): Profile => {
  const r = recogniseForm(f, h);
  if (!r.ok) throw new Error(say(r.words));
  return { ...r.profile, mode: 'block', addedAt: 0 };
};

const flipCase = (s: string, mask: boolean[]) =>
  [...s].map((c, i) => (mask[i % mask.length] ? c.toUpperCase() : c)).join('');

const RUNS = { numRuns: 150 };

describe('properties of recognition', () => {
  it.each(FORMS.map((f) => [f.name, f] as const))('%s: recognition is stable', (_, f) => {
    fc.assert(
      fc.property(accepted(f), (h) => {
        const p = toProfile(f, h);
        const again = f.custom ? recogniseCustom(p.url, f.custom) : recognise(p.url);
        expect(again.ok && again.profile.id).toBe(p.id);
        expect(matchProfile(f.url(h), [p])).toBe(p);
        expect(matchProfile(p.url, [p])).toBe(p);
      }),
      RUNS,
    );
  });

  it.each(FORMS.map((f) => [f.name, f] as const))('%s: look-alike handles never match', (_, f) => {
    fc.assert(
      fc.property(accepted(f), fc.constantFrom(...'az09_.-'), fc.boolean(), (h, c, before) => {
        const p = toProfile(f, h);
        // Facebook reads "jamie.doe" and "jamiedoe" as one name, so an extra period is
        // not another account there; and ".jamie.tumblr.com" is a subdomain of the blog.
        fc.pre(!(c === '.' && (p.platform === 'facebook' || p.platform === 'tumblr')));
        const other = before ? c + h : h + c;
        const url = f.url(other);
        expect(matchProfile(url, [p])).toBeNull();
        const rules = compileRules([p], { interstitialUrl: INTERSTITIAL });
        expect(evaluate(rules, { url: new URL(url).href, type: 'main_frame' }).action).toBe('none');
      }),
      RUNS,
    );
  });

  it.each(FORMS.map((f) => [f.name, f] as const))('%s: case follows the platform', (_, f) => {
    fc.assert(
      fc.property(
        accepted(f),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (h, mask) => {
          const p = toProfile(f, h);
          const cased = flipCase(h, mask);
          const url = f.url(cased);
          const expected = f.anyCase || cased === h ? p : null;
          expect(matchProfile(url, [p])).toBe(expected);
        },
      ),
      RUNS,
    );
  });
});

describe('the matcher and the compiled rules agree', () => {
  // Every platform host, custom-entry hosts, and hosts that only look like a platform's.
  const DOMAINS = [
    ...PLATFORM_DOMAINS,
    'example.org',
    'notinstagram.com',
    'instagram.com.evil.example',
    'xtwitter.com',
    'evil.example',
  ];
  const PREFIXES = [
    '',
    '@',
    'in/',
    'u/',
    'user/',
    'add/',
    's/',
    'c/',
    'channel/',
    'profile/',
    'stories/',
    'm/',
    't/',
    'e2ee/t/',
    'messages/t/',
    'people/Jamie-Doe/',
    'profile.php?id=',
    'profile.php?x=1&id=',
    'blog/view/',
    'people/',
    'explore/?u=',
    'search?q=',
  ];
  const SUFFIXES = ['', '/', '/x/y', '?q=1', '#f', '&sk=1', '.x', '2', '_', '-', '/?a=b#c'];

  const profileArb = fc
    .constantFrom(...FORMS)
    .chain((f) => accepted(f).map((h) => ({ profile: toProfile(f, h), handle: h })));

  /** An address built from parts: platform hosts, look-alike hosts, paths and suffixes. */
  const mixed = (handles: string[]) =>
    fc
      .record({
        scheme: fc.constantFrom('https', 'http'),
        sub: fc.constantFrom('', 'www.', 'm.', 'mobile.', 'old.', 'uk.', 'story.'),
        domain: fc.constantFrom(...DOMAINS),
        inHost: fc.boolean(),
        handle: fc.constantFrom(...handles),
        prefix: fc.constantFrom(...PREFIXES),
        suffix: fc.constantFrom(...SUFFIXES),
        mask: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      })
      .map((u) => {
        const h = flipCase(u.handle, u.mask);
        // Tumblr blogs and custom sites carry the name in the host.
        const host = u.inHost ? `${h.toLowerCase()}.${u.domain}` : u.sub + u.domain;
        return `${u.scheme}://${host}/${u.prefix}${h}${u.suffix}`;
      });

  /** A listed profile's own address, varied: another host, case, a sub-page, a neighbour. */
  const varied = (urls: string[]) =>
    fc
      .record({
        url: fc.constantFrom(...urls),
        host: fc.constantFrom('', 'm.', 'mobile.', 'web.', 'old.', 'uk.', 'x'),
        suffix: fc.constantFrom(...SUFFIXES),
        mask: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      })
      .map((v) => {
        const u = new URL(v.url);
        if (v.host) u.hostname = v.host + u.hostname.replace(/^www\./, '');
        return u.protocol + '//' + u.host + flipCase(u.pathname + u.search, v.mask) + v.suffix;
      });

  // Generous: the property compiles rules 1,500 times, on a machine that may be busy.
  it('on generated addresses', { timeout: 60_000 }, () => {
    let covered = 0;
    let notCovered = 0;
    fc.assert(
      fc.property(
        fc
          .array(profileArb, { minLength: 1, maxLength: 4 })
          .chain((entries) =>
            fc.tuple(
              fc.constant(entries.map((e) => e.profile)),
              fc.oneof(
                mixed(entries.map((e) => e.handle)),
                varied(entries.map((e) => e.profile.url)),
              ),
              fc.constantFrom(...NON_MAIN_FRAME),
            ),
          ),
        ([profiles, address, type]) => {
          let href: string;
          try {
            href = new URL(address).href;
          } catch {
            return;
          }
          const match = matchProfile(href, profiles);
          const rules = compileRules(profiles, { interstitialUrl: INTERSTITIAL });
          const main = evaluate(rules, { url: href, type: 'main_frame' });
          if (match) {
            covered++;
            expect(main).toMatchObject({
              action: 'redirect',
              redirectUrl: `${INTERSTITIAL}#${href}`,
            });
          } else {
            notCovered++;
            expect(main.action).toBe('none');
          }
          expect(evaluate(rules, { url: href, type }).action).toBe(match ? 'block' : 'none');
        },
      ),
      { numRuns: 1500 },
    );
    // Both sides of the property were exercised, not just the easy one.
    expect(covered).toBeGreaterThan(200);
    expect(notCovered).toBeGreaterThan(200);
  });
});
