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
    ...everyConversation(),
    listed('https://example.com/', 'site'),
    listed('https://blog.example.org/jamie', 'path'),
  ];
}

/** A LinkedIn thread id of today's shape ("2-" and base64), too long for a rule whole. */
export const LINKEDIN_THREAD = '2-ODc2NjM5YTYtNmU4Ni00YzFkLWI4NjMtZjU3NzY2N2E1NjVhXzAxMA==';

/** One listed conversation of every chat platform that has its own module. */
export function everyConversation(): Profile[] {
  return [
    listed('https://www.instagram.com/direct/t/340282366841710300949128150000000001/'),
    listed('https://x.com/messages/1234567890-9876543210'),
    listed(`https://www.linkedin.com/messaging/thread/${LINKEDIN_THREAD}/`),
    listed('https://discord.com/channels/@me/112233445566778899'),
    listed('https://web.telegram.org/k/#@jamie_doe'),
    listed('+44 7700 900123'),
  ];
}
