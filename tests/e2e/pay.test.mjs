// The pay model in the playground: pay columns, the plan's cost, comparison with a pinned
// baseline, returns clawed back with their reference, and pay edits — against hand-worked
// figures and the engine's own results (the nodejs build of the same crate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPlayground, useBrowser, app, eventually } from './browser.mjs';

const require = createRequire(import.meta.url);
const engine = require('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, samplePlan, sampleCsv, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');

const env = useBrowser();

const cell = (page, rep, col) => app(page, `tr[data-rep="${rep}"] [data-col="${col}"]`);
const grouped = (decimal) => decimal.replace(/\B(?=(\d{3})+(?!\d))/g, ','); // integer part only in these figures
const targetOriented = () => presets().find((p) => p.id === 'target-oriented').json;

async function openTargetOriented() {
  const opened = await openPlayground(env);
  await app(opened.page, 'select[data-testid="preset"]').selectOption('target-oriented');
  return opened;
}

test('each rep\'s base, commission, bonuses and total are the engine\'s, and the cost adds up', async () => {
  const { page, context } = await openTargetOriented();
  const e = sampleEngine(engine.Engine);
  e.setPlan(targetOriented());
  const r = e.evaluate('2026-Q4');
  const e01 = r.reps.find((x) => x.rep_id === 'E01');
  // Zhang Wei: base 5,500 + 800 + 300 a month × 3 = 19,800; commission 38,000 × 1.1 (S) = 41,800.
  assert.equal(await cell(page, 'E01', 'base').textContent(), '19,800.00');
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '41,800.00');
  assert.equal(await cell(page, 'E01', 'total').textContent(), grouped(e01.total_pay.split('.')[0]) + '.' + e01.total_pay.split('.')[1]);
  assert.equal((await app(page, '[data-testid="total-pay"]').getAttribute('title')).replaceAll(',', ''), r.totals.total_pay);
  assert.equal(await app(page, '[data-testid="pay-pct"]').textContent(), `${r.totals.pay_pct_of_revenue}%`);
  await context.close();
});

test('pinning a baseline, then editing, shows who gains and the cost change', async () => {
  const { page, context } = await openTargetOriented();
  await app(page, '[data-testid="pin-baseline"]').click();
  // Nothing changed yet: a change of 0.00, neither green nor red.
  assert.equal(await app(page, '[data-testid="cost-delta"]').textContent(), '0.00 (0.00%)');
  assert.equal(await app(page, '[data-testid="cost-delta"]').getAttribute('class'), '');
  assert.equal(await app(page, '[data-testid="baseline-hint"]').count(), 1);
  // An edit that makes the plan wrong does not leave "edit the plan to see…" on show.
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('-1');
  assert.equal(await app(page, '[data-testid="baseline-hint"]').count(), 0);
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
  // A rise in the plan's cost is amber (a cost to weigh), not the green of a rep's rise.
  assert.equal(await app(page, '[data-testid="cost-delta"]').getAttribute('class'), 'cost-up');
  assert.equal(await app(page, '[data-testid="cost-delta"]').evaluate((e) => getComputedStyle(e).color), 'rgb(138, 83, 0)');
  assert.equal(await app(page, '[data-testid="comparison"]').getAttribute('data-stale'), 'false');
  // Zhang Wei: 200,000 in the 100–120% slice at 6% instead of 4% = +4,000, × 1.1 for S = +4,400.
  assert.equal(await cell(page, 'E01', 'delta').textContent(), '+4,400.00');
  // Wang Fang (80%) never reaches the slice: unchanged.
  assert.equal(await cell(page, 'E02', 'delta').textContent(), '0.00');
  const e = sampleEngine(engine.Engine);
  e.setPlan(targetOriented());
  e.pinBaseline();
  const variant = JSON.parse(targetOriented());
  variant.commission[0].tiers[1].rate_pct = '6';
  e.setPlan(JSON.stringify(variant));
  const c = e.compare('2026-Q4', false);
  assert.match(await app(page, '[data-testid="cost-delta"]').textContent(), new RegExp(`^\\+${grouped(c.cost_delta.split('.')[0])}\\.${c.cost_delta.split('.')[1]}`));
  assert.equal(await app(page, '[data-testid="gainers-losers"]').textContent(), `▲ ${c.gainers} · ▼ ${c.losers} · = ${c.unchanged}`);
  assert.equal(c.losers, 0);
  // An edit the engine rejects: the box is the last valid plan's, greyed and saying so.
  const before = await app(page, '[data-testid="cost-delta"]').textContent();
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('-6');
  await app(page, '[data-testid="comparison-stale"]').waitFor();
  assert.equal(await app(page, '[data-testid="comparison"]').getAttribute('data-stale'), 'true');
  assert.equal(await app(page, '[data-testid="comparison-stale"]').textContent(), 'The last valid plan against the baseline: the plan in the editor has errors.');
  assert.equal(await app(page, '[data-testid="cost-delta"]').textContent(), before);
  assert.equal(await app(page, '[data-testid="cost-delta"]').evaluate((e) => getComputedStyle(e).color), 'rgb(93, 104, 124)');
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
  await eventually(() => app(page, '[data-testid="comparison-stale"]').count(), 0, 'valid again: the note goes');
  await app(page, '[data-testid="clear-baseline"]').click();
  assert.equal(await app(page, '[data-testid="comparison"]').count(), 0);
  await context.close();
});

test('against a baseline, a rep\'s statement shows each KPI score, commission line and total beside the baseline\'s, in both languages', async () => {
  const { page, context, errors } = await openPlayground(env);
  await app(page, '[data-testid="pin-baseline"]').click();
  // SaaS quick start, E01 (120%, 9 of 8 new customers, 47 of 45 visits): weights 60 / 25 / 15
  // → 50 / 35 / 15 and tier 2 at 6%.
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
  await app(page, '[data-path="scorecards[0].kpis[0].weight"]').fill('50');
  await app(page, '[data-path="scorecards[0].kpis[1].weight"]').fill('35');
  await app(page, '[data-testid="comparison"]').waitFor();
  await app(page, 'tr[data-rep="E01"]').click();
  const statement = app(page, '[data-testid="explanation"]');
  // Before: 120% × 60 = 72, 112.5% × 25 = 28.13, 104.44% × 15 = 15.67: 115.80. Now: 60 + 39.38 + 15.67 = 115.05.
  // Pay: 1,000,000 × 3% + 200,000 × 4% = 38,000 before; × 6% on the slice = 42,000 now.
  await eventually(() => statement.locator('[data-testid="statement-baseline"]').textContent(),
    'Against the baseline: Score 115.80 → 115.05 (-0.75) · Grade S → S · Total pay 38,000.00 → 42,000.00 (+4,000.00)', 'the line');
  assert.deepEqual(await statement.locator('[data-col="kpi-score"]').allTextContents(), ['60.00', '39.38', '15.67']);
  assert.deepEqual(await statement.locator('td[data-col="kpi-baseline"]').allTextContents(), ['72.00', '28.13', '15.67']);
  assert.deepEqual(await statement.locator('td[data-col="kpi-baseline"]').evaluateAll((tds) => tds.map((td) => td.classList.contains('changed'))), [true, true, false]);
  assert.deepEqual(await statement.locator('[data-col="baseline-pay"]').allTextContents(), ['Baseline 38,000.00', 'Baseline 38,000.00']);
  // The engine's own explanation under the baseline agrees.
  const e = sampleEngine(engine.Engine);
  const plan = await page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  assert.equal(e.setPlan(samplePlan()).ok, true);
  assert.equal(e.pinBaseline(), true);
  assert.equal(e.setPlan(JSON.stringify(plan)).ok, true);
  const before = e.explainBaselineRep('2026-Q4', false, 'E01');
  assert.deepEqual(before.kpis.map((k) => k.score), ['72.00', '28.13', '15.67']);
  assert.equal(before.total_pay, '38000.00');
  await app(page, '[data-statement-lang="zh"]').click();
  await eventually(() => statement.locator('[data-testid="statement-baseline"]').textContent(),
    '与基准方案相比：得分 115.80 → 115.05（-0.75） · 等级 S → S · 总薪酬 38,000.00 → 42,000.00（+4,000.00）', 'in Chinese');
  await app(page, '[data-statement-lang="en"]').click();
  // No baseline, no "before".
  await statement.locator('button.icon').click();
  await app(page, '[data-testid="clear-baseline"]').click();
  await app(page, 'tr[data-rep="E01"]').click();
  await statement.waitFor();
  assert.equal(await statement.locator('[data-testid="statement-baseline"]').count(), 0);
  assert.equal(await statement.locator('[data-col="kpi-baseline"], [data-col="baseline-pay"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rep evaluated under one plan only is named in the comparison, whose costs are those of the reps under both', async () => {
  const { page, context } = await openPlayground(env);
  // Zhang Wei's NPS blank in 2026-Q4: the target-oriented plan (its NPS bonus) leaves him out, the SaaS plan does not read it.
  const csv = sampleCsv().split('\n');
  const at = csv[0].split(',').indexOf('nps');
  const blanked = csv.map((l) => (l.startsWith('E01,') && l.includes(',2026-Q4,') ? l.split(',').map((v, i) => (i === at ? '' : v)).join(',') : l)).join('\n');
  await app(page, 'input[data-file="reps"]').setInputFiles({ name: 'reps.csv', mimeType: 'text/csv', buffer: Buffer.from(blanked) });
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  await app(page, '[data-testid="pin-baseline"]').click();
  await app(page, 'select[data-testid="preset"]').selectOption('saas-target');
  const note = app(page, '[data-testid="comparison-partial"]');
  await eventually(() => note.textContent(), 'The costs compared are those of the 31 reps evaluated under both plans. Left out by the baseline: Zhang Wei (E01).', 'named');
  // The engine's own comparison: over the 31 reps under both plans.
  const e = engine.Engine.fromCsv(blanked);
  e.setPlan(targetOriented());
  e.pinBaseline();
  e.setPlan(presets().find((p) => p.id === 'saas-target').json);
  const c = e.compare('2026-Q4', false);
  assert.deepEqual([c.reps.length, c.only_after], [31, ['E01']]);
  assert.equal(await app(page, '[data-col="delta-total"]').getAttribute('title'), 'The costs compared are those of the 31 reps evaluated under both plans.');
  assert.equal(await cell(page, 'E01', 'delta').getAttribute('title'), 'Left out by the baseline: no change to show');
  assert.equal(await cell(page, 'E01', 'delta').textContent(), '—');
  await app(page, 'button[data-lang="zh"]').click();
  await eventually(() => note.textContent(), '对比的成本只计两个方案下都能计算的 31 位销售人员。基准方案未计算：张伟（E01）。', 'zh');
  // The other way round: left out by this plan.
  await app(page, 'button[data-lang="en"]').click();
  await app(page, '[data-testid="clear-baseline"]').click();
  await app(page, '[data-testid="pin-baseline"]').click();
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  await eventually(() => note.textContent(), 'The costs compared are those of the 31 reps evaluated under both plans. Left out by this plan: Zhang Wei (E01).', 'left out by this plan');
  await context.close();
});

test('against a baseline, a score that changed shows its change, and each region\'s subtotal row its pay columns (returns too, so that it adds across) and its cost change', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, '[data-testid="pin-baseline"]').click();
  // Collected revenue 60 → 50 and new customers 25 → 35 (the weights still add to 100).
  await app(page, '[data-path="scorecards[0].kpis[0].weight"]').fill('50');
  await app(page, '[data-path="scorecards[0].kpis[1].weight"]').fill('35');
  const e = sampleEngine(engine.Engine);
  e.setPlan(presets()[0].json);
  e.pinBaseline();
  const variant = JSON.parse(presets()[0].json);
  variant.scorecards[0].kpis[0].weight = 50;
  variant.scorecards[0].kpis[1].weight = 35;
  assert.equal(e.setPlan(JSON.stringify(variant)).ok, true);
  const c = e.compare('2026-Q4', false);
  const r = e.evaluate('2026-Q4');
  const scoreDelta = (id) => c.reps.find((d) => d.rep_id === id).score_delta;
  // Zhang Wei: 60 × 1.2 → 50 × 1.2 (−12.00) and new customers 25 × 9/8 → 35 × 9/8 (+11.25): −0.75.
  assert.equal(scoreDelta('E01'), '-0.75');
  await eventually(() => app(page, 'tr[data-rep="E01"] [data-col="score-delta"]').textContent().catch(() => ''), '-0.75', 'E01 score change');
  const unchanged = c.reps.find((d) => /^-?0(\.0+)?$/.test(d.score_delta));
  if (unchanged) assert.equal(await app(page, `tr[data-rep="${unchanged.rep_id}"] [data-col="score-delta"]`).count(), 0);
  // Each region's row: commission and total are the sums of its reps' rows; the change is the engine's.
  // Xu Chao's 1,500.00 return (SO-2026-0562) in its column: 33,560.00 − 1,500.00 = 32,060.00.
  assert.equal(await app(page, 'tr[data-rep="S03"] [data-col="returns"]').textContent(), '-1,500.00');
  assert.equal(await app(page, 'tr[data-rep="S01"] [data-col="returns"]').textContent(), '');
  for (const g of r.totals.by_region) {
    const row = app(page, `tr.subtotal[data-region="${g.group}"]`);
    const reps = r.reps.filter((x) => x.region === g.group);
    const cents = (text) => BigInt(text.replaceAll(',', '').replace('.', ''));
    const commission = reps.reduce((t, x) => t + x.commission.reduce((u, l) => u + cents(l.pay), 0n), 0n);
    assert.equal(cents(await row.locator('[data-col="commission"]').textContent()), commission, g.group);
    assert.equal(cents(await row.locator('[data-col="total"]').textContent()), cents(g.total_pay), g.group);
    // Returns have a column of their own, so the row adds across: commission + returns = total.
    const returns = reps.reduce((t, x) => t + x.adjustments.reduce((u, a) => u + cents(a.amount), 0n), 0n);
    assert.equal(cents(await row.locator('[data-col="returns"]').textContent()), returns, g.group);
    assert.equal(commission + returns, cents(g.total_pay), `${g.group} adds across`);
    const change = c.by_region.find((d) => d.group === g.group).delta;
    assert.equal((await row.locator('[data-col="delta"]').textContent()).replaceAll(',', '').replace(/^\+/, ''), change, g.group);
  }
  await context.close();
});

test('a return is clawed back in the period it came back, with the sale\'s reference', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, 'select[data-testid="period"]').selectOption('2026-Q3');
  await app(page, 'tr[data-rep="E04"]').click();
  const row = app(page, '[data-testid="explanation"] [data-section="returns"] tbody tr');
  assert.match(await row.textContent(), /SO-2026-0417 contract cancelled/);
  assert.match(await row.textContent(), /2026-Q2/);
  // Liu Yang's Q2 sale sat in the 5% tier (142.5% of target): 100,000 × 5% = 5,000 back.
  assert.equal(await row.locator('[data-col="return"]').textContent(), '-5,000.00');
  assert.match(await row.textContent(), /returned 100,000\.00/);
  // What a return does not redo: said under the returns.
  const scope = app(page, '[data-testid="explanation"] [data-testid="returns-scope"]');
  assert.equal(await scope.textContent(), 'A return takes back the commission its revenue earned on its line; the score, grade and bonuses of the period it was sold in are not worked out again.');
  // The sample's reference is in the page's language, as its regions are.
  await app(page, 'button[data-statement-lang="zh"]').click();
  assert.match(await row.textContent(), /SO-2026-0417 合同取消/);
  assert.match(await row.textContent(), /退回 100,000\.00/);
  assert.match(await scope.textContent(), /^退回只追回/);
  await context.close();
});

test('editing a bonus amount and a gate updates the reps at once', async () => {
  const { page, context } = await openTargetOriented();
  const nps = app(page, '[data-path="bonuses[1].rule.amount"]');
  await nps.fill('5000');
  // Deng Hua (N08) has NPS ≥ 90 in Q4 in the sample; the bonus is now 5,000.
  await app(page, 'tr[data-rep="N08"]').click();
  const bonus = app(page, '[data-testid="explanation"] tr[data-bonus="nps_bonus"] [data-col="bonus"]');
  const e = sampleEngine(engine.Engine);
  const plan = JSON.parse(targetOriented());
  plan.bonuses[1].rule.amount = '5000';
  e.setPlan(JSON.stringify(plan));
  const expected = e.evaluate('2026-Q4').reps.find((x) => x.rep_id === 'N08').bonuses.find((b) => b.id === 'nps_bonus').amount;
  assert.equal(await bonus.textContent(), grouped(expected.split('.')[0]) + '.' + expected.split('.')[1]);
  await app(page, '[data-testid="explanation"] button[aria-label="Close"]').click();
  // A 90% gate: Wang Fang (80% of target) gets no commission; emptying the gate removes it.
  await app(page, '[data-path="commission[0].gate_pct"]').fill('90');
  assert.equal(await cell(page, 'E02', 'commission').textContent(), '0.00');
  await app(page, '[data-path="commission[0].gate_pct"]').fill('');
  assert.equal(await cell(page, 'E02', 'commission').textContent(), '19,200.00'); // 800,000 × 3% × 0.8 (C)
  await context.close();
});

test('a grade multiplier typed into a plan that had none applies (the part is created), and an absurd weight is an error, not a frozen page', async () => {
  const { page, context, errors } = await openPlayground(env);
  // The SaaS preset has no grade multipliers. Zhang Wei is S: 38,000 × 1.5 = 57,000.00.
  await app(page, '[data-path="commission[0].grade_multipliers.S"]').fill('1.5');
  await eventually(() => cell(page, 'E01', 'commission').textContent(), '57,000.00', 'S × 1.5');
  const weight = app(page, '[data-path="scorecards[0].kpis[0].weight"]');
  await weight.fill('99999999999999999999999999999');
  await app(page, '[data-error-for="scorecards[0].kpis[0].weight"]').waitFor();
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '57,000.00');
  await weight.fill('60');
  await eventually(() => app(page, '[data-error-for="scorecards[0].kpis[0].weight"]').count(), 0, 'valid again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the statement names the condition of a conditional multiplier, and its amounts are money to the cent', async () => {
  const { page, context } = await openTargetOriented();
  await app(page, 'tr[data-rep="S01"]').click();
  const line = app(page, '[data-testid="explanation"] [data-line="revenue_commission"]');
  await line.waitFor();
  // Huang Yong: 1,000,000 × 3% + 144,000 × 4% = 35,760.00 from the tiers; his collection rate
  // is 89.03%, under 90%: × 0.8 = 28,608.00 (grade A has no multiplier).
  const steps = await line.locator('tr.steps').first().innerText();
  assert.match(steps, /from the tiers 35,760\.00/);
  // The condition by the plan metric's name, the formula as written in its tooltip.
  assert.equal(await line.locator('[data-step="condition"]').innerText(), 'when Collection rate < 90%');
  assert.equal(await line.locator('[data-step="condition"] .source-name').getAttribute('title'), 'collection_rate < 90%');
  assert.match(steps, /multiplier 0\.8/);
  assert.equal(await line.locator('[data-col="line-pay"]').textContent(), '28,608.00');
  await app(page, '[data-testid="explanation"] button[data-statement-lang="zh"]').click();
  assert.equal(await line.locator('[data-step="condition"]').innerText(), '条件 回款率 < 90%');
  await context.close();
});

test('a rank bonus\'s top N is a whole number: typed, it is written as one and the bonus reaches one more rep', async () => {
  const { page, context } = await openTargetOriented();
  const top = app(page, '[data-path="bonuses[2].rule.top"]');
  const paid = async () => page.evaluate(() => document.querySelector('sales-plan-playground').results.reps.filter((r) => r.bonuses.find((b) => b.id === 'top_new_customers')?.amount > 0).length);
  const before = await paid();
  const plan = JSON.parse(presets().find((p) => p.id === 'target-oriented').json);
  const e = sampleEngine(engine.Engine);
  plan.bonuses[2].rule.top = 4;
  assert.equal(e.setPlan(JSON.stringify(plan)).ok, true);
  const expected = e.evaluate('2026-Q4').reps.filter((r) => r.bonuses.find((b) => b.id === 'top_new_customers')?.amount > 0).length;
  assert.ok(expected > before, `${expected} > ${before}`);
  await top.fill('4');
  await eventually(paid, expected, 'the rank bonus paid to the top 4');
  assert.equal(await app(page, '[data-error-for="bonuses[2].rule.top"]').count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('sales-plan-playground').plan.bonuses[2].rule.top), 4);
  // Back to 3: the preset's figures again; a fraction is refused by the engine, at the field.
  await top.fill('3');
  await eventually(paid, before, 'the rank bonus paid to the top 3');
  await top.fill('3.5');
  await eventually(() => app(page, '[data-error-for="bonuses[2].rule.top"]').count(), 1, 'the error under Top N');
  await context.close();
});

test('the statement gives base and bonuses a subtotal and the total its parts (Zhang Wei: 19,800.00 + 41,800.00 + 18,123.36 = 79,723.36)', async () => {
  const { page, context } = await openTargetOriented();
  await app(page, 'tr[data-rep="E01"]').click();
  const drawer = app(page, '[data-testid="explanation"]');
  // Salary 16,500 + transport 2,400 + phone 900; the four bonuses, the pool's share 13,123.36 among them.
  assert.equal(await drawer.locator('[data-col="base-subtotal"]').textContent(), '19,800.00');
  assert.equal(await drawer.locator('[data-col="bonus-subtotal"]').textContent(), '18,123.36');
  assert.equal(await drawer.locator('[data-testid="detail-total"]').textContent(), '79,723.36');
  assert.equal(await drawer.locator('[data-testid="pay-parts"]').textContent(), '= Base 19,800.00 + Commission 41,800.00 + Bonuses 18,123.36');
  await app(page, 'button[data-statement-lang="zh"]').click();
  assert.equal(await drawer.locator('[data-testid="pay-parts"]').textContent(), '= 基础薪酬 19,800.00 + 提成 41,800.00 + 奖金 18,123.36');
  await context.close();
});

test('a draw is explained: what was earned and paid, the top-up or what was recovered, and what is owed', async () => {
  const { page, context } = await openPlayground(env);
  const plan = JSON.parse(presets().find((p) => p.id === 'saas-target').json);
  plan.draw = { amount: 27000, recoverable: true };
  await app(page, 'details[data-section="json"] > summary').click();
  await app(page, 'textarea[data-testid="plan-json"]').fill(JSON.stringify(plan, null, 2));
  await app(page, '[data-testid="apply-json"]').click();
  const draw = app(page, '[data-testid="explanation"] [data-section="draw"]');
  const open = async (period, rep) => {
    await app(page, 'select[data-testid="period"]').selectOption(period);
    await app(page, `tr[data-rep="${rep}"]`).click();
    await draw.waitFor();
  };
  // He Jun (N03), 2026-Q1: 360,000 × 3% = 10,800 earned, topped up by 16,200 to the 27,000 draw.
  await open('2026-Q1', 'N03');
  await eventually(() => draw.textContent(), 'Draw of 27,000.00 a period: earned 10,800.00 → paid 27,000.00; topped up 16,200.00; still owed 16,200.00', 'N03 in 2026-Q1');
  // S04, 2026-Q3: 28,590 earned; 1,590 of the 3,570 owed recovered, down to the draw: 1,980 still owed.
  await app(page, '[data-testid="explanation"] button[aria-label="Close"]').click();
  await open('2026-Q3', 'S04');
  await eventually(() => draw.textContent(), 'Draw of 27,000.00 a period: earned 28,590.00 → paid 27,000.00; recovered 1,590.00 of the 3,570.00 owed; still owed 1,980.00', 'S04 in 2026-Q3');
  await app(page, 'button[data-statement-lang="zh"]').click();
  assert.equal(await draw.textContent(), '每期预支 27,000.00：应得 28,590.00 → 实发 27,000.00；扣回 1,590.00（原欠 3,570.00）；尚欠 1,980.00');
  // Year to date, He Jun: earned 10,800 + 13,020 + 10,920 + 10,080 = 44,820, paid 4 × 27,000,
  // topped up 16,200 + 13,980 + 16,080 + 16,920 = 63,180, all still owed.
  await app(page, 'button[data-statement-lang="en"]').click();
  await app(page, '[data-testid="explanation"] button[aria-label="Close"]').click();
  await app(page, 'select[data-testid="period"]').selectOption('2026-Q4');
  await app(page, '[data-testid="ytd"]').check();
  await app(page, 'tr[data-rep="N03"]').click();
  await eventually(() => draw.textContent(), 'Draw of 27,000.00 a period: earned 44,820.00 → paid 108,000.00; topped up 63,180.00; still owed 63,180.00', 'N03 year to date');
  // S04's year: 3,570 topped up in Q1–Q2, all recovered in Q3–Q4 (of top-ups made in the year, not of what was owed before it).
  await app(page, '[data-testid="explanation"] button[aria-label="Close"]').click();
  await app(page, 'tr[data-rep="S04"]').click();
  await eventually(async () => (await draw.textContent()).split('; ').slice(1), ['topped up 3,570.00', 'recovered 3,570.00'], 'S04 year to date');
  await context.close();
});

test('a cap on variable pay is told in the printed statement, and the total is base plus the variable pay paid', async () => {
  const { page, context } = await openTargetOriented();
  const plan = JSON.parse(targetOriented());
  plan.variable_pay_cap = 30000;
  // The element's `plan` property (the JSON editor's large textarea is slow to fill on a loaded machine).
  await page.evaluate((p) => { document.querySelector('sales-plan-playground').plan = p; }, plan);
  await eventually(() => page.evaluate(() => document.querySelector('sales-plan-playground').plan.variable_pay_cap), 30000, 'the plan with the cap');
  await app(page, 'select[data-testid="period"]').selectOption('2026-Q3');
  // Liu Yang (E04), 2026-Q3: the engine's own figures: 59,275.00 earned, 30,000.00 paid, base 19,800.00.
  const e = sampleEngine(engine.Engine);
  e.setPlan(JSON.stringify(plan));
  const r = e.evaluate('2026-Q3').reps.find((x) => x.rep_id === 'E04');
  assert.deepEqual([r.base_total, r.variable_pay, r.total_pay, r.warnings.find((w) => w.code === 'variable_pay_capped').value], ['19800.00', '30000.00', '49800.00', '59275.00']);
  await app(page, 'tr[data-rep="E04"]').click();
  const drawer = app(page, '[data-testid="explanation"]');
  const cap = drawer.locator('[data-section="variable-cap"]');
  await eventually(() => cap.textContent(), 'Variable pay earned 59,275.00 → paid 30,000.00, the plan\'s cap', 'E04 capped');
  assert.equal(await drawer.locator('[data-testid="detail-total"]').textContent(), '49,800.00');
  assert.equal(await drawer.locator('[data-testid="pay-parts"]').textContent(), '= Base 19,800.00 + Variable pay 30,000.00');
  // Told once: not again among the screen's warnings.
  assert.equal(await drawer.locator('[data-warning="variable_pay_capped"]').count(), 0);
  // Printed with the statement.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await cap.isVisible());
  await page.emulateMedia({ media: 'screen' });
  await app(page, 'button[data-statement-lang="zh"]').click();
  assert.equal(await cap.textContent(), '浮动薪酬应得 59,275.00 → 实发 30,000.00（方案上限）');
  assert.equal(await drawer.locator('[data-testid="pay-parts"]').textContent(), '= 基础薪酬 19,800.00 + 浮动薪酬 30,000.00');
  // Year to date: each capped period's own words, which name the period.
  await app(page, 'button[data-statement-lang="en"]').click();
  await app(page, '[data-testid="explanation"] button[aria-label="Close"]').click();
  await app(page, '[data-testid="ytd"]').check();
  await app(page, 'tr[data-rep="E04"]').click();
  const ytd = e.evaluateYtd('2026-Q3').reps.find((x) => x.rep_id === 'E04');
  const words = ytd.warnings.filter((w) => w.code === 'variable_pay_capped').map((w) => w.message.en);
  assert.ok(words.length >= 1 && words.every((w) => /^2026-Q\d: Rep Liu Yang \(E04\) earned [\d,]+\.\d\d of variable pay, capped at 30,000$/.test(w)), words.join(' | '));
  await eventually(() => cap.textContent(), words.join('; '), 'E04 year to date');
  await context.close();
});

test('Zhou Min\'s statement shows how her salary, NPS bonus and pool share were reached', async () => {
  const { page, context } = await openTargetOriented();
  await app(page, 'tr[data-rep="E08"]').click();
  const statement = app(page, '[data-testid="explanation"]');
  const steps = (selector) => statement.locator(`${selector} .step`).allTextContents();
  await statement.locator('[data-section="base"] tr[data-item="salary"]').waitFor();
  // Regional manager in a tier-1 city: 9,000 a month × 3 months = 27,000.00.
  assert.deepEqual(await steps('[data-section="base"] tr[data-item="salary"]'), ['city tier 1', 'monthly 9,000.00', 'months 3']);
  // NPS 90 against the 90 the condition asks for: met, 3,000.
  const nps = statement.locator('tr[data-bonus="nps_bonus"]');
  assert.match(await nps.locator('th .hint').textContent(), /^threshold · Net promoter score >= 90$/);
  assert.deepEqual(await steps('tr[data-bonus="nps_bonus"]'), ['value 90', 'against 90', 'amount 3,000.00']);
  // 100,000 × 482,000 / 9,144,000 = 5,271.2161…, paid 5,271.21 by the largest-remainder rule.
  const pool = await steps('tr[data-bonus="region_pool"]');
  assert.equal(pool.at(-1), 'exact share ≈5,271.2161');
  assert.equal(await statement.locator('tr[data-bonus="region_pool"] [data-note="largest_remainder"]').count(), 1);
  // Her share by what the plan splits the pool by (collected revenue), not a "weight".
  assert.deepEqual(pool.filter((t) => /482,000|9,144,000/.test(t)), ['Collected revenue 482,000', 'of a total 9,144,000']);
  await app(page, 'button[data-statement-lang="zh"]').click();
  assert.deepEqual(await steps('[data-section="base"] tr[data-item="salary"]'), ['城市级别 1', '月薪 9,000.00', '月数 3']);
  assert.deepEqual((await steps('tr[data-bonus="region_pool"]')).filter((t) => /482,000|9,144,000/.test(t)), ['回款金额 482,000', '合计 9,144,000']);
  await context.close();
});

test('a second return of one sale says what was returned before it, and the grade the rep had then', async () => {
  const { page, context } = await openPlayground(env);
  const csv = 'rep_id,period,original_period,line,amount,reference\nE04,2026-Q3,2026-Q2,revenue_commission,100000,SO-1 part 1\nE04,2026-Q4,2026-Q2,revenue_commission,50000,SO-1 part 2\n';
  await app(page, 'input[data-file="returns"]').setInputFiles({ name: 'returns.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await app(page, 'select[data-testid="period"]').selectOption('2026-Q4');
  await app(page, 'tr[data-rep="E04"]').click();
  const row = app(page, '[data-testid="explanation"] tr[data-return="SO-1 part 2"]');
  await row.waitFor();
  assert.match(await row.textContent(), /returned before 100,000\.00/);
  assert.equal(await row.locator('[data-testid="grade-then"]').textContent(), 'grade then S');
  await context.close();
});

test('a retroactive line names its one slice as the whole amount at the tier reached, not a slice to infinity', async () => {
  const { page, context } = await openPlayground(env);
  await app(page, 'tr[data-rep="E03"]').click();
  const slices = app(page, '[data-testid="explanation"] tr.slice');
  // Marginal (the preset): Li Na's 1,500,000 in three slices.
  assert.deepEqual(await slices.locator('th').allTextContents(), ['In the tier 0 – 1,000,000', 'In the tier 1,000,000 – 1,200,000', 'In the tier 1,200,000 – ∞']);
  const bounds = app(page, '.tier-bounds');
  assert.match(await bounds.textContent(), /^A tier runs from its bound \(inclusive\) to the next; its rate applies only to the slice/);
  await app(page, 'select[data-path="commission[0].method"]').selectOption('retroactive');
  // The editor says where the whole amount moves up: the first bound above 0 (100% of target), inclusive.
  await eventually(() => bounds.textContent(), 'A tier starts at its bound, inclusive: at exactly 100% of target the whole amount is paid at the 100% tier’s rate.', 'the retroactive bound stated');
  // Retroactive: 150% reaches the 5% tier, paid on the whole 1,500,000 = 75,000.00.
  await eventually(() => slices.locator('th').allTextContents(), ['Whole amount at the tier from 1,200,000'], 'one retroactive slice');
  assert.equal(await slices.locator('[data-col="slice-pay"]').textContent(), '75,000.00');
  await app(page, 'button[data-statement-lang="zh"]').click();
  assert.deepEqual(await slices.locator('th').allTextContents(), ['全额按所达档位计，档位起点 1,200,000']);
  // The statement's language is the page's: the editor says it in Chinese too.
  await eventually(() => bounds.textContent(), '档位含起点：达成率恰好为 100% 时，全部金额按 100% 档的提成比例计算。', 'the bound stated in Chinese');
  await context.close();
});

test('a number typed in full-width digits (a Chinese input method) is the same number, and a rate typed as 6% is 6 percent', async () => {
  const { page, context } = await openPlayground(env);
  const rate = app(page, '[data-path="commission[0].tiers[0].rate_pct"]');
  await rate.fill('３．５');
  // 1,000,000 × 3.5% + 200,000 × 4% = 43,000.00
  await eventually(() => cell(page, 'E01', 'commission').textContent(), '43,000.00', 'the full-width rate applied');
  assert.equal(await page.evaluate(() => document.querySelector('sales-plan-playground').plan.commission[0].tiers[0].rate_pct), 3.5);
  assert.equal(await app(page, '[data-error-for="commission[0].tiers[0].rate_pct"]').count(), 0);
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6%');
  // 1,000,000 × 3.5% + 200,000 × 6% = 47,000.00
  await eventually(() => cell(page, 'E01', 'commission').textContent(), '47,000.00', 'the rate in percent applied');
  assert.equal(await page.evaluate(() => document.querySelector('sales-plan-playground').plan.commission[0].tiers[1].rate_pct), 6);
  // A tier added after 108.02 starts at 128.02 exactly (not 128.01999999999998).
  await app(page, '[data-path="commission[0].tiers[2].from"]').fill('108.02');
  await app(page, 'fieldset[data-line="revenue_commission"] button.secondary:has-text("Add tier")').click();
  await eventually(() => page.evaluate(() => document.querySelector('sales-plan-playground').plan.commission[0].tiers[3]?.from), 128.02, 'added exactly');
  await context.close();
});

test('numbers typed as a spreadsheet shows them are read as the numbers: 120,000 and 12万 as a pool, 6% as a tier rate', async () => {
  const { page, context } = await openTargetOriented();
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  // What the engine pays Zhang Wei from the best region's pool of 120,000.
  const ws = sampleEngine(engine.Engine);
  const bigger = JSON.parse(targetOriented());
  bigger.bonuses[3].rule.pool = 120000;
  ws.setPlan(JSON.stringify(bigger));
  const share = ws.evaluate('2026-Q4').reps.find((r) => r.rep_id === 'E01').bonuses.find((b) => b.id === 'region_pool').amount;
  const pool = app(page, '[data-path="bonuses[3].rule.pool"]');
  for (const typed of ['120,000', '12万', '１２０，０００']) {
    await pool.fill('1');
    await eventually(async () => (await plan()).bonuses[3].rule.pool, 1, 'a pool of 1 between');
    await pool.fill(typed);
    await eventually(async () => (await plan()).bonuses[3].rule.pool, 120000, `${typed} is 120000`);
    assert.equal(await app(page, '[data-error-for="bonuses[3].rule.pool"]').count(), 0, typed);
    const paid = () => page.evaluate(() => document.querySelector('sales-plan-playground').results.reps.find((r) => r.rep_id === 'E01').bonuses.find((b) => b.id === 'region_pool').amount);
    await eventually(paid, share, `${typed}: the engine's pool share`);
  }
  // A separator in the wrong place is no number: the engine's words say what is wrong.
  await pool.fill('1,20,000');
  await eventually(() => app(page, '[data-error-for="bonuses[3].rule.pool"]').count(), 1, 'refused');
  await context.close();
});

test('a commission line\'s base, target and tier basis are edited in the form: tiers by amount in 万 pay Zhang Wei as by percent of his target', async () => {
  const { page, context } = await openPlayground(env);
  const line = 'commission[0]';
  const commission = () => cell(page, 'E01', 'commission').textContent();
  // 1,000,000 × 3% + 200,000 × 4% = 38,000.00 (collected 1,200,000 of a 1,000,000 target).
  assert.equal(await commission(), '38,000.00');
  // The tiers' 100% raised to 1,200,000: all of it in the first tier, 1,200,000 × 3% = 36,000.00.
  await app(page, `[data-path="${line}.target"]`).fill('revenue_target * 1.2');
  await eventually(commission, '36,000.00', 'a higher line target');
  await app(page, `[data-path="${line}.target"]`).fill('revenue_target');
  await eventually(commission, '38,000.00', 'the target back');
  // Bounds in amounts: 0, 100 and 120 are now amounts, so nearly everything is in the 5% tier:
  // 100 × 3% + 20 × 4% + 1,199,880 × 5% = 59,997.80.
  await app(page, `select[data-path="${line}.tier_basis"]`).selectOption('amount');
  await eventually(commission, '59,997.80', 'bounds as amounts');
  assert.equal(await app(page, 'table.tiers thead th').nth(1).textContent(), 'From amount');
  await app(page, `[data-path="${line}.tiers[1].from"]`).fill('100万');
  await app(page, `[data-path="${line}.tiers[2].from"]`).fill('120万');
  // 1,000,000 × 3% + 200,000 × 4% = 38,000.00 again.
  await eventually(commission, '38,000.00', 'bounds of 100万 and 120万');
  const tiers = await page.evaluate(() => document.querySelector('sales-plan-playground').plan.commission[0].tiers.map((t) => t.from));
  assert.deepEqual(tiers, [0, 1000000, 1200000]);
  // What the line pays on: booked revenue instead of collected.
  // Booked, 1,260,000: 1,000,000 × 3% + 200,000 × 4% + 60,000 × 5% = 41,000.00.
  await app(page, `[data-path="${line}.base"]`).fill('revenue_booked');
  await eventually(commission, '41,000.00', 'paid on booked revenue');
  await context.close();
});

test('bonuses are added, named, limited to grades, edited and removed in the form, each a step to undo', async () => {
  const { page, context } = await openPlayground(env);
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  const results = () => page.evaluate(() => document.querySelector('sales-plan-playground').results.reps.map((r) => ({ id: r.rep_id, grade: r.grade, bonus: r.bonuses[0]?.amount ?? null })));
  // The SaaS quick start has none.
  assert.equal(await app(page, 'fieldset.bonuses .hint').first().textContent(), 'No bonus yet.');
  await app(page, 'select[data-testid="add-bonus"]').selectOption('threshold');
  await eventually(async () => (await plan()).bonuses?.[0], {
    id: 'threshold_1', name: 'On-target bonus', name_zh: '达标奖', rule: { type: 'threshold', when: 'revenue_collected >= revenue_target', amount: 1000 },
  }, 'a threshold bonus on the headline target');
  // Zhang Wei collected 1,200,000 of 1,000,000: paid; Wang Fang 800,000 of 1,000,000: not.
  await eventually(() => cell(page, 'E01', 'bonuses').textContent(), '1,000.00', 'E01 on target');
  assert.equal(await cell(page, 'E02', 'bonuses').textContent(), '0.00');
  await app(page, '[data-path="bonuses[0].rule.amount"]').fill('2,000');
  await eventually(() => cell(page, 'E01', 'bonuses').textContent(), '2,000.00', 'the amount typed with a separator');
  await app(page, '[data-path="bonuses[0].name"]').fill('Target met');
  await eventually(async () => (await plan()).bonuses[0].name, 'Target met', 'renamed');
  // Zhang Wei's grade no longer gets it; every other rep on target still does.
  const before = await results();
  const grade = before.find((r) => r.id === 'E01').grade;
  await app(page, `[data-bonus="threshold_1"] input[data-grade="${grade}"]`).uncheck();
  await eventually(() => cell(page, 'E01', 'bonuses').textContent(), '0.00', `grade ${grade} left out`);
  const bands = ['S', 'A', 'B', 'C'];
  assert.deepEqual((await plan()).bonuses[0].grades, bands.filter((g) => g !== grade));
  // The last grade left cannot be unticked: a bonus nobody may get is no bonus.
  for (const g of bands.filter((x) => x !== grade).slice(1)) await app(page, `[data-bonus="threshold_1"] input[data-grade="${g}"]`).uncheck();
  const last = bands.filter((x) => x !== grade)[0];
  await eventually(async () => (await plan()).bonuses[0].grades, [last], 'one grade left');
  assert.equal(await app(page, `[data-bonus="threshold_1"] input[data-grade="${last}"]`).isDisabled(), true);
  await app(page, '[data-testid="undo"]').click();
  await app(page, '[data-testid="undo"]').click();
  await eventually(async () => (await plan()).bonuses[0].grades, bands.filter((g) => g !== grade), 'two undos: the two grades back');
  for (const r of await results()) {
    const was = before.find((b) => b.id === r.id);
    assert.equal(r.bonus, r.grade === grade ? '0.00' : was.bonus, r.id);
  }
  // Removed: no bonus column; one undo brings it back as it was.
  await app(page, '[data-bonus="threshold_1"] [data-testid="remove-bonus"]').click();
  await eventually(() => cell(page, 'E01', 'bonuses').count(), 0, 'no bonus column');
  assert.equal((await plan()).bonuses, undefined);
  await app(page, '[data-testid="undo"]').click();
  await eventually(async () => (await plan()).bonuses?.[0]?.grades, bands.filter((g) => g !== grade), 'back with its grades');
  await context.close();
});

test('a rank bonus\'s options in the form: ranked in each region with ties sharing, the page pays what the engine pays', async () => {
  const { page, context } = await openTargetOriented();
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  const paid = () => page.evaluate(() => document.querySelector('sales-plan-playground').results.reps
    .map((r) => [r.rep_id, r.bonuses.find((b) => b.id === 'top_new_customers').amount]).filter(([, a]) => Number(a) > 0));
  const overall = await paid();
  await app(page, 'select[data-path="bonuses[2].rule.within"]').selectOption('region');
  await app(page, 'select[data-path="bonuses[2].rule.ties"]').selectOption('share');
  await eventually(async () => { const r = (await plan()).bonuses[2].rule; return [r.within, r.ties]; }, ['region', 'share'], 'options set');
  // What the engine pays for the page's plan, rep by rep.
  const ws = sampleEngine(engine.Engine);
  ws.setPlan(JSON.stringify(await plan()));
  const expected = ws.evaluate('2026-Q4').reps
    .map((r) => [r.rep_id, r.bonuses.find((b) => b.id === 'top_new_customers').amount]).filter(([, a]) => Number(a) > 0);
  await eventually(paid, expected, 'the engine\'s rank bonuses');
  // Top 3 in each of 4 regions pays more reps than top 3 overall.
  assert.ok(expected.length > overall.length, `${expected.length} winners by region, ${overall.length} overall`);
  await context.close();
});

test('a second commission line is added in the form (new and existing customers, seed 001), edited and removed', async () => {
  const { page, context } = await openPlayground(env);
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  const commission = () => cell(page, 'E01', 'commission').textContent();
  assert.equal(await commission(), '38,000.00');
  await app(page, '[data-testid="add-line"]').click();
  await eventually(async () => (await plan()).commission.map((l) => l.id), ['revenue_commission', 'line_1'], 'a line added');
  // The same 3% / 4% on collected revenue again: 38,000.00 twice.
  await eventually(commission, '76,000.00', 'two lines');
  // On existing customers' revenue (240,000), one flat tier of 3%: 7,200.00.
  await app(page, '[data-line="line_1"] [data-path="commission[1].base"]').fill('revenue_existing');
  await app(page, '[data-line="line_1"] button[aria-label="Remove tier 2"]').click();
  await app(page, '[data-path="commission[1].name"]').fill('Existing customers');
  await eventually(commission, '45,200.00', '38,000.00 + 240,000 × 3%');
  assert.match(await app(page, '[data-line="line_1"] legend').textContent(), /Existing customers/);
  await app(page, '[data-line="line_1"] [data-testid="remove-line"]').click();
  await eventually(commission, '38,000.00', 'the line removed');
  assert.deepEqual((await plan()).commission.map((l) => l.id), ['revenue_commission']);
  await context.close();
});

test('the minimum wage and the base share\'s range are edited in the form: 8,000 in tier-1 cities warns the reps paid less, as the engine does', async () => {
  const { page, context } = await openTargetOriented();
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  const warned = (code) => page.evaluate((c) => document.querySelector('sales-plan-playground').results.reps
    .filter((r) => r.warnings.some((w) => w.code === c)).map((r) => r.rep_id).sort(), code);
  const engineWarned = async (code) => {
    const ws = sampleEngine(engine.Engine);
    ws.setPlan(JSON.stringify(await plan()));
    return ws.evaluate('2026-Q4').reps.filter((r) => r.warnings.some((w) => w.code === code)).map((r) => r.rep_id).sort();
  };
  assert.deepEqual(await warned('below_minimum_wage'), []);
  await app(page, '[data-path="base_pay.minimum_by_city_tier.1"]').fill('8,000');
  await eventually(async () => (await plan()).base_pay.minimum_by_city_tier['1'], 8000, 'typed');
  // In tier-1 cities new-business reps earn 5,500 and account managers 5,800 a month, regional managers 9,000.
  const tier1 = sampleEngine(engine.Engine).reps().filter((r) => r.role !== 'regional_manager');
  const expected = await engineWarned('below_minimum_wage');
  assert.ok(expected.length > 0 && expected.every((id) => tier1.some((r) => r.id === id)), expected.join());
  await eventually(() => warned('below_minimum_wage'), expected, 'the reps below 8,000');
  // The share's range: the upper bound typed alone keeps the lower one.
  await app(page, '[data-path="base_pay.share_range_pct[1]"]').fill('45%');
  await eventually(async () => (await plan()).base_pay.share_range_pct, [30, 45], 'the range written whole');
  await eventually(async () => JSON.stringify(await warned('base_share_out_of_range')), JSON.stringify(await engineWarned('base_share_out_of_range')), 'the engine\'s share warnings');
  // Each bound is its own undo step, even typed within a second of the other.
  await app(page, '[data-path="base_pay.share_range_pct[0]"]').fill('25');
  await eventually(async () => (await plan()).base_pay.share_range_pct, [25, 45], 'the lower bound');
  await app(page, '[data-testid="undo"]').click();
  await eventually(async () => (await plan()).base_pay.share_range_pct, [30, 45], 'one undo: the lower bound back only');
  // Typed key by key, 40.5 passes through 40, the default: the field keeps what is typed.
  const upper = app(page, '[data-path="base_pay.share_range_pct[1]"]');
  await upper.fill('');
  await upper.pressSequentially('40.5');
  await eventually(async () => (await plan()).base_pay.share_range_pct, [30, 40.5], '40.5 typed key by key');
  assert.equal(await upper.inputValue(), '40.5');
  // An emptied bound is its default again; the default range is no field at all.
  await app(page, '[data-path="base_pay.share_range_pct[1]"]').fill('');
  await eventually(async () => 'share_range_pct' in (await plan()).base_pay, false, 'back to the default range');
  assert.equal(await app(page, '[data-error-for="base_pay.share_range_pct[1]"]').count(), 0);
  await context.close();
});

/** The playground, with readers of the plan, the first line's tier bounds, E01's commission, and the first line's basis select. */
async function openFirstLine() {
  const opened = await openPlayground(env);
  const { page } = opened;
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  return {
    ...opened,
    plan,
    bounds: async () => (await plan()).commission[0].tiers.map((t) => t.from),
    commission: () => cell(page, 'E01', 'commission').textContent(),
    basis: app(page, 'select[data-path="commission[0].tier_basis"]'),
  };
}

test('a line\'s tier basis switched at a fixed target converts the bounds exactly (128.02% of 1,000,000 is 1,280,200), back again, each switch one undo step', async () => {
  const { page, context, errors, plan, bounds, commission, basis } = await openFirstLine();
  // A target typed as a spreadsheet shows it is the plain number: Zhang Wei's own target, 1,000,000.
  await app(page, '[data-path="commission[0].target"]').fill('1,000,000');
  await app(page, '[data-path="commission[0].tiers[2].from"]').fill('128.02');
  await app(page, '[data-path="commission[0].tiers[2].from"]').blur();
  await eventually(async () => [(await plan()).commission[0].target, await bounds()], ['1000000', [0, 100, 128.02]], 'target and bound typed');
  // Collected 1,200,000: 1,000,000 × 3% + 200,000 × 4% = 38,000.00, under 128.02% as under 120%.
  await eventually(commission, '38,000.00', 'before the switch');
  await basis.selectOption('amount');
  // 100% and 128.02% of 1,000,000; as floats 128.02 × 1,000,000 / 100 is 1,280,200.0000000002.
  await eventually(bounds, [0, 1000000, 1280200], 'bounds as amounts');
  assert.equal(await commission(), '38,000.00', 'the same pay');
  assert.deepEqual(await app(page, 'fieldset[data-line="revenue_commission"] table.tiers [data-path$=".from"]').evaluateAll((inputs) => inputs.map((i) => i.value)), ['0', '1,000,000', '1,280,200']);
  assert.equal(await app(page, '[data-testid="reenter-bounds"]').count(), 0, 'nothing to enter again');
  // One step to undo, bounds and basis together; redone, and back to percent: 1,280,200 / 1,000,000 × 100 exactly (a float says 128.01999999999998).
  await app(page, '[data-testid="undo"]').click();
  await eventually(async () => [(await plan()).commission[0].tier_basis, await bounds()], ['attainment_pct', [0, 100, 128.02]], 'one undo');
  await app(page, '[data-testid="redo"]').click();
  await eventually(bounds, [0, 1000000, 1280200], 'redone');
  // An amount that is no whole hundredth of a percent: 1,333,333 is 133.3333% exactly.
  await app(page, '[data-path="commission[0].tiers[2].from"]').fill('1,333,333');
  await basis.selectOption('attainment_pct');
  await eventually(bounds, [0, 100, 133.3333], 'back in percent of target');
  assert.equal(await app(page, '[data-testid="reenter-bounds"]').count(), 0, 'exact: nothing to check');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a line\'s bound that is no exact % of its target is rounded, marked to check (both languages, the warning describing the field) and, switched straight back, the amount it was', async () => {
  const { page, context, errors, plan, bounds, basis } = await openFirstLine();
  const warning = app(page, 'fieldset[data-line="revenue_commission"] [data-testid="reenter-bounds"]');
  const bound = app(page, '[data-path="commission[0].tiers[1].from"]');
  await app(page, '[data-path="commission[0].target"]').fill('7,000,000');
  await basis.selectOption('amount');
  await eventually(bounds, [0, 7000000, 8400000], 'as amounts of 7,000,000');
  await bound.fill('1,000,000');
  await bound.blur();
  // 1,000,000 of 7,000,000 is 14.285714…%: 14.2857, which pays from 999,999, is marked to check.
  await basis.selectOption('attainment_pct');
  await eventually(bounds, [0, 14.2857, 120], 'rounded to 4 places');
  assert.equal(await warning.textContent(), 'The bounds marked ⚠ were rounded: as a % of the line’s target they have more decimal places than are kept, so each now starts a little off the amount it was. Check each, and enter it again if it must be exact.');
  assert.equal(await warning.getAttribute('data-why'), 'rounded');
  assert.equal(await bound.getAttribute('aria-describedby'), await warning.getAttribute('id'), 'the marked bound is described by the warning');
  assert.equal(await app(page, '[data-path="commission[0].tiers[2].from"]').getAttribute('aria-describedby'), null, 'an exact one is not');
  await app(page, 'button[data-lang="zh"]').click();
  await eventually(() => warning.textContent(), '标有 ⚠ 的阶梯起点已四舍五入：换算为目标达成 % 后小数位过多，起算金额与原来略有出入。请逐一核对，如需精确请重新填写。', 'in Chinese');
  await app(page, 'fieldset[data-line="revenue_commission"]').screenshot({ path: new URL('../../test-output/screenshots/tiers-rounded-zh.png', import.meta.url).pathname });
  await app(page, 'button[data-lang="en"]').click();
  await app(page, 'fieldset[data-line="revenue_commission"]').screenshot({ path: new URL('../../test-output/screenshots/tiers-rounded-en.png', import.meta.url).pathname });
  // Straight back: 1,000,000 again, not 999,999; nothing marked.
  await basis.selectOption('amount');
  await eventually(bounds, [0, 1000000, 8400000], 'the amount it was');
  assert.equal(await warning.count(), 0);
  assert.equal((await plan()).commission[0].tier_basis, 'amount');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bounds marked since a switch of basis are said over the results (both languages), which take the user to the line, and are kept by a reload, a stored session and a share link until entered again', async () => {
  const { page, context, errors, bounds, basis } = await openFirstLine();
  const notice = app(page, '[data-testid="marked-bounds"]');
  const words = async () => (await notice.textContent()).replace(/\s+/g, ' ').trim();
  const marked = (p) => app(p, 'fieldset[data-line="revenue_commission"] td.reenter [data-path]').evaluateAll((inputs) => inputs.map((i) => i.dataset.path));
  const focused = (p) => p.evaluate(() => document.querySelector('sales-plan-playground').shadowRoot.activeElement?.dataset.path);
  const bound = app(page, '[data-path="commission[0].tiers[1].from"]');
  await app(page, '[data-path="commission[0].target"]').fill('7,000,000');
  await basis.selectOption('amount');
  await bound.fill('1,000,000');
  await bound.blur();
  assert.equal(await notice.count(), 0, 'nothing marked yet');
  await basis.selectOption('attainment_pct');
  await eventually(bounds, [0, 14.2857, 120], 'rounded to 4 places');
  assert.equal(await words(), '⚠ 1 tier bound to check after a switch between % of target and amounts: Commission on collected revenue');
  await app(page, 'button[data-lang="zh"]').click();
  await eventually(words, '⚠ 阶梯起点切换计算方式后，有 1 个待核对：回款提成', 'in Chinese');
  await app(page, 'button[data-lang="en"]').click();
  // The line's name takes the user to its marked bound.
  await notice.locator('button[data-line="revenue_commission"]').click();
  await eventually(() => focused(page), 'commission[0].tiers[1].from', 'the marked bound has the focus');
  // Reloaded (the stored session), the bound is still marked, here and in the form.
  await page.reload();
  await notice.waitFor();
  assert.deepEqual([await bounds(), await marked(page), await words()], [[0, 14.2857, 120], ['commission[0].tiers[1].from'], '⚠ 1 tier bound to check after a switch between % of target and amounts: Commission on collected revenue']);
  assert.equal(await app(page, 'fieldset[data-line="revenue_commission"] [data-testid="reenter-bounds"]').getAttribute('data-why'), 'rounded');
  // A share link carries the mark: switched straight back there, the bound is the amount it was.
  const link = await page.evaluate(async () => { const el = document.querySelector('sales-plan-playground'); await el.share(); return el.shareLink; });
  const other = await openPlayground(env, link.slice(env.base.length));
  assert.deepEqual(await marked(other.page), ['commission[0].tiers[1].from'], 'marked in the link');
  await app(other.page, 'select[data-path="commission[0].tier_basis"]').selectOption('amount');
  await eventually(async () => (await other.page.evaluate(() => document.querySelector('sales-plan-playground').plan)).commission[0].tiers.map((t) => t.from), [0, 1000000, 8400000], 'the amount it was');
  assert.deepEqual(other.errors, []);
  await other.context.close();
  // Entered again, the mark goes, and stays gone after a reload.
  await bound.fill('15');
  await eventually(() => notice.count(), 0, 'entered again');
  await page.reload();
  await app(page, '[data-path="commission[0].tiers[1].from"]').waitFor();
  assert.deepEqual([await bounds(), await marked(page), await notice.count()], [[0, 15, 120], [], 0]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('switched to % of target on a line with no target, the bounds are marked as having no target to convert at', async () => {
  const { page, context, errors, bounds, basis } = await openFirstLine();
  await basis.selectOption('amount');
  await app(page, '[data-path="commission[0].target"]').fill('');
  await app(page, '[data-path="commission[0].tiers[1].from"]').fill('1,000,000');
  await app(page, '[data-path="commission[0].tiers[2].from"]').fill('1,200,000');
  await eventually(async () => (await page.evaluate(() => document.querySelector('sales-plan-playground').plan)).commission[0].target, undefined, 'no target');
  await basis.selectOption('attainment_pct');
  await eventually(bounds, [0, 1000000, 1200000], 'kept');
  const warning = app(page, 'fieldset[data-line="revenue_commission"] [data-testid="reenter-bounds"]');
  assert.equal(await warning.textContent(), 'The bounds marked ⚠ were amounts and are now read as % of target: the line has no target to convert them at. Give the line its target, then enter each bound as a % of target.');
  await app(page, 'button[data-lang="zh"]').click();
  await eventually(() => warning.textContent(), '标有 ⚠ 的阶梯起点原为金额，现按目标达成 % 计算：提成项没有目标，无法换算。请先填写提成目标，再逐一改填目标达成 %。', 'in Chinese');
  await app(page, 'fieldset[data-line="revenue_commission"]').screenshot({ path: new URL('../../test-output/screenshots/tiers-no-target-zh.png', import.meta.url).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a line\'s tier basis switched at a formula target keeps the bounds and marks them until each is entered again, in both languages; switched back, none is marked', async () => {
  const { page, context, errors, plan, bounds, commission, basis } = await openFirstLine();
  const warning = app(page, 'fieldset[data-line="revenue_commission"] [data-testid="reenter-bounds"]');
  const marked = () => app(page, 'fieldset[data-line="revenue_commission"] td.reenter [data-path]').evaluateAll((inputs) => inputs.map((i) => i.dataset.path));
  // revenue_target is each rep's own figure: no one amount to convert to.
  await basis.selectOption('amount');
  await eventually(marked, ['commission[0].tiers[1].from', 'commission[0].tiers[2].from'], 'the two bounds above 0 marked');
  assert.deepEqual(await bounds(), [0, 100, 120]);
  assert.equal(await app(page, '[data-path="commission[0].tiers[1].from"]').getAttribute('aria-describedby'), await warning.getAttribute('id'), 'a marked bound is described by the warning, not only its ⚠\'s title');
  assert.equal(await warning.textContent(), 'The bounds marked ⚠ were in % of target and are now read as amounts: the line’s target is not one fixed number, so they could not be converted. Enter each as an amount.');
  // 100 and 120 read as amounts: 100 × 3% + 20 × 4% + 1,199,880 × 5% = 59,997.80, which the mark warns of.
  await eventually(commission, '59,997.80', 'bounds read as amounts');
  await app(page, 'button[data-lang="zh"]').click();
  await eventually(() => warning.textContent(), '标有 ⚠ 的阶梯起点原为目标达成 %，现按计提金额计算：提成目标不是一个固定数字，无法换算。请逐一改填金额。', 'in Chinese');
  await app(page, 'fieldset[data-line="revenue_commission"]').screenshot({ path: new URL('../../test-output/screenshots/tiers-reenter-zh.png', import.meta.url).pathname });
  await app(page, 'button[data-lang="en"]').click();
  // Switched straight back: the bounds are right again, nothing marked.
  await basis.selectOption('attainment_pct');
  await eventually(marked, [], 'switched back');
  assert.equal(await warning.count(), 0);
  await eventually(commission, '38,000.00', 'percent of target again');
  // Switched again, each bound entered as an amount takes its mark off.
  await basis.selectOption('amount');
  await eventually(marked, ['commission[0].tiers[1].from', 'commission[0].tiers[2].from'], 'marked again');
  await app(page, '[data-path="commission[0].tiers[1].from"]').fill('100万');
  await eventually(marked, ['commission[0].tiers[2].from'], 'one bound entered');
  await app(page, '[data-path="commission[0].tiers[2].from"]').fill('1,200,000');
  await eventually(marked, [], 'both entered');
  assert.equal(await warning.count(), 0);
  // 1,000,000 × 3% + 200,000 × 4% = 38,000.00, as in percent of Zhang Wei's target.
  await eventually(commission, '38,000.00', 'bounds entered as amounts');
  // Back to percent, the amounts entered are the bounds to enter again, and an undo takes the switch and its marks back.
  await basis.selectOption('attainment_pct');
  await eventually(() => warning.textContent(), 'The bounds marked ⚠ were amounts and are now read as % of target: the line’s target is not one fixed number, so they could not be converted. Enter each as a % of target.', 'amounts to enter as percentages');
  assert.deepEqual(await bounds(), [0, 1000000, 1200000]);
  await app(page, '[data-testid="undo"]').click();
  await eventually(marked, [], 'undone: amounts again, none marked');
  assert.equal((await plan()).commission[0].tier_basis, 'amount');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a formula field takes a number written as a spreadsheet shows it (1,000,000, ¥1,200,000) as the plain number; a real formula is kept as typed', async () => {
  const { page, context, errors } = await openPlayground(env);
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  const commission = () => cell(page, 'E01', 'commission').textContent();
  const target = app(page, '[data-path="commission[0].target"]');
  const error = app(page, '[data-error-for="commission[0].target"]');
  await target.fill('1,000,000');
  await eventually(async () => (await plan()).commission[0].target, '1000000', 'saved as the number (text: a formula is text)');
  assert.equal(await error.count(), 0);
  await eventually(commission, '38,000.00', 'Zhang Wei\'s own target');
  // 1,200,000 of 1,200,000 is 100%: all of it in the first tier, 1,200,000 × 3% = 36,000.00.
  await target.fill('¥1,200,000');
  await eventually(async () => (await plan()).commission[0].target, '1200000', 'yuan and separators');
  await eventually(commission, '36,000.00', 'a higher target');
  // A formula is saved as typed: a separator inside it is left for the engine to refuse.
  await target.fill('revenue_target * 1.2');
  await eventually(async () => (await plan()).commission[0].target, 'revenue_target * 1.2', 'a formula as typed');
  await eventually(commission, '36,000.00', 'the same 1,200,000 by formula');
  await target.fill('1,000 * 1,200');
  await eventually(async () => (await plan()).commission[0].target, '1,000 * 1,200', 'not rewritten');
  await eventually(() => error.count(), 1, 'the engine refuses the separators');
  assert.match(await error.textContent(), /thousands separator/);
  // A KPI's target in the scorecard's Target column, in full-width digits; a percentage stays one.
  await app(page, '[data-path="scorecards[0].kpis[2].target"]').fill('４，５００');
  await eventually(async () => (await plan()).scorecards[0].kpis[2].target, '4500', 'a KPI target');
  await app(page, '[data-path="scorecards[0].kpis[2].target"]').fill('95%');
  await eventually(async () => (await plan()).scorecards[0].kpis[2].target, '95%', 'a percentage as typed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a saved amount shows grouped once the field is left (1,000,000, in both languages) and plain while it has the focus, to be edited in place; percentages and rates stay as they are', async () => {
  const { page, context, errors } = await openTargetOriented();
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  const pool = app(page, '[data-path="bonuses[3].rule.pool"]');
  assert.equal(await pool.inputValue(), '100,000', 'the preset\'s pool');
  assert.equal(await app(page, '[data-path="base_pay.salaries[1].monthly"]').inputValue(), '5,500');
  // A field with nothing saved is empty, focused or not.
  const cap = app(page, '[data-path="commission[0].cap"]');
  assert.equal(await cap.inputValue(), '');
  await cap.focus();
  assert.equal(await cap.inputValue(), '');
  await cap.blur();
  await pool.fill('1000000');
  await eventually(async () => (await plan()).bonuses[3].rule.pool, 1000000, 'saved');
  assert.equal(await pool.inputValue(), '1000000', 'as typed while focused');
  await pool.blur();
  await eventually(() => pool.inputValue(), '1,000,000', 'grouped once left');
  // Focused, the plain figure: a 0 added at its end is ten times the amount (not 1,000,0000, refused).
  await pool.focus();
  assert.equal(await pool.inputValue(), '1000000', 'plain while focused');
  await pool.press('End');
  await pool.press('0');
  await pool.blur();
  await eventually(async () => (await plan()).bonuses[3].rule.pool, 10000000, 'ten times the amount');
  assert.equal(await pool.inputValue(), '10,000,000');
  assert.equal(await app(page, '[data-error-for="bonuses[3].rule.pool"]').count(), 0);
  // Clicked into, too: the 0 after the 1 becomes a 5.
  await pool.click();
  await pool.press('Home');
  await pool.press('ArrowRight');
  await pool.press('Delete');
  await pool.press('5');
  assert.equal(await pool.inputValue(), '15000000');
  await pool.blur();
  await eventually(async () => (await plan()).bonuses[3].rule.pool, 15000000, 'the edited plain number');
  // The places the plan holds are kept: 1234.50 is 1,234.50.
  await pool.fill('1234.50');
  await pool.blur();
  await eventually(() => pool.inputValue(), '1,234.50', 'its places kept');
  assert.equal((await plan()).bonuses[3].rule.pool, '1234.50');
  // A formula target that is a number: focused plain, so that a formula can be made of it.
  const target = app(page, '[data-path="commission[0].target"]');
  await target.fill('1000000');
  await target.blur();
  await eventually(() => target.inputValue(), '1,000,000', 'a formula target grouped once left');
  await target.focus();
  await target.press('End');
  await target.pressSequentially(' * 1.1');
  await target.blur();
  await eventually(async () => (await plan()).commission[0].target, '1000000 * 1.1', 'a formula of it');
  assert.equal(await app(page, '[data-error-for="commission[0].target"]').count(), 0, 'no thousands-separator error');
  // A rate and a percentage as they are, even from 1,000 up.
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('4.50');
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').blur();
  assert.equal(await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').inputValue(), '4.50');
  await app(page, '[data-path="commission[0].tiers[2].from"]').fill('1500');
  await app(page, '[data-path="commission[0].tiers[2].from"]').blur();
  await eventually(async () => (await plan()).commission[0].tiers[2].from, 1500, 'a bound of 1500%');
  assert.equal(await app(page, '[data-path="commission[0].tiers[2].from"]').inputValue(), '1500', 'a percentage is not grouped');
  await app(page, 'button[data-lang="zh"]').click();
  await eventually(() => pool.inputValue(), '1,234.50', 'grouped in Chinese too');
  assert.equal(await app(page, '[data-path="base_pay.salaries[1].monthly"]').inputValue(), '5,500');
  assert.deepEqual(errors, []);
  await context.close();
});
