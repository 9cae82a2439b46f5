// Baseline: the benchmark plan (bench/full-plan.json) written by hand in plain JavaScript
// with floating-point numbers (what a quick implementation does): the same rules as
// baseline-decimal.mjs, money rounded with Math.round(x * 100) / 100. Timed against the
// engine; its cent differences from the engine are counted, not treated as bugs.
// Same interface as baseline-decimal.mjs: prepare(table) once, evaluate(prepared, params).

export const PLAN_PARAMS = { newTierRates: [4, 5, 6] };

export function makeFloatBaseline() {
  const round2 = (x) => Math.sign(x) * Math.round(Math.abs(x) * 100) / 100;
  const div = (a, b) => (b === 0 ? 0 : a / b);

  const ratio = (actual, target, weight, cap, threshold) => {
    if (!(target > 0)) throw new Error('target_not_positive');
    let r = actual / target;
    if (threshold && r < threshold) r = 0;
    else if (cap && r > cap) r = cap;
    return r * weight;
  };
  const inverse = (actual, target, weight, cap) => (actual <= 0 ? cap * weight : ratio(target, actual, weight, cap, null));
  const bands = (value, weight) => (value >= 95 ? 1 : value >= 85 ? 0.8 : value >= 75 ? 0.6 : 0.3) * weight;
  const rating360 = (v, i, weight) => ((v.rating_superior[i] * 0.6 + v.rating_customer[i] * 0.2 + v.rating_peer[i] * 0.2) * weight) / 100;
  const deduction = (events, perEvent, weight) => Math.max(0, weight - Math.max(0, events) * perEvent);
  const shared = (v, i) => [
    ratio(v.visits[i], 15, 6, 1),
    inverse(v.response_hours[i], 1.5, 6, 1),
    ratio(v.teamwork_rating[i], 95, 4, 1),
    deduction(v.violations[i], 2, 4),
    bands(v.product_test[i], 4),
    rating360(v, i, 4),
    ratio(v.training_hours[i], 6, 3, 1),
    ratio(v.nps[i], 90, 4, 1),
  ];
  const marketShareTarget = { East: 0.45, South: 0.4, Southwest: 0.35, Northwest: 0.5 };
  const cards = {
    new_business: (v, i, m) => [
      ratio(v.revenue_new[i], v.revenue_target[i] * 0.85, 30, 1.2, 0.5),
      ratio(v.new_customers[i], m.newCustomerGoal, 20, 1.2),
      ratio(m.conversion, 0.15, 15, 1.2),
    ],
    account_manager: (v, i, m) => [
      ratio(m.repurchase, 0.85, 30, 1.2, 0.5),
      ratio(v.upsell_revenue[i], v.revenue_target[i] * 0.3, 20, 1.2),
      ratio(m.collection, 0.98, 15, 1, 0.8),
    ],
    regional_manager: (v, i, m, region) => [
      ratio(m.regionAttainment, 0.9, 35, 1.2, 0.6),
      ratio(m.marketShare, marketShareTarget[region] ?? 0.4, 20, 1.2),
      ratio(m.revenuePerHead, div(v.region_target[i], v.region_headcount[i]) * 0.95, 10, 1.2),
    ],
  };
  const goal = (annual, month) => {
    const part = round2(annual / 12);
    return month < 11 ? part : annual - part * 11;
  };

  const GRADES = ['S', 'A', 'B', 'C'];
  const QUOTAS = [15, 35, 40, 10];
  function enforce(scores) {
    const n = scores.length;
    const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
    let cumulative = 0;
    const bounds = QUOTAS.map((q) => Math.round((n * (cumulative += q)) / 100));
    const grades = new Array(n);
    order.forEach((i, rank) => {
      const above = rank > 0 ? order[rank - 1] : -1;
      if (above >= 0 && scores[above] === scores[i]) grades[i] = grades[above];
      else {
        const g = bounds.findIndex((b) => rank < b);
        grades[i] = g < 0 ? GRADES.length - 1 : g;
      }
    });
    return { grades, order };
  }

  function splitPool(pool, weights) {
    const clean = weights.map((w) => Math.max(0, w));
    const total = clean.reduce((s, w) => s + w, 0);
    const n = clean.length;
    const shares = [];
    const rema = [];
    for (const w of clean) {
      const exact = total === 0 ? pool / n : (pool * w) / total;
      const floor = Math.floor(exact * 100) / 100;
      shares.push(floor);
      rema.push(exact - floor);
    }
    let left = Math.round((pool - shares.reduce((s, x) => s + x, 0)) * 100);
    const order = rema.map((_, i) => i).sort((a, b) => rema[b] - rema[a] || a - b);
    for (let k = 0; left > 0; k = (k + 1) % n, left--) shares[order[k]] = round2(shares[order[k]] + 0.01);
    return shares;
  }
  const GRADE_MULT = [1.1, 1, 1, 0.8];
  const SALARY = { new_business: [5500, 4500], account_manager: [5800, 4800], regional_manager: [9000, 7000] };

  function prepare(table) {
    const v = {};
    for (const [name, cells] of Object.entries(table.cells)) v[name] = Float64Array.from(cells, Number);
    return { ...table, v, month: Number(table.period.slice(5)) - 1 };
  }

  function evaluate(t, params = PLAN_PARAMS) {
    const { v, month } = t;
    const n = t.ids.length;
    const newRates = params.newTierRates.map((r) => r / 100);
    const reps = new Array(n);
    const scores = new Array(n);
    for (let i = 0; i < n; i++) {
      const role = t.roles[i];
      const m = {
        conversion: div(v.new_customers[i], v.visits[i]),
        repurchase: div(v.repurchasing_customers[i], v.existing_customers[i]),
        collection: div(v.revenue_collected[i], v.receivable[i]),
        regionAttainment: div(v.region_revenue[i], v.region_target[i]),
        marketShare: div(v.region_revenue[i], v.market_size[i]),
        revenuePerHead: div(v.region_revenue[i], v.region_headcount[i]),
        newCustomerGoal: goal(role === 'account_manager' ? 20 : 32, month),
      };
      const kpis = cards[role](v, i, m, t.regions[i]).concat(shared(v, i)).map(round2);
      const weighted = kpis.reduce((s, k) => s + k, 0);
      const pts = (x, per, cap) => Math.min(cap, Math.max(0, x) * per);
      const bonus = Math.min(4, pts(v.big_contracts[i], 2, 4) + pts(v.praise[i], 1, 3) + pts(v.innovation[i], 2, 2));
      const penalty = Math.min(10, pts(v.complaints[i], 3, 6));
      const score = round2(weighted + round2(bonus) - round2(penalty));
      scores[i] = score;
      const actual = v.revenue_collected[i];
      const target = v.revenue_target[i];
      const lineTarget = target * 0.75;
      const base = v.revenue_new[i];
      const bounds = [0, lineTarget, lineTarget * 1.2];
      let newPay = 0;
      for (let k = 0; k < 3; k++) {
        if (k > 0 && base <= bounds[k]) break;
        const top = k < 2 ? Math.min(base, bounds[k + 1]) : base;
        newPay += (k === 0 ? top : top - bounds[k]) * newRates[k];
      }
      if (m.collection < 0.9) newPay *= 0.9;
      const ex = v.revenue_existing[i];
      const existingPay = ex * (ex >= 250000 ? 0.03 : ex >= 100000 ? 0.025 : 0.02);
      const over = actual > target * 1.2 ? (actual - target * 1.2) * 0.01 : 0;
      const salary = SALARY[role][v.city_tier[i] === 1 ? 0 : 1];
      reps[i] = {
        rep_id: t.ids[i],
        region: t.regions[i],
        role,
        score,
        attainment_actual: actual,
        attainment_pct: round2((actual / target) * 100),
        newPay,
        existingPay,
        over,
        nps: v.nps[i] >= 90 ? 1000 : 0,
        rankMeasure: v.new_customers[i],
        base_total: salary + 800 + 300,
      };
    }
    const { grades, order } = enforce(scores);
    const rankOf = new Array(n);
    order.forEach((i, k) => (rankOf[i] = k > 0 && scores[order[k - 1]] === scores[i] ? rankOf[order[k - 1]] : k + 1));

    const rankBonus = new Float64Array(n);
    const byRegion = new Map();
    for (let i = 0; i < n; i++) {
      if (grades[i] <= 2 && reps[i].rankMeasure > 0) {
        if (!byRegion.has(reps[i].region)) byRegion.set(reps[i].region, []);
        byRegion.get(reps[i].region).push(i);
      }
    }
    for (const members of byRegion.values()) {
      const sorted = [...members].sort((a, b) => reps[b].rankMeasure - reps[a].rankMeasure || a - b);
      for (let k = 0; k < sorted.length && k < 3; ) {
        let end = k + 1;
        while (end < sorted.length && reps[sorted[end]].rankMeasure === reps[sorted[k]].rankMeasure) end++;
        const rank = k + 1;
        const tied = sorted.slice(k, end).sort((a, b) => a - b);
        if (rank + tied.length - 1 <= 3) tied.forEach((i) => (rankBonus[i] = 2000));
        else splitPool(2000 * (3 + 1 - rank), tied.map(() => 1)).forEach((s, j) => (rankBonus[tied[j]] = s));
        k = end;
      }
    }
    const pool = new Float64Array(n);
    const regions = new Map();
    for (let i = 0; i < n; i++) {
      const g = regions.get(t.regions[i]) ?? { members: [], a: 0, t: 0 };
      g.members.push(i);
      g.a += v.revenue_collected[i];
      g.t += v.revenue_target[i];
      regions.set(t.regions[i], g);
    }
    const names = [...regions.keys()].sort();
    const att = names.map((r) => (regions.get(r).t > 0 ? regions.get(r).a / regions.get(r).t : 0));
    const best = Math.max(...att);
    const winners = names.filter((_, g) => att[g] === best);
    const groupPools = splitPool(30000, winners.map(() => 1));
    winners.forEach((name, w) => {
      const members = regions.get(name).members;
      splitPool(groupPools[w], members.map((i) => v.revenue_collected[i])).forEach((s, j) => (pool[members[j]] = s));
    });

    for (let i = 0; i < n; i++) {
      const r = reps[i];
      const g = grades[i];
      r.grade = GRADES[g];
      r.rank = rankOf[i];
      const p1 = Math.min(12000, r.newPay * GRADE_MULT[g]);
      r.commission = [round2(p1), round2(r.existingPay * GRADE_MULT[g])];
      r.bonuses = [round2(r.over), r.nps, round2(rankBonus[i]), round2(pool[i])];
      const variable = r.commission.concat(r.bonuses).reduce((s, x) => s + x, 0);
      r.total_pay = round2(r.base_total + variable);
      const share = r.total_pay > 0 ? r.base_total / r.total_pay : null;
      r.warning = share !== null && (share < 0.25 || share > 0.6);
    }
    return { reps, totals: totals(reps) };
  }

  function group(name, members) {
    const n = members.length;
    const pay = members.reduce((s, r) => s + r.total_pay, 0);
    const score = members.reduce((s, r) => s + r.score, 0);
    const revenue = members.reduce((s, r) => s + r.attainment_actual, 0);
    return {
      group: name,
      reps: n,
      total_pay: round2(pay),
      average_pay: n ? round2(pay / n) : 0,
      average_score: n ? round2(score / n) : 0,
      revenue,
      pay_pct_of_revenue: revenue > 0 ? round2((pay * 100) / revenue) : null,
    };
  }
  function totals(reps) {
    const sum = (f) => round2(reps.reduce((s, r) => s + f(r), 0));
    const by = (key) => {
      const m = new Map();
      for (const r of reps) (m.get(r[key]) ?? m.set(r[key], []).get(r[key])).push(r);
      return [...m.keys()].sort().map((k) => group(k, m.get(k)));
    };
    const all = group('all', reps);
    return {
      reps: reps.length,
      base_pay: sum((r) => r.base_total),
      commission: sum((r) => r.commission[0] + r.commission[1]),
      bonuses: sum((r) => r.bonuses.reduce((s, x) => s + x, 0)),
      total_pay: all.total_pay,
      average_pay: all.average_pay,
      average_score: all.average_score,
      revenue: all.revenue,
      pay_pct_of_revenue: all.pay_pct_of_revenue,
      reps_with_warnings: reps.filter((r) => r.warning).length,
      by_region: by('region'),
      by_role: by('role'),
      grades: GRADES.map((g) => ({ grade: g, reps: reps.filter((r) => r.grade === g).length })),
    };
  }

  return { prepare, evaluate, name: 'floats' };
}
