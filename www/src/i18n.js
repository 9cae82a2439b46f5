// The playground's words in English and Simplified Chinese. The engine's own messages
// come with both languages already; these are the page's labels.

export const LANGS = ['en', 'zh'];

const STRINGS = {
  en: {
    title: 'Incentive plan playground',
    tagline: 'Scores and pay, exact to the cent, computed in your browser. No data leaves this page.',
    period: 'Period',
    language: 'Language',
    plan: 'Plan',
    scorecard: 'Scorecard',
    kpi: 'KPI',
    target: 'Target',
    weight: 'Weight',
    cap: 'Cap %',
    weightSum: 'Sum of weights',
    mustBe100: 'must be 100',
    commission: 'Commission',
    method: 'Method',
    marginal: 'Marginal (on each slice)',
    retroactive: 'Retroactive (whole amount at tier reached)',
    tiers: 'Tiers',
    fromPct: 'From % of target',
    fromAmount: 'From amount',
    ratePct: 'Rate %',
    addTier: 'Add tier',
    removeTier: 'Remove tier',
    grades: 'Grade bands',
    minScore: 'Minimum score',
    results: 'Results',
    rep: 'Rep',
    region: 'Region',
    role: 'Role',
    attainment: 'Attainment',
    score: 'Score',
    grade: 'Grade',
    total: 'Total pay',
    teamTotal: 'Team total',
    reps: 'reps',
    averagePay: 'average pay',
    averageScore: 'average score',
    planInvalid: 'The plan has errors; the results below are from the last valid plan.',
    excluded: 'Left out of the results',
    loading: 'Loading the engine…',
    failed: 'The engine could not start',
  },
  zh: {
    title: '激励方案沙盘',
    tagline: '绩效与薪酬精确到分,全部在浏览器中计算,数据不会离开本页面。',
    period: '期间',
    language: '语言',
    plan: '方案',
    scorecard: '计分卡',
    kpi: '指标',
    target: '目标',
    weight: '权重',
    cap: '封顶 %',
    weightSum: '权重合计',
    mustBe100: '必须为 100',
    commission: '提成',
    method: '计算方式',
    marginal: '超额累进(分段计算)',
    retroactive: '全额累进(按达到的档位全额计算)',
    tiers: '阶梯',
    fromPct: '起点(目标达成 %)',
    fromAmount: '起点金额',
    ratePct: '提成比例 %',
    addTier: '增加阶梯',
    removeTier: '删除阶梯',
    grades: '等级划分',
    minScore: '最低分',
    results: '结果',
    rep: '销售代表',
    region: '区域',
    role: '岗位',
    attainment: '达成率',
    score: '得分',
    grade: '等级',
    total: '薪酬合计',
    teamTotal: '团队合计',
    reps: '人',
    averagePay: '人均薪酬',
    averageScore: '平均得分',
    planInvalid: '方案有错误;下方结果来自上一个有效方案。',
    excluded: '未计入结果',
    loading: '正在加载计算引擎…',
    failed: '计算引擎无法启动',
  },
};

const NAMES = {
  en: {
    East: 'East', South: 'South', Southwest: 'Southwest', Northwest: 'Northwest',
    new_business: 'New business', account_manager: 'Account manager', regional_manager: 'Regional manager',
  },
  zh: {
    East: '华东', South: '华南', Southwest: '西南', Northwest: '西北',
    new_business: '新客户销售', account_manager: '老客户维护', regional_manager: '区域经理',
  },
};

/** The label `key` in `lang` (falls back to English, then to the key). */
export function t(lang, key) {
  return STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
}

/** A data value's display name (regions, roles) in `lang`, or the value itself. */
export function name(lang, value) {
  return NAMES[lang]?.[value] ?? value;
}

/** The user's language: remembered choice, else the browser's, else English. */
export function initialLang(stored, navigatorLanguage) {
  if (LANGS.includes(stored)) return stored;
  return String(navigatorLanguage ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
