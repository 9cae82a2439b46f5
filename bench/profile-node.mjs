// Where the time of `setPlan` + `evaluate` goes in the wasm engine, from V8's sampling
// profiler in Node: self time by function, grouped into stages. Needs a package whose wasm
// keeps its name section (wasm-opt drops it), built for instance with
//   cargo build --release --target wasm32-unknown-unknown
//   wasm-bindgen --target web --out-dir DIR target/wasm32-unknown-unknown/release/incentive_engine.wasm
// Run: node bench/profile-node.mjs --pkg DIR --data DIR [--sizes 10000] [--runs 5]
import { Session } from 'node:inspector/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, PLAN } from './wasm-node.mjs';

const args = parseArgs(process.argv.slice(2));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const pkg = await import(pathToFileURL(join(args.pkg, 'incentive_engine.js')).href);
pkg.initSync({ module: readFileSync(join(args.pkg, 'incentive_engine_bg.wasm')) });

// Stages, by the first pattern a function's name matches (wasm names are demangled Rust paths).
const STAGES = [
  // Turning the results into JavaScript objects: written as JSON in wasm (serde_json's
  // serializer, decimals written as strings), the glue's string decoding, JSON.parse.
  ['results → JS objects (JSON, strings, glue)', /serde_json::ser|js_sys|wasm_bindgen|__wbg|__wbindgen|__externref|wasm-to-js|LocalKey|hashbrown|rust_decimal::str|rust_decimal::serde|serde::ser|^(decode|decodeUTF8|getStringFromWasm0|getUint8ArrayMemory0|dispatch|addToExternrefTable0|takeFromExternrefTable0|passStringToWasm0|getObject|set|get|parse)$/],
  ['plan parse / validate / compile', /incentive_engine::plan|serde_json|serde_path_to_error|incentive_engine::formula::parse/],
  ['formula evaluation', /incentive_engine::formula/],
  ['decimal arithmetic (rust_decimal)', /rust_decimal/],
  ['allocation and copying (dlmalloc, memcpy, clone, drop)', /dlmalloc|alloc::|memcpy|memmove|memset|core::ptr::drop_in_place|__rust_(alloc|dealloc|realloc)|<.*as core::clone::Clone>|RawVec/],
  ['strings and formatting', /core::fmt|alloc::fmt|String|str::|format/],
  ['KPI scoring and points', /incentive_engine::score::kpi|incentive_engine::score::points/],
  ['grades and ranks (sorting)', /incentive_engine::score::grades|sort|incentive_engine::evaluate::grade_and_rank/],
  ['pay: commission, bonuses, base, splits', /incentive_engine::pay/],
  ['evaluate: per rep, settle, totals', /incentive_engine::evaluate/],
  ['other wasm', /^\$?func\d+|wasm-function/],
  ['garbage collection', /\(garbage collector\)/],
  ['JavaScript (bench harness, JSON)', /.*/],
];

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
for (const n of args.sizes) {
  const csv = readFileSync(join(args.data, `reps-${n}.csv`), 'utf8');
  const engine = pkg.Engine.fromCsv(csv);
  const period = engine.periods()[0];
  engine.setPlan(JSON.stringify(PLAN));
  engine.evaluate(period); // warm up
  await session.post('Profiler.start');
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) {
    engine.setPlan(JSON.stringify(PLAN));
    engine.evaluate(period);
  }
  const wall = (performance.now() - t0) / runs;
  const { profile } = await session.post('Profiler.stop');
  engine.free();
  // Self time per node: samples × interval, attributed by timeDeltas.
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const name = byId.get(id).callFrame.functionName || byId.get(id).callFrame.url || '(anonymous)';
    self.set(name, (self.get(name) ?? 0) + dt);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = (self.get('(idle)') ?? 0) + (self.get('(program)') ?? 0);
  const stages = new Map();
  for (const [name, us] of self) {
    if (name === '(idle)' || name === '(program)' || name === '(root)') continue;
    const [stage] = STAGES.find(([, re]) => re.test(name));
    stages.set(stage, (stages.get(stage) ?? 0) + us);
  }
  const busy = total - idle;
  console.log(`\n${n} reps × 1 month: setPlan + evaluate, ${runs} runs, ${wall.toFixed(0)} ms each (wall); profile: ${(busy / 1000 / runs).toFixed(0)} ms of samples per run\n`);
  console.log('| stage | ms per run | share |');
  console.log('|---|---:|---:|');
  for (const [stage, us] of [...stages].sort((a, b) => b[1] - a[1])) console.log(`| ${stage} | ${(us / 1000 / runs).toFixed(1)} | ${((100 * us) / busy).toFixed(1)}% |`);
  console.log('\nTop functions by self time:\n');
  console.log('| function | ms per run | share |');
  console.log('|---|---:|---:|');
  const top = [...self].filter(([n]) => !['(idle)', '(program)', '(root)'].includes(n)).sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [name, us] of top) console.log(`| \`${name.slice(0, 110).replace(/\|/g, '\\|')}\` | ${(us / 1000 / runs).toFixed(1)} | ${((100 * us) / busy).toFixed(1)}% |`);
}
session.disconnect();
