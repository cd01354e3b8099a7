import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import {
  backTogetherKeys,
  endedKey,
  goalReachedKey,
  limitsKey,
  SHARED_WHY_KEYS,
  whyCardKeys,
} from '@/lib/purpose';
import {
  ANGRY_REPORTS_FOR_REPLY,
  ANGRY_WINDOW_DAYS,
  angerKeepsHappening,
  angryReportsInWindow,
  guidanceFor,
  offersReply,
} from '@/lib/reached-out';
import { endPlanPath, endReasonFromAddress } from '@/lib/end-plan-link';
import { PURPOSES } from '@/lib/settings';

const DAY = 86_400_000;

describe('the words follow what the days are for', () => {
  it('each purpose has its own goal, end and "get back together" words', () => {
    for (const pick of [
      goalReachedKey,
      endedKey,
      (p: (typeof PURPOSES)[number]) => backTogetherKeys(p).text,
    ]) {
      const texts = PURPOSES.map((p) => t(pick(p)));
      expect(new Set(texts).size).toBe(PURPOSES.length);
    }
    expect(t(goalReachedKey('move-on'))).toMatch(/without the daily pull/);
    expect(t(endedKey('reconnect'))).toMatch(/does not script it/);
  });

  it('the honest limits are said to anyone hoping for a second chance or unsure, not to those moving on', () => {
    expect(limitsKey('reconnect')).toBe('purposeLimits');
    expect(limitsKey('unsure')).toBe('purposeLimits');
    expect(limitsKey('move-on')).toBeNull();
    expect(t('purposeLimits')).toMatch(/not an overnight fix/);
    expect(t('purposeLimits')).toMatch(/will not win back someone who has moved on/);
  });

  it('never promises a reunion, and never shames', () => {
    const all = PURPOSES.flatMap((p) => [
      ...whyCardKeys(p),
      goalReachedKey(p),
      endedKey(p),
      backTogetherKeys(p).title,
      backTogetherKeys(p).text,
    ])
      .map((k) => t(k).toLowerCase())
      .join(' ');
    for (const w of [
      'will come back',
      'win them back',
      'get them back',
      'guarantee that',
      'you failed',
      'weak',
    ])
      expect(all).not.toContain(w);
  });

  it('"why" cards: the purpose\'s own, then the shared ones', () => {
    for (const p of PURPOSES)
      expect(whyCardKeys(p).slice(-SHARED_WHY_KEYS.length)).toEqual(SHARED_WHY_KEYS);
    expect(whyCardKeys('reconnect')[0]).toBe('cardWhyReconnect1');
    expect(whyCardKeys('move-on')[0]).toBe('cardWhyMoveOn1');
  });

  it('"they asked to get back together" leads to ending, with the day\'s wait in the method\'s words', () => {
    for (const p of PURPOSES)
      expect(guidanceFor('get-back-together', p).advice).toBe('goal-reached');
    expect(guidanceFor('get-back-together', 'reconnect').text).toMatch(/over-eager/);
    expect(guidanceFor('get-back-together', 'move-on').text).toMatch(/don’t need to answer/);
  });
});

describe('angry or hurt messages: let them be, unless it keeps happening', () => {
  it(`suggests a short calm reply only from ${ANGRY_REPORTS_FOR_REPLY} reports in ${ANGRY_WINDOW_DAYS} days`, () => {
    expect(ANGRY_REPORTS_FOR_REPLY).toBe(3);
    expect(ANGRY_WINDOW_DAYS).toBe(7);
    expect(angerKeepsHappening(1)).toBe(false);
    expect(angerKeepsHappening(2)).toBe(false);
    expect(angerKeepsHappening(3)).toBe(true);
    const first = guidanceFor('angry', 'unsure', 1);
    expect(first.advice).toBe('let-be');
    expect(first.text).toMatch(/let them be/);
    const ongoing = guidanceFor('angry', 'unsure', 3);
    expect(ongoing.advice).toBe('brief-reply');
    expect(ongoing.text).toMatch(/You have logged 3 angry or hurt messages in a week/);
  });

  it('counts angry reports within the last 7 days only, this one included', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    const r = (daysAgo: number, gist: 'angry' | 'asking-why' = 'angry') => ({
      time: now - daysAgo * DAY,
      gist,
    });
    expect(angryReportsInWindow([r(0), r(3), r(6.9)], now)).toBe(3);
    expect(angryReportsInWindow([r(0), r(3), r(7)], now)).toBe(2);
    expect(angryReportsInWindow([r(0), r(1, 'asking-why'), r(2)], now)).toBe(2);
    expect(angryReportsInWindow([r(-1), r(0)], now)).toBe(1);
  });

  it('mixed signals offer no reply; the other kinds do', () => {
    expect(offersReply('mixed-signals')).toBe(false);
    for (const g of ['asking-why', 'angry', 'get-back-together', 'practical', 'other'] as const)
      expect(offersReply(g)).toBe(true);
  });
});

describe('the way to "End the plan" with a reason chosen', () => {
  it('reads back the reason it names, and nothing else', () => {
    expect(endPlanPath('reconciled')).toBe('/options.html?end=reconciled#plan');
    expect(endReasonFromAddress('?end=reconciled')).toBe('reconciled');
    expect(endReasonFromAddress('?end=goal-reached')).toBe('goal-reached');
    expect(endReasonFromAddress('?end=no-longer-needed')).toBeNull();
    expect(endReasonFromAddress('?end=<script>')).toBeNull();
    expect(endReasonFromAddress('')).toBeNull();
  });
});
