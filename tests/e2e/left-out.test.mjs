// What the results leave out, and returns, in the playground in headless Chromium: the notice
// over the results that counts the reps an evaluation left out (and the returns it did not
// apply) and opens each one's path, value and message in the page's language; "Load
// returns…" with its per-row report, its template, the session and the share link; and
// Start over. Figures are hand-worked from the sample data (saas-target, 2026-Q4: Zhang Wei
// E01 collects 120万 of a 100万 target, 3% to target and 4% above: 38,000.00).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { openPlayground, useBrowser, app, eventually } from './browser.mjs';

const require = createRequire(import.meta.url);
const engine = require('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, sampleCsv, sampleAdjustmentsCsv, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');
const env = useBrowser();
const SHOTS = new URL('../../test-output/screenshots/', import.meta.url);

const total = (page, rep) => app(page, `tr[data-rep="${rep}"] [data-col="total"]`);
const rows = (page) => app(page, '[data-testid="results"] tbody tr');
const tableRows = (page, selector) => app(page, `${selector} tr[data-row-problem]`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));

async function withPlayground(fn) {
  const opened = await openPlayground(env, '/');
  try {
    await fn(opened);
    assert.deepEqual(opened.errors, [], 'no page error');
  } finally {
    await opened.context.close();
  }
}

const setLang = async (page, lang) => {
  await app(page, `button[data-lang="${lang}"]`).click();
  await eventually(() => page.evaluate(() => document.querySelector('sales-plan-playground').lang), lang, `language ${lang}`);
};

/** The sample reps with Zhang Wei's 2026-Q4 revenue target 0 and Wang Fang's 2026-Q4 new customers blank. */
function twoBadReps() {
  const [header, ...lines] = sampleCsv().trim().split(/\r?\n/);
  const cols = header.split(',');
  const at = (name) => cols.indexOf(name);
  const changed = lines.map((line) => {
    const f = line.split(',');
    if (f[at('period')] === '2026-Q4' && f[0] === 'E01') f[at('revenue_target')] = '0';
    if (f[at('period')] === '2026-Q4' && f[0] === 'E02') f[at('new_customers')] = '';
    return f.join(',');
  });
  return [header, ...changed].join('\n') + '\n';
}

test('reps left out of the period: a notice over the results counts them and opens each one\'s problem, in English and Chinese', async () => {
  await withPlayground(async ({ page }) => {
    await app(page, 'input[data-file="reps"]').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(twoBadReps()) });
    await eventually(() => app(page, '[data-testid="load-summary"]').textContent().catch(() => ''), '32 reps loaded', 'every row loads');
    const summary = app(page, '[data-testid="left-out-summary"]');
    await eventually(() => summary.textContent(), '⚠ 2 reps left out of this period', 'the notice');
    // Closed at first: one quiet line; the table has the other 30 reps.
    assert.equal(await app(page, '[data-testid="left-out-list"]').isVisible(), false);
    assert.equal(await rows(page).count(), 30);
    assert.equal(await total(page, 'E01').count(), 0);
    // 893,410.00 of commission without returns (a reps file brings none), less E01's 38,000.00 and E02's 24,000.00.
    assert.equal(await app(page, '[data-testid="total-pay"]').textContent(), '¥831,410.00');
    await summary.click();
    assert.equal(await app(page, '[data-testid="left-out-list"]').isVisible(), true);
    // The KPIs the engine quotes by id are named as the plan names them, the id beside the name.
    assert.deepEqual(await tableRows(page, '[data-testid="left-out"]'), [
      ['E01 · revenue.target', '0', 'Rep Zhang Wei (E01) has a target of 0 for Collected revenue vs target (revenue); a target must be above 0'],
      ['E02 · new_customers', '', 'Rep Wang Fang (E02) has no value for New customers (new_customers), which the plan uses'],
    ]);
    await app(page, '.panel.results').screenshot({ path: new URL('left-out-en.png', SHOTS).pathname });
    await setLang(page, 'zh');
    await eventually(() => summary.textContent(), '⚠ 本期有 2 人未计入结果', 'the notice in Chinese');
    assert.deepEqual(await tableRows(page, '[data-testid="left-out"]'), [
      ['E01 · revenue.target', '0', '销售人员 张伟（E01）在回款达成率（revenue）的目标为 0；目标必须大于 0'],
      ['E02 · new_customers', '', '销售人员 王芳（E02）缺少方案需要的字段新客户数（new_customers）的值'],
    ]);
    await app(page, '.panel.results').screenshot({ path: new URL('left-out-zh.png', SHOTS).pathname });
    // In 2026-Q3 nobody is left out: no notice.
    await app(page, 'select[data-testid="period"]').selectOption('2026-Q3');
    await eventually(() => summary.count(), 0, 'no notice in 2026-Q3');
    assert.equal(await rows(page).count(), 32);
  });
});

const RETURNS = 'rep_id,period,original_period,line,amount,reference\n'
  + 'E01,2026-Q4,2026-Q4,revenue_commission,200000,SO-9 cancelled\n'
  + 'X99,2026-Q4,2026-Q3,revenue_commission,100,SO-10\n';

test('a reps file\'s rows left out and cells read as blank name their line and the column by its name, the header beside it, in English and Chinese', async () => {
  await withPlayground(async ({ page }) => {
    const [header, ...lines] = sampleCsv().trim().split(/\r?\n/);
    const cols = header.split(',');
    const bad = lines.map((line, i) => {
      const f = line.split(',');
      if (i === 3) f[cols.indexOf('revenue_collected')] = 'abc'; // line 5: E01, 2026-Q4
      if (i === 7) f[cols.indexOf('region')] = ''; // line 9
      if (i === 11) f[cols.indexOf('revenue_booked')] = 'visits'; // line 13: a value that is also a column's id
      return f.join(',');
    });
    await app(page, 'input[data-file="reps"]').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...bad].join('\n')) });
    const report = '[data-testid="load-report"]';
    // The row left out first; then the cells that are not numbers, read as blank (their rows kept).
    await eventually(() => tableRows(page, report), [
      ['Line 9 · region', '', 'Line 9: Region (region) is empty'],
      ['Line 5 · revenue_collected', 'abc', 'Line 5 (rep E01, 2026-Q4): Collected revenue (revenue_collected) is abc, not a number; read as blank'],
      // The value is quoted as the file has it, not named as the column it happens to spell.
      ['Line 13 · revenue_booked', 'visits', 'Line 13 (rep E03, 2026-Q4): Booked revenue (revenue_booked) is visits, not a number; read as blank'],
    ], 'the rows left out');
    assert.equal(await app(page, '[data-testid="load-summary"]').textContent(), '32 reps loaded; 1 row left out:');
    await setLang(page, 'zh');
    await eventually(() => tableRows(page, report), [
      ['第 9 行 · region', '', '第 9 行：大区（region）为空'],
      ['第 5 行 · revenue_collected', 'abc', '第 5 行（销售人员 E01，2026-Q4）：回款金额（revenue_collected）的值 abc 不是数字；按空白读取'],
      ['第 13 行 · revenue_booked', 'visits', '第 13 行（销售人员 E03，2026-Q4）：签约金额（revenue_booked）的值 visits 不是数字；按空白读取'],
    ], 'the rows left out, in Chinese');
    // The session keeps the file: after a reload, its rows left out are reported again (the
    // results otherwise show 30 of 32 reps in Q4 with nothing said).
    await setLang(page, 'en');
    await page.waitForTimeout(400);
    await page.reload();
    await app(page, '[data-testid="results"]').waitFor();
    await eventually(() => app(page, '[data-testid="load-report"] > strong').textContent().catch(() => ''), 'team.csv', 'the report after a reload');
    assert.deepEqual((await tableRows(page, report)).map((row) => row[0]), ['Line 9 · region', 'Line 5 · revenue_collected', 'Line 13 · revenue_booked']);
  });
});

test('Load returns…: good rows are clawed back, bad rows listed; they survive a reload and a share link; Start over brings the sample returns back', async () => {
  let link;
  let planOnly;
  await withPlayground(async ({ page }) => {
    // The sample returns: S03 gives back 50,000 of 2026-Q3's revenue, 1,500.00 of commission.
    assert.equal(await total(page, 'S03').textContent(), '32,060.00');
    await app(page, 'input[data-file="returns"]').setInputFiles({ name: 'returns.csv', mimeType: 'text/csv', buffer: Buffer.from(RETURNS) });
    const report = app(page, '[data-testid="load-report"]');
    await eventually(() => app(page, '[data-testid="load-summary"]').textContent().catch(() => ''), '1 return loaded; 1 row left out:', 'the report');
    assert.equal(await report.locator('strong').first().textContent(), 'returns.csv');
    assert.deepEqual(await tableRows(page, '[data-testid="load-report"]'), [['Line 3 · rep_id', 'X99', 'Returns file line 3: no rep X99 in the data']]);
    // E01 gives back 20万 of the 120万 credited in the same quarter: 100万 × 3% = 30,000.00.
    await eventually(() => total(page, 'E01').textContent(), '30,000.00', 'E01 after the return');
    assert.equal(await total(page, 'E01').getAttribute('data-mark'), '↺');
    // The returns replace the sample ones: S03 keeps its 33,560.00.
    assert.equal(await total(page, 'S03').textContent(), '33,560.00');
    assert.equal(await app(page, '[data-testid="data-source"]').textContent(), 'Sample reps · 32 reps · 4 periods');
    await page.screenshot({ path: new URL('returns-en.png', SHOTS).pathname });
    await setLang(page, 'zh');
    await eventually(() => app(page, '[data-testid="load-summary"]').textContent(), '已导入 1 笔退回；1 行未导入：', 'the report in Chinese');
    assert.deepEqual(await tableRows(page, '[data-testid="load-report"]'), [['第 3 行 · rep_id', 'X99', '退回文件第 3 行：数据中没有销售人员 X99']]);
    await page.screenshot({ path: new URL('returns-zh.png', SHOTS).pathname });
    await setLang(page, 'en');
    // The session keeps them.
    await page.waitForTimeout(400);
    await page.reload();
    await app(page, '[data-testid="results"]').waitFor();
    await eventually(() => total(page, 'E01').textContent(), '30,000.00', 'E01 after a reload');
    assert.equal(await total(page, 'S03').textContent(), '33,560.00');
    // A share link holds the plan, not the returns loaded (pay data), unless asked: then it
    // warns whom to send it to.
    await app(page, '[data-testid="share"]').click();
    assert.equal(await app(page, '[data-testid="share-note"]').textContent(), 'The link holds the plan, not the reps or returns you loaded: it opens on the sample data. Put the reps’ figures in the link');
    planOnly = await app(page, 'input[data-testid="share-link"]').inputValue();
    await app(page, '[data-testid="share-with-data"]').click();
    await eventually(() => app(page, '[data-testid="share-note"]').textContent(), 'This link holds every rep’s figures and pay: send it only to people allowed to see them.', 'the warning');
    assert.equal(await app(page, '[data-testid="share-note"]').getAttribute('role'), 'alert');
    link = await app(page, 'input[data-testid="share-link"]').inputValue();
    assert.notEqual(link, planOnly);
    // A reps file loaded after them keeps them, as far as they apply, and says so: the sample
    // reps as a file still give E01's return (30,000.00); the row for X99 is still left out.
    await app(page, 'input[data-file="reps"]').setInputFiles({ name: 'sample.csv', mimeType: 'text/csv', buffer: Buffer.from(sampleCsv()) });
    await eventually(() => app(page, '[data-testid="load-kept"]').textContent().catch(() => ''), 'The returns of returns.csv still apply: 1 on these reps. Its rows for reps or periods not in this file: 1.', 'the returns kept');
    assert.equal(await total(page, 'E01').textContent(), '30,000.00');
    assert.equal(await total(page, 'S03').textContent(), '33,560.00');
    // Start over (asked first: it drops the reps and returns files): the sample reps with their own returns.
    await app(page, '[data-testid="reset"]').click();
    await app(page, '[data-testid="reset-confirm"]').click();
    await eventually(() => total(page, 'S03').textContent(), '32,060.00', 'S03 after Start over');
    assert.equal(await total(page, 'E01').textContent(), '38,000.00');
  });
  const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(link);
    await app(page, '[data-testid="results"]').waitFor();
    await eventually(() => total(page, 'E01').textContent(), '30,000.00', 'E01 from the share link');
    assert.equal(await total(page, 'S03').textContent(), '33,560.00');
    // The link without the figures: the sample reps with their own returns (S03's 1,500 back).
    await page.goto('about:blank');
    await page.goto(planOnly);
    await app(page, '[data-testid="results"]').waitFor();
    await eventually(() => total(page, 'S03').textContent(), '32,060.00', 'S03 from the plan-only link');
    assert.equal(await total(page, 'E01').textContent(), '38,000.00');
  } finally {
    await context.close();
  }
});

test('loading reps keeps the undo history and the pinned baseline; a file refused changes neither', async () => {
  await withPlayground(async ({ page }) => {
    const rate = app(page, '[data-path="commission[0].tiers[1].rate_pct"]');
    await app(page, '[data-testid="pin-baseline"]').click();
    await rate.fill('6');
    // Zhang Wei: 200,000 in the 100–120% slice at 6% instead of 4%: +4,000.00.
    await eventually(() => app(page, 'tr[data-rep="E01"] [data-col="delta"]').textContent(), '+4,000.00', 'the edit against the baseline');
    const undo = app(page, '[data-testid="undo"]');
    assert.equal(await undo.isEnabled(), true);
    // A file refused: nothing changes.
    await app(page, 'input[data-file="reps"]').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
    await app(page, '[data-testid="load-report"]').waitFor();
    assert.equal(await undo.isEnabled(), true);
    assert.equal(await app(page, 'tr[data-rep="E01"] [data-col="delta"]').textContent(), '+4,000.00');
    // A file read: the same comparison on its reps, and the edit can still be undone.
    await app(page, 'input[data-file="reps"]').setInputFiles({ name: 'sample.csv', mimeType: 'text/csv', buffer: Buffer.from(sampleCsv()) });
    await eventually(() => app(page, '[data-testid="load-kept"]').textContent().catch(() => ''), 'The pinned baseline is compared on these reps.', 'the baseline kept');
    assert.equal(await app(page, 'tr[data-rep="E01"] [data-col="delta"]').textContent(), '+4,000.00');
    assert.equal(await undo.isEnabled(), true);
    await undo.click();
    await eventually(() => rate.inputValue(), '4', 'undone');
    await eventually(() => app(page, 'tr[data-rep="E01"] [data-col="delta"]').textContent(), '0.00', 'back to the baseline');
  });
});

test('a returns file that cannot be read says why and changes nothing', async () => {
  await withPlayground(async ({ page }) => {
    await app(page, 'input[data-file="returns"]').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('rep,amount\nE01,5\n') });
    const item = app(page, '[data-testid="load-report"] li');
    await eventually(() => item.textContent().catch(() => ''),
      'Header The returns file needs exactly the columns rep_id,period,original_period,line,amount,reference; its header is rep,amount', 'the reason');
    // Where, in the page's language: the header (表头), not the engine's path.
    await app(page, 'button[data-lang="zh"]').click();
    await eventually(() => item.textContent().catch(() => ''), '表头 退回文件的列必须为 rep_id,period,original_period,line,amount,reference，而表头为 rep,amount', 'in Chinese');
    await app(page, 'button[data-lang="en"]').click();
    assert.match(await app(page, '[data-testid="load-report"]').textContent(), /The file could not be read:/);
    assert.equal(await total(page, 'S03').textContent(), '32,060.00');
    assert.equal(await total(page, 'E01').textContent(), '38,000.00');
  });
});

test('a session kept with an empty returns file (accepted before such files were refused) opens as no returns, without an error', async () => {
  const plan = presets()[0].json;
  const e = sampleEngine(engine.Engine);
  e.setPlan(plan);
  const s03 = () => e.evaluate('2026-Q4').reps.find((x) => x.rep_id === 'S03').total_pay;
  const withSampleReturns = s03();
  e.loadAdjustments(sampleAdjustmentsCsv().split('\n')[0] + '\n');
  const withNone = s03();
  assert.notEqual(withNone, withSampleReturns);
  // The stored session is there before the page starts (set again on each load, before the page's scripts).
  const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  await context.addInitScript((plan) => localStorage.setItem('incentive-playground.session',
    JSON.stringify({ plan, presetId: '', period: '2026-Q4', ytd: false, lang: 'en', returnsCsv: '', returnsName: 'none.csv' })), JSON.parse(plan));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(env.base + '/');
  await app(page, '[data-testid="results"]').waitFor();
  const shown = (v) => Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await eventually(() => total(page, 'S03').textContent(), shown(withNone), 'no returns');
  assert.equal(await app(page, '[data-testid="load-report"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the returns template is the sample returns, and loading it back changes no figure', async () => {
  await withPlayground(async ({ page }) => {
    const [download] = await Promise.all([page.waitForEvent('download'), app(page, '[data-testid="returns-template"]').click()]);
    assert.equal(download.suggestedFilename(), 'returns-template.csv');
    const bytes = readFileSync(await download.path());
    const text = bytes.toString('utf8');
    assert.equal(text, '\ufeff' + sampleAdjustmentsCsv());
    assert.equal(text.split('\n')[0], '\ufeffrep_id,period,original_period,line,amount,reference');
    await app(page, 'input[data-file="returns"]').setInputFiles({ name: 'returns-template.csv', mimeType: 'text/csv', buffer: bytes });
    await eventually(() => app(page, '[data-testid="load-summary"]').textContent().catch(() => ''), '2 returns loaded', 'the template loads');
    assert.equal(await total(page, 'S03').textContent(), '32,060.00');
    // Its header alone: no return, and the report says the two applied before no longer apply.
    const header = text.split('\n')[0] + '\n';
    await app(page, 'input[data-file="returns"]').setInputFiles({ name: 'none.csv', mimeType: 'text/csv', buffer: Buffer.from(header) });
    await eventually(() => app(page, '[data-testid="load-kept"]').textContent().catch(() => ''), 'It holds no return: those applied before (2) no longer apply.', 'said');
    assert.notEqual(await total(page, 'S03').textContent(), '32,060.00');
    // An empty file is refused: the returns stay as they are.
    await app(page, 'input[data-file="returns"]').setInputFiles({ name: 'returns-template.csv', mimeType: 'text/csv', buffer: bytes });
    await eventually(() => total(page, 'S03').textContent(), '32,060.00', 'the returns again');
    await app(page, 'input[data-file="returns"]').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await eventually(() => app(page, '[data-testid="load-report"] li').textContent().catch(() => ''), 'The returns file is empty: not even a header', 'refused');
    assert.equal(await total(page, 'S03').textContent(), '32,060.00');
  });
});
