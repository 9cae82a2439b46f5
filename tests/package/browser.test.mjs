// The packed npm package in the browser, installed from its tarball into a scratch app:
// (1) a tiny Vite app that imports 'incentive-engine' and 'incentive-engine/playground',
//     built with `vite build` and opened in headless Chromium;
// (2) a plain HTML page whose <script type="module"> imports the package's web build by a
//     relative path, and which embeds the playground in one line from the package.
// Both are served under the playground's strict Content-Security-Policy (scripts/serve.mjs)
// and must show Zhang Wei's hand-worked 2026-Q4 pay: 1,000,000 × 3% + 200,000 × 4% = 38,000.00.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/browser.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { scratchApp } from './scratch.mjs';

const SHOTS = new URL('../../test-output/screenshots/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });

// What both pages compute with the engine API: Zhang Wei's pay and the plan's cost.
const USE_ENGINE = `await init();
const engine = sampleEngine(Engine);
const report = engine.setPlan(samplePlan());
const results = engine.evaluate('2026-Q4');
const e01 = results.reps.find((r) => r.rep_id === 'E01');
document.querySelector('#pay').textContent = e01.total_pay;
document.querySelector('#slices').textContent = e01.commission[0].slices.map((s) => s.amount + ' × ' + s.rate + ' = ' + s.pay).join('; ');
const bad = engine.setPlan(JSON.stringify({ ...JSON.parse(samplePlan()), version: 2 }));
document.querySelector('#problem').textContent = bad.ok + ' ' + bad.problems.map((p) => p.code + '@' + p.path).join(',');
document.querySelector('#cost').textContent = report.ok ? results.totals.total_pay : 'invalid';
`;

const PAGE = (scripts) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>scratch portal</title><link rel="icon" href="data:,">
${scripts}
</head><body>
<p>Zhang Wei: <span id="pay"></span> (<span id="slices"></span>) · cost <span id="cost"></span> · <span id="problem"></span></p>
<sales-plan-playground lang="zh"></sales-plan-playground>
</body></html>`;

const FILES = {
  // (1) the Vite app: index.html + main.js, bare imports of the package.
  'index.html': PAGE('<script type="module" src="./main.js"></script>'),
  'main.js': `import init, { Engine } from 'incentive-engine';\nimport { samplePlan, sampleEngine } from 'incentive-engine/presets';\nimport 'incentive-engine/playground';\n${USE_ENGINE}`,
  // (2) the plain page: the web build by relative path, the element in one line.
  'plain.html': PAGE(`<script type="module" src="./plain.js"></script>
<script type="module" src="./node_modules/incentive-engine/playground.js"></script>`),
  'plain.js': `import init, { Engine } from './node_modules/incentive-engine/incentive_engine.js';\nimport { samplePlan, sampleEngine } from './node_modules/incentive-engine/presets.js';\n${USE_ENGINE}`,
};

let app;
let browser;
before(async () => {
  app = await scratchApp(FILES);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  app?.remove();
});

/** Serves `root` under the strict CSP, opens `path`, waits for both the API figure and the element. */
async function open(root, path) {
  const server = await startServer(0, '127.0.0.1', root);
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const responses = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => responses.push([new URL(r.url()).pathname, r.headers()['content-type']]));
  await page.goto(`http://127.0.0.1:${server.address().port}${path}`);
  await page.locator('#pay:not(:empty)').waitFor();
  await page.locator('sales-plan-playground [data-testid="results"]').waitFor();
  return {
    page, errors, responses,
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

async function checkPage({ page, errors, responses }, name) {
  assert.equal(await page.locator('#pay').textContent(), '38000.00');
  assert.equal(await page.locator('#slices').textContent(), '1000000 × 0.03 = 30000.00; 200000 × 0.04 = 8000.00');
  assert.equal(await page.locator('#cost').textContent(), '891910.00');
  assert.equal(await page.locator('#problem').textContent(), 'false version_unsupported@version');
  // The element from the package: the sample reps with the first preset, in Chinese.
  assert.equal(await page.locator('sales-plan-playground tr[data-rep="E01"] [data-col="commission"]').textContent(), '38,000.00');
  assert.equal(await page.locator('sales-plan-playground h1').textContent(), '激励方案沙盘');
  const wasm = responses.filter(([path]) => path.endsWith('.wasm'));
  assert.equal(wasm.length, 1, JSON.stringify(responses));
  assert.equal(wasm[0][1], 'application/wasm');
  await page.screenshot({ path: new URL(`package-${name}.png`, SHOTS).pathname });
  assert.deepEqual(errors, []);
}

test('a Vite app that imports the package builds, and runs the engine and the element in Chromium', async () => {
  const outDir = join(app.dir, 'dist');
  await build({ root: app.dir, logLevel: 'warn', configFile: false, build: { outDir, emptyOutDir: true } });
  const assets = readdirSync(join(outDir, 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, `Vite emits the .wasm once: ${assets}`);
  const opened = await open(outDir, '/');
  try {
    await checkPage(opened, 'vite');
  } finally {
    await opened.close();
  }
});

test('a plain page with <script type="module"> imports the web build by relative path and embeds the element in one line', async () => {
  const opened = await open(app.dir, '/plain.html');
  try {
    await checkPage(opened, 'plain-html');
    assert.ok(opened.responses.some(([path]) => path === '/node_modules/incentive-engine/incentive_engine_bg.wasm'));
  } finally {
    await opened.close();
  }
});
