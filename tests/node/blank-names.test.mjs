// Plans an earlier page saved with blank names (www/src/blank-names.js): mended as a stored
// session, a share link or a baseline is restored, since the engine now refuses them, at the
// paths the engine's own check gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { withoutBlankNames } from '../../www/src/blank-names.js';
import { setIn } from '../../www/src/plan-path.js';

const engine = createRequire(import.meta.url)('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');
const preset = JSON.parse(presets().find((p) => p.id === 'target-oriented').json);
/** The engine's problems with `plan`. */
const problemsOf = (plan) => sampleEngine(engine.Engine).setPlan(JSON.stringify(plan)).problems;
/** The preset with every path of `blanks` blank ("", spaces). */
const blanked = (blanks) => blanks.reduce((plan, path, n) => setIn(plan, path, ['', ' ', '\u3000'][n % 3]), preset);

test('blank labels are left out and blank required names take the item\'s id (the plan\'s, the name given); the plan passed is left as it is', () => {
  const plan = blanked([
    'name', 'name_zh', 'metrics[0].name', 'targets[0].name', 'categories[0].name', 'scorecards[0].name',
    'scorecards[0].kpis[0].name', 'scorecards[0].kpis[0].name_zh', 'points.items[0].name', 'commission[0].name', 'commission[0].name_zh',
    'base_pay.allowances[0].name', 'bonuses[0].name', 'signals.alerts[0].name', 'signals.alerts[0].rule.metric_name', 'signals.alerts[0].rule.metric_name_zh',
    'signals.improvement_plans[0].metric_name',
  ]);
  const before = structuredClone(plan);
  const { plan: mended, mended: count } = withoutBlankNames(plan, problemsOf(plan), 'SaaS quick start');
  assert.deepEqual(plan, before, 'not changed in place');
  assert.equal(count, 17);
  assert.deepEqual(problemsOf(mended), [], 'the engine takes it');
  const { name, formula } = preset.metrics[0];
  assert.deepEqual([mended.name, 'name_zh' in mended], ['SaaS quick start', false]);
  assert.deepEqual(mended.metrics[0], { id: preset.metrics[0].id, name_zh: preset.metrics[0].name_zh, formula }, `${name} left out`);
  assert.equal('name' in mended.targets[0], false);
  assert.equal(mended.categories[0].name, 'results');
  assert.equal('name' in mended.scorecards[0], false);
  assert.deepEqual([mended.scorecards[0].kpis[0].name, 'name_zh' in mended.scorecards[0].kpis[0]], ['new_customer_revenue', false]);
  assert.equal(mended.points.items[0].name, 'big_contract');
  assert.deepEqual([mended.commission[0].name, 'name_zh' in mended.commission[0]], [preset.commission[0].id, false]);
  assert.equal(mended.base_pay.allowances[0].name, 'transport');
  assert.equal(mended.bonuses[0].name, preset.bonuses[0].id);
  assert.equal(mended.signals.alerts[0].name, 'followup_drop');
  assert.deepEqual(mended.signals.alerts[0].rule, { type: 'drop', metric: 'followup_rate', by: 15 });
  assert.equal('metric_name' in mended.signals.improvement_plans[0], false);
});

test('only the names the engine finds blank are mended: a blank one it does not name is left as it is', () => {
  const plan = blanked(['commission[0].name', 'bonuses[0].name']);
  const { plan: mended, mended: count } = withoutBlankNames(plan, problemsOf(plan).filter((p) => p.path !== 'bonuses[0].name'));
  assert.equal(count, 1);
  assert.deepEqual([mended.commission[0].name, mended.bonuses[0].name], [preset.commission[0].id, ' ']);
});

test('a plan with no blank name comes back equal, nothing mended; the plan\'s name falls back to "Plan"', () => {
  assert.deepEqual(problemsOf(preset), []);
  assert.deepEqual(withoutBlankNames(preset, []), { plan: preset, mended: 0 });
  const plan = blanked(['name']);
  assert.deepEqual(withoutBlankNames(plan, problemsOf(plan)).plan.name, 'Plan');
});
