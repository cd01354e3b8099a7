import { platformModule } from './profiles';
import type { Profile } from './profiles/types';

const cache = new Map<string, RegExp[]>();

/** The compiled coverage regexes of one profile (the same sources the rules use). */
export function profileRegexes(p: Pick<Profile, 'platform' | 'key' | 'id'>): RegExp[] {
  let res = cache.get(p.id);
  if (!res) {
    const mod = platformModule(p.platform);
    const flags = mod?.caseSensitive ? '' : 'i';
    res = (mod?.patterns(p.key) ?? []).map((src) => new RegExp(src, flags));
    cache.set(p.id, res);
  }
  return res;
}

/** Which listed profile does this address belong to? Null for anything else. */
export function matchProfile<P extends Pick<Profile, 'platform' | 'key' | 'id'>>(
  address: string,
  profiles: readonly P[],
): P | null {
  let href: string;
  try {
    const u = new URL(address);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    href = u.href;
  } catch {
    return null;
  }
  return profiles.find((p) => profileRegexes(p).some((re) => re.test(href))) ?? null;
}
