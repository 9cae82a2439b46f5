// The notice over the results while tier bounds of a commission line are marked since a
// switch of its basis (tier-basis.js): the figures may be off until they are checked. It
// counts the bounds and names each such line, a button to its first marked bound in the
// form, where the line says why they are marked (editor-pay.js).
import { html, nothing } from 'lit';
import { boundsToEnter } from './tier-basis.js';
import { lineTitle } from './editor-pay.js';

/**
 * "⚠ 2 tier bounds to check since a switch of basis: Commission on collected revenue", or
 * nothing when no bound is marked.
 * @param {import('./playground.js').SalesPlanPlayground} el the element (`reenter` holds the marks)
 * @returns {import('lit').TemplateResult | typeof nothing}
 */
export function renderMarkedBounds(el) {
  const lines = (el.currentPlan.commission ?? [])
    .map((line, i) => ({ line, i, marked: [...boundsToEnter(line, el.reenter[line.id]).keys()] }))
    .filter(({ marked }) => marked.length);
  if (!lines.length) return nothing;
  const count = lines.reduce((n, { marked }) => n + marked.length, 0);
  return html`<p class="marked-bounds" role="status" data-testid="marked-bounds"><span class="mark" aria-hidden="true">⚠</span>
    ${el.counted(count, 'boundsToCheck')}${lines.map(({ line, i, marked }, k) => html`${k ? el.L('listSep') : ''}<button type="button" class="linklike"
      data-line=${line.id} title=${el.L('goToField')} @click=${() => el.goToField(`commission[${i}].tiers[${Math.min(...marked)}].from`)}>${lineTitle(el, line)}</button>`)}</p>`;
}
