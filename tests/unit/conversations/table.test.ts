import { describe, expect, it } from 'vitest';
import { matchProfile } from '@/lib/match';
import { compileRules, NON_MAIN_FRAME } from '@/lib/rules/compile';
import { evaluate, expectRulesVerdict } from '../helpers/dnr-eval';
import { everyConversation, everyPlatform, INTERSTITIAL } from '../profiles/fixtures';
import { CONVERSATION_CASES, GUARD_CASES, NETWORK_CASES } from './cases';

// Every platform's entries at once: a conversation's address must not be taken by a
// profile's rules either, and the other way round.
const profiles = everyPlatform();
const rules = compileRules(profiles, { interstitialUrl: INTERSTITIAL });

/** What the browser hands declarativeNetRequest: the address without its fragment. */
const requested = (address: string) => {
  const u = new URL(address);
  u.hash = '';
  return u.href;
};

describe('what a listed conversation covers', () => {
  it('has at least 80 hand-written cases, hitting every listed conversation', () => {
    expect(CONVERSATION_CASES.length).toBeGreaterThanOrEqual(80);
    const hit = new Set(CONVERSATION_CASES.map(([, id]) => id));
    for (const p of everyConversation()) expect(hit.has(p.id), p.id).toBe(true);
    // Near misses too: at least as many addresses that must load as addresses stopped.
    const open = CONVERSATION_CASES.filter(([, id]) => id === null).length;
    expect(open).toBeGreaterThanOrEqual(40);
  });

  it.each(CONVERSATION_CASES)('%s -> %s (matcher: the page-side guard)', (address, id) => {
    expect(matchProfile(address, profiles)?.id ?? null).toBe(id);
  });

  it.each(NETWORK_CASES)('%s -> %s (compiled rules)', (address, id) => {
    expectRulesVerdict(profiles, rules, requested(address), id);
  });

  it.each(GUARD_CASES)('%s: no network rule sees the chat in the fragment', (address) => {
    const href = requested(address);
    expect(evaluate(rules, { url: href, type: 'main_frame' }).action).toBe('none');
    for (const type of NON_MAIN_FRAME) {
      expect(evaluate(rules, { url: href, type }).action).toBe('none');
    }
  });

  it('makes no network rule of a fragment, and the guard still knows the chat', () => {
    const telegram = everyConversation().filter((p) => p.platform === 'telegram');
    expect(telegram).toHaveLength(1);
    expect(compileRules(telegram, { interstitialUrl: INTERSTITIAL })).toEqual([]);
    expect(matchProfile(telegram[0]!.url, telegram)?.id).toBe(telegram[0]!.id);
  });
});
