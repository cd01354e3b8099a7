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

/**
 * `n` distinct listed conversations spread over every chat platform and address form,
 * made as a person makes them (pasted, then recognised), with ids of the lengths the
 * platforms use today: the 500-conversation measure beside bench/rules.ts's 500 profiles.
 */
export function sampleConversations(n: number, seed = 7): Profile[] {
  const rnd = seededRandom(seed);
  const digit = () => String(Math.floor(rnd() * 10));
  const number = (len: number) =>
    String(1 + Math.floor(rnd() * 9)) + Array.from({ length: len - 1 }, digit).join('');
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const base64 = (len: number) =>
    Array.from({ length: len }, () => b64[Math.floor(rnd() * b64.length)]).join('');
  const forms: (() => string)[] = [
    () => `https://www.instagram.com/direct/t/${number(17 + Math.floor(rnd() * 22))}/`,
    () =>
      `https://x.com/messages/${number(8 + Math.floor(rnd() * 12))}-${number(18 + Math.floor(rnd() * 2))}`,
    () => `https://x.com/i/chat/${number(19)}-${number(19)}`,
    // Today's thread ids: "2-", 48 characters of base64, the shared "XzAxMA==".
    () => `https://www.linkedin.com/messaging/thread/2-${base64(48)}XzAxMA==/`,
    () => `https://discord.com/channels/@me/${number(18 + Math.floor(rnd() * 2))}`,
    () => `https://web.telegram.org/k/#@${'jamie_'}${base64(6).toLowerCase()}`,
    () => `https://web.telegram.org/a/#${number(9 + Math.floor(rnd() * 2))}`,
    () => `+${number(2)} ${number(4)} ${number(6)}`,
    () => `https://wa.me/${number(11 + Math.floor(rnd() * 4))}`,
    () => `https://api.whatsapp.com/send?phone=${number(12)}`,
  ];
  const out = new Map<string, Profile>();
  for (let tries = 0; out.size < n && tries < n * 20; tries++) {
    const r = recognise(forms[Math.floor(rnd() * forms.length)]!());
    if (r.ok && !out.has(r.profile.id))
      out.set(r.profile.id, { ...r.profile, mode: 'block', addedAt: 0 });
  }
  return [...out.values()];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const OPTS = {
  interstitialUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/interstitial.html',
};

/**
 * The rules a list needs and what they cost: every rule (the entries' own and the cover of
 * their forms, lib/rules/cover), the regex rules among them, the largest regex (characters
 * and estimated RE2 instructions) and the compile time (median of 9).
 */
export async function measureRules(list: readonly Profile[]) {
  const rules = [...compileRules(list, OPTS), ...coverRules(list)];
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    compileRules(list, OPTS);
    times.push(performance.now() - t0);
    // Yield between runs so a caller's timers and logging are not starved.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const needs = ruleNeeds(list);
  return {
    rules: rules.length,
    regexRules: rules.filter((r) => r.condition.regexFilter).length,
    compileMs: Math.round(median(times) * 100) / 100,
    maxRegexChars: Math.max(...rules.map((r) => r.condition.regexFilter.length)),
    maxRegexRe2: Math.max(
      ...rules.map((r) => re2Size(r.condition.regexFilter, r.condition.isUrlFilterCaseSensitive)),
    ),
    fits: fitsBrowser(needs) && needs.rules === rules.length,
  };
}

/** Throws when a 500-entry list does not fit, so a change that passes a limit is noticed. */
function mustFit(what: string, m: Awaited<ReturnType<typeof measureRules>>) {
  if (!m.fits || m.maxRegexRe2 > REGEX_BUDGET) {
    throw new Error(
      `${what} do not fit: ${m.rules} rules (${m.regexRules} regex; at most ` +
        `${PROFILE_REGEX_RULES_MAX}), largest regex ${m.maxRegexRe2} of ${REGEX_BUDGET} instructions`,
    );
  }
}

/**
 * Compiles 500 varied profiles and reports the rule budget and the time it takes: the rule
 * count against the browsers' limits (lib/limits.ts), and the largest rule against
 * Chrome's regex size limit.
 */
export async function benchRules(): Promise<Record<string, number>> {
  const profiles = sampleProfiles(500);
  const m = await measureRules(profiles);
  mustFit('500 profiles', m);
  return {
    profiles: profiles.length,
    rules: m.rules,
    regexRules: m.regexRules,
    rulesPerProfile: m.rules / profiles.length,
    regexesPerProfile: m.regexRules / profiles.length,
    compileMs: m.compileMs,
    maxRegexChars: m.maxRegexChars,
    regexRulesMax: PROFILE_REGEX_RULES_MAX,
    dynamicRulesMax: BROWSER_DYNAMIC_RULES_MAX,
    regexRulesUsedPct: Math.round((m.regexRules / PROFILE_REGEX_RULES_MAX) * 1000) / 10,
    maxRegexRe2: m.maxRegexRe2,
    regexRe2Max: REGEX_BUDGET,
  };
}

/** The same for 500 listed conversations, printed beside the profiles' figures. */
export async function benchConversationRules(): Promise<Record<string, number>> {
  const conversations = sampleConversations(500);
  const m = await measureRules(conversations);
  mustFit('500 conversations', m);
  return {
    conversations: conversations.length,
    rules: m.rules,
    regexRules: m.regexRules,
    compileMs: m.compileMs,
    maxRegexChars: m.maxRegexChars,
    maxRegexRe2: m.maxRegexRe2,
    regexRe2Max: REGEX_BUDGET,
  };
}
