// A commission line's tier basis switched between % of target and amounts (www/src/tier-basis.js):
// bounds converted at a fixed target (marked to check when rounded), or kept and marked to be entered again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundsToEnter, convertedBound, fixedTarget, markOf, marksIn, markWithout, openMarks, switchedTiers } from '../../www/src/tier-basis.js';

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
  assert.deepEqual(convertedBound('128.02', '1000000', 'amount'), { from: '1280200', exact: true });
  assert.deepEqual(convertedBound('108.02', '1234567', 'amount'), { from: '1333579.2734', exact: true });
  assert.deepEqual(convertedBound('1280200', '1000000', 'attainment_pct'), { from: '128.02', exact: true });
  assert.deepEqual(convertedBound('1333579.2734', '1234567', 'attainment_pct'), { from: '108.02', exact: true });
  // Exact up to 10 places: 1 of 7,812,500 is 0.0000128%; 999,999.6 of 1,000,000 is 99.99996% (not rounded to 100).
  assert.deepEqual(convertedBound('999999.6', '1000000', 'attainment_pct'), { from: '99.99996', exact: true });
  assert.deepEqual(convertedBound('1333333', '1000000', 'attainment_pct'), { from: '133.3333', exact: true });
  assert.deepEqual(convertedBound('1', '7812500', 'attainment_pct'), { from: '0.0000128', exact: true });
});

test('an amount that is no exact percentage of the target is rounded to 4 places, trailing zeros dropped, and said to be inexact', () => {
  // 1,000,000 of 7,000,000 is 14.285714…%: 14.2857% of it is 999,999, not 1,000,000.
  assert.deepEqual(convertedBound('1000000', '7000000', 'attainment_pct'), { from: '14.2857', exact: false });
  assert.deepEqual(convertedBound('2', '3', 'attainment_pct'), { from: '66.6667', exact: false });
  // 2,999,999.99 of 3,000,000 is 99.9999996666…%: 100, not "100.0000".
  assert.deepEqual(convertedBound('2999999.99', '3000000', 'attainment_pct'), { from: '100', exact: false });
});

test('switched at a fixed target, an inexact bound is rounded and marked to check; switched straight back it is the amount it was, unmarked', () => {
  const amounts = tiers(0, 1000000, 2000000);
  const line = { tier_basis: 'attainment_pct', target: '7000000' };
  const pct = switchedTiers(amounts, line.target, 'attainment_pct');
  assert.deepEqual(bounds(pct.tiers), [0, 14.2857, 28.5714]);
  assert.deepEqual([...pct.again], [
    [1, { figure: '14.2857', why: 'rounded', was: '1000000' }],
    [2, { figure: '28.5714', why: 'rounded', was: '2000000' }],
  ]);
  const mark = markOf('attainment_pct', pct.again);
  const pending = boundsToEnter({ ...line, tiers: pct.tiers }, mark);
  assert.deepEqual([...pending.keys()], [1, 2]);
  // Back to amounts: 1,000,000 and 2,000,000 again (not 999,999 and 1,999,998), nothing marked.
  const back = switchedTiers(pct.tiers, line.target, 'amount', pending);
  assert.deepEqual([bounds(back.tiers), back.again.size], [[0, 1000000, 2000000], 0]);
  // Bound 1 checked and typed again: back in amounts it is converted from what was typed (14.2857% is 999,999).
  const typed = { ...line, tiers: pct.tiers.map((t, n) => (n === 1 ? { ...t, from: 14.2857 } : t)) };
  const other = switchedTiers(typed.tiers, line.target, 'amount', boundsToEnter(typed, markWithout(mark, 1)));
  assert.deepEqual([bounds(other.tiers), other.again.size], [[0, 999999, 2000000], 0]);
  // A converted bound ends with no trailing zeros: 100, a JSON number.
  assert.deepEqual(bounds(switchedTiers(tiers(0, 2999999.99), '3000000', 'attainment_pct').tiers), [0, 100]);
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
  assert.deepEqual([...amount.again.keys()], [1, 2]);
  const mark = markOf('amount', amount.again);
  assert.deepEqual(mark, { basis: 'amount', bounds: { 1: { figure: '100', why: 'unconverted' }, 2: { figure: '120', why: 'unconverted' } } });
  const line = { tier_basis: 'amount', target: 'revenue_target', tiers: amount.tiers };
  assert.deepEqual([...boundsToEnter(line, mark).keys()], [1, 2]);
  // Straight back: nothing to enter again.
  const back = switchedTiers(line.tiers, line.target, 'attainment_pct', boundsToEnter(line, mark));
  assert.deepEqual([bounds(back.tiers), [...back.again]], [[0, 100, 120], []]);
  assert.equal(markOf('attainment_pct', back.again), null);
  // Bound 1 entered as an amount: back in percent, it is the one to enter again.
  const entered = { ...line, tiers: line.tiers.map((t, n) => (n === 1 ? { ...t, from: 1000000 } : t)) };
  const enteredMark = markWithout(mark, 1);
  assert.deepEqual([...boundsToEnter(entered, enteredMark).keys()], [2]);
  const again = switchedTiers(entered.tiers, entered.target, 'attainment_pct', boundsToEnter(entered, enteredMark));
  assert.deepEqual([bounds(again.tiers), [...again.again.keys()]], [[0, 1000000, 120], [1]]);
  // At a fixed target instead, the bound entered is converted and the one still marked kept.
  const fixed = switchedTiers(entered.tiers, '1000000', 'attainment_pct', boundsToEnter(entered, enteredMark));
  assert.deepEqual([bounds(fixed.tiers), [...fixed.again]], [[0, 100, 120], []]);
});

test('switched to percent of target on a line with no target, the bounds are marked as having no target to convert at', () => {
  const { tiers: kept, again } = switchedTiers(tiers(0, 500000), undefined, 'attainment_pct');
  assert.deepEqual([bounds(kept), [...again]], [[0, 500000], [[1, { figure: '500000', why: 'noTarget' }]]]);
});

test('a mark holds while its bound keeps the figure of the switch and the basis is the one switched to', () => {
  const m = (figure) => ({ figure, why: 'unconverted' });
  const mark = { basis: 'amount', bounds: { 1: m('100'), 2: m('120') } };
  const marked = (line, record) => [...boundsToEnter(line, record).keys()];
  assert.deepEqual(marked({ tier_basis: 'amount', tiers: tiers(0, 100, 120) }, mark), [1, 2]);
  assert.deepEqual(marked({ tier_basis: 'amount', tiers: tiers(0, 100, 150) }, mark), [1], 'changed otherwise (the JSON editor)');
  assert.deepEqual(marked({ tier_basis: 'attainment_pct', tiers: tiers(0, 100, 120) }, mark), [], 'the switch undone');
  assert.deepEqual(marked({ tier_basis: 'amount', tiers: tiers(0, 100, 120) }, null), []);
  // A tier removed: the marks after it move up; the last one entered: no mark left.
  assert.deepEqual(markWithout(mark, 1, true), { basis: 'amount', bounds: { 1: m('120') } });
  assert.deepEqual(markWithout(mark, 0, true), { basis: 'amount', bounds: { 0: m('100'), 1: m('120') } });
  assert.equal(markWithout(markWithout(mark, 1), 2), null);
  assert.equal(markWithout(null, 1), null);
});

test('a session or a share link keeps the records of the lines with a bound still marked, and reads back only records of that form', () => {
  const line = { id: 'l', tier_basis: 'attainment_pct', target: '7000000', tiers: tiers(0, 14.2857, 120) };
  const mark = { basis: 'attainment_pct', bounds: { 1: { figure: '14.2857', why: 'rounded', was: '1000000' } } };
  const plan = { commission: [line, { ...line, id: 'entered', tiers: tiers(0, 15, 120) }, { ...line, id: 'unmarked' }] };
  const marks = { l: mark, entered: mark, gone: mark };
  assert.deepEqual(openMarks(plan, marks), { l: mark }, 'a bound entered since, or a line removed, is not kept');
  const kept = JSON.parse(JSON.stringify(openMarks(plan, marks)));
  assert.deepEqual(marksIn(kept), { l: mark });
  assert.deepEqual([...boundsToEnter(line, marksIn(kept).l)], [[1, mark.bounds[1]]], 'read back, the bound is marked again');
  for (const bad of [null, 'x', [mark], { l: null }, { l: { ...mark, basis: 'other' } }, { l: { ...mark, bounds: { x: mark.bounds[1] } } }, { l: { ...mark, bounds: { 1: { ...mark.bounds[1], why: 'other' } } } }, { l: { ...mark, bounds: { 1: { ...mark.bounds[1], figure: 14.2857 } } } }]) {
    assert.deepEqual(marksIn(bad), {}, JSON.stringify(bad));
  }
});
