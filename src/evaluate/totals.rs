//! Totals over the evaluated reps: the plan's cost (base, commission, bonuses,
//! adjustments, total), averages, revenue and pay as a share of it, by region and by role,
//! grade counts and the distribution report. Sums are exact; an overflow is an error.

use super::results::{GradeCount, GroupTotal, RepResult, Totals};
use super::settle::sum;
use crate::plan::{CompiledPlan, RoundingMode};
use crate::problem::Problem;
use crate::score::distribution_report;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The totals `what` (a figure such as `base_pay`, or a group: `all`, a region, a role) do
/// not fit a `Decimal`.
fn too_large(what: &str) -> Problem {
    Problem::error(
        "overflow",
        format!("totals.{what}"),
        None,
        format!("the totals {} are too large to add up exactly: look in the data for a figure typed wrongly", if what == "all" { "over all reps".to_string() } else { format!("for `{what}`") }),
        format!("{}的合计数值过大，无法精确求和：请检查数据中是否有录入错误的数值", if what == "all" { "全部销售代表".to_string() } else { format!("`{what}` ") }),
    )
}

pub(super) fn totals(plan: &CompiledPlan, reps: &[RepResult], excluded: usize) -> Result<Totals, Problem> {
    let all: Vec<&RepResult> = reps.iter().collect();
    let overall = group(plan, "all", &all)?;
    let total = |f: &dyn Fn(&RepResult) -> Decimal, what: &str| sum(reps.iter().map(f)).ok_or_else(|| too_large(what));
    let line_sum = |f: fn(&RepResult) -> Option<Decimal>, what: &str| -> Result<Decimal, Problem> {
        let per_rep = reps.iter().map(f).collect::<Option<Vec<_>>>().ok_or_else(|| too_large(what))?;
        sum(per_rep.into_iter()).ok_or_else(|| too_large(what))
    };
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
        base_pay: total(&|r| r.base_total, "base_pay")?,
        commission: line_sum(|r| sum(r.commission.iter().map(|l| l.pay)), "commission")?,
        bonuses: line_sum(|r| sum(r.bonuses.iter().map(|b| b.amount)), "bonuses")?,
        adjustments: line_sum(|r| sum(r.adjustments.iter().map(|a| a.amount)), "adjustments")?,
        variable_pay: total(&|r| r.variable_pay, "variable_pay")?,
        total_pay: overall.total_pay,
        average_pay: overall.average_pay,
        average_score: overall.average_score,
        revenue: overall.revenue,
        pay_pct_of_revenue: overall.pay_pct_of_revenue,
        reps_with_warnings: reps.iter().filter(|r| !r.warnings.is_empty()).count(),
        by_region: groups(plan, reps, |r| &r.region)?,
        by_role: groups(plan, reps, |r| &r.role)?,
        grades,
        distribution,
    })
}

fn groups(plan: &CompiledPlan, reps: &[RepResult], key: fn(&RepResult) -> &String) -> Result<Vec<GroupTotal>, Problem> {
    let mut by: BTreeMap<&str, Vec<&RepResult>> = BTreeMap::new();
    for r in reps {
        by.entry(key(r)).or_default().push(r);
    }
    by.iter().map(|(name, members)| group(plan, name, members)).collect()
}

fn group(plan: &CompiledPlan, name: &str, members: &[&RepResult]) -> Result<GroupTotal, Problem> {
    let total = |f: &dyn Fn(&RepResult) -> Decimal| sum(members.iter().map(|r| f(r))).ok_or_else(|| too_large(name));
    let pay = total(&|r| r.total_pay)?;
    let score = total(&|r| r.score)?;
    let revenue = match plan.attainment {
        Some(_) => Some(total(&|r| r.attainment_actual.unwrap_or_default())?),
        None => None,
    };
    let rounding = &plan.plan.rounding;
    let mut total_pay = pay;
    total_pay.rescale(rounding.money_scale);
    Ok(GroupTotal {
        group: name.to_string(),
        reps: members.len(),
        total_pay,
        average_pay: rounding.mode.apply(average(pay, members.len()), rounding.money_scale),
        average_score: RoundingMode::HalfUp.apply(average(score, members.len()), 2),
        revenue,
        pay_pct_of_revenue: revenue.filter(|r| *r > Decimal::ZERO).and_then(|r| pay.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(r)).map(|p| RoundingMode::HalfUp.apply(p, 2)),
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
