// The results: summary cards (total pay, averages, grade counts against the guide) and the
// table of reps. A row opens the rep's explanation; the last good results stay on screen
// while the plan has errors.
import { html, nothing } from 'lit';
import { name, term } from './i18n.js';
import { money, percent, number, wan } from './format.js';

export function renderSummary(el, r) {
  const t = r.totals;
  const total = el.lang === 'zh' ? wan(t.total_pay) : money(t.total_pay);
  return html`<div class="summary" data-testid="summary">
    <div class="kpi-card"><span>${el.L('teamTotal')}</span><strong data-testid="total-pay" title=${money(t.total_pay)}>${total}</strong></div>
    <div class="kpi-card"><span>${el.L('averagePay')}</span><strong>${money(t.average_pay)}</strong></div>
    <div class="kpi-card"><span>${el.L('averageScore')}</span><strong>${number(t.average_score)}</strong></div>
    <div class="kpi-card"><span>${el.L('grade')}</span><strong class="grades" data-testid="grade-counts">${t.grades.map((g) => {
      const d = t.distribution.find((x) => x.grade === g.grade);
      const mark = d && d.status !== 'within' ? (d.status === 'above' ? '▲' : '▼') : '';
      const title = d ? `${g.grade}: ${percent(d.share_pct)} (${el.L('guide')} ${d.min_pct}–${d.max_pct}%, ${el.L(d.status)})` : '';
      return html`<span class=${`badge g-${g.grade}`} title=${title} data-status=${d?.status ?? ''}>${g.grade} ${g.reps}${mark}</span>`;
    })}</strong></div>
  </div>`;
}

export function renderTable(el, r) {
  const zh = el.lang === 'zh';
  return html`<div class="table-wrap">
    <table class="results-table" data-testid="results">
      <thead><tr>
        <th>${el.L('rep')}</th><th>${el.L('region')}</th><th>${el.L('role')}</th>
        <th class="num">${el.L('attainment')}</th><th class="num">${el.L('score')}</th><th>${el.L('grade')}</th>
        <th class="num">${el.L('commission')}</th><th class="num">${el.L('total')}</th>
      </tr></thead>
      <tbody>
        ${r.reps.map((rep) => html`<tr data-rep=${rep.rep_id} tabindex="0" aria-selected=${el.selectedRep === rep.rep_id ? 'true' : 'false'}
            @click=${() => el.selectRep(rep.rep_id)} @keydown=${(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), el.selectRep(rep.rep_id))}>
          <th scope="row">${zh ? rep.name_zh || rep.name : rep.name}<span class="hint"> ${rep.rep_id}</span>${rep.flags.length
            ? html` <span class="flag" title=${rep.flags.map((f) => term(el.lang, f.code)).join('; ')} data-flag=${rep.flags[0].code}>⚑</span>`
            : nothing}</th>
          <td>${name(el.lang, rep.region)}</td>
          <td>${name(el.lang, rep.role)}</td>
          <td class="num" data-col="attainment">${percent(rep.attainment_pct)}</td>
          <td class="num" data-col="score">${number(rep.score)}</td>
          <td data-col="grade"><span class=${`badge g-${rep.grade}`}>${rep.grade}</span></td>
          <td class="num" data-col="commission">${money(rep.commission[0]?.pay)}</td>
          <td class="num" data-col="total">${money(rep.total_pay)}</td>
        </tr>`)}
      </tbody>
      <tfoot>
        ${r.totals.by_region.map((g) => html`<tr class="subtotal" data-region=${g.group}>
          <th scope="row" colspan="2">${name(el.lang, g.group)}</th><td>${g.reps} ${el.L('reps')}</td>
          <td></td><td class="num">${number(g.average_score)}</td><td></td><td></td>
          <td class="num">${money(g.total_pay)}</td>
        </tr>`)}
        <tr class="grand"><th scope="row" colspan="2">${el.L('teamTotal')}</th><td>${r.totals.reps} ${el.L('reps')}</td>
          <td></td><td class="num">${number(r.totals.average_score)}</td><td></td><td></td>
          <td class="num">${money(r.totals.total_pay)}</td></tr>
      </tfoot>
    </table>
  </div>`;
}
