// The WebAssembly benchmarks in Node (see wasm-suite.mjs), or in headless Chromium with
// --browser (see wasm-browser.mjs, which reuses this file's table printing).
// Run by scripts/bench.sh; by hand:
//   node bench/wasm-node.mjs --pkg DIR --data DIR [--sizes 1000,10000] [--out results.json]
// DIR of --pkg: a `wasm-pack build --target web` package; DIR of --data: reps-N.csv files
// written by `cargo run --release --example synthetic_csv -- N 1 42`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Decimal from 'decimal.js';
import { runSuite } from './wasm-suite.mjs';

export function parseArgs(argv) {
  const args = { sizes: [1000, 10000, 100000], out: null };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--pkg') (args.pkg = resolve(v)), i++;
    else if (k === '--data') (args.data = resolve(v)), i++;
    else if (k === '--sizes') (args.sizes = v.split(',').map(Number)), i++;
    else if (k === '--out') (args.out = resolve(v)), i++;
    else if (k === '--no-baselines') args.noBaselines = true;
  }
  if (!args.pkg || !args.data) throw new Error('usage: --pkg DIR --data DIR [--sizes 1000,10000] [--out FILE]');
  return args;
}

export const PLAN = JSON.parse(readFileSync(new URL('./full-plan.json', import.meta.url), 'utf8'));

const ms = (x) => (x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;

/** Prints the tables of one environment's results (Markdown). */
export function printTables(title, all) {
  console.log(`\n### ${title}\n`);
  const rows = all.filter((r) => !r.failed);
  for (const r of all.filter((r) => r.failed)) console.log(`${r.reps.toLocaleString('en-US')} reps: did not complete: ${r.failed}\n`);
  console.log('Kept results (`run` keeps the evaluation in wasm; the page asks for what it shows):\n');
  console.log('| reps × 1 month | setPlan | run (→ totals) | rows(0, 50) by total pay | re-evaluate + 50 rows + totals (median / p95) | per rep | columns() (all reps) | columns + split to strings | repResult (one rep) | decimal.js | decimal.js ÷ engine |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows.filter((r) => r.kept)) {
    const k = r.kept;
    console.log(
      `| ${r.reps.toLocaleString('en-US')} | ${ms(k.set_plan_ms)} | ${ms(k.run_ms)} | ${ms(k.rows_ms)} | ${ms(k.total_ms)} / ${ms(k.total_p95_ms)} | ${((k.total_ms * 1000) / r.reps).toFixed(1)} µs | ${ms(k.columns_ms)} | ${ms(k.columns_split_ms)} | ${ms(k.rep_result_ms)} | ` +
        (r.decimal ? `${ms(r.decimal.evaluate_ms)} | ${r.ratio_decimal_kept.toFixed(2)}× |` : '– | – |'),
    );
  }
  const paired = rows.filter((r) => r.side_by_side);
  if (paired.length) {
    console.log('\nSide by side: in each round the engine\'s edit (setPlan + run + 50 rows) and decimal.js\'s, one right after the other (who goes first alternates), so both meet the same machine load; the ratio is the median of the rounds\' ratios:\n');
    console.log('| reps × 1 month | rounds | engine (median) | decimal.js (median) | decimal.js ÷ engine (median of the rounds) |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const r of paired) {
      const p = r.side_by_side;
      console.log(`| ${r.reps.toLocaleString('en-US')} | ${p.rounds} | ${ms(p.engine_ms)} | ${ms(p.decimal_ms)} | ${p.ratio.toFixed(2)}× |`);
    }
  }
  if (rows.some((r) => r.kept?.cpu_ms !== undefined)) {
    console.log('\nKept results in CPU time of the process:\n');
    console.log('| reps × 1 month | setPlan + run + 50 rows (CPU) | decimal.js (CPU) | decimal.js ÷ engine (CPU) |');
    console.log('|---:|---:|---:|---:|');
    for (const r of rows.filter((r) => r.kept)) {
      console.log(`| ${r.reps.toLocaleString('en-US')} | ${ms(r.kept.cpu_ms)} | ${r.decimal ? ms(r.decimal.cpu_ms) : '–'} | ${r.decimal ? (r.decimal.cpu_ms / r.kept.cpu_ms).toFixed(2) + '×' : '–'} |`);
    }
  }
  console.log('\nThe whole results as JavaScript objects (`evaluate`, as before):\n');
  console.log('| reps × 1 month | setPlan | evaluate (→ JS objects) | re-evaluate total (median / p95) | per rep | visible rows + totals | decimal.js | floats | decimal.js ÷ engine | floats ÷ engine |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const e = r.engine;
    console.log(
      `| ${r.reps.toLocaleString('en-US')} | ${ms(e.set_plan_ms)} | ${ms(e.evaluate_ms)} | ${ms(e.total_ms)} / ${ms(e.total_p95_ms)} | ${((e.total_ms * 1000) / r.reps).toFixed(1)} µs | ${ms(e.visible_ms)} | ` +
        (r.decimal ? `${ms(r.decimal.evaluate_ms)} | ${ms(r.float.evaluate_ms)} | ${r.ratio_decimal.toFixed(2)}× | ${r.ratio_float.toFixed(3)}× |` : '– | – | – | – |'),
    );
  }
  if (rows.some((r) => r.engine.cpu_ms !== undefined)) {
    console.log('\nThe same medians in CPU time of the process (the machine is shared: wall time includes waiting for a core):\n');
    console.log('| reps × 1 month | engine re-evaluate (CPU) | decimal.js (CPU) | floats (CPU) | decimal.js ÷ engine (CPU) |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.reps.toLocaleString('en-US')} | ${ms(r.engine.cpu_ms)} | ${r.decimal ? ms(r.decimal.cpu_ms) : '–'} | ${r.float ? ms(r.float.cpu_ms) : '–'} | ${r.decimal ? (r.decimal.cpu_ms / r.engine.cpu_ms).toFixed(2) + '×' : '–'} |`);
    }
  }
  console.log('\n| reps × 1 month | runs | load (fromCsv) | wasm memory after load | + plan | + kept results (peak of run/rows/columns) | + first evaluate | peak | data bytes / rep-period | bytes / rep-period with kept results | peak bytes / rep-period | result JSON bytes / rep |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const kept = (r.mem_after_kept - r.mem_start) / r.reps;
    const data = (r.mem_after_load - r.mem_start) / r.reps;
    const peak = (r.mem_peak - r.mem_start) / r.reps;
    console.log(
      `| ${r.reps.toLocaleString('en-US')} | ${r.runs} | ${ms(r.load_ms)} | ${mib(r.mem_after_load)} | ${mib(r.mem_after_plan)} | ${mib(r.mem_after_kept)} | ${mib(r.mem_after_evaluate)} | ${mib(r.mem_peak)} | ${data.toFixed(0)} | ${kept.toFixed(0)} | ${peak.toFixed(0)} | ${r.result_json_bytes_per_rep} |`,
    );
  }
  if (rows.some((r) => r.heap_after_kept)) {
    console.log('\nThe live wasm heap (bytes allocated and not freed, counted by the `heap-stats` build), per rep-period:\n');
    console.log('| reps × 1 month | data (after load) | peak while loading | + the plan compiled for these reps | + the last run\'s kept results | peak during run/rows/columns/repResult |');
    console.log('|---:|---:|---:|---:|---:|---:|');
    for (const r of rows.filter((r) => r.heap_after_kept)) {
      const per = (bytes) => ((bytes - r.heap_start) / r.reps).toFixed(0);
      const [load, plan, kept] = [r.heap_after_load, r.heap_after_plan, r.heap_after_kept];
      console.log(`| ${r.reps.toLocaleString('en-US')} | ${per(load.live)} | ${per(load.peak)} | ${((plan.live - load.live) / r.reps).toFixed(0)} | ${((kept.live - plan.live) / r.reps).toFixed(0)} | ${per(kept.peak)} |`);
    }
  }
  console.log('\nAgreement with the engine, to the cent, on every rep (plan as written):\n');
  console.log('| reps | decimal.js: reps differing | decimal.js: totals differing | floats: reps differing | floats: totals differing |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const r of rows.filter((r) => r.decimal_agreement)) {
    const [d, f] = [r.decimal_agreement, r.float_agreement];
    console.log(`| ${r.reps.toLocaleString('en-US')} | ${d.reps_differing} of ${d.reps_compared} | ${d.totals_differing.length} | ${f.reps_differing} of ${f.reps_compared} | ${f.totals_differing.length} |`);
  }
  for (const r of rows) {
    for (const [name, a] of [['decimal.js', r.decimal_agreement], ['floats', r.float_agreement]]) {
      if (a && (a.reps_differing || a.totals_differing.length)) {
        console.log(`\n${name} vs engine, ${r.reps} reps, first differences:`);
        for (const d of a.first_differences.slice(0, name === 'floats' ? 5 : 20)) console.log('  ', JSON.stringify(d));
        for (const d of a.totals_differing.slice(0, 5)) console.log('   totals:', JSON.stringify(d));
      }
    }
  }
}

export function datasets(dataDir, sizes, read) {
  return sizes.map((n) => ({ name: `${n} reps`, reps: n, csv: () => read(join(dataDir, `reps-${n}.csv`)) }));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pkg = await import(pathToFileURL(join(args.pkg, 'incentive_engine.js')).href);
  const wasm = pkg.initSync({ module: readFileSync(join(args.pkg, 'incentive_engine_bg.wasm')) });
  const rows = await runSuite({
    pkg,
    memory: wasm.memory,
    Decimal,
    plan: PLAN,
    datasets: datasets(args.data, args.sizes, async (f) => readFileSync(f, 'utf8')),
    log: (s) => console.error(s),
    baselines: !args.noBaselines,
    cpuNow: () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; },
  });
  printTables(`WASM in Node ${process.version} (one thread)`, rows);
  if (args.out) writeFileSync(args.out, JSON.stringify({ env: `node ${process.version}`, rows }, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
