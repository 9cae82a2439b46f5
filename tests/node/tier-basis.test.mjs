// A commission line's tier basis switched between % of target and amounts (www/src/tier-basis.js):
// bounds converted exactly at a fixed target, or kept and marked to be entered again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundsToEnter, convertedBound, fixedTarget, markOf, markWithout, switchedTiers } from '../../www/src/tier-basis.js';

const tiers = (...bounds) => bounds.map((from, n) => ({ from, rate_pct: 3 + n }));
const bounds = (list) => list.map((t) => t.from);

test('a line target is fixed when it is one number above zero, however written', () => {
  assert.equal(fixedTarget('1000000'), '1000000');
  assert.equal(fixedTarget('1,000,000'), '1000000');
  assert.equal(fixedTarget('100万'), '1000000');
  assert.equal(fixedTarget(850000.5), '850000.5');
  for (const target of ['revenue_target', 'revenue_target * 1.2', 'target_1', '0', '-5', '', undefined, null]) assert.equal(fixedTarget(target), null, String(target));
});

test('a bound converted at a fixed target: p% is p / 100 × target, an amount is amount / target × 100, exactly', () => {
  // As floats: 1280200.0000000002, 1333579.2733999998 and 128.01999999999998.
  assert.equal(convertedBound('128.02', '1000000', 'amount'), '1280200');
  assert.equal(convertedBound('108.02', '1234567', 'amount'), '1333579.2734');
  assert.equal(convertedBound('1280200', '1000000', 'attainment_pct'), '128.02');
  assert.equal(convertedBound('1333579.2734', '1234567', 'attainment_pct'), '108.02');
  // Not a whole ten-thousandth of a percent: rounded to 4 places.
  assert.equal(convertedBound('1333333', '1000000', 'attainment_pct'), '133.3333');
  assert.equal(convertedBound('2', '3', 'attainment_pct'), '66.6667');
});

test('switched at a fixed target, every bound is converted (0 stays 0) and none is marked; there and back is where it started', () => {
  const pct = tiers(0, 100, 128.02);
  const amount = switchedTiers(pct, '1000000', 'amount');
  assert.deepEqual(bounds(amount.tiers), [0, 1000000, 1280200]);
  assert.deepEqual([...amount.again], []);
  assert.deepEqual(amount.tiers.map((t) => t.rate_pct), [3, 4, 5], 'rates untouched');
  const back = switchedTiers(amount.tiers, '1,000,000', 'attainment_pct');
  assert.deepEqual(bounds(back.tiers), [0, 100, 128.02]);
  // Bounds written as text: read as numbers; a result beyond what a JSON number keeps stays decimal text
  // (33.3333% of 123,456,789,012 = 4,115,222,185,173.6996 / 100).
  assert.deepEqual(bounds(switchedTiers(tiers('0', '1333579.2734'), '1234567', 'attainment_pct').tiers), ['0', 108.02]);
  assert.deepEqual(bounds(switchedTiers(tiers('0.00', '33.3333'), '123456789012', 'amount').tiers), ['0.00', '41152221851.736996']);
});

test('switched at a formula target, the bounds keep their figures and those above 0 are marked; switched back, those marked are right again and those entered since are marked', () => {
  const pct = tiers(0, 100, 120);
  const amount = switchedTiers(pct, 'revenue_target', 'amount');
  assert.deepEqual(bounds(amount.tiers), [0, 100, 120]);
  assert.deepEqual([...amount.again], [1, 2]);
  const mark = markOf('amount', amount.tiers, amount.again);
  assert.deepEqual(mark, { basis: 'amount', bounds: { 1: '100', 2: '120' } });
  const line = { tier_basis: 'amount', target: 'revenue_target', tiers: amount.tiers };
  assert.deepEqual([...boundsToEnter(line, mark)], [1, 2]);
  // Straight back: nothing to enter again.
  const back = switchedTiers(line.tiers, line.target, 'attainment_pct', boundsToEnter(line, mark));
  assert.deepEqual([bounds(back.tiers), [...back.again]], [[0, 100, 120], []]);
  assert.equal(markOf('attainment_pct', back.tiers, back.again), null);
  // Bound 1 entered as an amount: back in percent, it is the one to enter again.
  const entered = { ...line, tiers: line.tiers.map((t, n) => (n === 1 ? { ...t, from: 1000000 } : t)) };
  const enteredMark = markWithout(mark, 1);
  assert.deepEqual([...boundsToEnter(entered, enteredMark)], [2]);
  const again = switchedTiers(entered.tiers, entered.target, 'attainment_pct', boundsToEnter(entered, enteredMark));
  assert.deepEqual([bounds(again.tiers), [...again.again]], [[0, 1000000, 120], [1]]);
  // At a fixed target instead, the bound entered is converted and the one still marked kept.
  const fixed = switchedTiers(entered.tiers, '1000000', 'attainment_pct', boundsToEnter(entered, enteredMark));
  assert.deepEqual([bounds(fixed.tiers), [...fixed.again]], [[0, 100, 120], []]);
});

test('a mark holds while its bound keeps the figure of the switch and the basis is the one switched to', () => {
  const mark = { basis: 'amount', bounds: { 1: '100', 2: '120' } };
  assert.deepEqual([...boundsToEnter({ tier_basis: 'amount', tiers: tiers(0, 100, 120) }, mark)], [1, 2]);
  assert.deepEqual([...boundsToEnter({ tier_basis: 'amount', tiers: tiers(0, 100, 150) }, mark)], [1], 'changed otherwise (the JSON editor)');
  assert.deepEqual([...boundsToEnter({ tier_basis: 'attainment_pct', tiers: tiers(0, 100, 120) }, mark)], [], 'the switch undone');
  assert.deepEqual([...boundsToEnter({ tier_basis: 'amount', tiers: tiers(0, 100, 120) }, null)], []);
  // A tier removed: the marks after it move up; the last one entered: no mark left.
  assert.deepEqual(markWithout(mark, 1, true), { basis: 'amount', bounds: { 1: '120' } });
  assert.deepEqual(markWithout(mark, 0, true), { basis: 'amount', bounds: { 0: '100', 1: '120' } });
  assert.equal(markWithout(markWithout(mark, 1), 2), null);
  assert.equal(markWithout(null, 1), null);
});
