// A commission line's tier basis switched between percent of target and amounts (D5): the
// bounds are converted at the line's target when it is one fixed number, exactly; else they
// keep their figures and are marked until they are entered again in the new basis. Pure
// functions of the plan's values; the marks are kept by the editor (editor-pay.js).
import { isZero, product, quotient } from './format.js';
import { numberIn, shiftPoint, typedValue } from './typed.js';

/** Places a bound in percent of target keeps when an amount does not divide to fewer. */
export const PCT_PLACES = 4;

/**
 * The line's target as a plain decimal above zero, or null when it is not one fixed number
 * (a formula, a named target, a data column: they differ by rep and period; missing; 0).
 */
export function fixedTarget(target) {
  const n = target == null ? null : numberIn(target);
  return n != null && !n.startsWith('-') && !isZero(n) ? n : null;
}

/**
 * Bound `from` (a plain decimal) in the other basis, at line target `target` (a plain decimal
 * above zero): as an amount (`basis` "amount") p% is p / 100 × target, exactly; in percent of
 * target an amount is amount / target × 100, exactly when that has at most `PCT_PLACES`
 * decimals, else rounded half away from zero to them.
 */
export function convertedBound(from, target, basis) {
  return basis === 'amount' ? shiftPoint(product(from, target), -2) : quotient(shiftPoint(from, 2), target, PCT_PLACES);
}

/**
 * A line's `tiers` switched to `basis` at its `target`, and the indexes of the bounds to enter
 * again (`again`). `pending` holds the bounds still marked from the switch before: they have
 * this basis's figures already and are kept, unmarked. A bound of 0 is the same in both. Every
 * other bound is converted when the target is one fixed number, else kept and marked.
 * @returns {{tiers: object[], again: Set<number>}}
 */
export function switchedTiers(tiers, target, basis, pending = new Set()) {
  const fixed = fixedTarget(target);
  const again = new Set();
  const next = tiers.map((tier, n) => {
    const from = numberIn(tier.from ?? '');
    if (pending.has(n) || (from != null && isZero(from))) return tier;
    if (fixed == null || from == null) {
      again.add(n);
      return tier;
    }
    return { ...tier, from: typedValue(convertedBound(from, fixed, basis), 'number') };
  });
  return { tiers: next, again };
}

/**
 * The record of a switch to `basis` whose bounds `again` (indexes of `tiers`) are to be
 * entered again: each with the figure it had, so that a bound changed since in any way (the
 * JSON editor too) is no longer marked. Null when none is.
 */
export function markOf(basis, tiers, again) {
  return again.size ? { basis, bounds: Object.fromEntries([...again].map((n) => [n, String(tiers[n].from)])) } : null;
}

/** The indexes of `line`'s bounds still to enter again by switch record `mark`: none once the basis is not the one switched to. */
export function boundsToEnter(line, mark) {
  if (!mark || mark.basis !== (line.tier_basis ?? 'attainment_pct')) return new Set();
  return new Set(Object.entries(mark.bounds).filter(([n, figure]) => String(line.tiers[n]?.from) === figure).map(([n]) => Number(n)));
}

/**
 * `mark` once bound `n` is entered (`removed`: once tier `n` is removed, the bounds after it
 * one place up); null once no bound is left marked.
 */
export function markWithout(mark, n, removed = false) {
  if (!mark) return null;
  const bounds = Object.entries(mark.bounds).filter(([k]) => Number(k) !== n).map(([k, figure]) => [removed && Number(k) > n ? Number(k) - 1 : Number(k), figure]);
  return bounds.length ? { basis: mark.basis, bounds: Object.fromEntries(bounds) } : null;
}
