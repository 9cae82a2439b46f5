// Editing a plan by the engine's field paths: parts the plan does not have yet are created.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setIn, getIn } from '../../www/src/plan-path.js';

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
