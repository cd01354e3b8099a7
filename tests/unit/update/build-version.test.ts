import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareBuilds, versionOf } from '@/lib/build';
import { buildIdentity } from '../../../scripts/build-identity';
import recorded from '../fixtures/data-versions.json';

/*
 * The build version must change with every build that changes what is stored or what the
 * contexts say to each other: the browser only replaces a running background when the
 * version changes, and pages and background tell each other's age by it (lib/page-link).
 * So the code of stored data and messages has a fingerprint, and every fingerprint is
 * recorded beside the version that first shipped it (tests/unit/fixtures/data-versions.json).
 */

/** The files whose code decides stored data and messages. */
const SHAPES = [
  'lib/messaging.ts',
  'lib/db/schema.ts',
  'lib/settings/types.ts',
  'lib/settings/migrate.ts',
  'lib/streak/log-event.ts',
  'lib/outbox.ts',
];

/** The code without its comments and spacing: only a change of code changes the print. */
function shapesFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of SHAPES) {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/\s+/g, '');
    hash.update(`${file}\0${code}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const table = recorded as Record<string, string>;

describe('the build version follows the shape of stored data and messages', () => {
  it("this code's fingerprint is the one recorded for package.json's version", () => {
    const now = shapesFingerprint();
    const versions = Object.keys(table);
    const newest = versions[versions.length - 1]!;
    // When this fails: raise "version" in package.json (and package-lock.json) and add
    // `"<new version>": "<this fingerprint>"` at the end of data-versions.json.
    expect(
      { version: pkg.version, fingerprint: now },
      `stored data or messages changed (fingerprint ${now}): raise the version past ${newest}`,
    ).toEqual({ version: newest, fingerprint: table[newest] });
  });

  it('the recorded versions rise, and no two share a fingerprint', () => {
    const versions = Object.keys(table);
    for (let i = 1; i < versions.length; i++) {
      expect(compareBuilds(versions[i]!, versions[i - 1]!)).toBeGreaterThan(0);
    }
    expect(new Set(Object.values(table)).size).toBe(versions.length);
  });

  it('the build identity is the version and a hash of the sources, the same each time', () => {
    const id = buildIdentity();
    expect(id).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(versionOf(id)).toEqual(pkg.version.split('.').map(Number));
    expect(buildIdentity()).toBe(id);
  });

  it('builds are ordered by their version, not by their hash', () => {
    expect(compareBuilds('0.2.0+ffff', '0.10.0+0000')).toBeLessThan(0);
    expect(compareBuilds('1.0.0+aaaa', '0.9.9+ffff')).toBeGreaterThan(0);
    expect(compareBuilds('0.2.0+aaaa', '0.2.0+bbbb')).toBe(0);
    expect(compareBuilds('0.2+aaaa', '0.2.0+bbbb')).toBe(0);
  });
});
