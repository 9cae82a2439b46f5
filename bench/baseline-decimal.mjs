// Baseline: the benchmark plan (bench/full-plan.json) written by hand in plain JavaScript
// with decimal.js, as a portal developer would write it for this one plan: exact decimal
// money, the same rules as docs/plan-format.md states them. Used by the benchmarks to time
// the engine against, and to check that the two agree to the cent on every rep.
//
//   const baseline = makeDecimalBaseline(Decimal);
//   const prepared = baseline.prepare(table);          // once, when the data is loaded
//   const result = baseline.evaluate(prepared, params); // { reps: [...], totals }
//
// `params.newTierRates` are the new-customer line's tier rates in percent ([4, 5, 6] in the
// plan file): the benchmarks change one of them to time a re-evaluation after an edit.
// Works in Node and in the browser; Decimal is passed in.

export const PLAN_PARAMS = { newTierRates: [4, 5, 6] };

export function makeDecimalBaseline(Decimal) {
  const D = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_UP });
  const d = (x) => new D(x);
  const ZERO = d(0);
  const HUNDRED = d(100);
  const CENT = d('0.01');
  const round2 = (x) => x.toDecimalPlaces(2, D.ROUND_HALF_UP);
  const div = (a, b) => (b.isZero() ? ZERO : a.div(b)); // the plan's formulas: x / 0 = 0

  // --- Scoring --------------------------------------------------------------------------
  // ratio: threshold, then cap, then floor, then × weight (within its limits, actual × weight
  // / target: multiplied first, as the engine does, so a score that comes out even is exact);
  // inverse: target / actual.
  const ratio = (actual, target, weight, cap, threshold) => {
    if (!target.gt(0)) throw new Error('target_not_positive');
    const r = actual.div(target);
    if (threshold && r.lt(threshold)) return ZERO;
    if (cap && r.gt(cap)) return cap.times(weight);
    return actual.times(weight).div(target);
  };
  const inverse = (actual, target, weight, cap) => (actual.lte(0) ? cap.times(weight) : ratio(target, actual, weight, cap, null));
  const bands = (value, weight) => (value.gte(95) ? d(1) : value.gte(85) ? d('0.8') : value.gte(75) ? d('0.6') : d('0.3')).times(weight);
  const rating360 = (v, i, weight) =>
    v.rating_superior[i].times('0.6').plus(v.rating_customer[i].times('0.2')).plus(v.rating_peer[i].times('0.2')).times(weight).div(100);
  const deduction = (events, perEvent, weight) => {
    const left = weight.minus((events.lt(0) ? ZERO : events).times(perEvent));
    return left.lt(0) ? ZERO : left;
  };
  const [c1, c12] = [d(1), d('1.2')];
  // Behaviour (20) and ability (15): the same on every card.
  const shared = (v, i) => [
    ratio(v.visits[i], d(15), d(6), c1),
    inverse(v.response_hours[i], d('1.5'), d(6), c1),
    ratio(v.teamwork_rating[i], d(95), d(4), c1),
    deduction(v.violations[i], d(2), d(4)),
    bands(v.product_test[i], d(4)),
    rating360(v, i, d(4)),
    ratio(v.training_hours[i], d(6), d(3), c1),
    ratio(v.nps[i], d(90), d(4), c1),
  ];
  const marketShareTarget = { East: d('0.45'), South: d('0.4'), Southwest: d('0.35'), Northwest: d('0.5') };
  const cards = {
    new_business: (v, i, m) => [
      ratio(v.revenue_new[i], v.revenue_target[i].times('0.85'), d(30), c12, d('0.5')),
      ratio(v.new_customers[i], m.newCustomerGoal, d(20), c12),
      ratio(m.conversion, d('0.15'), d(15), c12),
    ],
    account_manager: (v, i, m) => [
      ratio(m.repurchase, d('0.85'), d(30), c12, d('0.5')),
      ratio(v.upsell_revenue[i], v.revenue_target[i].times('0.3'), d(20), c12),
      ratio(m.collection, d('0.98'), d(15), c1, d('0.8')),
    ],
    regional_manager: (v, i, m, region) => [
      ratio(m.regionAttainment, d('0.9'), d(35), c12, d('0.6')),
      ratio(m.marketShare, marketShareTarget[region] ?? d('0.4'), d(20), c12),
      ratio(m.revenuePerHead, div(v.region_target[i], v.region_headcount[i]).times('0.95'), d(10), c12),
    ],
  };
  // The annual new-customer goal (32, account managers 20) split evenly over 12 months:
  // each month rounded to the cent, December takes the remainder.
  const twelfth = d(1).div(12);
  const goal = (annual, month) => {
    const part = round2(d(annual).times(twelfth));
    return month < 11 ? part : d(annual).minus(part.times(11));
  };

  // --- Grades: forced distribution, enforced (S 15, A 35, B 40, C 10) ---------------------
  const GRADES = ['S', 'A', 'B', 'C'];
  const QUOTAS = [15, 35, 40, 10];
  function enforce(scores) {
    const n = scores.length;
    const order = scores.map((_, i) => i).sort((a, b) => scores[b].cmp(scores[a]) || a - b);
    let cumulative = 0;
    const bounds = QUOTAS.map((q) => {
      cumulative += q;
      return Number(d(n).times(cumulative).div(100).toDecimalPlaces(0, D.ROUND_HALF_UP));
    });
    const grades = new Array(n);
    order.forEach((i, rank) => {
      const above = rank > 0 ? order[rank - 1] : -1;
      if (above >= 0 && scores[above].eq(scores[i])) grades[i] = grades[above];
      else {
        const g = bounds.findIndex((b) => rank < b);
        grades[i] = g < 0 ? GRADES.length - 1 : g;
      }
    });
    return { grades, order };
  }

  // --- Pay ------------------------------------------------------------------------------
  // Largest remainder: shares cut to the cent, the cents left go to the largest remainders
  // (ties: the earlier rep).
  function splitPool(pool, weights) {
    const clean = weights.map((w) => (w.lt(0) ? ZERO : w));
    const total = clean.reduce((s, w) => s.plus(w), ZERO);
    const n = clean.length;
    const shares = [];
    const rema = [];
    // The remainder kept whole, over the divisor (pool × weight − share × divisor), so that
    // equal remainders compare equal however the quotient is cut.
    const divisor = total.isZero() ? d(n) : total;
    for (const w of clean) {
      const product = total.isZero() ? pool : pool.times(w);
      const floor = product.div(divisor).toDecimalPlaces(2, D.ROUND_DOWN);
      shares.push(floor);
      rema.push(product.minus(floor.times(divisor)));
    }
    let left = pool.minus(shares.reduce((s, x) => s.plus(x), ZERO));
    const order = rema.map((_, i) => i).sort((a, b) => rema[b].cmp(rema[a]) || a - b);
    for (let k = 0; left.gte(CENT); k = (k + 1) % n) {
      shares[order[k]] = shares[order[k]].plus(CENT);
      left = left.minus(CENT);
    }
    return shares;
  }
  const GRADE_MULT = [d('1.1'), d(1), d(1), d('0.8')];
  const SALARY = {
    new_business: [d(5500), d(4500)],
    account_manager: [d(5800), d(4800)],
    regional_manager: [d(9000), d(7000)],
  };
  const ALLOWANCES = d(800).plus(300);
  const [SHARE_LOW, SHARE_HIGH] = [d('0.25'), d('0.6')];

  /** The numeric columns as decimal.js values (once, at load). */
  function prepare(table) {
    const v = {};
    for (const [name, cells] of Object.entries(table.cells)) v[name] = cells.map((c) => d(c));
    const month = Number(table.period.slice(5)) - 1;
    return { ...table, v, month };
  }

  function evaluate(t, params = PLAN_PARAMS) {
    const { v, month } = t;
    const n = t.ids.length;
    const newRates = params.newTierRates.map((r) => d(r).div(100));
    const existingTiers = [[d(250000), d('0.03')], [d(100000), d('0.025')], [ZERO, d('0.02')]];
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
      const weighted = kpis.reduce((s, k) => s.plus(k), ZERO);
      // Points: each item capped, then the totals.
      const pts = (x, per, cap) => {
        const p = (x.lt(0) ? ZERO : x).times(per);
        return p.gt(cap) ? d(cap) : p;
      };
      let bonus = pts(v.big_contracts[i], 2, 4).plus(pts(v.praise[i], 1, 3)).plus(pts(v.innovation[i], 2, 2));
      let penalty = pts(v.complaints[i], 3, 6);
      if (bonus.gt(4)) bonus = d(4);
      if (penalty.gt(10)) penalty = d(10);
      const score = weighted.plus(round2(bonus)).minus(round2(penalty));
      scores[i] = score;
      const actual = v.revenue_collected[i];
      const target = v.revenue_target[i];
      // New-customer line: marginal tiers on attainment of 75% of the revenue target.
      const lineTarget = target.times('0.75');
      if (!lineTarget.gt(0)) throw new Error('target_not_positive');
      const base = v.revenue_new[i];
      const bounds = [ZERO, lineTarget, lineTarget.times('1.2')];
      let newPay = ZERO;
      for (let k = 0; k < 3; k++) {
        if (k > 0 && base.lte(bounds[k])) break;
        const top = k < 2 ? D.min(base, bounds[k + 1]) : base;
        newPay = newPay.plus((k === 0 ? top : top.minus(bounds[k])).times(newRates[k]));
      }
      if (m.collection.lt('0.9')) newPay = newPay.times('0.9');
      // Existing-customer line: retroactive tiers on the amount.
      const ex = v.revenue_existing[i];
      const existingPay = ex.times(existingTiers.find(([from]) => ex.gte(from))?.[1] ?? d('0.02'));
      // Over-achievement and NPS bonuses: the rep's own figures.
      const over = actual.gt(target.times('1.2')) ? actual.minus(target.times('1.2')).times('0.01') : ZERO;
      const nps = v.nps[i].gte(90) ? d(1000) : ZERO;
      const tier = Number(v.city_tier[i]);
      const salary = SALARY[role][tier === 1 ? 0 : 1];
      reps[i] = {
        rep_id: t.ids[i],
        region: t.regions[i],
        role,
        score,
        attainment_actual: actual,
        attainment_pct: round2(actual.div(target).times(HUNDRED)),
        newPay,
        existingPay,
        over,
        nps,
        rankMeasure: v.new_customers[i],
        base_total: salary.plus(ALLOWANCES),
      };
    }
    const { grades, order } = enforce(scores);
    // Rank: equal scores share a rank.
    const rankOf = new Array(n);
    order.forEach((i, k) => (rankOf[i] = k > 0 && scores[order[k - 1]].eq(scores[i]) ? rankOf[order[k - 1]] : k + 1));

    // Rank bonus: top 3 per region by the measure, grades S–B, ties at the last places share.
    const rankBonus = new Array(n).fill(ZERO);
    const byRegion = new Map();
    for (let i = 0; i < n; i++) {
      if (grades[i] <= 2 && reps[i].rankMeasure.gt(0)) {
        if (!byRegion.has(reps[i].region)) byRegion.set(reps[i].region, []);
        byRegion.get(reps[i].region).push(i);
      }
    }
    for (const members of byRegion.values()) {
      const sorted = [...members].sort((a, b) => reps[b].rankMeasure.cmp(reps[a].rankMeasure) || a - b);
      for (let k = 0; k < sorted.length && k < 3; ) {
        let end = k + 1;
        while (end < sorted.length && reps[sorted[end]].rankMeasure.eq(reps[sorted[k]].rankMeasure)) end++;
        const rank = k + 1;
        const tied = sorted.slice(k, end).sort((a, b) => a - b);
        if (rank + tied.length - 1 <= 3) tied.forEach((i) => (rankBonus[i] = d(2000)));
        else splitPool(d(2000).times(3 + 1 - rank), tied.map(() => d(1))).forEach((s, j) => (rankBonus[tied[j]] = s));
        k = end;
      }
    }
    // Team pool: the region with the best attainment (sum collected / sum target) gets 30,000,
    // split by collected revenue.
    const pool = new Array(n).fill(ZERO);
    const regions = new Map();
    for (let i = 0; i < n; i++) {
      const g = regions.get(t.regions[i]) ?? { members: [], a: ZERO, t: ZERO };
      g.members.push(i);
      g.a = g.a.plus(v.revenue_collected[i]);
      g.t = g.t.plus(v.revenue_target[i]);
      regions.set(t.regions[i], g);
    }
    const names = [...regions.keys()].sort();
    const att = names.map((r) => (regions.get(r).t.gt(0) ? regions.get(r).a.div(regions.get(r).t) : ZERO));
    const best = att.reduce((m, x) => (x.gt(m) ? x : m), att[0]);
    const winners = names.filter((_, g) => att[g].eq(best));
    const groupPools = splitPool(d(30000), winners.map(() => d(1)));
    winners.forEach((name, w) => {
      const members = regions.get(name).members;
      splitPool(winners.length === 1 ? d(30000) : groupPools[w], members.map((i) => v.revenue_collected[i])).forEach((s, j) => (pool[members[j]] = s));
    });

    // Settle each rep.
    for (let i = 0; i < n; i++) {
      const r = reps[i];
      const g = grades[i];
      r.grade = GRADES[g];
      r.rank = rankOf[i];
      let p1 = r.newPay.isZero() ? r.newPay : r.newPay.times(GRADE_MULT[g]);
      if (p1.gt(12000)) p1 = d(12000);
      const p2 = r.existingPay.isZero() ? r.existingPay : r.existingPay.times(GRADE_MULT[g]);
      r.commission = [round2(p1), round2(p2)];
      r.bonuses = [round2(r.over), r.nps, round2(rankBonus[i]), round2(pool[i])];
      const variable = r.commission.concat(r.bonuses).reduce((s, x) => s.plus(x), ZERO);
      r.total_pay = round2(r.base_total.plus(variable));
      const share = r.total_pay.gt(0) ? r.base_total.div(r.total_pay) : null;
      r.warning = share !== null && (share.lt(SHARE_LOW) || share.gt(SHARE_HIGH));
    }
    return { reps, totals: totals(reps) };
  }

  function group(name, members) {
    const pay = members.reduce((s, r) => s.plus(r.total_pay), ZERO);
    const score = members.reduce((s, r) => s.plus(r.score), ZERO);
    const revenue = members.reduce((s, r) => s.plus(r.attainment_actual), ZERO);
    const n = members.length;
    const pct = revenue.gt(0) ? round2(pay.times(HUNDRED).div(revenue)) : null;
    return { group: name, reps: n, total_pay: pay, average_pay: n ? round2(pay.div(n)) : ZERO, average_score: n ? round2(score.div(n)) : ZERO, revenue, pay_pct_of_revenue: pct };
  }
  function totals(reps) {
    const sum = (f) => reps.reduce((s, r) => s.plus(f(r)), ZERO);
    const by = (key) => {
      const m = new Map();
      for (const r of reps) (m.get(r[key]) ?? m.set(r[key], []).get(r[key])).push(r);
      return [...m.keys()].sort().map((k) => group(k, m.get(k)));
    };
    const all = group('all', reps);
    return {
      reps: reps.length,
      base_pay: sum((r) => r.base_total),
      commission: sum((r) => r.commission[0].plus(r.commission[1])),
      bonuses: sum((r) => r.bonuses.reduce((s, x) => s.plus(x), ZERO)),
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

  return { prepare, evaluate, name: 'decimal.js' };
}
