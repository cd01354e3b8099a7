import { describe, expect, it } from 'vitest';
import { matchProfile } from '@/lib/match';
import { compileRules, NON_MAIN_FRAME } from '@/lib/rules/compile';
import { evaluate } from '../helpers/dnr-eval';
import { CHANNEL_ID, everyPlatform, INTERSTITIAL } from './fixtures';

const IG = 'instagram:jamie.doe';
const IGS = 'instagram:sam_lee';
const FB = 'facebook:jamie.doe';
const FBID = 'facebook:id:1000123';
const MSG = 'messenger:100077';
const X = 'x:jamie';
const TH = 'threads:jamie.doe';
const TT = 'tiktok:jamie.doe';
const LI = 'linkedin:jamie-doe';
const SC = 'snapchat:jamie';
const RD = 'reddit:jamie';
const YTH = 'youtube:@jamie';
const YTC = 'youtube:c:jamiedoe';
const YTU = 'youtube:user:jamiedoe';
const YTCH = `youtube:channel:${CHANNEL_ID}`;
const BS = 'bluesky:jamie.bsky.social';
const PI = 'pinterest:jamie';
const TU = 'tumblr:jamie';
const TW = 'twitch:jamie';
const CS = 'custom:site:example.com';
const CP = 'custom:path:blog.example.org/jamie';

/** [address, the listed profile it belongs to, or null when nothing listed covers it]. */
const CASES: [string, string | null][] = [
  // Instagram: every host, case, sub-page, story and DM link; never a neighbour or a page.
  ['https://www.instagram.com/jamie.doe/', IG],
  ['https://instagram.com/jamie.doe', IG],
  ['http://instagram.com/jamie.doe', IG],
  ['https://m.instagram.com/jamie.doe/', IG],
  ['https://www.instagram.com/Jamie.Doe/', IG],
  ['https://www.instagram.com/jamie.doe/reels/', IG],
  ['https://www.instagram.com/jamie.doe/p/Cabc123/', IG],
  ['https://www.instagram.com/jamie.doe/tagged/', IG],
  ['https://www.instagram.com/jamie.doe?igsh=abc', IG],
  ['https://www.instagram.com/jamie.doe/#top', IG],
  ['https://www.instagram.com/stories/jamie.doe/3100/', IG],
  ['https://ig.me/m/jamie.doe', IG],
  ['https://www.instagram.com/sam_lee/', IGS],
  ['https://www.instagram.com/jamie.doe.x/', null],
  ['https://www.instagram.com/jamie.doe2/', null],
  ['https://www.instagram.com/jamie.do/', null],
  ['https://www.instagram.com/jamie/', null],
  ['https://www.instagram.com/xjamie.doe/', null],
  ['https://www.instagram.com/sam_lee_/', null],
  ['https://www.instagram.com/sam_le/', null],
  ['https://www.instagram.com/explore/?u=jamie.doe', null],
  ['https://www.instagram.com/explore/tags/jamie.doe/', null],
  ['https://www.instagram.com/p/Cabc123/?jamie.doe', null],
  ['https://www.instagram.com/accounts/login/?next=/jamie.doe/', null],
  ['https://www.instagram.com/direct/t/12345/', null],
  ['https://www.instagram.com/', null],
  ['https://notinstagram.com/jamie.doe', null],
  ['https://instagram.com.evil.example/jamie.doe', null],
  ['https://evil.example/instagram.com/jamie.doe', null],
  ['https://evil.example/?u=https://instagram.com/jamie.doe', null],
  ['https://ig.me/jamie.doe', null],
  // Facebook by username: periods optional, m./mbasic./web., fb.com and m.me.
  ['https://www.facebook.com/jamie.doe', FB],
  ['https://m.facebook.com/jamie.doe', FB],
  ['https://mbasic.facebook.com/jamie.doe?v=timeline', FB],
  ['https://web.facebook.com/Jamie.Doe/', FB],
  ['https://www.facebook.com/jamiedoe', FB],
  ['https://www.facebook.com/jamie.doe/photos', FB],
  ['https://www.facebook.com/jamie.doe/posts/pfbid0abc', FB],
  ['https://fb.com/jamie.doe', FB],
  ['https://m.me/jamie.doe', FB],
  ['https://www.facebook.com/jamie.doe.5', null],
  ['https://www.facebook.com/jamie.doey', null],
  ['https://www.facebook.com/groups/jamie.doe', null],
  ['https://www.facebook.com/search/top?q=jamie.doe', null],
  ['https://www.facebook.com/', null],
  ['https://notfacebook.com/jamie.doe', null],
  // Facebook by ID: profile.php in any parameter order, /<id>, /people/, conversations.
  ['https://www.facebook.com/profile.php?id=1000123', FBID],
  ['https://m.facebook.com/profile.php?id=1000123&sk=photos', FBID],
  ['https://www.facebook.com/profile.php?sk=about&id=1000123', FBID],
  ['https://www.facebook.com/profile.php?sk=about&id=1000123#x', FBID],
  ['https://www.facebook.com/1000123', FBID],
  ['https://www.facebook.com/people/Jamie-Doe/1000123/', FBID],
  ['https://www.facebook.com/messages/t/1000123', FBID],
  ['https://www.messenger.com/t/1000123/', FBID],
  ['https://www.messenger.com/e2ee/t/1000123', FBID],
  ['https://m.me/1000123', FBID],
  ['https://www.facebook.com/profile.php?id=10001234', null],
  ['https://www.facebook.com/profile.php?id=100012', null],
  ['https://www.facebook.com/profile.php?xid=1000123', null],
  ['https://www.facebook.com/profile.php?notid=1000123', null],
  ['https://www.facebook.com/profile.php?id=1000123x', null],
  ['https://www.facebook.com/profile.php#id=1000123', null],
  ['https://www.facebook.com/photo.php?fbid=1000123', null],
  ['https://www.facebook.com/10001230', null],
  // A listed Messenger conversation.
  ['https://www.messenger.com/t/100077', MSG],
  ['https://www.messenger.com/e2ee/t/100077/', MSG],
  ['https://www.facebook.com/messages/t/100077', MSG],
  ['https://www.facebook.com/messages/e2ee/t/100077?x', MSG],
  ['https://m.me/100077', MSG],
  ['https://www.messenger.com/t/1000770', null],
  ['https://www.messenger.com/t/', null],
  ['https://www.messenger.com/', null],
  // X and Twitter: both domains, mobile., any case, posts under the handle.
  ['https://x.com/jamie', X],
  ['https://twitter.com/jamie', X],
  ['https://mobile.twitter.com/jamie', X],
  ['https://mobile.x.com/Jamie', X],
  ['https://www.x.com/JAMIE/', X],
  ['https://x.com/jamie/status/1790000000000', X],
  ['https://x.com/jamie/with_replies', X],
  ['https://x.com/jamie/media?lang=en', X],
  ['https://twitter.com/jamie#x', X],
  ['https://x.com/jamie_', null],
  ['https://x.com/jamie2', null],
  ['https://x.com/jami', null],
  ['https://x.com/home', null],
  ['https://x.com/search?q=jamie', null],
  ['https://x.com/hashtag/jamie', null],
  ['https://x.com/i/web/status/1790000000000', null],
  ['https://x.com/explore?u=jamie', null],
  ['https://box.com/jamie', null],
  ['https://netflix.com/jamie', null],
  ['https://x.com.evil.example/jamie', null],
  ['https://twitter.com.evil.example/jamie', null],
  ['https://nottwitter.com/jamie', null],
  // Threads: .net and .com.
  ['https://www.threads.net/@jamie.doe', TH],
  ['https://www.threads.com/@jamie.doe', TH],
  ['https://threads.com/@Jamie.Doe/post/C1abc', TH],
  ['https://threads.net/@jamie.doe?xmt=1', TH],
  ['https://www.threads.net/@jamie.doe.x', null],
  ['https://www.threads.net/jamie.doe', null],
  ['https://www.threads.net/search?q=jamie.doe', null],
  ['https://www.threads.org/@jamie.doe', null],
  // TikTok.
  ['https://www.tiktok.com/@jamie.doe', TT],
  ['https://m.tiktok.com/@jamie.doe', TT],
  ['https://www.tiktok.com/@Jamie.Doe/video/7300000000000000000', TT],
  ['https://www.tiktok.com/@jamie.doe?lang=en', TT],
  ['https://www.tiktok.com/@jamie.doe_', null],
  ['https://www.tiktok.com/@jamie', null],
  ['https://www.tiktok.com/jamie.doe', null],
  ['https://www.tiktok.com/search?q=@jamie.doe', null],
  ['https://www.tiktok.com/tag/jamie.doe', null],
  ['https://tiktok.com.evil.example/@jamie.doe', null],
  // LinkedIn, with country subdomains.
  ['https://www.linkedin.com/in/jamie-doe/', LI],
  ['https://linkedin.com/in/jamie-doe', LI],
  ['https://uk.linkedin.com/in/jamie-doe', LI],
  ['https://de.linkedin.com/in/Jamie-Doe?trk=x', LI],
  ['https://www.linkedin.com/in/jamie-doe/details/experience/', LI],
  ['https://www.linkedin.com/in/jamie-doe/recent-activity/all/', LI],
  ['https://www.linkedin.com/in/jamie-doe-123', null],
  ['https://www.linkedin.com/in/jamie', null],
  ['https://www.linkedin.com/company/jamie-doe', null],
  ['https://www.linkedin.com/search/results/all/?keywords=jamie-doe', null],
  ['https://www.linkedin.com/jamie-doe', null],
  ['https://notlinkedin.com/in/jamie-doe', null],
  // Snapchat.
  ['https://www.snapchat.com/add/jamie', SC],
  ['https://snapchat.com/add/Jamie?share_id=abc', SC],
  ['https://www.snapchat.com/@jamie', SC],
  ['https://story.snapchat.com/@jamie', SC],
  ['https://story.snapchat.com/s/jamie', SC],
  ['https://www.snapchat.com/add/jamie.x', null],
  ['https://www.snapchat.com/add/jamiee', null],
  ['https://www.snapchat.com/discover/jamie', null],
  ['https://www.snapchat.com/', null],
  // Reddit: user/ and u/, old. new. np.
  ['https://www.reddit.com/user/jamie/', RD],
  ['https://www.reddit.com/u/jamie', RD],
  ['https://old.reddit.com/user/Jamie/comments/', RD],
  ['https://new.reddit.com/user/jamie/submitted/', RD],
  ['https://np.reddit.com/u/jamie', RD],
  ['https://reddit.com/user/jamie?sort=top', RD],
  ['https://www.reddit.com/user/jamie-2', null],
  ['https://www.reddit.com/user/jamie_', null],
  ['https://www.reddit.com/r/jamie', null],
  ['https://www.reddit.com/search/?q=jamie', null],
  ['https://www.reddit.com/r/pics/comments/abc/jamie/', null],
  ['https://www.reddit.com/jamie', null],
  // YouTube: four separate forms; channel IDs are case-sensitive.
  ['https://www.youtube.com/@jamie', YTH],
  ['https://m.youtube.com/@Jamie/videos', YTH],
  ['https://www.youtube.com/@jamie/shorts?x', YTH],
  ['https://www.youtube.com/c/JamieDoe', YTC],
  ['https://www.youtube.com/c/jamiedoe/videos', YTC],
  ['https://www.youtube.com/JamieDoe', YTC],
  ['https://www.youtube.com/user/jamiedoe', YTU],
  ['https://www.youtube.com/user/JamieDoe/about', YTU],
  [`https://www.youtube.com/channel/${CHANNEL_ID}`, YTCH],
  [`https://m.youtube.com/channel/${CHANNEL_ID}/videos`, YTCH],
  [`https://music.youtube.com/channel/${CHANNEL_ID}`, YTCH],
  [`https://www.youtube.com/channel/${CHANNEL_ID.toUpperCase()}`, null],
  [`https://www.youtube.com/channel/${CHANNEL_ID}x`, null],
  ['https://www.youtube.com/@jamie2', null],
  ['https://www.youtube.com/@jamiedoe', null],
  ['https://www.youtube.com/watch?v=abc&ab_channel=jamie', null],
  ['https://www.youtube.com/results?search_query=jamie', null],
  ['https://www.youtube.com/user/jamiedoe2', null],
  ['https://www.youtube.com/c/jamiedoex', null],
  ['https://www.youtube.com/jamie', null],
  // Bluesky.
  ['https://bsky.app/profile/jamie.bsky.social', BS],
  ['https://bsky.app/profile/Jamie.bsky.social/post/3k', BS],
  ['https://bsky.app/profile/jamie.bsky.social?x', BS],
  ['https://bsky.app/profile/jamie.bsky.social.evil', null],
  ['https://bsky.app/profile/xjamie.bsky.social', null],
  ['https://bsky.app/search?q=jamie.bsky.social', null],
  ['https://bsky.app/profile/jamie', null],
  // Pinterest, with country sites.
  ['https://www.pinterest.com/jamie/', PI],
  ['https://pinterest.com/jamie/recipes/', PI],
  ['https://www.pinterest.co.uk/jamie/', PI],
  ['https://uk.pinterest.com/Jamie/_saved/', PI],
  ['https://www.pinterest.com.au/jamie', PI],
  ['https://www.pinterest.de/jamie/', PI],
  ['https://www.pinterest.com/jamie_/', null],
  ['https://www.pinterest.com/pin/1234/', null],
  ['https://www.pinterest.com/search/pins/?q=jamie', null],
  ['https://www.pinterest.com/ideas/jamie/', null],
  ['https://www.pinterest.co.uk.evil.example/jamie/', null],
  ['https://www.pinterest.com.evil.example/jamie', null],
  ['https://notpinterest.com/jamie', null],
  // Tumblr: the blog's subdomain and tumblr.com/<name>.
  ['https://jamie.tumblr.com/', TU],
  ['https://jamie.tumblr.com/post/123/title', TU],
  ['https://Jamie.tumblr.com/tagged/x', TU],
  ['https://www.tumblr.com/jamie', TU],
  ['https://tumblr.com/jamie/123456', TU],
  ['https://www.tumblr.com/blog/view/jamie', TU],
  ['https://jamie2.tumblr.com/', null],
  ['https://xjamie.tumblr.com/', null],
  ['https://jamie.tumblr.com.evil.example/', null],
  ['https://jamie.notumblr.com/', null],
  ['https://www.tumblr.com/jamie2', null],
  ['https://www.tumblr.com/search/jamie', null],
  ['https://www.tumblr.com/tagged/jamie', null],
  // Twitch.
  ['https://www.twitch.tv/jamie', TW],
  ['https://m.twitch.tv/Jamie', TW],
  ['https://www.twitch.tv/jamie/videos', TW],
  ['https://www.twitch.tv/jamie/clip/AbcDef', TW],
  ['https://twitch.tv/jamie?sr=a', TW],
  ['https://www.twitch.tv/jamie_', null],
  ['https://www.twitch.tv/videos/12345', null],
  ['https://www.twitch.tv/directory/category/jamie', null],
  ['https://www.twitch.tv/search?term=jamie', null],
  // A custom site: the domain and every subdomain, nothing else.
  ['https://example.com/', CS],
  ['https://www.example.com/anything?x', CS],
  ['http://shop.example.com/a/b', CS],
  ['https://EXAMPLE.com/', CS],
  ['https://notexample.com/', null],
  ['https://example.com.evil.example/', null],
  ['https://evil.example/example.com/', null],
  ['https://example.co/', null],
  // A custom path: on a segment boundary, any case.
  ['https://blog.example.org/jamie', CP],
  ['https://blog.example.org/jamie/', CP],
  ['https://blog.example.org/jamie/photos/1', CP],
  ['https://blog.example.org/Jamie?x=1', CP],
  ['https://www.blog.example.org/jamie#top', CP],
  ['https://blog.example.org/jamiex', null],
  ['https://blog.example.org/jamie.doe', null],
  ['https://blog.example.org/', null],
  ['https://blog.example.org/about/jamie', null],
  ['https://example.org/jamie', null],
  ['https://blog.example.org.evil/jamie', null],
  // Not web addresses at all.
  ['ftp://instagram.com/jamie.doe', null],
  ['instagram.com/jamie.doe', null],
];

const profiles = everyPlatform();
const rules = compileRules(profiles, { interstitialUrl: INTERSTITIAL });

describe('what a listed profile covers', () => {
  it('has a large table that covers every listed profile', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    const hit = new Set(CASES.map(([, id]) => id));
    for (const p of profiles) expect(hit.has(p.id), p.id).toBe(true);
  });

  it.each(CASES)('%s -> %s (matcher)', (address, id) => {
    expect(matchProfile(address, profiles)?.id ?? null).toBe(id);
  });

  it.each(CASES)('%s -> %s (compiled rules)', (address, id) => {
    let href: string;
    try {
      href = new URL(address).href;
    } catch {
      return; // not a URL, so no request is ever made for it
    }
    const main = evaluate(rules, { url: href, type: 'main_frame' });
    const others = NON_MAIN_FRAME.map((type) => evaluate(rules, { url: href, type }).action);
    if (id === null) {
      expect(main.action).toBe('none');
      expect(new Set(others)).toEqual(new Set(['none']));
      return;
    }
    expect(main).toMatchObject({ action: 'redirect', redirectUrl: `${INTERSTITIAL}#${href}` });
    expect(new Set(others)).toEqual(new Set(['block']));
    // And it is that profile's own rules that do it.
    const own = compileRules(
      profiles.filter((p) => p.id === id),
      { interstitialUrl: INTERSTITIAL },
    );
    expect(evaluate(own, { url: href, type: 'main_frame' }).action).toBe('redirect');
  });
});
