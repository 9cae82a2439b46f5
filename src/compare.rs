//! Scenario comparison, the consultant's core question: the same reps under a baseline plan
//! and a variant — per rep the change in score, grade and pay, who gains and who loses,
//! and what the variant costs compared with the baseline, overall and by region.

use crate::calc::Checked;
use crate::evaluate::Evaluation;
use crate::label::Label;
use crate::problem::Problem;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;

/// One rep under both plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RepDelta {
    /// The rep's id in the data, e.g. `E01`.
    pub rep_id: Label,
    /// The rep's name.
    pub name: Label,
    /// The rep's Chinese name; empty when the data has none.
    pub name_zh: Label,
    /// The rep's region.
    pub region: Label,
    /// The rep's role.
    pub role: Label,
    /// The score under the baseline plan.
    pub score_before: Decimal,
    /// The score under the variant (the current plan).
    pub score_after: Decimal,
    /// `score_after − score_before`.
    pub score_delta: Decimal,
    /// The grade under the baseline plan.
    pub grade_before: Label,
    /// The grade under the variant.
    pub grade_after: Label,
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
    pub only_before: Vec<Label>,
    /// Reps evaluated under the variant only (left out by the baseline), by id; not in the costs.
    pub only_after: Vec<Label>,
}

fn pct(delta: Decimal, base: Decimal) -> Option<Decimal> {
    if base.is_zero() {
        return None;
    }
    let mut p = delta.times(Decimal::ONE_HUNDRED)?.checked_div(base)?.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    p.rescale(2);
    Some(p)
}

/// Compares `after` (the variant) with `before` (the baseline). Differences and sums are
/// checked: pay can be negative after clawbacks, so a sum over part of the reps can exceed
/// what each evaluation's own total could hold; that is an `overflow` error naming the rep
/// or the figure, never a wrong number.
pub fn compare(before: &Evaluation, after: &Evaluation) -> Result<Comparison, Problem> {
    let by_id: BTreeMap<&str, &crate::evaluate::RepResult> = before.reps.iter().map(|r| (r.rep_id.as_str(), r)).collect();
    let mut reps = Vec::with_capacity(after.reps.len());
    for a in &after.reps {
        let Some(b) = by_id.get(a.rep_id.as_str()) else { continue };
        let pay_delta = difference(a.total_pay, b.total_pay, &format!("reps.{}.pay_delta", a.rep_id))?;
        reps.push(RepDelta {
            rep_id: a.rep_id.clone(),
            name: a.name.clone(),
            name_zh: a.name_zh.clone(),
            region: a.region.clone(),
            role: a.role.clone(),
            score_before: b.score,
            score_after: a.score,
            score_delta: difference(a.score, b.score, &format!("reps.{}.score_delta", a.rep_id))?,
            grade_before: b.grade.clone(),
            grade_after: a.grade.clone(),
            pay_before: b.total_pay,
            pay_after: a.total_pay,
            pay_delta,
            pay_delta_pct: pct(pay_delta, b.total_pay),
        });
    }
    crate::sorting::sort_by(&mut reps, |x, y| y.pay_delta.cmp(&x.pay_delta).then_with(|| x.rep_id.cmp(&y.rep_id)));
    let in_after: FxHashSet<&str> = after.reps.iter().map(|r| r.rep_id.as_str()).collect();
    let only_before = before.reps.iter().filter(|r| !in_after.contains(r.rep_id.as_str())).map(|r| r.rep_id.clone()).collect();
    let only_after = after.reps.iter().filter(|r| !by_id.contains_key(r.rep_id.as_str())).map(|r| r.rep_id.clone()).collect();
    let (mut cost_before, mut cost_after) = (Decimal::ZERO, Decimal::ZERO);
    let mut regions: BTreeMap<&str, (Decimal, Decimal)> = BTreeMap::new();
    for r in &reps {
        cost_before = total(cost_before, r.pay_before, "cost_before")?;
        cost_after = total(cost_after, r.pay_after, "cost_after")?;
        let e = regions.entry(r.region.as_str()).or_default();
        e.0 = total(e.0, r.pay_before, &format!("by_region.{}.before", r.region))?;
        e.1 = total(e.1, r.pay_after, &format!("by_region.{}.after", r.region))?;
    }
    let cost_delta = difference(cost_after, cost_before, "cost_delta")?;
    let mut by_region = Vec::with_capacity(regions.len());
    for (group, (before, after)) in regions {
        let delta = difference(after, before, &format!("by_region.{group}.delta"))?;
        by_region.push(GroupDelta { group: group.to_string(), before, after, delta });
    }
    Ok(Comparison {
        period: after.period.clone(),
        gainers: reps.iter().filter(|r| r.pay_delta > Decimal::ZERO).count(),
        losers: reps.iter().filter(|r| r.pay_delta < Decimal::ZERO).count(),
        unchanged: reps.iter().filter(|r| r.pay_delta.is_zero()).count(),
        grade_changes: reps.iter().filter(|r| r.grade_before != r.grade_after).count(),
        cost_before,
        cost_after,
        cost_delta,
        cost_delta_pct: pct(cost_delta, cost_before),
        by_region,
        only_before,
        only_after,
        reps,
    })
}

/// `after − before`, or an `overflow` error at `path`.
fn difference(after: Decimal, before: Decimal, path: &str) -> Result<Decimal, Problem> {
    after.minus(before).ok_or_else(|| overflow(path))
}

/// `sum + value`, or an `overflow` error at `path`.
fn total(sum: Decimal, value: Decimal, path: &str) -> Result<Decimal, Problem> {
    sum.plus(value).ok_or_else(|| overflow(path))
}

fn overflow(path: &str) -> Problem {
    Problem::error(
        "overflow",
        format!("comparison.{path}"),
        None,
        format!("the comparison's `{path}` is too large to compute exactly"),
        format!("比较结果的 `{path}` 数值过大，无法精确计算"),
    )
}

#[cfg(test)]
mod tests {
    use super::compare;
    use crate::{Workspace, SAMPLE_PLAN_JSON};
    use rust_decimal::Decimal;

    #[test]
    fn a_difference_too_large_for_a_decimal_is_an_overflow_naming_the_rep() {
        let mut ws = Workspace::with_sample_reps();
        assert!(ws.set_plan_json(SAMPLE_PLAN_JSON).ok);
        let before = ws.evaluate("2026-Q4").unwrap();
        let mut after = before.clone();
        // Unchanged plans compare to nothing at all.
        let same = compare(&before, &after).unwrap();
        assert_eq!((same.cost_delta, same.unchanged), (Decimal::ZERO, before.reps.len()));
        let mut low = before.clone();
        low.reps[0].total_pay = -Decimal::MAX;
        after.reps[0].total_pay = Decimal::MAX;
        let e = compare(&low, &after).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("overflow", "comparison.reps.E01.pay_delta"));
        assert_eq!(e.message.zh, "比较结果的 `reps.E01.pay_delta` 数值过大，无法精确计算");
        // Two reps each within range whose sum is not: the cost names itself.
        after.reps[0].total_pay = Decimal::MAX;
        after.reps[1].total_pay = Decimal::MAX;
        let mut high = after.clone();
        high.reps[0].total_pay = Decimal::MAX - Decimal::ONE;
        high.reps[1].total_pay = Decimal::MAX - Decimal::ONE;
        let e = compare(&high, &after).unwrap_err();
        assert_eq!(e.path, "comparison.cost_before");
    }
}
