import { say } from '@/lib/i18n';
import { recognise, recogniseCustom } from '@/lib/profiles';
import type { CustomKind, Profile } from '@/lib/profiles/types';

export const INTERSTITIAL = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/interstitial.html';

/** A stored profile made the way the options page makes one: from a pasted address. */
export function listed(address: string, kind?: CustomKind): Profile {
  const r = kind ? recogniseCustom(address, kind) : recognise(address);
  if (!r.ok) throw new Error(`${address} was not recognised: ${say(r.words)}`);
  return { ...r.profile, mode: 'block', addedAt: 0 };
}

export const CHANNEL_ID = 'UCa1B2c3D4e5F6g7H8i9J0kL';

/** One list covering every platform and key form, with look-alike neighbours. */
export function everyPlatform(): Profile[] {
  return [
    listed('https://www.instagram.com/jamie.doe/'),
    listed('instagram.com/sam_lee'),
    listed('https://www.facebook.com/jamie.doe'),
    listed('https://www.facebook.com/profile.php?id=1000123'),
    listed('https://www.messenger.com/t/100077'),
    listed('https://x.com/jamie'),
    listed('https://www.threads.net/@jamie.doe'),
    listed('https://www.tiktok.com/@jamie.doe'),
    listed('https://www.linkedin.com/in/jamie-doe/'),
    listed('https://www.snapchat.com/add/jamie'),
    listed('https://www.reddit.com/user/jamie/'),
    listed('https://www.youtube.com/@jamie'),
    listed('https://www.youtube.com/c/JamieDoe'),
    listed('https://www.youtube.com/user/jamiedoe'),
    listed(`https://www.youtube.com/channel/${CHANNEL_ID}`),
    listed('https://bsky.app/profile/jamie.bsky.social'),
    listed('https://www.pinterest.com/jamie/'),
    listed('https://jamie.tumblr.com/'),
    listed('https://www.twitch.tv/jamie'),
    listed('https://example.com/', 'site'),
    listed('https://blog.example.org/jamie', 'path'),
  ];
}
