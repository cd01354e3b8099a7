import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

// Usernames: 2-24 of [a-z0-9._], case-insensitive; always written /@<name>.
const HANDLE = /^[a-z0-9._]{2,24}$/;

export const tiktok: PlatformModule = {
  platform: 'tiktok',
  label: 'TikTok',
  domains: ['tiktok.com'],
  recognise(url) {
    // /@<name>/video/<id> names its author too.
    const first = pathSegments(url)[0]?.toLowerCase();
    if (!first?.startsWith('@')) return null;
    const handle = first.slice(1);
    return HANDLE.test(handle) ? { key: handle } : null;
  },
  display: (key) => `@${key}`,
  url: (key) => `https://www.tiktok.com/@${key}`,
  patterns: (key) => [
    { head: 'tiktok\\.com/@', key: escapeRegex(key), tail: SEGMENT_END, caseSensitive: false },
  ],
};
