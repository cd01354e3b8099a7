import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The folders whose files make the extension; a change to any of them is a new build. */
const SOURCES = ['entrypoints', 'components', 'lib', 'public'];

function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(join(root, path)).isDirectory() ? filesUnder(root, path) : [path];
    });
}

/**
 * The build identity lib/build.ts reads: the package version, "+", and the first 12 hex
 * digits of a SHA-256 over every source file's path and bytes, in a fixed order. It
 * depends only on the sources, never on the time or the machine.
 */
export function buildIdentity(root: string = process.cwd()): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((d) => filesUnder(root, d))) {
    hash.update(relative(root, join(root, file)).replaceAll('\\', '/'));
    hash.update('\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return `${pkg.version}+${hash.digest('hex').slice(0, 12)}`;
}

/**
 * Points the built manifest's service worker at `background-<hash>.js`, a file of one
 * line that imports background.js (see wxt.config.ts for why). Returns the file's name.
 */
export function nameWorkerForBuild(outDir: string, identity: string): string {
  const manifestPath = join(outDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    background?: { service_worker?: string; type?: string };
  };
  const worker = manifest.background?.service_worker;
  if (worker !== 'background.js' || manifest.background?.type !== 'module') {
    throw new Error(`Expected a module service worker named background.js, found ${worker}`);
  }
  const name = `background-${identity.split('+')[1] ?? 'build'}.js`;
  writeFileSync(join(outDir, name), "import './background.js';\n");
  manifest.background.service_worker = name;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return name;
}
