//! Totals over the evaluated reps: pay, averages, revenue, by region, grade counts and
//! the distribution report. Sums use checked arithmetic; an overflow is an error.

use super::results::{GradeCount, GroupTotal, RepResult, Totals};
use crate::plan::{CompiledPlan, RoundingMode};
use crate::problem::Problem;
use crate::score::distribution_report;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub(super) fn totals(plan: &CompiledPlan, reps: &[RepResult], excluded: usize) -> Result<Totals, Problem> {
    let mut regions: BTreeMap<&str, Vec<&RepResult>> = BTreeMap::new();
    for r in reps {
        regions.entry(&r.region).or_default().push(r);
    }
    let all: Vec<&RepResult> = reps.iter().collect();
    let overall = group(plan, "all", &all)?;
    let bands = &plan.plan.grades.bands;
    let count = |grade: &str| reps.iter().filter(|r| r.grade == grade).count();
    let grades = bands.iter().map(|b| GradeCount { grade: b.grade.clone(), reps: count(&b.grade) }).collect();
    let distribution = match &plan.plan.grades.distribution {
        Some(d) => {
            let guide: Vec<(String, Decimal, Decimal)> = d.guide.iter().map(|g| (g.grade.clone(), g.min_pct, g.max_pct)).collect();
            distribution_report(&guide, count, reps.len())
        }
        None => Vec::new(),
    };
    Ok(Totals {
        reps: reps.len(),
        excluded,
        total_pay: overall.total_pay,
        average_pay: overall.average_pay,
        average_score: overall.average_score,
        revenue: overall.revenue,
        by_region: regions.iter().map(|(name, members)| group(plan, name, members)).collect::<Result<_, _>>()?,
        grades,
        distribution,
    })
}

fn group(plan: &CompiledPlan, name: &str, members: &[&RepResult]) -> Result<GroupTotal, Problem> {
    let too_large = || {
        Problem::error(
            "overflow",
            format!("totals.{name}"),
            None,
            "the totals are too large to add up exactly".into(),
            "合计数值过大,无法精确求和".into(),
        )
    };
    let sum = |f: &dyn Fn(&RepResult) -> Decimal| members.iter().try_fold(Decimal::ZERO, |s, r| s.checked_add(f(r))).ok_or_else(too_large);
    let pay = sum(&|r| r.total_pay)?;
    let score = sum(&|r| r.score)?;
    let revenue = match plan.attainment {
        Some(_) => Some(sum(&|r| r.attainment_actual.unwrap_or_default())?),
        None => None,
    };
    let rounding = &plan.plan.rounding;
    Ok(GroupTotal {
        group: name.to_string(),
        reps: members.len(),
        total_pay: pay,
        average_pay: rounding.mode.apply(average(pay, members.len()), rounding.money_scale),
        average_score: RoundingMode::HalfUp.apply(average(score, members.len()), 2),
        revenue,
    })
}

/// `sum / n`, or 0 for no members.
pub(super) fn average(sum: Decimal, n: usize) -> Decimal {
    if n == 0 {
        Decimal::ZERO
    } else {
        sum / Decimal::from(n) // ok: n > 0, and a quotient is never larger than a sum that fits
    }
}
