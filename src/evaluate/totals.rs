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

/// The figures the totals add up, in the order an overflow is looked for: the first figure
/// whose sum over the reps, in their order, does not fit is the one named.
const FIGURES: [Figure; 8] = [TOTAL_PAY, SCORE, REVENUE, BASE_PAY, COMMISSION, BONUSES, ADJUSTMENTS, VARIABLE_PAY];

/// A rep and its part of each of [`FIGURES`], worked out once for the team, its region and
/// its role: `None` when the rep's own figures (its commission lines, its bonuses, its
/// clawbacks) do not add up.
struct Parts<'a> {
    rep: &'a RepResult,
    figures: [Option<Decimal>; 8],
}

impl<'a> Parts<'a> {
    fn of(rep: &'a RepResult) -> Parts<'a> {
        Parts {
            rep,
            figures: [
                Some(rep.total_pay),
                Some(rep.score),
                Some(rep.attainment_actual.unwrap_or_default()),
                Some(rep.base_total),
                sum(rep.commission.iter().map(|l| l.pay)),
                sum(rep.bonuses.iter().map(|b| b.amount)),
                sum(rep.adjustments.iter().map(|a| a.amount)),
                Some(rep.variable_pay),
            ],
        }
    }
}

/// The sums of [`FIGURES`] over a group of reps, and how many they are.
type Sums = ([Decimal; 8], usize);

/// The sums of [`FIGURES`] over `members`, every figure of a rep at once. On overflow, an
/// `overflow` error at `<scope>.<figure>` naming the figure and the rep at which the sum
/// overflowed, found as [`first_overflow`] finds it.
fn add_up<'a, I>(scope: &Scope, members: I) -> Result<Sums, Problem>
where
    I: IntoIterator<Item = &'a Parts<'a>> + Clone,
{
    let (mut sums, mut count) = ([Decimal::ZERO; 8], 0);
    for member in members.clone() {
        count += 1;
        for (i, value) in member.figures.iter().enumerate() {
            match value.and_then(|v| sums[i].plus(v)) {
                Some(sum) => sums[i] = sum,
                None => return Err(first_overflow(scope, members).unwrap_or_else(|| too_large(scope, FIGURES[i], member.rep, *value, sums[i]))),
            }
        }
    }
    Ok((sums, count))
}

/// The overflow of a sum over `members`, looked for a figure at a time in [`FIGURES`]' order,
/// each over every rep in order: the first figure that does not fit, at the rep where it stops.
fn first_overflow<'a>(scope: &Scope, members: impl IntoIterator<Item = &'a Parts<'a>> + Clone) -> Option<Problem> {
    FIGURES.iter().enumerate().find_map(|(i, figure)| {
        let mut total = Decimal::ZERO;
        for member in members.clone() {
            let value = member.figures[i];
            total = match value.and_then(|v| total.plus(v)) {
                Some(sum) => sum,
                None => return Some(too_large(scope, *figure, member.rep, value, total)),
            };
        }
        None
    })
}

/// The sums of several groups added up, or `None` when one does not fit.
fn added<'a>(groups: impl IntoIterator<Item = &'a Sums>) -> Option<Sums> {
    groups.into_iter().try_fold(([Decimal::ZERO; 8], 0), |(mut sums, count), (group, n)| {
        for (sum, value) in sums.iter_mut().zip(group) {
            *sum = sum.plus(*value)?;
        }
        Some((sums, count + n))
    })
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
    let parts: Vec<Parts> = reps.iter().map(Parts::of).collect();
    let all = Scope::all();
    // The team's sums are its regions' sums added up: a few additions, not one per rep and
    // figure. A sum that does not fit is looked for rep by rep, so that its error names the
    // rep, and the team's error comes before a region's, as the totals list them.
    let by_region = sums_by(&parts, ("by_region", "region", "区域"), |r| r.region.as_str());
    let team = match &by_region {
        Ok(regions) => added(regions.iter().map(|(_, sums)| sums)).map_or_else(|| add_up(&all, &parts), Ok)?,
        Err(_) => add_up(&all, &parts)?,
    };
    let overall = group(plan, "all", team);
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
    let groups = |sums: Vec<(&str, Sums)>| sums.into_iter().map(|(name, sums)| group(plan, name, sums)).collect();
    Ok(Totals {
        reps: reps.len(),
        excluded,
        base_pay: overall.base_pay,
        commission: overall.commission,
        bonuses: overall.bonuses,
        adjustments: overall.adjustments,
        variable_pay: overall.variable_pay,
        total_pay: overall.total_pay,
        average_pay: overall.average_pay,
        average_score: overall.average_score,
        revenue: overall.revenue,
        pay_pct_of_revenue: overall.pay_pct_of_revenue,
        reps_with_warnings: reps.iter().filter(|r| !r.warnings.is_empty()).count(),
        by_region: groups(by_region?),
        by_role: groups(sums_by(&parts, ("by_role", "role", "岗位"), |r| r.role.as_str())?),
        grades,
        distribution,
    })
}

/// The sums of each group of reps by `key`, by name; `(field, en, zh)` say what the groups are.
fn sums_by<'a>(parts: &'a [Parts<'a>], (field, en, zh): (&str, &str, &str), key: fn(&RepResult) -> &str) -> Result<Vec<(&'a str, Sums)>, Problem> {
    crate::grouping::by_name(parts.iter().map(|p| (key(p.rep), p)))
        .into_iter()
        .map(|(name, members)| {
            let scope = Scope { path: format!("totals.{field}.{name}"), en: format!("{en} {name}"), zh: format!("{zh} {name} ") };
            Ok((name, add_up(&scope, members.iter().copied())?))
        })
        .collect()
}

/// The totals of the group `name` from its sums.
fn group(plan: &CompiledPlan, name: &str, ([pay, score, revenue, base, commission, bonuses, adjustments, variable], count): Sums) -> GroupTotal {
    let revenue = plan.attainment.as_ref().map(|_| revenue);
    let rounding = &plan.plan.rounding;
    // Money to the cent, also a sum of nothing (no bonuses: 0.00, not 0).
    let money = |value: Decimal| crate::rounding::pad(value, rounding.money_scale);
    let mut total_pay = pay;
    total_pay.rescale(rounding.money_scale);
    GroupTotal {
        group: name.to_string(),
        reps: count,
        base_pay: money(base),
        commission: money(commission),
        bonuses: money(bonuses),
        adjustments: money(adjustments),
        variable_pay: money(variable),
        total_pay,
        average_pay: rounding.mode.apply(average(pay, count), rounding.money_scale),
        average_score: RoundingMode::HalfUp.apply(average(score, count), 2),
        revenue,
        pay_pct_of_revenue: revenue.filter(|r| *r > Decimal::ZERO).and_then(|r| pay.times(Decimal::ONE_HUNDRED)?.checked_div(r)).map(|p| RoundingMode::HalfUp.apply(p, 2)),
    }
}

/// `sum / n`, or 0 for no members.
pub(super) fn average(sum: Decimal, n: usize) -> Decimal {
    if n == 0 {
        Decimal::ZERO
    } else {
        sum / Decimal::from(n) // ok: n > 0, and a quotient is never larger than a sum that fits
    }
}
