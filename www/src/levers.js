// The arithmetic of the "What if" sliders (what-if.js): plan figures read as exact decimals;
// a moved weight's room taken from the other weights in proportion, to the unit; the scale
// and step of a line's rate sliders and of the grade bands'; a slider's value as the plan
// writes it.

/** The most decimal places a plan figure has (the engine's decimals hold 28). */
const MAX_PLACES = 28;

/** The text of a plan figure: a JSON number as JavaScript writes it, or the text as written. */
const textOf = (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

/**
 * A plan figure (`12`, `"12.50"`, `"-3"`, `"1.25e1"`) as an exact decimal: `units` of
 * 10^-`places` as a BigInt. Null for anything else (empty, mistyped, hexadecimal) and for
 * more places than a decimal holds.
 * @returns {{units: bigint, places: number}|null}
 */
export function decimal(v) {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?\s*$/.exec(textOf(v));
  if (!m || (m[2] === '' && !m[3])) return null;
  const fraction = m[3] ?? '';
  const places = fraction.length - Number(m[4] ?? 0);
  if (places > MAX_PLACES) return null;
  let units = BigInt(`${m[2]}${fraction}` || '0');
  if (places < 0) units *= 10n ** BigInt(-places);
  return { units: m[1] === '-' ? -units : units, places: Math.max(0, places) };
}

/** A plan figure as a number (for a slider's position), or null when it is not one. */
export function figure(v) {
  const d = decimal(v);
  return d ? Number(d.units) / 10 ** d.places : null;
}

/** Decimal places of a plan figure (`"12.5"` → 1, `"1.25e1"` → 1); 0 when it is not one. */
export const places = (v) => decimal(v)?.places ?? 0;

/** `units` of 10^-`places` as the plan writes it: a number when whole (and safe), else decimal text. */
function written(units, p) {
  if (p === 0 && units <= BigInt(Number.MAX_SAFE_INTEGER) && units >= -BigInt(Number.MAX_SAFE_INTEGER)) return Number(units);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(p + 1, '0');
  const whole = digits.slice(0, digits.length - p);
  const fraction = digits.slice(digits.length - p).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * `total` units shared over `units` in proportion (equally when they are all 0): each its
 * share's floor, and the units left over to the largest remainders, the first on a tie.
 * @param {bigint[]} units
 * @param {bigint} total
 * @returns {bigint[]}
 */
function shareOut(units, total) {
  const was = units.reduce((a, b) => a + b, 0n);
  const numerator = (u) => (was === 0n ? total : total * u);
  const denominator = was === 0n ? BigInt(units.length) : was;
  const next = units.map((u) => numerator(u) / denominator);
  const left = Number(total - next.reduce((a, b) => a + b, 0n));
  const remainder = (i) => numerator(units[i]) % denominator;
  const order = units.map((_, i) => i).sort((a, b) => (remainder(b) > remainder(a) ? 1 : remainder(b) < remainder(a) ? -1 : a - b));
  for (const i of order.slice(0, left)) next[i] += 1n;
  return next;
}

/**
 * `total` shared over groups whose totals were `units`, in proportion, each held within its
 * `bounds` ([lo, hi] in units): a group whose share would leave them is held at the bound it
 * passes and the rest shared again among the others. Null when the bounds cannot hold `total`.
 */
function shareWithin(units, total, bounds) {
  const held = new Map();
  for (;;) {
    const free = units.map((_, i) => i).filter((i) => !held.has(i));
    const left = total - [...held.values()].reduce((a, b) => a + b, 0n);
    if (!free.length) return left === 0n ? units.map((_, i) => held.get(i)) : null;
    const shares = shareOut(free.map((i) => units[i]), left);
    const out = free.filter((i, j) => shares[j] < bounds[i][0] || shares[j] > bounds[i][1]);
    if (!out.length) return units.map((_, i) => (held.has(i) ? held.get(i) : shares[free.indexOf(i)]));
    for (const i of out) held.set(i, shares[free.indexOf(i)] < bounds[i][0] ? bounds[i][0] : bounds[i][1]);
  }
}

/** Weights read at one scale: their units, the places, and a way back to the plan's figures; null when one is not a decimal or is negative. */
function atOneScale(weights, value) {
  const parsed = weights.map(decimal);
  const moved = decimal(value);
  if (!moved || parsed.some((d) => !d || d.units < 0n)) return null;
  const p = Math.max(moved.places, ...parsed.map((d) => d.places));
  const at = (d) => d.units * 10n ** BigInt(p - d.places);
  return { units: parsed.map(at), moved: at(moved), p, back: (next, most) => (next.some((u) => Number(u) / 10 ** p > most) ? null : next.map((u) => written(u, p))) };
}

/**
 * The weights after the one at `k` is set to `value`: the others scaled in proportion to
 * what they were so that the total stays exactly what it was (all of them equally when they
 * were all 0), in units of the finest figure written; the units left over by rounding go to
 * the largest remainders, the first KPI first on a tie. `value` is held within 0 and the
 * total. Null when the weights cannot be moved this way: one that is not a decimal or is
 * negative, a single weight, or a weight the move would take above `most`.
 * @param {Array<number|string>} weights the weights as the plan writes them
 * @param {number} k the weight moved
 * @param {number|string} value its new value
 * @param {number} [most] the largest a weight may be (the engine's 100)
 * @returns {Array<number|string>|null} numbers where whole, else decimal text
 */
export function rebalance(weights, k, value, most = Infinity) {
  const w = weights.length < 2 ? null : atOneScale(weights, value);
  if (!w) return null;
  const total = w.units.reduce((a, b) => a + b, 0n);
  const moved = w.moved < 0n ? 0n : w.moved > total ? total : w.moved;
  const others = w.units.map((_, i) => i).filter((i) => i !== k);
  const shares = shareOut(others.map((i) => w.units[i]), total - moved);
  const next = [...w.units];
  next[k] = moved;
  others.forEach((i, j) => (next[i] = shares[j]));
  return w.back(next, most);
}

/**
 * The weights after group `g`'s total is set to `value` (a category's share of the card): the
 * other groups' totals take what is left in proportion, each held within its range, and each
 * group's weights are scaled to its new total in proportion. `value` is first held where every
 * range can hold: within its own, and so that the others' can take the rest. Null as for
 * [`rebalance`], or for a single group, or ranges that cannot hold the card's total.
 * @param {Array<number|string>} weights every weight of the card
 * @param {number[][]} groups the weights' indices, by group
 * @param {Array<[number|null, number|null]>} ranges each group's least and most total (null: none)
 */
export function rebalanceGroups(weights, groups, g, value, ranges, most = Infinity) {
  const w = groups.length < 2 ? null : atOneScale(weights, value);
  if (!w) return null;
  const scale = 10 ** w.p;
  const totals = groups.map((members) => members.reduce((a, i) => a + w.units[i], 0n));
  const total = totals.reduce((a, b) => a + b, 0n);
  // Bounds in units, inward (a range written finer than the weights is not passed).
  const bounds = ranges.map(([lo, hi]) => [lo == null ? 0n : BigInt(Math.max(0, Math.ceil(lo * scale - 1e-6))), hi == null ? total : BigInt(Math.min(Number(total), Math.floor(hi * scale + 1e-6)))]);
  const others = groups.map((_, i) => i).filter((i) => i !== g);
  const least = bounds[g][0] > total - others.reduce((a, i) => a + bounds[i][1], 0n) ? bounds[g][0] : total - others.reduce((a, i) => a + bounds[i][1], 0n);
  const room = total - others.reduce((a, i) => a + bounds[i][0], 0n);
  const largest = bounds[g][1] < room ? bounds[g][1] : room;
  if (least > largest) return null;
  const moved = w.moved < least ? least : w.moved > largest ? largest : w.moved;
  const rest = shareWithin(others.map((i) => totals[i]), total - moved, others.map((i) => bounds[i]));
  if (!rest) return null;
  const next = [...w.units];
  groups.forEach((members, i) => {
    const share = shareOut(members.map((m) => w.units[m]), i === g ? moved : rest[others.indexOf(i)]);
    members.forEach((m, j) => (next[m] = share[j]));
  });
  return w.back(next, most);
}

/**
 * The top of a commission line's rate sliders: the first of 5, 10, 20, 50 and 100 that is at
 * least twice the line's highest rate, so that each rate can be doubled (100 at most: a rate
 * is a percentage of at most 100).
 * @param {Array<number|string>} rates the line's tier rates in percent
 */
export function rateMax(rates) {
  const highest = Math.max(0, ...rates.map(figure).filter((n) => n != null));
  return [5, 10, 20, 50].find((top) => top >= 2 * highest) ?? 100;
}

/** The step of a slider over `figures`: tenths or whole units at least, else the finest figure written. */
export const stepOf = (figures, coarsest = 1) => Math.min(coarsest, 10 ** -Math.max(0, ...figures.map(places)));

/**
 * Grade band `i`'s minimum score `value` held where the bands stay in strictly falling order:
 * from a step above the next band's minimum to a step below the band before it (the first
 * band has no top, the lowest one with a minimum no floor).
 * @param {number[]} mins the minimum scores of the bands that have one, best band first
 */
export function withinNeighbours(mins, i, value, step) {
  const p = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const round = (x) => Number(x.toFixed(p));
  const lo = i + 1 < mins.length ? round(mins[i + 1] + step) : -Infinity;
  const hi = i > 0 ? round(mins[i - 1] - step) : Infinity;
  return Math.min(hi, Math.max(lo, value));
}

/** The scale of the grade band sliders, one for all so that their thumbs compare: from 0 (or the lowest minimum below it) to 150 (or 50 above the best band's minimum rounded up to fifty, when more). */
export const bandScale = (mins) => [Math.min(0, ...mins), Math.max(150, Math.ceil(Math.max(0, ...mins) / 50) * 50 + 50)];

/** A slider's value text as the plan writes it, to the slider's step. */
export function sliderValue(text, step) {
  const p = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const d = decimal(Number(text).toFixed(p));
  return d ? written(d.units, d.places) : null;
}
