import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { say } from '@/lib/i18n';
import { matchProfile } from '@/lib/match';
import { recognise, recogniseCustom } from '@/lib/profiles';
import type { Profile } from '@/lib/profiles/types';
import { compileRules, NON_MAIN_FRAME } from '@/lib/rules/compile';
import { evaluate } from '../helpers/dnr-eval';
import { INTERSTITIAL, listed } from '../profiles/fixtures';

/*
 * Every spelling of a listed address is stopped, and nothing near it is. For each platform
 * and form, a generated account and the addresses that show it (the profile, its short and
 * country hosts, intents, embeds, pop-outs) are spelled as a person could type them:
 * characters percent-encoded at random (either case of hex), slashes doubled, the host
 * written with a trailing dot, in another case, with its default port. The compiled rules,
 * evaluated the way the browser does, must stop every spelling before a request; the
 * matcher (what the interstitial and the page-side guard ask) must name the profile; and
 * pasting the spelling must list the same profile. Look-alike accounts and the platform's
 * own pages, spelled the same odd ways, must stay allowed.
 */

interface Form {
  name: string;
  handle: RegExp;
  /** Addresses that show the account `h`; the first is the one it is listed by. */
  shows: (h: string) => string[];
  custom?: 'path';
  /** The platform's own pages, which must load whatever is listed. */
  own: string[];
}

const FORMS: Form[] = [
  {
    name: 'instagram',
    handle: /^[a-z0-9][a-z0-9._]{0,20}[a-z0-9_]$/,
    shows: (h) => [
      `https://www.instagram.com/${h}/`,
      `https://instagr.am/${h}`,
      `https://www.instagram.com/stories/${h}/3100/`,
      `https://www.instagram.com/_u/${h}`,
      `https://ig.me/m/${h}`,
    ],
    own: ['https://www.instagram.com/explore/', 'https://www.instagram.com/p/Cabc123/'],
  },
  {
    name: 'facebook',
    handle: /^[a-z][a-z0-9.]{3,20}[a-z0-9]$/,
    shows: (h) => [
      `https://www.facebook.com/${h}`,
      `https://fb.me/${h}`,
      `https://fb.gg/${h}`,
      `https://www.facebook.com/watch/${h}/`,
      `https://m.me/${h}`,
    ],
    own: ['https://www.facebook.com/marketplace/', 'https://www.facebook.com/groups/4242/'],
  },
  {
    name: 'facebook id',
    handle: /^[1-9][0-9]{4,14}$/,
    shows: (h) => [
      `https://www.facebook.com/profile.php?id=${h}`,
      `https://www.facebook.com/${h}`,
      `https://www.facebook.com/permalink.php?story_fbid=5&id=${h}`,
      `https://www.facebook.com/groups/4242/user/${h}/`,
      `https://www.messenger.com/t/${h}`,
    ],
    own: ['https://www.facebook.com/photo.php?fbid=5', 'https://www.messenger.com/'],
  },
  {
    name: 'x',
    handle: /^[a-z0-9_]{1,15}$/,
    shows: (h) => [
      `https://x.com/${h}`,
      `https://twitter.com/${h}/status/1790000000000`,
      `https://x.com/intent/user?screen_name=${h}`,
      `https://twitter.com/intent/follow?screen_name=${h}`,
      `https://syndication.twitter.com/srv/timeline-profile/screen-name/${h}`,
    ],
    own: ['https://x.com/home', 'https://x.com/intent/user?user_id=17'],
  },
  {
    name: 'threads',
    handle: /^[a-z0-9][a-z0-9._]{0,20}[a-z0-9_]$/,
    shows: (h) => [
      `https://www.threads.net/@${h}`,
      `https://www.threads.com/@${h}/post/C1abc`,
      `https://www.threads.net/intent/follow?username=${h}`,
    ],
    own: ['https://www.threads.net/search'],
  },
  {
    name: 'tiktok',
    handle: /^[a-z0-9][a-z0-9._]{0,20}[a-z0-9_]$/,
    shows: (h) => [
      `https://www.tiktok.com/@${h}`,
      `https://www.tiktok.com/@${h}/video/7300000000000000000`,
      `https://www.tiktok.com/embed/@${h}`,
    ],
    own: ['https://www.tiktok.com/foryou', 'https://www.tiktok.com/embed/v2/7300000000000000000'],
  },
  {
    name: 'linkedin',
    handle: /^[a-z0-9][a-z0-9-]{2,30}[a-z0-9]$/,
    shows: (h) => [
      `https://www.linkedin.com/in/${h}/`,
      `https://uk.linkedin.com/in/${h}/details/`,
      `https://www.linkedin.com/comm/in/${h}`,
      `https://www.linkedin.com/posts/${h}_new-role-activity-7100-AbCd`,
    ],
    own: ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/company/acme/'],
  },
  {
    name: 'snapchat',
    handle: /^[a-z][a-z0-9._-]{1,13}[a-z0-9]$/,
    shows: (h) => [
      `https://www.snapchat.com/add/${h}`,
      `https://www.snapchat.com/@${h}`,
      `https://story.snapchat.com/s/${h}`,
    ],
    own: ['https://www.snapchat.com/discover'],
  },
  {
    name: 'reddit',
    handle: /^[a-z0-9_-]{3,20}$/,
    shows: (h) => [
      `https://www.reddit.com/user/${h}/`,
      `https://old.reddit.com/u/${h}/comments/`,
      `https://www.reddit.com/r/u_${h}/`,
      `https://www.reddit.com/message/compose/?to=${h}`,
    ],
    own: ['https://www.reddit.com/r/pics/', 'https://www.reddit.com/message/inbox/'],
  },
  {
    name: 'youtube handle',
    handle: /^[a-z0-9][a-z0-9._-]{2,20}[a-z0-9_-]$/,
    shows: (h) => [`https://www.youtube.com/@${h}`, `https://m.youtube.com/@${h}/videos`],
    own: ['https://www.youtube.com/feed/subscriptions', 'https://www.youtube.com/results?q=x'],
  },
  {
    name: 'youtube user',
    handle: /^[a-z0-9][a-z0-9_-]{2,20}$/,
    shows: (h) => [
      `https://www.youtube.com/user/${h}`,
      `https://www.youtube.com/feeds/videos.xml?user=${h}`,
      `https://www.youtube.com/subscription_center?add_user=${h}`,
    ],
    own: ['https://www.youtube.com/feed/trending'],
  },
  {
    name: 'youtube channel',
    handle: /^UC[A-Za-z0-9_-]{22}$/,
    shows: (h) => [
      `https://www.youtube.com/channel/${h}`,
      `https://music.youtube.com/channel/${h}`,
      `https://www.youtube.com/embed/live_stream?channel=${h}`,
      `https://www.youtube-nocookie.com/embed/live_stream?channel=${h}`,
      `https://www.youtube.com/feeds/videos.xml?channel_id=${h}`,
    ],
    own: ['https://www.youtube.com/watch?v=abc', 'https://www.youtube-nocookie.com/embed/abc'],
  },
  {
    name: 'bluesky',
    handle: /^[a-z0-9]{1,20}\.bsky\.social$/,
    shows: (h) => [`https://bsky.app/profile/${h}`, `https://bsky.app/profile/${h}/post/3k`],
    own: ['https://bsky.app/search?q=x'],
  },
  {
    name: 'pinterest',
    handle: /^[a-z0-9_]{3,30}$/,
    shows: (h) => [
      `https://www.pinterest.com/${h}/`,
      `https://www.pinterest.de/${h}/`,
      `https://www.pinterest.com.mx/${h}/_saved/`,
      `https://www.pinterest.co.kr/${h}/`,
      `https://br.pinterest.com/${h}/`,
    ],
    own: ['https://www.pinterest.com/pin/1234/', 'https://www.pinterest.jp/ideas/'],
  },
  {
    name: 'tumblr',
    handle: /^[a-z0-9][a-z0-9-]{0,20}$/,
    shows: (h) => [
      `https://${h}.tumblr.com/`,
      `https://www.tumblr.com/${h}`,
      `https://www.tumblr.com/follow/${h}`,
    ],
    own: ['https://www.tumblr.com/dashboard', 'https://www.tumblr.com/explore/trending'],
  },
  {
    name: 'twitch',
    handle: /^[a-z0-9_]{3,20}$/,
    shows: (h) => [
      `https://www.twitch.tv/${h}`,
      `https://www.twitch.tv/popout/${h}/chat`,
      `https://www.twitch.tv/embed/${h}/chat?parent=example.org`,
      `https://player.twitch.tv/?channel=${h}&parent=example.org`,
    ],
    own: ['https://www.twitch.tv/directory', 'https://player.twitch.tv/?video=123'],
  },
  {
    name: 'custom path',
    handle: /^[a-z0-9][a-z0-9-]{0,19}$/,
    shows: (h) => [`https://example.org/people/${h}`, `https://www.example.org/people/${h}/photos`],
    custom: 'path',
    own: ['https://example.org/about'],
  },
];

const listedBy = (f: Form, h: string) => f.shows(h)[0] ?? '';
const recogniseForm = (f: Form, h: string) =>
  f.custom ? recogniseCustom(listedBy(f, h), f.custom) : recognise(listedBy(f, h));

const ACCEPTED = new Map(
  FORMS.map((f) => [f, fc.stringMatching(f.handle).filter((h) => recogniseForm(f, h).ok)]),
);
const accepted = (f: Form) => ACCEPTED.get(f) ?? fc.constant('');

const toProfile = (f: Form, h: string): Profile => {
  const r = recogniseForm(f, h);
  if (!r.ok) throw new Error(say(r.words));
  return { ...r.profile, mode: 'block', addedAt: 0 };
};

/** How to spell an address oddly; each choice is drawn at random. */
interface Spelling {
  /** Per character of the path and query: encode it (when it may be encoded)? */
  encode: boolean[];
  upperHex: boolean[];
  /** Per slash of the path: double it? */
  double: boolean[];
  trailingDot: boolean;
  defaultPort: boolean;
  hostCase: boolean[];
}

const spelling = (withEscapes: boolean): fc.Arbitrary<Spelling> =>
  fc.record({
    encode: withEscapes
      ? fc.array(fc.boolean(), { minLength: 1, maxLength: 12 })
      : fc.constant([false]),
    upperHex: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
    double: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    trailingDot: fc.boolean(),
    defaultPort: fc.boolean(),
    hostCase: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
  });

const at = <T>(xs: T[], i: number): T => xs[i % xs.length] as T;

// Characters whose encoded form is the same address: RFC 3986's unreserved ones, and the
// "@" before a handle.
const ENCODABLE = /[A-Za-z0-9._~@-]/;

/** `address` spelled the way `s` says. */
function spell(address: string, s: Spelling): string {
  const url = new URL(address);
  let host = [...url.hostname].map((c, i) => (at(s.hostCase, i) ? c.toUpperCase() : c)).join('');
  if (s.trailingDot) host += '.';
  const port = s.defaultPort ? (url.protocol === 'https:' ? ':443' : ':80') : '';
  let slash = 0;
  let char = 0;
  const rest = [...(url.pathname + url.search)]
    .map((c) => {
      if (c === '/') return at(s.double, slash++) ? '//' : '/';
      if (!ENCODABLE.test(c) || !at(s.encode, char++)) return c;
      const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
      return `%${at(s.upperHex, char) ? hex.toUpperCase() : hex}`;
    })
    .join('');
  return `${url.protocol}//${host}${port}${rest}`;
}

/** What the browser does with a request for `href` under `rules`, for a page and for the rest. */
function outcome(rules: ReturnType<typeof compileRules>, href: string) {
  const page = evaluate(rules, { url: href, type: 'main_frame' });
  const others = new Set(NON_MAIN_FRAME.map((type) => evaluate(rules, { url: href, type }).action));
  return { page, others };
}

// Other listed profiles beside the one under test, as a real list has.
const NEIGHBOURS = [
  listed('https://www.instagram.com/sam_lee/'),
  listed('https://x.com/someone_else'),
  listed('https://www.youtube.com/@someone'),
];

const RUNS = { numRuns: 60 };

describe('every spelling of a listed address is stopped', () => {
  it.each(FORMS.map((f) => [f.name, f] as const))(
    '%s: generated spellings are stopped before any request, and name the profile',
    (_, f) => {
      fc.assert(
        fc.property(accepted(f), fc.nat(), spelling(true), (h, pick, s) => {
          const p = toProfile(f, h);
          const rules = compileRules([p, ...NEIGHBOURS], { interstitialUrl: INTERSTITIAL });
          const shows = f.shows(h);
          const address = spell(at(shows, pick), s);
          const href = new URL(address).href;
          const { page, others } = outcome(rules, href);
          expect(page, address).toMatchObject({
            action: 'redirect',
            redirectUrl: `${INTERSTITIAL}#${href}`,
          });
          expect(others, address).toEqual(new Set(['block']));
          expect(matchProfile(href, [...NEIGHBOURS, p])?.id, address).toBe(p.id);
          // Pasted, it is the same entry, or one the listed profile already covers. (m.me/<name>
          // pasted is a Messenger conversation, an entry of its own by design.)
          if (new URL(href).hostname.replace(/\.$/, '') === 'm.me') return;
          const again = f.custom
            ? recogniseCustom(address, f.custom, [p])
            : recognise(address, [p]);
          expect(again, address).toMatchObject({
            ok: false,
            reason: 'already-listed',
            coveredBy: p.id,
          });
        }),
        RUNS,
      );
    },
  );

  it.each(FORMS.map((f) => [f.name, f] as const))(
    '%s: look-alike accounts and the platform’s own pages stay allowed, however spelled',
    (_, f) => {
      fc.assert(
        fc.property(
          accepted(f),
          fc.constantFrom(...'az09_-'),
          fc.boolean(),
          fc.nat(),
          spelling(false),
          (h, c, before, pick, s) => {
            const p = toProfile(f, h);
            // LinkedIn writes a post's address as <slug>_<title>, so "<slug>_" is no other
            // account there (slugs have no "_").
            fc.pre(!(f.name === 'linkedin' && c === '_'));
            const other = before ? c + h : h + c;
            const rules = compileRules([p, ...NEIGHBOURS], { interstitialUrl: INTERSTITIAL });
            const near = [...f.shows(other), ...f.own];
            const address = spell(at(near, pick), s);
            const href = new URL(address).href;
            // A trailing dot is a hand-made spelling: the rules stop it on the platform's
            // hosts whoever it names (see escapedSpellings), and the matcher reads it plainly.
            if (!s.trailingDot) expect(outcome(rules, href).page.action, address).toBe('none');
            expect(matchProfile(href, [p, ...NEIGHBOURS]), address).toBeNull();
          },
        ),
        RUNS,
      );
    },
  );

  it.each(FORMS.map((f) => [f.name, f] as const))(
    '%s: an encoded spelling of another account is named by no listed profile',
    (_, f) => {
      fc.assert(
        fc.property(
          accepted(f),
          fc.constantFrom(...'az09_'),
          fc.nat(),
          spelling(true),
          (h, c, pick, s) => {
            const p = toProfile(f, h);
            fc.pre(!(f.name === 'linkedin' && c === '_'));
            const address = spell(at(f.shows(h + c), pick), s);
            expect(matchProfile(new URL(address).href, [p]), address).toBeNull();
          },
        ),
        RUNS,
      );
    },
  );
});

describe('the spelling generator', () => {
  // The properties above prove something only if the generator really makes odd spellings.
  it('encodes, doubles slashes, adds a trailing dot and a port, and changes case', () => {
    const s: Spelling = {
      encode: [true, false],
      upperHex: [true],
      double: [true],
      trailingDot: true,
      defaultPort: true,
      hostCase: [true, false],
    };
    expect(spell('https://x.com/intent/user?screen_name=ab', s)).toBe(
      'https://X.CoM.:443//%69n%74e%6Et//%75s%65r?%73c%72e%65n%5Fn%61m%65=a%62',
    );
    expect(new URL(spell('https://x.com/ab', s)).href).toBe('https://x.com.//%61b');
  });
});
