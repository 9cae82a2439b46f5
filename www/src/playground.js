// <sales-plan-playground>: the whole playground as one custom element. It holds the plan
// being edited, hands it to the engine on every edit (the reps stay in wasm memory), and
// shows the results; an invalid edit shows the engine's error by its field and keeps the
// last good results on screen. The editor, the results and the explanation are render
// modules over this element's state.
import { LitElement, html, nothing } from 'lit';
import { loadEngine } from './engine.js';
import { t, initialLang, LANGS } from './i18n.js';
import { getIn, setIn } from './plan-path.js';
import { renderEditor } from './editor.js';
import { renderComparison, renderSummary, renderTable } from './results.js';
import { renderExplanation } from './explain.js';
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
      ${r ? renderTable(this, r, this.comparison) : nothing}
      ${rep ? renderExplanation(this, rep, r) : nothing}
      ${r?.problems?.length ? html`<div class="banner warn"><strong>${this.L('excluded')}</strong><ul>${r.problems.map((p) => html`<li>${p.message[this.lang] ?? p.message.en}</li>`)}</ul></div>` : nothing}
    </section>`;
  }
}

customElements.define('sales-plan-playground', SalesPlanPlayground);
