// The arithmetic of the "What if" sliders (what-if.js): a moved weight's room taken from the
// other weights in proportion, to the unit; the scale and step of a line's rate sliders; a
// slider's value as the plan writes it.

/** Decimal places of a plan figure written as a number or as text (`"12.5"` → 1). */
export function places(v) {
  const m = /\.(\d+)\s*$/.exec(String(v ?? ''));
  return m ? m[1].length : 0;
}

/** A plan figure as a number, or null when it is not one (an empty or mistyped field). */
export function figure(v) {
  if (v == null || (typeof v === 'string' && v.trim() === '')) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * The weights after the one at `k` is set to `value`: the others scaled in proportion to
 * what they were so that the total stays what it was (all of them equally when they were
 * all 0), in whole units of the finest figure written (at most hundredths); the units left
 * over by rounding go to the largest remainders, the first KPI first on a tie. `value` is
 * held within 0 and the total. Null when the weights cannot be moved this way: a weight
 * that is not a number or is negative, or a single KPI.
 * @param {Array<number|string>} weights the card's weights as the plan writes them
 * @param {number} k the weight moved
 * @param {number|string} value its new value
 * @returns {Array<number|string>|null} numbers when every weight is whole, else decimal text
 */
export function rebalance(weights, k, value) {
  const numbers = weights.map(figure);
  if (weights.length < 2 || numbers.some((n) => n == null || n < 0) || figure(value) == null) return null;
  const p = Math.min(2, Math.max(places(value), ...weights.map(places)));
  const scale = 10 ** p;
  const units = numbers.map((n) => Math.round(n * scale));
  const total = units.reduce((a, b) => a + b, 0);
  const moved = Math.min(total, Math.max(0, Math.round(figure(value) * scale)));
  const others = units.map((_, i) => i).filter((i) => i !== k);
  const room = total - moved;
  const was = others.reduce((a, i) => a + units[i], 0);
  // Each other weight's exact share is room × its units ÷ was (or room ÷ their number).
  const numerator = (i) => (was === 0 ? room : room * units[i]);
  const denominator = was === 0 ? others.length : was;
  const next = [...units];
  next[k] = moved;
  for (const i of others) next[i] = Math.floor(numerator(i) / denominator);
  const left = room - others.reduce((a, i) => a + next[i], 0);
  const byRemainder = [...others].sort((a, b) => (numerator(b) % denominator) - (numerator(a) % denominator) || a - b);
  for (const i of byRemainder.slice(0, left)) next[i] += 1;
  return next.map((u) => (p === 0 ? u : String(Number((u / scale).toFixed(p)))));
}

/**
 * The top of a commission line's rate sliders: the first of 5, 10, 20, 50, 100… (up to 1,000)
 * that is at least twice the line's highest rate, so that each rate can be doubled.
 * @param {Array<number|string>} rates the line's tier rates in percent
 */
export function rateMax(rates) {
  const highest = Math.max(0, ...rates.map(figure).filter((n) => n != null));
  return [5, 10, 20, 50, 100, 200, 500, 1000].find((top) => top >= 2 * highest) ?? Math.ceil(2 * highest);
}

/** The step of a rate slider: tenths, or the finest figure the line writes (at most hundredths). */
export const rateStep = (rates) => 10 ** -Math.min(2, Math.max(1, ...rates.map(places)));

/** A slider's value as the plan writes it: a number for whole values, else text without trailing zeros. */
export function written(text, step) {
  const n = Number(text);
  const p = places(step);
  return p === 0 || Number.isInteger(n) ? Math.round(n) : String(Number(n.toFixed(p)));
}

/**
 * Where grade band `i`'s minimum score can move while the bands stay in strictly falling
 * order: from a step above the next band's minimum (0 for the lowest band that has one) to a
 * step below the band before it (`top` for the first).
 * @param {number[]} mins the minimum scores of the bands that have one, best band first
 */
export function bandRange(mins, i, step, top) {
  const p = places(step);
  const lo = i + 1 < mins.length ? Number((mins[i + 1] + step).toFixed(p)) : 0;
  const hi = i > 0 ? Number((mins[i - 1] - step).toFixed(p)) : top;
  return [lo, hi];
}

/** The top of the best band's slider: 150, or 50 above the band's minimum rounded up to fifty when that is more. */
export const bandTop = (best) => Math.max(150, Math.ceil(best / 50) * 50 + 50);
