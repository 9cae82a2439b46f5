// The plan as JSON, for anything the forms above do not reach: edit, then apply; the
// engine's errors are listed by their paths, and the plan in use does not change until
// the text is a plan it accepts. While a draft is typed the schema's hints show; after
// Apply, the engine's errors replace them until the draft is typed in again.
import { html, nothing } from 'lit';
import { schemaHints } from './schema-hints.js';
import { localized } from './i18n.js';

/**
 * The plan's JSON editor: a draft applied only when the engine accepts it.
 * @param {import('./playground.js').SalesPlanPlayground} el the element whose plan is edited
 * @returns {import('lit').TemplateResult}
 */
export function renderJson(el) {
  // A draft started on a plan that has changed since (a form edit, undo, a preset) would undo that change.
  const stale = el.jsonDraft != null && el.jsonDraftOf !== el.currentPlan;
  return html`<details class="block json" data-section="json" @toggle=${(e) => (el.jsonOpen = e.target.open)} ?open=${el.jsonOpen}>
    <summary>${el.L('planJson')}</summary>
    ${el.jsonOpen ? html`<textarea data-testid="plan-json" spellcheck="false" aria-label=${el.L('planJson')} .value=${el.jsonDraft ?? JSON.stringify(el.currentPlan, null, 2)}
      @input=${(e) => {
        if (el.jsonDraft == null) el.jsonDraftOf = el.currentPlan;
        el.jsonDraft = e.target.value;
        el.jsonProblems = [];
      }}></textarea>
    ${stale ? html`<p class="hints" data-testid="json-stale" role="status">${el.L('jsonStale')}</p>` : nothing}
    <div class="row">
      <button type="button" class="secondary" data-testid="apply-json" ?disabled=${el.jsonDraft == null} @click=${() => el.applyJson()}>${el.L(stale ? 'applyAnyway' : 'applyJson')}</button>
      ${el.jsonDraft != null ? html`<button type="button" class="secondary" @click=${() => { el.jsonDraft = null; el.jsonProblems = []; }}>${el.L('discard')}</button>` : nothing}
    </div>
    ${el.jsonProblems?.length ? nothing : renderHints(el)}
    ${el.jsonProblems?.length ? html`<ul class="field-error" data-testid="json-errors">${el.jsonProblems.map((p) => html`<li data-problem=${p.path}>${p.path ? html`<code>${p.path}</code> ` : nothing}<span class="msg">${localized(el.lang, p.message)}</span></li>`)}</ul>` : nothing}` : nothing}
  </details>`;
}

/**
 * What the draft is missing while it is typed (before Apply): a syntax error as the engine
 * words it (the same message Apply gives), else what the plan's JSON Schema says of it.
 */
function renderHints(el) {
  if (el.jsonDraft == null) return nothing;
  const syntax = el.api?.jsonSyntax(el.jsonDraft);
  const hints = syntax ? [{ path: syntax.path, message: localized(el.lang, syntax.message) }] : schemaHints(el.jsonDraft, el.lang);
  return hints.length
    ? html`<div class="hints" data-testid="json-hints" role="status"><strong>${el.L('formatCheck')}</strong>
        <ul>${hints.map((h) => html`<li data-hint-path=${h.path}>${h.path ? html`<code>${h.path}</code> ` : nothing}${h.message}</li>`)}</ul></div>`
    : html`<p class="hint ok" data-testid="json-hints-ok" role="status">${el.L('formatOk')}</p>`;
}
