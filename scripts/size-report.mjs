// Prints the size of the engine package as shipped: the .wasm and its JS glue, raw and gzip -9.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dir = new URL('../www/pkg/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.wasm') || (f.endsWith('.js') && !f.endsWith('.d.ts')));
let raw = 0;
let gz = 0;
for (const f of files) {
  const bytes = readFileSync(new URL(f, dir));
  const z = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += z;
  console.log(`${f.padEnd(32)} ${String(bytes.length).padStart(9)} B raw ${String(z).padStart(8)} B gzip -9`);
}
console.log(`${'engine total (wasm + glue)'.padEnd(32)} ${String(raw).padStart(9)} B raw ${String(gz).padStart(8)} B gzip -9 (${(gz / 1024).toFixed(1)} KB)`);
