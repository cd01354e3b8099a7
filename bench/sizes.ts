import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (file: string) => gzipSync(readFileSync(file)).length;

/**
 * Files an entry point loads (an HTML page's scripts and styles, or a script), followed
 * through imports; with `dynamic` false, only those it needs before its first script runs.
 */
function entryFiles(outDir: string, entry: string, dynamic = true): string[] {
  const imports = dynamic
    ? /(?:from|import)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g
    : /(?:from|import)\s*["'`]([^"'`]+\.js)["'`]/g;
  const seen = new Set<string>();
  const visit = (rel: string) => {
    const clean = rel.replace(/^\//, '');
    if (seen.has(clean)) return;
    seen.add(clean);
    if (!clean.endsWith('.js')) return;
    const src = readFileSync(join(outDir, clean), 'utf8');
    for (const m of src.matchAll(imports)) {
      const target = m[1]!;
      visit(join(clean, '..', target).replace(/^\.\//, ''));
    }
  };
  if (entry.endsWith('.js')) {
    visit(entry);
    return [...seen];
  }
  const page = readFileSync(join(outDir, entry), 'utf8');
  for (const m of page.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) visit(m[1]!);
  return [...seen];
}

/** Gzipped bytes of each entry point's JavaScript and CSS in a build. */
export function benchSizes(outDir = '.output/chrome-mv3'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const html of ['popup.html', 'interstitial.html', 'options.html']) {
    const files = entryFiles(outDir, html);
    out[`${html.replace('.html', '')}Kb`] = round(
      files.reduce((n, f) => n + gz(join(outDir, f)), 0) / 1024,
    );
  }
  // What each page loads before its first script runs (the rest is imported later).
  for (const html of ['popup.html', 'interstitial.html']) {
    const first = entryFiles(outDir, html, false);
    out[`${html.replace('.html', '')}FirstScriptKb`] = round(
      first.reduce((n, f) => n + gz(join(outDir, f)), 0) / 1024,
    );
  }
  for (const f of ['background.js', 'content-scripts/guard.js', 'content-scripts/guard-main.js']) {
    const key = f.replace(/^content-scripts\//, '').replace('.js', '');
    const files = entryFiles(outDir, f);
    out[`${key}Kb`] = round(files.reduce((n, x) => n + gz(join(outDir, x)), 0) / 1024);
  }
  const total = (dir: string): number =>
    readdirSync(dir).reduce((n, name) => {
      const p = join(dir, name);
      return n + (statSync(p).isDirectory() ? total(p) : statSync(p).size);
    }, 0);
  out.buildTotalKb = round(total(outDir) / 1024);
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;
