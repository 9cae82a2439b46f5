// The explanation of one rep: every KPI with its inputs, the rule applied and its score;
// the points; how the score became a grade; and each pay line slice by slice. It renders
// what the engine recorded, so the page never recomputes a figure.
import { html, nothing } from 'lit';
import { fill, name, paren, term } from './i18n.js';
import { codeSpans, message, messageText } from './problems.js';
import { printAlone } from './print-alone.js';
import { renderRepFlags, renderRepPortrait } from './signals.js';
import { signed } from './results.js';
import { DEFAULT_RATERS, columnName, sourceHint } from './columns.js';
import { money, exactMoney, fixed, isZero, number, percent, rate, sameProduct, short, shownAsPercent, sum } from './format.js';

const PERCENT_KEYS = new Set(['attainment_pct', 'cap_pct', 'floor_pct', 'threshold_pct', 'applied_pct', 'band_score_pct', 'rater_weight_pct', 'gate_pct', 'group_attainment_pct', 'above_pct', 'excess_over_pct', 'rate_pct', 'pool_pct']);
const HIDDEN_KEYS = new Set(['actual', 'target', 'attainment_pct', 'score']);
const ROUNDED_SCORE_KEYS = new Set(['period_score']);

/** A salary's or allowance's working: the city tier, the monthly amount and the months (the amount is beside it). */
const BASE_KEYS = ['city_tier', 'monthly_salary', 'monthly', 'months', 'minimum_wage', 'period_amount'];
/** A return's working: the line recomputed without it (its grade multiplier the rep's grade then's), and the two amounts compared. */
const RETURN_KEYS = ['returned_before', 'base', 'tier_pay', 'condition', 'multiplier', 'grade_multiplier', 'cap', 'paid_then', 'due_before_this_return', 'due_without_return'];
const MODIFIER_KEYS = new Set(['returned', 'tier_pay', 'gate_pct', 'added_rate_pct', 'condition', 'multiplier', 'grade_multiplier', 'cap']);
/** Steps whose value is an amount of money: shown to the cent, like the pay beside them. */
const MONEY_KEYS = new Set(['base', 'returned', 'returned_before', 'amount', 'places_pooled', 'tier_pay', 'cap', 'pay', 'excess', 'pool', 'profit', 'group_pool', 'team_pool', 'profit_share', 'allowance',
  'salary', 'monthly', 'monthly_salary', 'minimum_wage', 'paid_then', 'due_before_this_return', 'due_without_return', 'clawback', 'period_pay', 'period_amount']);

function stepValue(lang, step) {
  // Percentage points added to a rate: "+1 pt", not "1.00%" (which reads as a share).
  if (step.key === 'added_rate_pct') return lang === 'zh' ? `+${short(step.value, 4)} 个百分点` : `+${short(step.value, 4)} pt`;
  // A score rounded by the plan is shown as rounded ("72.00", as in the table), not trimmed.
  if (ROUNDED_SCORE_KEYS.has(step.key)) return number(step.value);
  if (MONEY_KEYS.has(step.key)) return exactMoney(step.value);
  // A percentage the plan states exactly, to at least 2 places as money is (a rate of 0.333%,
  // a cap of 120.00%); a worked-out one (an attainment of 134.1666…%) to 2, as the tables show it.
  if (PERCENT_KEYS.has(step.key)) return decimals(step.value) <= 4 ? `${exactMoney(step.value)}%` : percent(step.value);
  // Shown to 4 places: "≈" where that cuts digits off (an exact share of 5,271.2161…).
  return `${decimals(step.value) > 4 ? '≈' : ''}${short(step.value, 4)}`;
}

/** How many decimal places a decimal string has, trailing zeros left out ("1.2500" → 2). */
function decimals(decimal) {
  const frac = String(decimal).split('.')[1] ?? '';
  return frac.replace(/0+$/, '').length;
}

/**
 * One named value, inline: "cap 120.00%"; a year-to-date figure's value in one period by that
 * period, "2026-Q1 39.55"; a value that `shown` knows how to show (by key), as it shows it;
 * a value `label` names otherwise than by its key ("Manager's rating 75", not "rating 75").
 */
function step(el, s, shown = {}, label = null) {
  if (shown[s.key]) return html`<span class="step" data-step=${s.key}>${term(el.lang, s.key)} ${shown[s.key](s.value)}</span>`;
  if (label != null) return html`<span class="step" data-step=${s.key}>${label} ${stepValue(el.lang, s)}</span>`;
  return s.period != null
    ? html`<span class="step" data-period=${s.period}>${s.period} ${stepValue(el.lang, s)}</span>`
    : html`<span class="step">${term(el.lang, s.key)} ${stepValue(el.lang, s)}</span>`;
}

/**
 * Against a pinned baseline, from the comparison: the rep's score, grade and total pay under
 * it and now ("Against the baseline: score 86.31 → 84.10 (−2.21) · grade A → B · total pay
 * 92,204.20 → 90,000.00 (−2,204.20)"). Nothing without a baseline, or for a rep it left out.
 */
function baselineLine(el, rep) {
  const d = el.comparison?.reps.find((x) => x.rep_id === rep.rep_id);
  if (!d) return nothing;
  const change = (delta, show) => (isZero(delta) ? '' : paren(el.lang, signed(delta, show)));
  return html`<p class="vs-baseline" data-testid="statement-baseline">${el.L('statementVsBaseline')}${el.L('colon')}${el.L('score')} ${number(d.score_before)} → ${number(d.score_after)}${change(d.score_delta, number)} · ${el.L('grade')} ${d.grade_before} → ${d.grade_after} · ${el.L('total')} ${money(d.pay_before)} → ${money(d.pay_after)}${change(d.pay_delta, money)}</p>`;
}

/** A KPI's score under the baseline (`before`, the rep's result under it), marked when it differs; — when the baseline has no such KPI for the rep. */
function kpiBefore(before, k) {
  const b = before.kpis.find((x) => x.id === k.id);
  return html`<td class=${`num ${b && !same(b.score, k.score) ? 'changed' : ''}`} data-col="kpi-baseline">${b ? number(b.score) : '—'}</td>`;
}

/** Whether two decimal strings are the same figure ("38000" and "38000.00"; a missing one is 0). */
const same = (a, b) => sameProduct(a ?? '0', '1', b ?? '0', '1');

/** Beside an amount: what the baseline paid, when a baseline is pinned and it paid otherwise (0.00 when it had no such line or bonus). */
function was(el, then, now, before) {
  if (!before || same(then, now)) return nothing;
  return html`<div class="hint was" data-col="baseline-pay">${el.L('baselineCol')} ${money(then ?? '0.00')}</div>`;
}

/**
 * A KPI's named values; a 360 rating's ratings each by its rater (the column or metric the
 * plan's rater reads: "Manager's rating 75", not "rating 75").
 */
function kpiSteps(el, k, source) {
  const raters = source?.scoring?.type === 'rating360' ? (source.scoring.raters ?? DEFAULT_RATERS) : [];
  let rater = 0;
  return k.explain.steps.filter((s) => !HIDDEN_KEYS.has(s.key)).map((s) => {
    const by = s.key === 'rating' ? raters[rater++] : null;
    return step(el, s, {}, by ? sourceHint(el, by.rating) : null);
  });
}

/**
 * A bonus's named values; a pool's share of a rep by what the plan splits it by ("Collected
 * revenue 1,200,000 · of a total 9,144,000"), not as a "weight".
 */
function bonusSteps(el, b, source) {
  const split = source?.rule?.split;
  const by = split?.contribution ?? split?.weights;
  // The figure paid, the working's last step, stands in the Pay column beside it.
  const working = { ...b.explain, steps: b.explain.steps.filter((s) => s.key !== 'pay') };
  return steps(el, working, null, {}, by ? { weight: sourceHint(el, by), weights_total: el.L('ofTotal') } : {});
}

/** The named values (only `keys` when given) and notes of an explanation, inline; `shown` as for `step`, `labels` its `label` by key. */
function steps(el, explain, keys, shown, labels = {}) {
  const listed = keys ? explain.steps.filter((s) => keys.includes(s.key)) : explain.steps;
  return html`${listed.map((s) => step(el, s, shown, labels[s.key]))}${explain.notes.map((n) => html`<span class="note" data-note=${n}>${term(el.lang, n)}</span>`)}`;
}

/**
 * A commission line's conditional multiplier (`condition`, from 1) by its condition, the
 * plan's metrics and the known columns in it by their names ("when Collection rate < 90%"),
 * the formula as written in the tooltip.
 */
const conditionOf = (el, source) => ({
  condition: (n) => {
    const when = source?.multipliers?.[Number(n) - 1]?.when;
    return when == null ? n : formulaNamed(el, when);
  },
});

/**
 * Why a rep's rate was raised: the plan's high-potential flag alone is the rule's words
 * ("★ High potential (高潜): meets every condition…"); another condition is its formula by
 * names, with those words after it when the rep is flagged.
 */
function raisedWhen(el, when, flagged) {
  if (when.trim() === HIGH_POTENTIAL) return html`★ ${el.L('highPotential')}`;
  return html`${formulaNamed(el, when)}${flagged ? html` · ★ ${el.L('highPotential')}` : nothing}`;
}

/** The variable the plan's high-potential rule sets for each flagged rep (1, else 0). */
const HIGH_POTENTIAL = 'high_potential';

/** A formula with the plan's metrics and the known columns in it by their names, as written in the tooltip. */
function formulaNamed(el, formula) {
  const named = (id) => (id === HIGH_POTENTIAL ? `★ ${el.L('potentialWord')}` : el.text(el.currentPlan.metrics?.find((m) => m.id === id && m.name)) || columnName(el.lang, id) || id);
  return html`<span class="source-name" title=${formula}>${formula.replace(/[A-Za-z_]\w*/g, named)}</span>`;
}

/** The periods of a result: one as it is, several as their range ("2026-Q1 – 2026-Q4", "2026-Q1 至 2026-Q4"). */
function periodsText(el, periods) {
  return periods.length > 1 ? `${periods[0]}${el.L('periodRange')}${periods[periods.length - 1]}` : periods[0] ?? '';
}

/** The text `key` in the element's language with each `{name}` replaced by `values[name]`. */
function filled(el, key, values) {
  return fill(el.L(key), values);
}

/** "2 decimal places", "1 decimal place" or "a whole number" ("2 位小数", "整数"). */
function placesText(el, places) {
  return el.L(places === 0 ? 'placesWhole' : places === 1 ? 'placesOne' : 'placesMany').replace('{n}', places);
}

/** The plan's rule that makes the KPI scores add up as shown: each is rounded first. */
function scoreRounding(el, plan, yearToDate) {
  const places = plan.rounding?.score_scale ?? 2;
  const mode = term(el.lang, `rounding_${plan.rounding?.mode ?? 'half_up'}`);
  return filled(el, yearToDate ? 'scoreRoundingYtd' : 'scoreRounding', { places: placesText(el, places), mode });
}

/**
 * How a normalised card's weights came to be what the statement shows (`"normalize": true`):
 * scaled to 100 and rounded by largest remainder, which can part equal written weights by one
 * unit (4.17 and 4.16), and a deduction taken from the scaled weight. Nothing for another card.
 */
function normalisedWeights(el, plan, card, rep) {
  if (!card?.normalize) return nothing;
  const places = plan.rounding?.score_scale ?? 2;
  const unit = places > 0 ? `0.${'0'.repeat(places - 1)}1` : '1';
  const written = sum(card.kpis.map((k) => String(k.weight)));
  // Weights that already add to 100 are used as written: nothing was scaled.
  if (/^100(\.0*)?$/.test(written)) return nothing;
  const listSep = el.lang === 'zh' ? '、' : ', ';
  const parts = [filled(el, 'normalisedWeights', { sum: short(written, 4), places: placesText(el, places), unit })];
  const shown = new Map(rep.kpis.map((k) => [k.id, fixed(k.weight, places)]));
  const kpiName = (k) => el.text(k) || k.id;
  // Equal written weights that ended one unit apart: the smaller group named, the other counted.
  for (const weight of new Set(card.kpis.map((k) => String(k.weight)))) {
    const alike = card.kpis.filter((k) => String(k.weight) === weight && shown.has(k.id));
    const groups = [...new Set(alike.map((k) => shown.get(k.id)))].map((value) => ({ value, kpis: alike.filter((k) => shown.get(k.id) === value) }));
    if (groups.length !== 2) continue;
    const [few, rest] = groups[0].kpis.length <= groups[1].kpis.length ? groups : [groups[1], groups[0]];
    parts.push(filled(el, 'normalisedTies', { count: alike.length, weight: short(weight, 4), names: few.kpis.map(kpiName).join(listSep), value: few.value, n: rest.kpis.length, other: rest.value }));
  }
  for (const k of card.kpis.filter((x) => x.scoring?.type === 'deduction' && shown.has(x.id))) {
    parts.push(filled(el, 'normalisedDeduction', { name: kpiName(k), weight: shown.get(k.id) }));
  }
  return html`<p class="hint" data-testid="normalised-weights">${parts.join(el.lang === 'zh' ? '' : ' ')}</p>`;
}

/**
 * What a commission slice is: a slice of the base between two tier starts (marginal tiers),
 * the whole base at the tier reached (retroactive tiers), or the whole base (one tier from 0).
 */
function sliceName(el, slice, line) {
  if (slice.to == null && isZero(slice.from)) return el.L('wholeAmount');
  if (line?.method === 'retroactive') return `${el.L('tierReached')} ${money(slice.from)}`;
  return `${el.L('tierSlice')} ${money(slice.from)} – ${slice.to != null ? money(slice.to) : '∞'}`;
}

/**
 * The draw's working: "Draw of 27,000.00 a period: earned 10,080.00 → paid 27,000.00; topped
 * up 16,920.00; still owed 61,180.00", with what was recovered when anything was (of what was
 * owed before the period; year to date, recovered over the periods, much of it topped up in them).
 */
function drawText(el, plan, draw, yearToDate) {
  // The plan's amount as written (a JSON number), to the cent like the figures.
  const parts = [filled(el, 'drawLine', { amount: exactMoney(String(plan.draw?.amount ?? '')), earned: money(draw.earned), paid: money(draw.paid) })];
  if (!isZero(draw.top_up)) parts.push(filled(el, 'drawTopUp', { amount: money(draw.top_up) }));
  if (!isZero(draw.recovered)) parts.push(filled(el, yearToDate ? 'drawRecoveredYtd' : 'drawRecovered', { amount: money(draw.recovered), owed: money(draw.owed_before) }));
  if (!isZero(draw.owed_before) || !isZero(draw.owed_after)) parts.push(filled(el, 'drawOwed', { amount: money(draw.owed_after) }));
  return parts.join(el.lang === 'zh' ? '；' : '; ');
}

/** A threshold bonus's condition, " · NPS >= 90" with the plan's names; nothing for another bonus. */
function bonusWhen(el, plan, bonus) {
  const when = plan.bonuses?.find((x) => x.id === bonus.id)?.rule?.when;
  return bonus.kind === 'threshold' && when ? html` · ${formulaNamed(el, when)}` : nothing;
}

/** A section's subtotal row, when it has more than one item. */
function subtotal(el, items, amount, testid) {
  return items.length > 1 ? html`<tr class="grand"><th scope="row" colspan="2">${el.L('subtotal')}</th><td class="num" data-col=${testid}><strong>${money(amount)}</strong></td></tr>` : nothing;
}

/**
 * What the total is made of, "= base 19,800.00 + commission 41,800.00 + bonuses 18,123.36",
 * when the statement's sections add up to it exactly. A draw or a cap on variable pay changes
 * what is paid (the sections above say how): then it is base pay and the variable pay paid,
 * when those two add up to it.
 */
function payParts(el, rep) {
  const sections = [
    ['basePay', rep.base_pay.length ? rep.base_total : null],
    ['commission', rep.commission.length ? sum(rep.commission.map((l) => l.pay)) : null],
    ['bonusesTitle', rep.bonuses.length ? sum(rep.bonuses.map((b) => b.amount)) : null],
    ['returns', rep.adjustments.length ? sum(rep.adjustments.map((a) => a.amount)) : null],
  ].filter(([, amount]) => amount != null);
  const negated = (d) => (d.startsWith('-') ? d.slice(1) : `-${d}`);
  const addUp = (parts) => parts.length > 1 && isZero(sum([...parts.map(([, amount]) => amount), negated(rep.total_pay)]));
  const paid = [['basePay', rep.base_pay.length ? rep.base_total : null], ['variablePay', rep.variable_pay]].filter(([, amount]) => amount != null);
  const parts = addUp(sections) ? sections : addUp(paid) ? paid : null;
  if (!parts) return nothing;
  // After the first part, a negative amount (returns) is subtracted: "− Returns 1,500.00".
  const written = parts.map(([label, amount], i) => {
    if (i === 0) return `${el.L(label)} ${money(amount)}`;
    const minus = amount.startsWith('-');
    return ` ${minus ? '−' : '+'} ${el.L(label)} ${money(minus ? negated(amount) : amount)}`;
  });
  return html` <span class="hint" data-testid="pay-parts">= ${written.join('')}</span>`;
}

/**
 * How the cap on variable pay applied, printed with the statement: "Variable pay earned
 * 58,000.00 → paid 50,000.00, the plan's cap" (the warning's value is what was earned). Year
 * to date, each period's own warning, which names its period.
 */
function variableCap(el, plan, rep, yearToDate) {
  const capped = rep.warnings.filter((w) => w.code === 'variable_pay_capped');
  if (!capped.length) return nothing;
  const lines = yearToDate || plan.variable_pay_cap == null
    ? capped.map((w) => messageText(el, w.message))
    : capped.map((w) => filled(el, 'variableCapped', { earned: money(w.value), paid: exactMoney(String(plan.variable_pay_cap)) }));
  return html`<p class="hint" data-section="variable-cap">${lines.join(el.lang === 'zh' ? '；' : '; ')}</p>`;
}

/** The cap the points' total met, with the totals before and after: "bonus points 5 → bonus cap 4". */
const POINT_CAPS = { bonus_total_capped: ['bonus_points', 'max_bonus'], penalty_total_capped: ['penalty_points', 'max_penalty'] };

function pointsNote(el, explain, note) {
  const [sum, cap] = POINT_CAPS[note] ?? [];
  const value = (key) => explain.steps.find((s) => s.key === key)?.value;
  if (value(sum) == null || value(cap) == null) return term(el.lang, note);
  return `${term(el.lang, sum)} ${short(value(sum))} → ${term(el.lang, cap)} ${short(value(cap))}`;
}

/**
 * Under the point rows: the totals' caps, and year to date each period's totals and their
 * average (nothing when there is nothing to say: no cap met, no point in any period).
 */
function pointsFoot(el, explain, yearToDate) {
  const toDate = pointsToDate(el, explain);
  const caps = explain.notes.filter((n) => n !== 'year_to_date_average');
  if (!toDate.length && !caps.length) return nothing;
  return html`<tfoot><tr><td colspan="3" data-testid="points-totals">${toDate}${caps.map((n) => html`<span class="note">${yearToDate ? term(el.lang, `${n}_in_a_period`) : pointsNote(el, explain, n)}</span>`)}</td></tr></tfoot>`;
}

/**
 * Year to date, each total of points by period (after that period's caps) and their average,
 * which the score adds: "Bonus points: 2026-Q1 8 2026-Q2 4 → average of the periods 6". The
 * items' rows above are each averaged before the totals' caps, so they need not add up to it.
 */
function pointsToDate(el, explain) {
  return ['bonus_points', 'penalty_points'].flatMap((key) => {
    const periods = explain.steps.filter((s) => s.key === key && s.period != null);
    const average = explain.steps.find((s) => s.key === key && s.period == null);
    if (!average || periods.every((s) => isZero(s.value))) return [];
    const label = term(el.lang, key);
    return html`<div data-points-to-date=${key}>${label[0].toUpperCase()}${label.slice(1)}${el.lang === 'zh' ? '：' : ': '}${periods.map((s) => html`${step(el, s)} `)}→ ${term(el.lang, 'year_to_date_average')} ${short(average.value)}</div>`;
  });
}

/** Where a rep graded by rank stands: its place, and the places its grade's quota covers (or the tie that gave it). */
function gradePlaces(el, rep) {
  const p = rep.grade_places;
  // Not tied, a rep's place lies in its grade's places (a grade whose quota covers none is given only by a tie).
  const covers = p.tied_above ? el.L('tiedAboveGrade') : fill(el.L('gradeCovers'), { grade: rep.grade, first: p.first, last: p.last });
  return `${fill(el.L('placeOf'), { place: p.place, of: p.of })} · ${covers}`;
}

/** Tab past the statement's last control goes to its first, Shift+Tab before its first to its last. */
function keepFocusIn(e) {
  if (e.key !== 'Tab') return;
  const controls = [...e.currentTarget.querySelectorAll('button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter((c) => !c.disabled && c.getClientRects().length > 0);
  const at = e.currentTarget.getRootNode().activeElement;
  if (controls.length === 0 || !at) return;
  const follows = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  const next = e.shiftKey ? controls.filter((c) => follows(c, at)).at(-1) : controls.find((c) => follows(at, c));
  if (!next) {
    e.preventDefault();
    (e.shiftKey ? controls.at(-1) : controls[0]).focus();
  }
}

/**
 * The statement of one rep, as a drawer: every KPI, the points, the grade and each pay line.
 * @param {import('./playground.js').SalesPlanPlayground} el the element
 * @param {import('../pkg/incentive_engine.js').RepResult} rep the rep's results
 * @param {import('../pkg/incentive_engine.js').Evaluation} results the whole evaluation (for the totals and the guide)
 * @returns {import('lit').TemplateResult}
 */
export function renderExplanation(el, rep, results, before = null) {
  if (!rep) return html`<p class="hint empty-detail">${el.L('clickRow')}</p>`;
  const plan = el.currentPlan;
  const card = plan.scorecards.find((c) => c.id === rep.scorecard);
  const kpiName = (id) => el.text(card?.kpis.find((k) => k.id === id)) || id;
  const zh = el.lang === 'zh';
  // The cap on variable pay is told beside the draw (printed); the other warnings are for the screen.
  const shownWarnings = rep.warnings.filter((w) => w.code !== 'variable_pay_capped');
  // A dialog over the results (over everything on one column, where it is modal); Tab stays in it.
  return html`<section class="detail" data-testid="explanation" data-rep=${rep.rep_id} role="dialog" aria-modal=${el.narrow ? 'true' : 'false'} aria-labelledby="statement-name" @keydown=${keepFocusIn}>
    <div class="statement-top">
      <p class="statement-title">${el.L('statement')} · ${el.text(plan)} · ${results.year_to_date ? `${el.L('yearToDate')} ${periodsText(el, results.periods)}` : results.period}</p>
      <div class="detail-buttons">
        <span class="no-print" data-testid="statement-lang">${el.renderLangSwitch(true)}</span>
        <button type="button" class="secondary no-print" data-testid="print-statement" @click=${() => printAlone(el)}>${el.L('printStatement')}</button>
        <button type="button" class="icon no-print" aria-label=${el.L('close')} @click=${() => el.closeExplanation()}>×</button>
      </div>
    </div>
    <header class="detail-head">
      <div>
        <h2 id="statement-name" tabindex="-1">${zh ? rep.name_zh || rep.name : rep.name} <span class="hint">${rep.rep_id} · ${name(el.lang, rep.region)} · ${name(el.lang, rep.role)} · ${periodsText(el, results.periods)}</span></h2>
        <p class="verdict">
          ${el.L('finalScore')} <strong data-testid="detail-score">${number(rep.score)}</strong> =
          ${el.L('weighted')} ${number(rep.weighted_score)}${isZero(rep.bonus_points) ? nothing : html` + ${el.L('bonus')} ${number(rep.bonus_points)}`}${isZero(rep.penalty_points) ? nothing : html` − ${el.L('penalty')} ${number(rep.penalty_points)}`}
          → <span class=${`badge g-${rep.grade}`}>${rep.grade}</span>
          <span class="hint" data-testid="graded-by">${rep.graded_by === 'rank' ? el.L('gradedByRank') : el.L('gradedByBand')} · ${rep.grade_places ? gradePlaces(el, rep) : `${el.L('rank')} ${rep.rank}/${results.reps.length}`}</span>
        </p>
        ${baselineLine(el, rep)}
        ${rep.flags.map((f) => html`<p class="flag-line" data-flag=${f.code}>⚑ ${term(el.lang, f.code)}${paren(el.lang, `${f.grade}${el.L('colon')}${f.periods.join(' → ')}`)}</p>`)}
      </div>
    </header>
    ${renderRepFlags(el, el.signals, rep)}
    <table class="grid explain">
      <thead><tr><th>${el.L('kpi')}</th><th class="num">${el.L('actual')}</th><th class="num">${el.L('target')}</th><th class="num">${el.L('attainment')}</th><th class="num c-weight">${el.L('weight')}</th><th class="num">${el.L('score')}</th>${before ? html`<th class="num">${el.L('baselineCol')}</th>` : nothing}</tr></thead>
      <tbody>
        ${rep.kpis.map((k) => {
          const figure = shownAsPercent(card?.kpis.find((x) => x.id === k.id)) ? rate : (v) => short(v, 4);
          return html`<tr data-kpi=${k.id}>
          <th scope="row">${kpiName(k.id)}<div class="hint">${term(el.lang, k.scoring)}</div></th>
          ${results.year_to_date && k.actual == null && k.target == null && k.attainment_pct == null
            ? html`<td colspan="3" class="hint" data-col="by-period">${el.L('scoredEachPeriod')}</td>`
            : html`<td class="num" data-col="actual">${k.actual == null ? '—' : k.scoring === 'pass_fail' ? term(el.lang, isZero(k.actual) ? 'failed' : 'passed') : figure(k.actual)}</td>
          <td class="num" data-col="target">${k.target != null ? figure(k.target) : '—'}</td>
          <td class="num">${k.attainment_pct != null ? percent(k.attainment_pct) : '—'}</td>`}
          <td class="num c-weight">${card?.normalize ? fixed(k.weight, plan.rounding?.score_scale ?? 2) : short(k.weight)}</td>
          <td class="num" data-col="kpi-score"><strong>${number(k.score)}</strong></td>
          ${before ? kpiBefore(before, k) : nothing}
        </tr>
        <tr class="steps"><td colspan=${before ? 7 : 6}>
          ${kpiSteps(el, k, card?.kpis.find((x) => x.id === k.id))}
          ${k.explain.notes.map((n) => html`<span class="note" data-note=${n}>${term(el.lang, n)}</span>`)}
        </td></tr>`;
        })}
      </tbody>
    </table>
    ${normalisedWeights(el, plan, card, rep)}
    <p class="hint" data-testid="score-rounding">${scoreRounding(el, plan, results.year_to_date)}</p>
    ${rep.points.length ? html`<table class="grid explain">
      <thead><tr><th>${el.L('points')}</th><th class="num">${el.L(results.year_to_date ? 'eventsToDate' : 'events')}</th><th class="num">${el.L(results.year_to_date ? 'pointsAverage' : 'pointsGot')}</th></tr></thead>
      <tbody>${rep.points.map((p) => {
        const item = plan.points?.items?.find((i) => i.id === p.id);
        return html`<tr data-point=${p.id}><th scope="row">${el.text(item) || p.id}<div class="hint">${term(el.lang, p.kind)}</div></th>
          <td class="num">${short(p.events)}</td><td class="num">${isZero(p.points) ? '' : p.kind === 'penalty' ? '−' : '+'}${short(p.points)}${p.capped ? html` <span class="note">${term(el.lang, 'capped')}</span>` : nothing}</td></tr>`;
      })}</tbody>
      ${pointsFoot(el, rep.points_explain, results.year_to_date)}
    </table>` : nothing}
    ${rep.base_pay.length ? html`<table class="grid explain" data-section="base">
      <thead><tr><th colspan="2">${el.L('basePay')}</th><th class="num">${el.L('pay')}</th></tr></thead>
      <tbody>${rep.base_pay.map((item) => html`<tr data-item=${item.id}>
        <th scope="row">${item.kind === 'salary' ? el.L('salary') : el.text(plan.base_pay?.allowances?.find((a) => a.id === item.id)) || item.id}</th>
        <td>${steps(el, item.explain, BASE_KEYS)}</td><td class="num">${money(item.amount)}</td></tr>`)}
        ${subtotal(el, rep.base_pay, rep.base_total, 'base-subtotal')}</tbody>
    </table>` : nothing}
    ${rep.commission.map((line) => {
      const source = plan.commission?.find((l) => l.id === line.id);
      return html`<table class="grid explain" data-line=${line.id}>
        <thead><tr><th colspan="2">${el.text(source) || line.id}</th><th class="num">${el.L('pay')}</th></tr></thead>
        <tbody>
          <tr><th scope="row">${el.L('base')}</th><td class="num">${money(line.base)}${line.target != null ? html` / ${money(line.target)} ${line.attainment_pct == null || sameProduct(line.attainment_pct, line.target, line.base, '100') ? '=' : '≈'} ${percent(line.attainment_pct)}` : nothing}</td><td></td></tr>
          ${line.slices.map((s) => html`<tr class="slice"><th scope="row">${sliceName(el, s, source)}</th>
            <td class="num">${money(s.amount)} × ${rate(s.rate)}</td><td class="num" data-col="slice-pay">${exactMoney(s.pay)}</td></tr>`)}
          ${line.explain.steps.filter((s) => s.key === 'period_pay').map((s) => html`<tr class="period" data-period=${s.period}><th scope="row" colspan="2">${s.period}</th><td class="num" data-col="period-pay">${money(s.value)}</td></tr>`)}
          ${line.explain.notes.length || line.explain.steps.some((s) => MODIFIER_KEYS.has(s.key))
            ? html`<tr class="steps"><td colspan="3">${steps(el, line.explain, [...MODIFIER_KEYS], conditionOf(el, source))}</td></tr>`
            : nothing}
          ${line.explain.notes.includes('rate_raised') && source?.rate_override
            ? html`<tr class="steps"><td colspan="3" class="hint" data-testid="rate-raised-when">${el.L('rateRaisedWhen')} ${raisedWhen(el, source.rate_override.when, el.signals?.high_potentials?.some((f) => f.rep_id === rep.rep_id))}</td></tr>`
            : nothing}
          <tr class="grand"><th scope="row" colspan="2">${el.L('pay')}</th><td class="num" data-col="line-pay"><strong>${money(line.pay)}</strong>${was(el, before?.commission.find((l) => l.id === line.id)?.pay, line.pay, before)}</td></tr>
        </tbody>
      </table>`;
    })}
    ${rep.bonuses.length ? html`<table class="grid explain" data-section="bonuses">
      <thead><tr><th colspan="2">${el.L('bonusesTitle')}</th><th class="num">${el.L('pay')}</th></tr></thead>
      <tbody>${rep.bonuses.map((b) => html`<tr data-bonus=${b.id}>
        <th scope="row">${el.text(plan.bonuses?.find((x) => x.id === b.id)) || b.id}<div class="hint">${term(el.lang, b.kind)}${bonusWhen(el, plan, b)}</div></th>
        <td>${bonusSteps(el, b, plan.bonuses?.find((x) => x.id === b.id))}</td><td class="num" data-col="bonus">${money(b.amount)}${was(el, before?.bonuses.find((x) => x.id === b.id)?.amount, b.amount, before)}</td></tr>`)}
        ${subtotal(el, rep.bonuses, sum(rep.bonuses.map((b) => b.amount)), 'bonus-subtotal')}</tbody>
    </table>` : nothing}
    ${rep.adjustments.length ? html`<table class="grid explain" data-section="returns">
      <thead><tr><th colspan="2">${el.L('returns')}</th><th class="num">${el.L('pay')}</th></tr></thead>
      <tbody>${rep.adjustments.map((a) => html`<tr data-return=${a.reference}>
        <th scope="row">${name(el.lang, a.reference)}<div class="hint">${a.original_period} · ${term(el.lang, 'returned')} ${exactMoney(a.returned)} · <span data-testid="grade-then">${el.L('gradeThen')} ${a.grade_then}</span></div></th>
        <td>${steps(el, a.explain, RETURN_KEYS, conditionOf(el, plan.commission?.find((l) => l.id === a.line)))}</td><td class="num" data-col="return">${money(a.amount)}</td></tr>`)}</tbody>
    </table>
    <p class="hint" data-testid="returns-scope">${el.L('returnsScope')}</p>` : nothing}
    ${variableCap(el, plan, rep, results.year_to_date)}
    ${rep.draw ? html`<p class="hint" data-section="draw">${drawText(el, plan, rep.draw, results.year_to_date)}</p>` : nothing}
    <p class="verdict total-line">${el.L('total')}${el.L('colon')}<strong data-testid="detail-total">${money(rep.total_pay)}</strong>${payParts(el, rep)}${was(el, before?.total_pay, rep.total_pay, before)}</p>
    ${shownWarnings.length ? html`<ul class="warnings no-print" data-section="warnings">${shownWarnings.map((w) => html`<li data-warning=${w.code}>${codeSpans(message(el, w.message))}</li>`)}</ul>` : nothing}
    ${renderRepPortrait(el, el.signals, rep, kpiName)}
    <p class="statement-foot hint">${el.L('statementFoot')}</p>
  </section>`;
}
