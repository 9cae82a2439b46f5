// Plans an earlier page saved with blank names (www/src/blank-names.js): mended as a stored
// session, a share link or a baseline is restored, since the engine now refuses them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutBlankNames } from '../../www/src/blank-names.js';

test('blank labels are left out and blank required names take the item\'s id (the plan\'s, the name given); the plan passed is left as it is', () => {
  const plan = {
    name: '', name_zh: ' ',
    metrics: [{ id: 'm1', name: '', formula: 'a' }],
    targets: [{ id: 'target_1', name: '  ', name_zh: '目标', default: 1 }],
    categories: [{ id: 'sales', name: '', weight: 100 }],
    scorecards: [{ id: 'all', name: '', kpis: [{ id: 'rev', name: '', name_zh: '' }, { id: 'calls', name: 'Calls' }] }],
    points: { items: [{ id: 'demo', name: ' ' }] },
    commission: [{ id: 'line', name: '', name_zh: '', tiers: [] }],
    base_pay: { allowances: [{ id: 'meal', name: '' }] },
    bonuses: [{ id: 'b1', name: '', name_zh: '奖金' }],
    signals: { alerts: [{ id: 'drop', name: '', rule: { type: 'drop', metric: 'x', metric_name: '', metric_name_zh: ' ' } }], improvement_plans: [{ rep: 'E01', metric_name: '' }] },
  };
  const before = structuredClone(plan);
  const { plan: mended, mended: count } = withoutBlankNames(plan, 'SaaS quick start');
  assert.deepEqual(plan, before, 'not changed in place');
  assert.equal(count, 17);
  assert.deepEqual([mended.name, 'name_zh' in mended], ['SaaS quick start', false]);
  assert.deepEqual(mended.metrics[0], { id: 'm1', formula: 'a' });
  assert.deepEqual(mended.targets[0], { id: 'target_1', name_zh: '目标', default: 1 });
  assert.equal(mended.categories[0].name, 'sales');
  assert.deepEqual(mended.scorecards[0], { id: 'all', kpis: [{ id: 'rev', name: 'rev' }, { id: 'calls', name: 'Calls' }] });
  assert.equal(mended.points.items[0].name, 'demo');
  assert.deepEqual(mended.commission[0], { id: 'line', name: 'line', tiers: [] });
  assert.equal(mended.base_pay.allowances[0].name, 'meal');
  assert.deepEqual(mended.bonuses[0], { id: 'b1', name: 'b1', name_zh: '奖金' });
  assert.deepEqual(mended.signals.alerts[0], { id: 'drop', name: 'drop', rule: { type: 'drop', metric: 'x' } });
  assert.deepEqual(mended.signals.improvement_plans[0], { rep: 'E01' });
});

test('a plan with no blank name comes back equal, nothing mended; the plan\'s name falls back to "Plan"', () => {
  const plan = { name: 'Q4', name_zh: '四季度', commission: [{ id: 'l', name: 'Line' }], scorecards: [] };
  assert.deepEqual(withoutBlankNames(plan), { plan, mended: 0 });
  assert.deepEqual(withoutBlankNames({ name: '' }), { plan: { name: 'Plan' }, mended: 1 });
});
