import { say } from '@/lib/i18n';
import { describe, expect, it } from 'vitest';
import { matchProfile } from '@/lib/match';
import { originPatternsFor, recognise, recogniseCustom } from '@/lib/profiles';
import type { Recognition } from '@/lib/profiles/types';
import { CHANNEL_ID, listed } from './fixtures';

const ok = (r: Recognition) => {
  if (!r.ok) throw new Error(`refused: ${r.reason}: ${say(r.words)}`);
  return r.profile;
};

/** [pasted, id, display]: every URL form each platform module reads. */
const FORMS: [string, string, string][] = [
  ['https://www.instagram.com/jamie.doe/', 'instagram:jamie.doe', 'Instagram · @jamie.doe'],
  ['instagram.com/Jamie.Doe', 'instagram:jamie.doe', 'Instagram · @jamie.doe'],
  [
    'https://www.instagram.com/jamie.doe/reels/?hl=en',
    'instagram:jamie.doe',
    'Instagram · @jamie.doe',
  ],
  [
    'https://www.instagram.com/stories/jamie.doe/3100/',
    'instagram:jamie.doe',
    'Instagram · @jamie.doe',
  ],
  ['https://ig.me/m/jamie.doe', 'instagram:jamie.doe', 'Instagram · @jamie.doe'],
  ['https://www.facebook.com/jamie.doe', 'facebook:jamie.doe', 'Facebook · jamie.doe'],
  ['m.facebook.com/Jamie.Doe?ref=bookmarks', 'facebook:jamie.doe', 'Facebook · jamie.doe'],
  ['https://mbasic.facebook.com/jamie.doe/about', 'facebook:jamie.doe', 'Facebook · jamie.doe'],
  ['https://web.facebook.com/jamie.doe', 'facebook:jamie.doe', 'Facebook · jamie.doe'],
  ['https://fb.com/jamie.doe', 'facebook:jamie.doe', 'Facebook · jamie.doe'],
  [
    'https://www.facebook.com/profile.php?id=1000123',
    'facebook:id:1000123',
    'Facebook · profile 1000123',
  ],
  [
    'https://www.facebook.com/profile.php?sk=photos&id=1000123',
    'facebook:id:1000123',
    'Facebook · profile 1000123',
  ],
  [
    'https://www.facebook.com/people/Jamie-Doe/1000123/',
    'facebook:id:1000123',
    'Facebook · profile 1000123',
  ],
  ['https://www.facebook.com/1000123', 'facebook:id:1000123', 'Facebook · profile 1000123'],
  ['https://www.messenger.com/t/1000123', 'messenger:1000123', 'Messenger · conversation 1000123'],
  [
    'https://www.messenger.com/e2ee/t/1000123/',
    'messenger:1000123',
    'Messenger · conversation 1000123',
  ],
  ['https://www.facebook.com/messages/t/jamie.doe', 'messenger:jamie.doe', 'Messenger · jamie.doe'],
  [
    'https://www.facebook.com/messages/e2ee/t/1000123',
    'messenger:1000123',
    'Messenger · conversation 1000123',
  ],
  ['https://m.me/jamie.doe', 'messenger:jamie.doe', 'Messenger · jamie.doe'],
  ['https://x.com/Jamie', 'x:jamie', 'X · @jamie'],
  ['https://twitter.com/jamie/status/1790000000000', 'x:jamie', 'X · @jamie'],
  ['https://mobile.twitter.com/jamie', 'x:jamie', 'X · @jamie'],
  ['https://www.threads.net/@jamie.doe', 'threads:jamie.doe', 'Threads · @jamie.doe'],
  ['https://www.threads.com/@Jamie.Doe/post/C1', 'threads:jamie.doe', 'Threads · @jamie.doe'],
  ['https://www.tiktok.com/@jamie.doe', 'tiktok:jamie.doe', 'TikTok · @jamie.doe'],
  [
    'https://www.tiktok.com/@jamie.doe/video/7300000000000000000',
    'tiktok:jamie.doe',
    'TikTok · @jamie.doe',
  ],
  ['https://www.linkedin.com/in/jamie-doe/', 'linkedin:jamie-doe', 'LinkedIn · jamie-doe'],
  ['https://uk.linkedin.com/in/Jamie-Doe', 'linkedin:jamie-doe', 'LinkedIn · jamie-doe'],
  ['https://www.linkedin.com/in/jos%C3%A9-doe/', 'linkedin:jos%c3%a9-doe', 'LinkedIn · josé-doe'],
  ['https://www.snapchat.com/add/jamie', 'snapchat:jamie', 'Snapchat · jamie'],
  ['https://www.snapchat.com/@Jamie', 'snapchat:jamie', 'Snapchat · jamie'],
  ['https://story.snapchat.com/@jamie', 'snapchat:jamie', 'Snapchat · jamie'],
  ['https://story.snapchat.com/s/jamie', 'snapchat:jamie', 'Snapchat · jamie'],
  ['https://www.reddit.com/user/jamie/', 'reddit:jamie', 'Reddit · u/jamie'],
  ['https://old.reddit.com/u/Jamie', 'reddit:jamie', 'Reddit · u/jamie'],
  ['https://np.reddit.com/user/jamie/comments', 'reddit:jamie', 'Reddit · u/jamie'],
  ['https://www.youtube.com/@Jamie', 'youtube:@jamie', 'YouTube · @jamie'],
  ['https://www.youtube.com/c/JamieDoe/videos', 'youtube:c:jamiedoe', 'YouTube · c/jamiedoe'],
  ['https://www.youtube.com/JamieDoe', 'youtube:c:jamiedoe', 'YouTube · c/jamiedoe'],
  ['https://www.youtube.com/user/JamieDoe', 'youtube:user:jamiedoe', 'YouTube · user/jamiedoe'],
  [
    `https://m.youtube.com/channel/${CHANNEL_ID}`,
    `youtube:channel:${CHANNEL_ID}`,
    `YouTube · channel ${CHANNEL_ID}`,
  ],
  [
    'https://bsky.app/profile/Jamie.bsky.social',
    'bluesky:jamie.bsky.social',
    'Bluesky · @jamie.bsky.social',
  ],
  [
    'https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx',
    'bluesky:did:plc:abcdefghijklmnopqrstuvwx',
    'Bluesky · did:plc:abcdefghijklmnopqrstuvwx',
  ],
  [
    'https://bsky.app/profile/did%3Aplc%3Aabcdefghijklmnopqrstuvwx',
    'bluesky:did:plc:abcdefghijklmnopqrstuvwx',
    'Bluesky · did:plc:abcdefghijklmnopqrstuvwx',
  ],
  ['https://www.pinterest.com/jamie/', 'pinterest:jamie', 'Pinterest · jamie'],
  ['https://www.pinterest.co.uk/Jamie/recipes/', 'pinterest:jamie', 'Pinterest · jamie'],
  ['https://jamie.tumblr.com/', 'tumblr:jamie', 'Tumblr · jamie'],
  ['https://Jamie.tumblr.com/post/1/x', 'tumblr:jamie', 'Tumblr · jamie'],
  ['https://www.tumblr.com/jamie', 'tumblr:jamie', 'Tumblr · jamie'],
  ['https://tumblr.com/jamie/123', 'tumblr:jamie', 'Tumblr · jamie'],
  ['https://www.tumblr.com/blog/view/jamie', 'tumblr:jamie', 'Tumblr · jamie'],
  ['https://www.twitch.tv/Jamie', 'twitch:jamie', 'Twitch · jamie'],
  ['https://m.twitch.tv/jamie/videos', 'twitch:jamie', 'Twitch · jamie'],
  // Short and country hosts.
  ['https://instagr.am/jamie.doe', 'instagram:jamie.doe', 'Instagram · @jamie.doe'],
  ['https://fb.me/jamie.doe', 'facebook:jamie.doe', 'Facebook · jamie.doe'],
  ['https://fb.gg/Jamie.Doe', 'facebook:jamie.doe', 'Facebook · jamie.doe'],
  ['https://www.pinterest.com.mx/jamie/', 'pinterest:jamie', 'Pinterest · jamie'],
  ['https://www.pinterest.co.kr/jamie/', 'pinterest:jamie', 'Pinterest · jamie'],
  // Intents, embeds, pop-outs and posts that name the account.
  ['https://www.instagram.com/_u/jamie.doe', 'instagram:jamie.doe', 'Instagram · @jamie.doe'],
  ['https://www.facebook.com/watch/jamie.doe/', 'facebook:jamie.doe', 'Facebook · jamie.doe'],
  [
    'https://www.facebook.com/permalink.php?story_fbid=5&id=1000123',
    'facebook:id:1000123',
    'Facebook · profile 1000123',
  ],
  [
    'https://www.facebook.com/groups/4242/user/1000123/',
    'facebook:id:1000123',
    'Facebook · profile 1000123',
  ],
  ['https://x.com/intent/user?screen_name=Jamie', 'x:jamie', 'X · @jamie'],
  ['https://twitter.com/intent/follow?screen_name=jamie', 'x:jamie', 'X · @jamie'],
  [
    'https://syndication.twitter.com/srv/timeline-profile/screen-name/jamie',
    'x:jamie',
    'X · @jamie',
  ],
  [
    'https://www.threads.net/intent/follow?username=jamie.doe',
    'threads:jamie.doe',
    'Threads · @jamie.doe',
  ],
  ['https://www.tiktok.com/embed/@jamie.doe', 'tiktok:jamie.doe', 'TikTok · @jamie.doe'],
  ['https://www.linkedin.com/comm/in/jamie-doe', 'linkedin:jamie-doe', 'LinkedIn · jamie-doe'],
  [
    'https://www.linkedin.com/posts/jamie-doe_new-role-activity-7100-AbCd',
    'linkedin:jamie-doe',
    'LinkedIn · jamie-doe',
  ],
  ['https://www.reddit.com/r/u_jamie/', 'reddit:jamie', 'Reddit · u/jamie'],
  ['https://www.reddit.com/message/compose/?to=Jamie', 'reddit:jamie', 'Reddit · u/jamie'],
  [
    'https://www.youtube.com/subscription_center?add_user=JamieDoe',
    'youtube:user:jamiedoe',
    'YouTube · user/jamiedoe',
  ],
  [
    `https://www.youtube-nocookie.com/embed/live_stream?channel=${CHANNEL_ID}`,
    `youtube:channel:${CHANNEL_ID}`,
    `YouTube · channel ${CHANNEL_ID}`,
  ],
  ['https://www.tumblr.com/follow/jamie', 'tumblr:jamie', 'Tumblr · jamie'],
  ['https://www.twitch.tv/popout/jamie/chat', 'twitch:jamie', 'Twitch · jamie'],
  ['https://player.twitch.tv/?channel=Jamie&parent=x.org', 'twitch:jamie', 'Twitch · jamie'],
  // Odd shapes of the same address.
  ['https://www.instagram.com/jamie%2Edoe', 'instagram:jamie.doe', 'Instagram · @jamie.doe'],
  ['https://www.instagram.com//jamie.doe', 'instagram:jamie.doe', 'Instagram · @jamie.doe'],
  ['https://www.tiktok.com/%40Jamie.Doe', 'tiktok:jamie.doe', 'TikTok · @jamie.doe'],
  ['https://www.linkedin.com/in/jamie%2Ddoe/', 'linkedin:jamie-doe', 'LinkedIn · jamie-doe'],
  ['https://x.com/intent/user?screen_name=j%61mie', 'x:jamie', 'X · @jamie'],
];

describe('recognise: every URL form', () => {
  it.each(FORMS)('%s -> %s', (pasted, id, display) => {
    const p = ok(recognise(pasted));
    expect(p.id).toBe(id);
    expect(p.display).toBe(display);
    expect(p.id).toBe(`${p.platform}:${p.key}`);
  });

  it.each(FORMS)(
    '%s is covered by the profile it makes, and so is its canonical address',
    (pasted) => {
      const p = ok(recognise(pasted));
      const href = new URL(/^https?:/.test(pasted) ? pasted : `https://${pasted}`).href;
      expect(matchProfile(href, [p])).toBe(p);
      expect(matchProfile(p.url, [p])).toBe(p);
      expect(ok(recognise(p.url)).id).toBe(p.id);
    },
  );
});

describe('recognise: what a person pastes', () => {
  it.each([
    ['  https://www.instagram.com/jamie.doe/  '],
    ['\thttps://www.instagram.com/jamie.doe\n'],
    ['www.instagram.com/jamie.doe'],
    ['//www.instagram.com/jamie.doe'],
    ['HTTPS://WWW.INSTAGRAM.COM/JAMIE.DOE'],
    ['https://www.instagram.com/jamie.doe.'],
    ['https://www.instagram.com/jamie.doe,'],
    ['https://www.instagram.com/jamie.doe!'],
    ['"https://www.instagram.com/jamie.doe"'],
    ['“https://www.instagram.com/jamie.doe”'],
    ['<https://www.instagram.com/jamie.doe>'],
    ['(https://www.instagram.com/jamie.doe)'],
    ['instagram.com./jamie.doe'],
    ['https://www.instagram.com:443/jamie.doe'],
    ['http://instagram.com:80/jamie.doe'],
    ['https://WWW.Instagram.COM./Jamie.Doe/'],
    ['https://www.instagram.com//jamie.doe//'],
    ['https://www.instagram.com/stories//jamie.doe/'],
    ['https://www.instagram.com/jamie%2edoe'],
    ['https://www.instagram.com/%6A%61%6D%69%65%2E%64%6F%65/'],
    ['Look at this: https://www.instagram.com/jamie.doe?igsh=x please'],
    ['see www.instagram.com/jamie.doe'],
  ])('%j -> instagram:jamie.doe', (pasted) => {
    expect(ok(recognise(pasted)).id).toBe('instagram:jamie.doe');
  });
});

describe('recognise: refusals in plain words', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['jamie', 'not-an-address'],
    ['@jamie.doe', 'not-an-address'],
    ['just some words', 'not-an-address'],
    ['https://', 'not-an-address'],
    ['http://[::1', 'not-an-address'],
    ['javascript:alert(1)', 'not-http'],
    ['mailto:jamie@example.com', 'not-http'],
    ['ftp://instagram.com/jamie.doe', 'not-http'],
    ['data:text/html,hi', 'not-http'],
    ['chrome://settings', 'not-http'],
    ['https://www.instagram.com/', 'not-a-profile'],
    ['https://www.instagram.com/explore/', 'not-a-profile'],
    ['https://www.instagram.com/explore/tags/jamie/', 'not-a-profile'],
    ['https://www.instagram.com/p/Cabc123/', 'not-a-profile'],
    ['https://www.instagram.com/reel/Cabc123/', 'not-a-profile'],
    ['https://www.instagram.com/direct/inbox/', 'not-a-conversation'],
    ['https://www.instagram.com/accounts/edit/', 'not-a-profile'],
    ['https://www.instagram.com/stories/highlights/1790/', 'not-a-profile'],
    ['https://www.facebook.com/', 'not-a-profile'],
    ['https://www.facebook.com/groups/123', 'not-a-profile'],
    ['https://www.facebook.com/watch?v=1', 'not-a-profile'],
    ['https://www.facebook.com/marketplace/item/1', 'not-a-profile'],
    ['https://www.facebook.com/photo.php?fbid=1', 'not-a-profile'],
    ['https://www.facebook.com/profile.php', 'not-a-profile'],
    ['https://www.facebook.com/permalink.php?story_fbid=1', 'not-a-profile'],
    ['https://www.facebook.com/hashtag/jamie', 'not-a-profile'],
    ['https://www.messenger.com/', 'not-a-profile'],
    ['https://x.com/home', 'not-a-profile'],
    ['https://x.com/explore', 'not-a-profile'],
    ['https://x.com/search?q=jamie', 'not-a-profile'],
    ['https://x.com/i/web/status/1790000000000', 'not-a-profile'],
    ['https://x.com/settings/profile', 'not-a-profile'],
    ['https://x.com/messages', 'not-a-conversation'],
    ['https://x.com/notifications', 'not-a-profile'],
    ['https://x.com/hashtag/jamie', 'not-a-profile'],
    ['https://x.com/compose/post', 'not-a-profile'],
    ['https://twitter.com/i/lists/1', 'not-a-profile'],
    ['https://www.threads.net/', 'not-a-profile'],
    ['https://www.threads.net/search', 'not-a-profile'],
    ['https://www.tiktok.com/foryou', 'not-a-profile'],
    ['https://www.tiktok.com/tag/jamie', 'not-a-profile'],
    ['https://www.linkedin.com/feed/', 'not-a-profile'],
    ['https://www.linkedin.com/company/acme/', 'not-a-profile'],
    ['https://www.snapchat.com/discover', 'not-a-profile'],
    ['https://www.reddit.com/r/pics/', 'not-a-profile'],
    ['https://www.reddit.com/', 'not-a-profile'],
    ['https://www.youtube.com/watch?v=abc', 'not-a-profile'],
    ['https://www.youtube.com/results?search_query=jamie', 'not-a-profile'],
    ['https://www.youtube.com/shorts/abc', 'not-a-profile'],
    ['https://www.youtube.com/channel/not-an-id', 'not-a-profile'],
    ['https://bsky.app/', 'not-a-profile'],
    ['https://bsky.app/search?q=jamie', 'not-a-profile'],
    ['https://www.pinterest.com/pin/123/', 'not-a-profile'],
    ['https://www.pinterest.com/search/pins/?q=jamie', 'not-a-profile'],
    ['https://www.pinterest.com/ideas/', 'not-a-profile'],
    ['https://www.pinterest.com/today/', 'not-a-profile'],
    ['https://www.tumblr.com/dashboard', 'not-a-profile'],
    ['https://www.tumblr.com/explore/trending', 'not-a-profile'],
    ['https://www.tumblr.com/blog/jamie', 'not-a-profile'],
    ['https://api.tumblr.com/v2/blog', 'not-a-profile'],
    ['https://www.twitch.tv/directory', 'not-a-profile'],
    ['https://www.twitch.tv/videos/12345', 'not-a-profile'],
    ['https://www.twitch.tv/settings/profile', 'not-a-profile'],
    ['https://www.twitch.tv/downloads', 'not-a-profile'],
    ['https://player.twitch.tv/?video=12345', 'not-a-profile'],
    ['https://x.com/intent/user?user_id=1790000000000', 'not-a-profile'],
    ['https://x.com/intent/like?tweet_id=1', 'not-a-profile'],
    ['https://www.threads.net/intent/post?text=hi', 'not-a-profile'],
    ['https://www.facebook.com/groups/4242/', 'not-a-profile'],
    ['https://www.tumblr.com/follow', 'not-a-profile'],
    ['https://www.youtube-nocookie.com/embed/abc', 'not-a-profile'],
    ['https://pin.it/abc', 'unknown-site'],
    ['https://clips.twitch.tv/SomeClipSlug', 'not-a-profile'],
    ['https://example.org/jamie', 'unknown-site'],
    ['https://notinstagram.com/jamie.doe', 'unknown-site'],
    ['https://instagram.com.evil.example/jamie.doe', 'unknown-site'],
    [`https://www.linkedin.com/in/${'a'.repeat(99)}`, 'too-long'],
  ])('%j -> %s', (pasted, reason) => {
    const r = recognise(pasted);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    // Plain words: no jargon, and a full sentence.
    expect(say(r.words)).not.toMatch(/regex|pattern|rule|RE2|URL|null|undefined/i);
    expect(say(r.words)).toMatch(/^[A-Z].*[.]$/);
  });

  it('names the platform when a page is not a profile', () => {
    const r = recognise('https://x.com/home');
    expect(!r.ok && say(r.words)).toMatch(/^This X page isn't anyone's profile/);
    const m = recognise('https://www.messenger.com/');
    expect(!m.ok && say(m.words)).toMatch(/^This Messenger page/);
    const f = recognise('https://www.facebook.com/groups/1');
    expect(!f.ok && say(f.words)).toMatch(/^This Facebook page/);
  });

  it('offers a custom entry for a site it does not know', () => {
    const r = recognise('https://www.example.org/jamie');
    expect(!r.ok && say(r.words)).toMatch(/example\.org.*custom/);
  });
});

describe('recognise: already listed, in any form', () => {
  const existing = [
    listed('https://www.instagram.com/jamie.doe/'),
    listed('https://x.com/jamie'),
    listed('https://www.facebook.com/jamie.doe'),
    listed('https://www.facebook.com/profile.php?id=1000123'),
    listed('https://www.youtube.com/@jamie'),
    listed('https://example.com/', 'site'),
  ];

  it.each([
    ['https://m.instagram.com/Jamie.Doe', 'instagram:jamie.doe'],
    ['instagram.com/jamie.doe/tagged/', 'instagram:jamie.doe'],
    ['https://www.instagram.com/stories/jamie.doe/1/', 'instagram:jamie.doe'],
    ['https://twitter.com/JAMIE', 'x:jamie'],
    ['https://mobile.twitter.com/jamie/status/1', 'x:jamie'],
    ['https://web.facebook.com/jamie.doe', 'facebook:jamie.doe'],
    ['https://www.facebook.com/jamiedoe', 'facebook:jamie.doe'],
    ['https://www.facebook.com/people/Jamie-Doe/1000123/', 'facebook:id:1000123'],
    ['https://www.facebook.com/1000123', 'facebook:id:1000123'],
    ['https://www.messenger.com/t/1000123', 'facebook:id:1000123'],
    ['https://m.youtube.com/@JAMIE/videos', 'youtube:@jamie'],
    ['https://www.instagram.com/jamie.doe/', 'instagram:jamie.doe'],
  ])('%s is already on the list as %s', (pasted, coveredBy) => {
    const r = recognise(pasted, existing);
    expect(r).toMatchObject({ ok: false, reason: 'already-listed', coveredBy });
    expect(!r.ok && say(r.words)).toMatch(/already on your list/);
  });

  it('names the entry that covers it', () => {
    const r = recognise('https://www.messenger.com/t/1000123', existing);
    expect(!r.ok && say(r.words)).toContain('Facebook · profile 1000123');
  });

  it('works from stored ids alone', () => {
    const r = recognise('https://twitter.com/jamie', [{ id: 'x:jamie' }]);
    expect(r).toMatchObject({ ok: false, reason: 'already-listed', coveredBy: 'x:jamie' });
  });

  it.each([
    ['https://www.instagram.com/jamie.doe2/'],
    ['https://www.instagram.com/jamie/'],
    ['https://x.com/jamie_'],
    ['https://www.threads.net/@jamie.doe'],
    ['https://www.youtube.com/c/jamie'],
    ['https://www.messenger.com/t/jamie.doe'],
  ])('%s is a different entry', (pasted) => {
    expect(recognise(pasted, existing).ok).toBe(true);
  });

  it('ignores stored ids it cannot read', () => {
    expect(
      recognise('https://x.com/jamie', [{ id: 'nonsense' }, { id: 'mastodon:jamie' }]).ok,
    ).toBe(true);
  });
});

describe('recogniseCustom', () => {
  it.each([
    [
      'https://www.example.org/anything?x=1',
      'site',
      'custom:site:example.org',
      'Custom · example.org',
      'https://example.org/',
    ],
    [
      'example.org',
      'site',
      'custom:site:example.org',
      'Custom · example.org',
      'https://example.org/',
    ],
    [
      'https://Blog.Example.org/',
      'site',
      'custom:site:blog.example.org',
      'Custom · blog.example.org',
      'https://blog.example.org/',
    ],
    [
      'https://example.org/Jamie/',
      'path',
      'custom:path:example.org/jamie',
      'Custom · example.org/jamie',
      'https://example.org/jamie',
    ],
    [
      'www.example.org/people/jamie#bio',
      'path',
      'custom:path:example.org/people/jamie',
      'Custom · example.org/people/jamie',
      'https://example.org/people/jamie',
    ],
  ] as const)('%s as a %s -> %s', (pasted, kind, id, display, url) => {
    const p = ok(recogniseCustom(pasted, kind));
    expect(p).toMatchObject({ id, display, url, platform: 'custom' });
    expect(matchProfile(p.url, [p])).toBe(p);
  });

  it.each([
    ['', 'site', 'empty'],
    ['not an address', 'site', 'not-an-address'],
    ['javascript:alert(1)', 'path', 'not-http'],
    ['http://192.168.1.1/', 'site', 'not-a-site'],
    ['http://localhost:3000/x', 'path', 'not-an-address'],
    ['https://example.org/', 'path', 'not-a-path'],
    ['https://example.org/profile.php?id=5', 'path', 'not-a-path'],
    [`https://example.org/${'x'.repeat(90)}`, 'path', 'too-long'],
  ] as const)('%j as a %s is refused: %s', (pasted, kind, reason) => {
    expect(recogniseCustom(pasted, kind)).toMatchObject({ ok: false, reason });
  });

  it('knows a path on a listed site is already covered, not the other way round', () => {
    const site = listed('https://example.org/', 'site');
    const path = listed('https://example.org/jamie', 'path');
    expect(recogniseCustom('https://www.example.org/jamie/x', 'path', [site])).toMatchObject({
      ok: false,
      reason: 'already-listed',
      coveredBy: site.id,
    });
    expect(recogniseCustom('https://example.org/', 'site', [path]).ok).toBe(true);
    expect(recogniseCustom('https://shop.example.org/', 'site', [site])).toMatchObject({
      reason: 'already-listed',
    });
  });

  it('asks for host permissions only for custom entries', () => {
    expect(originPatternsFor(listed('https://example.org/jamie', 'path'))).toEqual([
      '*://example.org/*',
      '*://*.example.org/*',
    ]);
    expect(originPatternsFor(listed('https://blog.example.org/', 'site'))).toEqual([
      '*://blog.example.org/*',
      '*://*.blog.example.org/*',
    ]);
    expect(originPatternsFor(listed('https://x.com/jamie'))).toEqual([]);
  });
});
