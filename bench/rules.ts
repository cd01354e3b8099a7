import { recognise, recogniseCustom } from '../lib/profiles';
import type { Profile } from '../lib/profiles/types';
import { BROWSER_DYNAMIC_RULES_MAX, PROFILE_REGEX_RULES_MAX, REGEX_BUDGET } from '../lib/limits';
import { fitsBrowser, ruleNeeds } from '../lib/rules/budget';
import { compileRules } from '../lib/rules/compile';
import { coverRules } from '../lib/rules/cover';
import { re2Size } from '../lib/rules/regex';
import { seededRandom } from './random';

const FIRST = [
  'jamie',
  'alex',
  'sam',
  'taylor',
  'jordan',
  'morgan',
  'casey',
  'riley',
  'robin',
  'charlie',
  'avery',
  'quinn',
  'rowan',
  'sasha',
  'nico',
  'elena',
  'marta',
  'yusuf',
  'priya',
  'kenji',
];
const LAST = [
  'doe',
  'smith',
  'garcia',
  'nguyen',
  'okafor',
  'larsen',
  'rossi',
  'kowalski',
  'haddad',
  'silva',
  'tanaka',
  'murphy',
  'fischer',
  'moreau',
  'novak',
  'ibrahim',
];

/**
 * `n` distinct, valid profiles spread over every platform and form, made the way a person
 * makes them: by pasting an address, so each one has been through recognition.
 */
export function sampleProfiles(n: number, seed = 1): Profile[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const digits = () => (rnd() < 0.5 ? String(Math.floor(rnd() * 1000)) : '');
  const name = (sep: string) => `${pick(FIRST)}${sep}${pick(LAST)}${digits()}`;
  const forms: (() => string | [string, 'site' | 'path'])[] = [
    () => `instagram.com/${name(pick(['.', '_', '']))}`,
    () => `instagram.com/${name(pick(['.', '_', '']))}`,
    () => `https://www.facebook.com/${name('.')}`,
    () => `https://www.facebook.com/profile.php?id=${1000000 + Math.floor(rnd() * 9e9)}`,
    () => `https://www.messenger.com/t/${name('.')}`,
    () => `https://x.com/${name('_').slice(0, 15)}`,
    () => `https://twitter.com/${name('').slice(0, 15)}`,
    () => `https://www.threads.net/@${name('.')}`,
    () => `https://www.tiktok.com/@${name(pick(['.', '_']))}`,
    () => `https://www.linkedin.com/in/${name('-')}-${Math.floor(rnd() * 1e8).toString(16)}`,
    () => `https://www.snapchat.com/add/${name(pick(['.', '-', '_'])).slice(0, 15)}`,
    () => `https://www.reddit.com/user/${name(pick(['_', '-']))}`,
    () => `https://www.youtube.com/@${name('')}`,
    () =>
      `https://www.youtube.com/channel/UC${Array.from({ length: 22 }, () => pick([...'ABCxyz019_-'])).join('')}`,
    () => `https://bsky.app/profile/${name('')}.bsky.social`,
    () => `https://www.pinterest.com/${name('_')}/`,
    () => `https://${name('-')}.tumblr.com/`,
    () => `https://www.twitch.tv/${name('_')}`,
    () => [`https://${name('')}.example.org/`, 'site'],
    () => [`https://blog.example.com/${name('-')}`, 'path'],
  ];
  const out = new Map<string, Profile>();
  for (let tries = 0; out.size < n && tries < n * 20; tries++) {
    const form = pick(forms)();
    const r = typeof form === 'string' ? recognise(form) : recogniseCustom(form[0], form[1]);
    if (r.ok && !out.has(r.profile.id)) {
      out.set(r.profile.id, { ...r.profile, mode: 'block', addedAt: 0 });
    }
  }
  return [...out.values()];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Compiles 500 varied profiles and reports the rule budget and the time it takes: the rule
 * count against the browsers' limits (lib/limits.ts), and the largest rule (its regex, in
 * characters and in estimated RE2 instructions) against Chrome's regex size limit. Throws
 * when the list does not fit, so a compiler change that makes it pass a limit is noticed.
 */
export async function benchRules(): Promise<Record<string, number>> {
  const profiles = sampleProfiles(500);
  const opts = {
    interstitialUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/interstitial.html',
  };
  // Every rule the list needs: the profiles' own and the cover of their forms (lib/rules/cover).
  const rules = [...compileRules(profiles, opts), ...coverRules(profiles)];
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    compileRules(profiles, opts);
    times.push(performance.now() - t0);
    // Yield between runs so a caller's timers and logging are not starved.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const regexRules = rules.filter((r) => r.condition.regexFilter).length;
  const needs = ruleNeeds(profiles);
  const re2 = Math.max(
    ...rules.map((r) => re2Size(r.condition.regexFilter, r.condition.isUrlFilterCaseSensitive)),
  );
  if (!fitsBrowser(needs) || re2 > REGEX_BUDGET || needs.rules !== rules.length) {
    throw new Error(
      `500 profiles do not fit: ${rules.length} rules (${regexRules} regex; at most ` +
        `${PROFILE_REGEX_RULES_MAX}), largest regex ${re2} of ${REGEX_BUDGET} instructions`,
    );
  }
  return {
    profiles: profiles.length,
    rules: rules.length,
    regexRules,
    rulesPerProfile: rules.length / profiles.length,
    regexesPerProfile: regexRules / profiles.length,
    compileMs: Math.round(median(times) * 100) / 100,
    maxRegexChars: Math.max(...rules.map((r) => r.condition.regexFilter.length)),
    regexRulesMax: PROFILE_REGEX_RULES_MAX,
    dynamicRulesMax: BROWSER_DYNAMIC_RULES_MAX,
    regexRulesUsedPct: Math.round((regexRules / PROFILE_REGEX_RULES_MAX) * 1000) / 10,
    maxRegexRe2: re2,
    regexRe2Max: REGEX_BUDGET,
  };
}
