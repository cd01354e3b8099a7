import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchProfile } from '@/lib/match';
import {
  ASKED_DOMAINS,
  ASKED_HOSTS,
  PLATFORM_DOMAINS,
  PLATFORM_HOST_PATTERNS,
  PLATFORM_HOSTS,
} from '@/lib/profiles/hosts';
import { PLATFORM_MODULES, platformModule } from '@/lib/profiles';
import { patternSource, type Pattern } from '@/lib/profiles/platform';
import { PLATFORMS } from '@/lib/profiles/types';
import { re2Size } from '@/lib/rules/regex';
import { compileRules } from '@/lib/rules/compile';
import { evaluate } from '../helpers/dnr-eval';
import { everyPlatform, INTERSTITIAL } from './fixtures';
import { CASES } from './url-cases';

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

  it('declare every domain they reach in the manifest host list or the asked one, and nothing else', () => {
    const reached = new Set(builtIn.flatMap((m) => [...m.domains]));
    expect(new Set([...PLATFORM_DOMAINS, ...ASKED_DOMAINS])).toEqual(reached);
    // The asked hosts are never in the manifest's list: they are asked for when listed.
    for (const d of ASKED_DOMAINS) {
      expect(
        PLATFORM_DOMAINS.some((p) => d === p || d.endsWith(`.${p}`)),
        d,
      ).toBe(false);
      expect(
        PLATFORM_HOST_PATTERNS.some((p) => p.includes(d)),
        d,
      ).toBe(false);
    }
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

  it('take their domains from the one list in hosts.ts', () => {
    // A conversation's module takes the hosts of its platform's profiles.
    const hostsOf: Record<string, string> = {
      'instagram-direct': 'instagram',
      'x-messages': 'x',
      'linkedin-messaging': 'linkedin',
    };
    for (const m of builtIn) {
      const name = hostsOf[m.platform] ?? m.platform;
      const lists: Record<string, readonly string[]> = { ...PLATFORM_HOSTS, ...ASKED_HOSTS };
      expect(m.domains, m.platform).toEqual(lists[name]);
    }
  });
});

describe('the one list of hosts', () => {
  const profiles = everyPlatform().filter((p) => p.platform !== 'custom');
  const rules = compileRules(profiles, { interstitialUrl: INTERSTITIAL });
  const action = (url: string) => evaluate(rules, { url, type: 'main_frame' }).action;

  it('is the list docs/permissions.md gives (and the manifest test checks)', () => {
    const doc = readFileSync('docs/permissions.md', 'utf8');
    const block = /```json\n([\s\S]*?)\n```/.exec(
      doc.split('## The list the tests check')[1] ?? '',
    );
    const list = JSON.parse(block?.[1] ?? '{}') as { host_permissions: { domains: string[] } };
    expect(list.host_permissions.domains).toEqual([...PLATFORM_DOMAINS]);
  });

  it('leaves the chat apps asked for when listed out of it, as docs/permissions.md says', () => {
    const doc = readFileSync('docs/permissions.md', 'utf8');
    const section = doc.split('### Chat apps, when a conversation there is listed')[1] ?? '';
    const block = /```json\n([\s\S]*?)\n```/.exec(section);
    const asked = JSON.parse(block?.[1] ?? '{}') as { asked_when_listed: string[] };
    expect(asked.asked_when_listed).toEqual([...ASKED_DOMAINS]);
    for (const d of ASKED_DOMAINS) expect(PLATFORM_DOMAINS).not.toContain(d);
  });

  it('is reached by the rules on every one of its domains, and nowhere else', () => {
    // Each listed profile's own address, moved to every platform domain: the rules and the
    // matcher stop it only on a domain of its own platform.
    const own = CASES.filter(
      ([u, id]) => id !== null && !id.startsWith('custom:') && URL.canParse(u),
    );
    const reached = new Set<string>();
    for (const [address, id] of own) {
      const p = profiles.find((x) => x.id === id);
      const mod = p && PLATFORM_MODULES.find((m) => m.platform === p.platform);
      if (!p || !mod) continue;
      for (const domain of [
        ...PLATFORM_DOMAINS,
        'example.org',
        'instagram.net',
        'pinterest.evil',
      ]) {
        const url = new URL(address);
        // Kept on their own host: subdomains that are part of the address (a Tumblr blog's,
        // a country's, a mobile site's) and the embedded players' hosts.
        if (!/^(?:www\.)?[^.]+\.[^.]+$/.test(url.hostname)) continue;
        url.hostname = `www.${domain}`;
        const mine = mod.domains.includes(domain);
        const hit = matchProfile(url.href, [p]) !== null;
        if (hit) reached.add(domain);
        expect(!hit || mine, `${url.href} is not ${p.id}'s`).toBe(true);
        const stopped = action(url.href) !== 'none';
        expect(
          !stopped || PLATFORM_DOMAINS.includes(domain) || domain.startsWith('pinterest.'),
          url.href,
        ).toBe(true);
      }
    }
    // Every domain of the list reaches some listed profile by its own address.
    expect([...reached].sort()).toEqual([...PLATFORM_DOMAINS].sort());
  });

  it('catches hand-made spellings on every domain, and lets plain pages of the domain load', () => {
    for (const domain of PLATFORM_DOMAINS) {
      expect(action(`https://www.${domain}/j%61mie`), domain).toBe('redirect');
      expect(action(`https://www.${domain}./x`), domain).toBe('redirect');
      expect(action(`https://www.${domain}/about`), domain).toBe('none');
    }
  });
});
