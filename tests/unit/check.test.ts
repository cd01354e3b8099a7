import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpUrl, isHttpUrl, isInt, isKey, isObj, isOneOf, isText, isTime } from '@/lib/check';
import { KEY_MAX_CHARS } from '@/lib/limits';

describe('the shared field checks', () => {
  it('isObj: a plain object, not null or a list', () => {
    expect(isObj({})).toBe(true);
    for (const v of [null, [], 'x', 1, undefined]) expect(isObj(v), String(v)).toBe(false);
  });

  it('isInt: whole numbers within both bounds', () => {
    expect(isInt(0, 0, 60)).toBe(true);
    expect(isInt(60, 0, 60)).toBe(true);
    for (const v of [-1, 61, 1.5, '5', NaN, Infinity, null])
      expect(isInt(v, 0, 60), String(v)).toBe(false);
  });

  it('isTime: epoch milliseconds a Date can hold', () => {
    expect(isTime(0)).toBe(true);
    expect(isTime(8.64e15)).toBe(true);
    for (const v of [-1, 8.64e15 + 1, NaN, '1']) expect(isTime(v), String(v)).toBe(false);
  });

  it('isText and isKey: text within its limits', () => {
    expect(isText('', 3)).toBe(true);
    expect(isText('abc', 3)).toBe(true);
    expect(isText('abcd', 3)).toBe(false);
    expect(isText('', 3, 1)).toBe(false);
    expect(isText(3, 3)).toBe(false);
    expect(isKey('k'.repeat(KEY_MAX_CHARS))).toBe(true);
    expect(isKey('k'.repeat(KEY_MAX_CHARS + 1))).toBe(false);
    expect(isKey('')).toBe(false);
  });

  it('isOneOf: only the listed values', () => {
    expect(isOneOf('a', ['a', 'b'] as const)).toBe(true);
    expect(isOneOf('c', ['a', 'b'] as const)).toBe(false);
    expect(isOneOf(undefined, ['a'] as const)).toBe(false);
  });

  it('isHttpUrl and httpUrl: web addresses only', () => {
    expect(isHttpUrl('https://www.instagram.com/jamie/')).toBe(true);
    expect(isHttpUrl('http://example.org')).toBe(true);
    expect(httpUrl('https://example.org/a')?.pathname).toBe('/a');
    for (const v of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.org', 'example.org', 42])
      expect(isHttpUrl(v), String(v)).toBe(false);
  });

  it('imports nothing but the limits and words, so the page-side guard stays small', () => {
    const source = readFileSync(new URL('../../lib/check.ts', import.meta.url), 'utf8');
    const from = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(
      from.every((f) => f === './limits' || f === './words'),
      from.join(),
    ).toBe(true);
  });
});
