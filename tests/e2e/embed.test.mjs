// <sales-plan-playground> embedded in a host page, in headless Chromium: the example portal
// (www/examples/portal.html) drives it by attributes (lang, period, plan-src, reps-src) and
// listens to its events (plan-change, results-change); the portal's own widgets call the
// engine API. Figures are checked against a hand-worked value (Zhang Wei, 2026-Q4:
// 1,000,000 × 3% + 200,000 × 4% = 38,000.00) and against the engine's results in Node for the
// same files. Styles do not leak either way; embedded elements touch no page-wide state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { openPlayground, useBrowser, eventually, app, pdfPages } from './browser.mjs';

const require = createRequire(import.meta.url);
const engine = require('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');

const SHOTS = new URL('../../test-output/screenshots/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });
const EXAMPLES = new URL('../../www/examples/', import.meta.url);
const PLAN_JSON = readFileSync(new URL('plans/east-2026.json', EXAMPLES), 'utf8');
const TEAM_CSV = readFileSync(new URL('data/east-team.csv', EXAMPLES), 'utf8');

const env = useBrowser();

// --- helpers ---------------------------------------------------------------------------

const grouped = (decimal) => String(decimal).replace(/^(-?\d+)/, (i) => i.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** The engine's results in Node for a plan (text or object) on a CSV (or the sample reps). */
function evaluate(plan, { csv = TEAM_CSV, period = '2026-Q4' } = {}) {
  const e = csv ? engine.Engine.fromCsv(csv) : sampleEngine(engine.Engine);
  const report = e.setPlan(typeof plan === 'string' ? plan : JSON.stringify(plan));
  assert.equal(report.ok, true, JSON.stringify(report.problems));
  return e.evaluate(period);
}

function planWith(change) {
  const plan = JSON.parse(PLAN_JSON);
  change(plan);
  return plan;
}

/**
 * Opens the portal with every plan-change / results-change event that reaches `document`
 * recorded (they must bubble out of the shadow root to get there), and waits for the
 * element's results and the portal's own widgets.
 */
async function openPortal({ bypassCSP = false } = {}) {
  const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 }, bypassCSP });
  await context.addInitScript(() => {
    window.__events = [];
    for (const type of ['plan-change', 'results-change', 'lang-change', 'load-problems', 'period-refused']) {
      document.addEventListener(type, (e) => {
        const { results, ...rest } = e.detail;
        window.__events.push({
          type, target: e.target.id || e.target.localName, bubbles: e.bubbles, composed: e.composed,
          detail: type === 'results-change'
            ? { ...rest, total: results.totals.total_pay, reps: results.reps.map((r) => [r.rep_id, r.total_pay]), withKpis: results.reps.filter((r) => r.kpis.length).map((r) => r.rep_id) }
            : JSON.parse(JSON.stringify(e.detail)),
        });
      });
    }
  });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${env.base}/examples/portal.html`);
  await page.locator('sales-plan-playground [data-testid="results"]').waitFor();
  await eventually(() => page.locator('[data-testid="my-total"]').textContent(), '¥38,000.00', 'My pay computed');
  return { page, context, errors, requests, events: (type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type) };
}

const inEl = (page, selector) => page.locator(`sales-plan-playground ${selector}`);
const cell = (page, rep, col) => inEl(page, `tr[data-rep="${rep}"] [data-col="${col}"]`);

// --- tests -----------------------------------------------------------------------------

test('the portal: its engine widgets show the hand-worked pay; the element loads plan-src and reps-src and reports its figures by events', async () => {
  const { page, context, errors, requests, events } = await openPortal();
  const expected = evaluate(PLAN_JSON);
  // The portal's "My pay", straight from the engine API: the two slices of Zhang Wei's commission.
  const slices = await page.locator('[data-testid="my-slices"] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.deepEqual(slices, [
    ['0 – 1,000,000', '1,000,000', '3%', '30,000.00'],
    ['1,000,000 – 1,200,000', '200,000', '4%', '8,000.00'],
  ]);
  assert.equal(await page.locator('[data-testid="my-grade"]').textContent(), 'S');
  assert.equal(await page.locator('[data-testid="team-table"] tbody tr').count(), 8);
  // One main landmark, the portal's: the element adds none (locators reach into its shadow root).
  await page.locator('sales-plan-playground [data-testid="results"]').waitFor();
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('[data-testid="team-total"]').textContent(), grouped(expected.totals.total_pay));
  assert.equal(expected.totals.total_pay, '295350.00');

  // The element, from plan-src and reps-src: the portal's plan on the East team's 8 reps.
  assert.match(await inEl(page, '[data-testid="data-source"]').textContent(), /^east-team\.csv · 8 reps · 4 periods$/);
  assert.equal(await inEl(page, '[data-testid="results"] tbody tr').count(), 8);
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '38,000.00');
  const plan = await page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  assert.deepEqual(plan, JSON.parse(PLAN_JSON));
  assert.equal(await inEl(page, 'select[data-testid="preset"] option:checked').textContent(), plan.name);
  assert.equal(await page.locator('sales-plan-playground').getAttribute('lang'), 'en');

  // Events out: bubbling and composed, reaching document; the portal shows the cost they carry.
  const [planEvent] = await events('plan-change');
  assert.deepEqual({ ...planEvent, detail: { ...planEvent.detail, plan: planEvent.detail.plan.name } },
    { type: 'plan-change', target: 'sales-plan-playground', bubbles: true, composed: true, detail: { plan: plan.name, valid: true, problems: [] } });
  const results = await events('results-change');
  assert.ok(results.length >= 1);
  assert.deepEqual(results.at(-1).detail, {
    period: '2026-Q4', yearToDate: false, comparison: null, total: expected.totals.total_pay,
    reps: expected.reps.map((r) => [r.rep_id, r.total_pay]),
    // No statement open: no rep's KPI results cross (the figures they add up to do).
    withKpis: [],
  });
  assert.equal(await page.locator('[data-testid="plan-cost"]').textContent(), `¥${grouped(expected.totals.total_pay)}`);
  assert.equal(await page.locator('[data-testid="plan-status"]').textContent(), 'valid');

  // Embedded without `persist`: no share link, nothing stored, the page's address untouched.
  assert.equal(await inEl(page, '[data-testid="share"]').count(), 0);
  assert.deepEqual(await page.evaluate(() => [localStorage.length, location.hash]), [0, '']);
  assert.deepEqual([...new Set(requests)].sort(), [
    '/dist/playground.js', '/examples/data/east-team.csv', '/examples/plans/east-2026.json',
    '/examples/portal.css', '/examples/portal.html', '/examples/portal.js',
    '/pkg/incentive_engine.js', '/pkg/incentive_engine_bg.wasm',
  ]);
  await page.screenshot({ path: new URL('portal-en.png', SHOTS).pathname, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('events out: an edit in the element reaches the host with the engine\'s figures; an invalid edit is flagged and keeps the last results', async () => {
  const { page, context, errors, events } = await openPortal();
  const before = (await events('results-change')).length;
  await inEl(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
  const edited = evaluate(planWith((p) => { p.commission[0].tiers[1].rate_pct = '6'; }));
  await eventually(() => page.locator('[data-testid="plan-cost"]').textContent(), `¥${grouped(edited.totals.total_pay)}`, 'cost from results-change');
  const planEvent = (await events('plan-change')).at(-1);
  assert.equal(planEvent.detail.valid, true);
  assert.equal(planEvent.detail.plan.commission[0].tiers[1].rate_pct, 6);
  const last = (await events('results-change')).at(-1);
  assert.equal((await events('results-change')).length, before + 1);
  assert.deepEqual(last.detail.reps, edited.reps.map((r) => [r.rep_id, r.total_pay]));
  // 1,000,000 × 3% + 200,000 × 6% = 42,000.00
  assert.deepEqual(last.detail.reps[0], ['E01', '42000.00']);

  // With a rep's statement open, a change of plan's results list that rep's KPI results only.
  // In the portal's column the statement covers the element: the editor is out of reach
  // (inert) until it closes, so the host changes the plan.
  await inEl(page, 'tr[data-rep="E02"]').click();
  assert.equal(await inEl(page, 'section.panel.editor').getAttribute('inert'), '');
  assert.equal(await inEl(page, '[data-testid="explanation"]').getAttribute('aria-modal'), 'true');
  await page.evaluate(() => {
    const el = document.querySelector('sales-plan-playground');
    const plan = el.plan;
    plan.commission[0].tiers[1].rate_pct = 5;
    el.plan = plan;
  });
  await eventually(async () => (await events('results-change')).at(-1).detail.withKpis, ['E02'], 'the open rep\'s KPIs');
  await inEl(page, '[data-testid="explanation"] button[aria-label="Close"]').click();
  await inEl(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
  await eventually(() => page.locator('[data-testid="plan-cost"]').textContent(), `¥${grouped(edited.totals.total_pay)}`, 'cost back at 6%');

  // The host takes the designed plan into its own engine.
  await page.locator('[data-testid="use-plan"]').click();
  await eventually(() => page.locator('[data-testid="my-total"]').textContent(), '¥42,000.00', 'My pay with the designed plan');

  // An invalid edit: plan-change says so with the engine's problem; no results-change; the cost stays.
  const count = (await events('results-change')).length;
  await inEl(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('-6');
  await eventually(() => page.locator('[data-testid="plan-status"]').textContent(), 'has errors', 'status from plan-change');
  const bad = (await events('plan-change')).at(-1).detail;
  assert.equal(bad.valid, false);
  assert.deepEqual(bad.problems.map((p) => [p.code, p.path, p.value]), [['out_of_range', 'commission[0].tiers[1].rate_pct', '-6']]);
  assert.equal(bad.plan.commission[0].tiers[1].rate_pct, -6);
  assert.equal((await events('results-change')).length, count);
  assert.equal(await page.locator('[data-testid="use-plan"]').isDisabled(), true);
  assert.equal(await page.locator('[data-testid="plan-cost"]').textContent(), `¥${grouped(edited.totals.total_pay)}`);
  await page.locator('section.designer').screenshot({ path: new URL('portal-invalid-edit.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the host hears when its own plan or reps are refused; what it reads is a copy; null reps bring the sample back; a plan with a BOM is read', async () => {
  const { page, context, errors, events } = await openPortal();
  const pg = 'sales-plan-playground';
  // Broken JSON from the host: load-problems with the engine's json_syntax problem; the plan in use stays.
  await page.evaluate((s) => { document.querySelector(s).plan = '{"version": 1, "name": "x",'; }, pg);
  await eventually(async () => (await events('load-problems')).length, 1, 'load-problems for the plan');
  const [planProblem] = await events('load-problems');
  assert.deepEqual([planProblem.bubbles, planProblem.composed, planProblem.detail.kind, planProblem.detail.fatal.map((p) => p.code)], [true, true, 'plan', ['json_syntax']]);
  assert.equal(await page.evaluate((s) => document.querySelector(s).plan.name, pg), JSON.parse(PLAN_JSON).name);
  // Reps the engine cannot read at all: load-problems for the reps; the East team stays.
  await page.evaluate((s) => { document.querySelector(s).repsCsv = 'hello,world\n1,2'; }, pg);
  await eventually(async () => (await events('load-problems')).length, 2, 'load-problems for the reps');
  const repsProblem = (await events('load-problems')).at(-1).detail;
  assert.equal(repsProblem.kind, 'reps');
  assert.ok(repsProblem.fatal.length > 0 && repsProblem.fatal.every((p) => p.message.en && p.message.zh), JSON.stringify(repsProblem));
  assert.equal(await inEl(page, '[data-testid="results"] tbody tr').count(), 8);
  // Reps read with a figure to check (visits below 0): load-problems carries it as a warning, no row left out.
  await page.evaluate(([s, csv]) => { document.querySelector(s).repsCsv = csv; }, [pg, TEAM_CSV.replace(/^(E01,[^\n]*),(\d+)\n/m, '$1,-$2\n')]);
  await eventually(async () => (await events('load-problems')).length, 3, 'load-problems for a figure below 0');
  const checked = (await events('load-problems')).at(-1).detail;
  assert.deepEqual([checked.kind, checked.fatal.length, checked.problems.length, checked.warnings.map((w) => w.code)], ['reps', 0, 0, ['negative_value']]);
  // A period the data does not have is not taken: the element keeps the one it shows, and says so.
  const shown = await page.evaluate((s) => document.querySelector(s).period, pg);
  const resultsBefore = (await events('results-change')).length;
  await page.evaluate((s) => { document.querySelector(s).period = '2099-Q9'; }, pg);
  await eventually(() => page.evaluate((s) => document.querySelector(s).period, pg), shown, 'the period kept');
  await eventually(async () => (await events('period-refused')).length, 1, 'period-refused');
  const refused = (await events('period-refused'))[0];
  assert.deepEqual([refused.detail.period, refused.detail.kept, refused.detail.periods.includes(shown), refused.bubbles, refused.composed], ['2099-Q9', shown, true, true, true]);
  // Nothing new was evaluated: no second results-change with the same figures.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  assert.equal((await events('results-change')).length, resultsBefore, 'a refused period re-announced the same results');

  // Reading plan and results gives copies: changing them changes nothing in the element.
  const kept = await page.evaluate((s) => {
    const el = document.querySelector(s);
    const plan = el.plan;
    plan.name = 'MUTATED';
    plan.commission[0].tiers[0].rate_pct = 50;
    el.results.totals.total_pay = 'X';
    return [el.plan.name, el.plan.commission[0].tiers[0].rate_pct, el.results.totals.total_pay];
  }, pg);
  assert.deepEqual(kept, [JSON.parse(PLAN_JSON).name, JSON.parse(PLAN_JSON).commission[0].tiers[0].rate_pct, evaluate(PLAN_JSON).totals.total_pay]);

  // repsCsv = null: back to the reps-src file (the East team's 8 reps); without reps-src, to the 32 sample reps.
  await page.evaluate(([s, csv]) => { document.querySelector(s).repsCsv = csv; }, [pg, TEAM_CSV.split('\n').slice(0, 5).join('\n')]);
  await eventually(() => inEl(page, '[data-testid="results"] tbody tr').count(), 1, 'one rep from repsCsv');
  await page.evaluate((s) => { document.querySelector(s).repsCsv = null; }, pg);
  await eventually(() => inEl(page, '[data-testid="data-source"]').textContent(), 'east-team.csv · 8 reps · 4 periods', 'the reps-src file again');
  await page.evaluate((s) => { const el = document.querySelector(s); el.removeAttribute('reps-src'); el.repsCsv = 'x'; el.repsCsv = null; }, pg);
  await eventually(() => inEl(page, '[data-testid="results"] tbody tr').count(), 32, 'the sample reps');
  // A plan file saved with a byte-order mark (Notepad, Excel) is read like any other.
  const bom = planWith((p) => { p.name = 'With a BOM'; });
  await page.evaluate(([s, text]) => { document.querySelector(s).plan = text; }, [pg, `\uFEFF${JSON.stringify(bom)}`]);
  await eventually(() => page.evaluate((s) => document.querySelector(s).plan.name, pg), 'With a BOM', 'the BOM plan');
  assert.deepEqual((await events('load-problems')).map((e) => e.detail.kind), ['plan', 'reps', 'reps', 'reps'], 'the two refusals, the figure to check and the file of one letter');
  assert.deepEqual(errors, []);
  await context.close();
});

test('attributes in: the portal switches the element\'s language and period', async () => {
  const { page, context, errors, events } = await openPortal();
  await page.locator('button[data-portal-lang="zh"]').click();
  assert.equal(await page.locator('sales-plan-playground').getAttribute('lang'), 'zh');
  await eventually(() => inEl(page, 'h1').textContent(), '激励方案沙盘', 'the element in Chinese');
  assert.equal(await page.locator('.page-head h1').textContent(), '激励方案');
  assert.equal(await inEl(page, 'button[data-lang="zh"]').getAttribute('aria-pressed'), 'true');

  await page.locator('[data-testid="portal-period"]').selectOption('2026-Q3');
  const q3 = evaluate(PLAN_JSON, { period: '2026-Q3' });
  await eventually(() => inEl(page, 'select[data-testid="period"]').inputValue(), '2026-Q3', 'period attribute');
  const last = (await events('results-change')).at(-1).detail;
  assert.equal(last.period, '2026-Q3');
  assert.equal(last.total, q3.totals.total_pay);
  assert.equal(await page.locator('[data-testid="plan-cost"]').textContent(), `¥${grouped(q3.totals.total_pay)}`);
  // Zhang Wei in Q3: 851,000 collected of 1,200,000, all in the 3% tier: 25,530.00
  assert.equal(q3.reps.find((r) => r.rep_id === 'E01').total_pay, '25530.00');
  assert.equal(await page.locator('[data-testid="my-total"]').textContent(), '¥25,530.00');
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '25,530.00');
  await page.screenshot({ path: new URL('portal-zh.png', SHOTS).pathname, fullPage: true });
  assert.deepEqual(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('events out: a period or year to date chosen inside the element, the portal follows and says which period its plan cost is of', async () => {
  const { page, context, errors } = await openPortal();
  await inEl(page, 'select[data-testid="period"]').selectOption('2026-Q2');
  const q2 = evaluate(PLAN_JSON, { period: '2026-Q2' });
  await eventually(() => page.locator('[data-testid="portal-period"]').inputValue(), '2026-Q2', 'the portal follows');
  assert.equal(await page.locator('[data-testid="plan-cost-period"]').textContent(), '2026-Q2');
  assert.equal(await page.locator('[data-testid="plan-cost"]').textContent(), `¥${grouped(q2.totals.total_pay)}`);
  assert.equal(await page.locator('[data-testid="my-total"]').textContent(), `¥${grouped(q2.reps.find((r) => r.rep_id === 'E01').total_pay)}`);
  await inEl(page, '[data-testid="ytd"]').check();
  await eventually(() => page.locator('[data-testid="plan-cost-period"]').textContent(), '2026-Q2, year to date', 'year to date named');
  await page.locator('button[data-portal-lang="zh"]').click();
  await eventually(() => page.locator('[data-testid="plan-cost-period"]').textContent(), '2026-Q2 年度累计', 'in Chinese');
  assert.deepEqual(errors, []);
  await context.close();
});

test('events out: the element\'s own language switch tells the portal, which follows it (one language on the page)', async () => {
  const { page, context, errors, events } = await openPortal();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await inEl(page, 'button[data-lang="zh"]').click();
  await eventually(() => page.locator('.page-head h1').textContent(), '激励方案', 'the portal follows the element');
  assert.deepEqual((await events('lang-change')).map((e) => [e.target, e.detail.lang, e.bubbles, e.composed]), [['sales-plan-playground', 'zh', true, true]]);
  assert.equal(await page.locator('button[data-portal-lang="zh"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('sales-plan-playground').getAttribute('lang'), 'zh');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  // The element's own text is marked as Chinese (screen readers, CJK fonts).
  assert.equal(await inEl(page, '.root').getAttribute('lang'), 'zh-CN');
  // The host switching back sets the attribute: no event for a change the host made itself.
  await page.locator('button[data-portal-lang="en"]').click();
  await eventually(() => inEl(page, 'h1').textContent(), 'Incentive plan playground', 'the element in English');
  assert.equal((await events('lang-change')).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Computed styles inside the element that the host must not change. */
const INSIDE = {
  title: 'h1',
  langButton: 'button[data-lang="zh"]',
  actionButton: '[data-testid="reset"]',
  tableHead: '[data-testid="results"] thead th',
  tableCell: 'tr[data-rep="E01"] [data-col="commission"]',
  panel: '.panel.results',
  field: '[data-path="commission[0].tiers[1].rate_pct"]',
};
const PROPS = ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'textTransform', 'color', 'paddingTop', 'paddingLeft', 'borderTopWidth', 'borderTopStyle', 'textAlign'];

const insideStyles = (page) => page.evaluate(([inside, props]) => {
  const root = document.querySelector('sales-plan-playground').shadowRoot;
  return Object.fromEntries(Object.entries(inside).map(([k, sel]) => {
    const s = getComputedStyle(root.querySelector(sel));
    return [k, Object.fromEntries(props.map((p) => [p, s[p]]))];
  }));
}, [INSIDE, PROPS]);

test('no style leakage: the portal\'s (and a hostile page\'s) rules do not reach inside; the element\'s do not reach out; only --ip-* themes it', async () => {
  // The element answers to its own width (a compact toolbar under 1420 px): the reference is
  // taken at a width in the same range as the portal's element.
  const standalone = await openPlayground(env, '/', { viewport: { width: 1280, height: 900 } });
  const reference = await insideStyles(standalone.page);
  const accent = () => standalone.page.evaluate(() => getComputedStyle(document.querySelector('sales-plan-playground').shadowRoot.querySelector('button[data-lang="en"]')).backgroundColor);
  assert.equal(await accent(), 'rgb(31, 94, 255)');
  // Theming from any ancestor: a custom property on :root reaches the element.
  await standalone.page.evaluate(() => document.documentElement.style.setProperty('--ip-accent', 'rgb(200, 0, 100)'));
  assert.equal(await accent(), 'rgb(200, 0, 100)');
  await standalone.context.close();

  const { page, context, errors } = await openPortal({ bypassCSP: true });
  // The portal styles table, th, button, h1 and uses class names the element uses too: nothing
  // of it shows inside, except the colours it sets through --ip-* (not among the properties compared).
  assert.deepEqual(await insideStyles(page), reference);
  const pressed = await page.evaluate(() => getComputedStyle(document.querySelector('sales-plan-playground').shadowRoot.querySelector('button[aria-pressed="true"]')).backgroundColor);
  assert.equal(pressed, 'rgb(15, 118, 110)', '--ip-accent set by the portal');

  // A hostile stylesheet: universal and element rules, !important, inherited text properties.
  await page.addStyleTag({ content: `
    * { font-family: serif !important; letter-spacing: 3px !important; text-transform: uppercase !important; line-height: 3 !important; color: rgb(255, 0, 0) !important; }
    html, body { font-size: 30px !important; text-align: center !important; }
    h1 { font-size: 60px !important; } button { padding: 30px !important; border: 6px dotted red !important; }
    table, th, td { padding: 40px !important; border: 5px solid red !important; } input { font-size: 40px !important; }` });
  const hostile = await insideStyles(page);
  assert.deepEqual(hostile, reference);

  // Outwards: the element's rules for .panel, .bar, .hint, .status, .badge, h1, button, table do not style the portal's own.
  const host = await page.evaluate(() => {
    const css = (sel) => getComputedStyle(document.querySelector(sel));
    return {
      panelRadius: css('.panel.my-pay').borderTopLeftRadius, panelPadding: css('.panel.my-pay').paddingTop,
      barPadding: css('.designer .bar').paddingTop, hintSize: css('.designer .hint').fontSize,
      statusPadding: css('#my-pay-status').paddingTop, badgeMinWidth: css('#my-grade').minWidth,
      buttonRadius: css('#use-plan').borderTopLeftRadius, tableBorder: css('[data-testid="team-table"]').borderTopWidth,
    };
  });
  assert.deepEqual(host, {
    panelRadius: '4px', panelPadding: '20px', barPadding: '16px', hintSize: '13px', statusPadding: '0px', badgeMinWidth: 'auto',
    buttonRadius: '999px', tableBorder: '5px', // 5px: the hostile sheet, which does reach the portal's own table
  });
  assert.deepEqual(errors, []);
  await context.close();
});

test('several embedded elements are independent: plan and reps as properties, plan as an attribute, a missing plan-src reported', async () => {
  const { page, context, errors } = await openPortal();
  const own = planWith((p) => { p.commission[0].tiers[0].rate_pct = 2; });
  const attr = planWith((p) => { p.commission[0].tiers[2].rate_pct = 10; });
  await page.evaluate(([ownPlan, csv, attrPlan]) => {
    const a = document.createElement('sales-plan-playground');
    a.id = 'second';
    a.lang = 'zh';
    a.plan = ownPlan; // object property
    a.repsCsv = csv.split('\n').slice(0, 13).join('\n'); // header + 3 reps × 4 quarters
    const b = document.createElement('sales-plan-playground');
    b.id = 'third';
    b.setAttribute('plan', JSON.stringify(attrPlan)); // JSON attribute; the sample reps
    b.setAttribute('period', '2026-Q2');
    const c = document.createElement('sales-plan-playground');
    c.id = 'fourth';
    c.setAttribute('plan-src', 'plans/missing.json');
    document.body.append(a, b, c);
  }, [own, TEAM_CSV, attr]);
  const el = (id, sel) => page.locator(`#${id} ${sel}`);
  for (const id of ['second', 'third', 'fourth']) await el(id, '[data-testid="results"]').waitFor();

  // #second: 3 reps, its own plan: 1,000,000 × 2% + 200,000 × 4% = 28,000.00, in Chinese.
  const second = evaluate(own, { csv: TEAM_CSV.split('\n').slice(0, 13).join('\n') });
  assert.equal(second.reps.find((r) => r.rep_id === 'E01').total_pay, '28000.00');
  assert.equal(await el('second', '[data-testid="results"] tbody tr').count(), 3);
  assert.equal(await el('second', 'tr[data-rep="E01"] [data-col="commission"]').textContent(), '28,000.00');
  assert.equal(await el('second', 'h1').textContent(), '激励方案沙盘');
  // #third: the sample reps (32), 2026-Q2, the plan from its attribute.
  const third = evaluate(attr, { csv: null, period: '2026-Q2' });
  assert.equal(await el('third', '[data-testid="results"] tbody tr').count(), 32);
  assert.equal(await el('third', '[data-testid="total-pay"]').getAttribute('title'), grouped(third.totals.total_pay));
  assert.equal(await el('third', 'select[data-testid="period"]').inputValue(), '2026-Q2');
  // #fourth: the plan file is missing: said so, and the first preset is used meanwhile.
  assert.match(await el('fourth', '[data-testid="load-report"]').textContent(), /Could not fetch missing\.json: the server has no such file \(404 Not Found\)/);
  await page.evaluate(() => document.querySelector('#fourth').setAttribute('lang', 'zh'));
  await eventually(() => el('fourth', '[data-testid="load-report"]').textContent().then((t) => /无法获取 missing\.json：服务器上没有这个文件（404 Not Found）/.test(t)), true, 'the 404 in Chinese');
  await page.evaluate(() => document.querySelector('#fourth').setAttribute('lang', 'en'));
  assert.equal(await el('fourth', 'select[data-testid="preset"]').inputValue(), presets()[0].id);

  // An edit in one leaves the others alone; the portal's element still shows its own figures.
  await el('second', '[data-path="commission[0].tiers[0].rate_pct"]').fill('1');
  await eventually(() => el('second', 'tr[data-rep="E01"] [data-col="commission"]').textContent(), '18,000.00', '#second edited');
  assert.equal(await cell(page, 'E01', 'commission').first().textContent(), '38,000.00');
  assert.equal(await el('third', '[data-testid="total-pay"]').getAttribute('title'), grouped(third.totals.total_pay));
  assert.equal(await page.locator('sales-plan-playground').first().getAttribute('lang'), 'en');
  // Attributes changed after start: a new plan (JSON attribute) and new reps (reps-src).
  const later = planWith((p) => { p.commission[0].tiers[1].rate_pct = 5; });
  await page.evaluate(([plan]) => {
    document.querySelector('#third').setAttribute('plan', JSON.stringify(plan));
    document.querySelector('#fourth').setAttribute('reps-src', 'data/east-team.csv');
  }, [later]);
  const thirdLater = evaluate(later, { csv: null, period: '2026-Q2' });
  await eventually(() => el('third', '[data-testid="total-pay"]').getAttribute('title'), grouped(thirdLater.totals.total_pay), '#third: the new plan attribute');
  await eventually(() => el('fourth', '[data-testid="results"] tbody tr').count(), 8, '#fourth: the new reps-src');
  assert.equal(await el('fourth', 'tr[data-rep="E01"] [data-col="commission"]').textContent(), '38,000.00');
  await page.waitForTimeout(300); // a session would be saved 150 ms after an edit
  assert.deepEqual(await page.evaluate(() => [localStorage.length, location.hash]), [0, '']);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

/** The dark theme the package README gives: the documented --ip-* properties, nothing else. */
const DARK = Object.fromEntries(readFileSync(new URL('../../npm/README.md', import.meta.url), 'utf8')
  .split('a dark theme is')[1].split('```')[1].match(/--ip-[a-z-]+: [^;]+/g).map((d) => d.split(': ')));

/**
 * Every visible text inside the element whose colour against the background it is drawn on
 * (the nearest backgrounds up the tree, blended) is below `least`, as "text: ratio (colour on
 * background)". WCAG's contrast ratio.
 */
const lowContrast = (page, least) => page.evaluate((least) => {
  const parse = (c) => {
    const rgb = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(c);
    if (rgb) return [+rgb[1], +rgb[2], +rgb[3], rgb[4] == null ? 1 : +rgb[4]];
    const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(c); // a color-mix() result
    if (srgb) return [+srgb[1] * 255, +srgb[2] * 255, +srgb[3] * 255, srgb[4] == null ? 1 : +srgb[4]];
    throw new Error(`colour not read: ${c}`);
  };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
  const parent = (el) => el.parentElement ?? el.getRootNode().host ?? null;
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = parent(e)) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reduceRight((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const root = document.querySelector('sales-plan-playground').shadowRoot;
  const out = [];
  for (const el of root.querySelectorAll('*')) {
    const field = el.matches('input:not([type="checkbox"], [type="radio"]), textarea, select');
    const text = field ? el.value || el.placeholder : [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    if (!text || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || el.closest('option, [disabled], :disabled')) continue;
    const bg = background(el);
    const fg = over(parse(getComputedStyle(el).color), bg);
    const r = ratio(fg, bg);
    if (r < least) out.push(`${text.slice(0, 30)}: ${r.toFixed(2)} (${getComputedStyle(el).color} on ${bg.slice(0, 3).map(Math.round)})`);
  }
  return out;
}, least);

test('a dark theme through --ip-* only: every text inside (the sliders open) stays readable, the charts take the accent and the theme\'s text and grid', async () => {
  const { page, context, errors } = await openPlayground(env, '/', { viewport: { width: 1440, height: 900 } });
  // The default theme first: the floor the dark one is held to.
  const least = 4.5;
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  await app(page, '[data-signal-tab="health"]').click();
  await app(page, '[data-testid="what-if"] summary').click();
  assert.deepEqual(await lowContrast(page, least), [], 'the default theme');
  await page.evaluate((dark) => { for (const [k, v] of Object.entries(dark)) document.documentElement.style.setProperty(k, v); }, DARK);
  await app(page, '[data-testid="levers-pin"]').click();
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
  await app(page, '[data-lever="scorecards[0].kpis[0].weight"]').fill('35');
  await app(page, '[data-testid="comparison"]').waitFor();
  await app(page, '[data-testid="undo-levers"]').waitFor();
  assert.deepEqual(await lowContrast(page, least), [], 'the dark theme: results, comparison, health checks, the sliders');
  await app(page, 'tr[data-rep="E01"]').click();
  await app(page, '[data-testid="explanation"]').waitFor();
  assert.deepEqual(await lowContrast(page, least), [], 'the dark theme: a statement');
  // The charts: the payout curve in the accent, ticks in the muted text, grid lines in the border colour.
  const chart = await page.evaluate(() => {
    const el = document.querySelector('sales-plan-playground');
    const c = el.charts.charts.get('payout');
    return { line: c.data.datasets[0].borderColor, ticks: c.options.scales.y.ticks.color, grid: c.options.scales.y.grid.color, legend: c.options.color };
  });
  assert.deepEqual(chart, { line: 'rgb(109, 155, 255)', ticks: 'rgb(154, 164, 178)', grid: 'rgb(42, 52, 65)', legend: 'rgb(154, 164, 178)' });
  // Any CSS colour for the accent (here a color-mix()): the curve in it, its fill faded, as
  // soon as the page's style changes (no edit needed to draw the charts again).
  await page.evaluate(() => document.documentElement.style.setProperty('--ip-accent', 'color-mix(in srgb, rgb(0, 128, 128) 50%, rgb(0, 0, 0))'));
  await eventually(() => page.evaluate(() => {
    const c = document.querySelector('sales-plan-playground').charts.charts.get('payout');
    return [c.data.datasets[0].borderColor, c.data.datasets[0].backgroundColor];
  }), ['rgb(0, 64, 64)', 'rgba(0, 64, 64, 0.08)'], 'a color-mix() accent, faded for the fill');
  await page.screenshot({ path: new URL('../../test-output/screenshots/dark-theme.png', import.meta.url).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

/** print() as the browser's, but without a dialog: beforeprint, then (unless `ignored`, as in a sandboxed frame) nothing more until the test sends afterprint. */
const stubPrint = (page, ignored = false) => page.evaluate((ignored) => {
  window.__printed = 0;
  window.print = () => {
    window.__printed += 1;
    if (!ignored) window.dispatchEvent(new Event('beforeprint'));
  };
}, ignored);

test('"Print statement" inside the portal prints the statement alone, and the portal is as it was after', async () => {
  const { page, context, errors } = await openPortal();
  await inEl(page, 'tr[data-rep="E01"]').click();
  await inEl(page, '[data-testid="explanation"]').waitFor();
  await stubPrint(page);
  await inEl(page, '[data-testid="print-statement"]').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: 'print' });
  const shown = () => page.evaluate(() => {
    const visible = (el) => !!el && el.checkVisibility();
    const inside = document.querySelector('sales-plan-playground').shadowRoot;
    const box = document.querySelector('sales-plan-playground').getBoundingClientRect();
    return {
      portalNav: visible(document.querySelector('.sidenav')), myPay: visible(document.querySelector('[data-testid="my-pay"]')),
      designerTitle: visible(document.querySelector('#designer-title')), statement: visible(inside.querySelector('[data-testid="explanation"]')),
      left: Math.round(box.left), top: Math.round(box.top), sheets: document.adoptedStyleSheets.length,
    };
  });
  assert.deepEqual(await shown(), { portalNav: false, myPay: false, designerTitle: false, statement: true, left: 0, top: 0, sheets: 1 });
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  assert.deepEqual(pages.map((p) => p.textOps > 0), [true], 'one page: the statement, not the portal around it');
  // A second click while the first print is still open replaces its sheet, not adds one (a
  // click by script: under print media the button is not shown).
  await inEl(page, '[data-testid="print-statement"]').evaluate((b) => b.click());
  assert.equal((await shown()).sheets, 1);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  const after = await shown();
  assert.deepEqual({ ...after, left: undefined, top: undefined }, { portalNav: true, myPay: true, designerTitle: true, statement: true, left: undefined, top: undefined, sheets: 0 });
  assert.equal(await page.locator('[data-ip-print-path], [data-ip-printing]').count(), 0);
  // A print the browser ignores (a sandboxed frame without allow-modals: no print event) leaves nothing behind.
  await stubPrint(page, true);
  await inEl(page, '[data-testid="print-statement"]').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.deepEqual([(await shown()).sheets, await page.locator('[data-ip-print-path], [data-ip-printing]').count()], [0, 0]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Print statement" of an element inside another component\'s shadow root prints the statement, not a blank page', async () => {
  const { page, context, errors } = await openPlayground(env);
  // A host built of web components: <x-shell> holds a nav and the element in its shadow root.
  await page.evaluate(() => {
    customElements.define('x-shell', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<nav id="side">Menu</nav><main><section><sales-plan-playground id="nested"></sales-plan-playground></section></main>';
      }
    });
    document.body.append(document.createElement('x-shell'));
  });
  const nested = page.locator('x-shell sales-plan-playground');
  await nested.locator('[data-testid="results"]').waitFor();
  await nested.locator('tr[data-rep="E01"]').click();
  await nested.locator('[data-testid="explanation"]').waitFor();
  await stubPrint(page);
  await nested.locator('[data-testid="print-statement"]').click();
  await page.emulateMedia({ media: 'print' });
  const shown = () => page.evaluate(() => {
    const shell = document.querySelector('x-shell').shadowRoot;
    const el = shell.querySelector('sales-plan-playground');
    return {
      page: document.querySelector('body > sales-plan-playground, main > sales-plan-playground')?.checkVisibility() ?? null,
      side: shell.querySelector('#side').checkVisibility(),
      statement: el.shadowRoot.querySelector('[data-testid="explanation"]').checkVisibility(),
      sheets: [document.adoptedStyleSheets.length, shell.adoptedStyleSheets.length],
    };
  });
  assert.deepEqual(await shown(), { page: false, side: false, statement: true, sheets: [1, 1] });
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  assert.ok(pages.length >= 1 && pages[0].textOps > 0, 'the statement is printed');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await shown(), { page: true, side: true, statement: true, sheets: [0, 0] });
  assert.deepEqual(errors, []);
  await context.close();
});
