// The "What if" sliders' arithmetic: a moved weight's room taken from (or given to) the others
// in proportion, to the unit, and the scale of a line's rate sliders. Hand-worked cases, then
// properties over random cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandRange, bandTop, rateMax, rebalance } from '../../www/src/levers.js';

test('a moved weight takes its room from the others in proportion, the units left over going to the largest remainders', () => {
  // 25 → 40: 60 left for 60 and 15 (of 75): 48 and 12 exactly.
  assert.deepEqual(rebalance([60, 25, 15], 1, '40'), [48, 40, 12]);
  // 25 → 33: 67 for them: 53.6 and 13.4, so 53 + 13 and the last unit to the .6: 54.
  assert.deepEqual(rebalance([60, 25, 15], 1, 33), [54, 33, 13]);
  // 15 → 20: 80 for 60 and 25 (of 85): 56.47 and 23.53: 56 + 23, and 24 for the .53.
  assert.deepEqual(rebalance([60, 25, 15], 2, '20'), [56, 24, 20]);
  // Equal remainders: the first KPI takes the unit. 10 → 0: 100 for 45 and 45: 50 each.
  assert.deepEqual(rebalance([45, 45, 10], 2, 0), [50, 50, 0]);
  assert.deepEqual(rebalance([30, 30, 30, 10], 3, 9), [31, 30, 30, 9]);
});

test('others all at 0 share the room equally; a value past the total is held at it', () => {
  assert.deepEqual(rebalance([100, 0, 0], 0, 40), [40, 30, 30]);
  assert.deepEqual(rebalance([100, 0, 0, 0], 0, 99), [99, 1, 0, 0]);
  assert.deepEqual(rebalance([60, 25, 15], 0, 150), [100, 0, 0]);
  // Below 0 is 0: 100 for 25 and 15 (of 40), 62.5 and 37.5; the tie's unit to the first.
  assert.deepEqual(rebalance([60, 25, 15], 0, -5), [0, 63, 37]);
});

test('weights written with decimals are moved in units of the finest one, and written back as decimal text', () => {
  // Tenths: 12.5 → 20: 80.0 for 37.5 and 50 (of 87.5): 34.28… and 45.71…: 34.2 + 45.7, and the
  // tenth left over to the larger remainder (.857 against .142): 34.3.
  assert.deepEqual(rebalance(['12.5', 37.5, 50], 0, '20'), ['20', '34.3', '45.7']);
  // The total stays what it was, here 120 (a card whose weights are normalised).
  assert.deepEqual(rebalance([60, 30, 30], 0, 30), [30, 45, 45]);
  // Hundredths at most: a slider value of 33.333 is held to 33.33.
  assert.deepEqual(rebalance(['50.25', '49.75'], 0, '33.333'), ['33.33', '66.67']);
});

test('weights that are not all numbers, a negative one or a single KPI are not moved', () => {
  assert.equal(rebalance([60, '', 40], 0, 50), null);
  assert.equal(rebalance([60, 'abc', 40], 0, 50), null);
  assert.equal(rebalance([60, -10, 50], 0, 50), null);
  assert.equal(rebalance([100], 0, 50), null);
  assert.equal(rebalance([60, 40], 0, ''), null);
});

test('property: any move keeps the total, and each other weight within a unit of its exact share', () => {
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let round = 0; round < 2000; round++) {
    const weights = Array.from({ length: 2 + random(10) }, () => random(4) === 0 ? 0 : random(60));
    const k = random(weights.length);
    const value = random(130);
    const next = rebalance(weights, k, value);
    const total = weights.reduce((a, b) => a + b, 0);
    assert.equal(next.reduce((a, b) => a + b, 0), total, `${weights} ${k} ${value}`);
    assert.equal(next[k], Math.min(total, value));
    const room = total - next[k];
    const was = total - weights[k];
    const others = weights.length - 1;
    next.forEach((w, i) => {
      if (i === k) return;
      const exact = was === 0 ? room / others : (room * weights[i]) / was;
      assert.ok(Number.isInteger(w) && w >= Math.floor(exact) && w <= Math.ceil(exact), `${weights} ${k} ${value}: ${next}`);
    });
  }
});

test('a line\'s rate sliders reach at least twice its highest rate, on a round scale', () => {
  assert.equal(rateMax([3, 4, 5]), 10);
  assert.equal(rateMax(['3']), 10);
  assert.equal(rateMax([2, '2.5']), 5);
  assert.equal(rateMax([0]), 5);
  assert.equal(rateMax(['', 'x']), 5);
  assert.equal(rateMax([12]), 50);
  assert.equal(rateMax([30]), 100);
  assert.equal(rateMax([600]), 1200);
});

test('a grade band\'s minimum moves between its neighbours\', a step inside each', () => {
  // S 90, A 80, B 70 (C has none): S from 81 to the top, A from 71 to 89, B from 0 to 79.
  assert.deepEqual(bandRange([90, 80, 70], 0, 1, 150), [81, 150]);
  assert.deepEqual(bandRange([90, 80, 70], 1, 1, 150), [71, 89]);
  assert.deepEqual(bandRange([90, 80, 70], 2, 1, 150), [0, 79]);
  // In tenths, without a float's tail (80 + 0.1 is 80.1, not 80.10000000000001).
  assert.deepEqual(bandRange([90.5, 80, 70.2], 1, 0.1, 150), [70.3, 90.4]);
  assert.deepEqual(bandRange([60], 0, 1, 150), [0, 150]);
  assert.equal(bandTop(90), 150);
  assert.equal(bandTop(140), 200);
  assert.equal(bandTop(0), 150);
});
