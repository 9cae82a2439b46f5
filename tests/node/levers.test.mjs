// The "What if" sliders' arithmetic: plan figures read as exact decimals, a moved weight's
// room taken from (or given to) the others in proportion, to the unit, and the scales of the
// rate and grade band sliders. Hand-worked cases, then properties over random cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandScale, decimal, rateMax, rebalance, rebalanceGroups, sliderValue, stepOf, withinNeighbours } from '../../www/src/levers.js';

/** A seeded generator of whole numbers below n (a linear congruential one: the same cases every run). */
function seeded(seed) {
  return (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
}

test('plan figures are read as exact decimals, as the engine reads them', () => {
  assert.deepEqual(decimal(12), { units: 12n, places: 0 });
  assert.deepEqual(decimal('12.50'), { units: 1250n, places: 2 });
  assert.deepEqual(decimal(' -3 '), { units: -3n, places: 0 });
  assert.deepEqual(decimal('1.25e1'), { units: 125n, places: 1 });
  assert.deepEqual(decimal('5e2'), { units: 500n, places: 0 });
  assert.deepEqual(decimal('.5'), { units: 5n, places: 1 });
  for (const bad of ['', ' ', 'abc', '0x10', '0b1', '1,000', '--1', '.', null, undefined, {}, '1e-40', '1e400', '1' + '0'.repeat(30)]) assert.equal(decimal(bad), null, String(bad));
});

test('a moved weight takes its room from the others in proportion, the units left over going to the largest remainders', () => {
  // 25 → 40: 60 left for 60 and 15 (of 75): 48 and 12 exactly.
  assert.deepEqual(rebalance([60, 25, 15], 1, '40'), [48, 40, 12]);
  // 25 → 33: 67 for them: 53.6 and 13.4, so 53 + 13 and the last unit to the .6: 54.
  assert.deepEqual(rebalance([60, 25, 15], 1, 33), [54, 33, 13]);
  // 15 → 20: 80 for 60 and 25 (of 85): 56.47 and 23.53: 56 + 23, and 24 for the .53.
  assert.deepEqual(rebalance([60, 25, 15], 2, '20'), [56, 24, 20]);
  // Equal remainders: the first KPI takes the unit.
  assert.deepEqual(rebalance([45, 45, 10], 2, 0), [50, 50, 0]);
  assert.deepEqual(rebalance([30, 30, 30, 10], 3, 9), [31, 30, 30, 9]);
});

test('others all at 0 share the room equally; a value past the total or below 0 is held at it', () => {
  assert.deepEqual(rebalance([100, 0, 0], 0, 40), [40, 30, 30]);
  assert.deepEqual(rebalance([100, 0, 0, 0], 0, 99), [99, 1, 0, 0]);
  assert.deepEqual(rebalance([60, 25, 15], 0, 150), [100, 0, 0]);
  // Below 0 is 0: 100 for 25 and 15 (of 40), 62.5 and 37.5; the tie's unit to the first.
  assert.deepEqual(rebalance([60, 25, 15], 0, -5), [0, 63, 37]);
});

test('weights with decimals are moved in units of the finest one, however fine, and the total stays exact', () => {
  // Tenths: 12.5 → 20: 80.0 for 37.5 and 50 (of 87.5): 34.28… and 45.71…: 34.2 + 45.7, and the
  // tenth left over to the larger remainder (.857 against .142): 34.3.
  assert.deepEqual(rebalance(['12.5', 37.5, 50], 0, '20'), [20, '34.3', '45.7']);
  // Thousandths: 33.333 + 33.333 + 33.334; the first to 40 leaves 60.000 for the others,
  // 29.9997… and 30.0002…: 29.999 + 30.000, and the thousandth to the larger remainder.
  const next = rebalance(['33.333', '33.333', '33.334'], 0, '40');
  assert.deepEqual(next, [40, 30, 30]);
  assert.deepEqual(rebalance(['33.333', '33.333', '33.334'], 0, '40.001'), ['40.001', '29.999', 30]);
  // Exponent notation is read as the decimal it is: 12.5 + 12.5 + 75.
  assert.deepEqual(rebalance(['1.25e1', '1.25e1', '75'], 2, '70'), [15, 15, 70]);
  // The total stays what it was, here 120 (a card whose weights are normalised).
  assert.deepEqual(rebalance([60, 30, 30], 0, 30), [30, 45, 45]);
});

test('a move that would take a weight above the most it may be is refused', () => {
  // A normalised card of 60 + 25 + 35 = 120: the first at 10 would leave 110 for the others,
  // 45.83 and 64.17, within 100; at 0 of two KPIs, 120 for one: refused.
  assert.deepEqual(rebalance([60, 25, 35], 0, 10, 100), [10, 46, 64]);
  assert.equal(rebalance([60, 60], 0, 10, 100), null);
  assert.equal(rebalance([60, 60], 0, 110, 100), null);
});

test('weights that are not all decimals, a negative one or a single KPI are not moved', () => {
  assert.equal(rebalance([60, '', 40], 0, 50), null);
  assert.equal(rebalance([60, 'abc', 40], 0, 50), null);
  assert.equal(rebalance([60, '0x10', 40], 0, 50), null);
  assert.equal(rebalance([60, -10, 50], 0, 50), null);
  assert.equal(rebalance([100], 0, 50), null);
  assert.equal(rebalance([60, 40], 0, ''), null);
});

test('property: any move keeps the total, and each other weight within a unit of its exact share', () => {
  const random = seeded(7);
  for (let round = 0; round < 2000; round++) {
    const weights = Array.from({ length: 2 + random(10) }, () => (random(4) === 0 ? 0 : random(60)));
    const k = random(weights.length);
    const value = random(130);
    const next = rebalance(weights, k, value);
    // In whole units, or in tenths where whole units would split weights that were equal.
    const tenths = next.map((w) => Math.round(Number(w) * 10));
    const finer = tenths.some((t) => t % 10 !== 0);
    const total = weights.reduce((a, b) => a + b, 0);
    assert.equal(tenths.reduce((a, b) => a + b, 0), total * 10, `${weights} ${k} ${value}`);
    assert.equal(Number(next[k]), Math.min(total, value));
    const room = total - Number(next[k]);
    const was = total - weights[k];
    const others = weights.length - 1;
    const unit = finer ? 0.1 : 1;
    next.forEach((w, i) => {
      if (i === k) return;
      const exact = was === 0 ? room / others : (room * weights[i]) / was;
      assert.ok(Math.abs(Number(w) - exact) < unit + 1e-9, `${weights} ${k} ${value}: ${next}`);
      assert.ok(finer || Number.isInteger(w), `${weights} ${k} ${value}: ${next}`);
    });
    // Tenths only to keep weights that were equal equal.
    const split = weights.some((w, i) => i !== k && weights.some((v, j) => j !== k && v === w && next[i] !== next[j]));
    if (finer) assert.ok(!split, `${weights} ${k} ${value}: ${next}`);
  }
});

test('weights that were equal stay equal where tenths can hold them: 28 and 27 become 27.5 and 27.5', () => {
  // 40 / 30 / 30, the first to 45: 55 for two equal weights.
  assert.deepEqual(rebalance([40, 30, 30], 0, 45), [45, '27.5', '27.5']);
  // Three equal weights sharing 91 cannot be equal in tenths either (30.33…): whole units.
  assert.deepEqual(rebalance([30, 30, 30, 10], 3, 9), [31, 30, 30, 9]);
  // Weights written in hundredths, or already in tenths, are not taken finer: 27.5 / 27.5 / 45
  // with the last to 44.9 leaves 55.1, 27.55 each, in tenths 27.6 and 27.5.
  assert.deepEqual(rebalance(['40.00', '30.00', '30.00'], 0, '45.01'), ['45.01', '27.5', '27.49']);
  assert.deepEqual(rebalance(['27.5', '27.5', 45], 2, '44.9'), ['27.6', '27.5', '44.9']);
  // Categories: results 60 (40 + 20), behaviour and ability 20 each (10 + 10). Results to 66:
  // 34 left, 17 each, 8.5 for each KPI. Results to 65: 17.5 each, 8.75 a KPI, not equal in
  // tenths either, so whole units (one KPI of ability at 8).
  const groups = [[0, 1], [2, 3], [4, 5]];
  const open = [[null, null], [null, null], [null, null]];
  assert.deepEqual(rebalanceGroups([40, 20, 10, 10, 10, 10], groups, 0, 66, open), [44, 22, '8.5', '8.5', '8.5', '8.5']);
  assert.deepEqual(rebalanceGroups([40, 20, 10, 10, 10, 10], groups, 0, 65, open), [43, 22, 9, 9, 9, 8]);
});

test('property: weights in thousandths keep their total to the thousandth', () => {
  const random = seeded(11);
  const units = (w) => Math.round(Number(w) * 1000);
  for (let round = 0; round < 500; round++) {
    const weights = Array.from({ length: 2 + random(6) }, () => (random(20000) / 1000).toFixed(3));
    const next = rebalance(weights, random(weights.length), (random(30000) / 1000).toFixed(3));
    assert.equal(next.reduce((a, w) => a + units(w), 0), weights.reduce((a, w) => a + units(w), 0), `${weights} → ${next}`);
  }
});

test('a line\'s rate sliders reach at least twice its highest rate, on a round scale, and 100% at most', () => {
  assert.equal(rateMax([3, 4, 5]), 10);
  assert.equal(rateMax(['3']), 10);
  assert.equal(rateMax([2, '2.5']), 5);
  assert.equal(rateMax([0]), 5);
  assert.equal(rateMax(['', 'x']), 5);
  assert.equal(rateMax([12]), 50);
  assert.equal(rateMax([30]), 100);
  assert.equal(rateMax([60]), 100);
});

test('a slider\'s step is whole units or tenths at least, finer when the figures are', () => {
  assert.equal(stepOf([60, 25, 15]), 1);
  assert.equal(stepOf(['12.5', 30]), 0.1);
  assert.equal(stepOf(['33.333']), 0.001);
  assert.equal(stepOf([3, 4, 5], 0.1), 0.1);
  assert.equal(stepOf(['', 'x']), 1);
  assert.equal(sliderValue('6.5', 0.1), '6.5');
  assert.equal(sliderValue('6', 1), 6);
  assert.equal(sliderValue('4.300000000000001', 0.1), '4.3');
});

test('a grade band\'s minimum is held between its neighbours\', a step inside each; the bands share one scale', () => {
  // S 90, A 80, B 70 (C has none): A from 71 to 89.
  assert.equal(withinNeighbours([90, 80, 70], 1, 95, 1), 89);
  assert.equal(withinNeighbours([90, 80, 70], 1, 60, 1), 71);
  assert.equal(withinNeighbours([90, 80, 70], 1, 85, 1), 85);
  assert.equal(withinNeighbours([90, 80, 70], 0, 140, 1), 140);
  assert.equal(withinNeighbours([90, 80, 70], 2, -20, 1), -20);
  // In tenths, without a float's tail (80 + 0.1 is 80.1, not 80.10000000000001).
  assert.equal(withinNeighbours([90.5, 80, 70.2], 1, 60, 0.1), 70.3);
  assert.equal(withinNeighbours([90.5, 80, 70.2], 1, 95, 0.1), 90.4);
  assert.deepEqual(bandScale([90, 80, 70]), [0, 150]);
  assert.deepEqual(bandScale([140, 80]), [0, 200]);
  assert.deepEqual(bandScale([50, -10]), [-10, 150]);
  assert.deepEqual(bandScale([]), [0, 150]);
});

// The target-oriented preset's new-business card: results 30 + 20 + 15 (65, of 60–70),
// behaviour 6 + 6 + 4 + 4 (20, of 20–30), ability 4 + 4 + 3 + 4 (15, of 10–20).
const CARD = [30, 20, 15, 6, 6, 4, 4, 4, 4, 3, 4];
const GROUPS = [[0, 1, 2], [3, 4, 5, 6], [7, 8, 9, 10]];
const RANGES = [[60, 70], [20, 30], [10, 20]];

test('a category\'s share moved: the others take what is left in proportion, each held within its range, and each category\'s KPIs scale to its new total', () => {
  // Results to 68: 32 for behaviour and ability, 18.29 and 13.71 in proportion; behaviour
  // would fall below 20, so it stays at 20 and ability takes 12 (3.2, 3.2, 2.4, 3.2: 3, 3,
  // 3, 3 with the unit left over to the .4). Results 68 over 30, 20, 15: 31.38, 20.92,
  // 15.69: 31, 21, 16.
  assert.deepEqual(rebalanceGroups(CARD, GROUPS, 0, 68, RANGES), [31, 21, 16, 6, 6, 4, 4, 3, 3, 3, 3]);
  // Behaviour to 25: 75 for results and ability, 60.94 and 14.06, both within: 61 and 14.
  const next = rebalanceGroups(CARD, GROUPS, 1, 25, RANGES);
  const sums = GROUPS.map((g) => g.reduce((a, i) => a + next[i], 0));
  assert.deepEqual(sums, [61, 25, 14]);
  assert.equal(next.reduce((a, b) => a + b, 0), 100);
});

test('a category\'s share is first held where every range can hold: its own, and what the others can take', () => {
  // Results to 75 is held at 70 (its most); behaviour and ability then have 30: behaviour
  // stays at its least, 20, ability takes 10.
  const next = rebalanceGroups(CARD, GROUPS, 0, 75, RANGES);
  assert.deepEqual(GROUPS.map((g) => g.reduce((a, i) => a + next[i], 0)), [70, 20, 10]);
  assert.deepEqual(next, [32, 22, 16, 6, 6, 4, 4, 3, 3, 2, 2]);
  // Ability to 0 is held at 10, and to 35 at 20 (the results cannot go below 60 and behaviour below 20).
  assert.equal(GROUPS[2].reduce((a, i) => a + rebalanceGroups(CARD, GROUPS, 2, 0, RANGES)[i], 0), 10);
  assert.equal(GROUPS[2].reduce((a, i) => a + rebalanceGroups(CARD, GROUPS, 2, 35, RANGES)[i], 0), 20);
  // Groups without a range share freely.
  assert.deepEqual(rebalanceGroups([10, 10, 30, 50], [[0, 1], [2], [3]], 0, 40, [[null, null], [null, null], [null, null]]), [20, 20, 23, 37]);
});

test('ranges that cannot hold the card\'s total, a single group or a weight that is not a number are not moved', () => {
  assert.equal(rebalanceGroups([50, 50], [[0], [1]], 0, 85, [[80, 90], [30, 40]]), null);
  assert.equal(rebalanceGroups(CARD, [GROUPS.flat()], 0, 50, [[null, null]]), null);
  assert.equal(rebalanceGroups([30, '', 70], [[0, 1], [2]], 0, 50, [[null, null], [null, null]]), null);
});

test('property: a category moved keeps the card\'s total, and every category within its range', () => {
  const random = seeded(3);
  for (let round = 0; round < 1000; round++) {
    const g = random(3);
    const next = rebalanceGroups(CARD, GROUPS, g, random(110), RANGES);
    const sums = GROUPS.map((members) => members.reduce((a, i) => a + Math.round(Number(next[i]) * 10), 0) / 10);
    assert.equal(sums.reduce((a, b) => a + b * 10, 0), 1000);
    sums.forEach((sum, i) => assert.ok(sum >= RANGES[i][0] && sum <= RANGES[i][1], `${sums}`));
    assert.ok(next.every((w) => Number(w) >= 0 && Number.isInteger(Number(w) * 10)));
  }
});

/** A category's share of the card as the engine checks it: total × 100 ÷ card, half to even to two places, in hundredths. */
function share(total, card) {
  const scaled = BigInt(Math.round(total * 1000)) * 10000n;
  const c = BigInt(Math.round(card * 1000));
  const q = scaled / c;
  const twice = 2n * (scaled % c);
  return Number(q + (twice > c || (twice === c && q % 2n === 1n) ? 1n : 0n)) / 100;
}

test('ranges are checked as the engine checks a share: rounded half to even to two places', () => {
  // A normalised card of 120 whose results (70) are 58.333…%, shown and checked as 58.33: a
  // range of exactly 58.33 holds it at 70 (whole units cannot be 69.996), while behaviour moves.
  const card = [30, 25, 15, 10, 8, 7, 5, 5, 5, 5, 5];
  const ranges = [['58.33', '58.33'], [null, null], [null, null]];
  const next = rebalanceGroups(card, GROUPS, 1, 25, ranges);
  assert.deepEqual(GROUPS.map((g) => g.reduce((a, i) => a + next[i], 0)), [70, 25, 25]);
  assert.deepEqual(rebalanceGroups(card, GROUPS, 1, 30, ranges), card);
  // A most written finer than the weights is not passed (20 is 20.00 > 19.9999995).
  assert.deepEqual(rebalanceGroups([81, 19], [[0], [1]], 0, 50, [[null, null], [null, '19.9999995']]), [81, 19]);
  assert.deepEqual(rebalanceGroups([79, 21], [[0], [1]], 0, 80, [[null, null], ['20.0000005', null]]), [79, 21]);
});

test('categories outside their ranges in both directions are brought back in, when a split exists', () => {
  // Results 75 (above 60–70), behaviour 15 (below 20–30), ability 10: ability to 15 leaves 85
  // for the others; results comes down to its most, 70, and behaviour up to its least, 20?
  // 70 + 20 = 90 ≠ 85: in proportion (75 : 15) they would be 70.83 and 14.17, so results is
  // held at 70 and behaviour takes 15, below its least: behaviour is held at 20 and results
  // takes 65.
  const card = [35, 25, 15, 4, 4, 4, 3, 3, 3, 2, 2];
  const next = rebalanceGroups(card, GROUPS, 2, 15, RANGES);
  assert.deepEqual(GROUPS.map((g) => g.reduce((a, i) => a + next[i], 0)), [65, 20, 15]);
});

test('property: from a valid start, a category moved leaves every category within its range, as the engine checks it', () => {
  const random = seeded(5);
  let moved = 0;
  for (let round = 0; round < 3000; round++) {
    const weights = Array.from({ length: 9 }, () => (random(4) === 0 ? (random(100) / 10).toFixed(1) : String(random(20))));
    const groups = [[0, 1, 2], [3, 4, 5], [6, 7, 8]];
    const card = weights.reduce((a, w) => a + Number(w), 0);
    if (card === 0) continue;
    // Ranges of two places around each category's share as the engine shows it, some of them
    // exactly that share, some none.
    const ranges = groups.map((g) => {
      const now = share(g.reduce((a, i) => a + Number(weights[i]), 0), card);
      const [down, up] = random(4) === 0 ? [0, 0] : [random(1500) / 100, random(1500) / 100];
      return random(4) === 0 ? [null, null] : [Math.max(0, now - down).toFixed(2), (now + up).toFixed(2)];
    });
    const next = rebalanceGroups(weights, groups, random(3), String(random(Math.ceil(card) + 5)), ranges);
    if (!next) continue;
    moved += 1;
    const totals = groups.map((g) => g.reduce((a, i) => a + Number(next[i]), 0));
    assert.equal(Math.round(totals.reduce((a, b) => a + b, 0) * 10), Math.round(card * 10), `${weights} → ${next}`);
    totals.forEach((t, i) => {
      const [lo, hi] = ranges[i];
      const s = share(t, card);
      assert.ok((lo == null || s >= Number(lo)) && (hi == null || s <= Number(hi)), `${weights} ${JSON.stringify(ranges)} → ${next}: ${s}`);
    });
  }
  assert.ok(moved > 2500, `${moved} of 3,000 moves made`);
});

test('a category\'s KPIs take the proportions of the weights given as ratios: taken to 0 and back, they find them again', () => {
  const start = [10, 5, 5, 5, 40, 35];
  const groups = [[0, 1, 2, 3], [4], [5]];
  const none = [[null, null], [null, null], [null, null]];
  const zero = rebalanceGroups(start, groups, 0, 0, none);
  assert.deepEqual(zero, [0, 0, 0, 0, 53, 47]);
  // Without the ratios the four would come back equal; with the weights before the first move, as they were.
  assert.deepEqual(rebalanceGroups(zero, groups, 0, 25, none).slice(0, 4), [7, 6, 6, 6]);
  assert.deepEqual(rebalanceGroups(zero, groups, 0, 25, none, Infinity, start).slice(0, 4), [10, 5, 5, 5]);
});
