// Named targets: the default, and values by role, region and rep (which override it, the
// rep's most, then the region's, then the role's), plus the per-period overrides.
import { html, nothing } from 'lit';
import { fill, name, paren } from './i18n.js';

const KINDS = ['by_role', 'by_region', 'by_rep'];

function who(el, kind, key) {
  if (kind === 'by_rep') {
    const rep = el.repList.find((r) => r.id === key);
    return rep ? `${el.lang === 'zh' ? rep.name_zh || rep.name : rep.name}${paren(el.lang, key)}` : key;
  }
  return name(el.lang, key);
}

/** The choices to add a value for: every role, region and rep of the data not yet given one. */
function choices(el, t) {
  const taken = (kind, key) => t[kind] && key in t[kind];
  const roles = [...new Set(el.repList.map((r) => r.role))].filter((k) => !taken('by_role', k)).map((k) => ['by_role', k]);
  const regions = [...new Set(el.repList.map((r) => r.region))].filter((k) => !taken('by_region', k)).map((k) => ['by_region', k]);
  const reps = el.repList.map((r) => r.id).filter((k) => !taken('by_rep', k)).map((k) => ['by_rep', k]);
  return [['by_role', el.L('role'), roles], ['by_region', el.L('region'), regions], ['by_rep', el.L('rep'), reps]];
}

/**
 * The editor of named targets: default, by role, region and rep, and per-period overrides.
 * @param {import('./playground.js').SalesPlanPlayground} el the element whose plan is edited
 * @returns {import('lit').TemplateResult}
 */
export function renderTargets(el) {
  const targets = el.currentPlan.targets ?? [];
  return html`<fieldset class="block" data-section="targets">
    <legend>${el.L('targets')}</legend>
    ${targets.map((t, i) => {
      const path = `targets[${i}]`;
      return html`<div class="target" data-target=${t.id}>
        <div class="row"><strong>${el.text(t) || t.id}</strong> <code class="hint">${t.id}</code>
          <span class="hint">${t.basis === 'annual' ? el.L('annual') : el.L('perPeriod')}</span></div>
        <table class="grid">
          <tbody>
            <tr><th scope="row">${el.L('default')}</th><td>${el.field(`${path}.default`, { label: `${t.id} ${el.L('default')}`, type: 'number', width: 'medium' })}${el.fieldError(`${path}.default`)}</td><td></td></tr>
            ${KINDS.flatMap((kind) => Object.keys(t[kind] ?? {}).map((key) => html`<tr data-target-value=${`${kind}.${key}`}>
              <th scope="row">${who(el, kind, key)}</th>
              <td>${el.field(`${path}.${kind}.${key}`, { label: `${t.id} ${key}`, type: 'number', width: 'medium' })}${el.fieldError(`${path}.${kind}.${key}`)}</td>
              <td><button type="button" class="icon" aria-label=${`${el.L('remove')} ${key}`} @click=${() => removeValue(el, path, t, kind, key)}>×</button></td>
            </tr>`))}
            ${(t.overrides ?? []).map((o, n) => html`<tr class="override">
              <th scope="row">${o.period ?? fill(el.L('fromPeriod'), { period: o.from })} · ${o.rep ? who(el, 'by_rep', o.rep) : o.region ? name(el.lang, o.region) : o.role ? name(el.lang, o.role) : el.L('allReps')}</th>
              <td>${el.field(`${path}.overrides[${n}].value`, { label: `${t.id} override ${n + 1}`, type: 'number', width: 'medium' })}${el.fieldError(`${path}.overrides[${n}].value`)}</td><td></td>
            </tr>`)}
          </tbody>
        </table>
        <label class="row add-value">+ ${el.L('addValueFor')}
          <select data-testid=${`add-target-value-${t.id}`} @change=${(e) => { addValue(el, path, t, e.target.value); e.target.value = ''; }}>
            <option value="">…</option>
            ${choices(el, t).map(([, label, list]) => (list.length ? html`<optgroup label=${label}>${list.map(([kind, key]) => html`<option value=${`${kind}:${key}`}>${who(el, kind, key)}</option>`)}</optgroup>` : nothing))}
          </select>
        </label>
      </div>`;
    })}
  </fieldset>`;
}

function addValue(el, path, t, choice) {
  if (!choice) return;
  const [kind, key] = choice.split(':');
  el.edit(`${path}.${kind}`, { ...(t[kind] ?? {}), [key]: String(t.default) });
}

function removeValue(el, path, t, kind, key) {
  const { [key]: _, ...rest } = t[kind];
  el.edit(`${path}.${kind}`, Object.keys(rest).length ? rest : undefined);
}
