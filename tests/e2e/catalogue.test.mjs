// The bad-input catalogue (tests/catalogue/bad_inputs.json) in the playground, in headless
// Chromium: the cases marked "page" (24 of them, every class the page can take), each typed
// into the JSON plan editor (plans and formulas) or loaded with "Load reps" (reps files, as
// file bytes). Each must show the exact error — the field path and the English message the
// catalogue states, then the Chinese one after switching the language — and leave no page
// error; after all of them the page still computes the sample plan to the cent.
//
// The page has no adjustments import and does not list the reps an evaluation left out, so
// the `adjustments` and `evaluate` cases run through the native and wasm APIs only (see
// RELIABILITY.md). For a file it cannot read, the page shows the message (which names the
// line) but not the path: for every case the code and path are also checked through the
// nodejs build of the same engine, and the page must show that problem's messages.
//
// INCENTIVE_PKG_WEB=/dir serves the wasm package from another build of the web target (the
// page's own www/pkg is used otherwise).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { openBrowser } from './browser.mjs';
import { cases, inputOf, formulaPlan, describe } from '../catalogue/catalogue.mjs';

const require = createRequire(import.meta.url);
const engine = require(process.env.INCENTIVE_PKG_NODE ?? '../../pkg-node/incentive_engine.js');
const PRESETS = Object.fromEntries(engine.presets().map((p) => [p.id, p.json]));
const presetJson = (id) => PRESETS[id];

const PAGE_CASES = cases.filter((c) => c.page);
// Plans first: the reps files replace the sample reps the plan cases are checked against.
const ORDER = { plan: 0, formula: 0, reps: 1 };
PAGE_CASES.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);

let env;
let page;
let context;
const errors = [];
before(async () => {
  env = await openBrowser();
  context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  const pkg = process.env.INCENTIVE_PKG_WEB;
  if (pkg) {
    await context.route('**/pkg/**', (route) => {
      const file = new URL(route.request().url()).pathname.split('/pkg/')[1];
      const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
      route.fulfill({ status: 200, contentType: type, body: readFileSync(join(pkg, file)) });
    });
  }
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(env.base + '/');
  await app('[data-testid="results"]').waitFor();
});
after(async () => {
  await context?.close();
  await env?.close();
});

const app = (selector) => page.locator(`sales-plan-playground ${selector}`);

/** Reads `read()` until `ok(value)` holds (or 15 s pass), then returns the last value. */
async function until(read, ok, timeout = 15000) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function setLang(lang) {
  await app(`button[data-lang="${lang}"]`).click();
  await until(() => page.evaluate(() => document.querySelector('sales-plan-playground').lang), (l) => l === lang);
}

/** The same case through the engine the page runs (the nodejs build of the same crate). */
function engineProblems(c, text) {
  if (c.kind === 'reps' && c.expect.stage === 'rows') return engine.Engine.fromCsv(text).loadProblems();
  if (c.kind === 'reps') {
    try {
      engine.Engine.fromCsv(text);
    } catch (e) {
      return e.problems;
    }
    return [];
  }
  return engine.Engine.withSampleReps().setPlan(text).problems.filter((p) => p.severity === 'error');
}

/** Plans and formulas: typed into the JSON editor and applied; the first listed error. */
async function viaJsonEditor(c, text) {
  const details = app('details[data-section="json"]');
  if (!(await details.evaluate((d) => d.open))) await app('details[data-section="json"] > summary').click();
  const area = app('textarea[data-testid="plan-json"]');
  await area.fill(text);
  await app('[data-testid="apply-json"]').click();
  const first = app('[data-testid="json-errors"] li').first();
  const want = c.expect;
  const shown = () => first.textContent({ timeout: 15000 }).catch(() => '');
  // "<path or —> <message>": the path in its own <code>, then the message in the page's language.
  const en = await until(shown, (t) => t.includes(want.en));
  assert.ok(en.includes(want.en), `en: ${en}`);
  assert.equal(await first.locator('code').textContent(), want.path || '—');
  await setLang('zh');
  const zh = await until(shown, (t) => t.includes(want.zh));
  assert.ok(zh.includes(want.zh), `zh: ${zh}`);
  assert.equal(await first.locator('code').textContent(), want.path || '—');
  await setLang('en');
}

/** Reps files: loaded with "Load reps"; refused files list their messages, bad rows a table. */
async function viaLoadReps(c, bytes) {
  await app('input[data-file="reps"]').setInputFiles({ name: `${c.id}.csv`, mimeType: 'text/csv', buffer: bytes });
  const report = app('[data-testid="load-report"]');
  const want = c.expect;
  const item = want.stage === 'rows' ? report.locator(`tr[data-row-problem="${want.path}"]`) : report.locator('li').first();
  const shown = () => item.textContent({ timeout: 15000 }).catch(() => '');
  const en = await until(async () => ((await report.textContent()).includes(`${c.id}.csv`) ? shown() : ''), (t) => t.includes(want.en));
  assert.ok(en.includes(want.en), `en: ${en}`);
  if (want.stage === 'rows') {
    assert.equal(await item.locator('td').first().textContent(), want.path);
    if ('value' in want) assert.equal(await item.locator('td').nth(1).textContent(), want.value);
  }
  await setLang('zh');
  const zh = await until(shown, (t) => t.includes(want.zh));
  assert.ok(zh.includes(want.zh), `zh: ${zh}`);
  await setLang('en');
}

test('the page cases cover every class the page can take', () => {
  assert.ok(PAGE_CASES.length >= 15, `${PAGE_CASES.length} page cases`);
  const pageClasses = new Set(PAGE_CASES.map((c) => c.class));
  const apiOnly = new Set(['evaluation']); // the page does not list reps an evaluation left out
  for (const cls of new Set(cases.map((c) => c.class))) {
    if (!apiOnly.has(cls)) assert.ok(pageClasses.has(cls), `no page case of class ${cls}`);
  }
});

for (const c of PAGE_CASES) {
  test(`page, ${c.class}: ${describe(c)}`, async () => {
    const { bytes, text } = inputOf(c, presetJson);
    const plan = c.kind === 'formula' ? formulaPlan(text, presetJson) : text;
    // What the page shows must be what the engine says (code and path included).
    const [expected] = engineProblems(c, plan);
    assert.deepEqual([expected?.code, expected?.path], [c.expect.code, c.expect.path]);
    if (c.kind === 'reps') await viaLoadReps(c, bytes);
    else await viaJsonEditor(c, plan);
    assert.deepEqual(errors, [], 'no page error');
  });
}

test('after every bad input the page still answers: Reset gives the sample plan\'s figures', async () => {
  await app('[data-testid="reset"]').click();
  const e01 = app('tr[data-rep="E01"] [data-col="total"]');
  const total = await until(() => e01.textContent({ timeout: 15000 }).catch(() => ''), (t) => t === '38,000.00');
  assert.equal(total, '38,000.00');
  const reps = await until(() => app('[data-testid="results"] tbody tr').count(), (n) => n === 32);
  assert.equal(reps, 32);
  // And an edit still recomputes: tier 2 at 6% gives 100万 × 3% + 20万 × 6% = 42,000.
  const plan = JSON.parse(presetJson('saas-target'));
  plan.commission[0].tiers[1].rate_pct = 6;
  const area = app('textarea[data-testid="plan-json"]');
  if (!(await area.count())) await app('details[data-section="json"] > summary').click();
  await area.fill(JSON.stringify(plan));
  await app('[data-testid="apply-json"]').click();
  assert.equal(await until(() => e01.textContent(), (t) => t === '42,000.00'), '42,000.00');
  assert.ok(isDeepStrictEqual(errors, []), errors.join(' | '));
});
