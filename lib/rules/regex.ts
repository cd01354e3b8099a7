import { REGEX_BUDGET } from '../limits';
import { ROOT } from '../profiles/platform';

/**
 * How big a regexFilter may be.
 *
 * Chrome compiles each regexFilter with RE2 in Latin-1 mode under `max_mem` = 2 KB, of
 * which RE2 gives two thirds to the forward program, at 8 bytes per instruction after a
 * fixed header. Measured against RE2 with Chrome's options, that allows about 116
 * instructions: a literal of 112 characters is the longest that compiles. A larger regex
 * is refused ("memoryLimitExceeded" from isRegexSupported, and updateDynamicRules rejects
 * the whole update).
 *
 * `re2Size` below over-estimates RE2's count for the syntax the patterns use (it ignores
 * RE2's own factoring of alternatives), and chunks are kept to `REGEX_BUDGET` estimated
 * instructions, leaving room for RE2 versions whose program header is a little larger.
 * The reconciler still asks the browser about every new regex and splits any it refuses.
 * The figure itself lives with the other limits, in lib/limits.ts.
 */
export { REGEX_BUDGET };

/** Keys that share a head and a tail: `head(?:k1|k2|...)tail`. */
export interface KeyGroup {
  head: string;
  tail: string;
  keys: readonly string[];
}

const alt = (parts: readonly string[]) =>
  parts.length === 1 ? (parts[0] ?? '') : `(?:${parts.join('|')})`;

export function groupSource(g: KeyGroup): string {
  return g.head + alt(g.keys) + g.tail;
}

/**
 * One regex for several groups: `ROOT(?:g1|g2|...)`, plus `.*` when `whole`. A redirect
 * needs `.*`: Chrome replaces only the matched part of the URL with the substitution, so
 * the match must run to the end for `\0` to carry the whole address.
 */
export function chunkSource(groups: readonly KeyGroup[], whole: boolean): string {
  return ROOT + alt(groups.map(groupSource)) + (whole ? '.*' : '');
}

/**
 * Estimated RE2 instruction count of `source` compiled as Chrome does (Latin-1, never
 * capturing unless a redirect needs `\0`, which costs nothing extra here since the
 * patterns use no capturing groups). Handles the subset the platform patterns use:
 * literals, escapes, classes, `(?:)`, `|`, `? * +`, `.`, `^`, `$`. Throws on anything else
 * so that a new construct can't slip past the budget unmeasured.
 */
export function re2Size(source: string, caseSensitive: boolean): number {
  // Match and Fail, plus the start of a program. A leading ^ is a flag, not an instruction.
  let n = 3;
  let i = source.startsWith('^') ? 1 : 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\') {
      if (!/[^a-zA-Z0-9]/.test(source[i + 1] ?? 'a'))
        throw new Error(`unsupported escape in ${source}`);
      n += 1;
      i += 2;
    } else if (c === '[') {
      const end = classEnd(source, i);
      const ranges = classRanges(source.slice(i + 1, end), caseSensitive);
      n += 2 * ranges - 1;
      i = end + 1;
    } else if (c === '(') {
      if (!source.startsWith('(?:', i)) n += 2; // a capturing group: two Capture instructions
      i += source.startsWith('(?:', i) ? 3 : 1;
    } else if (c === ')') {
      i += 1;
    } else if ('|?*+^$'.includes(c)) {
      n += 1;
      i += 1;
    } else if (c === '.') {
      n += 3; // [^\n]: two byte ranges and their Alt
      i += 1;
    } else if ('{}'.includes(c)) {
      throw new Error(`counted repetition is not supported: ${source}`);
    } else {
      n += 1;
      i += 1;
    }
  }
  return n;
}

function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i += 1;
  if (source[i] === ']') i += 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  if (i >= source.length) throw new Error(`unterminated class in ${source}`);
  return i;
}

/** Number of Latin-1 byte ranges a class compiles to. */
function classRanges(body: string, caseSensitive: boolean): number {
  let negated = false;
  let i = 0;
  if (body.startsWith('^')) {
    negated = true;
    i = 1;
  }
  const ranges: [number, number][] = [];
  const readChar = (): number => {
    const ch = body[i] === '\\' ? body[(i += 1)] : body[i];
    i += 1;
    return (ch ?? '').charCodeAt(0);
  };
  while (i < body.length) {
    const lo = readChar();
    let hi = lo;
    if (body[i] === '-' && i + 1 < body.length) {
      i += 1;
      hi = readChar();
    }
    ranges.push([lo, hi]);
  }
  if (!caseSensitive) {
    // RE2 adds the other case of every letter, then drops A-Z and marks the rest
    // "fold case", so a folded class costs what its lower-case half costs.
    for (const [lo, hi] of [...ranges]) {
      const a = Math.max(lo, 65);
      const b = Math.min(hi, 90);
      if (a <= b) ranges.push([a + 32, b + 32]);
    }
  }
  let merged = merge(ranges);
  if (negated) {
    const out: [number, number][] = [];
    let next = 0;
    for (const [lo, hi] of merged) {
      if (lo > next) out.push([next, lo - 1]);
      next = hi + 1;
    }
    if (next <= 255) out.push([next, 255]);
    merged = out;
  }
  if (!caseSensitive) {
    merged = merged.filter(([lo, hi]) => !(lo >= 65 && hi <= 90));
  }
  return Math.max(1, merged.length);
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}
