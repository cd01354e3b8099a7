import type { Words } from '../words';

/** The platforms No Contact recognises, plus `custom` (a site or a path prefix on a site). */
export const PLATFORMS = [
  'instagram',
  'facebook',
  'messenger',
  'x',
  'threads',
  'tiktok',
  'linkedin',
  'snapchat',
  'reddit',
  'youtube',
  'bluesky',
  'pinterest',
  'tumblr',
  'twitch',
  // Conversations (chat threads); see lib/settings/conversation.ts.
  'instagram-direct',
  'x-messages',
  'linkedin-messaging',
  'discord',
  'telegram',
  'whatsapp',
  'custom',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export type ProfileMode = 'block' | 'modified';

/**
 * A listed profile as stored in settings. `key` is the account key in canonical form
 * (lower-cased where the platform treats handles case-insensitively); the address forms a
 * platform module knows for one account give the same `platform` + `key`. Forms that
 * cannot be told apart offline stay separate keys (YouTube's handle, custom name and
 * channel id; a Facebook name written with and without its optional dots).
 */
export interface Profile {
  /** `${platform}:${key}`: stable, unique, and the same for every form of the address. */
  id: string;
  platform: Platform;
  key: string;
  /** What the person sees, e.g. "Instagram · @jamie.doe". Never contains a photo or name lookup. */
  display: string;
  /** Canonical https address of the profile (used for "Continue" and for stability tests). */
  url: string;
  mode: ProfileMode;
  /** Epoch milliseconds. */
  addedAt: number;
}

/** What recognition gives before the profile is stored (mode and time are chosen later). */
export type Recognised = Pick<Profile, 'id' | 'platform' | 'key' | 'display' | 'url'>;

export type RefusalReason =
  | 'empty'
  | 'not-an-address'
  | 'not-http'
  | 'not-a-profile'
  | 'already-listed'
  /** An address on a site no platform module knows; it can be listed as a custom site. */
  | 'unknown-site'
  /** A custom site or path whose host is not a domain name (an IP address, "localhost"). */
  | 'not-a-site'
  /** A custom path that is only "/" (list the site instead) or carries a query string. */
  | 'not-a-path'
  /** Too long to fit in one blocking rule. */
  | 'too-long'
  /** A chat app's page that is not one conversation: the inbox, a group or a server channel. */
  | 'not-a-conversation'
  /** A phone number without its country code, too short or too long, or unreadable. */
  | 'bad-number';

export type Recognition =
  | { ok: true; profile: Recognised }
  | {
      ok: false;
      reason: RefusalReason;
      /** Why, in plain words (said in the page's language by say()). */
      words: Words;
      /** For 'already-listed': the id of the listed profile that already covers it. */
      coveredBy?: string;
    };

/** How a custom entry is meant: a whole site with its subdomains, or a path prefix on it. */
export type CustomKind = 'site' | 'path';
