// <sales-plan-playground>: the whole playground as one custom element. It holds the plan
// being edited, hands it to the engine on every edit (the reps stay in wasm memory), and
// shows the results; an invalid edit shows the engine's error by its field and keeps the
// last good results on screen. The editor, the results and the explanation are render
// modules over this element's state.
import { LitElement, html, nothing } from 'lit';
import { loadEngine } from './engine.js';
import { t, initialLang, LANGS } from './i18n.js';
import { getIn, setIn } from './plan-path.js';
import { sum } from './format.js';
import { renderEditor } from './editor.js';
import { renderComparison, renderSummary, renderTable } from './results.js';
import { renderExplanation } from './explain.js';
import { Charts, payoutConfig, gradesConfig, payPerRepConfig, costByRegionConfig, deltaConfig } from './charts.js';
import { name } from './i18n.js';
import { styles } from './styles.js';

const LANG_KEY = 'incentive-playground.lang';

export class SalesPlanPlayground extends LitElement {
  static properties = {
    lang: { type: String, reflect: true },
    period: { type: String },
    plan: { state: true },
    problems: { state: true },
    results: { state: true },
    presetId: { state: true },
    cardIndex: { state: true },
    selectedRep: { state: true },
    ytd: { state: true },
    comparison: { state: true },
    baselinePinned: { state: true },
    showCharts: { state: true },
    sort: { state: true },
    filter: { state: true },
    status: { state: true },
  };

  static styles = styles;

  constructor() {
    super();
    this.lang = initialLang(localStorage.getItem(LANG_KEY), navigator.language);
    this.period = '';
    this.plan = null;
    this.problems = [];
    this.results = null;
    this.presets = [];
    this.presetId = '';
    this.cardIndex = 0;
    this.selectedRep = null;
    this.ytd = false;
    this.comparison = null;
    this.baselinePinned = false;
    this.showCharts = true;
    this.sort = { key: null, dir: 1 };
    this.filter = { text: '', region: '', role: '', grade: '' };
    this.charts = new Charts();
    this.status = 'loading';
    this.engine = null;
    this.periods = [];
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      const api = await loadEngine();
      this.engine = api.Engine.withSampleReps();
      this.periods = this.engine.periods();
      this.period ||= this.periods.at(-1);
      this.presets = api.presets().map((p) => ({ id: p.id, json: p.json, plan: JSON.parse(p.json) }));
      this.status = 'ready';
      this.loadPreset(this.presets[0].id);
    } catch (e) {
      this.status = 'failed';
      this.problems = [{ path: '', severity: 'error', message: { en: String(e?.message ?? e), zh: String(e?.message ?? e) } }];
    }
  }

  // --- state changes -------------------------------------------------------------------

  /** Hands `plan` to the engine; on success re-evaluates, otherwise keeps the last results. */
  apply(plan) {
    this.plan = plan;
    const report = this.engine.setPlan(JSON.stringify(plan));
    this.problems = report.problems;
    if (report.ok) this.evaluate();
  }

  evaluate() {
    try {
      this.results = this.ytd ? this.engine.evaluateYtd(this.period) : this.engine.evaluate(this.period);
      this.comparison = this.baselinePinned ? this.engine.compare(this.period, this.ytd) : null;
    } catch (e) {
      this.problems = e.problems ?? [{ path: '', severity: 'error', message: { en: String(e), zh: String(e) } }];
    }
  }

  /** Sets one field of the plan by its path and re-evaluates. */
  edit(path, value) {
    this.apply(setIn(this.plan, path, value));
  }

  /** Keeps the current (valid) plan as the baseline the results are compared with. */
  pinBaseline() {
    this.baselinePinned = this.engine.pinBaseline();
    this.evaluate();
  }

  clearBaseline() {
    this.engine.clearBaseline();
    this.baselinePinned = false;
    this.comparison = null;
  }

  loadPreset(id) {
    const preset = this.presets.find((p) => p.id === id);
    if (!preset) return;
    this.presetId = id;
    this.cardIndex = 0;
    this.apply(structuredClone(preset.plan));
  }

  setCard(i) {
    this.cardIndex = i;
  }

  selectRep(id) {
    this.selectedRep = id;
  }

  setLang(lang) {
    this.lang = lang;
    localStorage.setItem(LANG_KEY, lang);
  }

  setPeriod(period) {
    this.period = period;
    this.evaluate();
  }

  setYtd(on) {
    this.ytd = on;
    this.evaluate();
  }

  setSort(key) {
    this.sort = this.sort.key === key ? { key, dir: -this.sort.dir } : { key, dir: key === 'name' || key === 'region' || key === 'role' ? 1 : -1 };
  }

  setFilter(part) {
    this.filter = { ...this.filter, ...part };
  }

  /** The reps the table shows: filtered, then sorted (exact decimal comparison). */
  visibleReps() {
    const r = this.results;
    if (!r) return [];
    const f = this.filter;
    const text = f.text.trim().toLowerCase();
    let reps = r.reps.filter((x) =>
      (!text || `${x.name} ${x.name_zh} ${x.rep_id}`.toLowerCase().includes(text)) &&
      (!f.region || x.region === f.region) && (!f.role || x.role === f.role) && (!f.grade || x.grade === f.grade));
    const key = this.sort.key;
    if (key) {
      const value = SORT_KEYS[key];
      reps = [...reps].sort((a, b) => this.sort.dir * compareValues(value(a, this), value(b, this)));
    }
    return reps;
  }

  // --- helpers for the render modules ---------------------------------------------------

  /** A page label in the current language. */
  L(key) {
    return t(this.lang, key);
  }

  /** The localised `name` (or other field) of a plan object: `name_zh` in Chinese when present. */
  text(obj, field = 'name') {
    if (!obj) return '';
    return (this.lang === 'zh' ? obj[`${field}_zh`] : null) ?? obj[field] ?? '';
  }

  get valid() {
    return !this.problems.some((p) => p.severity === 'error');
  }

  /** Problems whose path is exactly `path`, as text in the current language. */
  errorsAt(path) {
    return this.problems.filter((p) => p.path === path).map((p) => p.message[this.lang] ?? p.message.en);
  }

  fieldError(path) {
    const errors = this.errorsAt(path);
    return errors.length ? html`<div class="field-error" role="alert" data-error-for=${path}>${errors.join(' ')}</div>` : nothing;
  }

  /** A text input bound to the plan field at `path`; an `optional` field is removed when emptied. */
  field(path, { label, type = 'text', width = '', optional = false } = {}) {
    const value = getIn(this.plan, path);
    const invalid = this.errorsAt(path).length > 0;
    return html`<input
      class=${`cell-input ${width}`}
      type="text"
      inputmode=${type === 'number' ? 'decimal' : 'text'}
      aria-label=${label}
      aria-invalid=${invalid ? 'true' : 'false'}
      data-path=${path}
      .value=${value == null ? '' : String(value)}
      @input=${(e) => this.edit(path, optional && e.target.value.trim() === '' ? undefined : e.target.value)}
    />`;
  }

  // --- rendering -----------------------------------------------------------------------

  render() {
    return html`
      <header class="bar">
        <div class="brand">
          <h1>${this.L('title')}</h1>
          <p>${this.L('tagline')}</p>
        </div>
        <div class="controls">
          <label>${this.L('period')}
            <select data-testid="period" @change=${(e) => this.setPeriod(e.target.value)}>
              ${this.periods.map((p) => html`<option value=${p} ?selected=${p === this.period}>${p}</option>`)}
            </select>
          </label>
          <label class="check"><input type="checkbox" data-testid="ytd" .checked=${this.ytd} @change=${(e) => this.setYtd(e.target.checked)} /> ${this.L('yearToDate')}</label>
          <div class="lang" role="group" aria-label=${this.L('language')}>
            ${LANGS.map((l) => html`<button type="button" data-lang=${l} aria-pressed=${this.lang === l ? 'true' : 'false'} @click=${() => this.setLang(l)}>${l === 'en' ? 'EN' : '中文'}</button>`)}
          </div>
        </div>
      </header>
      ${this.status === 'loading' ? html`<p class="status">${this.L('loading')}</p>` : nothing}
      ${this.status === 'failed' ? html`<p class="status error">${this.L('failed')}: ${this.problems[0]?.message.en}</p>` : nothing}
      ${this.plan ? html`<main class="layout">${renderEditor(this)}${this.renderResults()}</main>` : nothing}
    `;
  }

  /** The chart grid; the charts themselves are drawn after each render (see `updated`). */
  renderCharts() {
    return html`<section class="charts-block">
      <button type="button" class="linklike" data-testid="toggle-charts" aria-expanded=${this.showCharts ? 'true' : 'false'} @click=${() => (this.showCharts = !this.showCharts)}>
        ${this.showCharts ? '▾' : '▸'} ${this.L('charts')}</button>
      ${this.showCharts ? html`<div class="charts">
        <figure><figcaption>${this.L('payoutCurve')} <span class="hint" data-testid="curve-target">${this.curveCaption()}</span></figcaption><div class="chart-box"><canvas data-chart="payout" role="img" aria-label=${this.L('payoutCurve')}></canvas></div></figure>
        <figure><figcaption>${this.L('gradeDistribution')}</figcaption><div class="chart-box"><canvas data-chart="grades" role="img" aria-label=${this.L('gradeDistribution')}></canvas></div></figure>
        <figure><figcaption>${this.L('payPerRep')}</figcaption><div class="chart-box"><canvas data-chart="pay" role="img" aria-label=${this.L('payPerRep')}></canvas></div></figure>
        <figure><figcaption>${this.comparison ? this.L('changeVsBaseline') : this.L('costByRegion')}</figcaption><div class="chart-box"><canvas data-chart=${this.comparison ? 'delta' : 'regions'} role="img" aria-label=${this.comparison ? this.L('changeVsBaseline') : this.L('costByRegion')}></canvas></div></figure>
      </div>` : nothing}
    </section>`;
  }

  /** The target the payout curve is drawn for: the median target of the first line. */
  curveTarget() {
    const targets = (this.results?.reps ?? []).map((r) => r.commission[0]?.target).filter((t) => t != null).map(Number).sort((a, b) => a - b);
    if (!targets.length) return '1000000';
    return String(Math.round(targets[Math.floor(targets.length / 2)]));
  }

  curveCaption() {
    return this.plan?.commission?.length ? `${this.L('forTarget')} ${Number(this.curveTarget()).toLocaleString('en-US')}` : '';
  }

  updated() {
    if (!this.showCharts || !this.results) {
      if (!this.showCharts) this.charts.destroyAll();
      return;
    }
    const canvas = (n) => this.renderRoot.querySelector(`canvas[data-chart="${n}"]`);
    const L = (k) => this.L(k);
    if (this.plan?.commission?.length && this.valid) {
      try {
        this.curve = this.engine.payoutCurve(0, this.curveTarget(), 200, 5);
      } catch {
        this.curve = [];
      }
    }
    this.charts.draw('payout', canvas('payout'), payoutConfig(this.curve ?? [], L));
    this.charts.draw('grades', canvas('grades'), gradesConfig(this.results.totals, L));
    const nameOf = (r) => (this.lang === 'zh' ? r.name_zh || r.name : r.name);
    this.charts.draw('pay', canvas('pay'), payPerRepConfig(this.visibleReps().slice(0, 60), nameOf, L));
    if (this.comparison) this.charts.draw('delta', canvas('delta'), deltaConfig(this.comparison, nameOf, L));
    else this.charts.draw('regions', canvas('regions'), costByRegionConfig(this.results.reps, (g) => name(this.lang, g), L));
  }

  renderResults() {
    const r = this.results;
    const rep = r?.reps.find((x) => x.rep_id === this.selectedRep);
    return html`<section class="panel results" aria-label=${this.L('results')}>
      ${!this.valid ? html`<div class="banner" role="alert" data-testid="plan-errors">
        <strong>${this.L('planInvalid')}</strong>
        <ul>${this.problems.filter((p) => p.severity === 'error').map((p) => html`<li><code>${p.path || '—'}</code> ${p.message[this.lang] ?? p.message.en}</li>`)}</ul>
      </div>` : nothing}
      ${r ? renderSummary(this, r) : nothing}
      <div class="toolbar">
        ${this.baselinePinned
          ? html`<button type="button" class="secondary" data-testid="clear-baseline" @click=${() => this.clearBaseline()}>${this.L('clearBaseline')}</button>`
          : html`<button type="button" class="secondary" data-testid="pin-baseline" ?disabled=${!this.valid} @click=${() => this.pinBaseline()}>${this.L('pinBaseline')}</button>`}
        ${this.baselinePinned && !this.comparison?.reps.some((d) => d.pay_delta !== '0' && !/^0\.0+$/.test(d.pay_delta)) ? html`<span class="hint">${this.L('baselinePinned')}</span>` : nothing}
      </div>
      ${this.comparison ? renderComparison(this, this.comparison) : nothing}
      ${r ? this.renderCharts() : nothing}
      ${r ? renderTable(this, r, this.comparison) : nothing}
      ${rep ? renderExplanation(this, rep, r) : nothing}
      ${r?.problems?.length ? html`<div class="banner warn"><strong>${this.L('excluded')}</strong><ul>${r.problems.map((p) => html`<li>${p.message[this.lang] ?? p.message.en}</li>`)}</ul></div>` : nothing}
    </section>`;
  }
}

/** Decimal strings compare as numbers of any size; other values as text. */
function compareValues(a, b) {
  const isNum = (v) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);
  if (isNum(a) && isNum(b)) return decimalCompare(a, b);
  return String(a ?? '').localeCompare(String(b ?? ''), 'zh-Hans-CN');
}

/** Exact comparison of two decimal strings. */
function decimalCompare(a, b) {
  const scale = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
  const big = (v) => {
    const neg = v.startsWith('-');
    const [i, f = ''] = (neg ? v.slice(1) : v).split('.');
    const n = BigInt(i + f.padEnd(scale, '0'));
    return neg ? -n : n;
  };
  const d = big(a) - big(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

const SORT_KEYS = {
  name: (r, el) => (el.lang === 'zh' ? r.name_zh || r.name : r.name),
  region: (r, el) => name(el.lang, r.region),
  role: (r, el) => name(el.lang, r.role),
  attainment: (r) => r.attainment_pct,
  score: (r) => r.score,
  grade: (r) => r.rank.toString(),
  base: (r) => r.base_total,
  commission: (r) => sum(r.commission.map((l) => l.pay)),
  bonuses: (r) => sum(r.bonuses.map((b) => b.amount)),
  total: (r) => r.total_pay,
  delta: (r, el) => el.comparison?.reps.find((d) => d.rep_id === r.rep_id)?.pay_delta ?? '0',
};

customElements.define('sales-plan-playground', SalesPlanPlayground);
