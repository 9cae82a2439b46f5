// The live wasm heap per rep-period for each data file given: the data after loading, the
// plan compiled for it, and the kept results of a run of its last period (what stays between
// edits), counted by the package's `heap-stats` build: as bytes allocated, and as the
// allocator's footprint (each allocation with dlmalloc's header and rounding). A file of one month pays each rep's
// fixed cost (its id and names) on one period; a year of months shares it over twelve.
// Run: node bench/memory.mjs --pkg DIR FILE...   (scripts/bench.sh: 10,000 reps × 1 and × 12 months)
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLAN } from './wasm-node.mjs';

const args = process.argv.slice(2);
const pkgDir = resolve(args[args.indexOf('--pkg') + 1]);
const files = args.filter((a, i) => a !== '--pkg' && args[i - 1] !== '--pkg');
const pkg = await import(pathToFileURL(join(pkgDir, 'incentive_engine.js')).href);
pkg.initSync({ module: readFileSync(join(pkgDir, 'incentive_engine_bg.wasm')) });
if (!pkg.heapStats) throw new Error('this package does not count its heap: build it with --features heap-stats');
const live = () => pkg.heapStats().live;
const footprint = () => pkg.heapStats().footprint;

// Per rep-period of the file: what the heap holds for the whole file divided by its
// rep-periods (the kept results are one period's, shared over the file's periods like the
// reps' names); the kept results per rep of the period run are given apart.
console.log('| data file | reps | periods | rep-periods | data | + the plan compiled for it | + the kept results of one period\'s run | data + kept results, per rep-period of the file (the target: ≤ 200 plus the plan) | kept results per rep of the period run | data + kept results as the allocator\'s footprint |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const file of files) {
  const [before, footprintBefore] = [live(), footprint()];
  const engine = pkg.Engine.fromCsv(readFileSync(resolve(file), 'utf8'));
  const summary = engine.dataSummary();
  const [data, footprintData] = [live(), footprint()];
  if (!engine.setPlan(JSON.stringify(PLAN)).ok) throw new Error('plan not accepted');
  const [plan, footprintPlan] = [live(), footprint()];
  const run = engine.run(summary.periods.at(-1), false);
  const [kept, footprintKept] = [live(), footprint()];
  const per = (bytes) => (bytes / summary.rows).toFixed(0);
  console.log(`| ${basename(file)} | ${summary.reps.toLocaleString('en-US')} | ${summary.periods.length} | ${summary.rows.toLocaleString('en-US')} | ${per(data - before)} B | ${per(plan - data)} B | ${per(kept - plan)} B | **${per(data - before + kept - plan)} B** | ${((kept - plan) / run.totals.reps).toFixed(0)} B | ${per(footprintData - footprintBefore + footprintKept - footprintPlan)} B |`);
  engine.free();
}
