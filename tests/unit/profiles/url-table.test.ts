import { describe, expect, it } from 'vitest';
import { matchProfile } from '@/lib/match';
import { compileRules } from '@/lib/rules/compile';
import { expectRulesVerdict } from '../helpers/dnr-eval';
import { everyPlatform, INTERSTITIAL } from './fixtures';
import { CONVERSATION_CASES } from '../conversations/cases';
import { CASES } from './url-cases';

const profiles = everyPlatform();
const rules = compileRules(profiles, { interstitialUrl: INTERSTITIAL });

describe('what a listed profile covers', () => {
  it('has a large table that covers every listed profile', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    // Conversations have their own table (tests/unit/conversations).
    const hit = new Set([...CASES, ...CONVERSATION_CASES].map(([, id]) => id));
    for (const p of profiles) expect(hit.has(p.id), p.id).toBe(true);
  });

  it.each(CASES)('%s -> %s (matcher)', (address, id) => {
    expect(matchProfile(address, profiles)?.id ?? null).toBe(id);
  });

  it.each(CASES)('%s -> %s (compiled rules)', (address, id) => {
    let href: string;
    try {
      href = new URL(address).href;
    } catch {
      return; // not a URL, so no request is ever made for it
    }
    expectRulesVerdict(profiles, rules, href, id);
  });
});
