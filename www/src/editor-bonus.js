// The bonuses part of the plan editor: each bonus's name, the grades that may get it, its rule's
// figures, formulas and options, and how a pool is split; a bonus added from a starting rule of
// each kind, or removed. The rules are those of docs/plan-format.md, "Bonuses".
import { html, nothing } from 'lit';
import { term } from './i18n.js';
import { gradeBands } from './grades.js';
import { freeId, withoutItem } from './plan-path.js';

/** Each rule's fields in the form: a formula, a decimal `number` or a whole number (`integer`). */
const RULE_FIELDS = {
  over_achievement: [['actual', 'formula'], ['target', 'formula'], ['above_pct', 'number'], ['excess_over_pct', 'number'], ['rate_pct', 'number']],
  threshold: [['when', 'formula'], ['amount', 'number']],
  rank: [['measure', 'formula'], ['top', 'integer'], ['amount', 'number']],
  team_pool: [['pool', 'number'], ['winners', 'integer']],
  profit_share: [['profit', 'number'], ['pool_pct', 'number']],
};

/** Each rule's options, the plan format's default first: `[value, English, Chinese]`. */
const RULE_OPTIONS = {
  rank: {
    ties: [['include_all', 'all paid in full', '全部足额发放'], ['share', 'share the places left', '平分剩余名额']],
    within: [['all', 'over everyone', '全员'], ['region', 'in each region', '各大区内'], ['role', 'in each role', '各岗位内']],
    direction: [['higher_is_better', 'the highest', '最高'], ['lower_is_better', 'the lowest', '最低']],
  },
  team_pool: {
    group_by: [['region', 'regions', '大区'], ['role', 'roles', '岗位'], ['all', 'everyone as one group', '全员为一组']],
  },
};

/** How a pool (`team_pool`, `profit_share`) is split: by contribution or by weights, each a formula. */
const SPLITS = [['contribution', 'contribution', '贡献占比'], ['weights', 'weights', '权重']];

/** The form's words, `[English, Chinese]`. */
const LABELS = {
  actual: ['Actual', '实际'], target: ['Target', '目标'], above_pct: ['Above % of target', '超过目标 %'],
  excess_over_pct: ['Excess from %', '超额起算 %'], rate_pct: ['Rate %', '比例 %'], when: ['When', '条件'],
  amount: ['Amount', '金额'], measure: ['Ranked by', '排名依据'], top: ['Top N', '前 N 名'], pool: ['Pool', '奖金池'],
  winners: ['Winning groups', '获奖组数'], profit: ['Profit', '利润'], pool_pct: ['Share %', '分享比例 %'],
  ties: ['Tied at the last place', '末位并列'], within: ['Ranked', '排名范围'], direction: ['Best is', '最佳为'],
  group_by: ['Groups compared', '比较的组'], split: ['Split by', '分配依据'], grades: ['Grades that may get it', '可获奖的等级'],
  name: ['Name', '名称'], add: ['+ Add a bonus…', '+ 增加奖金…'], remove: ['Remove the bonus', '删除该奖金'],
  none: ['No bonus yet.', '暂无奖金。'],
};

/** `LABELS` in `lang`. */
const labelsIn = (lang) => Object.fromEntries(Object.entries(LABELS).map(([key, [en, zh]]) => [key, lang === 'zh' ? zh : en]));

/** A new bonus of `type`, on the plan's headline actual and target, with the seeds' figures. */
function startingBonus(plan, type, id) {
  const actual = plan.attainment?.actual ?? 'revenue_collected';
  const target = plan.attainment?.target ?? 'revenue_target';
  const rules = {
    over_achievement: [{ type, actual, target, above_pct: 120, excess_over_pct: 120, rate_pct: 1 }, 'Over-achievement bonus', '超额奖'],
    threshold: [{ type, when: `${actual} >= ${target}`, amount: 1000 }, 'On-target bonus', '达标奖'],
    rank: [{ type, measure: actual, top: 3, amount: 5000 }, 'Top 3 bonus', '前三名奖'],
    team_pool: [{ type, pool: 100000, split: { contribution: actual } }, 'Best region pool', '最佳大区奖金池'],
    profit_share: [{ type, profit: 1000000, pool_pct: 5, split: { contribution: actual } }, 'Profit share', '利润分享'],
  };
  const [rule, name, nameZh] = rules[type];
  return { id, name, name_zh: nameZh, rule };
}

/** The grades that may get bonus `b`, toggled for `grade`: every band is written as no list at all. */
function toggledGrades(plan, b, grade, on) {
  const bands = gradeBands(plan).map((band) => band.grade);
  const now = new Set(b.grades ?? bands);
  if (on) now.add(grade);
  else now.delete(grade);
  const grades = bands.filter((g) => now.has(g));
  return grades.length === bands.length ? undefined : grades;
}

/** One bonus: its name, rule, figures, options, split and grades. */
function renderBonus(el, b, i, labels) {
  const path = `bonuses[${i}]`;
  const rule = `${path}.rule`;
  const label = (f) => `${el.text(b) || b.id} ${labels[f]}`;
  const fields = RULE_FIELDS[b.rule.type] ?? [];
  const options = Object.entries(RULE_OPTIONS[b.rule.type] ?? {});
  const split = b.rule.split && typeof b.rule.split === 'object' ? Object.keys(b.rule.split)[0] : null;
  const zh = el.lang === 'zh';
  return html`<div class="bonus" data-bonus=${b.id}>
    <div class="bonus-head">
      <label class="bonus-name">${labels.name} ${el.nameField(path, { label: `${b.id} ${labels.name}`, placeholder: el.text(b) })}</label>
      <span class="hint">${term(el.lang, b.rule.type)}</span>
      <button type="button" class="icon" data-testid="remove-bonus" title=${labels.remove} aria-label=${`${labels.remove}: ${el.text(b) || b.id}`}
        @click=${() => el.edit('bonuses', withoutItem(el.currentPlan.bonuses, i))}>×</button>
    </div>
    ${el.fieldError(el.namePath(path))}
    <div class="row pair">${fields.map(([f, type]) => html`<label>${labels[f]} ${el.field(`${rule}.${f}`, { label: label(f), ...(type === 'formula' ? { width: 'formula' } : { type, width: 'medium', ...(f === 'winners' ? { optional: true, placeholder: '1' } : {}) }) })}</label>`)}</div>
    ${fields.map(([f]) => el.fieldError(`${rule}.${f}`))}
    ${options.length || split ? html`<div class="row pair">
      ${options.map(([f, choices]) => html`<label>${labels[f]}
        <select data-path=${`${rule}.${f}`} @change=${(e) => el.edit(`${rule}.${f}`, e.target.value === choices[0][0] ? undefined : e.target.value)}>
          ${choices.map(([value, en, zhText]) => html`<option value=${value} ?selected=${(b.rule[f] ?? choices[0][0]) === value}>${zh ? zhText : en}</option>`)}
        </select></label>`)}
      ${split ? html`<label>${labels.split}
        <select data-path=${`${rule}.split`} @change=${(e) => el.edit(`${rule}.split`, { [e.target.value]: b.rule.split[split] })}>
          ${SPLITS.map(([value, en, zhText]) => html`<option value=${value} ?selected=${split === value}>${zh ? zhText : en}</option>`)}
        </select></label>
        ${el.field(`${rule}.split.${split}`, { label: label('split'), width: 'formula' })}` : nothing}
    </div>${options.map(([f]) => el.fieldError(`${rule}.${f}`))}${split ? el.fieldError(`${rule}.split.${split}`) : nothing}` : nothing}
    <div class="row pair grades-eligible" role="group" aria-label=${label('grades')}><span class="pair-title">${labels.grades}</span>
      ${gradeBands(el.currentPlan).map((band) => html`<label class="check"><input type="checkbox" data-grade=${band.grade}
        .checked=${b.grades == null || b.grades.includes(band.grade)}
        ?disabled=${b.grades?.length === 1 && b.grades[0] === band.grade /* the last grade left: a bonus nobody may get is no bonus */}
        @change=${(e) => el.edit(`${path}.grades`, toggledGrades(el.currentPlan, b, band.grade, e.target.checked))} /><span class=${`badge g-${band.grade}`}>${band.grade}</span></label>`)}
    </div>
    ${el.fieldError(`${path}.grades`)}
  </div>`;
}

/**
 * The editor of the plan's bonuses: one block per bonus, and a list to add one of each rule.
 * @param {import('./playground.js').SalesPlanPlayground} el the element whose plan is edited
 * @returns {import('lit').TemplateResult}
 */
export function renderBonuses(el) {
  const labels = labelsIn(el.lang);
  const bonuses = el.currentPlan.bonuses ?? [];
  const add = (e) => {
    const type = e.target.value;
    e.target.value = '';
    if (type) el.edit('bonuses', [...bonuses, startingBonus(el.currentPlan, type, freeId(new Set(bonuses.map((b) => b.id)), type))]);
  };
  return html`<fieldset class="block bonuses">
    <legend>${el.L('bonusesTitle')}</legend>
    ${bonuses.length ? bonuses.map((b, i) => renderBonus(el, b, i, labels)) : html`<p class="hint">${labels.none}</p>`}
    <select data-testid="add-bonus" aria-label=${labels.add} @change=${add}>
      <option value="" selected>${labels.add}</option>
      ${Object.keys(RULE_FIELDS).map((type) => html`<option value=${type}>${term(el.lang, type)}</option>`)}
    </select>
  </fieldset>`;
}
