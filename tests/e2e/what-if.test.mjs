// The "What if" sliders beside the results: a weight moved takes its room from the others
// in proportion, a rate moves its tier, and the page shows the engine's own figures for the
// plan the sliders made (the nodejs build of the same crate); a drag is one undo step, and
// "Undo the sliders" goes back to the plan before the first of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPlayground, useBrowser, app, eventually } from './browser.mjs';

const require = createRequire(import.meta.url);
const engine = require('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');

const env = useBrowser();

const preset = (id) => JSON.parse(presets().find((p) => p.id === id).json);

/** The engine's own results for `plan` on the sample reps in 2026-Q4. */
function expected(plan) {
  const e = sampleEngine(engine.Engine);
  assert.equal(e.setPlan(JSON.stringify(plan)).ok, true);
  return e.evaluate('2026-Q4');
}

/** The playground with `preset` (default the SaaS quick start), its What-if panel open. */
async function openWhatIf(preset, locale = 'en-US') {
  const opened = await openPlayground(env, '/', { locale });
  if (preset) await app(opened.page, 'select[data-testid="preset"]').selectOption(preset);
  await app(opened.page, '[data-testid="what-if"] summary').click();
  return opened;
}

/** The engine's comparison of `plan` against `baseline` on the sample reps in 2026-Q4. */
function engineComparison(baseline, plan) {
  const e = sampleEngine(engine.Engine);
  assert.equal(e.setPlan(JSON.stringify(baseline)).ok, true);
  assert.equal(e.pinBaseline(), true);
  assert.equal(e.setPlan(JSON.stringify(plan)).ok, true);
  return e.compare('2026-Q4', false);
}

/** The weights the editor shows for the first card. */
const weights = (page) => app(page, '[data-path^="scorecards[0].kpis["][data-path$="].weight"]').evaluateAll((els) => els.map((e) => e.value));

/** Moves slider `lever` through `values` as a drag does (an input event at each), then lets go. */
async function drag(page, lever, values) {
  await app(page, `[data-lever="${lever}"]`).evaluate((input, steps) => {
    for (const v of steps) {
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }, values.map(String));
}

/** Every rep's score and the plan cost shown, against the engine's for `plan`. */
async function assertShows(page, plan, message) {
  const r = expected(plan);
  await eventually(() => app(page, '[data-testid="total-pay"]').getAttribute('title').then((t) => t.replaceAll(',', '')), r.totals.total_pay, `${message}: plan cost`);
  const shown = await app(page, '[data-testid="results"] tbody tr[data-rep]').evaluateAll((rows) => rows.map((row) => [row.dataset.rep, [...row.querySelector('[data-col="score"]').childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim()]));
  assert.deepEqual(Object.fromEntries(shown.map(([id, s]) => [id, Number(s)])), Object.fromEntries(r.reps.map((rep) => [rep.rep_id, Number(rep.score)])), `${message}: scores`);
}

test('a weight slider moves one KPI and the others make room in proportion; the results are the engine\'s for those weights', async () => {
  const { page, context, errors } = await openWhatIf();
  // SaaS quick start: 60 / 25 / 15. New customers to 40: 60 left for 60 and 15 (of 75): 48 and 12.
  assert.deepEqual(await weights(page), ['60', '25', '15']);
  await drag(page, 'scorecards[0].kpis[1].weight', [40]);
  assert.deepEqual(await weights(page), ['48', '40', '12']);
  assert.equal(await app(page, '[data-testid="weight-sum"]').textContent(), '100');
  assert.equal(await app(page, '[data-testid="plan-errors"]').count(), 0);
  assert.deepEqual(await app(page, '[data-lever-group="weights"] output').allTextContents(), ['48', '40', '12']);
  const plan = preset('saas-target');
  [48, 40, 12].forEach((w, i) => (plan.scorecards[0].kpis[i].weight = w));
  await assertShows(page, plan, '48 / 40 / 12');

  // A drag from 15 to 20 a step at a time rebalances from the weights as they were when it
  // began: 80 for 60 and 25 (of 85) is 56.47 and 23.53, so 56 and 24 (step by step it would
  // drift to 55 and 25). The whole drag is one undo step.
  await page.keyboard.press('Control+z');
  assert.deepEqual(await weights(page), ['60', '25', '15']);
  await drag(page, 'scorecards[0].kpis[2].weight', [16, 17, 18, 19, 20]);
  assert.deepEqual(await weights(page), ['56', '24', '20']);
  await app(page, '[data-testid="undo"]').click();
  assert.deepEqual(await weights(page), ['60', '25', '15']);

  // From the keyboard: → on "Customer visits" is 16, and 84 for 60 and 25: 59.29 and 24.71,
  // so 59 and 25; four more presses rebalance from where the keys began (56, 24, 20, as the
  // drag above); Ctrl+Z with the slider focused undoes them (one step, as a typed field's).
  await app(page, '[data-lever="scorecards[0].kpis[2].weight"]').focus();
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await weights(page), ['59', '25', '16']);
  assert.equal(await app(page, '[data-lever="scorecards[0].kpis[2].weight"]').getAttribute('aria-valuetext'), '16 of 100');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  assert.deepEqual(await weights(page), ['56', '24', '20']);
  await page.keyboard.press('Control+z');
  assert.deepEqual(await weights(page), ['60', '25', '15']);

  // A drag paused for more than a second is still one undo step; two sliders moved one after
  // the other within a second are two.
  await app(page, '[data-lever="scorecards[0].kpis[0].weight"]').evaluate(async (input) => {
    for (const v of ['55', '50']) {
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await new Promise((ok) => setTimeout(ok, 1200));
    }
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  });
  // 60 / 25 / 15 → the first at 50: 50 for 25 and 15, 31.25 and 18.75: 31 and 19. Then the
  // second at 30: 70 for 50 and 19 (of 69), 50.72 and 19.28: 51 and 19.
  await drag(page, 'scorecards[0].kpis[1].weight', [30]);
  assert.deepEqual(await weights(page), ['51', '30', '19']);
  await app(page, '[data-testid="undo"]').click();
  assert.deepEqual(await weights(page), ['50', '31', '19']);
  await app(page, '[data-testid="undo"]').click();
  assert.deepEqual(await weights(page), ['60', '25', '15']);

  // A touch drag the browser cancels (no change event) leaves no stale start behind: the next
  // slider rebalances from the weights as they are then. 100 / 0 / 0, then the second to 10: 90 / 10 / 0.
  await app(page, '[data-lever="scorecards[0].kpis[0].weight"]').evaluate((input) => {
    input.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    input.value = '100';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new PointerEvent('pointercancel', { bubbles: true, composed: true }));
  });
  assert.deepEqual(await weights(page), ['100', '0', '0']);
  // Two equal weights are kept equal in tenths where whole units would split them (28 and 27):
  // the first to 45 leaves 55 for two at 0, 27.5 each; their sliders stand at 27.5.
  await drag(page, 'scorecards[0].kpis[0].weight', [45]);
  assert.deepEqual(await weights(page), ['45', '27.5', '27.5']);
  assert.deepEqual(await app(page, '[data-lever-group="weights"] input[type="range"]').evaluateAll((els) => els.map((e) => e.value)), ['45', '27.5', '27.5']);
  await app(page, '[data-testid="undo"]').click();
  assert.deepEqual(await weights(page), ['100', '0', '0']);
  await drag(page, 'scorecards[0].kpis[1].weight', [10]);
  assert.deepEqual(await weights(page), ['90', '10', '0']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rate slider moves its tier; "Undo the sliders" goes back to the plan before the first of them', async () => {
  const { page, context, errors } = await openWhatIf();
  const levers = app(page, '[data-lever-group="commission[0]"]');
  assert.match(await levers.locator('legend').textContent(), /Rates · Commission on collected revenue/);
  assert.deepEqual(await levers.locator('.lever-name').allTextContents(), ['Tier 1 · from\u00a00%\u00a0of\u00a0target', 'Tier 2 · from\u00a0100%\u00a0of\u00a0target', 'Tier 3 · from\u00a0120%\u00a0of\u00a0target']);
  // Rates 3, 4 and 5 %: the sliders reach 10 %, in tenths.
  const tier2 = app(page, '[data-lever="commission[0].tiers[1].rate_pct"]');
  assert.deepEqual([await tier2.getAttribute('max'), await tier2.getAttribute('step')], ['10', '0.1']);
  assert.equal(await app(page, '[data-testid="undo-levers"]').count(), 0);

  // Pinned from the panel itself (the toolbar's button just below it is not shown twice);
  // the line under the sliders then tells the move's effect.
  assert.equal(await app(page, '[data-testid="pin-baseline"]').count(), 0);
  await app(page, '[data-testid="levers-pin"]').click();
  assert.equal(await app(page, '[data-testid="levers-pin"]').count(), 0);
  await drag(page, 'commission[0].tiers[1].rate_pct', [5, 5.5, 6.5]);
  // A tick on the track marks the baseline's 4%, and the slider says it.
  const baselineTick = await tier2.evaluate((input) => [...(input.list?.options ?? [])].map((o) => o.value));
  assert.deepEqual(baselineTick, ['4']);
  assert.equal(await tier2.getAttribute('aria-valuetext'), '6.5%, baseline 4');
  assert.equal(await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').inputValue(), '6.5');
  const plan = preset('saas-target');
  plan.commission[0].tiers[1].rate_pct = '6.5';
  await assertShows(page, plan, 'tier 2 at 6.5%');
  // Against the pinned plan: the cost change is the engine's.
  const cost = (Number(expected(plan).totals.total_pay) - Number(expected(preset('saas-target')).totals.total_pay)).toFixed(2);
  await eventually(() => app(page, '[data-col="delta-total"]').textContent().then((t) => t.replaceAll(',', '').replace(/^\+/, '')), cost, 'cost change');
  const c = engineComparison(preset('saas-target'), plan);
  const effect = await app(page, '[data-testid="lever-effect"]').textContent();
  assert.ok(effect.replaceAll(',', '').includes(`vs baseline +${cost}`), effect);
  assert.ok(effect.includes(`paid more ${c.gainers} · less ${c.losers}`) && effect.includes(`grade changed ${c.grade_changes}`), effect);

  // A weight too, then a typed edit: the sliders' way back is to before the first slider.
  await drag(page, 'scorecards[0].kpis[0].weight', [50]);
  assert.deepEqual(await weights(page), ['50', '31', '19']);
  await app(page, '[data-testid="undo-levers"]').click();
  assert.deepEqual(await weights(page), ['60', '25', '15']);
  assert.equal(await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').inputValue(), '4');
  assert.equal(await app(page, '[data-testid="undo-levers"]').count(), 0);
  await assertShows(page, preset('saas-target'), 'back to the preset');
  // One undo step: Ctrl+Z brings the sliders' plan back.
  await page.keyboard.press('Control+z');
  assert.deepEqual(await weights(page), ['50', '31', '19']);
  // A typed rate and that tier's slider moved within a second: two undo steps.
  await app(page, '[data-path="commission[0].tiers[2].rate_pct"]').fill('5.5');
  await drag(page, 'commission[0].tiers[2].rate_pct', [7]);
  await app(page, '[data-testid="undo"]').click();
  assert.equal(await app(page, '[data-path="commission[0].tiers[2].rate_pct"]').inputValue(), '5.5');
  await app(page, '[data-testid="undo"]').click();
  assert.equal(await app(page, '[data-path="commission[0].tiers[2].rate_pct"]').inputValue(), '5');

  // Once another edit is made, the sliders' way back starts from it.
  await app(page, '[data-path="scorecards[0].kpis[1].target"]').fill('9');
  assert.equal(await app(page, '[data-testid="undo-levers"]').count(), 0);
  await drag(page, 'commission[0].tiers[0].rate_pct', [2]);
  await app(page, '[data-testid="undo-levers"]').click();
  assert.equal(await app(page, '[data-path="scorecards[0].kpis[1].target"]').inputValue(), '9');
  assert.equal(await app(page, '[data-path="commission[0].tiers[0].rate_pct"]').inputValue(), '3');
  assert.deepEqual(await weights(page), ['50', '31', '19']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the weight sliders follow the card open in the editor and move within a KPI\'s category, in Chinese too; weights that are not numbers cannot be moved', async () => {
  const { page, context, errors } = await openWhatIf('target-oriented', 'zh-CN');
  assert.match(await app(page, '[data-testid="what-if"] summary').textContent(), /假设测算/);
  // The card shown is the editor's, and the panel's own buttons switch both.
  const pressed = () => app(page, '[data-lever-card][aria-pressed="true"]').textContent();
  assert.equal(await pressed(), '新客户销售岗');
  await app(page, 'button[data-card="account_manager"]').click();
  assert.equal(await pressed(), '老客户维护岗');
  await app(page, '[data-lever-card="regional_manager"]').click();
  assert.equal(await app(page, 'button[data-card="regional_manager"]').getAttribute('aria-selected'), 'true');
  await app(page, '[data-lever-card="account_manager"]').click();
  // The account manager's card: 11 KPIs in three categories. Repurchase (30) to 40 takes its
  // room from the other results KPIs alone, 20 and 15: 25 for them is 14.29 and 10.71, so 14
  // and 11; the category keeps its 65 (of 60–70), the others are as they were.
  assert.equal(await app(page, '[data-lever-group="weights"] input').count(), 14); // 11 KPIs, 3 categories
  assert.deepEqual(await app(page, '.category-lever .lever-name').allTextContents(), ['结果指标 60–70%', '行为指标 20–30%', '能力指标 10–20%']);
  assert.deepEqual(await app(page, '.category-lever output').allTextContents(), ['65', '20', '15']);
  assert.deepEqual(await app(page, '[data-lever-group="commission[0]"] .lever-name').allTextContents(), ['第 1 档 · 达成率\u00a00%\u00a0起', '第 2 档 · 达成率\u00a0100%\u00a0起', '第 3 档 · 达成率\u00a0120%\u00a0起']);
  const card = () => app(page, '[data-path^="scorecards[1].kpis["][data-path$="].weight"]').evaluateAll((els) => els.map((e) => e.value));
  await drag(page, 'scorecards[1].kpis[0].weight', [40]);
  assert.deepEqual(await card(), ['40', '14', '11', '6', '6', '4', '4', '4', '4', '3', '4']);
  assert.equal(await app(page, '[data-testid="plan-errors"]').count(), 0);
  assert.equal(await app(page, 'tr.category[data-category="results"] [data-testid="category-sum"]').textContent(), '65');
  // Every weight slider of the card is on one scale, the card's total, so their thumbs compare;
  // past its category's total a KPI stops at it.
  const maxes = await app(page, '[data-lever-group="weights"] input').evaluateAll((els) => els.map((e) => e.max));
  assert.deepEqual([...new Set(maxes)], ['100']);
  await drag(page, 'scorecards[1].kpis[0].weight', [90]);
  assert.deepEqual((await card()).slice(0, 3), ['65', '0', '0']);
  await app(page, '[data-testid="undo"]').click();
  assert.match(await app(page, '[data-lever-group="weights"] > p.hint').textContent(), /同类别其余指标按比例变动/);
  const plan = preset('target-oriented');
  [40, 14, 11].forEach((w, i) => (plan.scorecards[1].kpis[i].weight = w));
  await assertShows(page, plan, 'repurchase at 40');

  // An emptied weight: the sliders wait for it, and say so.
  await app(page, '[data-path="scorecards[1].kpis[1].weight"]').fill('');
  assert.equal(await app(page, '[data-lever="scorecards[1].kpis[0].weight"]').isDisabled(), true);
  assert.match(await app(page, '[data-lever-group="weights"] > p.hint').textContent(), /每个权重都填为数字后/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a grade band\'s slider moves its minimum score between its neighbours\'; the grades are the engine\'s', async () => {
  const { page, context, errors } = await openWhatIf();
  // SaaS quick start: S from 90, A from 80, B from 70, on one scale of 0–150; A is held
  // between 71 and 89.
  const a = app(page, '[data-lever="grades.bands[1].min_score"]');
  assert.deepEqual([await a.getAttribute('min'), await a.getAttribute('max')], ['0', '150']);
  assert.deepEqual(await app(page, '[data-lever-group="grades"] .lever-name').allTextContents(), ['S from', 'A from', 'B from']);
  await drag(page, 'grades.bands[1].min_score', [120]);
  assert.equal(await app(page, '[data-path="grades.bands[1].min_score"]').inputValue(), '89');
  assert.equal(await a.inputValue(), '89');
  await drag(page, 'grades.bands[1].min_score', [40]);
  assert.equal(await app(page, '[data-path="grades.bands[1].min_score"]').inputValue(), '71');
  await app(page, '[data-testid="undo"]').click();
  await app(page, '[data-testid="undo"]').click();
  assert.equal(await app(page, '[data-path="grades.bands[1].min_score"]').inputValue(), '80');
  await drag(page, 'grades.bands[0].min_score', [92, 95]);
  assert.equal(await app(page, '[data-path="grades.bands[0].min_score"]').inputValue(), '95');
  const plan = preset('saas-target');
  plan.grades.bands[0].min_score = 95;
  const counts = await app(page, '[data-testid="grade-counts"] .badge').allTextContents();
  assert.deepEqual(counts.map((c) => c.replace(/[+−]$/, '')), expected(plan).totals.grades.map((g) => `${g.grade} ${g.reps}`));
  await assertShows(page, plan, 'S from 95');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the sliders follow the plan: a minimum typed in tenths, a normalised card\'s shares, grades by rank', async () => {
  const { page, context, errors } = await openWhatIf();
  // A's minimum typed as 85.5: the bands' sliders step in tenths, and S's stays at 90.
  await app(page, '[data-path="grades.bands[1].min_score"]').fill('85.5');
  const s = app(page, '[data-lever="grades.bands[0].min_score"]');
  assert.deepEqual([await s.getAttribute('step'), await s.inputValue()], ['0.1', '90']);
  await s.focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await app(page, '[data-path="grades.bands[0].min_score"]').inputValue(), '89.9');

  // The role cards as first written: weights adding to 120, scaled to 100. A category's slider
  // reads in the card's own weights, as its KPIs do (results 30 + 25 + 15 = 70), and its share
  // as the editor shows it beside its name (70 of 120 is 58.33%).
  await app(page, 'select[data-testid="preset"]').selectOption('seed-003-role-cards');
  assert.deepEqual(await app(page, '.category-lever output').allTextContents(), ['70', '30', '20']);
  const editor = await app(page, 'tr.category [data-testid="category-sum"]').allTextContents();
  assert.deepEqual(await app(page, '.category-lever .lever-name .hint').allTextContents(), editor.map((share) => `now ${share}%`));
  assert.ok(editor.includes('58.33'), editor.join());
  assert.match(await app(page, '[data-lever-group="weights"] > p.hint').textContent(), /moving a category \(in bold\) moves the other categories/);

  // Grades by rank (an enforced distribution): the band sliders are off, and say why.
  await app(page, 'select[data-testid="preset"]').selectOption('balanced-scorecard');
  assert.equal(await app(page, '[data-lever="grades.bands[0].min_score"]').isDisabled(), true);
  assert.match(await app(page, '[data-lever-group="grades"] .hint').textContent(), /Grades go by rank here/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a category\'s share slider: the other categories take what is left within their ranges, and its KPIs scale with it', async () => {
  const { page, context, errors } = await openWhatIf('target-oriented');
  const card = () => app(page, '[data-path^="scorecards[0].kpis["][data-path$="].weight"]').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(await card(), ['30', '20', '15', '6', '6', '4', '4', '4', '4', '3', '4']);
  // Results 65 → 68: behaviour would fall below 20 in proportion, so it stays at 20 and
  // ability takes 12; each category's KPIs scale to their total (worked out in levers.test.mjs).
  await drag(page, 'scorecards[0].kpis#results', [66, 67, 68]);
  assert.deepEqual(await card(), ['31', '21', '16', '6', '6', '4', '4', '3', '3', '3', '3']);
  assert.deepEqual(await app(page, 'tr.category [data-testid="category-sum"]').allTextContents(), ['68', '20', '12']);
  assert.equal(await app(page, '[data-testid="plan-errors"]').count(), 0);
  const plan = preset('target-oriented');
  [31, 21, 16, 6, 6, 4, 4, 3, 3, 3, 3].forEach((w, i) => (plan.scorecards[0].kpis[i].weight = w));
  await assertShows(page, plan, 'results at 68');
  // Past its range the share stops at it: 70, the others at 20 and 10.
  await drag(page, 'scorecards[0].kpis#results', [90]);
  assert.deepEqual(await app(page, '.category-lever output').allTextContents(), ['70', '20', '10']);
  assert.equal(await app(page, '[data-lever="scorecards[0].kpis#results"]').inputValue(), '70');
  // Pushed past it again, nothing changes and no undo step is made: one undo goes back to 68,
  // a second to the preset.
  await drag(page, 'scorecards[0].kpis#results', [95]);
  await app(page, '[data-testid="undo"]').click();
  assert.deepEqual(await card(), ['31', '21', '16', '6', '6', '4', '4', '3', '3', '3', '3']);
  await app(page, '[data-testid="undo"]').click();
  assert.deepEqual(await card(), ['30', '20', '15', '6', '6', '4', '4', '4', '4', '3', '4']);
  // Moved three times, one drag after another, results at 65 again has its KPIs at 30, 20
  // and 15 again: they keep the proportions from before the first slider, not the last
  // move's rounding (from each move's own: 28 18 14, 33 21 16, then 31 19 15).
  for (const to of [60, 70, 65]) await drag(page, 'scorecards[0].kpis#results', [to]);
  assert.deepEqual((await card()).slice(0, 3), ['30', '20', '15']);
  assert.deepEqual(errors, []);
  await context.close();
});
