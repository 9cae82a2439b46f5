// Checks, for every period of a data file, that the decimal.js baseline agrees with the
// engine to the cent on every rep and on the team totals (and counts where the float
// baseline does not). Prints one row per period; exits 1 on a decimal.js disagreement.
// Run: node bench/agreement.mjs --pkg DIR --csv FILE   (scripts/bench.sh: 10,000 reps × 12 months)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Decimal from 'decimal.js';
import { loadTables } from './baseline-data.mjs';
import { makeDecimalBaseline } from './baseline-decimal.mjs';
import { makeFloatBaseline } from './baseline-float.mjs';
import { compare } from './wasm-suite.mjs';
import { PLAN } from './wasm-node.mjs';

const arg = (k) => process.argv[process.argv.indexOf(k) + 1];
const pkgDir = resolve(arg('--pkg'));
const csv = readFileSync(resolve(arg('--csv')), 'utf8');
const pkg = await import(pathToFileURL(join(pkgDir, 'incentive_engine.js')).href);
pkg.initSync({ module: readFileSync(join(pkgDir, 'incentive_engine_bg.wasm')) });

const engine = pkg.Engine.fromCsv(csv);
const report = engine.setPlan(JSON.stringify(PLAN));
if (!report.ok) throw new Error(JSON.stringify(report.problems));
const tables = loadTables(csv);
const decimal = makeDecimalBaseline(Decimal);
const float = makeFloatBaseline();
let failed = false;
console.log('| period | reps | decimal.js: reps differing | decimal.js: totals differing | floats: reps differing | floats: totals differing |');
console.log('|---|---:|---:|---:|---:|---:|');
const notes = [];
for (const period of engine.periods()) {
  const result = engine.evaluate(period);
  const t = tables.get(period);
  const d = compare(result, decimal.evaluate(decimal.prepare(t)), (x) => new Decimal(x).toFixed(2));
  const f = compare(result, float.evaluate(float.prepare(t)), (x) => Number(x).toFixed(2));
  console.log(`| ${period} | ${result.reps.length} | ${d.reps_differing} | ${d.totals_differing.length} | ${f.reps_differing} | ${f.totals_differing.length} |`);
  if (d.reps_differing || d.totals_differing.length) {
    failed = true;
    notes.push(`decimal.js, ${period}: ${JSON.stringify(d.first_differences.slice(0, 10))} ${JSON.stringify(d.totals_differing.slice(0, 5))}`);
  }
  if (f.reps_differing || f.totals_differing.length) notes.push(`floats, ${period}: ${JSON.stringify(f.first_differences.slice(0, 3))} ${JSON.stringify(f.totals_differing.slice(0, 3))}`);
}
for (const n of notes) console.log('\n' + n);
if (failed) process.exitCode = 1;
