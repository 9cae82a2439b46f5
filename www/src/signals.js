// The management signals of the period (D6): alerts, high potentials and health checks of
// the plan, in a panel above the table; and, in a rep's statement, the rep's alerts, portrait
// (strengths and weaknesses against the team) and improvement plans. The engine works every
// one out and words it in both languages; the page only lays them out.
import { html, nothing } from 'lit';
import { paren, term } from './i18n.js';
import { message } from './problems.js';
import { fixed, number, short, sum } from './format.js';
import { columnName } from './columns.js';

const HEALTH_MARK = { ok: '✓', info: 'ℹ', warning: '⚠' };
const SEVERITY_ORDER = { warning: 0, info: 1, ok: 2 };

/** A team statistic's name: `average`, `median`, or `p75` as "75th percentile". */
function statName(lang, stat) {
  const p = /^p(\d+(?:\.\d+)?)$/.exec(stat);
  if (!p) return term(lang, stat);
  return lang === 'zh' ? `第 ${p[1]} 百分位` : `${p[1]}${ordinalSuffix(p[1])} percentile`;
}

/** Fewer reps on a card than this, and its portraits say their percentiles are coarse. */
const FEW_TO_RANK = 8;

/** The English ordinal ending of a number written as `n`: 1st, 2nd, 3rd, 11th, 75th, 12.5th. */
function ordinalSuffix(n) {
  if (n.includes('.') || /1\d$/.test(n)) return 'th';
  return { 1: 'st', 2: 'nd', 3: 'rd' }[n.at(-1)] ?? 'th';
}

/** One check of the high-potential rule: the rep's value against the team's, and the bar. */
function checkText(el, c) {
  // A data column by its friendly name ("Customer satisfaction"), a formula as written.
  const metric = columnName(el.lang, c.metric) ?? c.metric;
  if (c.compared_with === 'percentile_rank') {
    return `${metric} ${short(c.value)}${paren(el.lang, `${el.L('percentileRank').toLowerCase()} ${short(c.team_value)} ∈ ${short(c.at_least)}–${short(c.at_most)}`)}`;
  }
  // The condition's `by`: the bar less the statistic (both exact decimals as text), "+ 5" or "− 5".
  const negate = (v) => (v.startsWith('-') ? v.slice(1) : `-${v}`);
  const diff = sum([c.at_least, negate(c.team_value)]);
  const by = Number(diff) === 0 ? '' : ` ${diff.startsWith('-') ? '−' : '+'} ${short(diff.replace(/^-/, ''))} = ${short(c.at_least)}`;
  return `${metric} ${short(c.value)} ≥ ${statName(el.lang, c.compared_with)} ${short(c.team_value)}${by}`;
}

/**
 * The signals panel: counts that open the alerts, the high potentials and the plan's health.
 * @param {import('./playground.js').SalesPlanPlayground} el the element
 * @param {object} s the engine's signals report for the period
 * @returns {import('lit').TemplateResult | typeof nothing}
 */
export function renderSignals(el, s) {
  if (!s) return nothing;
  const msg = (m) => message(el, m);
  const warnings = s.health.filter((h) => h.severity === 'warning').length;
  const tabs = [
    ['alerts', `${s.alerts.length ? '⚠' : '✓'} ${el.L('alertsTab')} ${s.alerts.length}`, s.alerts.length],
    ['potential', `★ ${el.L('potentialTab')} ${s.high_potentials.length}`, s.high_potentials.length],
    // Like the other chips, a bare count: of the warnings (the checks that passed are not counted).
    ['health', `${warnings ? '⚠' : '✓'} ${el.L('healthTab')}${warnings ? ` ${warnings}` : ''}`, s.health.length, el.counted(warnings, 'healthWarnings')],
  ];
  const open = el.signalsTab;
  // A list that scrolls takes the focus, for the keyboard, when nothing in it can (the health
  // checks): its tabindex is set after each render, when it scrolls (`markScrolling`).
  return html`<section class="signals" data-testid="signals" aria-label=${el.L('signalsTitle')}>
    <div class="signal-tabs">
      <span class="hint">${el.L('signalsTitle')}</span>
      ${tabs.map(([id, label, n, title]) => html`<button type="button" class=${`chip ${id === 'alerts' && s.alerts.some((a) => a.severity === 'critical') ? 'critical' : ''}`}
        data-signal-tab=${id} title=${title ?? nothing} aria-expanded=${open === id ? 'true' : 'false'} ?disabled=${n === 0}
        @click=${() => (el.signalsTab = open === id ? null : id)}>${label}</button>`)}
    </div>
    ${open === 'alerts' ? html`<ul class="signal-list" data-testid="alerts">${s.alerts.map((a) => html`<li class=${a.severity} data-alert=${a.rule} data-rep=${a.rep_id}>
        <button type="button" class="linklike" @click=${() => el.selectRep(a.rep_id)}>${msg(a.message)}</button></li>`)}</ul>` : nothing}
    ${open === 'potential' ? html`<ul class="signal-list" data-testid="high-potentials">${s.high_potentials.map((f) => html`<li data-rep=${f.rep_id}>
        <button type="button" class="linklike" @click=${() => el.selectRep(f.rep_id)}>★ ${el.repName(f.rep_id)}${paren(el.lang, f.rep_id)}</button>
        <span class="hint">${f.checks.map((c) => checkText(el, c)).join(' · ')}</span></li>`)}</ul>` : nothing}
    ${open === 'health' ? html`<ul class="signal-list health" data-testid="health" aria-label=${el.L('healthTab')}>${[...s.health].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).map((h) => html`<li class=${h.severity} data-check=${h.code} data-path=${h.path}>
        <span class="mark" aria-label=${h.severity}>${HEALTH_MARK[h.severity]}</span> ${msg(h.message)}</li>`)}</ul>` : nothing}
  </section>`;
}

/**
 * A rep's alerts and high-potential flag, for the top of the statement.
 * @param {import('./playground.js').SalesPlanPlayground} el the element
 * @param {object} s the signals report
 * @param {object} rep the rep's results
 * @returns {import('lit').TemplateResult | typeof nothing}
 */
export function renderRepFlags(el, s, rep) {
  if (!s) return nothing;
  const msg = (m) => message(el, m);
  const alerts = s.alerts.filter((a) => a.rep_id === rep.rep_id);
  const potential = s.high_potentials.some((f) => f.rep_id === rep.rep_id);
  if (!alerts.length && !potential) return nothing;
  return html`<section class="rep-signals" data-testid="rep-flags">
    ${alerts.map((a) => html`<p class=${`alert-line ${a.severity}`} data-alert=${a.rule}>⚠ ${msg(a.message)}</p>`)}
    ${potential ? html`<p class="potential-line" data-testid="rep-potential">★ ${el.L('highPotential')}</p>` : nothing}
  </section>`;
}

/**
 * A rep's portrait against the team and improvement plans, after the pay in the statement.
 * @param {import('./playground.js').SalesPlanPlayground} el the element
 * @param {object} s the signals report
 * @param {object} rep the rep's results
 * @param {(id: string) => string} kpiName a KPI's name in the page's language
 * @returns {import('lit').TemplateResult | typeof nothing}
 */
export function renderRepPortrait(el, s, rep, kpiName) {
  if (!s) return nothing;
  const msg = (m) => message(el, m);
  const portrait = s.portraits.find((p) => p.rep_id === rep.rep_id);
  const plans = s.improvements.filter((p) => p.rep_id === rep.rep_id);
  return html`<section class="rep-signals" data-testid="rep-signals">
    ${portrait ? html`<table class="grid explain" data-section="portrait">
      <thead><tr><th>${el.L('portrait')}</th><th class="num">${el.L('score')}</th><th class="num">${el.L('teamAverage')}</th><th class="num">${el.L('percentileRank')}</th></tr></thead>
      <tbody>${portrait.kpis.map((k) => html`<tr data-portrait-kpi=${k.kpi} class=${portrait.strengths.includes(k.kpi) ? 'strength' : portrait.weaknesses.includes(k.kpi) ? 'weakness' : ''}>
        <th scope="row">${kpiName(k.kpi)}${portrait.strengths.includes(k.kpi) ? html` <span class="note strength">${el.L('strength')}</span>` : nothing}${portrait.weaknesses.includes(k.kpi) ? html` <span class="note weakness">${el.L('weakness')}</span>` : nothing}</th>
        <td class="num" data-col="score">${number(k.score)}</td><td class="num" data-col="team-average">${fixed(k.team_average, 2)}</td><td class="num" data-col="percentile">${short(k.percentile)}</td></tr>`)}</tbody>
    </table>
    <p class="hint" data-testid="portrait-legend">${el.L('portraitLegend').replace('{n}', portrait.team)}${portrait.team < FEW_TO_RANK ? ` ${el.L('portraitFew').replace('{n}', portrait.team)}` : ''}</p>` : nothing}
    ${plans.length ? html`<ul class="improvements" data-section="improvements">${plans.map((p) => html`<li class=${p.met === true ? 'met' : p.met === false ? 'missed' : ''}>${msg(p.message)}</li>`)}</ul>` : nothing}
  </section>`;
}
