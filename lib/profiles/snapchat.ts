import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

// Usernames: 3-15 characters, a letter first, then [a-z0-9._-]; Snapchat lower-cases them.
const USERNAME = /^[a-z][a-z0-9._-]{2,14}$/;

export const snapchat: PlatformModule = {
  platform: 'snapchat',
  label: 'Snapchat',
  domains: ['snapchat.com'],
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
      head: 'snapchat\\.com/(?:add/|s/|@)',
      key: escapeRegex(key),
      tail: SEGMENT_END,
      caseSensitive: false,
    },
  ],
};
