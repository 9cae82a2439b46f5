// The plan editor: scorecards (one tab per card, KPIs grouped by category with live sums
// and ranges), bonus and penalty points, grade bands and the distribution guide, and the
// commission tables. Render functions over the playground element `el`, which owns the state.
import { html, nothing } from 'lit';
import { fill, term } from './i18n.js';
import { sourceHint, columnsDatalist } from './columns.js';
import { renderCommission, renderAddLine, renderBasePay } from './editor-pay.js';
import { renderBonuses } from './editor-bonus.js';
import { renderKpiDetails, addKpi } from './editor-kpi.js';
import { renderTargets } from './editor-targets.js';
import { renderJson } from './editor-json.js';
import { short, sum as exactSum } from './format.js';
import { canonical } from './plan-path.js';
import { DEFAULT_GRADES } from './grades.js';
import { codeSpans } from './problems.js';

/** Sum of decimal-looking strings, for the live totals next to inputs (display only). */
function sum(values) {
  return values.reduce((s, v) => s + (Number.parseFloat(v) || 0), 0);
}

/**
 * Names the plan in the page's language (the English name is never emptied: the field keeps
 * the last one, `field`'s `required`). The other language's name follows while it is still
 * the preset's (and then keeps following while the two are the same, so a name erased to its
 * last letter and typed anew is followed all the way): a client's plan renamed in Chinese is
 * not shown under the preset's English name (nor saved with it) when the page is switched to
 * English. A name typed in the other language is its own. The Chinese name emptied (`value`
 * undefined) is removed alone: the English one is left as it was before the typing (which it
 * may have followed) began.
 */
function rename(el, value) {
  const [mine, other] = el.lang === 'zh' ? ['name_zh', 'name'] : ['name', 'name_zh'];
  const plan = el.currentPlan;
  const preset = el.presets.find((p) => p.id === el.presetId)?.plan;
  const presets = preset != null && (plan[other] ?? '') === (preset[other] ?? '');
  const following = el.nameFollower === other && (plan[other] ?? '') === (plan[mine] ?? '');
  const follows = presets || following;
  el.nameFollower = follows ? other : null;
  if (value === undefined) {
    const before = el.focused?.path === mine ? el.focused.plan : plan;
    el.editFields([[mine, undefined], [other, before[other]]], mine);
    return;
  }
  el.editFields(follows ? [[mine, value], [other, value]] : [[mine, value]], mine);
}

/**
 * A preset's name in the selector; the chosen one, once the plan is edited, says so (with the
 * plan's own name when the edit renamed it): its description was written for the preset.
 */
function presetLabel(el, preset, plan, edited) {
  if (preset.id !== el.presetId || !edited) return el.text(preset.plan);
  return el.planTitle(plan) || `${el.text(preset.plan)} · ${el.L('edited')}`;
}

/**
 * The plan editor panel: preset, scorecards, targets, points, grades, pay, JSON.
 * @param {import('./playground.js').SalesPlanPlayground} el the element whose plan is edited
 * @returns {import('lit').TemplateResult}
 */
export function renderEditor(el) {
  const plan = el.currentPlan;
  // The preset chosen, and whether the plan has been edited since (its description then
  // describes the preset, not the edits).
  const preset = el.presets.find((p) => p.id === el.presetId);
  const edited = preset != null && preset.canonical !== canonical(plan);
  const presetDescribed = edited && el.text(plan, 'description') === el.text(preset.plan, 'description');
  // On one column an open statement covers the editor: out of reach until it closes.
  return html`<section class="panel editor" aria-label=${el.L('plan')} ?inert=${el.statementOpen() && el.narrow}>
    <h2 class="visually-hidden">${el.L('plan')}</h2>
    <button type="button" class="linklike jump no-print" data-testid="jump-results" @click=${() => el.jumpTo('.panel.results')}>${el.L('jumpToResults')}</button>
    <label class="row preset">${el.L('preset')}
      <select data-testid="preset" .value=${el.presetId} title=${preset ? presetLabel(el, preset, plan, edited) : el.planTitle(plan) || el.L('plan')} @change=${(e) => el.loadPreset(e.target.value)}>
        ${el.presetId ? nothing : html`<option value="" disabled selected>${el.planTitle(plan) || el.L('plan')}</option>`}
        ${el.presets.map((p) => html`<option value=${p.id} ?selected=${p.id === el.presetId}>${presetLabel(el, p, plan, edited)}</option>`)}
      </select>
    </label>
    <label class="row plan-name">${el.L('planName')}
      ${el.nameField('', { label: el.L('planName'), placeholder: el.text(plan) || el.L('plan'), set: (value) => rename(el, value) })}
    </label>
    ${el.fieldError(el.namePath(''))}
    ${el.text(plan, 'description') ? html`<p class="hint description" data-testid="description">${presetDescribed ? html`<em data-testid="description-edited">${el.L('descriptionOfPreset')}</em> ` : nothing}${el.text(plan, 'description')}</p>` : nothing}
    ${renderScorecards(el)}
    ${renderTargets(el)}
    ${plan.points?.items?.length ? renderPoints(el) : nothing}
    ${renderGrades(el)}
    ${(plan.commission ?? []).map((line, i) => renderCommission(el, line, i))}
    ${renderAddLine(el)}
    ${renderBonuses(el)}
    ${plan.base_pay ? renderBasePay(el) : nothing}
    ${renderJson(el)}
    ${columnsDatalist(el)}
  </section>`;
}

function renderScorecards(el) {
  const cards = el.currentPlan.scorecards;
  const active = Math.min(el.cardIndex, cards.length - 1);
  const card = cards[active];
  return html`<fieldset class="block">
    <legend>${el.L('scorecard')}</legend>
    ${cards.length > 1
      ? html`<div class="tabs" role="tablist">${cards.map(
          (c, i) => html`<button type="button" role="tab" data-card=${c.id} aria-selected=${i === active ? 'true' : 'false'} @click=${() => el.setCard(i)}>${el.text(c) || c.id}</button>`,
        )}</div>`
      : nothing}
    ${renderCard(el, card, active)}
  </fieldset>`;
}

/**
 * A card's KPIs, each with its index, by category in the plan's order of categories (those
 * without one, or with one the plan does not have, last); the whole card as one group when the plan has no categories. Groups
 * may be empty.
 * @returns {Array<{cat: object|null, kpis: Array<[object, number]>}>}
 */
export function kpiGroups(plan, card) {
  const categories = plan.categories ?? [];
  const all = card.kpis.map((k, i) => [k, i]);
  const known = new Set(categories.map((cat) => cat.id));
  return categories.length
    ? [...categories.map((cat) => ({ cat, kpis: all.filter(([k]) => k.category === cat.id) })), { cat: null, kpis: all.filter(([k]) => !known.has(k.category)) }]
    : [{ cat: null, kpis: all }];
}

function renderCard(el, card, c) {
  const base = `scorecards[${c}]`;
  const groups = kpiGroups(el.currentPlan, card);
  const total = sum(card.kpis.map((k) => k.weight));
  const scale = card.normalize && total > 0 ? 100 / total : 1;
  // Scaled weights are fine whatever they add to, but not while one of them is wrong (empty).
  const weightsOk = !card.kpis.some((k, i) => el.invalidAt(`${base}.kpis[${i}].weight`)) && (card.normalize ? total > 0 : Math.abs(total - 100) < 1e-9);
  return html`<table class="grid kpis">
      <colgroup><col /><col class="c-target" /><col class="c-num" /><col class="c-num" /></colgroup>
      <thead><tr><th>${el.L('kpi')}</th><th>${el.L('target')}</th><th>${el.L('weight')}</th><th>${el.L('cap')}</th></tr></thead>
      ${groups.filter((g) => g.kpis.length).map((g) => html`<tbody>
        ${g.cat ? renderCategoryRow(el, g.cat, g.kpis, scale) : nothing}
        ${g.kpis.map(([kpi, k]) => {
          const path = `${base}.kpis[${k}]`;
          return html`${renderKpiRow(el, kpi, path)}${el.expandedKpi === path ? renderKpiDetails(el, kpi, path) : nothing}`;
        })}
      </tbody>`)}
      <tfoot><tr><td colspan="4"><button type="button" class="secondary" data-testid="add-kpi" @click=${() => addKpi(el, c)}>+ ${el.L('addKpi')}</button></td></tr>
      <tr>
        <th scope="row">${el.L('weightSum')}</th><td></td>
        <td class=${weightsOk ? 'sum ok' : 'sum bad'} data-testid="weight-sum">${short(String(total))}</td>
        <td class="hint">${card.normalize ? el.L('normalised') : el.L('mustBe100')}</td>
      </tr>
      <tr><td colspan="4"><label class="check hint"><input type="checkbox" data-testid="normalize" .checked=${card.normalize === true}
        @change=${(e) => el.edit(`${base}.normalize`, e.target.checked || undefined)} /> ${el.L('scaleWeights')}</label></td></tr></tfoot>
    </table>
    ${weightsError(el, base)}${el.fieldError(`${base}.kpis`, 'weights_sum')}`;
}

/**
 * A card's weights not adding to 100 (`problem`, at the card's `kpis`), in the form's words:
 * the KPIs by the names the form shows and the checkbox beside the sum (the engine's message
 * names ids and the JSON field).
 */
export function weightsText(el, kpis, problem) {
  const parts = kpis.map((k) => `${el.text(k) || k.id} ${short(String(k.weight))}`).join(' + ');
  // The engine's exact sum (the problem's value), not the float the live total adds up.
  return fill(el.L('weightsSum'), { sum: problem.value, parts, scale: el.L('scaleWeights') });
}

function weightsError(el, base) {
  const problem = el.problems.find((p) => p.path === `${base}.kpis` && p.code === 'weights_sum');
  if (!problem) return nothing;
  return html`<div class="field-error" role="alert" data-error-for=${`${base}.kpis`} data-code="weights_sum">${codeSpans(el.problemText(problem))}</div>`;
}

function renderCategoryRow(el, cat, kpis, scale) {
  const share = sum(kpis.map(([k]) => k.weight)) * scale;
  const has = cat.min_weight != null || cat.max_weight != null;
  const ok = (cat.min_weight == null || share >= Number(cat.min_weight) - 1e-9) && (cat.max_weight == null || share <= Number(cat.max_weight) + 1e-9);
  return html`<tr class="category" data-category=${cat.id}>
    <th scope="rowgroup" colspan="2">${el.text(cat)}${has ? html` <span class="hint">${el.L('range')} ${cat.min_weight ?? 0}–${cat.max_weight ?? 100}</span>` : nothing}</th>
    <td class=${`sum ${ok ? 'ok' : 'bad'}`} data-testid="category-sum">${short(String(share))}</td><td></td>
  </tr>`;
}

function renderKpiRow(el, kpi, path) {
  const label = el.text(kpi);
  const type = kpi.scoring?.type ?? 'ratio';
  const hasCap = type === 'ratio' || type === 'inverse_ratio';
  const open = el.expandedKpi === path;
  return html`<tr data-kpi=${kpi.id}>
    <th scope="row"><button type="button" class="kpi-toggle" aria-expanded=${open ? 'true' : 'false'} data-testid=${`kpi-toggle-${kpi.id}`}
      @click=${() => (el.expandedKpi = open ? null : path)}>${open ? '▾' : '▸'} ${label}</button><div class="hint">${term(el.lang, type)}${kpi.actual ? html` · ${sourceHint(el, kpi.actual)}` : nothing}</div></th>
    <td>${kpi.target != null ? el.field(`${path}.target`, { label: `${label} ${el.L('target')}`, width: 'formula' }) : html`<span class="hint">—</span>`}</td>
    <td>${el.field(`${path}.weight`, { label: `${label} ${el.L('weight')}`, type: 'number', width: 'tiny' })}</td>
    <td>${hasCap ? el.field(`${path}.scoring.cap_pct`, { label: `${label} ${el.L('cap')}`, type: 'number', width: 'tiny' }) : html`<span class="hint">—</span>`}</td>
  </tr>${kpiRowErrors(el, path)}`;
}

/**
 * The errors of a KPI row's target, weight and cap, in a row of their own under it, the
 * table's width: in their narrow columns they wrapped a word to a line.
 */
function kpiRowErrors(el, path) {
  const fields = [[`${path}.target`, 'target'], [`${path}.weight`, 'weight'], [`${path}.scoring.cap_pct`, 'cap']];
  if (!fields.some(([f]) => el.errorsAt(f).length)) return nothing;
  // Each error named by its column, as it no longer stands under its field.
  return html`<tr class="row-errors"><td colspan="4">${fields.map(([f, column]) => el.fieldError(f, undefined, el.L(column)))}</td></tr>`;
}

function renderPoints(el) {
  const points = el.currentPlan.points;
  return html`<fieldset class="block">
    <legend>${el.L('points')}</legend>
    <table class="grid">
      <thead><tr><th><span class="visually-hidden">${el.L('pointItem')}</span></th><th>${el.L('perEvent')}</th><th>${el.L('itemCap')}</th></tr></thead>
      <tbody>${points.items.map((item, i) => {
        const path = `points.items[${i}]`;
        const label = el.text(item);
        return html`<tr data-point=${item.id}>
          <th scope="row">${label}<div class="hint">${term(el.lang, item.kind)} · ${sourceHint(el, item.events)}</div></th>
          <td>${el.field(`${path}.points_per_event`, { label: `${label} ${el.L('perEvent')}`, type: 'number', width: 'narrow' })}${el.fieldError(`${path}.points_per_event`)}</td>
          <td>${item.cap != null ? html`${el.field(`${path}.cap`, { label: `${label} ${el.L('itemCap')}`, type: 'number', width: 'narrow' })}${el.fieldError(`${path}.cap`)}` : html`<span class="hint">—</span>`}</td>
        </tr>`;
      })}</tbody>
      <tfoot>
        ${['max_bonus', 'max_penalty'].filter((f) => points[f] != null).map((f) => html`<tr>
          <th scope="row">${el.L(f === 'max_bonus' ? 'maxBonus' : 'maxPenalty')}</th>
          <td>${el.field(`points.${f}`, { label: el.L(f === 'max_bonus' ? 'maxBonus' : 'maxPenalty'), type: 'number', width: 'narrow' })}${el.fieldError(`points.${f}`)}</td><td></td>
        </tr>`)}
      </tfoot>
    </table>
  </fieldset>`;
}

/**
 * A plan without grade bands is graded by the engine's default bands: shown as they are,
 * with a button that writes them into the plan to be edited.
 */
function renderDefaultGrades(el) {
  const bands = DEFAULT_GRADES.bands;
  return html`<fieldset class="block" data-testid="default-grades">
    <legend>${el.L('grades')}</legend>
    <p class="hint">${el.L('defaultGrades')}</p>
    <table class="grid">
      <thead><tr><th>${el.L('grade')}</th><th>${el.L('minScore')}</th></tr></thead>
      <tbody>${bands.map((band, i) => html`<tr>
        <th scope="row"><span class=${`badge g-${band.grade}`}>${band.grade}</span></th>
        <td class="hint">${band.min_score != null ? `≥ ${band.min_score}` : `< ${bands[i - 1]?.min_score ?? ''}`}</td>
      </tr>`)}</tbody>
    </table>
    <button type="button" class="secondary" data-testid="edit-default-grades" @click=${() => el.edit('grades', { bands: DEFAULT_GRADES.bands.map((b) => (b.min_score == null ? { ...b } : { ...b, min_score: wholeOrText(b.min_score) })) })}>${el.L('editGrades')}</button>
  </fieldset>`;
}

/** A whole number written as text ("90") as a JSON number, as the presets write bounds; other text as it is. */
const wholeOrText = (text) => (/^\d{1,9}$/.test(String(text)) ? Number(text) : text);

/**
 * The quotas' sum under their column, once every grade of the guide has one written as a
 * number: red, with what it must be, unless it is 100 (enforcing by rank needs 100; unenforced
 * the quotas are not used, which is why the page says so before the box is ticked).
 */
function quotaSum(el, guide) {
  const quotas = guide.map((g) => g.quota_pct);
  if (!guide.length || !quotas.every((q) => /^-?\d+(\.\d+)?$/.test(String(q ?? '')))) return nothing;
  const total = exactSum(quotas);
  const ok = Number(total) === 100;
  return html`<tfoot><tr>
    <th scope="row">${el.L('quotaSum')}</th><td></td><td class="hint">${ok ? nothing : el.L('mustBe100')}</td>
    <td class=${ok ? 'sum ok' : 'sum bad'} data-testid="quota-sum">${short(total)}</td>
  </tr></tfoot>`;
}

function renderGrades(el) {
  if (!el.currentPlan.grades) return renderDefaultGrades(el);
  const grades = el.currentPlan.grades;
  const guide = grades.distribution?.guide ?? [];
  return html`<fieldset class="block">
    <legend>${el.L('grades')}</legend>
    <table class="grid">
      <thead><tr><th>${el.L('grade')}</th><th>${el.L('minScore')}</th>${guide.length ? html`<th>${el.L('guide')}</th><th>${el.L('quotaPct')}</th>` : nothing}</tr></thead>
      <tbody>
        ${grades.bands.map((band, i) => {
          const j = guide.findIndex((x) => x.grade === band.grade);
          const g = guide[j];
          const quota = `grades.distribution.guide[${j}].quota_pct`;
          return html`<tr>
            <th scope="row"><span class=${`badge g-${band.grade}`}>${band.grade}</span></th>
            <td>${i < grades.bands.length - 1
              ? html`${el.field(`grades.bands[${i}].min_score`, { label: `${band.grade} ${el.L('minScore')}`, type: 'number', width: 'narrow' })}${el.fieldError(`grades.bands[${i}].min_score`)}`
              : html`<span class="hint">&lt; ${grades.bands[i - 1]?.min_score ?? ''}</span>`}</td>
            ${guide.length ? html`<td class="hint">${g ? `${g.min_pct}–${g.max_pct}%` : '—'}</td>
              <td>${g ? html`${el.field(quota, { label: `${band.grade} ${el.L('quotaPct')}`, type: 'number', width: 'narrow', optional: true })}${el.fieldError(quota)}` : nothing}</td>` : nothing}
          </tr>`;
        })}
      </tbody>
      ${quotaSum(el, guide)}
    </table>
    ${grades.distribution
      ? html`<label class="row check"><input type="checkbox" data-path="grades.distribution.enforce" .checked=${!!grades.distribution.enforce}
          ?disabled=${!guide.every((g) => g.quota_pct != null) && !grades.distribution.enforce}
          @change=${(e) => el.edit('grades.distribution.enforce', e.target.checked)} /> ${el.L('enforce')}</label>
        ${guide.every((g) => g.quota_pct != null) ? nothing : html`<p class="hint" data-testid="enforce-hint">${el.L('enforceNeedsQuotas')}</p>`}`
      : nothing}
    ${el.fieldError('grades.distribution.guide')}
  </fieldset>`;
}

