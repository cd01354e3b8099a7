import { PLATFORM_HOSTS } from './hosts';
import {
  escapedSpellings,
  escapeRegex,
  HOST_END,
  pathSegments,
  SEGMENT_END,
  SLASH,
  type Pattern,
  type PlatformModule,
} from './platform';
import { fits, widest } from './fit';

// Public profile slugs: letters, digits and hyphens, case-insensitive; a slug in another
// script arrives percent-encoded (lower-cased here; the patterns ignore case anyway).
const SLUG = /^[a-z0-9_%-]{2,100}$/;

/*
 * Covers: linkedin.com/in/<slug> with everything under it (activity, details, overlays),
 * on every country subdomain (uk., de.), and, when the slug leaves room for them (see
 * fit.ts), the same under /comm/ (the address in LinkedIn's emails) and /mwlite/
 * (LinkedIn Lite), and posts addressed by the author's slug
 * (/posts/<slug>_<title>-activity-<id>).
 * Each form also in the hand-made spellings platform.ts describes (encoded letters,
 * doubled slashes, a trailing dot on the host).
 * Cannot cover: the old public addresses (/pub/<name>/<numbers>), posts and messages by
 * their ids (/feed/update/urn:li:activity:<id>, /messaging/thread/<id>), lnkd.in short
 * links and articles, whose addresses don't carry the slug.
 */
const HOSTS = 'linkedin\\.com';

export const linkedin: PlatformModule = {
  platform: 'linkedin',
  label: 'LinkedIn',
  domains: PLATFORM_HOSTS.linkedin,
  recognise(url) {
    const segs = pathSegments(url).map((s) => s.toLowerCase());
    if (segs[0] === 'comm' || segs[0] === 'mwlite') segs.shift();
    const [first, second] = segs;
    // A post's address starts with its author's slug, up to the first underscore.
    const slug = first === 'in' ? second : first === 'posts' ? second?.split('_')[0] : undefined;
    return slug && SLUG.test(slug) ? { key: slug } : null;
  },
  display(key) {
    try {
      return decodeURIComponent(key);
    } catch {
      return key;
    }
  },
  url: (key) => `https://www.linkedin.com/in/${key}/`,
  patterns(key) {
    const posts: Pattern = {
      head: `${HOSTS}${HOST_END}posts${SLASH}`,
      key: escapeRegex(key),
      // A post's address goes on from its author's slug with "_".
      tail: '_',
      caseSensitive: false,
    };
    return [
      widest(
        {
          head: `${HOSTS}${HOST_END}(?:(?:comm|mwlite)${SLASH})?in${SLASH}`,
          key: escapeRegex(key),
          tail: SEGMENT_END,
          caseSensitive: false,
        },
        {
          head: `${HOSTS}${HOST_END}in${SLASH}`,
          key: escapeRegex(key),
          tail: SEGMENT_END,
          caseSensitive: false,
        },
      ),
      ...(fits(posts) ? [posts] : []),
      escapedSpellings(HOSTS),
    ];
  },
};
