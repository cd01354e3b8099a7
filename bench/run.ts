import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { judge, verdictRows } from './goals';
import { benchGuardCost } from './guard-cost';
import { benchInterception } from './interception';
import { benchPopup } from './popup';
import { benchConversationRules, benchRules } from './rules';
import { benchSizes } from './sizes';
import { benchStats } from './stats';

/**
 * `npm run bench`: every speed and size figure in one table, saved to
 * bench/results/latest.json beside the previous run's, so a change can be compared.
 */
const RESULTS = 'bench/results';
const LATEST = `${RESULTS}/latest.json`;

async function main() {
  const previous: Record<string, Record<string, number>> = existsSync(LATEST)
    ? (
        JSON.parse(readFileSync(LATEST, 'utf8')) as {
          figures: Record<string, Record<string, number>>;
        }
      ).figures
    : {};
  const figures: Record<string, Record<string, number>> = {};
  const sections: [string, () => Promise<Record<string, number>> | Record<string, number>][] = [
    ['sizes (gzip)', () => benchSizes()],
    ['rules, 500 profiles', benchRules],
    ['rules, 500 conversations', benchConversationRules],
    ['stats, 20,000 events', benchStats],
    ['interception, Chromium', benchInterception],
    ['popup, 20,000 events, Chromium', benchPopup],
    ['guard cost, Chromium', benchGuardCost],
  ];
  // BENCH_ONLY=guard (a part of a section's name) runs only the sections that match; the
  // others keep their figures from the last run, so the saved file stays whole.
  const only = process.env.BENCH_ONLY;
  for (const [name, run] of sections) {
    if (only && !name.includes(only)) {
      if (previous[name]) figures[name] = previous[name];
      continue;
    }
    process.stderr.write(`bench: ${name}...\n`);
    figures[name] = await run();
  }
  const rows: string[][] = [['section', 'figure', 'value', 'previous']];
  for (const [section, values] of Object.entries(figures)) {
    for (const [k, v] of Object.entries(values)) {
      rows.push([section, k, String(v), String(previous[section]?.[k] ?? '')]);
    }
  }
  printTable(rows);
  // The goals: each figure against its floor, with its parts and spread; a miss is marked.
  const verdicts = judge(figures);
  console.log('\nSpeed goals (ratios to a floor measured in the same run, taking turns):');
  printTable(verdictRows(verdicts));
  const missed = verdicts.filter((v) => v.met === false).length;
  console.log(`${missed} of ${verdicts.length} goals missed.`);
  mkdirSync(RESULTS, { recursive: true });
  if (existsSync(LATEST)) writeFileSync(`${RESULTS}/previous.json`, readFileSync(LATEST));
  writeFileSync(LATEST, `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
  console.log(`\nSaved to ${LATEST} (the run before is in ${RESULTS}/previous.json).`);
}

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
