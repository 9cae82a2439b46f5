// Friendly names of the data columns the sample reps and the CSV template carry, so the
// editor can say "Collected revenue" where the plan says `revenue_collected`. A column
// this list does not know is shown as written.
import { html } from 'lit';

const COLUMNS = {
  rep_id: ['Rep ID', '工号'],
  name: ['Name', '姓名'],
  name_zh: ['Chinese name', '中文姓名'],
  region: ['Region', '大区'],
  role: ['Role', '岗位'],
  period: ['Period', '期间'],
  city_tier: ['City tier', '城市级别'],
  revenue_target: ['Revenue target', '销售目标'],
  revenue_booked: ['Booked revenue', '签约金额'],
  revenue_collected: ['Collected revenue', '回款金额'],
  revenue_new: ['Revenue from new customers', '新客户销售额'],
  revenue_existing: ['Revenue from existing customers', '老客户销售额'],
  new_customers: ['New customers', '新客户数'],
  visits: ['Customer visits', '客户拜访次数'],
  existing_customers: ['Existing customers', '老客户数'],
  repurchasing_customers: ['Repurchasing customers', '复购客户数'],
  upsell_revenue: ['Upsell revenue', '增购销售额'],
  receivable: ['Receivables', '应收账款'],
  response_hours: ['Response time (hours)', '响应时长（小时）'],
  teamwork_rating: ['Teamwork rating', '团队协作评分'],
  violations: ['Violations', '违规次数'],
  product_test: ['Product test score', '产品知识考试成绩'],
  negotiation: ['Negotiation rating', '谈判能力评分'],
  training_hours: ['Training hours', '培训时长'],
  nps: ['Net promoter score', '客户净推荐值'],
  rating_superior: ['Manager’s rating', '上级评分'],
  rating_customer: ['Customers’ rating', '客户评分'],
  rating_peer: ['Peers’ rating', '同事评分'],
  followup_rate: ['Follow-up rate', '跟进率'],
  region_revenue: ['Region’s revenue', '大区销售额'],
  region_target: ['Region’s target', '大区目标'],
  market_size: ['Market size', '市场规模'],
  region_headcount: ['Region headcount', '大区人数'],
  big_contracts: ['Large contracts', '大单数'],
  complaints: ['Complaints', '投诉次数'],
  praise: ['Praise', '表扬次数'],
  innovation: ['Innovation proposals', '创新提案数'],
  satisfaction: ['Customer satisfaction', '客户满意度'],
  training_participation: ['Training participation', '培训参与率'],
};

/** The raters of a 360 rating whose plan lists none (D4): manager 60%, customers 20%, peers 20%. */
export const DEFAULT_RATERS = [{ rating: 'rating_superior', weight: 60 }, { rating: 'rating_customer', weight: 20 }, { rating: 'rating_peer', weight: 20 }];

/** The friendly name of column `key` in `lang`, or null when the column is not a known one. */
export function columnName(lang, key) {
  const names = COLUMNS[key];
  return names ? names[lang === 'zh' ? 1 : 0] : null;
}

/** Each known column's id by its friendly names in both languages (English ones in lower case). */
const BY_NAME = new Map(Object.entries(COLUMNS).flatMap(([id, [en, zh]]) => [[en.toLowerCase(), id], [zh, id]]));

/** The id of the known column whose friendly name (in either language) is `name` ("工号", "Collected revenue"), or null. */
export function columnByName(name) {
  return BY_NAME.get(name.trim()) ?? BY_NAME.get(name.trim().toLowerCase()) ?? null;
}

/**
 * A formula in a hint: a known column, or a metric of the plan (`el.currentPlan.metrics`) with a
 * name, by its friendly name (its code, and a metric's formula, in the tooltip); anything
 * else as code.
 */
export function sourceHint(el, formula) {
  const key = String(formula ?? '').trim();
  const metric = el.currentPlan?.metrics?.find((m) => m.id === key && m.name);
  if (metric) return html`<span class="source-name" title=${`${key} = ${metric.formula}`}>${el.text(metric)}</span>`;
  const friendly = columnName(el.lang, key);
  return friendly ? html`<span class="source-name" title=${formula}>${friendly}</span>` : html`<code>${formula}</code>`;
}

/**
 * The datalist the formula inputs offer: every column of the loaded reps (`el.columns`) with
 * its friendly name, then the plan's metrics with theirs.
 */
export function columnsDatalist(el) {
  const metrics = (el.currentPlan?.metrics ?? []).filter((m) => !el.columns.includes(m.id));
  return html`<datalist id="columns">${el.columns.map((c) => html`<option value=${c}>${columnName(el.lang, c) ?? c}</option>`)}${metrics.map((m) => html`<option value=${m.id}>${el.text(m) || m.formula}</option>`)}</datalist>`;
}

/** "Tier 1" / "一线": city tier `n` (1–9) in `lang`. */
export function cityTier(lang, n) {
  return lang === 'zh' ? `${'一二三四五六七八九'[n - 1] ?? n}线` : `Tier ${n}`;
}
