// Does what an addons.mozilla.org reviewer does with the sources zip, and checks the result:
// unpacks .output/<name>-<version>-sources.zip into a temporary folder, runs `npm ci` and
// `npm run build-for-amo` there, and compares every file of the rebuilt
// .output/firefox-mv3 with the Firefox package that `npm run zip` made, by SHA-256.
// Also checks that the sources zip holds package-lock.json and none of node_modules,
// .output, reports or tests.
//
// Usage: npm run zip && npm run verify:amo [-- --keep]   (--keep leaves the folder behind)
// Needs `unzip` and the npm registry. Exits 1 on any difference.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const sourcesZip = path.join(root, '.output', `${name}-${version}-sources.zip`);
const firefoxZip = path.join(root, '.output', `${name}-${version}-firefox.zip`);
for (const zip of [sourcesZip, firefoxZip]) {
  if (!existsSync(zip)) {
    console.error(`${path.relative(root, zip)} is missing: run \`npm run zip\` first.`);
    process.exit(1);
  }
}

const problems = [];

// What the sources zip holds.
const entries = execFileSync('unzip', ['-Z1', sourcesZip], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const forbidden = /^(node_modules|\.output|\.wxt|reports|tests|bench)\/|(^|\/)\.tmp\//;
for (const e of entries.filter((e) => forbidden.test(e))) problems.push(`sources zip holds ${e}`);
for (const needed of [
  'package.json',
  'package-lock.json',
  'wxt.config.ts',
  'SOURCE_CODE_REVIEW.md',
])
  if (!entries.includes(needed)) problems.push(`sources zip lacks ${needed}`);
console.log(`sources zip: ${entries.length} files`);

const work = mkdtempSync(path.join(tmpdir(), 'no-contact-amo-'));
const src = path.join(work, 'src');
const expected = path.join(work, 'expected');
try {
  execFileSync('unzip', ['-q', sourcesZip, '-d', src], { stdio: 'inherit' });
  execFileSync('unzip', ['-q', firefoxZip, '-d', expected], { stdio: 'inherit' });
  const npm = (...args) =>
    execFileSync('npm', args, { cwd: src, stdio: 'inherit', env: { ...process.env, CI: '1' } });
  console.log(`\n$ npm ci   (in ${src})`);
  npm('ci', '--no-audit', '--no-fund');
  console.log('\n$ npm run build-for-amo');
  npm('run', 'build-for-amo');

  const rebuilt = hashes(path.join(src, '.output', 'firefox-mv3'));
  const shipped = hashes(expected);
  let same = 0;
  for (const [file, hash] of shipped) {
    if (!rebuilt.has(file)) problems.push(`missing from the rebuild: ${file}`);
    else if (rebuilt.get(file) !== hash) problems.push(`differs: ${file}`);
    else same++;
  }
  for (const file of rebuilt.keys())
    if (!shipped.has(file)) problems.push(`only in the rebuild: ${file}`);
  console.log(`\n${same} of ${shipped.size} files of the Firefox package rebuilt byte for byte`);
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
console.log('The sources zip rebuilds the Firefox package exactly.');

function hashes(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        out.set(
          path.relative(dir, full).split(path.sep).join('/'),
          createHash('sha256').update(readFileSync(full)).digest('hex'),
        );
    }
  };
  walk(dir);
  return out;
}
