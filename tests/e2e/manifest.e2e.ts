import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built manifests ask for exactly what docs/permissions.md lists and explains, and the
// Firefox build passes Mozilla's linter. No browser is needed: these read the files that
// `npm run build` (the first step of `npm run test:e2e`) wrote.

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = (path: string) => `${root}/${path}`;

interface ContentScriptEntry {
  js: string[];
  world?: string;
  matches: 'host_permissions' | string[];
}

interface DocumentedList {
  permissions: string[];
  optional_permissions: string[];
  host_permissions: { forms: string[]; domains: string[] };
  optional_host_permissions: string[];
  web_accessible_resources: { resources: string[]; matches: string[] }[];
  content_scripts: ContentScriptEntry[];
}

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: { resources: string[]; matches?: string[] }[];
  content_scripts?: {
    matches: string[];
    js?: string[];
    world?: string;
    match_about_blank?: boolean;
    match_origin_as_fallback?: boolean;
  }[];
  externally_connectable?: unknown;
  commands?: Record<string, { suggested_key?: Record<string, string>; description?: string }>;
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[]; optional?: string[] };
    };
  };
}

/** The JSON block under "The list the tests check" in docs/permissions.md. */
function readDocumentedList(markdown: string): DocumentedList {
  const section = markdown.split(/^## The list the tests check$/m)[1];
  const block = section && /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block)
    throw new Error('docs/permissions.md: no ```json block under "The list the tests check"');
  return JSON.parse(block) as DocumentedList;
}

const hostPatterns = (list: DocumentedList) =>
  list.host_permissions.domains.flatMap((d) =>
    list.host_permissions.forms.map((f) => f.replace('DOMAIN', d)),
  );

/** Everything a manifest grants, as comparable strings ("permissions: alarms", ...). */
function grants(manifest: Manifest): string[] {
  const out: string[] = [];
  for (const p of manifest.permissions ?? []) out.push(`permissions: ${p}`);
  for (const p of manifest.optional_permissions ?? []) out.push(`optional_permissions: ${p}`);
  for (const p of manifest.host_permissions ?? []) out.push(`host_permissions: ${p}`);
  for (const p of manifest.optional_host_permissions ?? [])
    out.push(`optional_host_permissions: ${p}`);
  for (const w of manifest.web_accessible_resources ?? [])
    for (const r of w.resources)
      for (const m of w.matches ?? ['(no matches)'])
        out.push(`web_accessible_resources: ${r} for ${m}`);
  for (const c of manifest.content_scripts ?? []) {
    for (const js of c.js ?? []) {
      const world = c.world ?? 'ISOLATED';
      for (const m of c.matches) out.push(`content_scripts: ${js} (${world}) on ${m}`);
      if (c.match_about_blank) out.push(`content_scripts: ${js} (${world}) on about:blank`);
      if (c.match_origin_as_fallback)
        out.push(`content_scripts: ${js} (${world}) on origin fallback`);
    }
  }
  if (manifest.externally_connectable !== undefined) out.push('externally_connectable');
  return out;
}

/** The same strings for what docs/permissions.md documents. */
function documented(list: DocumentedList): string[] {
  const hosts = hostPatterns(list);
  return grants({
    permissions: list.permissions,
    optional_permissions: list.optional_permissions,
    host_permissions: hosts,
    optional_host_permissions: list.optional_host_permissions,
    web_accessible_resources: list.web_accessible_resources,
    content_scripts: list.content_scripts.map((c) => ({
      js: c.js,
      ...(c.world ? { world: c.world } : {}),
      matches: c.matches === 'host_permissions' ? hosts : c.matches,
    })),
  });
}

/** Items of the list without a "### `name`" heading (and so without a paragraph). */
function unexplained(markdown: string, list: DocumentedList): string[] {
  const headings = markdown.split('\n').filter((l) => /^#{3,4} /.test(l));
  const names = [
    ...list.permissions,
    ...list.optional_permissions,
    ...list.optional_host_permissions,
    ...list.web_accessible_resources.flatMap((w) => w.resources),
    ...list.content_scripts.flatMap((c) => c.js.map((js) => js.split('/').pop() ?? js)),
  ];
  return names.filter((n) => !headings.some((h) => h.includes(`\`${n}\``)));
}

const doc = readFileSync(at('docs/permissions.md'), 'utf8');
const list = readDocumentedList(doc);

function builtManifest(dir: string): Manifest {
  const path = at(`.output/${dir}/manifest.json`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

describe('docs/permissions.md', () => {
  it('explains every item of its list under a heading of its own', () => {
    expect(unexplained(doc, list)).toEqual([]);
  });

  it('the comparison notices an added permission, host, resource or world', () => {
    // Guards the guard: a check that could not see a difference would pass forever.
    const base = documented(list);
    const hosts = hostPatterns(list);
    const manifest: Manifest = {
      permissions: [...list.permissions, 'tabs'],
      host_permissions: [...hosts, '*://example.org/*'],
      optional_host_permissions: list.optional_host_permissions,
      web_accessible_resources: [
        { resources: ['interstitial.html', 'x.js'], matches: ['<all_urls>'] },
      ],
      content_scripts: [{ js: ['content-scripts/guard.js'], world: 'MAIN', matches: hosts }],
      externally_connectable: { matches: ['*://*/*'] },
    };
    const extra = grants(manifest).filter((g) => !base.includes(g));
    expect(extra).toEqual(
      expect.arrayContaining([
        'permissions: tabs',
        'host_permissions: *://example.org/*',
        'web_accessible_resources: x.js for <all_urls>',
        'content_scripts: content-scripts/guard.js (MAIN) on *://instagram.com/*',
        'externally_connectable',
      ]),
    );
    expect(unexplained(doc, { ...list, permissions: [...list.permissions, 'tabs'] })).toEqual([
      'tabs',
    ]);
  });
});

describe.each([
  ['chromium', 'chrome-mv3'],
  ['firefox', 'firefox-mv3'],
])('%s build manifest', (_browser, dir) => {
  it('asks for nothing that docs/permissions.md does not list', () => {
    const base = documented(list);
    expect(grants(builtManifest(dir)).filter((g) => !base.includes(g))).toEqual([]);
  });

  it('asks for everything docs/permissions.md lists (the doc is not stale)', () => {
    const have = grants(builtManifest(dir));
    expect(documented(list).filter((g) => !have.includes(g))).toEqual([]);
  });

  it('suggests a key for the popup that the README names, and no other command', () => {
    // A command needs no permission; the person changes the key in the browser's settings.
    const commands = builtManifest(dir).commands ?? {};
    expect(Object.keys(commands)).toEqual(['_execute_action']);
    const key = commands._execute_action?.suggested_key?.default;
    expect(key).toBe('Alt+Shift+O');
    expect(commands._execute_action?.description).toBe('__MSG_commandOpenPopup__');
    const readme = readFileSync(at('README.md'), 'utf8');
    expect(readme).toContain(`${key} opens the popup`);
    expect(readme).toContain('chrome://extensions/shortcuts');
    expect(readme).toContain('Manage Extension Shortcuts');
  });

  it("bundles none of WXT's storage module, which nothing uses", () => {
    // WXT's auto-import transform still runs with `imports: false`: an identifier named
    // `storage` that looks free to it pulls its whole storage module (about 3 KB gzipped)
    // into every page that loads the file.
    const out = at(`.output/${dir}`);
    const js = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    expect(js.length).toBeGreaterThan(0);
    const withStorage = js.filter((f) =>
      readFileSync(`${out}/${f}`, 'utf8').includes('defineItem'),
    );
    expect(withStorage).toEqual([]);
  });
});

describe('firefox build for addons.mozilla.org', () => {
  it('declares that it collects no data, and a minimum version that has every API used', () => {
    const gecko = builtManifest('firefox-mv3').browser_specific_settings?.gecko;
    expect(gecko?.id).toBeTruthy();
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    // 140 is the first with data_collection_permissions (the newest key used).
    expect(Number.parseFloat(gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
  });

  it('passes `web-ext lint --warnings-as-errors` with no errors, warnings or notices', () => {
    builtManifest('firefox-mv3'); // a clear message when the build is missing
    const run = spawnSync(
      at('node_modules/.bin/web-ext'),
      [
        'lint',
        '--source-dir',
        at('.output/firefox-mv3'),
        '--warnings-as-errors',
        '--output',
        'json',
      ],
      { encoding: 'utf8', cwd: root, timeout: 60_000 },
    );
    if (run.error) throw run.error;
    type Finding = { code: string; message: string; file?: string; line?: number };
    let report: { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
    try {
      report = JSON.parse(run.stdout) as typeof report;
    } catch {
      throw new Error(`web-ext lint printed no JSON report:\n${run.stdout}\n${run.stderr}`);
    }
    const findings = [...report.errors, ...report.warnings, ...report.notices].map(
      (f) => `${f.code} ${f.file ?? ''}${f.line ? `:${f.line}` : ''} ${f.message}`,
    );
    expect(findings).toEqual([]);
    expect(run.status).toBe(0);
  }, 60_000);
});
