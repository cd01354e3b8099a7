import { describe, expect, it } from 'vitest';
import {
  cardFor,
  ifThenPlans,
  usableReasons,
  whyContactResets,
} from '@/components/interstitial/cards';
import { REASON_MAX_CHARS } from '@/lib/limits';
import { t } from '@/lib/i18n';
import { PURPOSES } from '@/lib/settings';
import { WHY_CONTACT_RESETS_KEYS } from '@/components/interstitial/cards';

// The English words, as the browser gives them (tests/unit/setup/i18n.ts).
const WHY_CONTACT_RESETS = whyContactResets();
const IF_THEN_PLANS = ifThenPlans();

const kinds = (reasons: string[], n: number) =>
  Array.from({ length: n }, (_, i) => cardFor(i, reasons).kind);

describe('the words on the cards', () => {
  it('has at least 8 distinct, short explanations of why contact starts the count again', () => {
    expect(new Set(WHY_CONTACT_RESETS).size).toBeGreaterThanOrEqual(8);
    expect(new Set(WHY_CONTACT_RESETS).size).toBe(WHY_CONTACT_RESETS.length);
    for (const t of [...WHY_CONTACT_RESETS, ...IF_THEN_PLANS]) expect(t.length).toBeLessThan(160);
  });

  it('makes no claims about brains or about winning anyone back', () => {
    const all = [...WHY_CONTACT_RESETS, ...IF_THEN_PLANS].join(' ').toLowerCase();
    for (const word of ['brain', 'dopamine', 'win them back', 'get them back', 'miss you'])
      expect(all).not.toContain(word);
  });

  it('has if-then plans in the "If I want to look, then I will ..." form', () => {
    for (const p of IF_THEN_PLANS) expect(p).toMatch(/^If I want to look, then I will .+\.$/);
  });
});

describe('the "why" cards follow what the days are for', () => {
  it('each purpose shows its own cards first, then the shared ones', () => {
    for (const purpose of PURPOSES) {
      const own = whyContactResets(purpose);
      const whys = Array.from({ length: 2 * own.length }, (_, i) => cardFor(i, [], [], purpose))
        .filter((c) => c.kind === 'why')
        .map((c) => c.text);
      expect(whys).toEqual(own);
      expect(own.slice(-WHY_CONTACT_RESETS_KEYS.length)).toEqual(
        WHY_CONTACT_RESETS_KEYS.map((k) => t(k)),
      );
    }
    expect(whyContactResets('reconnect')[0]).toMatch(/around/);
    expect(whyContactResets('move-on')[0]).toMatch(/move on/);
    expect(whyContactResets('reconnect')).not.toEqual(whyContactResets('move-on'));
  });

  it('no purpose is promised a reunion, and none is shamed', () => {
    for (const purpose of PURPOSES) {
      const all = whyContactResets(purpose).join(' ').toLowerCase();
      for (const word of [
        'win them back',
        'get them back',
        'will come back',
        'guarantee',
        'weak',
        'pathetic',
      ])
        expect(all).not.toContain(word);
    }
  });
});

describe('cardFor: which card a visit shows', () => {
  it('without reasons, alternates explanations and if-then plans', () => {
    expect(kinds([], 6)).toEqual(['why', 'if-then', 'why', 'if-then', 'why', 'if-then']);
  });

  it('never shows the same kind on two visits in a row, and never the same words', () => {
    for (const reasons of [[], ['One'], ['One', 'Two', 'Three']]) {
      for (let i = 1; i < 60; i++) {
        const [a, b] = [cardFor(i - 1, reasons), cardFor(i, reasons)];
        expect(a.kind === b.kind && a.kind !== 'reason').toBe(false);
        expect(a.text).not.toBe(b.text);
      }
    }
  });

  it('walks through every explanation before repeating one', () => {
    const whys = Array.from({ length: 200 }, (_, i) => cardFor(i, []))
      .filter((c) => c.kind === 'why')
      .map((c) => c.text);
    expect(whys.slice(0, WHY_CONTACT_RESETS.length)).toEqual([...WHY_CONTACT_RESETS]);
    expect(whys[WHY_CONTACT_RESETS.length]).toBe(WHY_CONTACT_RESETS[0]);
  });

  it("brings up the person's own reasons every other visit, each in turn", () => {
    const reasons = ['I deserve someone who stays.', 'I sleep better when I do not look.'];
    expect(kinds(reasons, 8)).toEqual([
      'reason',
      'why',
      'reason',
      'if-then',
      'reason',
      'why',
      'reason',
      'if-then',
    ]);
    const shown = [0, 2, 4, 6].map((i) => cardFor(i, reasons).text);
    expect(shown).toEqual([reasons[0], reasons[1], reasons[0], reasons[1]]);
    expect(cardFor(0, reasons).title).toBe('In your own words');
  });

  it('tidies reasons: blank ones left out, spaces collapsed, the longest allowed shown whole', () => {
    const longest = 'x'.repeat(REASON_MAX_CHARS);
    expect(usableReasons(['  ', '', '  two   words ', longest])).toEqual(['two words', longest]);
    // Only blank reasons: as if there were none.
    expect(kinds(['   '], 2)).toEqual(['why', 'if-then']);
  });

  it('treats a broken visit number as the first visit', () => {
    for (const n of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1.5])
      expect(cardFor(n, [])).toEqual(cardFor(0, []));
  });
});
