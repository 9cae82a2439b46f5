// <sales-plan-playground>: the whole playground as one custom element. It holds the plan
// being edited, hands it to the engine on every edit (the reps stay in wasm memory), and
// shows the results; an invalid edit shows the engine's error by its field and keeps the
// last good results on screen.
import { LitElement, html, nothing } from 'lit';
import { loadEngine } from './engine.js';
import { t, name, initialLang, LANGS } from './i18n.js';
import { money, percent, number } from './format.js';
import { getIn, setIn } from './plan-path.js';
import { styles } from './styles.js';

const LANG_KEY = 'incentive-playground.lang';

export class SalesPlanPlayground extends LitElement {
  static properties = {
    lang: { type: String, reflect: true },
    period: { type: String },
    _plan: { state: true },
    _problems: { state: true },
    _results: { state: true },
    _status: { state: true },
  };

  static styles = styles;

  constructor() {
    super();
    this.lang = initialLang(localStorage.getItem(LANG_KEY), navigator.language);
    this.period = '';
    this._plan = null;
    this._problems = [];
    this._results = null;
    this._status = 'loading';
    this._engine = null;
    this._periods = [];
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      const api = await loadEngine();
      this._engine = api.Engine.withSampleReps();
      this._periods = this._engine.periods();
      this.period ||= this._periods.at(-1);
      this._status = 'ready';
      this._apply(JSON.parse(api.samplePlan()));
    } catch (e) {
      this._status = 'failed';
      this._problems = [{ path: '', message: { en: String(e?.message ?? e), zh: String(e?.message ?? e) } }];
    }
  }

  /** Hands `plan` to the engine; on success re-evaluates, otherwise keeps the last results. */
  _apply(plan) {
    this._plan = plan;
    const report = this._engine.setPlan(JSON.stringify(plan));
    this._problems = report.problems;
    if (report.ok) this._evaluate();
  }

  _evaluate() {
    try {
      this._results = this._engine.evaluate(this.period);
    } catch (e) {
      this._problems = e.problems ?? [{ path: '', message: { en: String(e), zh: String(e) } }];
    }
  }

  _edit(path, value) {
    this._apply(setIn(this._plan, path, value));
  }

  _setLang(lang) {
    this.lang = lang;
    localStorage.setItem(LANG_KEY, lang);
  }

  _setPeriod(period) {
    this.period = period;
    this._evaluate();
  }

  get _valid() {
    return !this._problems.some((p) => p.severity === 'error');
  }

  /** Problems whose path is exactly `path`, as text in the current language. */
  _errorsAt(path) {
    return this._problems.filter((p) => p.path === path).map((p) => p.message[this.lang] ?? p.message.en);
  }

  _fieldError(path) {
    const errors = this._errorsAt(path);
    return errors.length ? html`<div class="field-error" role="alert" data-error-for=${path}>${errors.join(' ')}</div>` : nothing;
  }

  _input(path, { label, type = 'text', width = '' } = {}) {
    const value = getIn(this._plan, path);
    const invalid = this._errorsAt(path).length > 0;
    return html`<input
      class=${`cell-input ${width}`}
      type=${type === 'number' ? 'text' : type}
      inputmode=${type === 'number' ? 'decimal' : 'text'}
      aria-label=${label}
      aria-invalid=${invalid ? 'true' : 'false'}
      data-path=${path}
      .value=${value == null ? '' : String(value)}
      @input=${(e) => this._edit(path, e.target.value)}
    />`;
  }

  render() {
    const L = (k) => t(this.lang, k);
    return html`
      <header class="bar">
        <div class="brand">
          <h1>${L('title')}</h1>
          <p>${L('tagline')}</p>
        </div>
        <div class="controls">
          <label>${L('period')}
            <select data-testid="period" @change=${(e) => this._setPeriod(e.target.value)}>
              ${this._periods.map((p) => html`<option value=${p} ?selected=${p === this.period}>${p}</option>`)}
            </select>
          </label>
          <div class="lang" role="group" aria-label=${L('language')}>
            ${LANGS.map((l) => html`<button type="button" data-lang=${l} aria-pressed=${this.lang === l ? 'true' : 'false'} @click=${() => this._setLang(l)}>${l === 'en' ? 'EN' : '中文'}</button>`)}
          </div>
        </div>
      </header>
      ${this._status === 'loading' ? html`<p class="status">${L('loading')}</p>` : nothing}
      ${this._status === 'failed' ? html`<p class="status error">${L('failed')}: ${this._problems[0]?.message.en}</p>` : nothing}
      ${this._plan ? html`<main class="layout">${this._renderEditor()}${this._renderResults()}</main>` : nothing}
    `;
  }

  _renderEditor() {
    const L = (k) => t(this.lang, k);
    const plan = this._plan;
    return html`<section class="panel editor" aria-label=${L('plan')}>
      <h2>${L('plan')}: ${this.lang === 'zh' ? plan.name_zh ?? plan.name : plan.name}</h2>
      ${plan.scorecards.map((card, c) => this._renderScorecard(card, c))}
      ${plan.commission.map((line, i) => this._renderCommission(line, i))}
      ${this._renderGrades()}
    </section>`;
  }

  _renderScorecard(card, c) {
    const L = (k) => t(this.lang, k);
    const base = `scorecards[${c}]`;
    const sum = card.kpis.reduce((s, k) => s + (Number.parseFloat(k.weight) || 0), 0); // display only; the engine checks exactly
    return html`<fieldset class="block">
      <legend>${L('scorecard')}${card.name ? html`: ${this.lang === 'zh' ? card.name_zh ?? card.name : card.name}` : nothing}</legend>
      <table class="grid kpis">
        <colgroup><col /><col class="c-target" /><col class="c-num" /><col class="c-num" /></colgroup>
        <thead><tr><th>${L('kpi')}</th><th>${L('target')}</th><th>${L('weight')}</th><th>${L('cap')}</th></tr></thead>
        <tbody>
          ${card.kpis.map((kpi, k) => {
            const path = `${base}.kpis[${k}]`;
            const label = this.lang === 'zh' ? kpi.name_zh ?? kpi.name : kpi.name;
            return html`<tr>
              <th scope="row">${label}<div class="hint">${kpi.actual}</div></th>
              <td>${this._input(`${path}.target`, { label: `${label} ${L('target')}`, width: 'formula' })}${this._fieldError(`${path}.target`)}</td>
              <td>${this._input(`${path}.weight`, { label: `${label} ${L('weight')}`, type: 'number', width: 'narrow' })}${this._fieldError(`${path}.weight`)}</td>
              <td>${kpi.scoring?.type === 'ratio' ? this._input(`${path}.scoring.cap_pct`, { label: `${label} ${L('cap')}`, type: 'number', width: 'narrow' }) : nothing}${this._fieldError(`${path}.scoring.cap_pct`)}</td>
            </tr>`;
          })}
        </tbody>
        <tfoot><tr>
          <th scope="row">${L('weightSum')}</th><td></td>
          <td class=${Math.abs(sum - 100) < 1e-9 ? 'sum ok' : 'sum bad'} data-testid="weight-sum">${Number.isFinite(sum) ? sum.toString() : '—'}</td><td class="hint">${L('mustBe100')}</td>
        </tr></tfoot>
      </table>
      ${this._fieldError(`${base}.kpis`)}
    </fieldset>`;
  }

  _renderCommission(line, i) {
    const L = (k) => t(this.lang, k);
    const base = `commission[${i}]`;
    const label = this.lang === 'zh' ? line.name_zh ?? line.name : line.name;
    const fromLabel = line.tier_basis === 'amount' ? L('fromAmount') : L('fromPct');
    return html`<fieldset class="block">
      <legend>${L('commission')}: ${label}</legend>
      <label class="row">${L('method')}
        <select data-path=${`${base}.method`} @change=${(e) => this._edit(`${base}.method`, e.target.value)}>
          ${['marginal', 'retroactive'].map((m) => html`<option value=${m} ?selected=${line.method === m}>${L(m)}</option>`)}
        </select>
      </label>
      <table class="grid">
        <thead><tr><th>${L('tiers')}</th><th>${fromLabel}</th><th>${L('ratePct')}</th><th></th></tr></thead>
        <tbody>
          ${line.tiers.map((tier, n) => {
            const path = `${base}.tiers[${n}]`;
            return html`<tr>
              <th scope="row">${n + 1}</th>
              <td>${this._input(`${path}.from`, { label: `${L('tiers')} ${n + 1} ${fromLabel}`, type: 'number', width: 'narrow' })}${this._fieldError(`${path}.from`)}</td>
              <td>${this._input(`${path}.rate_pct`, { label: `${L('tiers')} ${n + 1} ${L('ratePct')}`, type: 'number', width: 'narrow' })}${this._fieldError(`${path}.rate_pct`)}</td>
              <td>${line.tiers.length > 1 ? html`<button type="button" class="icon" title=${L('removeTier')} aria-label=${`${L('removeTier')} ${n + 1}`} @click=${() => this._edit(`${base}.tiers`, line.tiers.filter((_, j) => j !== n))}>×</button>` : nothing}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <button type="button" class="secondary" @click=${() => this._addTier(base, line)}>+ ${L('addTier')}</button>
      ${this._fieldError(`${base}.tiers`)}
    </fieldset>`;
  }

  _addTier(base, line) {
    const last = line.tiers.at(-1);
    const from = String((Number.parseFloat(last?.from) || 0) + (line.tier_basis === 'amount' ? 100000 : 20));
    this._edit(`${base}.tiers`, [...line.tiers, { from, rate_pct: String(last?.rate_pct ?? '0') }]);
  }

  _renderGrades() {
    const L = (k) => t(this.lang, k);
    const bands = this._plan.grades?.bands ?? [];
    return html`<fieldset class="block">
      <legend>${L('grades')}</legend>
      <table class="grid">
        <thead><tr><th>${L('grade')}</th><th>${L('minScore')}</th></tr></thead>
        <tbody>
          ${bands.map((band, i) => html`<tr>
            <th scope="row"><span class=${`badge g-${band.grade}`}>${band.grade}</span></th>
            <td>${i < bands.length - 1 ? html`${this._input(`grades.bands[${i}].min_score`, { label: `${band.grade} ${L('minScore')}`, type: 'number', width: 'narrow' })}${this._fieldError(`grades.bands[${i}].min_score`)}` : html`<span class="hint">&lt; ${bands[i - 1]?.min_score ?? ''}</span>`}</td>
          </tr>`)}
        </tbody>
      </table>
    </fieldset>`;
  }

  _renderResults() {
    const L = (k) => t(this.lang, k);
    const r = this._results;
    return html`<section class="panel results" aria-label=${L('results')}>
      ${!this._valid ? html`<div class="banner" role="alert" data-testid="plan-errors">
        <strong>${L('planInvalid')}</strong>
        <ul>${this._problems.filter((p) => p.severity === 'error').map((p) => html`<li><code>${p.path || '—'}</code> ${p.message[this.lang] ?? p.message.en}</li>`)}</ul>
      </div>` : nothing}
      ${r ? this._renderTable(r) : nothing}
      ${r?.problems?.length ? html`<div class="banner warn"><strong>${L('excluded')}</strong><ul>${r.problems.map((p) => html`<li>${p.message[this.lang] ?? p.message.en}</li>`)}</ul></div>` : nothing}
    </section>`;
  }

  _renderTable(r) {
    const L = (k) => t(this.lang, k);
    const zh = this.lang === 'zh';
    return html`
      <div class="summary" data-testid="summary">
        <div class="kpi-card"><span>${L('teamTotal')}</span><strong data-testid="total-pay">${money(r.totals.total_pay)}</strong></div>
        <div class="kpi-card"><span>${L('averagePay')}</span><strong>${money(r.totals.average_pay)}</strong></div>
        <div class="kpi-card"><span>${L('averageScore')}</span><strong>${number(r.totals.average_score)}</strong></div>
        <div class="kpi-card"><span>${L('grade')}</span><strong class="grades">${r.totals.grades.map((g) => html`<span class=${`badge g-${g.grade}`}>${g.grade} ${g.reps}</span>`)}</strong></div>
      </div>
      <div class="table-wrap">
        <table class="results-table" data-testid="results">
          <thead><tr>
            <th>${L('rep')}</th><th>${L('region')}</th><th>${L('role')}</th>
            <th class="num">${L('attainment')}</th><th class="num">${L('score')}</th><th>${L('grade')}</th>
            <th class="num">${L('commission')}</th><th class="num">${L('total')}</th>
          </tr></thead>
          <tbody>
            ${r.reps.map((rep) => html`<tr data-rep=${rep.rep_id}>
              <th scope="row">${zh ? rep.name_zh || rep.name : rep.name}<span class="hint"> ${rep.rep_id}</span></th>
              <td>${name(this.lang, rep.region)}</td>
              <td>${name(this.lang, rep.role)}</td>
              <td class="num" data-col="attainment">${percent(rep.attainment_pct)}</td>
              <td class="num" data-col="score">${number(rep.score)}</td>
              <td data-col="grade"><span class=${`badge g-${rep.grade}`}>${rep.grade}</span></td>
              <td class="num" data-col="commission">${money(rep.commission[0]?.pay)}</td>
              <td class="num" data-col="total">${money(rep.total_pay)}</td>
            </tr>`)}
          </tbody>
          <tfoot>
            ${r.totals.by_region.map((g) => html`<tr class="subtotal" data-region=${g.group}>
              <th scope="row" colspan="2">${name(this.lang, g.group)}</th><td>${g.reps} ${L('reps')}</td>
              <td></td><td class="num">${number(g.average_score)}</td><td></td><td></td>
              <td class="num">${money(g.total_pay)}</td>
            </tr>`)}
            <tr class="grand"><th scope="row" colspan="2">${L('teamTotal')}</th><td>${r.totals.reps} ${L('reps')}</td>
              <td></td><td class="num">${number(r.totals.average_score)}</td><td></td><td></td>
              <td class="num">${money(r.totals.total_pay)}</td></tr>
          </tfoot>
        </table>
      </div>`;
  }
}

customElements.define('sales-plan-playground', SalesPlanPlayground);
