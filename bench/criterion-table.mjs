// Prints the native benchmark results (criterion's estimates) as a Markdown table:
// median time per run, per rep-period, and reps evaluated per second.
// Run: node bench/criterion-table.mjs [CARGO_TARGET_DIR]   (after `cargo bench --bench evaluate`)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = process.argv[2] ?? process.env.CARGO_TARGET_DIR ?? 'target';
const dir = join(target, 'criterion');
const rows = [
  ['set_plan', 10000, 'parse + validate + compile the plan (10,000 reps loaded)', 0],
  ['one_period', 1000, 'evaluate 1 month, 1,000 reps', 1000],
  ['one_period', 10000, 'evaluate 1 month, 10,000 reps', 10000],
  ['one_period', 100000, 'evaluate 1 month, 100,000 reps', 100000],
  ['run', 1000, 'run 1 month for a table (no explanations), 1,000 reps', 1000],
  ['run', 10000, 'run 1 month for a table (no explanations), 10,000 reps', 10000],
  ['run', 100000, 'run 1 month for a table (no explanations), 100,000 reps', 100000],
  ['one_period_of_12', 1000, 'evaluate 1 month of 12 held, 1,000 reps', 1000],
  ['one_period_of_12', 10000, 'evaluate 1 month of 12 held, 10,000 reps', 10000],
  ['one_period_of_12', 100000, 'evaluate 1 month of 12 held, 100,000 reps', 100000],
  ['twelve_periods', 1000, 'evaluate all 12 months, 1,000 reps', 12000],
  ['twelve_periods', 10000, 'evaluate all 12 months, 10,000 reps', 120000],
  ['twelve_periods', 100000, 'evaluate all 12 months, 100,000 reps', 1200000],
];
const fmt = (ns) => (ns >= 1e9 ? `${(ns / 1e9).toFixed(2)} s` : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);
const out = [];
console.log('| benchmark | median (criterion) | per rep-period | rep-periods / s |');
console.log('|---|---:|---:|---:|');
for (const [group, n, label, repPeriods] of rows) {
  const file = join(dir, group, String(n), 'new', 'estimates.json');
  if (!existsSync(file)) continue;
  const median = JSON.parse(readFileSync(file, 'utf8')).median.point_estimate;
  out.push({ group, n, median_ns: median, rep_periods: repPeriods });
  const per = repPeriods ? fmt(median / repPeriods) : '';
  const rate = repPeriods ? Math.round(repPeriods / (median / 1e9)).toLocaleString('en-US') : '';
  console.log(`| ${label} | ${fmt(median)} | ${per} | ${rate} |`);
}
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(out, null, 2));
