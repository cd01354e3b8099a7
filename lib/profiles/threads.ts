import { INSTAGRAM_HANDLE } from './instagram';
import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

// Threads accounts are Instagram accounts: same handles, case-insensitive.
export const threads: PlatformModule = {
  platform: 'threads',
  label: 'Threads',
  domains: ['threads.net', 'threads.com'],
  recognise(url) {
    const first = pathSegments(url)[0]?.toLowerCase();
    if (!first?.startsWith('@')) return null;
    const handle = first.slice(1);
    return INSTAGRAM_HANDLE.test(handle) ? { key: handle } : null;
  },
  display: (key) => `@${key}`,
  url: (key) => `https://www.threads.com/@${key}`,
  patterns: (key) => [
    {
      head: 'threads\\.(?:net|com)/@',
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
  ],
};
