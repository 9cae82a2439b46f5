// Undo and redo of plan edits, and the share-link encoding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { History } from '../../www/src/history.js';
import { encodeScenario, decodeScenario } from '../../www/src/share.js';

test('keystrokes in one field are one step; undo and redo walk the steps', () => {
  const h = new History();
  h.record({ rate: '3' }, 'rate', 0);
  h.record({ rate: '30' }, 'rate', 200); // same field, 0.2 s later: same step
  h.record({ rate: '3' }, 'cap', 3000);
  assert.deepEqual(h.undo({ rate: '4', cap: 1 }), { rate: '3' });
  assert.deepEqual(h.undo({ rate: '3' }), { rate: '3' });
  assert.equal(h.undo({}), null);
  assert.deepEqual(h.redo({ rate: '3' }), { rate: '3' });
  assert.ok(h.canRedo);
  h.record({ x: 1 }, 'other', 9000); // a new edit drops the redo branch
  assert.ok(!h.canRedo);
});

test('a scenario survives the trip through a link, Chinese text included', async () => {
  const scenario = { plan: { version: 1, name: '方案 A', tiers: [1, 2, 3] }, period: '2026-Q4', lang: 'zh' };
  const hash = await encodeScenario(scenario);
  assert.match(hash, /^#s=[A-Za-z0-9_-]+$/);
  const back = await decodeScenario(hash);
  assert.deepEqual(back, { v: 1, ...scenario });
  assert.equal(await decodeScenario('#other'), null);
  await assert.rejects(decodeScenario('#s=AAAA'));
  const notAPlan = await encodeScenario({ plan: null });
  await assert.rejects(decodeScenario(notAPlan), /not a scenario/);
});
