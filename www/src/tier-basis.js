// A commission line's tier basis switched between percent of target and amounts (decision D5
// of the form audit: a switch of basis converts the bounds, it does not reread them). The
// bounds are converted at the line's target when it is one fixed number; an amount that is
// no exact percentage of it (1,000,000 of 7,000,000 is 14.285714…%) is rounded and marked to
// be checked, and at any other target (a formula, a named target, none) the bounds keep their
// figures and are marked until they are entered again in the new basis. Pure functions of the
// plan's values; the marks are kept by the editor (editor-pay.js) beside the plan, with each
// undo step, the stored session and a share link (the plan format has no place for them).
import { exactQuotient, isZero, product, quotient } from './format.js';
import { numberIn, shiftPoint, typedValue } from './typed.js';
import { isObject } from './plan-path.js';

/** Places a bound in percent of target keeps when an amount is no exact percentage of its target. */
export const PCT_PLACES = 4;

/** Places of a percentage of target taken as exact: more is a repeating decimal, or too long to type. */
export const EXACT_PLACES = 10;

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
 * above zero): as an amount (`basis` "amount") p% is p / 100 × target, always exactly; in
 * percent of target an amount is amount / target × 100, exactly when that has at most
 * `EXACT_PLACES` decimals, else rounded half away from zero to `PCT_PLACES` (`exact` false).
 * Trailing zeros are dropped (100, not 100.0000).
 * @returns {{from: string, exact: boolean}}
 */
export function convertedBound(from, target, basis) {
  if (basis === 'amount') return { from: shiftPoint(product(from, target), -2), exact: true };
  const exact = exactQuotient(shiftPoint(from, 2), target, EXACT_PLACES);
  return exact != null ? { from: exact, exact: true } : { from: quotient(shiftPoint(from, 2), target, PCT_PLACES), exact: false };
}

/**
 * Why a bound is marked after a switch: `rounded` (converted, but rounded: `was` holds the
 * figure it had, to go back to), `noTarget` (the line has none to convert at), `unconverted`
 * (the target, or the bound, is not one fixed number).
 * @typedef {{figure: string, why: 'rounded' | 'noTarget' | 'unconverted', was?: string}} Mark
 */

/**
 * A line's `tiers` switched to `basis` at its `target`, and the bounds marked (`again`, by
 * index, each a `Mark` holding the figure it has now). `pending` (by index, from
 * `boundsToEnter`) holds the bounds still marked from the switch before: switched straight
 * back, one kept unconverted is right again as it is, and one rounded goes back to the figure
 * it had (so there and back is where it started); neither is marked. A bound of 0 is the same
 * in both. Every other bound is converted when the target is one fixed number (and marked when
 * rounded), else kept and marked.
 * @returns {{tiers: object[], again: Map<number, Mark>}}
 */
export function switchedTiers(tiers, target, basis, pending = new Map()) {
  const fixed = fixedTarget(target);
  const again = new Map();
  const next = tiers.map((tier, n) => {
    const from = numberIn(tier.from ?? '');
    if (pending.has(n)) return pending.get(n).was != null ? { ...tier, from: typedValue(pending.get(n).was, 'number') } : tier;
    if (from != null && isZero(from)) return tier;
    if (fixed == null || from == null) {
      again.set(n, { figure: String(tier.from), why: target == null || String(target).trim() === '' ? 'noTarget' : 'unconverted' });
      return tier;
    }
    const converted = convertedBound(from, fixed, basis);
    const switched = { ...tier, from: typedValue(converted.from, 'number') };
    if (!converted.exact) again.set(n, { figure: String(switched.from), why: 'rounded', was: String(tier.from) });
    return switched;
  });
  return { tiers: next, again };
}

/**
 * The record of a switch to `basis` whose bounds `again` (`switchedTiers`) are marked: each
 * with the figure it has, so that a bound changed since in any way (the JSON editor too) is
 * no longer marked. Null when none is.
 */
export function markOf(basis, again) {
  return again.size ? { basis, bounds: Object.fromEntries(again) } : null;
}

/**
 * The bounds of `line` still marked by switch record `mark` (by index, each its `Mark`): none
 * once the basis is not the one switched to, nor a bound whose figure has changed since.
 * @returns {Map<number, Mark>}
 */
export function boundsToEnter(line, mark) {
  if (!mark || mark.basis !== (line.tier_basis ?? 'attainment_pct')) return new Map();
  return new Map(Object.entries(mark.bounds).filter(([n, m]) => String(line.tiers[n]?.from) === m.figure).map(([n, m]) => [Number(n), m]));
}

/**
 * `mark` once bound `n` is entered (`removed`: once tier `n` is removed, the bounds after it
 * one place up); null once no bound is left marked.
 */
export function markWithout(mark, n, removed = false) {
  if (!mark) return null;
  const bounds = Object.entries(mark.bounds).filter(([k]) => Number(k) !== n).map(([k, m]) => [removed && Number(k) > n ? Number(k) - 1 : Number(k), m]);
  return bounds.length ? { basis: mark.basis, bounds: Object.fromEntries(bounds) } : null;
}

/**
 * The switch records of `marks` (by line id) whose line in `plan` still has a bound marked
 * (`boundsToEnter`): what a stored session and a share link keep.
 */
export function openMarks(plan, marks) {
  return Object.fromEntries((plan?.commission ?? []).filter((line) => boundsToEnter(line, marks[line.id]).size).map((line) => [line.id, marks[line.id]]));
}

const WHYS = ['rounded', 'noTarget', 'unconverted'];

/** Whether entry `[n, mark]` of a record's `bounds` is a bound's index and its `Mark`. */
const isMark = ([n, mark]) => /^\d+$/.test(n) && isObject(mark) && typeof mark.figure === 'string' && WHYS.includes(mark.why) && (mark.was === undefined || typeof mark.was === 'string');

/**
 * The switch records (by line id) in `value`, as a stored session or a share link holds them:
 * only those of the form `markOf` makes (anything else, a link made by hand, is dropped).
 */
export function marksIn(value) {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, mark]) => isObject(mark) && ['amount', 'attainment_pct'].includes(mark.basis) && isObject(mark.bounds) && Object.entries(mark.bounds).every(isMark)));
}
