//! Scenario comparison, the consultant's core question: the same reps under a baseline plan
//! and a variant — per rep the change in score, grade and pay, who gains and who loses,
//! and what the variant costs compared with the baseline, overall and by region.

use crate::evaluate::Evaluation;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::collections::BTreeMap;

/// One rep under both plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RepDelta {
    /// The rep's id in the data, e.g. `E01`.
    pub rep_id: String,
    /// The rep's name.
    pub name: String,
    /// The rep's Chinese name; empty when the data has none.
    pub name_zh: String,
    /// The rep's region.
    pub region: String,
    /// The rep's role.
    pub role: String,
    /// The score under the baseline plan.
    pub score_before: Decimal,
    /// The score under the variant (the current plan).
    pub score_after: Decimal,
    /// `score_after − score_before`.
    pub score_delta: Decimal,
    /// The grade under the baseline plan.
    pub grade_before: String,
    /// The grade under the variant.
    pub grade_after: String,
    /// Total pay under the baseline plan, in the plan's currency.
    pub pay_before: Decimal,
    /// Total pay under the variant.
    pub pay_after: Decimal,
    /// `pay_after − pay_before`: positive for a gain.
    pub pay_delta: Decimal,
    /// The change in percent of the baseline pay, 2 places half up (null when the baseline pays 0).
    pub pay_delta_pct: Option<Decimal>,
}

/// A region's cost under both plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GroupDelta {
    /// The region.
    pub group: String,
    /// Its reps' total pay under the baseline plan.
    pub before: Decimal,
    /// Its reps' total pay under the variant.
    pub after: Decimal,
    /// `after − before`.
    pub delta: Decimal,
}

/// The variant against the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Comparison {
    /// The period compared (for year-to-date, the last one).
    pub period: String,
    /// Reps evaluated under both plans, biggest pay gain first.
    pub reps: Vec<RepDelta>,
    /// Reps paid more under the variant.
    pub gainers: usize,
    /// Reps paid less under the variant.
    pub losers: usize,
    /// Reps paid the same.
    pub unchanged: usize,
    /// Reps whose grade differs between the plans.
    pub grade_changes: usize,
    /// Total pay under the baseline, over the reps evaluated under both plans.
    pub cost_before: Decimal,
    /// Total pay under the variant, over the reps evaluated under both plans.
    pub cost_after: Decimal,
    /// `cost_after − cost_before`.
    pub cost_delta: Decimal,
    /// The change in percent of `cost_before`, 2 places half up; null when it is 0.
    pub cost_delta_pct: Option<Decimal>,
    /// The cost per region, sorted by name.
    pub by_region: Vec<GroupDelta>,
    /// Reps evaluated under the baseline only (left out by the variant), by id; not in the costs.
    pub only_before: Vec<String>,
    /// Reps evaluated under the variant only (left out by the baseline), by id; not in the costs.
    pub only_after: Vec<String>,
}

fn pct(delta: Decimal, base: Decimal) -> Option<Decimal> {
    if base.is_zero() {
        return None;
    }
    let mut p = delta.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(base)?.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    p.rescale(2);
    Some(p)
}

/// Compares `after` (the variant) with `before` (the baseline). Sums are of figures the
/// evaluations already added up exactly, so they cannot overflow.
pub fn compare(before: &Evaluation, after: &Evaluation) -> Comparison {
    let by_id: BTreeMap<&str, &crate::evaluate::RepResult> = before.reps.iter().map(|r| (r.rep_id.as_str(), r)).collect();
    let mut reps: Vec<RepDelta> = after
        .reps
        .iter()
        .filter_map(|a| {
            let b = by_id.get(a.rep_id.as_str())?;
            let pay_delta = a.total_pay - b.total_pay;
            Some(RepDelta {
                rep_id: a.rep_id.clone(),
                name: a.name.clone(),
                name_zh: a.name_zh.clone(),
                region: a.region.clone(),
                role: a.role.clone(),
                score_before: b.score,
                score_after: a.score,
                score_delta: a.score - b.score,
                grade_before: b.grade.clone(),
                grade_after: a.grade.clone(),
                pay_before: b.total_pay,
                pay_after: a.total_pay,
                pay_delta,
                pay_delta_pct: pct(pay_delta, b.total_pay),
            })
        })
        .collect();
    reps.sort_by(|x, y| y.pay_delta.cmp(&x.pay_delta).then_with(|| x.rep_id.cmp(&y.rep_id)));
    let in_after: Vec<&str> = after.reps.iter().map(|r| r.rep_id.as_str()).collect();
    let only_before = before.reps.iter().filter(|r| !in_after.contains(&r.rep_id.as_str())).map(|r| r.rep_id.clone()).collect();
    let only_after = after.reps.iter().filter(|r| !by_id.contains_key(r.rep_id.as_str())).map(|r| r.rep_id.clone()).collect();
    let (cost_before, cost_after): (Decimal, Decimal) = reps.iter().fold((Decimal::ZERO, Decimal::ZERO), |(b, a), r| (b + r.pay_before, a + r.pay_after));
    let mut regions: BTreeMap<&str, (Decimal, Decimal)> = BTreeMap::new();
    for r in &reps {
        let e = regions.entry(r.region.as_str()).or_default();
        e.0 += r.pay_before;
        e.1 += r.pay_after;
    }
    Comparison {
        period: after.period.clone(),
        gainers: reps.iter().filter(|r| r.pay_delta > Decimal::ZERO).count(),
        losers: reps.iter().filter(|r| r.pay_delta < Decimal::ZERO).count(),
        unchanged: reps.iter().filter(|r| r.pay_delta.is_zero()).count(),
        grade_changes: reps.iter().filter(|r| r.grade_before != r.grade_after).count(),
        cost_before,
        cost_after,
        cost_delta: cost_after - cost_before,
        cost_delta_pct: pct(cost_after - cost_before, cost_before),
        by_region: regions.into_iter().map(|(g, (b, a))| GroupDelta { group: g.to_string(), before: b, after: a, delta: a - b }).collect(),
        only_before,
        only_after,
        reps,
    }
}
