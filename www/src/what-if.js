// "What if": sliders over the levers a consultant moves in front of a client, beside the
// results they move: the KPI weights of the scorecard open in the editor (the other weights
// of the card, or of the KPI's category when the plan has categories, make room in
// proportion, so the total and each category's share stay what they were), each commission
// line's tier rates, and the grade bands' minimum scores (each between its neighbours'). A move is an edit of the plan like a typed one: evaluated at once, undoable (a drag
// is one step), compared with a pinned baseline, and "Undo the sliders" goes back to the plan
// as it was before the first of them.
import { html, nothing } from 'lit';
import { fill } from './i18n.js';
import { lineTitle } from './editor-pay.js';
import { kpiGroups } from './editor.js';
import { short } from './format.js';
import { bandRange, bandTop, figure, places, rateMax, rateStep, rebalance, written } from './levers.js';

/**
 * Starts or continues a drag of lever `key`: the plan as it was before the first move of any
 * lever is kept for "Undo the sliders", and a lever's figures as they were when its drag
 * began (weights rebalance from those, not from the last step's rounding; a rate slider
 * keeps its scale).
 */
function dragOf(el, key, start) {
  if (!(el.levers && el.levers.plan === el.currentPlan)) el.levers = { before: el.currentPlan, plan: null, drag: null };
  if (el.levers.drag?.key !== key) el.levers.drag = { key, ...start() };
  return el.levers.drag;
}

/** Applies a lever's edit of `path` and notes the plan it made (so that the levers know their own edits). */
function move(el, path, value) {
  el.edit(path, value);
  el.levers.plan = el.currentPlan;
}

/** The drag ends (the pointer or key is released): the next move starts from the plan as it is then. */
function release(el) {
  if (el.levers) el.levers.drag = null;
}

function weightLevers(el) {
  const cards = el.currentPlan.scorecards ?? [];
  const c = Math.min(el.cardIndex, cards.length - 1);
  const card = cards[c];
  if (!card?.kpis?.length) return nothing;
  const base = `scorecards[${c}].kpis`;
  const weights = card.kpis.map((k) => k.weight);
  const groups = kpiGroups(el.currentPlan, card).filter((g) => g.kpis.length);
  const categorised = (el.currentPlan.categories ?? []).length > 0;
  const numbers = weights.every((w) => figure(w) != null && figure(w) >= 0);
  const step = 10 ** -Math.min(2, Math.max(...weights.map(places)));
  // Within its group, from the weights as they were when the drag began.
  const onInput = (group, k, value) => {
    const { weights: start } = dragOf(el, base, () => ({ weights }));
    const next = rebalance(group.map((i) => start[i]), group.indexOf(k), value);
    if (next) move(el, base, card.kpis.map((kpi, i) => (group.includes(i) ? { ...kpi, weight: next[group.indexOf(i)] } : kpi)));
  };
  const slider = (group, total, [kpi, k]) => {
    const name = el.text(kpi) || kpi.id;
    const w = figure(kpi.weight) ?? 0;
    return html`<label class="lever"><span class="lever-name" title=${name}>${name}</span>
      <input type="range" min="0" max=${total} step=${step} .value=${String(w)} ?disabled=${!numbers || group.length < 2} data-lever=${`${base}[${k}].weight`}
        aria-label=${`${name} ${el.L('weight')}`} aria-valuetext=${fill(el.L('leverWeightOf'), { value: short(String(w)), total: short(String(total)) })}
        @input=${(e) => onInput(group, k, e.target.value)} @change=${() => release(el)} />
      <output>${short(String(kpi.weight ?? ''))}</output></label>`;
  };
  const sum = (ws) => ws.reduce((a, w) => a + (figure(w) ?? 0), 0);
  return html`<fieldset class="lever-group" data-lever-group="weights">
    <legend>${el.L('leverWeights')}${cards.length > 1 ? html` · ${el.text(card) || card.id}` : nothing}</legend>
    ${groups.map(({ cat, kpis }) => {
      const group = kpis.map(([, i]) => i);
      const total = sum(group.map((i) => weights[i]));
      return html`${categorised ? html`<div class="lever-sub" data-lever-category=${cat?.id ?? ''}>${cat ? el.text(cat) || cat.id : el.L('noCategory')} · ${short(String(total))}</div>` : nothing}
        ${kpis.map((entry) => slider(group, total, entry))}`;
    })}
    <p class="hint">${!numbers ? el.L('leverWeightsFixFirst') : categorised ? el.L('leverWeightsHintCategories') : fill(el.L('leverWeightsHint'), { total: short(String(sum(weights))) })}</p>
  </fieldset>`;
}

function rateLevers(el, line, i) {
  const tiers = line.tiers ?? [];
  if (!tiers.length) return nothing;
  const base = `commission[${i}].tiers`;
  const rates = tiers.map((t) => t.rate_pct);
  const drag = el.levers?.drag?.key === base ? el.levers.drag : null;
  const max = drag?.max ?? rateMax(rates);
  const step = drag?.step ?? rateStep(rates);
  const from = line.tier_basis === 'amount' ? (t) => short(String(t.from ?? 0)) : (t) => `${short(String(t.from ?? 0))}%`;
  return html`<fieldset class="lever-group" data-lever-group=${`commission[${i}]`}>
    <legend>${el.L('leverRates')} · ${lineTitle(el, line)}</legend>
    ${tiers.map((tier, n) => {
      const label = fill(el.L('leverTier'), { n: n + 1, from: from(tier) });
      const rate = figure(tier.rate_pct);
      return html`<label class="lever"><span class="lever-name" title=${label}>${label}</span>
        <input type="range" min="0" max=${max} step=${step} .value=${String(rate ?? 0)} ?disabled=${rate == null} data-lever=${`${base}[${n}].rate_pct`}
          aria-label=${`${label} ${el.L('ratePct')}`} aria-valuetext=${`${short(String(rate ?? 0))}%`}
          @input=${(e) => {
            dragOf(el, base, () => ({ max, step }));
            move(el, `${base}[${n}].rate_pct`, written(e.target.value, step));
          }} @change=${() => release(el)} />
        <output>${short(String(tier.rate_pct ?? ''))}%</output></label>`;
    })}
  </fieldset>`;
}

function bandLevers(el) {
  const bands = el.currentPlan.grades?.bands ?? [];
  const movable = bands.slice(0, -1);
  if (!movable.length) return nothing;
  const mins = movable.map((b) => figure(b.min_score));
  const ordered = mins.every((m, i) => m != null && (i === 0 || m < mins[i - 1]));
  const drag = el.levers?.drag?.key === 'grades.bands' ? el.levers.drag : null;
  const step = drag?.step ?? 10 ** -Math.min(2, Math.max(...movable.map((b) => places(b.min_score))));
  const top = drag?.top ?? bandTop(mins[0] ?? 0);
  return html`<fieldset class="lever-group" data-lever-group="grades">
    <legend>${el.L('grades')}</legend>
    ${movable.map((band, i) => {
      const [lo, hi] = bandRange(mins, i, step, top);
      const label = fill(el.L('leverBandFrom'), { grade: band.grade });
      return html`<label class="lever"><span class="lever-name"><span class=${`badge g-${band.grade}`}>${band.grade}</span> ${el.L('leverFrom')}</span>
        <input type="range" min=${lo} max=${hi} step=${step} .value=${String(mins[i] ?? 0)} ?disabled=${!ordered} data-lever=${`grades.bands[${i}].min_score`}
          aria-label=${label} aria-valuetext=${short(String(mins[i] ?? 0))}
          @input=${(e) => {
            dragOf(el, 'grades.bands', () => ({ step, top }));
            move(el, `grades.bands[${i}].min_score`, written(e.target.value, step));
          }} @change=${() => release(el)} />
        <output>${short(String(band.min_score ?? ''))}</output></label>`;
    })}
    <p class="hint">${ordered ? el.L('leverBandsHint') : el.L('leverBandsFixFirst')}</p>
  </fieldset>`;
}

/**
 * The "What if" panel over the results: sliders for the weights of the scorecard open in the
 * editor, each commission line's tier rates and the grade bands' minimum scores, and a way
 * back to before them.
 * @param {import('./playground.js').SalesPlanPlayground} el the element
 * @returns {import('lit').TemplateResult}
 */
export function renderWhatIf(el) {
  const plan = el.currentPlan;
  const moved = el.levers?.plan != null && el.levers.plan === plan;
  return html`<details class="what-if" data-testid="what-if" ?open=${el.whatIfOpen} @toggle=${(e) => (el.whatIfOpen = e.target.open)}>
    <summary>${el.L('whatIf')} <span class="hint">${el.L('whatIfHint')}</span></summary>
    <div class="levers">
      ${weightLevers(el)}
      ${(plan.commission ?? []).map((line, i) => rateLevers(el, line, i))}
      ${bandLevers(el)}
    </div>
    <div class="lever-foot">
      ${moved ? html`<button type="button" class="secondary" data-testid="undo-levers" @click=${() => undoLevers(el)}>↺ ${el.L('undoLevers')}</button>` : nothing}
      ${el.baselinePinned ? nothing : html`<span class="hint">${el.L('leverPinHint')}</span>`}
    </div>
  </details>`;
}

/** Back to the plan as it was before the first slider moved (one undoable step). */
function undoLevers(el) {
  const { before } = el.levers;
  el.levers = null;
  el.replacePlan(before);
}
