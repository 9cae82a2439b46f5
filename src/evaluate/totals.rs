//! Totals over the evaluated reps: the plan's cost (base, commission, bonuses,
//! adjustments, total), averages, revenue and pay as a share of it, by region and by role,
//! grade counts and the distribution report. Sums are exact; an overflow is an error.

use super::results::{GradeCount, GroupTotal, RepResult, Totals};
use crate::calc::sum;
use crate::plan::{CompiledPlan, RoundingMode};
use crate::problem::Problem;
use crate::score::distribution_report;
use crate::calc::Checked;
use rust_decimal::Decimal;

/// A figure the totals add up: its field in the totals, and its name in both languages.
type Figure = (&'static str, &'static str, &'static str);

const BASE_PAY: Figure = ("base_pay", "base pay", "基础薪酬");
const COMMISSION: Figure = ("commission", "commission", "提成");
const BONUSES: Figure = ("bonuses", "bonuses", "奖金");
const ADJUSTMENTS: Figure = ("adjustments", "adjustments", "退回");
const VARIABLE_PAY: Figure = ("variable_pay", "variable pay", "浮动薪酬");
const TOTAL_PAY: Figure = ("total_pay", "total pay", "总薪酬");
const SCORE: Figure = ("average_score", "score", "得分");
const REVENUE: Figure = ("revenue", "revenue", "销售额");

/// The reps a total is over: its path in the totals, and who they are in both languages.
struct Scope {
    path: String,
    en: String,
    zh: String,
}

impl Scope {
    fn all() -> Scope {
        Scope { path: "totals".into(), en: "all reps".into(), zh: "全部销售人员".into() }
    }
}

/// The sum of `figure` over `reps`, each rep's part from `part` (`None`: the rep's own
/// figures, such as its commission lines, do not add up). On overflow, an `overflow` error at
/// `<scope>.<figure>` naming the figure and the rep at which the sum overflowed.
fn add_up<'a>(scope: &Scope, figure: Figure, reps: impl IntoIterator<Item = &'a RepResult>, part: impl Fn(&RepResult) -> Option<Decimal>) -> Result<Decimal, Problem> {
    let mut total = Decimal::ZERO;
    for rep in reps {
        let value = part(rep);
        total = value.and_then(|v| total.plus(v)).ok_or_else(|| too_large(scope, figure, rep, value, total))?;
    }
    Ok(total)
}

fn too_large(scope: &Scope, (field, what, what_zh): Figure, rep: &RepResult, value: Option<Decimal>, before: Decimal) -> Problem {
    let who = format!("{} ({})", rep.name, rep.rep_id);
    let who_zh = format!("{}（{}）", rep.display_name_zh(), rep.rep_id);
    let (why, why_zh) = match value {
        Some(v) => (format!("adding their {v} to the {before} of the reps before does not fit"), format!("此前合计 {before}，加上其 {v} 后超出范围")),
        None => (format!("their own {what} does not add up"), format!("其本人的{what_zh}已无法求和")),
    };
    Problem::error(
        "overflow",
        format!("{}.{field}", scope.path),
        Some(rep.rep_id.to_string()),
        format!("the totals are too large to add up exactly: the {what} of {} overflows at {who}: {why}", scope.en),
        format!("合计数值过大，无法精确求和：{}的{what_zh}合计在{who_zh}处溢出：{why_zh}", scope.zh),
    )
}

pub(super) fn totals(plan: &CompiledPlan, reps: &[RepResult], excluded: usize) -> Result<Totals, Problem> {
    let all = Scope::all();
    let overall = group(plan, &all, "all", reps.iter())?;
    let total = |figure: Figure, f: fn(&RepResult) -> Decimal| add_up(&all, figure, reps, |r| Some(f(r)));
    let line_sum = |figure: Figure, f: fn(&RepResult) -> Option<Decimal>| add_up(&all, figure, reps, f);
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
    // Money to the cent, also a sum of nothing (no bonuses: 0.00, not 0).
    let money = |value: Decimal| crate::rounding::pad(value, plan.plan.rounding.money_scale);
    Ok(Totals {
        reps: reps.len(),
        excluded,
        base_pay: money(total(BASE_PAY, |r| r.base_total)?),
        commission: money(line_sum(COMMISSION, |r| sum(r.commission.iter().map(|l| l.pay)))?),
        bonuses: money(line_sum(BONUSES, |r| sum(r.bonuses.iter().map(|b| b.amount)))?),
        adjustments: money(line_sum(ADJUSTMENTS, |r| sum(r.adjustments.iter().map(|a| a.amount)))?),
        variable_pay: money(total(VARIABLE_PAY, |r| r.variable_pay)?),
        total_pay: overall.total_pay,
        average_pay: overall.average_pay,
        average_score: overall.average_score,
        revenue: overall.revenue,
        pay_pct_of_revenue: overall.pay_pct_of_revenue,
        reps_with_warnings: reps.iter().filter(|r| !r.warnings.is_empty()).count(),
        by_region: groups(plan, reps, ("by_region", "region", "区域"), |r| r.region.as_str())?,
        by_role: groups(plan, reps, ("by_role", "role", "岗位"), |r| r.role.as_str())?,
        grades,
        distribution,
    })
}

/// The totals of each group of reps by `key`; `(field, en, zh)` say what the groups are.
fn groups(plan: &CompiledPlan, reps: &[RepResult], (field, en, zh): (&str, &str, &str), key: fn(&RepResult) -> &str) -> Result<Vec<GroupTotal>, Problem> {
    crate::grouping::by_name(reps.iter().map(|r| (key(r), r)))
        .iter()
        .map(|(name, members)| {
            let scope = Scope { path: format!("totals.{field}.{name}"), en: format!("{en} {name}"), zh: format!("{zh} {name} ") };
            group(plan, &scope, name, members.iter().copied())
        })
        .collect()
}

fn group<'a>(plan: &CompiledPlan, scope: &Scope, name: &str, members: impl Iterator<Item = &'a RepResult> + Clone) -> Result<GroupTotal, Problem> {
    let count = members.clone().count();
    let total = |figure: Figure, f: fn(&RepResult) -> Decimal| add_up(scope, figure, members.clone(), |r| Some(f(r)));
    let pay = total(TOTAL_PAY, |r| r.total_pay)?;
    let score = total(SCORE, |r| r.score)?;
    let revenue = match plan.attainment {
        Some(_) => Some(total(REVENUE, |r| r.attainment_actual.unwrap_or_default())?),
        None => None,
    };
    let rounding = &plan.plan.rounding;
    let mut total_pay = pay;
    total_pay.rescale(rounding.money_scale);
    Ok(GroupTotal {
        group: name.to_string(),
        reps: count,
        total_pay,
        average_pay: rounding.mode.apply(average(pay, count), rounding.money_scale),
        average_score: RoundingMode::HalfUp.apply(average(score, count), 2),
        revenue,
        pay_pct_of_revenue: revenue.filter(|r| *r > Decimal::ZERO).and_then(|r| pay.times(Decimal::ONE_HUNDRED)?.checked_div(r)).map(|p| RoundingMode::HalfUp.apply(p, 2)),
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
