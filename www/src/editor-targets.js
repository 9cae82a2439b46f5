// Named targets: each one's name and basis (per period, or a year's figure split over the
// periods with its shares), the default and values by role, region and rep (which override it,
// the rep's most, then the region's, then the role's), and the per-period overrides with their
// scope; a named target added (then used in formulas by its id) or removed.
import { html, nothing } from 'lit';
import { fill, name, paren } from './i18n.js';
import { typedValue } from './typed.js';
import { freeId, withoutItem } from './plan-path.js';

const KINDS = ['by_role', 'by_region', 'by_rep'];

/** Each rep of a list of reps by id, made once per list: a choice lists every rep of the data (10,000 of them, each named). */
const repsById = new WeakMap();

function who(el, kind, key) {
  if (kind === 'by_rep') {
    if (!repsById.has(el.repList)) repsById.set(el.repList, new Map(el.repList.map((r) => [r.id, r])));
    const rep = repsById.get(el.repList).get(key);
    return rep ? `${el.lang === 'zh' ? rep.name_zh || rep.name : rep.name}${paren(el.lang, key)}` : key;
  }
  return name(el.lang, key);
}

/** The data's roles, regions and reps as `[kind, label, [[kind, key], …]]`, but those `taken`. */
function scopes(el, taken = () => false) {
  const list = (kind, keys) => [...new Set(keys)].filter((k) => !taken(kind, k)).map((k) => [kind, k]);
  return [
    ['by_role', el.L('role'), list('by_role', el.repList.map((r) => r.role))],
    ['by_region', el.L('region'), list('by_region', el.repList.map((r) => r.region))],
    ['by_rep', el.L('rep'), list('by_rep', el.repList.map((r) => r.id))],
  ];
}

/** The choices to add a value for: every role, region and rep of the data not yet given one. */
function choices(el, t) {
  return scopes(el, (kind, key) => t[kind] && key in t[kind]);
}

/** An override's scope as a choice of `scopes`: `all`, or `by_role:…`, `by_region:…`, `by_rep:…`. */
const OVERRIDE_FIELDS = { by_role: 'role', by_region: 'region', by_rep: 'rep' };
const scopeOf = (o) => (o.rep != null ? `by_rep:${o.rep}` : o.region != null ? `by_region:${o.region}` : o.role != null ? `by_role:${o.role}` : 'all');

/** The options of a list of `scopes`, grouped by kind. */
const scopeOptions = (el, groups, selected) => groups.map(([, label, list]) => (list.length
  ? html`<optgroup label=${label}>${list.map(([kind, key]) => html`<option value=${`${kind}:${key}`} ?selected=${selected === `${kind}:${key}`}>${who(el, kind, key)}</option>`)}</optgroup>`
  : nothing));

/**
 * The editor of named targets: default, by role, region and rep, and per-period overrides.
 * @param {import('./playground.js').SalesPlanPlayground} el the element whose plan is edited
 * @returns {import('lit').TemplateResult}
 */
export function renderTargets(el) {
  const targets = el.currentPlan.targets ?? [];
  return html`<fieldset class="block" data-section="targets">
    <legend>${el.L('targets')}</legend>
    ${targets.length ? nothing : html`<p class="hint">${el.L('noTargets')}</p>`}
    ${targets.map((t, i) => renderTarget(el, t, i))}
    <button type="button" class="secondary" data-testid="add-target" @click=${() => addTarget(el, targets)}>+ ${el.L('addTarget')}</button>
  </fieldset>`;
}

/** One named target: its name, basis and split, its values and overrides. */
function renderTarget(el, t, i) {
  const path = `targets[${i}]`;
  const annual = t.basis === 'annual';
  // On an annual target the figures are the year's and an override is a period's own: say so.
  const unit = (text) => (annual ? html`<span class="hint">${text}</span>` : nothing);
  const shares = annual && t.split && typeof t.split === 'object' ? t.split.shares ?? [] : null;
  return html`<div class="target" data-target=${t.id}>
    <div class="row target-head">
      <label>${el.L('targetName')} ${el.nameField(path, { label: `${t.id} ${el.L('targetName')}`, labels: true, placeholder: el.text(t) || t.id })}</label>
      <span class="hint">${fill(el.L('usedAs'), { id: t.id })}</span>
      <button type="button" class="icon" data-testid="remove-target" title=${el.L('removeTarget')} aria-label=${`${el.L('removeTarget')}: ${t.id}`}
        @click=${() => el.edit('targets', withoutItem(el.currentPlan.targets, i))}>×</button>
    </div>
    ${el.fieldError(el.namePath(path))}
    <div class="row pair">
      <label>${el.L('targetBasis')}
        <select data-path=${`${path}.basis`} @change=${(e) => (e.target.value === 'annual'
          ? el.edit(`${path}.basis`, 'annual')
          // Per period, a year's split means nothing: it goes with the basis.
          : el.editFields([[`${path}.basis`, undefined], [`${path}.split`, undefined]]))}>
          <option value="per_period" ?selected=${!annual}>${el.L('perPeriod')}</option>
          <option value="annual" ?selected=${annual}>${el.L('annual')}</option>
        </select></label>
      ${annual ? html`<label>${el.L('splitBy')}
        <select data-path=${`${path}.split`} @change=${(e) => el.edit(`${path}.split`, e.target.value === 'shares' ? { shares: evenShares(el.currentPlan.period) } : undefined)}>
          <option value="even" ?selected=${!shares}>${el.L('splitEven')}</option>
          <option value="shares" ?selected=${!!shares}>${el.L('splitByShares')}</option>
        </select></label>` : nothing}
    </div>
    ${shares ? html`<div class="row pair shares"><span class="pair-title">${el.L('splitShares')}</span> ${shares.map((_, n) => el.field(`${path}.split.shares[${n}]`, { label: `${el.text(t) || t.id} ${el.L('splitShares')} ${n + 1}`, type: 'number', width: 'tiny', percent: true }))}</div>` : nothing}
    ${el.fieldError(`${path}.split`)}${el.fieldError(`${path}.split.shares`)}${(shares ?? []).map((_, n) => el.fieldError(`${path}.split.shares[${n}]`))}
    <table class="grid">
      <tbody>
        <tr><th scope="row">${el.L('default')}</th><td>${el.field(`${path}.default`, { label: `${el.text(t) || t.id} · ${el.L('default')}`, type: 'number', width: 'medium' })}${unit(el.L('perYear'))}${el.fieldError(`${path}.default`)}</td><td></td></tr>
        ${KINDS.flatMap((kind) => Object.keys(t[kind] ?? {}).map((key) => html`<tr data-target-value=${`${kind}.${key}`}>
          <th scope="row">${who(el, kind, key)}</th>
          <td>${el.field(`${path}.${kind}.${key}`, { label: `${el.text(t) || t.id} · ${who(el, kind, key)}`, type: 'number', width: 'medium' })}${unit(el.L('perYear'))}${el.fieldError(`${path}.${kind}.${key}`)}</td>
          <td><button type="button" class="icon" aria-label=${`${el.L('remove')} ${who(el, kind, key)}`} @click=${() => removeValue(el, path, t, kind, key)}>×</button></td>
        </tr>`))}
        ${(t.overrides ?? []).map((o, n) => {
          const when = o.period ?? fill(el.L('fromPeriod'), { period: o.from });
          return html`<tr class="override" data-override=${n}>
          <th scope="row">${when} ·
            <select aria-label=${`${el.text(t) || t.id} · ${when} · ${el.L('overrideFor')}`} data-path=${`${path}.overrides[${n}]`} @change=${(e) => setScope(el, `${path}.overrides[${n}]`, o, e.target.value)}>
              <option value="all" ?selected=${scopeOf(o) === 'all'}>${el.L('allReps')}</option>
              ${scopeOptions(el, scopes(el), scopeOf(o))}
            </select></th>
          <td>${el.field(`${path}.overrides[${n}].value`, { label: `${el.text(t) || t.id} · ${when}`, type: 'number', width: 'medium' })}${unit(el.L('forThePeriod'))}${el.fieldError(`${path}.overrides[${n}].value`)}${el.fieldError(`${path}.overrides[${n}]`)}</td>
          <td><button type="button" class="icon" aria-label=${`${el.L('remove')} ${when}`} @click=${() => removeOverride(el, path, t, n)}>×</button></td>
        </tr>`;
        })}
      </tbody>
    </table>
    <div class="row pair">
      <label class="add-value">+ ${el.L('addValueFor')}
        <select data-testid=${`add-target-value-${t.id}`} @change=${(e) => { addValue(el, path, t, e.target.value); e.target.value = ''; }}>
          <option value="">…</option>
          ${scopeOptions(el, choices(el, t))}
        </select>
      </label>
      <label class="add-value">+ ${el.L('addOverride')}
        <select data-testid=${`add-override-${t.id}`} @change=${(e) => { addOverride(el, path, t, e.target.value); e.target.value = ''; }}>
          <option value="">…</option>
          ${el.periods.map((p) => html`<option value=${`from:${p}`}>${fill(el.L('fromPeriod'), { period: p })}</option>`)}
          ${el.periods.map((p) => html`<option value=${`period:${p}`}>${fill(el.L('onlyPeriod'), { period: p })}</option>`)}
        </select>
      </label>
    </div>
  </div>`;
}

/**
 * Shares of the year for a plan's periods, adding to exactly 100: 25 each for quarters; for
 * months 8.33 each and 8.37 for December; 100 for a plan by the year.
 */
function evenShares(period) {
  const n = { month: 12, year: 1 }[period] ?? 4;
  const each = Math.floor(10000 / n) / 100;
  const last = (10000 - Math.round(each * 100) * (n - 1)) / 100;
  return [...Array(n - 1).fill(each), last];
}

/** A new named target, `target_1` (or the first such id free), of 100 per period. */
function addTarget(el, targets) {
  // Targets, metrics and the data's columns are one namespace in formulas.
  const taken = new Set([...targets.map((t) => t.id), ...(el.currentPlan.metrics ?? []).map((m) => m.id), ...el.columns]);
  const id = freeId(taken, 'target');
  const n = id.slice('target_'.length);
  el.edit('targets', [...targets, { id, name: `Target ${n}`, name_zh: `目标 ${n}`, default: 100 }]);
}

/** An override for everyone from a period on (`from:2026-Q3`) or in one period (`period:2026-Q3`), at the default. */
function addOverride(el, path, t, choice) {
  if (!choice) return;
  const [when, period] = [choice.slice(0, choice.indexOf(':')), choice.slice(choice.indexOf(':') + 1)];
  el.edit(`${path}.overrides`, [...(t.overrides ?? []), { [when]: period, value: t.default }]);
}

function removeOverride(el, path, t, n) {
  el.edit(`${path}.overrides`, withoutItem(t.overrides, n));
}

/** Sets whom override `o` is for: everyone, or one role, region or rep. */
function setScope(el, at, o, choice) {
  const { role: _r, region: _g, rep: _p, ...rest } = o;
  const [kind, key] = choice === 'all' ? [] : [choice.slice(0, choice.indexOf(':')), choice.slice(choice.indexOf(':') + 1)];
  el.edit(at, kind ? { ...rest, [OVERRIDE_FIELDS[kind]]: key } : rest);
}

function addValue(el, path, t, choice) {
  if (!choice) return;
  const [kind, key] = choice.split(':');
  el.edit(`${path}.${kind}`, { ...(t[kind] ?? {}), [key]: typedValue(String(t.default), 'number') });
}

function removeValue(el, path, t, kind, key) {
  const { [key]: _, ...rest } = t[kind];
  el.edit(`${path}.${kind}`, Object.keys(rest).length ? rest : undefined);
}
