import { PLATFORM_HOSTS } from './hosts';
import { INSTAGRAM_HANDLE } from './instagram';
import {
  AT,
  escapedSpellings,
  escapeRegex,
  HOST_END,
  KEY_END,
  pathSegments,
  SEGMENT_END,
  type PlatformModule,
} from './platform';
import { widest } from './fit';

/*
 * Threads accounts are Instagram accounts: same handles, case-insensitive.
 * Covers: threads.net/@<handle> and threads.com/@<handle> with everything under them
 * (posts, replies, reposts, the embed), with the @ written or encoded, and any address
 * naming the handle as username= (the follow intent, intent/follow?username=<handle>),
 * when the handle leaves room for that (see fit.ts).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: a post opened by its code without the author (/t/<code>), and the post
 * intent, which names no account.
 */
const HOSTS = 'threads\\.(?:net|com)';

export const threads: PlatformModule = {
  platform: 'threads',
  label: 'Threads',
  domains: PLATFORM_HOSTS.threads,
  recognise(url) {
    const [first, second] = pathSegments(url).map((s) => s.toLowerCase());
    const handle =
      first === 'intent' && second === 'follow'
        ? url.searchParams.get('username')?.toLowerCase()
        : first?.startsWith('@')
          ? first.slice(1)
          : undefined;
    return handle && INSTAGRAM_HANDLE.test(handle) ? { key: handle } : null;
  },
  display: (key) => `@${key}`,
  url: (key) => `https://www.threads.com/@${key}`,
  patterns: (key) => [
    widest(
      {
        head: `${HOSTS}${HOST_END}(?:${AT}|[^#]*[?&]username=)`,
        key: escapeRegex(key),
        tail: KEY_END,
        caseSensitive: false,
      },
      {
        head: HOSTS + HOST_END + AT,
        key: escapeRegex(key),
        tail: SEGMENT_END,
        caseSensitive: false,
      },
    ),
    escapedSpellings(HOSTS),
  ],
};
