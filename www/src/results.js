// The results: summary cards (total pay, averages, grade counts against the guide) and the
// table of reps. A row opens the rep's explanation; the last good results stay on screen
// while the plan has errors.
import { html, nothing } from 'lit';
import { fill, name, paren, term } from './i18n.js';
import { messageText } from './problems.js';
import { columnName } from './columns.js';
import { isZero, money, moneySum, percent, number, wan, currencySymbol } from './format.js';

/** An amount with the plan's currency symbol: "¥891,910.00". */
export const amount = (el, v) => `${currencySymbol(el.lang, el.currentPlan?.currency)}${money(v)}`;

/** In Chinese, the amount in 万 beside the exact figure: "≈ 89.19万". */
const inWan = (el, v, testid) => (el.lang === 'zh' ? html` <span class="secondary-figure" data-testid=${testid ?? nothing}>≈ ${wan(v)}</span>` : nothing);

/**
 * The summary cards: plan cost, pay against revenue, average score, grades against the guide.
 * @param {import('./playground.js').SalesPlanPlayground} el the element
 * @param {import('../pkg/incentive_engine.js').Evaluation} r the results shown
 * @returns {import('lit').TemplateResult}
 */
export function renderSummary(el, r) {
  const t = r.totals;
  return html`<div class="summary" data-testid="summary">
    <div class="kpi-card"><span>${el.L('planCost')}</span><strong data-testid="total-pay" title=${money(t.total_pay)}>${amount(el, t.total_pay)}</strong>${inWan(el, t.total_pay, 'total-pay-wan')}
      <small>${[['basePay', t.base_pay], ['commission', t.commission], ['bonusesShort', t.bonuses], ['returns', t.adjustments]]
        .filter(([, v]) => !isZero(v)).map(([k, v]) => `${el.L(k)} ${money(v)}`).join(' · ')}</small></div>
    <div class="kpi-card"><span>${fill(el.L('payOfRevenue'), { revenue: revenueName(el) })}</span><strong data-testid="pay-pct">${t.pay_pct_of_revenue != null ? percent(t.pay_pct_of_revenue) : '—'}</strong>
      <small>${el.L('averagePay')} ${money(t.average_pay)}</small></div>
    <div class="kpi-card"><span>${el.L('averageScore')}</span><strong>${number(t.average_score)}</strong></div>
    <div class="kpi-card"><span>${el.L('gradesTitle')}</span><strong class="grades" data-testid="grade-counts">${t.grades.map((g) => {
      const d = t.distribution.find((x) => x.grade === g.grade);
      // + and − (not the arrows, which mean the sort order and paid more or less): the count is above or below the guide's range.
      const mark = d && d.status !== 'within' ? html`<sup class="guide-mark">${d.status === 'above' ? '+' : '−'}</sup>` : '';
      const title = d ? `${g.grade}${el.L('colon')}${percent(d.share_pct)}${paren(el.lang, `${el.L('guide')} ${d.min_pct}–${d.max_pct}%${el.L('listSep')}${el.L(d.status)}`)}` : '';
      return html`<span class=${`badge g-${g.grade}`} title=${title} data-status=${d?.status ?? ''}>${g.grade} ${g.reps}${mark}</span>`;
    })}</strong></div>
  </div>`;
}

/**
 * What a screen reader is told when the results change (a polite status, once the edits
 * pause): the plan's cost, its change against the baseline, and the grade counts.
 */
export function announcement(el, r, comparison) {
  const t = r.totals;
  const parts = [`${el.L('planCost')} ${amount(el, t.total_pay)}`];
  if (comparison) parts.push(`${el.L('costDelta')} ${signed(comparison.cost_delta)}`);
  parts.push(`${el.L('gradesTitle')} ${t.grades.map((g) => `${g.grade} ${g.reps}`).join(el.L('listSep'))}`);
  return parts.join(el.lang === 'zh' ? '；' : '; ');
}

/** ⚠ for a rep with an alert this period, ★ for a high potential, each with its words as the tooltip. */
function signalMarks(el, id) {
  const s = el.signals;
  if (!s) return nothing;
  const alerts = s.alerts.filter((a) => a.rep_id === id);
  const potential = s.high_potentials.some((f) => f.rep_id === id);
  return html`${alerts.length ? html` <span class=${`alert-mark ${alerts.some((a) => a.severity === 'critical') ? 'critical' : ''}`} data-mark="alert" title=${alerts.map((a) => messageText(el, a.message)).join('\n')}>⚠</span>` : nothing}${potential ? html` <span class="potential-mark" data-mark="potential" title=${el.L('highPotential')}>★</span>` : nothing}`;
}

/** A sortable column header, with `title` as its tooltip. */
function th(el, key, label, cls = '', title = '') {
  const active = el.sort.key === key;
  const sort = active ? (el.sort.dir > 0 ? 'ascending' : 'descending') : 'none';
  return html`<th class=${cls} aria-sort=${sort}><button type="button" class="sort" data-sort=${key} title=${title || nothing} @click=${() => el.setSort(key)}>${label}${active ? html`<span aria-hidden="true">${el.sort.dir > 0 ? ' ▲' : ' ▼'}</span>` : nothing}</button></th>`;
}

/**
 * Orders regions or roles by the names the page shows them by, in `lang`'s collation (in
 * Chinese by pinyin: 华东, 华南, 西北, 西南), not by the data's English ids.
 */
const byShownName = (lang) => (a, b) => name(lang, a).localeCompare(name(lang, b), lang === 'zh' ? 'zh-CN' : 'en');

/** The filter bar over the table: text, region, role, grade. */
function renderFilters(el, r) {
  const options = (key) => [...new Set(r.reps.map((x) => x[key]))].sort(byShownName(el.lang));
  const select = (key, label, values, show) => html`<label>${label}
    <select data-filter=${key} @change=${(e) => el.setFilter({ [key]: e.target.value })}>
      <option value="" ?selected=${!el.filter[key]}>${el.L('all')}</option>
      ${values.map((v) => html`<option value=${v} ?selected=${el.filter[key] === v}>${show(v)}</option>`)}
    </select></label>`;
  return html`<div class="filters">
    <input type="search" data-filter="text" placeholder=${el.L('search')} aria-label=${el.L('search')} .value=${el.filter.text} @input=${(e) => el.setFilter({ text: e.target.value })} />
    ${select('region', el.L('region'), options('region'), (v) => name(el.lang, v))}
    ${select('role', el.L('role'), options('role'), (v) => name(el.lang, v))}
    ${select('grade', el.L('grade'), r.totals.grades.map((g) => g.grade), (v) => v)}
  </div>`;
}

/** What the pay is a share of: the headline attainment's actual ("Collected revenue"), as the engine's totals add it up. */
function revenueName(el) {
  const actual = el.currentPlan?.attainment?.actual;
  return (actual && columnName(el.lang, actual)) || el.L('revenueWord');
}

/** "Attainment = Collected revenue ÷ Revenue target", from the plan's headline attainment. */
function attainmentFormula(el) {
  const a = el.currentPlan?.attainment;
  const show = (f) => columnName(el.lang, f) ?? f;
  return a ? fill(el.L('attainmentFormula'), { actual: show(a.actual), target: show(a.target) }) : '';
}

/**
 * What the marks in the table and the grade counts mean, for the marks on screen; and what
 * the attainment and score columns are (their heads' tooltips, which a phone never shows).
 */
function renderLegend(el, r) {
  const marks = [
    [r.reps.some((x) => x.adjustments.length), '↺', 'markReturn'],
    [r.reps.some((x) => !x.adjustments.length && x.warnings.length), '!', 'markWarning'],
    [r.totals.distribution.some((d) => d.status !== 'within'), '+ −', 'markGuide'],
  ].filter(([shown]) => shown);
  const formula = attainmentFormula(el);
  return html`<p class="legend hint" data-testid="legend">${marks.map(([, mark, key]) => html`<span><b>${mark}</b> ${el.L(key)}</span>`)}${formula ? html`<span data-legend="attainment">${formula}</span>` : nothing}<span data-legend="score">${el.L('scoreOver100')}</span></p>`;
}

/** Rows the table renders at first and adds per "show more": a team of thousands would take seconds to lay out. */
export const ROWS_AT_ONCE = 200;

/**
 * The table of reps (filtered and sorted as the element says), with subtotals by region.
 * @param {import('./playground.js').SalesPlanPlayground} el the element
 * @param {import('../pkg/incentive_engine.js').Evaluation} r the results shown
 * @param {import('../pkg/incentive_engine.js').Comparison | null} comparison against the pinned baseline, if any
 * @returns {import('lit').TemplateResult}
 */
export function renderTable(el, r, comparison) {
  const zh = el.lang === 'zh';
  const shown = el.visibleReps();
  const rendered = shown.length > el.rowLimit ? shown.slice(0, el.rowLimit) : shown;
  const hasBase = r.reps.some((x) => x.base_pay.length);
  const hasBonuses = r.reps.some((x) => x.bonuses.length);
  // Returns clawed back: a column of their own, so that every row and subtotal adds across.
  const hasReturns = r.reps.some((x) => x.adjustments.length);
  const parts = { hasBase, hasBonuses, hasReturns };
  const delta = comparison ? new Map(comparison.reps.map((d) => [d.rep_id, d])) : null;
  const places = el.currentPlan?.rounding?.money_scale ?? 2;
  const extra = (hasBase ? 1 : 0) + (hasBonuses ? 1 : 0) + (hasReturns ? 1 : 0);
  // How many optional columns the table has: a narrow panel folds the region column into the
  // rep's cell (styles.js) sooner the more there are, so that every figure stays in view.
  const optional = extra + (delta ? 1 : 0);
  // A footer label's count on a line of its own when the region column is folded away.
  const count = (n) => html`<span class="inline-region">${n} ${el.counted(n, 'reps')}</span>`;
  // Filtered to a region, the footer gives that region's subtotal only; "shown" only when the
  // rows shown are not all of it.
  const regions = r.totals.by_region.filter((g) => !el.filter.region || g.group === el.filter.region);
  regions.sort((a, b) => byShownName(el.lang)(a.group, b.group));
  return html`${renderFilters(el, r)}<p class="hint scroll-hint" data-testid="scroll-hint">${el.L('scrollSideways')}</p><div class="table-wrap">
    <span id="row-opens" class="visually-hidden">${el.L('rowOpens')}</span>
    <table class="results-table" data-testid="results" data-optional-columns=${Math.min(optional, 3)} data-crowded=${optional > 3 ? 'true' : nothing}>
      <thead><tr>
        ${th(el, 'name', el.L('rep'))}${th(el, 'region', `${el.L('region')} / ${el.L('role')}`, 'col-region')}
        ${th(el, 'attainment', el.L('attainment'), 'num', attainmentFormula(el))}${th(el, 'score', el.L('score'), 'num', el.L('scoreOver100'))}${th(el, 'grade', el.L('grade'))}
        ${hasBase ? th(el, 'base', el.L('basePay'), 'num') : nothing}
        ${th(el, 'commission', el.L('commission'), 'num')}
        ${hasBonuses ? th(el, 'bonuses', el.L('bonusesShort'), 'num') : nothing}
        ${hasReturns ? th(el, 'returns', el.L('returns'), 'num') : nothing}
        ${th(el, 'total', el.L('total'), 'num')}
        ${delta ? th(el, 'delta', el.L('vsBaseline'), 'num') : nothing}
      </tr></thead>
      <tbody>
        ${shown.length ? nothing : html`<tr class="no-match" data-testid="no-match"><td colspan=${7 + extra + (delta ? 1 : 0)}>${el.L('noMatch')}
          <button type="button" class="secondary" data-testid="clear-filters" @click=${() => el.setFilter({ text: '', region: '', role: '', grade: '' })}>${el.L('clearFilters')}</button></td></tr>`}
        ${rendered.map((rep) => html`<tr data-rep=${rep.rep_id} tabindex="0" aria-current=${el.selectedRep === rep.rep_id ? 'true' : nothing} aria-describedby="row-opens"
            @click=${() => el.selectRep(rep.rep_id)} @keydown=${(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), el.selectRep(rep.rep_id))}>
          <th scope="row">${zh ? rep.name_zh || rep.name : rep.name}<span class="hint"> ${rep.rep_id}</span>${signalMarks(el, rep.rep_id)}${rep.flags.length
            ? html` <span class="flag" title=${rep.flags.map((f) => term(el.lang, f.code)).join(el.L('semicolon'))} data-flag=${rep.flags[0].code}>⚑</span>`
            : nothing}<div class="hint inline-region">${name(el.lang, rep.region)} · ${name(el.lang, rep.role)}</div></th>
          <td class="col-region" data-col="region">${name(el.lang, rep.region)}<div class="hint" data-col="role">${name(el.lang, rep.role)}</div></td>
          <td class="num" data-col="attainment">${percent(rep.attainment_pct)}</td>
          <td class="num" data-col="score">${number(rep.score)}${scoreChange(delta?.get(rep.rep_id))}</td>
          <td data-col="grade"><span class=${`badge g-${rep.grade}`}>${rep.grade}</span></td>
          ${hasBase ? html`<td class="num" data-col="base">${money(rep.base_total)}</td>` : nothing}
          <td class="num" data-col="commission">${money(moneySum(rep.commission.map((l) => l.pay), places))}</td>
          ${hasBonuses ? html`<td class="num" data-col="bonuses">${money(moneySum(rep.bonuses.map((b) => b.amount), places))}</td>` : nothing}
          ${hasReturns ? html`<td class="num" data-col="returns">${rep.adjustments.length ? money(moneySum(rep.adjustments.map((a) => a.amount), places)) : ''}</td>` : nothing}
          <td class="num" data-col="total" data-mark=${rep.adjustments.length ? '↺' : rep.warnings.length ? '!' : nothing}
            title=${[...rep.adjustments.map((a) => `${el.L('returns')}${el.L('colon')}${name(el.lang, a.reference)} ${money(a.amount)}`), ...rep.warnings.map((w) => messageText(el, w.message))].join('\n') || nothing}>${money(rep.total_pay)}</td>
          ${delta ? deltaCell(el, delta.get(rep.rep_id)) : nothing}
        </tr>`)}
      </tbody>
      <tfoot>
        ${regions.map((g) => {
          const change = comparison?.by_region.find((d) => d.group === g.group)?.delta;
          return html`<tr class="subtotal" data-region=${g.group}>
          <th scope="row">${name(el.lang, g.group)}${count(g.reps)}</th><td class="col-region">${g.reps} ${el.counted(g.reps, 'reps')}</td>
          <td></td><td class="num">${number(g.average_score)}</td><td></td>${footerPayCells({ base: g.base_pay, commission: g.commission, bonuses: g.bonuses, returns: g.adjustments }, parts)}
          <td class="num" data-col="total">${money(g.total_pay)}</td>${delta ? html`<td class="num" data-col="delta">${change == null ? '' : signed(change)}</td>` : nothing}
        </tr>`;
        })}
        ${shown.length !== r.reps.length && !(regions.length === 1 && regions[0].reps === shown.length) ? html`<tr class="shown" data-testid="shown-total"><th scope="row">${el.L('shown')}${count(shown.length)}</th><td class="col-region">${shown.length} ${el.counted(shown.length, 'reps')}</td>
          <td></td><td></td><td></td>${footerPayCells(paySums(shown, places), parts)}<td class="num" data-col="total">${money(moneySum(shown.map((x) => x.total_pay), places))}</td>${delta ? html`<td class="num" data-col="delta">${signed(moneySum(shown.map((x) => delta.get(x.rep_id)?.pay_delta), places))}</td>` : nothing}</tr>` : nothing}
        <tr class="grand"><th scope="row">${el.L('teamTotal')}${count(r.totals.reps)}</th><td class="col-region">${r.totals.reps} ${el.counted(r.totals.reps, 'reps')}</td>
          <td></td><td class="num">${number(r.totals.average_score)}</td><td></td>${footerPayCells({ base: r.totals.base_pay, commission: r.totals.commission, bonuses: r.totals.bonuses, returns: r.totals.adjustments }, parts)}
          <td class="num" data-col="total">${money(r.totals.total_pay)}</td>${delta ? html`<td class="num" data-col="delta-total" title=${comparison.only_before.length || comparison.only_after.length ? el.L('comparedOver').replace('{n}', comparison.reps.length) : nothing}>${signed(comparison.cost_delta)}</td>` : nothing}</tr>
      </tfoot>
    </table>
  </div>${rendered.length < shown.length ? moreRows(el, rendered.length, shown.length) : nothing}${renderLegend(el, r)}`;
}

/**
 * A footer row's pay columns: base pay (when the table has it), commission, bonuses and
 * returns (when it has them), from `sums` (`paySums`, or the engine's team or region totals).
 */
function footerPayCells(sums, { hasBase, hasBonuses, hasReturns }) {
  return html`${hasBase ? html`<td class="num" data-col="base">${money(sums.base)}</td>` : nothing}
    <td class="num" data-col="commission">${money(sums.commission)}</td>
    ${hasBonuses ? html`<td class="num" data-col="bonuses">${money(sums.bonuses)}</td>` : nothing}
    ${hasReturns ? html`<td class="num" data-col="returns">${money(sums.returns)}</td>` : nothing}`;
}

/** The exact sums of `reps`' base pay, commission, bonuses and returns, to the cent. */
function paySums(reps, places) {
  return {
    base: moneySum(reps.map((x) => x.base_total), places),
    commission: moneySum(reps.flatMap((x) => x.commission.map((l) => l.pay)), places),
    bonuses: moneySum(reps.flatMap((x) => x.bonuses.map((b) => b.amount)), places),
    returns: moneySum(reps.flatMap((x) => x.adjustments.map((a) => a.amount)), places),
  };
}

/** Under a table that renders only its first rows: how many, and buttons for the rest. */
function moreRows(el, rendered, total) {
  const next = Math.min(total - rendered, ROWS_AT_ONCE);
  return html`<div class="more-rows" data-testid="more-rows">
    <span>${el.L('rowsWindow').replace('{shown}', rendered.toLocaleString(el.lang)).replace('{n}', total.toLocaleString(el.lang))}</span>
    <button type="button" class="secondary no-print" data-testid="show-more" @click=${() => el.showMoreRows(false)}>${el.L('showMore').replace('{n}', next.toLocaleString(el.lang))}</button>
    <button type="button" class="secondary no-print" data-testid="show-all" @click=${() => el.showMoreRows(true)}>${el.L('showAll')}</button>
  </div>`;
}

/** "+4,000.00" / "-1,500.00" / "0.00": a change shown by `show` (money by default), with its sign. */
export function signed(decimal, show = money) {
  return decimal.startsWith('-') || isZero(decimal) ? show(decimal) : `+${show(decimal)}`;
}

/** A comparison's cost change, signed, with its percentage ("+8,060.00 (+0.90%)"), in the colour of its direction. */
export function costChange(el, c, testid) {
  const pct = c.cost_delta_pct != null ? paren(el.lang, `${direction(c.cost_delta_pct) === 'up' ? '+' : ''}${percent(c.cost_delta_pct)}`) : '';
  return html`<strong data-testid=${testid} class=${direction(c.cost_delta) && `cost-${direction(c.cost_delta)}`}>${signed(c.cost_delta)}${pct}</strong>`;
}

/** "down", "up" or "" (no change) for a signed decimal string: the colour of a change. */
const direction = (decimal) => (decimal.startsWith('-') ? 'down' : isZero(decimal) ? '' : 'up');

/** Under a rep's score against a pinned baseline: its change, when there is one ("+2.10"). */
function scoreChange(d) {
  if (!d || isZero(d.score_delta)) return nothing;
  return html`<div class=${`hint delta ${direction(d.score_delta)}`} data-col="score-delta">${signed(d.score_delta, number)}</div>`;
}

function deltaCell(el, d) {
  // Shown here, the rep is evaluated under this plan: the baseline left it out.
  if (!d) return html`<td class="num" data-col="delta" title=${el.L('notInBaseline')}>—</td>`;
  return html`<td class=${`num delta ${direction(d.pay_delta)}`} data-col="delta">${signed(d.pay_delta)}${d.grade_before !== d.grade_after ? html` <span class="hint">${d.grade_before}→${d.grade_after}</span>` : nothing}</td>`;
}

/**
 * The comparison with the pinned baseline: cost before and after, who gains and loses. While
 * the plan in the editor has errors it is the last valid plan's, and says so.
 */
export function renderComparison(el, c) {
  const stale = !el.valid;
  return html`<div class=${`compare ${stale ? 'stale' : ''}`} data-testid="comparison" data-stale=${stale ? 'true' : 'false'}>
    ${stale ? html`<p class="stale-note" data-testid="comparison-stale">${el.L('comparisonStale')}</p>` : nothing}
    ${baselineName(el)}
    <div><span>${el.L('baselineCost')}</span><strong>${amount(el, c.cost_before)}</strong>${inWan(el, c.cost_before)}</div>
    <div><span>${el.L('variantCost')}</span><strong>${amount(el, c.cost_after)}</strong>${inWan(el, c.cost_after)}</div>
    <div><span>${el.L('costDelta')}</span>${costChange(el, c, 'cost-delta')}</div>
    <div><span>${el.L('gainersLosers')}</span><strong data-testid="gainers-losers">▲ ${c.gainers} · ▼ ${c.losers} · = ${c.unchanged}</strong></div>
    ${partialNote(el, c)}
  </div>`;
}

/** Which plan the baseline is, and when it was pinned: "Baseline: SaaS quick start, pinned at 14:05". */
function baselineName(el) {
  const plan = el.baselinePlan;
  if (!plan) return nothing;
  const at = el.baselineAt ? new Date(el.baselineAt) : null;
  const time = at && !Number.isNaN(at.getTime()) ? at.toLocaleTimeString(el.lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }) : '';
  const text = fill(el.L(time ? 'baselineNamedAt' : 'baselineNamed'), { name: el.planTitle(plan) || '—', time });
  return html`<p class="hint compare-note" data-testid="baseline-name">${text}</p>`;
}

/**
 * When a rep is evaluated under one plan only, the costs compared are those of the reps under
 * both: said, with who is left out by which plan (the left-out list says why).
 */
function partialNote(el, c) {
  if (!c.only_before.length && !c.only_after.length) return nothing;
  const who = (ids) => ids.map((id) => `${el.repName(id)}${paren(el.lang, id)}`).join(el.lang === 'zh' ? '、' : ', ');
  const parts = [el.L('comparedOver').replace('{n}', c.reps.length)];
  if (c.only_before.length) parts.push(fill(el.L('leftOutByVariant'), { reps: who(c.only_before) }));
  if (c.only_after.length) parts.push(fill(el.L('leftOutByBaseline'), { reps: who(c.only_after) }));
  return html`<p class="hint compare-note" data-testid="comparison-partial">${parts.join(el.lang === 'zh' ? '' : ' ')}</p>`;
}
