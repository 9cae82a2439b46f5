// The example portal's own code: what a developer adds to an existing HR portal.
// 1. "My pay" and "East team" call the engine API directly (the web build in ../pkg, the
//    same files as the npm package's `incentive-engine`): reps CSV and plan JSON in, exact
//    decimal strings out.
// 2. The <sales-plan-playground> element is driven by attributes (lang, period) and its
//    events (plan-change, results-change) feed the plan cost and status shown above it.
import init, { Engine } from '../pkg/incentive_engine.js';

const ME = 'E01'; // the signed-in rep: Zhang Wei
const $ = (id) => document.getElementById(id);
const playground = document.querySelector('sales-plan-playground');

// The portal's own words; elements carry `data-t="key"`. The element translates itself.
const WORDS = {
  en: {
    home: 'Home', timeOff: 'Time off', compensation: 'Compensation', learning: 'Learning', plans: 'Incentive plans',
    payslips: 'Payslips', benefits: 'Benefits', policies: 'Policies', lead: 'East region · new-business plan for 2026',
    period: 'Period', myPay: 'My pay', total: 'Total variable pay', attainment: 'Attainment', score: 'Score', plan: 'Plan',
    how: 'How the commission was computed', slice: 'Slice', amount: 'Amount', rate: 'Rate', pay: 'Pay', totalPay: 'Pay', team: 'East team',
    rep: 'Rep', grade: 'Grade', teamTotal: 'Team', export: 'Download payroll CSV', designer: 'Plan designer',
    tryIt: "Try a change: the cost and the status on the right come from the element's events.",
    cost: 'Plan cost', ytdOf: '{period}, year to date', status: 'Status', usePlan: 'Use this plan in “My pay”', valid: 'valid', invalid: 'has errors',
    note1: 'Example page of the incentive engine: the two cards call the engine API; the designer below is the',
    note2: 'element. Nothing is sent to a server.', back: '← the playground on its own', me: 'Zhang Wei', meRole: 'East · New business',
  },
  zh: {
    home: '首页', timeOff: '请假', compensation: '薪酬', learning: '学习', plans: '激励方案',
    payslips: '工资单', benefits: '福利', policies: '制度', lead: '华东区 · 2026 新客户销售方案',
    period: '期间', myPay: '我的薪酬', total: '浮动薪酬合计', attainment: '达成率', score: '得分', plan: '方案',
    how: '提成计算过程', slice: '区间', amount: '金额', rate: '比例', pay: '提成', totalPay: '薪酬', team: '华东团队',
    rep: '销售', grade: '等级', teamTotal: '团队合计', export: '下载工资表 CSV', designer: '方案设计',
    tryIt: '试着改一下：右侧的成本和状态来自组件发出的事件。',
    cost: '方案成本', ytdOf: '{period} 年度累计', status: '状态', usePlan: '在“我的薪酬”中使用此方案', valid: '有效', invalid: '有错误',
    note1: '激励引擎的示例页面：上方两张卡片直接调用引擎 API；下方的方案设计是', note2: '组件。数据不会发送到任何服务器。',
    back: '← 单独打开沙盘', me: '张伟', meRole: '华东 · 新客户销售',
  },
};
const sliceText = (s) => `${money(s.from)} – ${s.to == null ? '…' : money(s.to)}`;
let lang = 'en';

/**
 * Groups an exact decimal string for display without turning it into a float:
 * `"38000.00"` → `"38,000.00"`.
 * @param {string | null | undefined} decimal
 * @returns {string}
 */
export function money(decimal) {
  if (decimal == null) return '—';
  const [int, frac] = String(decimal).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * A rate as the engine returns it (a fraction, `"0.03"`) written as a percentage (`"3%"`),
 * exactly: the decimal point moves two places to the right.
 * @param {string} rate
 * @returns {string}
 */
export function percent(rate) {
  const [int, frac = ''] = String(rate).split('.');
  const shifted = int + frac.padEnd(2, '0');
  const whole = shifted.slice(0, int.length + 2).replace(/^0+(?=\d)/, '');
  const rest = shifted.slice(int.length + 2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** Fills a table body with rows of cells (text only: names from data are never HTML). */
function fill(tbody, rows) {
  tbody.replaceChildren(
    ...rows.map((cells) => {
      const tr = document.createElement('tr');
      for (const { text, num, tag = 'td' } of cells) {
        const cell = document.createElement(tag);
        cell.textContent = text;
        if (num) cell.className = 'num';
        tr.append(cell);
      }
      return tr;
    }),
  );
}

/** Fetches a text file next to this page. */
async function text(url) {
  const response = await fetch(new URL(url, import.meta.url));
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

/** The portal's engine: one handle over the team's reps, with the plan the portal shows. */
class PayService {
  /**
   * @param {string} csv the reps, in the format of `sampleCsv()`
   * @param {string} planJson the plan as JSON text
   */
  constructor(csv, planJson) {
    this.engine = Engine.fromCsv(csv);
    this.setPlan(planJson);
  }

  /**
   * Uses `planJson` from now on if the engine accepts it.
   * @param {string} planJson
   * @returns {{ ok: boolean, problems: Array<{ path: string, message: { en: string, zh: string } }> }}
   */
  setPlan(planJson) {
    const report = this.engine.setPlan(planJson);
    if (report.ok) this.plan = JSON.parse(planJson);
    return report;
  }

  /**
   * Results of the plan in use for `period` (the engine's `Evaluation`).
   * @param {string} period e.g. "2026-Q4"
   */
  evaluate(period) {
    return this.engine.evaluate(period);
  }
}

/** Shows the signed-in rep's pay for `period`, with the commission's slices. */
function showMyPay(service, period) {
  const results = service.evaluate(period);
  const me = results.reps.find((r) => r.rep_id === ME);
  $('my-pay-status').textContent = `${lang === 'zh' ? me.name_zh : `${me.name} (${me.name_zh})`} · ${period}`;
  $('my-total').textContent = `¥${money(me.total_pay)}`;
  $('my-grade').textContent = me.grade;
  $('my-grade').dataset.grade = me.grade;
  $('my-attainment').textContent = `${me.attainment_pct}%`;
  $('my-score').textContent = me.score;
  $('my-plan').textContent = lang === 'zh' ? service.plan.name_zh ?? service.plan.name : service.plan.name;
  const slices = me.commission.flatMap((line) => line.slices);
  fill($('my-slices'), slices.map((s) => [
    { text: sliceText(s) },
    { text: money(s.amount), num: true },
    { text: percent(s.rate), num: true },
    { text: money(s.pay), num: true },
  ]));
}

/** Shows every rep of the team for `period`, and the team's total. */
function showTeam(service, period) {
  const results = service.evaluate(period);
  fill($('team-rows'), results.reps.map((r) => [
    { text: lang === 'zh' ? r.name_zh || r.name : r.name, tag: 'th' },
    { text: `${r.attainment_pct}%`, num: true },
    { text: r.grade },
    { text: money(r.total_pay), num: true },
  ]));
  $('team-total').textContent = money(results.totals.total_pay);
  $('export-team').onclick = () => {
    const csv = ['rep_id,name,grade,total_pay', ...results.reps.map((r) => [r.rep_id, r.name, r.grade, r.total_pay].join(','))].join('\n');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv + '\n'], { type: 'text/csv' }));
    a.download = `payroll-east-${period}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
}

/** Switches the portal's words and the element's `lang` attribute. */
function setLang(next, service) {
  lang = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  playground.setAttribute('lang', next);
  for (const b of document.querySelectorAll('[data-portal-lang]')) b.setAttribute('aria-pressed', String(b.dataset.portalLang === next));
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = WORDS[next][el.dataset.t];
  const valid = $('plan-status').dataset.valid;
  if (valid) $('plan-status').textContent = WORDS[next][valid === 'true' ? 'valid' : 'invalid'];
  showCostScope();
  if (service) refresh(service);
}

let refresh = () => {};
/** The portal's period follows the one chosen inside the element (set once the engine is up). */
let followPeriod = () => {};
/** The period (and whether year to date) of the plan cost the element last reported. */
let costScope = null;

/** Says which period the plan cost is of: "2026-Q3", or "2026-Q3, year to date". */
function showCostScope() {
  if (!costScope) return;
  const { period, yearToDate } = costScope;
  $('plan-cost-period').textContent = yearToDate ? WORDS[lang].ytdOf.replace('{period}', period) : period;
}

async function main() {
  // The element's events: the cost of the plan being designed and whether it validates.
  let designed = null;
  playground.addEventListener('plan-change', (e) => {
    designed = e.detail.valid ? e.detail.plan : null;
    $('plan-status').textContent = WORDS[lang][e.detail.valid ? 'valid' : 'invalid'];
    $('plan-status').dataset.valid = String(e.detail.valid);
    $('use-plan').disabled = !e.detail.valid;
  });
  playground.addEventListener('results-change', (e) => {
    const { results, period, yearToDate } = e.detail;
    $('plan-cost').textContent = `¥${money(results.totals.total_pay)}`;
    $('plan-cost').title = `${period}${yearToDate ? ' YTD' : ''} · ${results.totals.reps} reps`;
    costScope = { period, yearToDate };
    showCostScope();
    followPeriod(period);
  });

  await init();
  const [csv, planJson] = await Promise.all([text('data/east-team.csv'), text('plans/east-2026.json')]);
  const service = new PayService(csv, planJson);
  const periods = service.engine.periods();
  const select = $('period');
  select.replaceChildren(...periods.map((p) => new Option(p, p)));
  select.value = playground.getAttribute('period') ?? periods.at(-1);

  refresh = (svc) => {
    showMyPay(svc, select.value);
    showTeam(svc, select.value);
  };
  refresh(service);

  // A period chosen inside the element: the portal's widgets follow it (event out).
  followPeriod = (period) => {
    if (period === select.value || !periods.includes(period)) return;
    select.value = period;
    refresh(service);
  };
  if (costScope) followPeriod(costScope.period);
  // The portal's period drives the widgets and the element (attribute in).
  select.addEventListener('change', () => {
    playground.setAttribute('period', select.value);
    refresh(service);
  });
  for (const b of document.querySelectorAll('[data-portal-lang]')) b.addEventListener('click', () => setLang(b.dataset.portalLang, service));
  // The element's own language switch: the portal follows it (event out), one language on the page.
  playground.addEventListener('lang-change', (e) => setLang(e.detail.lang, service));
  // The plan designed in the element, used by the portal's own engine.
  $('use-plan').addEventListener('click', () => {
    if (designed && service.setPlan(JSON.stringify(designed)).ok) refresh(service);
  });
}

main().catch((e) => {
  $('my-pay-status').textContent = `The engine could not start: ${e.message}`;
});
