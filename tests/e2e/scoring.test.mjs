// The scoring model in the playground: presets, role cards, the explanation of every
// figure, streak flags and year-to-date, checked against hand-worked numbers and against
// the engine's own results (the nodejs build of the same crate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPlayground, useBrowser, app, eventually } from './browser.mjs';

const require = createRequire(import.meta.url);
const engine = require('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');

const env = useBrowser();

const preset = (id) => presets().find((p) => p.id === id).json;

/** The engine's own results for a preset (period or year-to-date). */
function expected(presetId, period, ytd = false) {
  const e = sampleEngine(engine.Engine);
  assert.equal(e.setPlan(preset(presetId)).ok, true);
  return ytd ? e.evaluateYtd(period) : e.evaluate(period);
}

test('every preset evaluates in the page to the engine\'s own grade counts and total', async () => {
  const { page, context, errors } = await openPlayground(env);
  for (const { id } of presets()) {
    await app(page, 'select[data-testid="preset"]').selectOption(id);
    const r = expected(id, '2026-Q4');
    assert.equal(await app(page, '[data-testid="plan-errors"]').count(), 0, id);
    assert.equal(await app(page, '[data-testid="results"] tbody tr').count(), 32, id);
    const counts = await app(page, '[data-testid="grade-counts"] .badge').allTextContents();
    // A count outside the guide's range is marked + (above) or − (below), as the engine reports it, and the legend says so.
    const mark = (g) => ({ above: '+', below: '−' })[r.totals.distribution.find((d) => d.grade === g)?.status] ?? '';
    assert.deepEqual(counts, r.totals.grades.map((g) => `${g.grade} ${g.reps}${mark(g.grade)}`), id);
    const marked = r.totals.grades.some((g) => mark(g.grade));
    assert.equal((await app(page, '[data-testid="legend"] b').allTextContents()).includes('+ −'), marked, id);
    if (id === 'balanced-scorecard') assert.ok(marked, 'S 5 of 32 (15.63%) is above the guide\'s 10–15%');
    const total = await app(page, '[data-testid="total-pay"]').getAttribute('title');
    assert.equal(total.replaceAll(',', ''), r.totals.total_pay, id);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a guide without quotas: the hint says what enforcing needs; quotas typed in the grades editor let the plan enforce by rank, as the engine grades it', async () => {
  const { page, context, errors } = await openPlayground(env);
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  const enforce = app(page, '[data-path="grades.distribution.enforce"]');
  assert.equal(await enforce.isDisabled(), true);
  assert.match(await app(page, '[data-testid="enforce-hint"]').textContent(), /give every grade its quota/);
  const quotas = ['15', '35', '40', '10'];
  for (const [i, q] of quotas.entries()) await app(page, `[data-path="grades.distribution.guide[${i}].quota_pct"]`).fill(q);
  assert.equal(await app(page, '[data-testid="enforce-hint"]').count(), 0);
  assert.deepEqual([await app(page, '[data-testid="quota-sum"]').textContent(), await app(page, '[data-testid="quota-sum"]').getAttribute('class')], ['100', 'sum ok']);
  await enforce.check();
  // The engine's grades for the same plan: S 15 / A 35 / B 40 / C 10 of 32 reps by rank.
  const plan = JSON.parse(preset('target-oriented'));
  plan.grades.distribution.guide.forEach((g, i) => (g.quota_pct = Number(quotas[i])));
  plan.grades.distribution.enforce = true;
  const e = sampleEngine(engine.Engine);
  assert.equal(e.setPlan(JSON.stringify(plan)).ok, true);
  const r = e.evaluate('2026-Q4');
  assert.deepEqual(r.totals.grades.map((g) => g.reps), [5, 11, 13, 3]);
  await eventually(() => app(page, '[data-testid="grade-counts"] .badge').allTextContents().then((c) => c.map((t) => t.replace(/[+−]$/, ''))), r.totals.grades.map((g) => `${g.grade} ${g.reps}`), 'enforced in the page');
  // A rep's statement says where it stands: S covers 15% of 32 = 4.8 → places 1–5, A up to
  // 50% = 16. The rep at place 6 is an A, told so by its place and A's places (or the tie).
  const sixth = r.reps.find((x) => x.grade_places.place === 6);
  assert.deepEqual([sixth.grade, sixth.grade_places.first, sixth.grade_places.last, sixth.grade_places.of], ['A', 6, 16, 32]);
  await app(page, `tr[data-rep="${sixth.rep_id}"]`).click();
  assert.equal(await app(page, '[data-testid="graded-by"]').textContent(), `by rank (enforced distribution) · place 6 of 32 · ${sixth.grade_places.tied_above ? 'the same score as the rep above: its grade' : 'A covers places 6–16'}`);
  await app(page, '[data-statement-lang="zh"]').click();
  await eventually(() => app(page, '[data-testid="graded-by"]').textContent(), `按排名（强制分布） · 第 6 名（共 32 人） · ${sixth.grade_places.tied_above ? '与上一名同分，取其等级' : 'A 级对应第 6–16 名'}`, 'in Chinese');
  await page.keyboard.press('Escape');
  await app(page, '[data-lang="en"]').click();
  // The quotas must add to 100: 15 + 35 + 40 + 5 is refused at the guide, and their sum is red.
  await app(page, '[data-path="grades.distribution.guide[3].quota_pct"]').fill('5');
  await eventually(() => app(page, '[data-testid="quota-sum"]').getAttribute('class'), 'sum bad', 'the sum marked');
  assert.equal(await app(page, '[data-testid="quota-sum"]').textContent(), '95');
  await app(page, '[data-testid="plan-errors"]').waitFor();
  assert.match(await app(page, '[data-testid="plan-errors"]').textContent(), /grades\.distribution\.guide/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('role cards: each role has its own tab, categories show their share against the range', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  assert.deepEqual(await app(page, '[role="tab"]').allTextContents(), ['New-business rep', 'Account manager', 'Regional manager']);
  await app(page, 'button[data-card="account_manager"]').click();
  assert.equal(await app(page, 'tr[data-kpi="repurchase"]').count(), 1);
  // Results 30 + 20 + 15 = 65 within 60–70. Raise repurchase to 40: results 75, total 110.
  const results = app(page, 'tr.category[data-category="results"] [data-testid="category-sum"]');
  assert.equal(await results.textContent(), '65');
  await app(page, '[data-path="scorecards[1].kpis[0].weight"]').fill('40');
  assert.equal(await results.textContent(), '75');
  assert.equal(await app(page, '[data-testid="weight-sum"]').textContent(), '110');
  const error = app(page, '[data-error-for="scorecards[1].kpis"]');
  assert.match(await error.textContent(), /add to 110/);
  await context.close();
});

test('the explanation shows every KPI of Zhang Wei with the hand-worked figures', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  await app(page, 'tr[data-rep="E01"]').click();
  const drawer = app(page, '[data-testid="explanation"]');
  // New-customer revenue: 960,000 / (1,000,000 × 85%) = 112.94% of target, × 30 = 33.88
  const row = drawer.locator('tr[data-kpi="new_customer_revenue"]');
  assert.equal(await row.locator('[data-col="kpi-score"]').textContent(), '33.88');
  assert.match(await row.textContent(), /960,000\s*850,000\s*112\.94%/);
  // Visits 47 against 45, capped at 100%: the full weight 6, with the cap shown as the rule applied.
  assert.equal(await drawer.locator('tr[data-kpi="visits"] [data-col="kpi-score"]').textContent(), '6.00');
  assert.equal(await drawer.locator('tr[data-kpi="visits"] + tr.steps [data-note="capped"]').count(), 1);
  // Every KPI score and the total agree with the engine.
  const rep = expected('target-oriented', '2026-Q4').reps.find((r) => r.rep_id === 'E01');
  const shown = await drawer.locator('[data-col="kpi-score"]').allTextContents();
  assert.deepEqual(shown, rep.kpis.map((k) => k.score));
  assert.equal(await drawer.locator('[data-testid="detail-score"]').textContent(), rep.score);
  // The commission slices: 1,000,000 × 3% and 200,000 × 4% = 38,000, × 1.1 for grade S = 41,800.00
  assert.deepEqual(await drawer.locator('tr.slice td:first-of-type').allTextContents(), ['1,000,000 × 3%', '200,000 × 4%']);
  assert.match(await drawer.locator('[data-line="revenue_commission"] tr.steps').textContent(), /grade multiplier 1\.1/);
  assert.equal(await drawer.locator('[data-col="line-pay"]').textContent(), '41,800.00');
  // Keyboard: Escape closes the statement (the results under it are out of reach while it is
  // open) and gives the focus back to E01's row; Enter on another row opens that rep.
  await page.keyboard.press('Escape');
  await eventually(() => drawer.count(), 0, 'Escape closes the statement');
  await app(page, 'tr[data-rep="E02"]').focus();
  await page.keyboard.press('Enter');
  await eventually(() => drawer.getAttribute('data-rep'), 'E02', 'Enter opens E02');
  await context.close();
});

test('a 360 rating\'s explanation names each rater: 75 × 60% + 77 × 20% + 79 × 20% = 76.2, 3.81 of a weight of 5', async () => {
  const { page, context, errors } = await openPlayground(env);
  await app(page, 'select[data-testid="preset"]').selectOption('balanced-scorecard');
  await app(page, 'tr[data-rep="E01"]').click();
  const steps = app(page, '[data-testid="explanation"] tr[data-kpi="rating_360"] + tr.steps [data-step="rating"]');
  // E01's ratings in 2026-Q4 (data/sample_reps.csv), the default raters 60 / 20 / 20.
  const r = expected('balanced-scorecard', '2026-Q4').reps.find((x) => x.rep_id === 'E01');
  assert.deepEqual(r.kpis.find((k) => k.id === 'rating_360').explain.steps.filter((s) => s.key === 'rating').map((s) => s.value), ['75', '77', '79']);
  assert.deepEqual(await steps.allTextContents(), ['Manager’s rating 75', 'Customers’ rating 77', 'Peers’ rating 79']);
  await app(page, '[data-statement-lang="zh"]').click();
  await eventually(() => steps.allTextContents(), ['上级评分 75', '客户评分 77', '同事评分 79'], 'in Chinese');
  // The statement's column heads each on one line (权重 stood on two in its narrow column).
  const heads = await app(page, '[data-testid="explanation"] table.explain thead th').evaluateAll((ths) => ths.map((th) => [th.textContent, th.getBoundingClientRect().height]));
  for (const [text, height] of heads) assert.ok(height < 30, `${text}: ${height}px high`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Feng Gang, graded C in Q3 and Q4, is flagged for an improvement plan', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  assert.equal(await app(page, 'tr[data-rep="N03"] [data-flag="grade_streak"]').count(), 1);
  assert.equal(await app(page, 'tr[data-rep="E01"] [data-flag]').count(), 0);
  await app(page, 'tr[data-rep="N03"]').click();
  assert.match(await app(page, '[data-testid="explanation"] [data-flag="grade_streak"]').textContent(), /C: 2026-Q3 → 2026-Q4/);
  await context.close();
});

test('year to date sums pay over the year\'s quarters', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, '[data-testid="ytd"]').check();
  // Zhang Wei under the SaaS plan: Q1 791,000 × 3% = 23,730; Q2 892,000 × 3% = 26,760;
  // Q3 851,000 × 3% = 25,530; Q4 38,000 → 114,020.00
  assert.equal(await app(page, 'tr[data-rep="E01"] [data-col="total"]').textContent(), '114,020.00');
  const r = expected('saas-target', '2026-Q4', true);
  const total = await app(page, '[data-testid="total-pay"]').getAttribute('title');
  assert.equal(total.replaceAll(',', ''), r.totals.total_pay);

  // His statement adds up: the commission settled quarter by quarter (not the year's 81.17%
  // through the tiers, which would be 112,020), each KPI's score by quarter, then averaged.
  await app(page, 'tr[data-rep="E01"]').click();
  const statement = app(page, '[data-testid="explanation"]');
  await statement.waitFor();
  const quarters = statement.locator('table[data-line="revenue_commission"] tr.period');
  assert.deepEqual(await quarters.evaluateAll((rows) => rows.map((row) => [row.dataset.period, row.querySelector('[data-col="period-pay"]').textContent])), [
    ['2026-Q1', '23,730.00'], ['2026-Q2', '26,760.00'], ['2026-Q3', '25,530.00'], ['2026-Q4', '38,000.00'],
  ]);
  assert.equal(await statement.locator('table[data-line="revenue_commission"] [data-col="line-pay"]').textContent(), '114,020.00');
  assert.match(await statement.locator('table[data-line="revenue_commission"]').textContent(), /settled each period: the sum of the periods/);
  // Visits, 15 points: Q1 13.33, Q2 12.67, Q3 12.33, Q4 15.67 (47 of 45, capped at 110%: 15.6667).
  const e01 = r.reps.find((x) => x.rep_id === 'E01');
  const visits = e01.kpis.find((k) => k.id === 'visits');
  assert.deepEqual(await statement.locator('tr[data-kpi="visits"] + tr.steps [data-period]').allTextContents(),
    visits.explain.steps.filter((st) => st.period).map((st) => `${st.period} ${st.value}`));
  assert.deepEqual(visits.explain.steps.filter((st) => st.period).map((st) => st.period), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  assert.equal(await statement.locator('[data-testid="score-rounding"]').textContent(),
    'Each KPI score is the average of its periods\' scores, rounded to 2 decimal places (half up), as the plan says, before the scores are added.');
  // The year's periods as their range, in the title and under the name; each KPI says it was
  // scored period by period instead of three empty columns.
  assert.match(await statement.locator('.statement-title').textContent(), /· Year to date 2026-Q1 – 2026-Q4$/);
  assert.match(await statement.locator('h2 .hint').textContent(), /· 2026-Q1 – 2026-Q4$/);
  assert.equal(await statement.locator('tr[data-kpi="visits"] [data-col="by-period"]').textContent(), 'scored in each period, below');
  await app(page, '[data-testid="explanation"] button[data-statement-lang="zh"]').click();
  assert.match(await statement.locator('h2 .hint').textContent(), /· 2026-Q1 至 2026-Q4$/);
  await context.close();
});

test('the seed\'s role cards as written add to 120 and are shown normalised', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, 'select[data-testid="preset"]').selectOption('seed-003-role-cards');
  assert.equal(await app(page, '[data-testid="weight-sum"]').textContent(), '120');
  assert.match(await app(page, '[data-testid="weight-sum"] + td').textContent(), /normalised to 100/);
  // Results 70 of 120 → 58.33 after normalising.
  assert.equal(await app(page, 'tr.category[data-category="results"] [data-testid="category-sum"]').textContent(), '58.33');
  // Zhang Wei's statement says how the weights came to be: five weights of 5 are 4.1666…,
  // cut to 4.16, and four of them get the 0.01s left over in the order listed.
  await app(page, 'tr[data-rep="E01"]').click();
  const note = app(page, '[data-testid="normalised-weights"]');
  const text = await note.textContent();
  assert.match(text, /^This card’s weights add to 120 as written and are scaled to 100: each is weight × 100 \/ 120, cut to 2 decimal places/);
  assert.match(text, /So of the 5 KPIs weighted 5 as written, Relationship management \(NPS\) got 4\.16 and the other 4 got 4\.17\./);
  assert.match(text, /Compliance \(2 points per violation\) starts from its scaled weight, 4\.17, and its deductions are taken from that\.$/);
  const weights = await app(page, '[data-testid="explanation"] tr[data-kpi] td.c-weight').allTextContents();
  assert.deepEqual(weights.slice(-5), ['4.17', '4.17', '4.17', '4.17', '4.16']);
  // Compliance: 4.17 less 2 points for one violation = 2.17.
  assert.equal(await app(page, '[data-testid="explanation"] tr[data-kpi="compliance"] [data-col="kpi-score"]').textContent(), '2.17');
  await app(page, 'button[data-statement-lang="zh"]').click();
  assert.match(await note.textContent(), /因此原权重为 5 的 5 个指标中，客户关系管理（NPS）为 4\.16，其余 4 个为 4\.17。/);
  // Scores rounded to whole numbers: the notes say so, not "0 decimal places".
  const plan = JSON.parse(preset('seed-003-role-cards'));
  plan.rounding = { ...plan.rounding, score_scale: 0 };
  await app(page, 'details[data-section="json"] > summary').click();
  // On one line: Playwright's fill types each line of a text apart, an input event each, and
  // this plan indented (654 lines) took 23–29 s of fill's 30 on a slow machine.
  await app(page, 'textarea[data-testid="plan-json"]').fill(JSON.stringify(plan));
  await app(page, '[data-testid="apply-json"]').click();
  await eventually(async () => (await note.textContent()).match(/截取到[^；]*；/)?.[0], '截取到整数；', 'zh: cut to a whole number');
  assert.match(await app(page, '[data-testid="score-rounding"]').textContent(), /各指标得分先保留到整数（/);
  await app(page, 'button[data-statement-lang="en"]').click();
  assert.match(await note.textContent(), /× 100 \/ 120, cut to a whole number; what is left over goes out 1 at a time/);
  assert.match(await app(page, '[data-testid="score-rounding"]').textContent(), /^Each KPI score is rounded to a whole number \(half up\)/);
  // A card that is not normalised has no such note.
  await app(page, 'select[data-testid="preset"]').selectOption('saas-target');
  await app(page, '[data-testid="explanation"] tr[data-kpi]').first().waitFor();
  assert.equal(await note.count(), 0);
  await context.close();
});

test('a pass/fail KPI\'s actual is shown as passed or not passed, not as 1 or 0', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, 'select[data-testid="preset"]').selectOption('kpi-okr');
  const actual = app(page, '[data-testid="explanation"] tr[data-kpi="kr_product_test"] [data-col="actual"]');
  const score = app(page, '[data-testid="explanation"] tr[data-kpi="kr_product_test"] [data-col="kpi-score"]');
  // Zhang Wei's product test is 96 (≥ 85): the full weight of 10; Li Na's 75 is not.
  await app(page, 'tr[data-rep="E01"]').click();
  assert.deepEqual([await actual.textContent(), await score.textContent()], ['passed', '10.00']);
  await page.keyboard.press('Escape');
  await app(page, 'tr[data-rep="E03"]').click();
  assert.deepEqual([await actual.textContent(), await score.textContent()], ['not passed', '0.00']);
  await app(page, 'button[data-statement-lang="zh"]').click();
  assert.equal(await actual.textContent(), '未通过');
  await context.close();
});

test('a plan without grade bands shows the default bands it is graded by, and a button writes them in to be edited', async () => {
  const { page, context } = await openPlayground(env);
  const plan = JSON.parse(preset('saas-target'));
  delete plan.grades;
  await page.evaluate((p) => { document.querySelector('sales-plan-playground').plan = p; }, plan);
  const defaults = app(page, '[data-testid="default-grades"]');
  await defaults.waitFor();
  assert.deepEqual(await defaults.locator('tbody tr').allInnerTexts(), ['S\t≥ 90', 'A\t≥ 80', 'B\t≥ 70', 'C\t< 70']);
  // Wu Ting (S02) scores 90.19: S by the default bands.
  assert.equal(await app(page, 'tr[data-rep="S02"] [data-col="grade"]').textContent(), 'S');
  await app(page, '[data-testid="edit-default-grades"]').click();
  const s = app(page, '[data-path="grades.bands[0].min_score"]');
  assert.equal(await s.inputValue(), '90');
  await s.fill('91');
  await eventually(() => app(page, 'tr[data-rep="S02"] [data-col="grade"]').textContent(), 'A', 'S02 is A from S ≥ 91');
  assert.equal(await defaults.count(), 0);
  await context.close();
});

test('a capped total of bonus points shows its sum and the cap it met (E01: +2 +3 = 5, capped at 4)', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  await app(page, 'tr[data-rep="E01"]').click();
  const capped = app(page, '[data-testid="explanation"] [data-testid="points-totals"]');
  assert.equal(await capped.textContent(), 'bonus points 5 → bonus cap 4');
  await app(page, 'button[data-statement-lang="zh"]').click();
  assert.equal(await capped.textContent(), '加分 5 → 加分上限 4');
  await context.close();
});

test('year to date, the statement gives each period\'s total of points after its caps and their average, which the score adds', async () => {
  const { page, context, errors } = await openPlayground(env);
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  await app(page, '[data-testid="ytd"]').check();
  await app(page, 'tr[data-rep="E01"]').click();
  const foot = app(page, '[data-testid="points-totals"]');
  await foot.waitFor();
  // Zhang Wei's bonus points: Q1 praise 1; Q2 a large contract (2 × 2 = 4) and praise 1 = 5,
  // capped at 4; Q3 a contract 2; Q4 a contract 2 and praise 3 = 5, capped at 4. Average
  // (1 + 4 + 2 + 4) / 4 = 2.75. Penalty: a complaint in Q3, 3: 3 / 4 = 0.75. The rows (each
  // item averaged before the cap: contracts 8 / 4 = 2, praise 5 / 4 = 1.25) add up to 3.25.
  const line = (key) => app(page, `[data-points-to-date="${key}"]`).evaluate((n) => n.textContent.replace(/\s+/g, ' ').trim());
  assert.equal(await line('bonus_points'), 'Bonus points: 2026-Q1 1 2026-Q2 4 2026-Q3 2 2026-Q4 4 → average of the periods 2.75');
  assert.equal(await line('penalty_points'), 'Penalty points: 2026-Q1 0 2026-Q2 0 2026-Q3 3 2026-Q4 0 → average of the periods 0.75');
  assert.match(await foot.textContent(), /the total bonus was capped in a period/);
  const row = (id) => app(page, `[data-testid="explanation"] tr[data-point="${id}"] td.num >> nth=1`).textContent();
  assert.deepEqual([await row('big_contract'), await row('customer_praise')], ['+2', '+1.25']);
  // The heads say which column adds up over the periods and which is averaged.
  const heads = () => app(page, '[data-testid="explanation"] table:has(tr[data-point]) thead th').allTextContents();
  assert.deepEqual(await heads(), ['Bonus and penalty points', 'Events to date', 'Points, average of the periods']);
  await app(page, '[data-statement-lang="zh"]').click();
  assert.deepEqual(await heads(), ['加分与扣分', '累计次数', '分值（各期间平均）']);
  await app(page, '[data-statement-lang="en"]').click();
  // The score adds the averages.
  assert.match((await app(page, '[data-testid="explanation"]').textContent()).replace(/\s+/g, ' '), /\+ Bonus 2\.75 − Penalty 0\.75/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the statement is a dialog named by the rep: what it covers is out of reach, Tab stays in it, and a change of results is told to screen readers once the edits pause', async () => {
  const { page, context, errors } = await openPlayground(env);
  // The results told politely: the plan's cost and the grade counts (the summary's figures).
  const spoken = app(page, '[data-testid="announce"]');
  assert.equal(await spoken.getAttribute('role'), 'status');
  await eventually(() => spoken.textContent(), `Plan cost ${await app(page, '[data-testid="total-pay"]').textContent()}; Grades S 12, A 11, B 5, C 4`, 'announced');
  const before = await app(page, '[data-testid="total-pay"]').textContent();
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
  await eventually(async () => (await app(page, '[data-testid="total-pay"]').textContent()) !== before, true, 'the cost changes');
  await eventually(() => spoken.textContent(), `Plan cost ${await app(page, '[data-testid="total-pay"]').textContent()}; Grades S 12, A 11, B 5, C 4`, 'the new cost announced');

  await app(page, 'tr[data-rep="E02"]').focus();
  await page.keyboard.press('Enter');
  const drawer = app(page, '[data-testid="explanation"]');
  assert.deepEqual([await drawer.getAttribute('role'), await drawer.getAttribute('aria-modal')], ['dialog', 'false']); // the editor beside it stays in use
  assert.match(await app(page, `#${await drawer.getAttribute('aria-labelledby')}`).textContent(), /^Wang Fang E02/);
  assert.equal(await app(page, 'tr[data-rep="E02"]').getAttribute('aria-current'), 'true');
  // The bar and the file actions lie under it: inert, with the results.
  for (const covered of ['header.bar', 'nav.actions', 'section.panel.results']) assert.equal(await app(page, covered).getAttribute('inert'), '', covered);
  assert.equal(await app(page, 'section.panel.editor').getAttribute('inert'), null);
  // Tab from the rep's name goes round the statement's own controls and never leaves it.
  const focused = () => page.evaluate(() => {
    const a = document.querySelector('sales-plan-playground').shadowRoot.activeElement;
    return a?.closest('[data-testid="explanation"]') ? a.getAttribute('aria-label') || a.textContent.trim() : `outside: ${a?.tagName}`;
  });
  const seen = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused());
  }
  assert.deepEqual(seen, ['EN', '中文', 'Print statement', 'Close', 'EN']);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'Close');
  await page.keyboard.press('Escape');
  await eventually(() => drawer.count(), 0, 'Escape closes it');
  assert.equal(await app(page, 'header.bar').getAttribute('inert'), null);
  assert.deepEqual(errors, []);
  await context.close();
});
