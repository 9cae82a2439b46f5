// The pay parts of the plan editor: commission lines, added and removed (name, method, what they
// pay on, how their tiers are bounded, gate, cap, grade multipliers, tiers that can be added and
// removed: their bounds keep them in order) and base pay. The bonuses have their own module, editor-bonus.js.
import { html, nothing } from 'lit';
import { name } from './i18n.js';
import { cityTier } from './columns.js';
import { group, sum } from './format.js';
import { gradeBands } from './grades.js';
import { typedValue } from './typed.js';
import { freeId, withoutItem } from './plan-path.js';
import { boundsToEnter, markOf, markWithout, switchedTiers } from './tier-basis.js';

/**
 * The editor of commission line `i`: method, base, tier basis and target, gate, cap, grade
 * multipliers and tiers.
 * @param {import('./playground.js').SalesPlanPlayground} el the element whose plan is edited
 * @param {object} line the plan's `commission[i]`
 * @param {number} i its index
 * @returns {import('lit').TemplateResult}
 */
export function renderCommission(el, line, i) {
  const base = `commission[${i}]`;
  const fromLabel = line.tier_basis === 'amount' ? el.L('fromAmount') : el.L('fromPct');
  const mark = el.reenter[line.id];
  const again = boundsToEnter(line, mark);
  return html`<fieldset class="block" data-line=${line.id}>
    <legend>${lineTitle(el, line)}</legend>
    <div class="row line-head">
      <label>${el.L('lineName')} ${el.nameField(base, { label: `${line.id} ${el.L('lineName')}`, placeholder: el.text(line) })}</label>
      <button type="button" class="icon" data-testid="remove-line" title=${el.L('removeLine')} aria-label=${`${el.L('removeLine')}: ${el.text(line) || line.id}`}
        @click=${() => removeLine(el, line, i)}>×</button>
    </div>
    ${el.fieldError(el.namePath(base))}
    <label class="row">${el.L('method')}
      <select data-path=${`${base}.method`} @change=${(e) => el.edit(`${base}.method`, e.target.value)}>
        ${['marginal', 'retroactive'].map((m) => html`<option value=${m} ?selected=${line.method === m}>${el.L(m)}</option>`)}
      </select>
    </label>
    <div class="row pair line-base">
      <label>${el.L('paidOn')} ${el.field(`${base}.base`, { label: el.L('paidOn'), width: 'formula' })}</label>
      <label>${el.L('tiersBy')}
        <select data-path=${`${base}.tier_basis`} @change=${(e) => switchBasis(el, base, line, e.target.value)}>
          ${['attainment_pct', 'amount'].map((b) => html`<option value=${b} ?selected=${(line.tier_basis ?? 'attainment_pct') === b}>${el.L(b === 'amount' ? 'tiersByAmount' : 'tiersByPct')}</option>`)}
        </select></label>
      ${line.tier_basis !== 'amount' || line.target != null
        ? html`<label title=${el.L('lineTargetHint')}>${el.L('target')} ${el.field(`${base}.target`, { label: `${el.L('target')}: ${el.L('lineTargetHint')}`, width: 'formula', optional: line.tier_basis === 'amount' })}</label>`
        : nothing}
    </div>
    ${el.fieldError(`${base}.base`)}${el.fieldError(`${base}.target`)}
    <div class="row pair">
      <label>${el.L('gatePct')} ${el.field(`${base}.gate_pct`, { label: el.L('gatePct'), type: 'number', width: 'narrow', optional: true })}</label>
      <label>${el.L('lineCap')} ${el.field(`${base}.cap`, { label: el.L('lineCap'), type: 'number', width: 'medium', optional: true })}</label>
    </div>
    ${el.fieldError(`${base}.gate_pct`)}${el.fieldError(`${base}.cap`)}
    <div class="row pair grade-multipliers">${el.L('gradeMultipliers')}
      ${gradeBands(el.currentPlan).map((b) => html`<label><span class=${`badge g-${b.grade}`}>${b.grade}</span> ×
        ${el.field(`${base}.grade_multipliers.${b.grade}`, { label: `${el.L('gradeMultipliers')} ${b.grade}`, type: 'number', width: 'tiny', optional: true, placeholder: '1' })}</label>`)}
    </div>
    ${gradeBands(el.currentPlan).map((b) => el.fieldError(`${base}.grade_multipliers.${b.grade}`))}
    ${line.multipliers?.length ? html`<p class="hint">${line.multipliers.map((m, k) => html`<code>${m.when}</code> × ${el.field(`${base}.multipliers[${k}].multiplier`, { label: m.when, type: 'number', width: 'tiny' })} `)}</p>` : nothing}
    <table class="grid tiers">
      <thead><tr><th>${el.L('tiers')}</th><th>${fromLabel}</th><th>${el.L('ratePct')}</th><th><span class="visually-hidden">${el.L('tierActions')}</span></th></tr></thead>
      <tbody>
        ${line.tiers.map((tier, n) => {
          const path = `${base}.tiers[${n}]`;
          return html`<tr>
            <th scope="row">${n + 1}</th>
            <td class=${again.has(n) ? 'reenter' : ''}>${el.field(`${path}.from`, {
              label: `${el.L('tiers')} ${n + 1} ${fromLabel}`, type: 'number', percent: line.tier_basis !== 'amount',
              width: line.tier_basis === 'amount' || again.has(n) /* an amount marked in percent shows whole */ ? 'medium' : 'narrow',
              describedBy: again.has(n) ? markWordsId(line, again.get(n).why) : undefined,
              set: (value) => { el.edit(`${path}.from`, value, `${path}.from`); setMark(el, line.id, markWithout(mark, n)); },
            })}${again.has(n) ? html`<span class="reenter-mark" aria-hidden="true" title=${markWords(el, line, again.get(n).why)}>⚠</span>` : nothing}${el.fieldError(`${path}.from`)}</td>
            <td>${el.field(`${path}.rate_pct`, { label: `${el.L('tiers')} ${n + 1} ${el.L('ratePct')}`, type: 'number', width: 'narrow' })}${el.fieldError(`${path}.rate_pct`)}</td>
            <td class="tier-buttons">
              ${line.tiers.length > 1
                ? html`<button type="button" class="icon" title=${el.L('removeTier')} aria-label=${`${el.L('removeTier')} ${n + 1}`} @click=${() => removeTier(el, base, line, n)}>×</button>`
                : nothing}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${[...new Set([...again.values()].map((m) => m.why))].map((why) => html`<p class="field-warn" role="status" data-testid="reenter-bounds" data-why=${why} id=${markWordsId(line, why)}>${markWords(el, line, why)}</p>`)}
    <p class="hint tier-bounds">${tierBoundsHint(el, line)}</p>
    <button type="button" class="secondary" @click=${() => addTier(el, base, line)}>+ ${el.L('addTier')}</button>
    ${el.fieldError(`${base}.tiers`)}
  </fieldset>`;
}

/**
 * The button that adds a commission line: on the plan's headline actual and target, marginal
 * tiers of 3% to target and 4% above (the seeds' rates), under the first id `line_N` free.
 * @param {import('./playground.js').SalesPlanPlayground} el the element whose plan is edited
 * @returns {import('lit').TemplateResult}
 */
export function renderAddLine(el) {
  const plan = el.currentPlan;
  const lines = plan.commission ?? [];
  const add = () => {
    const id = freeId(new Set(lines.map((l) => l.id)), 'line');
    const n = id.slice('line_'.length);
    const line = {
      id, name: `Commission ${n}`, name_zh: `提成 ${n}`,
      base: plan.attainment?.actual ?? 'revenue_collected', target: plan.attainment?.target ?? 'revenue_target',
      method: 'marginal', tier_basis: 'attainment_pct', tiers: [{ from: 0, rate_pct: 3 }, { from: 100, rate_pct: 4 }],
    };
    el.edit('commission', [...lines, line]);
  };
  return html`<p class="row add-line"><button type="button" class="secondary" data-testid="add-line" @click=${add}>+ ${el.L('addLine')}</button></p>`;
}

/**
 * How the line's tier bounds are read (D5): a tier starts at its bound, inclusive. Under
 * `retroactive` the hint names the line's first bound above 0, where the whole amount moves up
 * a tier ("at exactly 100% of target …"); under `marginal` it says a rate applies to its
 * slice; one tier is a flat rate on the whole amount.
 */
export function tierBoundsHint(el, line) {
  if (line.tiers.length <= 1) return el.L('oneTier');
  if (line.method !== 'retroactive') return el.L('marginalBounds');
  const bound = line.tiers.map((t) => String(t.from ?? '')).find((from) => /[1-9]/.test(from) && !from.trim().startsWith('-'));
  if (bound == null) return el.L('retroactiveBounds');
  const shown = line.tier_basis === 'amount' ? group(bound) : `${group(bound)}%`;
  return el.L(line.tier_basis === 'amount' ? 'retroactiveBoundAmount' : 'retroactiveBoundPct').replaceAll('{bound}', shown);
}

/** The id of the line under `line`'s tiers saying why its bounds marked `why` are (a `Mark`'s, tier-basis.js), for their `aria-describedby`. */
function markWordsId(line, why) {
  return `reenter-${line.id}-${why}`;
}

/** Why `line`'s bounds marked `why` are marked, and what to do, in the page's language. */
function markWords(el, line, why) {
  const pct = line.tier_basis !== 'amount';
  if (why === 'rounded') return el.L('roundedBounds');
  if (why === 'noTarget') return el.L(pct ? 'noTargetAsPct' : 'noTargetAsAmounts');
  return el.L(pct ? 'reenterAsPct' : 'reenterAsAmounts');
}

/**
 * Sets the bounds of line `id` to enter again (`mark`, null: none) along with the edit just
 * made: the element keeps them with each undo step (`undoState`), so that undo takes them back too.
 */
function setMark(el, id, mark) {
  const { [id]: _, ...others } = el.reenter;
  el.reenter = mark ? { ...others, [id]: mark } : others;
}

/**
 * Switches line `line` (at `base`) to tier basis `basis`, one undo step: its bounds converted
 * at its target when that is one fixed number (marked to check when rounded), else kept and
 * marked to be entered again (tier-basis.js, `switchedTiers`); those marked from a switch
 * before are right again.
 */
function switchBasis(el, base, line, basis) {
  const { tiers, again } = switchedTiers(line.tiers, line.target, basis, boundsToEnter(line, el.reenter[line.id]));
  el.editFields([[`${base}.tier_basis`, basis], [`${base}.tiers`, tiers]]);
  setMark(el, line.id, markOf(basis, again));
}

/** Removes tier `n` of `line`; the marks of the bounds after it move up with them. */
function removeTier(el, base, line, n) {
  el.edit(`${base}.tiers`, line.tiers.filter((_, j) => j !== n));
  setMark(el, line.id, markWithout(el.reenter[line.id], n, true));
}

/** Removes commission line `i` and its marks (a line added later may take its id). */
function removeLine(el, line, i) {
  el.edit('commission', withoutItem(el.currentPlan.commission, i));
  setMark(el, line.id, null);
}

function addTier(el, base, line) {
  const last = line.tiers.at(-1);
  // Added exactly (108.02 + 20 is 128.02, not 128.01999999999998); a bound that is not a number counts as 0.
  const bound = /^-?\d+(\.\d+)?$/.test(String(last?.from ?? '')) ? String(last.from) : '0';
  const from = sum([bound, line.tier_basis === 'amount' ? '100000' : '20']);
  el.edit(`${base}.tiers`, [...line.tiers, { from: typedValue(from, 'number'), rate_pct: typedValue(String(last?.rate_pct ?? '0'), 'number') }]);
}

/**
 * The editor of base pay: salaries by role and city tier, allowances, the minimum wage by city
 * tier and the range of base pay's share of total pay.
 * @param {import('./playground.js').SalesPlanPlayground} el the element whose plan is edited
 * @returns {import('lit').TemplateResult}
 */
export function renderBasePay(el) {
  const base = el.currentPlan.base_pay;
  return html`<fieldset class="block">
    <legend>${el.L('basePayTitle')}</legend>
    <table class="grid">
      <thead><tr><th>${el.L('role')}</th><th>${el.L('cityTier')}</th><th>${el.L('salary')}</th></tr></thead>
      <tbody>${base.salaries.map((s, i) => html`<tr>
        <td>${s.role ? name(el.lang, s.role) : html`<span class="hint">${el.L('anyRole')}</span>`}</td>
        <td>${s.city_tier != null ? cityTier(el.lang, s.city_tier) : html`<span class="hint">${el.L('anyTier')}</span>`}</td>
        <td>${el.field(`base_pay.salaries[${i}].monthly`, { label: `${el.L('salary')} ${s.role ? name(el.lang, s.role) : ''} ${s.city_tier != null ? cityTier(el.lang, s.city_tier) : ''}`, type: 'number', width: 'medium' })}${el.fieldError(`base_pay.salaries[${i}].monthly`)}</td>
      </tr>`)}</tbody>
      ${base.allowances?.length ? html`<tbody>${base.allowances.map((a, i) => html`<tr>
        <td colspan="2">${el.text(a)}</td>
        <td>${el.field(`base_pay.allowances[${i}].monthly`, { label: el.text(a), type: 'number', width: 'medium' })}${el.fieldError(`base_pay.allowances[${i}].monthly`)}</td>
      </tr>`)}</tbody>` : nothing}
    </table>
    ${Object.keys(base.minimum_by_city_tier ?? {}).length ? html`<div class="row pair minimum-wage"><span class="pair-title">${el.L('minimumWage')}</span>
      ${Object.keys(base.minimum_by_city_tier).map((tier) => html`<label>${cityTier(el.lang, Number(tier))} ${el.field(`base_pay.minimum_by_city_tier.${tier}`, { label: `${el.L('minimumWage')} ${cityTier(el.lang, Number(tier))}`, type: 'number', width: 'medium' })}</label>`)}
    </div>${Object.keys(base.minimum_by_city_tier).map((tier) => el.fieldError(`base_pay.minimum_by_city_tier.${tier}`))}` : nothing}
    <div class="row pair share-range"><span class="pair-title">${el.L('shareRange')}</span>
      ${[0, 1].map((k) => html`<label>${el.L(k ? 'shareHigh' : 'shareLow')} ${el.field(`base_pay.share_range_pct[${k}]`, {
        label: `${el.L('shareRange')} ${el.L(k ? 'shareHigh' : 'shareLow')}`, type: 'number', width: 'narrow', percent: true, placeholder: String(SHARE_RANGE[k]), optional: true,
        set: (value) => el.edit('base_pay.share_range_pct', shareRange(base.share_range_pct, k, value), `base_pay.share_range_pct[${k}]`),
      })}</label>`)}
    </div>${el.fieldError('base_pay.share_range_pct')}${[0, 1].map((k) => el.fieldError(`base_pay.share_range_pct[${k}]`))}
  </fieldset>`;
}

/** The share of total pay base pay should have, in percent, when the plan does not say (D5: 30–40%). */
const SHARE_RANGE = [30, 40];

/**
 * The share range with bound `k` set to `value`, written whole: a bound typed into a plan that has
 * no range keeps the other's default, and a bound emptied is its default again (the placeholder
 * shown); the default range is no field at all.
 */
function shareRange(range, k, value) {
  const next = Object.assign([...(range ?? SHARE_RANGE)], { [k]: value ?? SHARE_RANGE[k] });
  return next.every((bound, i) => String(bound) === String(SHARE_RANGE[i])) ? undefined : next;
}

/**
 * A commission line's heading: its name, after "Commission:" unless the name already says
 * so ("Commission on collected revenue", "回款提成").
 */
export function lineTitle(el, line) {
  const name = el.text(line) || line.id;
  return name.toLowerCase().includes(el.L('commission').toLowerCase()) ? name : `${el.L('commission')}${el.L('colon')}${name}`;
}
