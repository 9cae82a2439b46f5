// Prints the size of the engine package as shipped, raw and gzip -9, against the budget of
// issue 6: the .wasm and its JS glue ≤ 150 KB gzipped. Measured on the npm package in
// dist/npm/ (build_package in scripts/lib.sh), or on www/pkg when the package is not built.
// A browser downloads the web glue and the .wasm; Node loads node.cjs (+ node.mjs) instead.
// Only reports: the figure is reached on the Rust side (release profile: opt-level "z",
// lto, codegen-units 1, panic abort; then wasm-opt -Oz, see Cargo.toml).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const npm = new URL('../dist/npm/', import.meta.url);
const packaged = existsSync(new URL('package.json', npm));
const dir = packaged ? npm : new URL('../www/pkg/', import.meta.url);

function size(file) {
  const bytes = readFileSync(new URL(file, dir));
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const row = (label, { raw, gz }) => console.log(`${label.padEnd(34)} ${String(raw).padStart(9)} B raw ${String(gz).padStart(8)} B gzip -9`);

console.log(`engine package: ${packaged ? 'dist/npm (the npm package)' : 'www/pkg (the npm package is not built)'}`);
const engine = ['incentive_engine_bg.wasm', 'incentive_engine.js'];
let raw = 0;
let gz = 0;
for (const f of engine) {
  const s = size(f);
  row(f, s);
  raw += s.raw;
  gz += s.gz;
}
row('engine total (wasm + web glue)', { raw, gz });
const over = gz / 1024 - BUDGET_KB;
console.log(`budget: wasm + JS glue ≤ ${BUDGET_KB} KB gzipped: ${kb(gz)} is ${over > 0 ? `OVER by ${over.toFixed(1)} KB` : `within it (${(-over).toFixed(1)} KB to spare)`}`);

if (packaged) {
  console.log('other files of the package (not in the budget):');
  for (const f of ['node.cjs', 'node.mjs', 'playground.js']) row(f, size(f));
  const tgz = readdirSync(new URL('..', npm)).find((f) => /^incentive-engine-.*\.tgz$/.test(f));
  if (tgz) console.log(`${'npm pack tarball'.padEnd(34)} ${String(readFileSync(new URL(`../${tgz}`, npm)).length).padStart(9)} B (${tgz})`);
}
