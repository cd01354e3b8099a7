import { escapeRegex, pathSegments, SEGMENT_END, type PlatformModule } from './platform';

// Public profile slugs: letters, digits and hyphens, case-insensitive; a slug in another
// script arrives percent-encoded (lower-cased here; the patterns ignore case anyway).
const SLUG = /^[a-z0-9_%-]{2,100}$/;

export const linkedin: PlatformModule = {
  platform: 'linkedin',
  label: 'LinkedIn',
  domains: ['linkedin.com'],
  recognise(url) {
    const [first, slug] = pathSegments(url).map((s) => s.toLowerCase());
    return first === 'in' && slug && SLUG.test(slug) ? { key: slug } : null;
  },
  display(key) {
    try {
      return decodeURIComponent(key);
    } catch {
      return key;
    }
  },
  url: (key) => `https://www.linkedin.com/in/${key}/`,
  patterns: (key) => [
    { head: 'linkedin\\.com/in/', key: escapeRegex(key), tail: SEGMENT_END, caseSensitive: false },
  ],
};
