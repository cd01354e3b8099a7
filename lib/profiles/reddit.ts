import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

// Usernames: 3-20 of [a-z0-9_-], case-insensitive.
const USERNAME = /^[a-z0-9_-]{3,20}$/;

export const reddit: PlatformModule = {
  platform: 'reddit',
  label: 'Reddit',
  domains: ['reddit.com'],
  recognise(url) {
    const [first, second] = pathSegments(url).map((s) => s.toLowerCase());
    const name = first === 'user' || first === 'u' ? second : undefined;
    return name && USERNAME.test(name) ? { key: name } : null;
  },
  display: (key) => `u/${key}`,
  url: (key) => `https://www.reddit.com/user/${key}/`,
  patterns: (key) => [
    // Private messages (chat.reddit.com) name accounts by an internal ID, not the name.
    {
      head: 'reddit\\.com/u(?:ser)?/',
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
  ],
};
