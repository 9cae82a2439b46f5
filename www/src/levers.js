// The arithmetic of the "What if" sliders (what-if.js): plan figures read as exact decimals;
// a moved weight's room taken from the other weights in proportion, to the unit; the scale
// and step of a line's rate sliders and of the grade bands'; a slider's value as the plan
// writes it.

/** The most decimal places a plan figure has, and the most digits before the point (the engine's decimals hold 28 places and about 7.9 × 10^28). */
const MAX_PLACES = 28;
const MAX_WHOLE_DIGITS = 29;

/** The text of a plan figure: a JSON number as JavaScript writes it, or the text as written. */
const textOf = (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

/**
 * A plan figure (`12`, `"12.50"`, `"-3"`, `"1.25e1"`) as an exact decimal: `units` of
 * 10^-`places` as a BigInt. Null for anything else (empty, mistyped, hexadecimal) and for
 * more places or a larger number than a decimal holds.
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
  if (units.toString().length - Math.max(0, places) > MAX_WHOLE_DIGITS) return null;
  return { units: m[1] === '-' ? -units : units, places: Math.max(0, places) };
}

/** A plan figure as a number (for a slider's position), or null when it is not one. */
export function figure(v) {
  const d = decimal(v);
  return d ? Number(d.units) / 10 ** d.places : null;
}

/** Decimal places of a plan figure (`"12.5"` → 1, `"1.25e1"` → 1); 0 when it is not one. */
const places = (v) => decimal(v)?.places ?? 0;

/** `units` of 10^-`places` as the plan writes it: a number when whole (and safe), else decimal text. */
function written(units, p) {
  const scale = 10n ** BigInt(p);
  const quotient = units / scale;
  if (units % scale === 0n && quotient <= BigInt(Number.MAX_SAFE_INTEGER) && quotient >= -BigInt(Number.MAX_SAFE_INTEGER)) return Number(quotient);
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

/** Whether fraction a/b is below c/d (positive denominators). */
const below = ([a, b], [c, d]) => a * d < c * b;

/**
 * `total` shared over groups whose totals were `units` in proportion (λ × each), each held
 * within its `bounds` ([lo, hi] in units): the λ at which the held and shared totals add up
 * to `total` is found among the bounds' breakpoints (lo ÷ units, hi ÷ units), exactly; the
 * groups it does not hold share the rest by [`shareOut`]. Groups that were all 0 share
 * equally; a group at 0 among others stays at its least until the others are full. Null
 * when the bounds cannot hold `total`.
 */
function shareWithin(units, total, bounds) {
  const sum = (xs) => xs.reduce((a, b) => a + b, 0n);
  if (bounds.some(([lo, hi]) => lo > hi) || total < sum(bounds.map(([lo]) => lo)) || total > sum(bounds.map(([, hi]) => hi))) return null;
  const u = units.every((x) => x === 0n) ? units.map(() => 1n) : units;
  const growing = u.map((_, i) => i).filter((i) => u[i] > 0n);
  // Σ clamp(λ × u, lo, hi) at λ = a/b, times b (the groups at 0 stay at their least).
  const f = ([a, b]) => sum(u.map((x, i) => (x === 0n ? bounds[i][0] * b : [a * x, bounds[i][0] * b, bounds[i][1] * b].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0))[1])));
  const points = [[0n, 1n], ...growing.flatMap((i) => [[bounds[i][0], u[i]], [bounds[i][1], u[i]]])].sort((p, q) => (below(p, q) ? -1 : below(q, p) ? 1 : 0));
  const k = points.findIndex((pt) => f(pt) >= total * pt[1]);
  if (k < 0) {
    // The growing groups are full: those at 0 take the rest, equally, within their bounds.
    const zero = u.map((_, i) => i).filter((i) => u[i] === 0n);
    const rest = shareWithin(zero.map(() => 1n), total - sum(growing.map((i) => bounds[i][1])), zero.map((i) => bounds[i]));
    return rest && u.map((x, i) => (x === 0n ? rest[zero.indexOf(i)] : bounds[i][1]));
  }
  // Between the breakpoint before and this one: a group is held at its most when its most is
  // reached by the first, at its least when its least is not passed by the second; the others share.
  const [from, to] = [points[Math.max(0, k - 1)], points[k]];
  const held = u.map((x, i) => (x === 0n ? bounds[i][0] : !below(from, [bounds[i][1], x]) && k > 0 ? bounds[i][1] : !below([bounds[i][0], x], to) ? bounds[i][0] : null));
  const free = u.map((_, i) => i).filter((i) => held[i] == null);
  const shares = shareOut(free.map((i) => u[i]), total - sum(held.filter((h) => h != null)));
  return u.map((_, i) => held[i] ?? shares[free.indexOf(i)]);
}

/**
 * The least and the most total a group may have, in units, for its share of the card (its
 * total × 100 ÷ the card's, rounded half to even to two places, as the engine checks it) to
 * stay within [`min`, `max`] (plan figures, or null for none); also never above `most`.
 */
function boundsFor(min, max, cardTotal, most) {
  const share = (t) => {
    // t × 100 ÷ cardTotal in hundredths, rounded half to even.
    const scaled = t * 10000n;
    const q = scaled / cardTotal;
    const twice = 2n * (scaled % cardTotal);
    return q + (twice > cardTotal || (twice === cardTotal && q % 2n === 1n) ? 1n : 0n);
  };
  // A share in hundredths against a plan figure: the sign of share / 100 − figure.
  const against = (hundredths, figure) => {
    const d = decimal(figure);
    const left = hundredths * 10n ** BigInt(d.places);
    const right = d.units * 100n;
    return left < right ? -1 : left > right ? 1 : 0;
  };
  // The first total in [0, cardTotal] for which `ok` holds (ok only grows with the total).
  const first = (ok) => {
    let [lo, hi] = [0n, cardTotal + 1n];
    while (lo < hi) {
      const mid = (lo + hi) / 2n;
      if (ok(mid)) hi = mid;
      else lo = mid + 1n;
    }
    return lo;
  };
  const least = min == null || decimal(min) == null ? 0n : first((t) => against(share(t), min) >= 0);
  const most_ = max == null || decimal(max) == null ? cardTotal : first((t) => against(share(t), max) > 0) - 1n;
  return [least, most_ < most ? most_ : most];
}

/** Weights read at one scale (`finer` places finer than the finest written): their units, the places, and a way back to the plan's figures; null when one is not a decimal or is negative. */
function atOneScale(weights, value, finer = 0) {
  const parsed = weights.map(decimal);
  const moved = decimal(value);
  if (!moved || parsed.some((d) => !d || d.units < 0n)) return null;
  const p = Math.max(moved.places, ...parsed.map((d) => d.places)) + finer;
  const at = (d) => d.units * 10n ** BigInt(p - d.places);
  return { units: parsed.map(at), moved: at(moved), p, back: (next, most) => (next.some((u) => Number(u) / 10 ** p > most) ? null : next.map((u) => written(u, p))) };
}

/** Whether figures at the same indices of one of `lists` that were equal in `before` came out unequal in `after`. */
const splitsEqual = (before, after, lists = [before.map((_, i) => i)]) => lists.some((list) => list.some((i) => list.some((j) => before[i] === before[j] && after[i] !== after[j])));

/**
 * The weights `move(finer)` gives at the plan's own scale, or, when that would make two
 * weights (or categories) that were equal differ by a unit of rounding (28 and 27 for two
 * KPIs of 30), at one place finer, if the plan writes them in whole units and that keeps
 * them equal (27.5 and 27.5) with the slider's own figure unchanged; at the plan's scale
 * otherwise (three equal weights sharing 91 cannot be equal at any scale; weights already in
 * tenths are not taken finer again).
 * @param {(finer: number) => {next: bigint[], moved: bigint, splits: boolean, p: number, back: Function} | null} move
 */
function keepingEqual(move, most) {
  const plain = move(0);
  if (!plain) return null;
  const finer = plain.splits && plain.p < 1 ? move(1) : null;
  const take = finer && !finer.splits && finer.moved === plain.moved * 10n ? finer : plain;
  return take.back(take.next, most);
}

/**
 * The weights after the one at `k` is set to `value`: the others scaled in proportion to
 * what they were so that the total stays exactly what it was (all of them equally when they
 * were all 0), in units of the finest figure written (one place finer where that keeps
 * equal weights equal: [`keepingEqual`]); the units left over by rounding go to
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
  return keepingEqual((finer) => {
    const w = weights.length < 2 ? null : atOneScale(weights, value, finer);
    if (!w) return null;
    const total = w.units.reduce((a, b) => a + b, 0n);
    const moved = w.moved < 0n ? 0n : w.moved > total ? total : w.moved;
    const others = w.units.map((_, i) => i).filter((i) => i !== k);
    const shares = shareOut(others.map((i) => w.units[i]), total - moved);
    const next = [...w.units];
    next[k] = moved;
    others.forEach((i, j) => (next[i] = shares[j]));
    return { next, moved, splits: splitsEqual(w.units, next, [others]), p: w.p, back: w.back };
  }, most);
}

/**
 * The weights after group `g`'s total is set to `value` (a category's share of the card): the
 * other groups' totals take what is left in proportion, each held within its range, and each
 * group's weights are scaled to its new total in proportion. `value` is first held where every
 * range can hold: within its own, and so that the others' can take the rest. Null as for
 * [`rebalance`], or for a single group, or ranges that cannot hold the card's total.
 * @param {Array<number|string>} weights every weight of the card
 * @param {number[][]} groups the weights' indices, by group
 * @param {Array<[number|string|null, number|string|null]>} ranges each group's least and most share of the card in percent, as the plan writes them (null: none); a share is checked as the engine checks it, rounded half to even to two places
 * @param {number} [most] the largest a weight may be
 * @param {Array<number|string>} [ratios] the weights whose proportions each group's KPIs take (the weights themselves by default)
 */
export function rebalanceGroups(weights, groups, g, value, ranges, most = Infinity, ratios = weights) {
  return keepingEqual((finer) => moveGroup(weights, groups, g, value, ranges, most, ratios, finer), most);
}

/** [`rebalanceGroups`] at `finer` places finer than the plan's scale, for [`keepingEqual`]. */
function moveGroup(weights, groups, g, value, ranges, most, ratios, finer) {
  const w = groups.length < 2 ? null : atOneScale(weights, value, finer);
  if (!w) return null;
  const totals = groups.map((members) => members.reduce((a, i) => a + w.units[i], 0n));
  const total = totals.reduce((a, b) => a + b, 0n);
  if (total === 0n) return null;
  // Each group's bounds in units; its KPIs can hold at most `most` each.
  const fullest = (members) => (most === Infinity ? total : BigInt(members.length * most) * 10n ** BigInt(w.p));
  const bounds = ranges.map(([min, max], i) => boundsFor(min, max, total, fullest(groups[i])));
  if (bounds.some(([lo, hi]) => lo > hi)) return null;
  const others = groups.map((_, i) => i).filter((i) => i !== g);
  const otherMost = total - others.reduce((a, i) => a + bounds[i][1], 0n);
  const least = bounds[g][0] > otherMost ? bounds[g][0] : otherMost;
  const room = total - others.reduce((a, i) => a + bounds[i][0], 0n);
  const largest = bounds[g][1] < room ? bounds[g][1] : room;
  if (least > largest) return null;
  const moved = w.moved < least ? least : w.moved > largest ? largest : w.moved;
  const rest = shareWithin(others.map((i) => totals[i]), total - moved, others.map((i) => bounds[i]));
  if (!rest) return null;
  // Each group's KPIs in the proportions of `ratios` (the weights before the sliders' first
  // move: a category taken to 0 and back, or moved again and again, finds them again).
  const r = atOneScale(ratios.length === weights.length ? ratios : weights, 0) ?? w;
  const next = [...w.units];
  groups.forEach((members, i) => {
    const share = shareOut(members.map((m) => r.units[m]), i === g ? moved : rest[others.indexOf(i)]);
    members.forEach((m, j) => (next[m] = share[j]));
  });
  const splits = splitsEqual(r.units, next, groups) || splitsEqual(others.map((i) => totals[i]), rest);
  return { next, moved, splits, p: w.p, back: w.back };
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

/** The decimal places of a slider's step (0.1 → 1). */
const stepPlaces = (step) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

/** The step of a slider over `figures`: tenths or whole units at least, else the finest figure written. */
export const stepOf = (figures, coarsest = 1) => Math.min(coarsest, 10 ** -Math.max(0, ...figures.map(places)));

/**
 * Grade band `i`'s minimum score `value` held where the bands stay in strictly falling order:
 * from a step above the next band's minimum to a step below the band before it (the first
 * band has no top, the lowest one with a minimum no floor).
 * @param {number[]} mins the minimum scores of the bands that have one, best band first
 */
export function withinNeighbours(mins, i, value, step) {
  const round = (x) => Number(x.toFixed(stepPlaces(step)));
  const lo = i + 1 < mins.length ? round(mins[i + 1] + step) : -Infinity;
  const hi = i > 0 ? round(mins[i - 1] - step) : Infinity;
  return Math.min(hi, Math.max(lo, value));
}

/** The scale of the grade band sliders, one for all so that their thumbs compare: from 0 (or the lowest minimum below it) to 150 (or 50 above the best band's minimum rounded up to fifty, when more). */
export const bandScale = (mins) => [Math.min(0, ...mins), Math.max(150, Math.ceil(Math.max(0, ...mins) / 50) * 50 + 50)];

/** A slider's value text as the plan writes it, to the slider's step. */
export function sliderValue(text, step) {
  const d = decimal(Number(text).toFixed(stepPlaces(step)));
  return d ? written(d.units, d.places) : null;
}
