// The WebAssembly benchmarks in headless Chromium (Debian's, through playwright-core, with the
// flags the page tests use): serves the wasm package, the bench modules, decimal.js and the
// data files from 127.0.0.1, opens a blank page and runs wasm-suite.mjs in it, on the page's
// main thread. Also runs the scaling curve (engine only) when --curve SIZES is given.
// Run by scripts/bench.sh; by hand: node bench/wasm-browser.mjs --pkg DIR --data DIR [--sizes …] [--out FILE]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';
import { parseArgs, printTables, PLAN } from './wasm-node.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..');
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.csv': 'text/csv', '.html': 'text/html', '.json': 'application/json' };

function serve(args) {
  // URL prefix → directory.
  const mounts = [['/pkg/', args.pkg], ['/bench/', HERE], ['/data/', args.data], ['/decimal/', join(ROOT, 'node_modules/decimal.js')]];
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<!doctype html><title>bench</title><p>incentive-engine benchmarks</p>');
      }
      const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? [];
      if (!dir) throw new Error('no mount');
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(resolve(dir) + sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const args = parseArgs(process.argv.slice(2));
const server = await serve(args);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  const version = browser.version();
  const rows = [];
  // A fresh page for each size: a page that runs out of memory takes only its own row.
  for (const n of args.sizes) {
    const page = await browser.newPage();
    page.on('console', (m) => console.error(`[page] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[page error] ${e}`));
    try {
      await page.goto(base + '/');
      const got = await page.evaluate(
        async ({ plan, n, baselines }) => {
          const pkg = await import('/pkg/incentive_engine.js');
          const wasm = await pkg.default({ module_or_path: '/pkg/incentive_engine_bg.wasm' });
          const { default: Decimal } = await import('/decimal/decimal.mjs');
          const { runSuite } = await import('/bench/wasm-suite.mjs');
          const datasets = [{ name: `${n} reps`, reps: n, csv: () => fetch(`/data/reps-${n}.csv`).then((r) => r.text()) }];
          return runSuite({ pkg, memory: wasm.memory, Decimal, plan, datasets, log: (s) => console.log(s), baselines });
        },
        { plan: PLAN, n, baselines: !args.noBaselines },
      );
      rows.push(...got);
    } catch (e) {
      console.error(`${n} reps: failed in Chromium: ${String(e).split('\n')[0]}`);
      rows.push({ reps: n, failed: String(e).split('\n')[0] });
    } finally {
      await page.close().catch(() => {});
    }
  }
  printTables(`WASM in headless Chromium ${version} (page main thread)`, rows);
  if (args.out) writeFileSync(args.out, JSON.stringify({ env: `chromium ${version}`, rows }, null, 2));
} finally {
  await browser.close();
  server.close();
}
