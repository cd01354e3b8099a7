import { describe, expect, it } from 'vitest';
import { PLATFORM_DOMAINS, PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';
import { PLATFORM_MODULES, platformModule } from '@/lib/profiles';
import { patternSource, type Pattern } from '@/lib/profiles/platform';
import { PLATFORMS } from '@/lib/profiles/types';
import { re2Size } from '@/lib/rules/regex';
import { everyPlatform } from './fixtures';

const builtIn = PLATFORM_MODULES.filter((m) => m.platform !== 'custom');

/** Splits a fragment at `|` outside groups and classes; more than one part = top-level `|`. */
function topLevelParts(fragment: string): string[] {
  const parts = [''];
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment[i] ?? '';
    if (c === '\\') {
      parts[parts.length - 1] += fragment.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push('');
      continue;
    }
    if (depth < 0) throw new Error(`unbalanced ) in ${fragment}`);
    parts[parts.length - 1] += c;
  }
  if (depth !== 0 || inClass) throw new Error(`unbalanced ( or [ in ${fragment}`);
  return parts;
}

describe('platform modules', () => {
  it('exist for every platform, once each', () => {
    expect(PLATFORM_MODULES.map((m) => m.platform).sort()).toEqual([...PLATFORMS].sort());
    for (const p of PLATFORMS) expect(platformModule(p)?.platform).toBe(p);
  });

  it('declare every domain they reach in the manifest host list, and nothing else', () => {
    const reached = new Set(builtIn.flatMap((m) => [...m.domains]));
    expect(new Set(PLATFORM_DOMAINS)).toEqual(reached);
    for (const d of PLATFORM_DOMAINS) {
      expect(PLATFORM_HOST_PATTERNS).toContain(`*://${d}/*`);
      expect(PLATFORM_HOST_PATTERNS).toContain(`*://*.${d}/*`);
    }
    for (const m of builtIn) for (const d of m.home ?? []) expect(m.domains).toContain(d);
  });

  it('write fragments in the syntax JavaScript and RE2 share', () => {
    const patterns: Pattern[] = everyPlatform().flatMap(
      (p) => platformModule(p.platform)?.patterns(p.key) ?? [],
    );
    expect(patterns.length).toBeGreaterThan(20);
    for (const pt of patterns) {
      for (const fragment of [pt.head, pt.key, pt.tail]) {
        // No capturing groups, look-around, back-references, \d or \w, counted repetition.
        expect(fragment).not.toMatch(/\((?!\?:)|\(\?[=!<]|\\[1-9dDwWsSbB]|\{/);
        expect(topLevelParts(fragment)).toHaveLength(1);
      }
      const source = patternSource(pt);
      expect(() => new RegExp(source)).not.toThrow();
      expect(() => re2Size(source, pt.caseSensitive)).not.toThrow();
    }
  });
});
