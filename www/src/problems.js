// What the engine left out, listed as it says it: the rows of a file it could not use (the
// load report of reps and returns) and the reps an evaluation left out with the returns it
// did not apply (the notice over the results). Every problem shows where it is (the
// engine's path), the value and the message in the page's language.
import { html, nothing } from 'lit';
import { TERMS, localized, paren, t, term } from './i18n.js';
import { parsePath } from './plan-path.js';
import { columnName } from './columns.js';

/** The message of problem `p` in the element's language, its ids named (`namedIds`) and quoted as code (`codeSpans`). */
export const messageOf = (el, p) => codeSpans(message(el, p.message, p.value));

/** An engine message (`{ en, zh }`) in the element's language, its ids named (`namedIds`); `value`, the problem's value, is never named. */
export const message = (el, m, value) => namedIds(el, localized(el.lang, m), value);

/**
 * The ids of the plan and of the data's columns that an engine message quotes in backticks,
 * named as the page names them, the id kept beside the name so that it can still be found in
 * the file or the plan: "`revenue_collected` is `abc`" → "Collected revenue (`revenue_collected`)
 * is `abc`". A plan's own names come first (a KPI, metric, line, bonus, card… with a name),
 * then the columns. A value from the data is quoted as the file has it, never renamed: the
 * problem's `value`, and a region or role (`East`, not 华东).
 */
export function namedIds(el, text, value) {
  const named = namesOf(el.currentPlan);
  const zh = el.lang === 'zh';
  return text.replace(/( ?)`([A-Za-z_][\w]*)`( ?)/g, (all, before, id, after) => {
    if (value != null && id === String(value)) return all;
    const label = (named.has(id) ? el.text(named.get(id)) : '') || columnName(el.lang, id);
    if (!label || label === id) return all;
    // Chinese needs no spaces around a name that ends in full-width brackets.
    return `${zh ? '' : before}${label}${paren(el.lang, `\`${id}\``)}${zh ? '' : after}`;
  });
}

/** An engine message as {@link message} gives it, without the backticks of what it quotes: for a tooltip, which shows text only. */
export const messageText = (el, m, value) => String(message(el, m, value)).replace(/`([^`\n]+)`/g, '$1');

/** `text` with what it quotes in backticks set as code, without the backticks ("`abc`" → <code>abc</code>). */
export function codeSpans(text) {
  const parts = String(text).split(/`([^`\n]+)`/);
  return parts.length === 1 ? text : html`${parts.map((part, i) => (i % 2 ? html`<code>${part}</code>` : part))}`;
}

const NAMED = new WeakMap();
/** Every object of `plan` with an `id` and a `name`, by id (the first of an id wins), kept per plan object. */
function namesOf(plan) {
  if (!plan || typeof plan !== 'object') return new Map();
  if (!NAMED.has(plan)) {
    const found = new Map();
    const walk = (v) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if (typeof v.id === 'string' && typeof v.name === 'string' && !found.has(v.id)) found.set(v.id, v);
        Object.values(v).forEach(walk);
      }
    };
    walk(plan);
    NAMED.set(plan, found);
  }
  return NAMED.get(plan);
}

/**
 * Where a problem is, in the page's language: a file's line as "Line 5" (第 5 行) before the
 * column it names, its header as "Header" (表头) before the column it names or counts, a rep
 * by its id before the figure (E02 · revenue.target), anything else (a plan field) as the
 * engine's path.
 */
export function where(el, path) {
  const line = /^(?:adjustments )?line (\d+)(?:\.(.+))?$/.exec(path ?? '');
  const rep = /^reps\.([^.]+)\.(.+)$/.exec(path ?? '');
  const header = /^(?:adjustments )?header(?:\.(.+)|\[(\d+)\])?$/.exec(path ?? '');
  if (rep) return html`${rep[1]} · <code>${rep[2]}</code>`;
  if (header) {
    const at = el.L('headerLabel');
    if (header[1] != null) return html`${at} · <code>${header[1]}</code>`;
    return header[2] != null ? `${at} · ${el.L('columnNumber').replace('{n}', header[2])}` : at;
  }
  if (!line) return html`<code>${path}</code>`;
  const at = el.L('lineNumber').replace('{n}', line[1]);
  return line[2] ? html`${at} · <code>${line[2]}</code>` : at;
}

/**
 * A table of problems, one row each: where (the path), the value, the message. Each row
 * carries its path in `data-row-problem`.
 * @param {import('./playground.js').SalesPlanPlayground} el the element
 * @param {Array<import('../pkg/incentive_engine.js').Problem>} problems
 * @returns {import('lit').TemplateResult}
 */
export function renderProblemTable(el, problems) {
  return html`<table class="grid problems"><thead><tr><th>${el.L('where')}</th><th>${el.L('value')}</th><th>${el.L('problem')}</th></tr></thead>
    <tbody>${problems.map((p) => html`<tr data-row-problem=${p.path}><td>${where(el, p.path)}</td><td>${p.value ?? ''}</td><td>${messageOf(el, p)}</td></tr>`)}</tbody></table>`;
}

/**
 * What the results leave out, as one line over them that opens the list: "2 reps left out of
 * this period · 1 return not applied". Nothing when nothing was left out.
 * @param {import('./playground.js').SalesPlanPlayground} el the element (`leftOutOpen` keeps the list open)
 * @param {import('../pkg/incentive_engine.js').Evaluation} r the results shown
 * @returns {import('lit').TemplateResult | typeof nothing}
 */
export function renderLeftOut(el, r) {
  const returns = r.warnings.filter((w) => w.code === 'adjustment_not_applied');
  const others = r.warnings.filter((w) => w.code !== 'adjustment_not_applied');
  const parts = [
    [r.problems.length, r.year_to_date ? 'repsLeftOutYtd' : 'repsLeftOut'],
    [returns.length, 'returnsNotApplied'],
    [others.length, 'otherWarnings'],
  ].filter(([n]) => n > 0);
  if (!parts.length) return nothing;
  return html`<details class="left-out" data-testid="left-out" ?open=${el.leftOutOpen} @toggle=${(e) => (el.leftOutOpen = e.target.open)}>
    <summary data-testid="left-out-summary"><span class="mark" aria-hidden="true">⚠</span> ${parts.map(([n, key]) => el.counted(n, key)).join(' · ')}</summary>
    <div class="left-out-list" data-testid="left-out-list">
      <p class="hint">${el.L('leftOutHelp')}</p>
      ${renderProblemTable(el, [...r.problems, ...returns, ...others])}
    </div>
  </details>`;
}

/**
 * Why the figures could not be computed at all (a total too large to add up exactly), each
 * problem by its path; the results below, if any, are the last ones computed.
 * @param {import('./playground.js').SalesPlanPlayground} el the element
 * @param {Array<import('../pkg/incentive_engine.js').Problem>} problems
 * @returns {import('lit').TemplateResult | typeof nothing}
 */
export function renderNotComputed(el, problems) {
  if (!problems.length) return nothing;
  // The results still shown are an earlier evaluation's: say which, since the period and
  // year-to-date controls show what was asked for.
  const r = el.shownResults;
  const heading = r ? el.L(r.year_to_date ? 'notComputedKeptYtd' : 'notComputedKept').replace('{period}', r.period) : el.L('notComputed');
  return html`<div class="banner" role="alert" data-testid="not-computed">
    <strong>${heading}</strong>
    <ul>${problems.map((p) => html`<li data-problem=${p.path}>${p.path ? html`<code>${p.path}</code> ` : nothing}<span class="msg">${messageOf(el, p)}</span></li>`)}</ul>
  </div>`;
}

/**
 * The accessible name of a button that shows a field's `path` and goes to it: "Go to the
 * field: All reps › KPIs, scorecards[0].kpis". It holds the path the button shows, so that
 * a voice-control user can say what they see (WCAG 2.5.3, label in name; not in brackets,
 * which checkers do not read as the same words).
 */
export function goToLabel(el, path) {
  const zh = el.lang === 'zh';
  const words = path ? pathInWords(el, path) : '';
  // A path that cannot be put in words is said once; no path, the dash the button shows.
  const said = words && words !== path ? `${words}${zh ? '，' : ', '}${path}` : path || '—';
  return `${el.L('goToField')}${zh ? '：' : ': '}${said}`;
}

/**
 * A plan field's path in words, for a screen reader: the names of the plan's parts on the way
 * and the field's term ("New-business rep › New customers › weight"; 新客户销售岗 › 新客户数量 ›
 * 权重). A list's key is left out when an item of it follows; an item without a name is its
 * number from 1.
 */
export function pathInWords(el, path) {
  let keys;
  try {
    keys = parsePath(path);
  } catch {
    return path;
  }
  const words = [];
  let at = el.currentPlan;
  keys.forEach((key, i) => {
    at = at?.[key];
    if (typeof key === 'number') words.push(el.text(at) || at?.id || String(key + 1));
    else if (typeof keys[i + 1] !== 'number') words.push(key in TERMS.en ? term(el.lang, key) : t(el.lang, key));
  });
  return words.join(' › ') || path;
}
