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

// Usernames: 3-15 characters, a letter first, then [a-z0-9._-]; Snapchat lower-cases them.
const USERNAME = /^[a-z][a-z0-9._-]{2,14}$/;

/*
 * Covers: snapchat.com/add/<u> (the add-friend link), snapchat.com/@<u> (the public
 * profile, with the @ written or encoded) and /s/<u>, with everything under them
 * (spotlight, stories), on every subdomain (story.snapchat.com).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: short links (t.snapchat.com, /t/<code>), Snapcodes and unlock links (by
 * uuid), and spotlight or story pages opened by their id alone.
 */
const HOSTS = 'snapchat\\.com';

export const snapchat: PlatformModule = {
  platform: 'snapchat',
  label: 'Snapchat',
  domains: PLATFORM_HOSTS.snapchat,
  recognise(url) {
    // snapchat.com/add/<u>, snapchat.com/@<u>, story.snapchat.com/@<u> and /s/<u>.
    const [first, second] = pathSegments(url).map((s) => s.toLowerCase());
    let user: string | undefined;
    if (first === 'add' || first === 's') user = second;
    else if (first?.startsWith('@')) user = first.slice(1);
    return user && USERNAME.test(user) ? { key: user } : null;
  },
  display: (key) => key,
  url: (key) => `https://www.snapchat.com/add/${key}`,
  patterns: (key) => [
    {
      head: `${HOSTS}${HOST_END}(?:(?:add|s)${SLASH}|${AT})`,
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
    escapedSpellings(HOSTS),
  ],
};
