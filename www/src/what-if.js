// "What if": sliders over the levers a consultant moves in front of a client, beside the
// results they move: the KPI weights of the scorecard open in the editor (the other weights
// of the card, or of the KPI's category when the plan has categories, make room in
// proportion, so the total and each category's share stay what they were), each commission
// line's tier rates, and the grade bands' minimum scores (each kept between its neighbours').
//
// With categories, each category's share has a slider too: the other categories take what is
// left in proportion, each held within its range, and each category's KPIs scale with it.
//
// A move is an edit of the plan like a typed one: evaluated at once, compared with a pinned
// baseline. The sliders' session lasts while the plan in use is the one their last move made
// (any other edit ends it): "Undo slider changes" goes back to the plan before it, and the
// sliders keep the scales they had when it began. A gesture (a drag, or the arrow keys on
// one slider) is one undo step, and a weight's gesture rebalances from the weights as it
// began (step by step, rounding would drift).
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { fill } from './i18n.js';
import { lineTitle } from './editor-pay.js';
import { kpiGroups } from './editor.js';
import { currencySymbol, group, short } from './format.js';
import { amount, costChange } from './results.js';
import { getIn } from './plan-path.js';
import { bandScale, figure, rateMax, rebalance, rebalanceGroups, sliderValue, stepOf, withinNeighbours } from './levers.js';

/** The largest weight a KPI may have (the engine's range is 0–100). */
const MOST_WEIGHT = 100;

/** The sliders' session, while the plan in use is the one their last move made (or the one it began on). */
const session = (el) => (el.levers && el.levers.plan === el.currentPlan ? el.levers : null);

/** The plan the sliders take their scales from: the one their session began on, else the plan in use. */
const scalesPlan = (el) => session(el)?.before ?? el.currentPlan;

let gestures = 0;

/**
 * The gesture of slider `lever` under way, begun now when there is none for it (`kind`:
 * `pointer` for a drag, `keys` for the arrow keys, `script` for an input event alone). A
 * drag is one undo step however long it takes; key presses are one step as a typed field's
 * keystrokes are (within a second of each other).
 */
function gesture(el, lever, kind) {
  const s = session(el) ?? (el.levers = { before: el.currentPlan, plan: el.currentPlan, gesture: null });
  const current = s.gesture;
  const continues = current?.lever === lever && (kind === 'script' || (kind === 'keys' && current.kind === 'keys'));
  if (!continues) {
    gestures += 1;
    s.gesture = { lever, kind, undoKey: kind === 'keys' ? `lever:${lever}` : `lever#${gestures}`, untimed: kind !== 'keys', start: el.currentPlan };
  }
  return s.gesture;
}

/** Slider `lever`'s gesture ends: a pointer let go (its change event) or cancelled, or the slider left. */
function end(el, lever, kinds) {
  const s = session(el);
  if (s?.gesture?.lever === lever && kinds.includes(s.gesture.kind)) s.gesture = null;
}

/** The slider's events: a gesture begins on a pointer or a key, moves on input, ends on release or leaving. */
function events(el, lever, onMove) {
  return {
    down: () => gesture(el, lever, 'pointer'),
    key: (e) => e.key.startsWith('Arrow') || ['Home', 'End', 'PageUp', 'PageDown'].includes(e.key) ? gesture(el, lever, 'keys') : null,
    input: (e) => {
      const g = gesture(el, lever, 'script');
      const edit = onMove(e.target.value, g.start);
      // A move the plan cannot take, or one held where the plan already is (a bound), is no
      // edit: the slider goes back to the plan's value.
      if (edit && JSON.stringify(edit.value) !== JSON.stringify(getIn(el.currentPlan, edit.path))) {
        el.edit(edit.path, edit.value, g.undoKey, g.untimed);
        el.levers.plan = el.currentPlan;
      } else {
        el.requestUpdate();
      }
    },
    change: () => end(el, lever, ['pointer', 'script']),
    cancel: () => end(el, lever, ['pointer', 'keys', 'script']),
  };
}

/** The figure at `path` in the pinned baseline's plan, or null (no baseline, or a plan without it). */
const atBaseline = (el, path) => (el.baselinePinned && el.baselinePlan ? figure(getIn(el.baselinePlan, path)) : null);

/**
 * One slider row: its name, the range input bound to the plan's value, the value as written;
 * with a pinned baseline, a tick on the track where the baseline has it.
 */
function slider(el, { lever, name, nameHtml, min, max, step, value, shown, disabled, valueText, onMove, baseline = null, cls = '' }) {
  const on = events(el, lever, onMove);
  const ticks = baseline == null ? null : `baseline-${lever.replace(/[^\w-]/g, '_')}`;
  const spoken = baseline == null ? valueText : `${valueText}${el.L('listSep')}${el.L('leverBaseline')} ${short(String(baseline))}`;
  return html`<label class=${`lever ${cls}`}><span class="lever-name" title=${name}>${nameHtml ?? name}</span>
    <input type="range" min=${min} max=${max} step=${step} .value=${live(String(value ?? 0))} ?disabled=${disabled} data-lever=${lever}
      list=${ticks ?? nothing} aria-label=${name} aria-valuetext=${spoken}
      @pointerdown=${on.down} @keydown=${on.key} @input=${on.input} @change=${on.change} @pointercancel=${on.cancel} @blur=${on.cancel} />
    ${ticks ? html`<datalist id=${ticks}><option value=${String(baseline)}></option></datalist>` : nothing}
    <output>${shown}</output></label>`;
}

/**
 * What the weight sliders of the card open in the editor share: the card, its weights by
 * group (each category's, or the whole card's), each group's range (a share of the card in
 * percent), and the edit that sets new weights.
 */
function weightCard(el) {
  const cards = el.currentPlan.scorecards ?? [];
  const c = Math.min(el.cardIndex, cards.length - 1);
  const card = cards[c];
  if (!card?.kpis?.length) return null;
  const weights = card.kpis.map((k) => k.weight);
  const total = sumOf(weights);
  const share = card.normalize && total > 0 ? 100 / total : 1;
  const groups = kpiGroups(el.currentPlan, card).filter((g) => g.kpis.length);
  return {
    cards, card, c, weights, total, share, groups,
    base: `scorecards[${c}].kpis`,
    categorised: (el.currentPlan.categories ?? []).length > 0,
    numbers: weights.map(figure).every((n) => n != null && n >= 0 && n <= MOST_WEIGHT),
    // The session's step, finer on a slider whose figure is (27.5 where whole units would have split two equal weights).
    step: stepOf((scalesPlan(el).scorecards?.[c]?.kpis ?? card.kpis).map((k) => k.weight)),
    indices: groups.map(({ kpis }) => kpis.map(([, i]) => i)),
    ranges: groups.map(({ cat }) => [cat?.min_weight ?? null, cat?.max_weight ?? null]),
    // The card's weights as they were when the gesture began.
    startWeights: (start) => (start?.scorecards?.[c]?.kpis ?? card.kpis).map((k) => k.weight),
    withWeights: (next) => ({ path: `scorecards[${c}].kpis`, value: card.kpis.map((kpi, i) => ({ ...kpi, weight: next[i] })) }),
  };
}

/** The sum of plan figures, those that are not numbers left out. */
const sumOf = (figures) => figures.reduce((a, w) => a + (figure(w) ?? 0), 0);

/** Category `g`'s share: the other categories take what is left, each within its range. */
function categorySlider(el, w, g) {
  const { cat } = w.groups[g];
  const total = sumOf(w.indices[g].map((i) => w.weights[i]));
  const name = cat ? el.text(cat) || cat.id : el.L('noCategory');
  const range = cat && (cat.min_weight != null || cat.max_weight != null) ? `${cat.min_weight ?? 0}–${cat.max_weight ?? 100}%` : null;
  // In the card's own weights, as its KPIs' (they add up to it); a normalised card's share of 100 beside it.
  const shown = short(String(total));
  const share = w.card.normalize ? `${short(String(total * w.share))}%` : null;
  const note = [range, share && fill(el.L('leverShareNow'), { share })].filter(Boolean).join(' · ');
  return slider(el, {
    lever: `${w.base}#${cat?.id ?? ''}`, name, nameHtml: html`<strong>${name}</strong>${note ? html` <span class="hint">${note}</span>` : nothing}`,
    min: 0, max: w.total, step: Math.min(w.step, stepOf(w.indices[g].map((i) => w.weights[i]))), value: total, shown, cls: 'category-lever',
    disabled: !w.numbers || w.groups.length < 2, valueText: fill(el.L('leverCategoryOf'), { value: share ?? `${shown}%`, range: range ?? '0–100%' }),
    baseline: baselineTotal(el, w, g),
    onMove: (value, start) => {
      // The KPIs keep the proportions they had before the sliders' first move, unless one
      // of this card's KPI sliders has moved since.
      const s = session(el);
      const ratios = s && !s.kpisMoved?.has(w.c) ? w.startWeights(s.before) : w.startWeights(start);
      const next = rebalanceGroups(w.startWeights(start), w.indices, g, value, w.ranges, MOST_WEIGHT, ratios);
      return next && w.withWeights(next);
    },
  });
}

/** Group `g`'s total in the pinned baseline's plan, when its card has the same KPIs there. */
function baselineTotal(el, w, g) {
  const kpis = el.baselinePinned ? el.baselinePlan?.scorecards?.[w.c]?.kpis : null;
  return kpis?.length === w.weights.length ? sumOf(w.indices[g].map((i) => kpis[i].weight)) : null;
}

/** KPI `k`'s weight, in group `g`: the group's other weights make room in proportion. */
function kpiSlider(el, w, g, [kpi, k]) {
  const members = w.indices[g];
  const total = sumOf(members.map((i) => w.weights[i]));
  const name = el.text(kpi) || kpi.id;
  const value = figure(kpi.weight) ?? 0;
  return slider(el, {
    lever: `${w.base}[${k}].weight`, name, min: 0, max: Math.min(w.total, MOST_WEIGHT), step: Math.min(w.step, stepOf([kpi.weight])), value, shown: short(String(kpi.weight ?? '')),
    disabled: !w.numbers || members.length < 2, valueText: fill(el.L('leverWeightOf'), { value: short(String(value)), total: short(String(total)) }),
    baseline: atBaseline(el, `${w.base}[${k}].weight`),
    onMove: (moved, start) => {
      const s = session(el);
      s.kpisMoved = (s.kpisMoved ?? new Set()).add(w.c);
      const from = w.startWeights(start);
      const next = rebalance(members.map((i) => from[i]), members.indexOf(k), moved, MOST_WEIGHT);
      return next && w.withWeights(from.map((weight, i) => (members.includes(i) ? next[members.indexOf(i)] : weight)));
    },
  });
}

function weightLevers(el) {
  const w = weightCard(el);
  if (!w) return nothing;
  const hint = !w.numbers ? 'leverWeightsFixFirst' : w.weights.length < 2 ? 'leverOneKpi' : w.categorised ? 'leverWeightsHintCategories' : w.card.normalize ? 'leverWeightsHintNormalised' : 'leverWeightsHint';
  return html`<fieldset class="lever-group" data-lever-group="weights">
    <legend>${el.L('leverWeights')}</legend>
    ${w.cards.length > 1 ? html`<div class="lever-cards" role="group" aria-label=${el.L('scorecard')}>${w.cards.map((card, i) => html`<button type="button" class="chip" data-lever-card=${card.id} aria-pressed=${i === w.c ? 'true' : 'false'} @click=${() => el.setCard(i)}>${el.text(card) || card.id}</button>`)}</div>` : nothing}
    ${w.groups.map(({ kpis }, g) => html`${w.categorised ? categorySlider(el, w, g) : nothing}${kpis.map((entry) => kpiSlider(el, w, g, entry))}`)}
    <p class="hint">${fill(el.L(hint), { total: short(String(w.total)) })}</p>
  </fieldset>`;
}

function rateLevers(el, line, i) {
  const tiers = line.tiers ?? [];
  if (!tiers.length) return nothing;
  const base = `commission[${i}].tiers`;
  const scaleTiers = scalesPlan(el).commission?.[i]?.tiers ?? tiers;
  const max = rateMax(scaleTiers.map((t) => t.rate_pct));
  const step = stepOf(scaleTiers.map((t) => t.rate_pct), 0.1);
  const from = line.tier_basis === 'amount'
    ? (t) => `${currencySymbol(el.lang, el.currentPlan.currency)}${group(String(t.from ?? 0))}`
    : (t) => fill(el.L('leverOfTarget'), { pct: short(String(t.from ?? 0)) });
  return html`<fieldset class="lever-group" data-lever-group=${`commission[${i}]`}>
    <legend>${el.L('leverRates')} · ${lineTitle(el, line)}</legend>
    ${tiers.map((tier, n) => {
      const name = tiers.length === 1 ? el.L('leverRate') : fill(el.L('leverTier'), { n: n + 1, from: from(tier) });
      const rate = figure(tier.rate_pct);
      const path = `${base}[${n}].rate_pct`;
      return slider(el, {
        lever: path, name, min: 0, max, step, value: rate, shown: `${short(String(tier.rate_pct ?? ''))}%`, disabled: rate == null,
        valueText: `${short(String(rate ?? 0))}%`, baseline: atBaseline(el, path),
        onMove: (value) => {
          const rate = sliderValue(value, step);
          return rate == null ? null : { path, value: rate };
        },
      });
    })}
  </fieldset>`;
}

function bandLevers(el) {
  const grades = el.currentPlan.grades;
  const movable = (grades?.bands ?? []).slice(0, -1);
  if (!movable.length) return nothing;
  const mins = movable.map((b) => figure(b.min_score));
  const ordered = mins.every((m, i) => m != null && (i === 0 || m < mins[i - 1]));
  // Under an enforced distribution grades go by rank: the minimums decide nothing.
  const byRank = grades.distribution?.enforce === true;
  const scaleMins = (scalesPlan(el).grades?.bands ?? []).slice(0, -1).map((b) => figure(b.min_score)).filter((m) => m != null);
  const [min, max] = bandScale(scaleMins);
  const step = stepOf((scalesPlan(el).grades?.bands ?? movable).map((b) => b.min_score));
  const hint = byRank ? 'leverBandsByRank' : ordered ? 'leverBandsHint' : 'leverBandsFixFirst';
  return html`<fieldset class="lever-group" data-lever-group="grades">
    <legend>${el.L('grades')}</legend>
    ${movable.map((band, i) => {
      const path = `grades.bands[${i}].min_score`;
      return slider(el, {
        lever: path, name: fill(el.L('leverBandFrom'), { grade: band.grade }),
        nameHtml: html`<span class=${`badge g-${band.grade}`}>${band.grade}</span> ${el.L('leverFrom')}`,
        min, max, step, value: mins[i], shown: short(String(band.min_score ?? '')), disabled: !ordered || byRank, valueText: short(String(mins[i] ?? 0)), baseline: atBaseline(el, path),
        onMove: (value) => ({ path, value: sliderValue(withinNeighbours(mins, i, Number(value), step), step) }),
      });
    })}
    <p class="hint">${el.L(hint)}</p>
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
  const moved = session(el) != null && el.levers.plan !== el.levers.before;
  return html`<details class="what-if" data-testid="what-if" ?open=${el.whatIfOpen} @toggle=${(e) => (el.whatIfOpen = e.target.open)}>
    <summary>${el.L('whatIf')} <span class="hint">${el.L('whatIfHint')}</span></summary>
    ${effect(el)}
    <div class="levers">
      ${weightLevers(el)}
      ${(plan.commission ?? []).map((line, i) => rateLevers(el, line, i))}
      ${bandLevers(el)}
    </div>
    <div class="lever-foot">
      ${moved ? html`<button type="button" class="secondary" data-testid="undo-levers" @click=${() => undoLevers(el)}>↺ ${el.L('undoLevers')}</button>` : nothing}
      ${!el.valid
        ? html`<span class="hint warn" data-testid="levers-invalid">${el.L('leverPlanInvalid')}</span>`
        : el.baselinePinned
          ? html`<span class="hint">${el.L('leverTickHint')}</span>`
          : html`<button type="button" class="secondary" data-testid="levers-pin" title=${el.L('pinBaselineTitle')} @click=${() => el.pinBaseline()}>${el.L('pinBaseline')}</button> <span class="hint">${el.L('leverPinHint')}</span>`}
    </div>
  </details>`;
}

/**
 * What the last move did, in one line that stays in sight while a slider moves (it sticks to
 * the top of the results while the panel is in view): the plan's
 * cost and grade counts, and against a pinned baseline the cost change, who is paid more or
 * less and how many reps changed grade.
 */
function effect(el) {
  const r = el.shownResults;
  if (!r) return nothing;
  const t = r.totals;
  const c = el.comparison;
  const grades = t.grades.map((g) => `${g.grade} ${g.reps}`).join(' · ');
  return html`<p class="lever-effect" data-testid="lever-effect" aria-live="polite">
    <span>${el.L('planCost')} <strong>${amount(el, t.total_pay)}</strong></span>
    ${c ? html`<span>${el.L('leverVsBaseline')} ${costChange(el, c, 'lever-cost-change')}</span>
      <span>${fill(el.L('leverPayMoves'), { up: c.gainers, down: c.losers })}</span>
      <span>${fill(el.L('leverGradeMoves'), { n: c.grade_changes })}</span>` : nothing}
    <span>${el.L('gradesTitle')} ${grades}</span>
  </p>`;
}

/** Back to the plan as it was before the sliders' session (one undoable step). */
function undoLevers(el) {
  const { before } = el.levers;
  el.levers = null;
  el.replacePlan(before);
}
