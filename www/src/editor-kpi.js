// The details of one KPI: names, category, the formulas of its actual and target, its
// scoring function and that function's parameters; adding and removing KPIs.
import { html, nothing } from 'lit';
import { term } from './i18n.js';
import { DEFAULT_RATERS, columnName, sourceHint } from './columns.js';
import { percentTarget, shownAsPercent, sum } from './format.js';
import { typedValue } from './typed.js';
import { freeId } from './plan-path.js';

const TYPES = ['ratio', 'inverse_ratio', 'bands', 'rating360', 'pass_fail', 'deduction'];

/** A fresh scoring of `type`, with the fields the engine needs. */
function scoringOf(type) {
  switch (type) {
    case 'inverse_ratio': return { type, cap_pct: '100' };
    case 'bands': return { type, steps: [{ at: '100', score_pct: '100' }, { at: '80', score_pct: '50' }], otherwise_pct: '0' };
    case 'rating360': return { type };
    case 'deduction': return { type, points_per_event: '2' };
    case 'pass_fail': return { type };
    default: return { type: 'ratio', cap_pct: '120' };
  }
}

/** Which of actual and target a scoring reads (as the engine's `Scoring::needs`). */
function needs(type, scoring) {
  if (type === 'rating360') return [false, false];
  if (type === 'pass_fail' || type === 'deduction') return [true, false];
  if (type === 'bands') return [true, scoring?.basis === 'attainment_pct'];
  return [true, true];
}

/** Changes the scoring function of the KPI at `path`, adding or removing actual and target to match. */
function setType(el, path, kpi, type) {
  const next = { ...kpi, scoring: scoringOf(type) };
  const [actual, target] = needs(type, next.scoring);
  if (actual && next.actual == null) next.actual = el.columns[0] ?? '1';
  if (!actual) delete next.actual;
  if (target && next.target == null) next.target = '1';
  if (!target) delete next.target;
  // A pass/fail, a deduction or a rating shows no actual and target to put in percent.
  if (['pass_fail', 'deduction', 'rating360'].includes(type)) delete next.display;
  el.edit(path, next);
}

/**
 * The details row of one KPI: names, category, actual and target formulas, scoring function.
 * @param {import('./playground.js').SalesPlanPlayground} el the element whose plan is edited
 * @param {object} kpi the KPI of the plan
 * @param {string} path its field path in the plan (`scorecards[0].kpis[1]`)
 * @returns {import('lit').TemplateResult}
 */
export function renderKpiDetails(el, kpi, path) {
  const s = kpi.scoring ?? { type: 'ratio' };
  const type = s.type ?? 'ratio';
  const [wantsActual, wantsTarget] = needs(type, s);
  const categories = el.currentPlan.categories ?? [];
  const f = (p, label, opts = {}) => html`<label class="detail-field">${label} ${el.field(`${path}.${p}`, { label, ...opts })}${el.fieldError(`${path}.${p}`)}</label>`;
  const sp = `${path}.scoring`;
  return html`<tr class="kpi-details" data-kpi-details=${kpi.id}><td colspan="4">
    <div class="detail-grid">
      ${f('name', el.L('nameEn'), { required: true })}
      ${f('name_zh', el.L('nameZh'), { optional: true, placeholder: kpi.name })}
      ${categories.length ? html`<label class="detail-field">${el.L('category')}
        <select data-path=${`${path}.category`} @change=${(e) => el.edit(`${path}.category`, e.target.value || undefined)}>
          <option value="" ?selected=${!kpi.category}>—</option>
          ${categories.map((c) => html`<option value=${c.id} ?selected=${kpi.category === c.id}>${el.text(c)}</option>`)}
        </select></label>` : nothing}
      <label class="detail-field">${el.L('scoring')}
        <select data-path=${`${sp}.type`} @change=${(e) => setType(el, path, kpi, e.target.value)}>
          ${TYPES.map((t) => html`<option value=${t} ?selected=${t === type}>${term(el.lang, t)}</option>`)}
        </select></label>
      ${wantsActual ? f('actual', type === 'pass_fail' ? el.L('condition') : type === 'deduction' ? el.L('eventsCount') : el.L('actual'), { width: 'formula' }) : nothing}
      ${wantsTarget ? f('target', el.L('target'), { width: 'formula' }) : nothing}
      ${wantsActual && type !== 'pass_fail' && type !== 'deduction' ? html`<label class="detail-field">${el.L('shownAs')}
        <select data-path=${`${path}.display`} @change=${(e) => el.edit(`${path}.display`, (e.target.value === 'percent') === percentTarget(kpi) ? undefined : e.target.value)}>
          <option value="number" ?selected=${!shownAsPercent(kpi)}>${el.L('asNumber')}</option>
          <option value="percent" ?selected=${shownAsPercent(kpi)}>${el.L('asPercent')}</option>
        </select></label>` : nothing}
      ${type === 'ratio' || type === 'inverse_ratio' ? html`
        ${f('scoring.cap_pct', el.L('cap'), { type: 'number', width: 'narrow', optional: type === 'ratio' })}
        ${f('scoring.floor_pct', el.L('floorPct'), { type: 'number', width: 'narrow', optional: true })}
        ${f('scoring.threshold_pct', el.L('thresholdPct'), { type: 'number', width: 'narrow', optional: true })}` : nothing}
      ${type === 'deduction' ? html`${f('scoring.points_per_event', el.L('perEvent'), { type: 'number', width: 'narrow' })}${f('scoring.floor', el.L('floor'), { type: 'number', width: 'narrow', optional: true })}` : nothing}
      ${type === 'bands' ? html`${f('scoring.otherwise_pct', el.L('otherwisePct'), { type: 'number', width: 'narrow' })}
        <div class="detail-field wide">${el.L('bandSteps')}
          ${(s.steps ?? []).map((_, i) => html`<span class="pair">${el.field(`${sp}.steps[${i}].at`, { label: `${el.L('bandAt')} ${i + 1}`, type: 'number', width: 'narrow', percent: s.basis === 'attainment_pct' })} → ${el.field(`${sp}.steps[${i}].score_pct`, { label: `${el.L('bandScore')} ${i + 1}`, type: 'number', width: 'narrow' })}%${s.steps.length > 1
            ? html`<button type="button" class="icon" aria-label=${`${el.L('removeBand')} ${i + 1}`} @click=${() => el.edit(`${sp}.steps`, s.steps.filter((__, j) => j !== i))}>×</button>` : nothing}</span>`)}
          <button type="button" class="secondary" data-testid="add-band" @click=${() => el.edit(`${sp}.steps`, [...(s.steps ?? []), nextBand(s.steps ?? [], s.direction)])}>+ ${el.L('addBand')}</button>
          ${(s.steps ?? []).map((_, i) => html`${el.fieldError(`${sp}.steps[${i}].at`)}${el.fieldError(`${sp}.steps[${i}].score_pct`)}`)}
          ${el.fieldError(`${sp}.steps`)}</div>` : nothing}
      ${type === 'rating360' ? html`<div class="detail-field wide">${el.L('raters')}
          ${(s.raters ?? DEFAULT_RATERS).map((r, i) => html`<span class="pair">${sourceHint(el, r.rating)} ${el.field(`${sp}.raters[${i}].weight`, {
            label: `${el.L('raters')} ${sourceHint(el, r.rating)}`, type: 'number', width: 'tiny', percent: true, placeholder: String(r.weight),
            // The raters are written whole: a weight typed into a KPI on the default raters keeps the others.
            set: (value) => el.edit(`${sp}.raters`, (s.raters ?? DEFAULT_RATERS).map((x, j) => (j === i ? { ...x, weight: value } : { ...x })), `${sp}.raters[${i}].weight`),
          })}%</span>`)}${el.fieldError(`${sp}.raters`)}${(s.raters ?? DEFAULT_RATERS).map((_, i) => el.fieldError(`${sp}.raters[${i}].weight`))}</div>` : nothing}
      <button type="button" class="danger" data-testid="remove-kpi" @click=${() => removeKpi(el, path)}>${el.L('removeKpi')}</button>
    </div>
    ${el.fieldError(path)}${el.fieldError(`${sp}`)}
  </td></tr>`;
}

/**
 * A band step after `steps` (best first): one more step of the same size on both columns (90 → 100%,
 * 80 → 80% gives 70 → 60%), exactly, the score not below 0. From one step: half its score, at
 * half its start (higher is better) or at one and a half times it (lower is better); from none,
 * 100 → 100%.
 */
function nextBand(steps, direction) {
  const plain = (v) => (/^-?\d+(\.\d+)?$/.test(String(v ?? '')) ? String(v) : '0');
  const negated = (v) => (v.startsWith('-') ? v.slice(1) : `-${v}`);
  const last = steps.at(-1);
  if (!last) return { at: 100, score_pct: 100 };
  const before = steps.at(-2);
  // Halving is exact in binary and written back as the decimal it is; one and a half is x + x / 2.
  const half = (v) => String(Number(v) / 2);
  const start = plain(last.at);
  const lower = direction === 'lower_is_better';
  const [at, score] = before
    ? [sum([start, start, negated(plain(before.at))]), sum([plain(last.score_pct), plain(last.score_pct), negated(plain(before.score_pct))])]
    : [Number(start) === 0 ? (lower ? '1' : '-1') : lower ? sum([start, half(start)]) : half(start), half(plain(last.score_pct))];
  return { at: typedValue(at, 'number'), score_pct: score.startsWith('-') ? 0 : typedValue(score, 'number') };
}

function removeKpi(el, path) {
  const [, card] = path.match(/^scorecards\[(\d+)\]/);
  const index = Number(path.match(/kpis\[(\d+)\]$/)[1]);
  const kpis = el.currentPlan.scorecards[card].kpis.filter((_, i) => i !== index);
  el.expandedKpi = null;
  el.edit(`scorecards[${card}].kpis`, kpis);
}

/**
 * Adds a ratio KPI with weight 0 to card `c` and opens its details. It measures the first
 * column of the data that the card does not use yet and that is a figure to reach (not a
 * target, not the city tier), against its `…_target` column when the data has one.
 */
export function addKpi(el, c) {
  const kpis = el.currentPlan.scorecards[c].kpis;
  const id = freeId(new Set(kpis.map((k) => k.id)), 'kpi', kpis.length + 1);
  const n = id.slice('kpi_'.length);
  const used = new Set(kpis.flatMap((k) => `${k.actual ?? ''} ${k.target ?? ''}`.match(/[A-Za-z_]\w*/g) ?? []));
  const actual = el.columns.find((col) => col !== 'city_tier' && !col.endsWith('_target') && !used.has(col)) ?? el.columns[0] ?? '1';
  const ownTarget = `${actual.split('_')[0]}_target`;
  const nameZh = columnName('zh', actual);
  const kpi = { id, name: columnName('en', actual) ?? `KPI ${n}`, ...(nameZh ? { name_zh: nameZh } : {}), actual, target: el.columns.includes(ownTarget) ? ownTarget : '1', weight: '0', scoring: { type: 'ratio', cap_pct: '120' } };
  el.expandedKpi = `scorecards[${c}].kpis[${kpis.length}]`;
  el.edit(`scorecards[${c}].kpis`, [...kpis, kpi]);
}
