import { PLATFORM_HOSTS } from './hosts';
import {
  AT,
  escapedSpellings,
  escapeRegex,
  HOST_END,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type PlatformModule,
} from './platform';

// Usernames: 2-24 of [a-z0-9._], case-insensitive; always written /@<name>.
const HANDLE = /^[a-z0-9._]{2,24}$/;

/*
 * Covers: tiktok.com/@<name> with everything under it (videos, photos, live), with the @
 * written or encoded (some apps share /%40<name>), and the creator embed
 * (/embed/@<name>).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: short links (vm.tiktok.com/<code>, vt.tiktok.com, /t/<code>), videos
 * embedded or opened by id alone (/embed/v2/<id>, /video/<id>), and the share pages that
 * carry a numeric user id (/share/user/<id>).
 */
const HOSTS = 'tiktok\\.com';

export const tiktok: PlatformModule = {
  platform: 'tiktok',
  label: 'TikTok',
  domains: PLATFORM_HOSTS.tiktok,
  recognise(url) {
    // /@<name>/video/<id> names its author too.
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    const first = segs[0] === 'embed' ? segs[1] : segs[0];
    if (!first?.startsWith('@')) return null;
    const handle = first.slice(1);
    return HANDLE.test(handle) ? { key: handle } : null;
  },
  display: (key) => `@${key}`,
  url: (key) => `https://www.tiktok.com/@${key}`,
  patterns: (key) => [
    {
      head: `${HOSTS}${HOST_END}(?:embed${SLASH})?${AT}`,
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
    escapedSpellings(HOSTS),
  ],
};
