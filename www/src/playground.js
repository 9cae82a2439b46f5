// <sales-plan-playground>: the whole playground as one custom element. It holds the plan
// being edited, hands it to the engine on every edit (the reps stay in wasm memory), and
// shows the results; an invalid edit shows the engine's error by its field and keeps the
// last good results on screen. The editor, the results and the explanation are render
// modules over this element's state.
//
// Embedding API (README "Embed it"): attributes `lang`, `plan` (JSON), `plan-src`,
// `reps-src`, `period`, `persist`; properties `plan` (object), `repsCsv`; events
// `plan-change` and `results-change` (bubbling, composed); theming by the `--ip-*` CSS
// custom properties. Without `persist` the element reads and writes no storage, share
// link or other page-wide state, so several can live on one page.
import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { loadEngine } from './engine.js';
import { t, counted, initialLang, readingTime, LANGS } from './i18n.js';
import { canonical, getIn, setIn } from './plan-path.js';
import { groupedNumber, isZero, sum } from './format.js';
import { download, exportCsv, exportXlsx, csvFromFile, savePlan, readText } from './io.js';
import { History } from './history.js';
import { typedValue } from './typed.js';
import { withoutBlankNames } from './blank-names.js';
import { marksIn, openMarks } from './tier-basis.js';
import { renderMarkedBounds } from './marked-bounds.js';
import { encodeScenario, decodeScenario } from './share.js';
import { withColumnIds, withColumnNames } from './headers.js';
import { saveSession, loadSession, clearSession, MAX_STORED_CSV } from './storage.js';
import { renderEditor, weightsText } from './editor.js';
import { ROWS_AT_ONCE, announcement, renderComparison, renderSummary, renderTable } from './results.js';
import { renderExplanation } from './explain.js';
import { renderSignals } from './signals.js';
import { renderWhatIf } from './what-if.js';
import { renderLeftOut, renderNotComputed, renderProblemTable, messageOf, message, codeSpans, where, pathInWords } from './problems.js';
import { Charts, chartTheme, payoutConfig, gradesConfig, payPerRepConfig, costByRegionConfig, deltaConfig } from './charts.js';
import { fill, name } from './i18n.js';
import { styles } from './styles.js';

const LANG_KEY = 'incentive-playground.lang';
/** The element's width (px) at and below which it lays out in one column (styles.js's container queries). */
const NARROW_WIDTH = 1180;
/** How long the results stay unchanged before screen readers are told of them (ms). */
const ANNOUNCE_AFTER_MS = 700;

/** Codes of a value out of order with the one before it, reported at the later of the two. */
const ORDER_CODES = new Set(['grade_order', 'tier_order', 'band_order']);

/**
 * The path of the earlier half of an out-of-order pair (`…tiers[1].from` for a problem at
 * `…tiers[2].from`), so the message can stand under the field that was edited; else null.
 */
function orderPartner(p) {
  if (!ORDER_CODES.has(p.code)) return null;
  const m = p.path.match(/^(.*)\[(\d+)\](\.[^.[\]]+)$/);
  return m && Number(m[2]) > 0 ? `${m[1]}[${Number(m[2]) - 1}]${m[3]}` : null;
}

const isObject = (v) => v != null && typeof v === 'object' && !Array.isArray(v);

/**
 * Whether the editor can show `plan`: an object with at least one scorecard, each card with
 * its list of KPIs, and each list of the plan (cards, KPIs, lines, bonuses…) a list of objects.
 * A plan that is not is reported by the engine, about its file, and the plan in use stays
 * (a plan with other mistakes is shown, with them).
 */
function editorCanShow(plan) {
  if (!isObject(plan) || !Array.isArray(plan.scorecards) || !plan.scorecards.length) return false;
  const lists = Object.values(plan).filter(Array.isArray);
  if (!lists.every((list) => list.every(isObject))) return false;
  if (plan.grades != null && !(isObject(plan.grades) && (plan.grades.bands == null || (Array.isArray(plan.grades.bands) && plan.grades.bands.every(isObject))))) return false;
  return plan.scorecards.every((card) => Array.isArray(card.kpis) && card.kpis.every(isObject));
}

/**
 * The playground as a custom element. See the README's "Embed it" section for the
 * attributes, properties, events and CSS custom properties.
 *
 * @fires plan-change - `{ plan, valid, problems }` whenever the plan in the element changes
 *   (an edit, a preset, undo, the host's `plan`/`plan-src`); `valid` is whether the engine accepts it.
 * @fires results-change - `{ results, period, yearToDate, comparison }` whenever the results
 *   are recomputed; `results` is the engine's `Evaluation` (amounts as exact decimal strings)
 *   without explanations (each figure's trace and the tier slices are empty) and without KPI
 *   and point results (`kpis`, `points` empty) but those of the rep whose statement is open.
 * @fires load-problems - `{ kind, file, fatal, problems, warnings }` when a plan, reps or returns file
 *   (the host's `plan`, `repsCsv`, `plan-src`, `reps-src`, or one the user opens) cannot be read
 *   (`fatal`: nothing of it is used) or has rows left out (`problems`).
 * @fires lang-change - `{ lang }` when the user switches the language with the element's own
 *   switch (not when the host sets `lang`), so that a host page can follow.
 */
export class SalesPlanPlayground extends LitElement {
  static properties = {
    lang: { type: String, reflect: true },
    period: { type: String },
    // The plan: JSON text as an attribute, an object (or JSON text) as a property. Its
    // accessor is below: reading gives the plan being edited, setting loads the host's plan.
    plan: { noAccessor: true },
    planSrc: { attribute: 'plan-src' },
    repsSrc: { attribute: 'reps-src' },
    repsCsv: { attribute: false, noAccessor: true },
    // Present: keep the session in local storage and read share links (`persist="name"`
    // keeps a separate session). Absent: no page-wide state is read or written.
    persist: { type: String },
    problems: { state: true },
    shownResults: { state: true },
    signals: { state: true },
    signalsTab: { state: true },
    presetId: { state: true },
    cardIndex: { state: true },
    selectedRep: { state: true },
    // One column (a phone, a portal's column): an open statement covers the whole element.
    narrow: { state: true },
    // What the polite status region says of the latest results (see `announce`).
    spoken: { state: true },
    explained: { state: true },
    ytd: { state: true },
    comparison: { state: true },
    baselinePinned: { state: true },
    showCharts: { state: true },
    sort: { state: true },
    filter: { state: true },
    dataSource: { state: true },
    returns: { state: true },
    loadReport: { state: true },
    evalProblems: { state: true },
    rowLimit: { state: true },
    leftOutOpen: { state: true },
    whatIfOpen: { state: true },
    notice: { state: true },
    shareLink: { state: true },
    /** Whether the last share link holds the user's reps and returns: 'in', 'out' (left out, with the offer), or '' (none loaded). */
    shareData: { state: true },
    expandedKpi: { state: true },
    jsonOpen: { state: true },
    jsonDraft: { state: true },
    jsonProblems: { state: true },
    status: { state: true },
  };

  static styles = styles;

  constructor() {
    super();
    // `lang` is chosen when the element is connected, once the host's attributes are known.
    this.period = '';
    this._plan = null;
    this._repsCsv = undefined;
    this.hostPlan = null; // { text, name }: the plan the host gave (attribute, property or plan-src)
    this.hostReps = null; // { csv, file, encoding }: the reps the host gave (repsCsv or reps-src)
    this.loaded = { planSrc: null, repsSrc: null }; // the URLs already fetched
    this.problems = [];
    this.shownResults = null;
    this.signals = null;
    this.signalsTab = null;
    this.presets = [];
    this.presetId = '';
    this.cardIndex = 0;
    this.selectedRep = null;
    this.explained = null; // the open rep's result with every figure's trace
    this.ytd = false;
    this.comparison = null;
    this.baselinePinned = false;
    this.baselinePlan = null; // the plan pinned as the baseline, kept with the session
    this.baselineAt = null; // when it was pinned (ISO time), kept with it
    // The engine's plan is a baseline pinned again (a session, a link, new reps) and no plan of
    // the editor has been accepted since: it has no figures of the editor's plan to show.
    this.engineHoldsBaseline = false;
    this.showCharts = true;
    this.sort = { key: null, dir: 1 };
    this.filter = { text: '', region: '', role: '', grade: '' };
    this.rowLimit = ROWS_AT_ONCE;
    this.charts = new Charts();
    this.dataSource = null;
    this.returns = null; // { csv, file }: the returns file the user loaded over these reps
    this.loadReport = null;
    this.evalProblems = []; // why the last evaluation could not be done at all
    this.leftOutOpen = false;
    this.whatIfOpen = false;
    /** The sliders' state: the plan before their first move, the plan their last move made, the drag under way. */
    this.levers = null;
    this.notice = '';
    this.shareLink = '';
    this.shareData = '';
    this.expandedKpi = null;
    this.jsonOpen = false;
    this.jsonDraft = null;
    this.jsonProblems = [];
    /** The plan the JSON draft was started on: another plan in use makes the draft stale. */
    this.jsonDraftOf = null;
    this.repList = [];
    this.columns = [];
    this.history = new History();
    /** The plan path edited last: an out-of-order pair's message stands under it. */
    this.lastEdited = null;
    /** The plan name (`name` or `name_zh`) that follows the one typed in the other language, if any (editor.js, `rename`). */
    this.nameFollower = null;
    /**
     * The field being typed in: its path, its text, the plan its typing made (`field`) and, for a
     * name emptied and so not saved, the name it keeps (`kept`).
     */
    this.typing = null;
    /**
     * The field with the focus: its path, and the plan and `nameFollower` when it was focused,
     * to go back to when a name typed in it is emptied (`focusField`, `emptied`).
     */
    this.focused = null;
    /** The path of the field a pointer was just pressed on, which it focuses (`focusField`). */
    this.pointedAt = null;
    /** By commission line id, its tier bounds to enter again since its basis was switched (tier-basis.js, `markOf`). */
    this.reenter = {};
    this.addEventListener('keydown', (e) => this.onKey(e));
    this.status = 'loading';
    this.engine = null;
    this.periods = [];
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.persisting) {
      // A debounced save may not have run yet when the page goes away.
      this.onPageHide ??= () => this.currentPlan && saveSession(this.session(), this.persist);
      window.addEventListener('pagehide', this.onPageHide);
      // The page is the playground: its shortcuts work with nothing focused too (a click on
      // the page's background). Embedded, the host's page keeps its own.
      this.onPageKey ??= (e) => e.target === document.body && this.onKey(e);
      document.addEventListener('keydown', this.onPageKey);
    }
    // Moving the element in the page connects it again: it starts only once.
    this.started ??= this.start();
    // A narrower element (a phone turned, a portal's column) may cut the table: say so.
    this.resizes ??= new ResizeObserver(() => {
      this.markScrollingTable();
      this.narrow = this.clientWidth <= NARROW_WIDTH;
    });
    this.resizes.observe(this);
    this.watchTheme();
  }

  /**
   * The charts are painted in the theme's colours as resolved when drawn: a theme switched at
   * run time (a class, a style or a data-theme on the page, its body or this element, or the
   * system's dark mode) draws them again.
   */
  watchTheme() {
    // Once a frame at most, and only when the colours the charts are drawn in changed (a host
    // toggling a class on scroll costs a style read, not a render).
    this.redrawCharts ??= () => {
      if (this.themeFrame || !this.showCharts) return;
      this.themeFrame = requestAnimationFrame(() => {
        this.themeFrame = 0;
        const box = this.renderRoot?.querySelector('.charts');
        const theme = box && JSON.stringify(chartTheme(box));
        if (theme && theme !== this.drawnTheme) this.requestUpdate();
      });
    };
    this.themeWatch ??= new MutationObserver(this.redrawCharts);
    for (const node of [document.documentElement, document.body, this]) {
      if (node) this.themeWatch.observe(node, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    }
    this.darkMode ??= window.matchMedia?.('(prefers-color-scheme: dark)');
    this.darkMode?.addEventListener('change', this.redrawCharts);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizes.disconnect();
    this.themeWatch.disconnect();
    this.darkMode?.removeEventListener('change', this.redrawCharts);
    if (this.onPageHide) window.removeEventListener('pagehide', this.onPageHide);
    if (this.onPageKey) document.removeEventListener('keydown', this.onPageKey);
    this.charts.destroyAll();
    clearTimeout(this.announceTimer);
  }

  /** Whether this element keeps its session in local storage and reads share links (`persist`). */
  get persisting() {
    return this.persist != null;
  }

  /**
   * A copy of the plan being edited (an object): changing it changes nothing in the element.
   * Setting it (object or JSON text) loads the host's plan.
   */
  get plan() {
    return this._plan && structuredClone(this._plan);
  }

  /** A copy of the results shown (null before the first evaluation). */
  get results() {
    return this.shownResults && structuredClone(this.shownResults);
  }

  /** The plan being edited, as the element's own code reads it (never changed in place). */
  get currentPlan() {
    return this._plan;
  }

  set plan(value) {
    if (value == null || value === '') return;
    this.hostPlan = { text: typeof value === 'string' ? value : JSON.stringify(value), name: 'plan' };
    if (this.status === 'ready') this.openPlanText(this.hostPlan.text, this.hostPlan.name);
  }

  /**
   * The reps CSV text the host gave; setting it evaluates the plan on those reps, and setting
   * null or undefined goes back to the file of `reps-src`, or without one to the sample reps.
   */
  get repsCsv() {
    return this._repsCsv;
  }

  set repsCsv(csv) {
    this._repsCsv = csv;
    if (csv == null) {
      const hadReps = this.hostReps;
      this.hostReps = null;
      if (hadReps && this.status === 'ready') {
        if (this.repsSrc) this.fetchReps(this.repsSrc);
        else this.useSampleReps();
      }
      return;
    }
    this.hostReps = { csv: String(csv), file: 'reps.csv', encoding: 'utf-8' };
    if (this.status === 'ready') this.useReps(this.hostReps, { quiet: true });
  }

  /** Evaluates the plan on the built-in sample reps (and their returns) again. */
  useSampleReps() {
    this.history.clear();
    this.useEngine(this.api.Engine.withSampleReps(), { sample: true });
    if (this.currentPlan) this.apply(this.currentPlan);
  }

  /** Loads the engine, then the host's reps and plan (or the stored session, or the first preset). */
  async start() {
    // The language: the host's `lang`; else the one remembered (persist only); else the
    // page's own language around the element; else the browser's.
    if (this.lang) this.lang = initialLang(null, this.lang);
    else {
      const stored = this.persisting ? readStored(LANG_KEY) : null;
      const around = this.persisting ? null : this.parentElement?.closest('[lang]')?.lang;
      this.lang = initialLang(stored, around || navigator.language);
    }
    try {
      const api = await loadEngine();
      this.api = api;
      this.useEngine(api.Engine.withSampleReps(), { sample: true });
      this.presets = api.presets().map((p) => {
        const plan = JSON.parse(p.json);
        // `canonical`: to tell an edited plan from the preset.
        return { id: p.id, json: p.json, plan, canonical: canonical(plan) };
      });
      this.status = 'ready';
      if (this.hostReps) this.useReps(this.hostReps, { quiet: true });
      else if (this.repsSrc) await this.fetchReps(this.repsSrc);
      await this.restore();
    } catch (e) {
      this.status = 'failed';
      this.problems = [{ path: '', severity: 'error', message: { en: String(e?.message ?? e), zh: String(e?.message ?? e) } }];
    }
  }

  /** Attributes the host changes after start: new reps or plan URLs are fetched, a new period evaluated. */
  willUpdate(changed) {
    if (changed.has('lang') && this.lang && !LANGS.includes(this.lang)) this.lang = initialLang(null, this.lang); // "zh-CN" → "zh"
    // A page that is the playground (`persist`) speaks the element's language, for screen
    // readers and the browser's choice of CJK fonts; an embedded element leaves its host's alone.
    if (changed.has('lang') && this.persisting && LANGS.includes(this.lang)) document.documentElement.lang = this.lang === 'zh' ? 'zh-CN' : 'en';
    // A file or the host's input the element could not (fully) read: the host hears it too.
    const report = this.loadReport;
    if (changed.has('loadReport') && report && (report.fatal?.length || report.problems?.length || report.toCheck?.length)) {
      this.emit('load-problems', { kind: report.kind, file: report.file, fatal: report.fatal ?? [], problems: report.problems ?? [], warnings: report.toCheck ?? [] });
    }
    if (this.status !== 'ready') return;
    if (changed.has('repsSrc') && this.repsSrc && this.repsSrc !== this.loaded.repsSrc) this.fetchReps(this.repsSrc);
    if (changed.has('planSrc') && this.planSrc && this.planSrc !== this.loaded.planSrc) this.fetchPlan(this.planSrc);
    if (changed.has('period') && this.period !== this.evaluatedPeriod) {
      if (!this.periods.includes(this.period)) {
        const asked = this.period;
        this.period = this.periods.includes(changed.get('period')) ? changed.get('period') : this.periods.at(-1) ?? '';
        this.emit('period-refused', { period: asked, kept: this.period, periods: [...this.periods] });
      }
      if (this.shownResults) this.evaluate(); // the engine keeps the last valid plan, as when the user picks a period
    }
  }

  /** Fetches the plan JSON at `url` (the `plan-src` attribute) and loads it as the host's plan. */
  async fetchPlan(url) {
    this.loaded.planSrc = url;
    const name = fileName(url, 'plan.json');
    try {
      const response = await fetch(new URL(url, document.baseURI));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
      this.hostPlan = { text: await response.text(), name };
    } catch (e) {
      this.loadReport = notRead('plan', name, e, true);
      if (!this.currentPlan) this.loadPreset(this.presets[0].id);
      return;
    }
    this.openPlanText(this.hostPlan.text, name);
  }

  /** Fetches the reps file at `url` (the `reps-src` attribute: CSV, or Excel by its .xlsx name). */
  async fetchReps(url) {
    this.loaded.repsSrc = url;
    const name = fileName(url, 'reps.csv');
    let blob;
    try {
      const response = await fetch(new URL(url, document.baseURI));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
      blob = await response.blob();
    } catch (e) {
      this.loadReport = notRead('reps', name, e, true);
      return;
    }
    const read = await this.readTable(new File([blob], name), 'reps');
    if (!read) return;
    this.hostReps = { csv: read.csv, file: name, encoding: read.encoding };
    this.useReps(this.hostReps, { quiet: true });
  }

  /** Sends `name` with `detail` to the host: bubbles out of the shadow root to the page. */
  emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  // --- state changes -------------------------------------------------------------------

  /**
   * Switches to an engine over other data: periods, data source, no stale results. Returns
   * loaded before belong to the reps they were loaded over, so they go too (the sample reps
   * come with the sample returns).
   */
  useEngine(engine, source) {
    this.engine?.free?.();
    this.engine = engine;
    const summary = engine.dataSummary();
    this.periods = summary.periods;
    this.columns = summary.columns;
    this.repList = engine.reps();
    if (!this.periods.includes(this.period)) this.period = this.periods.at(-1) ?? '';
    this.dataSource = { ...source, reps: summary.reps, periods: summary.periods.length, returns: summary.adjustments };
    this.returns = null;
    this.shownResults = null;
    this.explained = null; // the open rep is explained again once the new reps are evaluated
    this.rowLimit = ROWS_AT_ONCE;
    this.evalProblems = [];
    this.comparison = null;
    this.baselinePinned = false;
    this.baselinePlan = null;
  }

  /**
   * The CSV text of a CSV or Excel file the user picked for `kind` ('reps' or 'returns'),
   * as `{ csv, file, encoding }`; null (with the reason in the load report) when it cannot be read.
   */
  async readTable(file, kind) {
    try {
      return { ...(await csvFromFile(file)), file: file.name };
    } catch (e) {
      this.loadReport = notRead(kind, file.name, e, false);
      return null;
    }
  }

  /** Reads reps from a CSV or Excel file; rows left out are listed, good rows kept. */
  async loadRepsFile(file) {
    const read = file && (await this.readTable(file, 'reps'));
    if (read) this.useReps(read);
  }

  /** Reads returns from a CSV or Excel file; rows left out are listed, good rows kept. */
  async loadReturnsFile(file) {
    const read = file && (await this.readTable(file, 'returns'));
    if (read) this.useReturns(read);
  }

  /**
   * Evaluates on the reps in `csv` from now on (the plan stays). The report lists rows left
   * out; `quiet` (the host's reps) shows it only when something was left out.
   */
  useReps({ csv: given, file, encoding }, { quiet = false } = {}) {
    // A header of the columns' names ("工号,姓名,大区…", as the page shows them) is read as their ids.
    const { csv, renamed } = withColumnIds(given);
    let engine;
    try {
      engine = this.api.Engine.fromCsv(csv);
    } catch (e) {
      this.loadReport = { kind: 'reps', file, encoding, fatal: thrownProblems(e), problems: [] };
      return;
    }
    // Rows left out (errors), and figures to check in rows kept (warnings: below 0, or not a number and read as blank).
    const reported = engine.loadProblems();
    const problems = reported.filter((p) => p.severity === 'error');
    const toCheck = reported.filter((p) => p.severity !== 'error');
    // The plan's undo history, a returns file loaded and the pinned baseline carry over to
    // the new reps (each as far as it still applies), and the report says which did.
    const { returns, baselinePlan } = this;
    this.useEngine(engine, { file, encoding, csv });
    const pairs = renamed.map(([n, id]) => `${n} → ${id}`);
    const kept = renamed.length ? [fill(this.counted(renamed.length, 'headerRead'), { names: pairs.slice(0, 4).join(this.L('listSep')) + (pairs.length > 4 ? ' …' : '') })] : [];
    if (returns) {
      try {
        const left = engine.loadAdjustments(returns.csv);
        this.returns = returns;
        this.dataSource = { ...this.dataSource, returns: engine.dataSummary().adjustments };
        kept.push(fill(this.L('keptReturns'), { file: returns.file, n: this.dataSource.returns }) + (left.length ? this.L('keptReturnsLeft').replace('{n}', left.length) : ''));
      } catch {
        kept.push(fill(this.L('droppedReturns'), { file: returns.file }));
      }
    }
    if (baselinePlan) {
      this.repinBaseline(baselinePlan);
      kept.push(this.L(this.baselinePinned ? 'keptBaseline' : 'droppedBaseline'));
    }
    this.loadReport = quiet && !problems.length && !toCheck.length && !kept.length ? null : { kind: 'reps', file, encoding, problems, toCheck, fatal: null, count: this.dataSource.reps, kept };
    if (this.currentPlan) this.apply(this.currentPlan);
  }

  /**
   * Uses the returns in `csv` from now on, in place of those in use (the sample reps' own,
   * or a file loaded before), and evaluates again; a file that cannot be read at all changes
   * nothing. The report lists the rows left out; `quiet` (a restored session) shows it only
   * when some were.
   */
  useReturns({ csv, file, encoding }, { quiet = false } = {}) {
    const before = this.engine.dataSummary().adjustments;
    let problems;
    try {
      problems = this.engine.loadAdjustments(csv);
    } catch (e) {
      this.loadReport = { kind: 'returns', file, encoding, fatal: thrownProblems(e), problems: [] };
      return;
    }
    this.returns = { csv, file };
    const count = this.engine.dataSummary().adjustments;
    this.dataSource = { ...this.dataSource, returns: count };
    // A file of no returns (a header alone, not rows all left out) takes the place of those applied before: said.
    const kept = count === 0 && before && !problems.length ? [this.L('returnsCleared').replace('{n}', before)] : undefined;
    this.loadReport = quiet && !problems.length ? null : { kind: 'returns', file, encoding, problems, fatal: null, count, kept };
    // The plan is unchanged (the engine keeps the last valid one): only the figures are computed again.
    if (this.currentPlan) this.evaluate();
    this.saveLater();
  }

  /**
   * The sample reps as a file to fill in: in Chinese its header is the columns' Chinese names
   * (as an HR export writes them), in English their ids, which formulas use; read back either way.
   */
  downloadTemplate() {
    const csv = this.api.sampleCsv();
    download('reps-template.csv', '\ufeff' + (this.lang === 'zh' ? withColumnNames(csv, 'zh') : csv), 'text/csv;charset=utf-8');
  }

  /** A returns file to fill in: the sample returns, with every column the engine reads. */
  downloadReturnsTemplate() {
    download('returns-template.csv', '\ufeff' + this.api.sampleAdjustmentsCsv(), 'text/csv;charset=utf-8');
  }

  /** Opens a plan file: a plan the editor can show is loaded (its errors shown by their fields). */
  async openPlanFile(file) {
    if (!file) return;
    const { text } = await readText(file);
    // A plan opened with errors is said so, not in the green of a clean open.
    if (this.openPlanText(text, file.name)) this.flash(`${this.L('opened')} ${file.name}${this.valid ? '' : this.L('openedWithErrors')}`, !this.valid);
  }

  /**
   * Loads the plan in JSON `text` (from a file, or from the host) if the editor can show it,
   * its errors then shown by their fields; otherwise says why about `name` and keeps the
   * plan in use. Returns whether it was loaded. Undoable.
   */
  openPlanText(text, name) {
    let plan;
    try {
      plan = JSON.parse(text.replace(/^\uFEFF/, '')); // a BOM, as Notepad and Excel write
    } catch {
      plan = null;
    }
    if (editorCanShow(plan)) {
      if (this.currentPlan) this.history.record(this.undoState(), null);
      this.presetId = '';
      this.cardIndex = 0;
      this.reenter = {};
      this.apply(plan);
      return true;
    }
    // Not a plan the editor can show: the engine says why, about the file; the plan in use stays.
    const report = this.engine.setPlan(text);
    if (this.currentPlan) this.engine.setPlan(JSON.stringify(this.currentPlan));
    this.loadReport = { kind: 'plan', file: name, encoding: '', fatal: report.problems.filter((p) => p.severity === 'error'), problems: [] };
    if (!this.currentPlan) this.loadPreset(this.presets[0].id);
    return false;
  }

  /**
   * Starts from a share link if there is one, else from the last session (both only with
   * `persist`), else from the host's plan (`plan`, `plan-src`), else from the first preset.
   */
  async restore() {
    let scenario = null;
    let badLink = false;
    if (this.persisting) {
      try {
        scenario = await decodeScenario(location.hash);
      } catch {
        badLink = true;
      }
    }
    // A link or session whose plan the editor cannot show (made by hand, or stored broken by
    // an older page) is not opened.
    if (scenario && !editorCanShow(scenario.plan)) {
      scenario = null;
      badLink = true;
    }
    const session = !scenario && this.persisting ? loadSession(this.persist) : null;
    const from = scenario ?? (session && editorCanShow(session.plan) ? session : null);
    if (!from) {
      if (this.hostPlan) this.openPlanText(this.hostPlan.text, this.hostPlan.name);
      else if (this.planSrc) await this.fetchPlan(this.planSrc);
      else this.loadPreset(this.presets[0].id);
      if (badLink) this.flash(this.L('badLink'), true);
      return;
    }
    // The stored reps as when they were loaded: the rows they left out and the figures to
    // check are reported again (quietly: nothing when there were none); reps that no longer
    // read are reported, and the sample reps kept.
    if (from.csv) this.useReps({ csv: from.csv, file: from.csvName ?? 'reps.csv', encoding: '' }, { quiet: true });
    if (typeof from.returnsCsv === 'string') {
      // A session kept before empty returns files were refused may hold one: it meant no returns.
      const csv = from.returnsCsv.trim() ? from.returnsCsv : `${this.api.sampleAdjustmentsCsv().split('\n')[0]}\n`;
      this.useReturns({ csv, file: from.returnsName ?? 'returns.csv', encoding: '' }, { quiet: true });
    }
    // The language a share link was made in; a stored session keeps the one remembered on its own.
    if (scenario?.lang && scenario.lang !== this.lang) this.setLang(scenario.lang);
    if (from.period && this.periods.includes(from.period)) this.period = from.period;
    this.ytd = !!from.ytd;
    this.presetId = from.presetId ?? '';
    this.reenter = marksIn(from.reenter);
    // Blank names an earlier page saved (which the engine now refuses, where they are) are
    // mended, and said so. The plan and the baseline are set in the engine again just below.
    const planName = this.presets.find((p) => p.id === this.presetId)?.plan.name;
    const [plan, baseline] = [from.plan, from.baseline].map((p) => (p ? withoutBlankNames(p, this.engine.setPlan(JSON.stringify(p)).problems, planName) : null));
    if (baseline) this.repinBaseline(baseline.plan, from.baselineAt);
    this.apply(plan.plan);
    // A plan with errors on these reps (a link made without the reps its plan reads) says so,
    // and so does a baseline not pinned again.
    const opened = scenario ? this.L('linkOpened') : this.L('sessionRestored');
    const words = [
      badLink ? this.L('badLink') : opened,
      !badLink && !this.valid ? this.L('planHasErrors') : '',
      plan.mended || baseline?.mended ? this.L('blankNamesMended') : '',
      baseline && !this.baselinePinned ? this.L('baselineRefused') : '',
    ];
    this.flash(words.filter(Boolean).join(this.lang === 'zh' ? '' : ' '), badLink || !this.valid || (baseline != null && !this.baselinePinned));
  }

  /**
   * The scenario: plan (and its tier bounds still marked since a switch of basis), view,
   * language, the user's reps and returns (each when it is not too large to keep). A share
   * link and a stored session hold it with the baseline ({@link session}).
   */
  scenario() {
    const csv = this.dataSource?.csv;
    const returns = this.returns;
    const marks = openMarks(this.currentPlan, this.reenter);
    return {
      plan: this.currentPlan,
      ...(Object.keys(marks).length ? { reenter: marks } : {}),
      presetId: this.presetId,
      period: this.period,
      ytd: this.ytd,
      lang: this.lang,
      ...(csv && csv.length <= MAX_STORED_CSV ? { csv, csvName: this.dataSource.file } : {}),
      ...(returns && returns.csv.length <= MAX_STORED_CSV ? { returnsCsv: returns.csv, returnsName: returns.file } : {}),
    };
  }

  /** What a stored session and a share link keep: the scenario and the pinned baseline plan (and when it was pinned), if any. */
  session() {
    return { ...this.scenario(), ...(this.baselinePinned && this.baselinePlan ? { baseline: this.baselinePlan, baselineAt: this.baselineAt } : {}) };
  }

  /**
   * Pins `plan` (a stored session's baseline) as the baseline again: the engine takes it as
   * its plan, pins it, and the session's own plan is applied after. A baseline the engine no
   * longer accepts (other reps) is dropped: `baselinePinned` says which, for the caller to say.
   */
  repinBaseline(plan, at = this.baselineAt) {
    this.baselinePinned = this.engine.setPlan(JSON.stringify(plan)).ok && this.engine.pinBaseline();
    this.baselinePlan = this.baselinePinned ? plan : null;
    this.baselineAt = this.baselinePinned && typeof at === 'string' ? at : null;
    this.engineHoldsBaseline = true;
  }

  /** Saves the session shortly after a change (only with `persist`). */
  saveLater() {
    if (!this.persisting) return;
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => saveSession(this.session(), this.persist), 150);
  }

  /**
   * Makes (and copies) a link holding the scenario and the baseline, so that whoever opens it
   * sees the same comparison. The reps and returns the user loaded (pay data) go into it only
   * when asked (`withData`): by default it holds the plan, and says so with an offer.
   */
  async share(withData = false) {
    const session = this.session();
    const data = session.csv != null || session.returnsCsv != null;
    if (!withData) for (const key of ['csv', 'csvName', 'returnsCsv', 'returnsName']) delete session[key];
    this.shareData = data ? (withData ? 'in' : 'out') : '';
    const url = `${location.href.split('#')[0]}${await encodeScenario(session)}`;
    this.shareLink = url;
    try {
      await navigator.clipboard.writeText(url);
      this.flash(this.L('linkCopied'));
    } catch {
      this.flash(this.L('linkReady'));
    }
  }

  /**
   * Back to the start: the host's plan and reps if it gave them, else the first preset and
   * the sample reps; the stored session is forgotten.
   */
  reset() {
    if (this.persisting) clearSession(this.persist);
    this.history.clear();
    this.clearBaseline();
    this.filter = { text: '', region: '', role: '', grade: '' };
    this.sort = { key: null, dir: 1 };
    this.ytd = false;
    this.selectedRep = null;
    this.period = this.periods.at(-1) ?? '';
    this.loadReport = null;
    // Returns the user loaded go with the user's data: the host's reps (or the sample reps) come back alone.
    if (this.hostReps) {
      if (this.returns || this.dataSource?.csv !== this.hostReps.csv) {
        this.returns = null; // not carried over to the host's reps, as a reps file would carry them
        this.useReps(this.hostReps, { quiet: true });
      }
    } else if (this.returns || !this.dataSource?.sample) {
      this.useEngine(this.api.Engine.withSampleReps(), { sample: true });
    }
    if (this.hostPlan) this.openPlanText(this.hostPlan.text, this.hostPlan.name);
    else this.loadPreset(this.presets[0].id);
  }

  /** What undo goes back to: the plan, and the preset it was chosen from (the preset list names it). */
  undoState() {
    return { plan: this.currentPlan, presetId: this.presetId, reenter: this.reenter };
  }

  /** Goes back to a state `undoState` gave. */
  restoreState(state) {
    if (!state) return;
    this.presetId = state.presetId;
    this.reenter = state.reenter ?? {};
    this.apply(state.plan);
  }

  undo() {
    this.restoreState(this.history.undo(this.undoState()));
  }

  redo() {
    this.restoreState(this.history.redo(this.undoState()));
  }

  /** Ctrl+Z undoes a plan edit, Ctrl+Shift+Z or Ctrl+Y redoes it, wherever the focus is. */
  onKey(e) {
    if (e.key === 'Escape' && this.selectedRep) {
      this.closeExplanation();
      return;
    }
    if (!(e.ctrlKey || e.metaKey)) return;
    const target = e.composedPath()[0];
    // A field of the plan, a slider or a checkbox leaves Ctrl+Z to the plan's undo; a text of its own (search, JSON) keeps it.
    const freeText = target?.tagName === 'TEXTAREA' || (target?.tagName === 'INPUT' && !target.dataset?.path && target.type !== 'range');
    if (freeText) return;
    const key = e.key.toLowerCase();
    if (key === 'z' || key === 'y') {
      e.preventDefault();
      if (key === 'y' || e.shiftKey) this.redo();
      else this.undo();
    }
  }

  /** Applies the JSON editor's text: a plan the engine accepts replaces the one in use. */
  applyJson() {
    let plan;
    try {
      plan = JSON.parse(this.jsonDraft);
    } catch {
      plan = null;
    }
    const report = this.engine.setPlan(this.jsonDraft);
    if (report.ok && plan) {
      this.jsonProblems = [];
      this.jsonDraft = null;
      this.history.record(this.undoState(), null);
      this.apply(plan);
    } else {
      this.jsonProblems = report.problems.filter((p) => p.severity === 'error');
      this.engine.setPlan(JSON.stringify(this.currentPlan)); // the plan in use stays
    }
  }

  /** Shows a short confirmation, for as long as it takes to read (`readingTime`). */
  flash(text, warn = false) {
    this.notice = text;
    this.noticeWarns = warn;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = ''), readingTime(this.lang, text));
  }

  /** Hands `plan` to the engine; on success re-evaluates, otherwise keeps the last results. */
  apply(plan) {
    const old = this._plan;
    this._plan = plan;
    this.requestUpdate('plan', old);
    if (!this.engine) return;
    const report = this.engine.setPlan(JSON.stringify(plan));
    this.problems = report.problems;
    this.emit('plan-change', { plan: structuredClone(plan), valid: report.ok, problems: report.problems });
    if (report.ok) {
      this.engineHoldsBaseline = false;
      this.evaluate();
    }
    this.saveLater();
  }

  /** Evaluates the plan in use on the period (or year to date); tells the host the results. */
  evaluate() {
    if (this.engineHoldsBaseline) return;
    try {
      // A period's signals come from the same evaluation as its results (one evaluation).
      // Without every rep's explanation (half the time), KPI and point results and portrait
      // (less than half the JSON again) but the open rep's, in that same evaluation.
      // Everything is worked out before anything is shown, so that a failure keeps the last
      // results, their explanation and the period and year-to-date setting.
      const { period, ytd } = this;
      const open = this.selectedRep ?? undefined;
      const both = ytd ? null : this.engine.evaluateWithSignals(period, false, open, false);
      const results = both ? both.evaluation : this.engine.evaluateYtd(period, false, open, false);
      const comparison = this.baselinePinned ? this.engine.compare(period, ytd) : null;
      const explained = results.reps.find((r) => r.rep_id === open) ?? null;
      this.shownResults = results;
      this.signals = both ? both.signals : null;
      this.comparison = comparison;
      this.evaluatedPeriod = period;
      this.evaluatedYtd = ytd;
      this.explained = explained;
      this.evalProblems = [];
      this.emit('results-change', { results: this.shownResults, period: this.period, yearToDate: this.ytd, comparison: this.comparison });
    } catch (e) {
      // The plan is fine; the figures cannot be computed (a total too large to add up exactly).
      // No valid plan yet is no news: the plan's own problems are shown over the results.
      this.evalProblems = thrownProblems(e).filter((p) => p.code !== 'no_plan');
    }
  }

  /**
   * Sets one field of the plan by its path and re-evaluates; undoable, each call a step of its
   * own (a click) unless it has an `undoKey`: edits with the same key within a second of each
   * other are one step (keystrokes in a field), or whenever `untimed` (a slider's gesture).
   */
  edit(path, value, undoKey = null, untimed = false) {
    this.editFields([[path, value]], undoKey, untimed);
  }

  /** Sets several fields of the plan (`[path, value]` pairs) as one edit, as `edit` does one. */
  editFields(changes, undoKey = null, untimed = false) {
    this.history.record(this.undoState(), undoKey, Date.now(), untimed);
    this.lastEdited = changes[0][0];
    this.apply(changes.reduce((plan, [path, value]) => setIn(plan, path, value), this.currentPlan));
  }

  /** Replaces the whole plan (one undoable step) and re-evaluates. */
  replacePlan(plan) {
    this.history.record(this.undoState(), null);
    this.apply(plan);
  }

  /** Keeps the current (valid) plan as the baseline the results are compared with. */
  pinBaseline() {
    this.baselinePinned = this.engine.pinBaseline();
    this.baselinePlan = this.baselinePinned ? structuredClone(this.currentPlan) : null;
    this.baselineAt = this.baselinePinned ? new Date().toISOString() : null;
    this.evaluate();
    this.saveLater();
  }

  clearBaseline() {
    this.engine.clearBaseline();
    this.baselinePinned = false;
    this.baselinePlan = null;
    this.baselineAt = null;
    this.comparison = null;
    this.saveLater();
  }

  loadPreset(id) {
    const preset = this.presets.find((p) => p.id === id);
    if (!preset) return;
    if (this.currentPlan) this.history.record(this.undoState(), null);
    this.presetId = id;
    this.cardIndex = 0;
    this.reenter = {};
    this.apply(structuredClone(preset.plan));
  }

  setCard(i) {
    this.cardIndex = i;
  }

  /** Opens the explanation of rep `id` and moves the focus into it. */
  async selectRep(id) {
    if (id == null) {
      this.closeExplanation();
      return;
    }
    this.openedFrom = id;
    try {
      if (!this.shownResults) this.explained = null;
      else if (this.evaluatedYtd) this.explained = this.engine.explainRep(this.evaluatedPeriod, true, id);
      else {
        // The rep's explanation and its portrait (the signals carry the open rep's only),
        // from one evaluation: the figures and the other signals are those shown.
        const both = this.engine.evaluateWithSignals(this.evaluatedPeriod, false, id, false);
        this.explained = both.evaluation.reps.find((r) => r.rep_id === id) ?? null;
        this.signals = both.signals;
      }
    } catch (e) {
      // Not in these results (left out): nothing to explain. Anything else is shown.
      this.explained = null;
      if (e?.problems?.[0]?.code !== 'unknown_rep') this.evalProblems = thrownProblems(e);
    }
    this.selectedRep = id;
    await this.updateComplete;
    this.renderRoot.querySelector('[data-testid="explanation"] h2')?.focus();
  }

  /** A rep's name in the page's language, by id. */
  repName(id) {
    const r = this.shownResults?.reps.find((x) => x.rep_id === id) ?? this.repList.find((x) => x.id === id);
    return r ? (this.lang === 'zh' ? r.name_zh || r.name : r.name) : id;
  }

  /** Closes the explanation and gives the focus back to the row it was opened from. */
  async closeExplanation() {
    const from = this.openedFrom;
    this.selectedRep = null;
    await this.updateComplete;
    if (from) this.renderRoot.querySelector(`tr[data-rep="${CSS.escape(from)}"]`)?.focus();
  }

  /** The user's choice of language with the element's own switch: used, and the host told. */
  chooseLang(lang) {
    this.setLang(lang);
    this.emit('lang-change', { lang });
  }

  setLang(lang) {
    this.lang = lang;
    if (this.persisting) {
      try {
        localStorage.setItem(LANG_KEY, lang);
      } catch {
        // Storage disabled: the choice is not remembered.
      }
    }
    this.saveLater();
  }

  setPeriod(period) {
    this.period = period;
    this.evaluate();
    this.saveLater();
  }

  setYtd(on) {
    this.ytd = on;
    this.evaluate();
    this.saveLater();
  }

  setSort(key) {
    // First click: names A to Z, grades best first (rank 1 up), figures largest first.
    const first = ['name', 'region', 'role', 'grade'].includes(key) ? 1 : -1;
    this.sort = this.sort.key === key ? { key, dir: -this.sort.dir } : { key, dir: first };
  }

  setFilter(part) {
    this.filter = { ...this.filter, ...part };
    this.rowLimit = ROWS_AT_ONCE;
  }

  /** Renders more rows of the table: the next batch, or all of them. */
  showMoreRows(all) {
    this.rowLimit = all ? Infinity : this.rowLimit + ROWS_AT_ONCE;
  }

  /** The reps the table shows: filtered, then sorted (exact decimal comparison). */
  visibleReps() {
    const r = this.shownResults;
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

  /** A page label for a count `n` in the current language ("1 rep left out of this period"). */
  counted(n, key) {
    return counted(this.lang, n, key);
  }

  /** The localised `name` (or other field) of a plan object: `name_zh` in Chinese when present. */
  text(obj, field = 'name') {
    if (!obj) return '';
    return (this.lang === 'zh' ? obj[`${field}_zh`] : null) ?? obj[field] ?? '';
  }

  /**
   * Whether the results can be exported: there are some, and they are the plan's in the editor
   * (an export takes its columns from that plan, so a plan with errors, whose results shown are
   * the last valid plan's, is not exported).
   */
  get exportable() {
    return Boolean(this.shownResults) && this.valid;
  }

  /** Why the export buttons are off, when they are. */
  get exportTitle() {
    return this.shownResults && !this.valid ? this.L('exportNeedsValidPlan') : nothing;
  }

  get valid() {
    return !this.problems.some((p) => p.severity === 'error');
  }

  /**
   * Problems whose path is exactly `path` (but those with code `except`), as text in the
   * current language; a field left empty says so in the form's words.
   */
  errorsAt(path, except) {
    const problems = this.problems.filter((p) => p.code !== except && this.shownAt(p) === path);
    return [...new Set(problems.map((p) => this.problemText(p)))];
  }

  /** The path whose field problem `p` is shown under: an out-of-order pair's edited half, else its own. */
  shownAt(p) {
    const partner = orderPartner(p);
    return partner && partner === this.lastEdited ? partner : p.path;
  }

  /**
   * Whether the field at `path` is marked wrong: it has an error, or it is the other half of
   * a pair out of order (a tier starting below the one before it marks both starts).
   */
  invalidAt(path) {
    return this.problems.some((p) => p.path === path || orderPartner(p) === path);
  }

  /**
   * Problem `p` in the form's words where the form has them (a field left empty; a card's
   * weights by the KPI names shown and the checkbox beside them), else the engine's message,
   * in the current language. The banner over the results and the message under the field
   * say the same.
   */
  problemText(p) {
    let value;
    try {
      value = getIn(this.currentPlan, p.path);
    } catch {
      value = undefined;
    }
    if (typeof value === 'string' && value.trim() === '') return this.L('fieldEmpty');
    if (p.code === 'weights_sum' && Array.isArray(value)) return weightsText(this, value, p);
    return message(this, p.message, p.value);
  }

  /**
   * Moves to the field of plan path `path` from the banner's list (a card's weights: the
   * first weight): the KPI's details are opened (and its card chosen) when the field is inside
   * them, and the plan's JSON when the form has no field for it.
   */
  async goToField(path) {
    const find = () => {
      const escaped = CSS.escape(path);
      return this.renderRoot.querySelector(`[data-path="${escaped}"]`);
    };
    let field = find();
    const kpi = path.match(/^scorecards\[(\d+)\]\.kpis\[\d+\]/);
    if (!field && kpi) {
      this.cardIndex = Number(kpi[1]);
      this.expandedKpi = kpi[0];
      await this.updateComplete;
      field = find();
    }
    if (!field) {
      this.jsonOpen = true;
      await this.updateComplete;
      field = this.renderRoot.querySelector('[data-testid="plan-json"]');
    }
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }

  /** The path of the name of the item at `base` ('' for the plan) in the page's language: `name` or `name_zh`. */
  namePath(base) {
    const field = this.lang === 'zh' ? 'name_zh' : 'name';
    return base ? `${base}.${field}` : field;
  }

  /**
   * The field of the name of the item at `base` in the page's language (`field`'s `options`
   * besides): the English `name` is needed, and not saved emptied; the Chinese `name_zh`, and
   * every name of an item whose names are only labels (`labels`: absent, its id shows), is
   * removed when emptied.
   */
  nameField(base, { labels = false, ...options }) {
    const optional = labels || this.lang === 'zh';
    return this.field(this.namePath(base), { ...options, optional, required: !optional });
  }

  /**
   * The errors at `path` (but those with code `except`) under its field; while the name field
   * at `path` is emptied, `keptName`'s word in their place (a blank name's error says no more).
   */
  fieldError(path, except, named = '') {
    const kept = this.keptName(path);
    if (kept !== nothing) return kept;
    const errors = this.errorsAt(path, except);
    return errors.length ? html`<div class="field-error" role="alert" data-error-for=${path}>${named ? `${named}${this.L('colon')}` : ''}${codeSpans(errors.join(' '))}</div>` : nothing;
  }

  /** The name the `required` field at `path` keeps while it is emptied (`field`), or undefined when it is not emptied. */
  keptAt(path) {
    return this.typing?.path === path && this.typing.plan === this.currentPlan ? this.typing.kept : undefined;
  }

  /**
   * While the name field at `path` is emptied (and so not saved, `field`'s `required`): that
   * the plan keeps its name (a polite status, which the field's `aria-describedby` names).
   */
  keptName(path) {
    const kept = this.keptAt(path);
    if (kept == null) return nothing;
    // A plan read with a blank name (which the engine refuses) has no name to keep.
    const words = kept.trim() ? fill(this.L('nameKept'), { name: kept }) : this.L('nameNeeded');
    return html`<div class="field-warn" role="status" id=${keptId(path)} data-testid="name-kept" data-kept-for=${path}>${words}</div>`;
  }

  /**
   * Typing in the field at `path` begins, its input `input` just focused: the plan as it is
   * now is remembered (a `required` name emptied goes back to it, `emptied`), and the field
   * shows the saved value plain (1000000, not 1,000,000), to be edited in place.
   */
  focusField(path, input) {
    const byPointer = this.pointedAt === path;
    this.pointedAt = null;
    this.focused = { path, plan: this.currentPlan, nameFollower: this.nameFollower };
    const plain = plainShown(getIn(this.currentPlan, path));
    if (this.typing?.path === path || input.value === plain) return;
    // At once, not at the next render. Focused by a click, the click then puts the caret in
    // the plain text; else (Tab, a script) the whole of it is selected, as a browser selects
    // a field tabbed into (the selection of the grouped text went with it).
    input.value = plain;
    if (!byPointer) input.select();
  }

  /**
   * The `required` name field at `path` emptied: not saved. The plan goes back to what it was
   * when the field was focused (the name, and any other the typing carried with it, as
   * `rename` does: one more step of the field's typing); returns the name it keeps.
   */
  emptied(path) {
    const start = this.focused?.path === path ? this.focused : null;
    if (start && start.plan !== this.currentPlan) {
      this.history.record(this.undoState(), path);
      this.nameFollower = start.nameFollower;
      this.apply(start.plan);
    }
    return String(getIn(this.currentPlan, path) ?? '');
  }

  /**
   * A text input bound to the plan field at `path` (`type`: text, a decimal `number`, or an
   * `integer` count; a field of `width` "formula" is a formula, `typedValue`); an `optional`
   * field is removed when emptied (and says "none" while empty); a `required` text (a name)
   * emptied is not saved: the plan goes back to the name it had when the field was focused
   * (`emptied`), `fieldError` says so while the field is empty, and the field shows it again
   * once left. What is typed goes to `set` (by default an edit of the field, keystrokes within
   * a second one undo step). Left, a number that is not in percent, and a formula that is one
   * number, show grouped as the page shows amounts (1,000,000); focused, they show plain
   * (1000000), to be edited in place. `describedBy`: the id of a word about the field.
   */
  field(path, { label, type = 'text', width = '', optional = false, required = false, placeholder, percent = /(_pct|\.weight)$/.test(path), describedBy, set = (value) => this.edit(path, value, path) } = {}) {
    const value = getIn(this.currentPlan, path);
    const invalid = this.invalidAt(path);
    const kind = width === 'formula' ? 'formula' : type;
    const focused = this.focused?.path === path;
    const grouped = !focused && value != null && ((kind === 'number' && !percent) || kind === 'formula');
    const shown = grouped ? groupedNumber(value) : plainShown(value);
    const described = [describedBy, this.keptAt(path) != null ? keptId(path) : null].filter(Boolean).join(' ');
    return html`<input
      class=${`cell-input ${width}`}
      type="text"
      inputmode=${type === 'number' ? 'decimal' : type === 'integer' ? 'numeric' : 'text'}
      aria-label=${label}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      list=${width === 'formula' ? 'columns' : nothing}
      title=${width === 'formula' && value != null ? String(value) : nothing}
      placeholder=${placeholder ?? (optional && type === 'number' ? this.L('none') : nothing)}
      data-path=${path}
      .value=${live(this.typing?.path === path && this.typing.plan === this.currentPlan ? this.typing.text : shown) /* against the text shown: focused, it was made plain (`focusField`) */}
      @pointerdown=${() => (this.pointedAt = path)}
      @focus=${(e) => this.focusField(path, e.target)}
      @input=${(e) => {
        // What was typed stays in the field while it has the focus (1,200 on the way to
        // 1,200,000 is not rewritten as 1200 under the cursor, nor 40 as the default range it
        // makes) until the plan changes otherwise (an undo); it shows as saved once left.
        const empty = required && e.target.value.trim() === '';
        this.typing = { path, text: e.target.value };
        if (empty) this.typing.kept = this.emptied(path);
        else set(typedValue(e.target.value, kind, optional, percent));
        this.typing.plan = this.currentPlan;
        this.requestUpdate();
      }}
      @blur=${() => {
        if (this.focused?.path === path) this.focused = this.pointedAt = null;
        if (this.typing?.path === path) this.typing = null;
        this.requestUpdate();
      }}
    />`;
  }

  // --- rendering -----------------------------------------------------------------------

  /**
   * The EN / 中文 switch: the header's (buttons `data-lang`), or an open statement's, which
   * covers the header's (buttons `data-statement-lang`).
   */
  renderLangSwitch(inStatement = false) {
    return html`<div class="lang" role="group" aria-label=${this.L('language')}>
      ${LANGS.map((l) => html`<button type="button" data-lang=${inStatement ? nothing : l} data-statement-lang=${inStatement ? l : nothing} aria-pressed=${this.lang === l ? 'true' : 'false'} @click=${() => this.chooseLang(l)}>${l === 'en' ? 'EN' : '中文'}</button>`)}
    </div>`;
  }

  render() {
    // An open statement covers the bar and the file actions (and on one column everything):
    // out of the focus order and of reach of screen readers until it closes.
    const covered = this.statementOpen();
    const coveredAll = covered && this.narrow;
    return html`<div class="root" lang=${this.lang === 'zh' ? 'zh-CN' : 'en'}>
      <header class="bar" ?inert=${covered}>
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
          ${this.renderLangSwitch()}
        </div>
      </header>
      ${this.status === 'ready' ? this.renderActions() : nothing}
      ${this.loadReport ? this.renderLoadReport() : nothing}
      ${this.status === 'loading' ? html`<p class="status">${this.L('loading')}</p>` : nothing}
      ${this.status === 'failed' ? html`<p class="status error">${this.L('failed')}${this.L('colon')}${message(this, this.problems[0]?.message)}</p>` : nothing}
      ${this.currentPlan ? html`<button type="button" class="linklike jump no-print" data-testid="jump-plan" ?inert=${coveredAll} @click=${() => this.jumpTo('.panel.editor')}>${this.L('jumpToPlan')}</button>` : nothing}
      ${this.currentPlan ? html`<div class=${covered ? 'layout with-statement' : 'layout'}>${renderEditor(this)}${this.renderResults()}${this.renderStatement()}</div>` : nothing}
    </div>`;
  }

  /** The bar of file actions, with where the reps come from. */
  renderActions() {
    const d = this.dataSource;
    const source = d?.sample ? this.L('sampleReps') : d?.file;
    const pick = (id) => this.renderRoot.querySelector(`input[data-file="${id}"]`)?.click();
    return html`<nav class="actions" aria-label=${this.L('actions')} ?inert=${this.statementOpen()}>
      <span class="source" data-testid="data-source">${source} · ${d?.reps ?? 0} ${this.counted(d?.reps ?? 0, 'reps')} · ${d?.periods ?? 0} ${this.counted(d?.periods ?? 0, 'periods')}</span>
      <span class="split" role="group"><button type="button" data-testid="load-reps" title=${this.L('loadRepsTitle')} @click=${() => pick('reps')}>${this.L('loadReps')}</button><button type="button" data-testid="template" aria-label=${this.L('repsTemplate')} title=${this.L('templateTitle')} @click=${() => this.downloadTemplate()}>⤓ ${this.L('template')}</button></span>
      <input type="file" hidden data-file="reps" accept=".csv,.xlsx,text/csv" @change=${(e) => { this.loadRepsFile(e.target.files[0]); e.target.value = ''; }} />
      <span class="sep" aria-hidden="true"></span>
      <span class="split" role="group"><button type="button" data-testid="load-returns" title=${this.L('loadReturnsTitle').replace('{count}', this.counted(d?.returns ?? 0, 'returnsCount'))} @click=${() => pick('returns')}>${this.L('loadReturns')}</button><button type="button" data-testid="returns-template" aria-label=${this.L('returnsTemplate')} title=${this.L('returnsTemplateTitle')} @click=${() => this.downloadReturnsTemplate()}>⤓ ${this.L('template')}</button></span>
      <input type="file" hidden data-file="returns" accept=".csv,.xlsx,text/csv" @change=${(e) => { this.loadReturnsFile(e.target.files[0]); e.target.value = ''; }} />
      <span class="sep" aria-hidden="true"></span>
      <button type="button" data-testid="open-plan" @click=${() => pick('plan')}>${this.L('openPlan')}</button>
      <input type="file" hidden data-file="plan" accept=".json,application/json" @change=${(e) => { this.openPlanFile(e.target.files[0]); e.target.value = ''; }} />
      <button type="button" data-testid="save-plan" @click=${() => savePlan(this.currentPlan, this.text(this.currentPlan))}>${this.L('savePlan')}</button>
      <span class="sep" aria-hidden="true"></span>
      <span class="group" role="group" aria-label=${this.L('exportLabel')}><span class="group-label" aria-hidden="true">${this.L('exportLabel')}</span>
      <button type="button" data-testid="export-csv" ?disabled=${!this.exportable} title=${this.exportTitle} @click=${() => exportCsv(this, this.shownResults)}>${this.L('exportCsv')}</button>
      <button type="button" data-testid="export-xlsx" ?disabled=${!this.exportable} title=${this.exportTitle} @click=${() => exportXlsx(this, this.shownResults)}>${this.L('exportXlsx')}</button></span>
      ${this.persisting ? html`<button type="button" data-testid="share" title=${this.L('shareTitle')} ?disabled=${!this.currentPlan} @click=${() => this.share()}>${this.L('share')}</button>` : nothing}
      <span class="sep" aria-hidden="true"></span>
      <button type="button" data-testid="undo" ?disabled=${!this.history.canUndo} title="Ctrl+Z" @click=${() => this.undo()}>↶ ${this.L('undo')}</button>
      <button type="button" data-testid="redo" ?disabled=${!this.history.canRedo} title="Ctrl+Shift+Z" @click=${() => this.redo()}>↷ ${this.L('redo')}</button>
      <button type="button" data-testid="reset" @click=${() => this.reset()}>${this.L('reset')}</button>
      ${this.shareLink ? html`<input class="share-link" data-testid="share-link" readonly .value=${this.shareLink} @focus=${(e) => e.target.select()} aria-label=${this.L('share')} />` : nothing}
      ${this.shareLink && this.shareData === 'out' ? html`<span class="hint share-note" data-testid="share-note">${this.L('shareNoData')} <button type="button" class="linklike" data-testid="share-with-data" @click=${() => this.share(true)}>${this.L('shareWithData')}</button></span>` : nothing}
      ${this.shareLink && this.shareData === 'in' ? html`<span class="hint warn share-note" data-testid="share-note" role="alert">${this.L('shareHasData')}</span>` : nothing}
      ${this.notice ? html`<span class=${this.noticeWarns ? 'notice warn' : 'notice'} data-testid="notice" role="status">${this.notice}</span>` : nothing}
    </nav>`;
  }

  /**
   * What loading a file did (`loadReport.kind`: reps, returns or a plan): how many reps or
   * returns, and each row left out with its reason; or why nothing could be read.
   */
  renderLoadReport() {
    const r = this.loadReport;
    const loaded = r.kind === 'returns' ? this.counted(r.count, 'returnsCount') : `${r.count} ${this.counted(r.count, 'reps')}`;
    const toCheck = r.toCheck ?? [];
    return html`<section class=${`load-report ${r.fatal || r.problems.length || toCheck.length ? 'warn' : 'ok'}`} data-testid="load-report" data-kind=${r.kind} role="status">
      <button type="button" class="icon close" aria-label=${this.L('close')} @click=${() => (this.loadReport = null)}>×</button>
      <strong>${r.file}</strong>
      ${r.encoding === 'gb18030' ? html` <span class="hint">${this.L('readAsGbk')}</span>` : nothing}
      ${r.fatal
        ? html`<p>${this.L(r.kind === 'plan' ? 'planFileNotRead' : 'fileNotRead')}</p><ul>${r.fatal.map((p) => html`<li data-problem=${p.path}>${p.path ? html`${where(this, p.path)} ` : nothing}<span class="msg">${messageOf(this, p)}</span></li>`)}</ul>`
        : html`<p data-testid="load-summary">${fill(this.L('loaded'), { what: loaded })}${r.problems.length ? html`${this.L('semicolon')}<strong>${r.problems.length}</strong> ${this.counted(r.problems.length, 'rowsLeftOut')}` : nothing}</p>
          ${r.kept?.length ? html`<p class="hint" data-testid="load-kept">${r.kept.join(this.lang === 'zh' ? '' : ' ')}</p>` : nothing}
          ${r.problems.length ? renderProblemTable(this, r.problems) : nothing}
          ${toCheck.length ? html`<p data-testid="load-to-check"><strong>${toCheck.length}</strong> ${this.counted(toCheck.length, 'figuresToCheck')}</p>${renderProblemTable(this, toCheck)}` : nothing}`}
    </section>`;
  }

  /** The chart grid; the charts themselves are drawn after each render (see `updated`). */
  renderCharts() {
    return html`<section class="charts-block">
      <button type="button" class="linklike" data-testid="toggle-charts" aria-expanded=${this.showCharts ? 'true' : 'false'} @click=${() => (this.showCharts = !this.showCharts)}>
        ${this.showCharts ? '▾' : '▸'} ${this.L('charts')}</button>
      ${this.showCharts ? html`<div class="charts">
        <figure><figcaption>${this.L('payoutCurve')} <span class="hint" data-testid="curve-target">${this.curveCaption()}</span></figcaption><div class="chart-box"><canvas data-chart="payout" role="img" aria-label=${this.L('payoutCurve')}></canvas></div></figure>
        <figure><figcaption>${this.gradesCaption()}</figcaption><div class="chart-box"><canvas data-chart="grades" role="img" aria-label=${this.gradesCaption()}></canvas></div></figure>
        <figure><figcaption>${this.L('payPerRep')}</figcaption><div class="chart-box"><canvas data-chart="pay" role="img" aria-label=${this.L('payPerRep')}></canvas></div></figure>
        <figure><figcaption>${this.comparison ? this.L('changeVsBaseline') : this.L('costByRegion')}</figcaption><div class="chart-box"><canvas data-chart=${this.comparison ? 'delta' : 'regions'} role="img" aria-label=${this.comparison ? this.L('changeVsBaseline') : this.L('costByRegion')}></canvas></div></figure>
      </div>` : nothing}
    </section>`;
  }

  /**
   * The target the payout curve is drawn for: the median target of the first line. Worked
   * out once per evaluation (it sorts every rep's target: 4–10 ms at 10,000 reps, and each
   * render asks twice).
   */
  curveTarget() {
    const reps = this.shownResults?.reps ?? [];
    if (this.curveTargetOf !== reps) {
      const targets = reps.map((r) => r.commission[0]?.target).filter((t) => t != null).map(Number).sort((a, b) => a - b);
      this.curveTargetValue = targets.length ? String(Math.round(targets[Math.floor(targets.length / 2)])) : '1000000';
      this.curveTargetOf = reps;
    }
    return this.curveTargetValue;
  }

  curveCaption() {
    return this.currentPlan?.commission?.length ? `${this.L('forTarget')} ${Number(this.curveTarget()).toLocaleString('en-US')}` : '';
  }

  /** "Grades against the guide" when the plan has a forced-distribution guide, else "Grades". */
  gradesCaption() {
    return this.shownResults?.totals.distribution.length ? this.L('gradeDistribution') : this.L('gradesTitle');
  }

  /** Marks the results table's frame `data-scrolls` while the table is wider than it (the styles show a hint). */
  markScrollingTable() {
    const wrap = this.renderRoot?.querySelector('.table-wrap');
    wrap?.toggleAttribute('data-scrolls', wrap.scrollWidth > wrap.clientWidth + 1);
  }

  updated(changed) {
    this.markScrollingTable();
    if (changed.has('shownResults') || changed.has('comparison') || changed.has('lang')) this.announce();
    if (!this.showCharts || !this.shownResults) {
      if (!this.showCharts) this.charts.destroyAll();
      return;
    }
    const canvas = (n) => this.renderRoot.querySelector(`canvas[data-chart="${n}"]`);
    const L = (k) => this.L(k);
    if (this.currentPlan?.commission?.length && this.valid) {
      try {
        this.curve = this.engine.payoutCurve(0, this.curveTarget(), 200, 5);
      } catch {
        this.curve = [];
      }
    }
    const t = chartTheme(this.renderRoot.querySelector('.charts') ?? this);
    this.drawnTheme = JSON.stringify(t);
    this.charts.draw('payout', canvas('payout'), payoutConfig(this.curve ?? [], L, t), t);
    this.charts.draw('grades', canvas('grades'), gradesConfig(this.shownResults.totals, L, t), t);
    const nameOf = (r) => (this.lang === 'zh' ? r.name_zh || r.name : r.name);
    this.charts.draw('pay', canvas('pay'), payPerRepConfig(this.visibleReps().slice(0, 60), nameOf, L, t), t);
    if (this.comparison) this.charts.draw('delta', canvas('delta'), deltaConfig(this.comparison, nameOf, L), t);
    else this.charts.draw('regions', canvas('regions'), costByRegionConfig(this.shownResults.reps, (g) => name(this.lang, g), L, t), t);
  }

  /** Whether a rep's statement is shown (printing then prints it alone). */
  statementOpen() {
    return !!(this.shownResults && this.explained && this.explained.rep_id === this.selectedRep);
  }

  /**
   * A plan's name as the page titles it: its name in the page's language, marked "edited"
   * when it is a preset's name on a plan that is no longer that preset (a pinned baseline, a
   * plan saved and opened again), so that it is not taken for the preset itself.
   */
  planTitle(plan) {
    const title = this.text(plan);
    const preset = this.presets.find((p) => this.text(p.plan) === title);
    return preset && preset.canonical !== canonical(plan) ? `${title} · ${this.L('edited')}` : title;
  }

  /**
   * Scrolls the panel `selector` (the plan editor or the results) to the top of the view: on a
   * phone, one column, the editor comes after the results, the table and the charts.
   */
  jumpTo(selector) {
    this.renderRoot.querySelector(selector)?.scrollIntoView({ block: 'start' });
  }

  /**
   * `rep`'s result under the pinned baseline, for its statement's "before" figures: worked out
   * once per comparison (each evaluation makes a new one); null without a baseline, or when
   * the baseline leaves the rep out.
   */
  baselineRep(rep) {
    if (!this.comparison) return null;
    const kept = this.baselineExplained;
    if (kept?.comparison === this.comparison && kept.id === rep.rep_id) return kept.rep;
    let before = null;
    try {
      before = this.engine.explainBaselineRep(this.evaluatedPeriod, this.evaluatedYtd, rep.rep_id);
    } catch (e) {
      // Left out under the baseline: the statement shows no "before". Anything else is shown.
      if (e?.problems?.[0]?.code !== 'unknown_rep') this.evalProblems = thrownProblems(e);
    }
    this.baselineExplained = { comparison: this.comparison, id: rep.rep_id, rep: before };
    return before;
  }

  /** Tells screen readers the new results once the edits pause (a slider's drag is one message, not fifty). */
  announce() {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.spoken = this.shownResults ? announcement(this, this.shownResults, this.comparison) : '';
    }, ANNOUNCE_AFTER_MS);
  }

  /** The open rep's statement, as a drawer over the dimmed results (a click there closes it). */
  renderStatement() {
    const rep = this.statementOpen() ? this.explained : null;
    return rep ? html`<div class="backdrop no-print" data-testid="backdrop" @click=${() => this.closeExplanation()}></div>${renderExplanation(this, rep, this.shownResults, this.baselineRep(rep))}` : nothing;
  }

  renderResults() {
    const r = this.shownResults;
    // Under an open statement the results are covered: out of the focus order and of reach
    // of screen readers (inert) until it closes.
    return html`<section class="panel results" aria-label=${this.L('results')} ?inert=${this.statementOpen()}>
      <h2 class="visually-hidden">${this.L('results')}</h2>
      <p class="visually-hidden" role="status" data-testid="announce">${this.spoken}</p>
      ${!this.valid ? html`<div class="banner" role="alert" data-testid="plan-errors">
        <strong>${this.L(this.problems.every((p) => p.severity !== 'error' || p.path === 'period') ? (r ? 'planNotForDataKept' : 'planNotForData') : r ? 'planInvalid' : 'planInvalidNoResults')}</strong>
        <ul>${this.problems.filter((p) => p.severity === 'error').map((p) => html`<li data-problem=${p.path}><button type="button" class="linklike go-to" title=${this.L('goToField')} aria-label=${`${this.L('goToField')}${this.lang === 'zh' ? '：' : ': '}${pathInWords(this, this.shownAt(p))}`} @click=${() => this.goToField(p.code === 'weights_sum' ? `${p.path}[0].weight` : this.shownAt(p))}><code>${this.shownAt(p) || '—'}</code></button> <span class="msg">${codeSpans(this.problemText(p))}</span></li>`)}</ul>
      </div>` : nothing}
      ${renderNotComputed(this, this.evalProblems)}
      ${renderMarkedBounds(this)}
      ${r ? renderSummary(this, r) : nothing}
      ${r ? renderLeftOut(this, r) : nothing}
      ${r ? renderSignals(this, this.signals) : nothing}
      ${renderWhatIf(this)}
      <div class="toolbar">
        ${this.baselinePinned
          ? html`<button type="button" class="secondary" data-testid="clear-baseline" @click=${() => this.clearBaseline()}>${this.L('clearBaseline')}</button>`
          : this.whatIfOpen && this.valid
            ? nothing // the open What-if panel carries the pin button, just above
            : html`<button type="button" class="secondary" data-testid="pin-baseline" ?disabled=${!this.valid} title=${this.valid ? this.L('pinBaselineTitle') : this.L('pinNeedsValid')} @click=${() => this.pinBaseline()}>${this.L('pinBaseline')}</button>`}
        ${this.baselinePinned && this.valid && !this.comparison?.reps.some((d) => !isZero(d.pay_delta) || !isZero(d.score_delta)) ? html`<span class="hint" data-testid="baseline-hint">${this.L('baselinePinned')}</span>` : nothing}
      </div>
      ${this.comparison ? renderComparison(this, this.comparison) : nothing}
      ${r ? renderTable(this, r, this.comparison) : nothing}
      ${r ? this.renderCharts() : nothing}
    </section>`;
  }
}

/** A plan value as a focused field shows it: as saved, plain (1000000), or empty when there is none. */
function plainShown(value) {
  return value == null ? '' : String(value);
}

/** The id of the word under the name field at `path` that its name is kept (`keptName`). */
function keptId(path) {
  return `kept-${path}`;
}

/** The stored value at `key`, or null when storage is empty or disabled. */
function readStored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The file name at the end of `url` ("plans/q4.json" → "q4.json"), or `fallback`. */
function fileName(url, fallback) {
  try {
    return decodeURIComponent(new URL(url, document.baseURI).pathname.split('/').pop()) || fallback;
  } catch {
    return fallback;
  }
}

/**
 * The load report of a `kind` file that could not be fetched (`fetched`: from the host's
 * `plan-src` / `reps-src`) or read (an Excel workbook the reader refused, or a file the browser
 * could not hand over), in both languages around the browser's or the reader's own words:
 * "Could not fetch team.csv: the server has no such file (404 Not Found)".
 */
function notRead(kind, file, error, fetched) {
  const [en, zh] = notReadWords(file, String(error?.message ?? error), fetched);
  return { kind, file, encoding: '', fatal: [{ path: '', message: { en, zh } }], problems: [] };
}

/** {@link notRead}'s message, [English, Chinese], around `text` (the browser's or the reader's words). */
function notReadWords(file, text, fetched) {
  if (!fetched && /\.xlsx$/i.test(file)) return [`it is not an Excel workbook that can be read (${text})`, `不是可以读取的 Excel 工作簿（${text}）`];
  if (!fetched) return [`the browser could not read it (${text})`, `浏览器无法读取该文件（${text}）`];
  const status = /^(\d{3})\b/.exec(text)?.[1];
  if (status === '404') return [`Could not fetch ${file}: the server has no such file (${text})`, `无法获取 ${file}：服务器上没有这个文件（${text}）`];
  if (status) return [`Could not fetch ${file}: the server answered ${text}`, `无法获取 ${file}：服务器返回 ${text}`];
  return [`Could not fetch ${file}: the network or the address failed (${text})`, `无法获取 ${file}：网络或地址出错（${text}）`];
}

/** The problems an engine call threw (a JS `Error` carrying `problems`), or its text as one. */
function thrownProblems(e) {
  return e?.problems ?? [{ path: '', severity: 'error', code: 'error', value: null, message: { en: String(e), zh: String(e) } }];
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
  grade: (r) => r.rank.toString(), // grades follow the ranks: 1 is the best
  base: (r) => r.base_total,
  commission: (r) => sum(r.commission.map((l) => l.pay)),
  bonuses: (r) => sum(r.bonuses.map((b) => b.amount)),
  returns: (r) => sum(r.adjustments.map((a) => a.amount)),
  total: (r) => r.total_pay,
  delta: (r, el) => el.comparison?.reps.find((d) => d.rep_id === r.rep_id)?.pay_delta ?? '0',
};

customElements.define('sales-plan-playground', SalesPlanPlayground);
