// Editing a plan by the engine's field paths: parts the plan does not have yet are created; new ids and removed items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setIn, getIn, freeId, withoutItem } from '../../www/src/plan-path.js';

test('setting a field under a part the plan lacks creates the part; the plan given is not changed', () => {
  const plan = { commission: [{ id: 'c', tiers: [] }] };
  const next = setIn(plan, 'commission[0].grade_multipliers.S', '1.5');
  assert.deepEqual(next.commission[0].grade_multipliers, { S: '1.5' });
  assert.equal(plan.commission[0].grade_multipliers, undefined);
  assert.deepEqual(setIn({}, 'bonuses[0].rule.amount', '5')?.bonuses, [{ rule: { amount: '5' } }]);
  assert.equal(getIn(next, 'commission[0].grade_multipliers.S'), '1.5');
  // Removing a field under a missing part changes nothing.
  assert.deepEqual(setIn(plan, 'commission[0].grade_multipliers.S', undefined), plan);
});

test('freeId takes the first prefix_N a list does not hold; withoutItem leaves no empty list', () => {
  assert.equal(freeId(new Set(['line_1', 'line_3']), 'line'), 'line_2');
  assert.equal(freeId(new Set(['kpi_4']), 'kpi', 4), 'kpi_5');
  assert.equal(freeId(new Set(), 'target'), 'target_1');
  assert.deepEqual(withoutItem(['a', 'b', 'c'], 1), ['a', 'c']);
  assert.equal(withoutItem(['a'], 0), undefined);
});
