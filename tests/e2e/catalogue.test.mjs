// The bad-input catalogue (tests/catalogue/bad_inputs.json) in the playground, in headless
// Chromium: every case the page can take — all of them but the two in NOT_IN_PAGE below —
// through what a user does, in one page restored between cases:
//   - plans and formulas typed into the JSON plan editor and applied;
//   - reps files loaded as file bytes with "Load reps…", returns files with "Load returns…"
//     (over the sample reps);
//   - for stage `evaluate`, then the case's preset and period chosen in the page.
// Each case must show exactly the problems the catalogue states, in order and no others:
// the field path and the message (and, in the tables of rows and reps left out, the value),
// first in one language and then, after switching, in the other; and no page error. Where
// each problem shows: the JSON editor's error list, the load report (a file refused: its
// list; rows left out: its table), the notice of what the results leave out (opened: its
// table), or the banner of figures that cannot be computed. The page does not show error
// codes: the wasm runner (tests/node/catalogue.test.mjs) checks those of the same build.
// The last tests check that exactly the cases not in NOT_IN_PAGE ran here, and that the page
// still computes the sample plan to the cent.
//
// INCENTIVE_PKG_WEB=/dir serves the wasm package from another build of the web target (the
// page's own www/pkg is used otherwise).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from './browser.mjs';
import { localized } from '../../www/src/i18n.js';
import { cases, inputOf, formulaPlan, describe } from '../catalogue/catalogue.mjs';

const require = createRequire(import.meta.url);
const engine = require(process.env.INCENTIVE_PKG_NODE ?? '../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets } = createRequire(import.meta.url)('../../www/gen/presets.cjs');
const PRESETS = Object.fromEntries(presets().map((p) => [p.id, p.json]));
const presetJson = (id) => PRESETS[id];

/**
 * The cases that do not run in the page, and why. A file that is not UTF-8 is read by the
 * page as GB18030 (what a Chinese Windows Excel saves), so these bytes load correctly there
 * instead of being refused: the catalogue's case is the same file handed to the API decoded
 * as UTF-8. The tests after the cases check that the page loads them with the Chinese text.
 */
const NOT_IN_PAGE = {
  'reps-gb18030': 'the page reads GB18030 files as GB18030: this reps file loads there with its Chinese names',
  'adj-gb18030': 'the page reads GB18030 files as GB18030: this returns file loads there with its Chinese reference',
};

const PAGE_CASES = cases.filter((c) => !(c.id in NOT_IN_PAGE));
// Plans first, on the sample reps; then the files, each followed by Start over.
const ORDER = { plan: 0, formula: 0, reps: 1, adjustments: 1 };
PAGE_CASES.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
const ran = new Set();

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

/** Reads `read()` until `ok(value)` holds (or 20 s pass), then returns the last value. */
async function until(read, ok, timeout = 20000) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 40));
  }
}

const lang = () => page.evaluate(() => document.querySelector('sales-plan-playground').lang);
const rendered = () => page.evaluate(() => document.querySelector('sales-plan-playground').updateComplete);

async function setLang(to) {
  await app(`button[data-lang="${to}"]`).click();
  await until(lang, (l) => l === to);
  await rendered();
}

/**
 * Where a case's problems show, each place with how it prints a problem's path: the JSON
 * editor's list (plans; "—" for the plan as a whole), the load report's list (a file
 * refused; no path for the file as a whole) or table (rows left out); for `evaluate`, the
 * banner of figures that cannot be computed, then the table of what the results leave out
 * (a case shows in one of them). A table row shows the value too.
 */
const PLACES = {
  plan: [{ selector: '[data-testid="json-errors"] li', printed: (p) => p.path }],
  load: [{ selector: '[data-testid="load-report"] li', printed: (p) => codeIn(p.path) }],
  rows: [{ selector: '[data-testid="load-report"] tr[data-row-problem]' }],
  evaluate: [{ selector: '[data-testid="not-computed"] li', printed: (p) => p.path }, { selector: '[data-testid="left-out"] tr[data-row-problem]' }],
};

/**
 * What the page shows at `place`: a list item as its path (`data-problem`), the path it prints
 * (its <code>) and its message; a table row as its cells: where, value, message.
 */
const shownAt = (place, index) => app(place.selector).evaluateAll((nodes, at) => nodes.map((n) => (n.tagName === 'TR'
  ? { at, path: n.dataset.rowProblem, where: n.cells[0].textContent, value: n.cells[1].textContent, message: n.cells[2].textContent }
  : { at, path: n.dataset.problem, printed: n.querySelector(':scope > code')?.textContent ?? '', message: n.querySelector('.msg').textContent })), index);

/** Expected problem `p` as `place` (number `at`) shows it in language `l`. */
function asShown(p, l, place, at) {
  // Shown on its own, an English message starts with a capital.
  const message = localized(l, p);
  if (!place) return { path: p.path, message }; // more shown than expected: the lengths differ
  return place.printed
    ? { at, path: p.path, printed: place.printed(p), message }
    : { at, path: p.path, where: whereShown(p.path, l), value: p.value ?? '', message };
}

/** The part of a file's path the load report's list sets as code: the column a line or the header names, else the path (none for a line or a header alone). */
function codeIn(path) {
  const named = /^(?:adjustments )?(?:line \d+|header)(?:\.(.+))?$/.exec(path);
  if (named) return named[1] ?? '';
  return /^(?:adjustments )?header\[\d+\]$/.test(path) ? '' : path;
}

/** A table's "where" for `path`: a file's line in words ("Line 5 · revenue", "第 5 行 · revenue"), a rep's figure after its id ("E01 · revenue.target"), else the path. */
function whereShown(path, l) {
  const line = /^(?:adjustments )?line (\d+)(?:\.(.+))?$/.exec(path);
  const rep = /^reps\.([^.]+)\.(.+)$/.exec(path);
  const header = /^(?:adjustments )?header(?:\.(.+)|\[(\d+)\])?$/.exec(path);
  if (rep) return `${rep[1]} · ${rep[2]}`;
  if (header) {
    const at = l === 'zh' ? '表头' : 'Header';
    return header[1] != null ? `${at} · ${header[1]}` : header[2] != null ? `${at} · ${l === 'zh' ? `第 ${header[2]} 列` : `column ${header[2]}`}` : at;
  }
  if (!line) return path;
  return `${l === 'zh' ? `第 ${line[1]} 行` : `Line ${line[1]}`}${line[2] ? ` · ${line[2]}` : ''}`;
}

/**
 * Whether `shown` is the engine's `message` as the page may word it: the same words, except
 * that what it quotes in backticks may be set as code (the backticks gone) and an id it
 * quotes may have the page's name for it put before it, the id then in brackets ("Collected
 * revenue (revenue_collected)"; in Chinese "回款金额（revenue_collected）", without the spaces around).
 */
function namedLike(shown, message) {
  const escape = (text) => text.replaceAll('`', '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let pattern = '';
  let last = 0;
  for (const m of message.matchAll(/( ?)`([A-Za-z_]\w*)`( ?)/g)) {
    const [all, before, id, after] = m;
    pattern += escape(message.slice(last, m.index));
    pattern += `(?:${escape(all)}|(?:${escape(before)})?[^\`]+?(?: \\(|（)${escape(id)}(?:\\)|）)(?:${escape(after)})?)`;
    last = m.index + all.length;
  }
  return new RegExp(`^${pattern}${escape(message.slice(last))}$`).test(shown.replaceAll('`', ''));
}

/** Checks the problems shown in the current language, switches language, checks them again. */
async function checkBothLanguages(c) {
  const places = PLACES[c.expect.stage];
  const read = async () => (await Promise.all(places.map(shownAt))).flat();
  for (let i = 0; i < 2; i++) {
    const l = await lang();
    const seen = await until(read, (list) => list.length === c.expect.problems.length);
    const expected = c.expect.problems.map((p, k) => asShown(p, l, places[seen[k]?.at], seen[k]?.at));
    // A message that names the ids it quotes is the engine's message; compared as that.
    const words = seen.map((s, k) => (expected[k] && namedLike(s.message, expected[k].message) ? { ...s, message: expected[k].message } : s));
    assert.deepEqual(words, expected, `in ${l}`);
    if (i === 0) await setLang(l === 'en' ? 'zh' : 'en');
  }
}

/** "1 rep left out of this period · 1 return not applied", as the notice says it (hand-written). */
function leftOutSummary(c, l) {
  const returns = c.expect.problems.filter((p) => p.code === 'adjustment_not_applied').length;
  const reps = c.expect.problems.length - returns;
  const en = [reps && (reps === 1 ? '1 rep left out of this period' : `${reps} reps left out of this period`),
    returns && (returns === 1 ? '1 return not applied' : `${returns} returns not applied`)];
  const zh = [reps && `本期有 ${reps} 人未计入结果`, returns && `${returns} 笔退回未计入`];
  return `⚠ ${(l === 'zh' ? zh : en).filter(Boolean).join(' · ')}`;
}

/** Plans and formulas: typed into the JSON editor and applied. */
async function viaJsonEditor(c, text) {
  if (!(await app('details[data-section="json"]').evaluate((d) => d.open))) await app('details[data-section="json"] > summary').click();
  await app('textarea[data-testid="plan-json"]').fill(text);
  await app('[data-testid="apply-json"]').click();
  await rendered();
  await checkBothLanguages(c);
}

/** A file given to the input `which` ("reps" or "returns"), named after the case. */
async function loadFile(c, which, bytes) {
  await app(`input[data-file="${which}"]`).setInputFiles({ name: `${c.id}.csv`, mimeType: 'text/csv', buffer: bytes });
  const report = app('[data-testid="load-report"] > strong');
  const name = await until(() => report.textContent({ timeout: 20000 }).catch(() => ''), (t) => t === `${c.id}.csv`);
  assert.equal(name, `${c.id}.csv`, 'the load report is about the file');
}

/** Stage `evaluate`: the case's preset and period chosen, then what the results leave out. */
async function evaluateInPage(c) {
  await app('select[data-testid="preset"]').selectOption(c.plan);
  await app('select[data-testid="period"]').selectOption(c.period ?? '2026-Q4');
  await rendered();
  const leftOut = c.expect.problems.some((p) => !p.path.startsWith('totals.'));
  if (leftOut) {
    const summary = app('[data-testid="left-out-summary"]');
    assert.equal(await until(() => summary.textContent({ timeout: 20000 }).catch(() => ''), (t) => t === leftOutSummary(c, 'en')), leftOutSummary(c, 'en'));
    if (!(await app('[data-testid="left-out"]').evaluate((d) => d.open))) await summary.click();
    assert.equal(await app('[data-testid="left-out-list"]').isVisible(), true, 'the list opens');
  }
  await checkBothLanguages(c);
  if (leftOut) assert.equal(await app('[data-testid="left-out-summary"]').textContent(), leftOutSummary(c, await lang()));
}

/** Start over (confirmed when it asks, as it does after a file was loaded): the sample reps and returns and the first preset again (E01 38,000.00). */
async function startOver() {
  await app('[data-testid="reset"]').click();
  if (await app('[data-testid="reset-ask"]').count()) await app('[data-testid="reset-confirm"]').click();
  const e01 = app('tr[data-rep="E01"] [data-col="total"]');
  assert.equal(await until(() => e01.textContent({ timeout: 20000 }).catch(() => ''), (t) => t === '38,000.00'), '38,000.00');
}

test('the stated exceptions are catalogue cases, each with its reason', () => {
  const ids = new Set(cases.map((c) => c.id));
  for (const [id, why] of Object.entries(NOT_IN_PAGE)) {
    assert.ok(ids.has(id), `${id} is not in the catalogue`);
    assert.ok(why.length > 20, `${id}: no reason`);
  }
  assert.equal(PAGE_CASES.length, cases.length - Object.keys(NOT_IN_PAGE).length);
});

for (const c of PAGE_CASES) {
  test(`page, ${c.class}: ${describe(c)}`, async () => {
    await setLang('en');
    const { bytes, text } = inputOf(c, presetJson);
    if (c.kind === 'plan') await viaJsonEditor(c, text);
    else if (c.kind === 'formula') await viaJsonEditor(c, formulaPlan(text, presetJson));
    else {
      await loadFile(c, c.kind === 'reps' ? 'reps' : 'returns', bytes);
      if (c.expect.stage === 'evaluate') await evaluateInPage(c);
      else await checkBothLanguages(c);
      await setLang('en');
      await startOver();
    }
    assert.deepEqual(errors, [], 'no page error');
    ran.add(c.id);
  });
}

test('the page ran exactly every case but the stated exceptions', () => {
  const expected = cases.map((c) => c.id).filter((id) => !(id in NOT_IN_PAGE)).sort();
  assert.deepEqual([...ran].sort(), expected);
});

test('the exceptions load in the page: GB18030 reps show their Chinese names, GB18030 returns their reference', async () => {
  const bytesOf = (id) => inputOf(cases.find((c) => c.id === id), presetJson).bytes;
  const reps = cases.find((c) => c.id === 'reps-gb18030');
  await loadFile(reps, 'reps', bytesOf('reps-gb18030'));
  assert.equal(await app('[data-testid="load-summary"]').textContent(), '2 reps loaded');
  assert.equal(await app('[data-testid="load-report"] .hint').textContent(), 'read as GB18030 (Chinese Windows encoding)');
  await setLang('zh');
  assert.equal(await until(() => app('tr[data-rep="E01"] th').innerText(), (t) => t === '张伟 E01'), '张伟 E01');
  assert.equal(await app('tr[data-rep="E02"] th').innerText(), '王芳 E02');
  await setLang('en');
  await startOver();
  const returns = cases.find((c) => c.id === 'adj-gb18030');
  await loadFile(returns, 'returns', bytesOf('adj-gb18030'));
  assert.equal(await app('[data-testid="load-summary"]').textContent(), '1 return loaded');
  // E04's return of 100 from 2026-Q2, charged in 2026-Q3: its reference in Chinese in the statement.
  await app('select[data-testid="period"]').selectOption('2026-Q3');
  await app('tr[data-rep="E04"]').click();
  assert.match(await app('[data-testid="explanation"] [data-section="returns"]').textContent(), /合同取消/);
  await page.keyboard.press('Escape');
  await startOver();
  assert.deepEqual(errors, [], 'no page error');
});

test('after every bad input the page still answers: Start over gives the sample plan\'s figures', async () => {
  await startOver();
  const reps = await until(() => app('[data-testid="results"] tbody tr').count(), (n) => n === 32);
  assert.equal(reps, 32);
  assert.equal(await app('[data-testid="data-source"]').textContent(), 'Sample reps · 32 reps · 4 periods');
  // And an edit still recomputes: tier 2 at 6% gives 100万 × 3% + 20万 × 6% = 42,000.
  const plan = JSON.parse(presetJson('saas-target'));
  plan.commission[0].tiers[1].rate_pct = 6;
  const area = app('textarea[data-testid="plan-json"]');
  if (!(await area.count())) await app('details[data-section="json"] > summary').click();
  await area.fill(JSON.stringify(plan));
  await app('[data-testid="apply-json"]').click();
  const e01 = app('tr[data-rep="E01"] [data-col="total"]');
  assert.equal(await until(() => e01.textContent(), (t) => t === '42,000.00'), '42,000.00');
  assert.deepEqual(errors, [], 'no page error');
});
