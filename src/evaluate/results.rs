//! What an evaluation returns: per rep every figure with its explanation, and the totals.

use crate::explain::Explanation;
use crate::pay::{DrawStep, TierSlice};
use crate::problem::Problem;
use crate::score::{GradeShareResult, PointResult};
use rust_decimal::Decimal;
use serde::Serialize;

/// The results of a plan on one period, or year-to-date up to a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Evaluation {
    /// The period evaluated (for year-to-date, the last one).
    pub period: String,
    /// The periods the figures cover: one, or the year's periods up to `period`.
    pub periods: Vec<String>,
    pub year_to_date: bool,
    pub reps: Vec<RepResult>,
    pub totals: Totals,
    /// Reps left out of the results, each with its reason.
    pub problems: Vec<Problem>,
    /// Things that did not stop the evaluation but need a look (a return for a commission
    /// line this plan does not have).
    pub warnings: Vec<Problem>,
}

/// How a rep's grade was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GradedBy {
    /// By the band the score falls in.
    Band,
    /// By rank, under an enforced distribution.
    Rank,
}

/// One rep's scores and pay.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RepResult {
    pub rep_id: String,
    pub name: String,
    pub name_zh: String,
    pub region: String,
    pub role: String,
    /// Headline attainment in percent (the plan's `attainment`), 2 places.
    pub attainment_pct: Option<Decimal>,
    /// The headline attainment's actual and target (summed over periods for year-to-date).
    pub attainment_actual: Option<Decimal>,
    pub attainment_target: Option<Decimal>,
    pub scorecard: String,
    pub kpis: Vec<KpiResult>,
    /// Sum of the KPI scores.
    pub weighted_score: Decimal,
    pub points: Vec<PointResult>,
    pub bonus_points: Decimal,
    pub penalty_points: Decimal,
    pub points_explain: Explanation,
    /// `weighted_score + bonus_points − penalty_points`.
    pub score: Decimal,
    /// 1 for the best score; equal scores share a rank.
    pub rank: usize,
    pub grade: String,
    pub graded_by: GradedBy,
    pub flags: Vec<Flag>,
    /// Salary and allowances.
    pub base_pay: Vec<PayItem>,
    pub commission: Vec<LineResult>,
    pub bonuses: Vec<PayItem>,
    /// Clawbacks of commission on returned revenue.
    pub adjustments: Vec<AdjustmentResult>,
    /// The draw account this period, when the plan has a draw.
    pub draw: Option<DrawStep>,
    /// Sum of the base pay items.
    pub base_total: Decimal,
    /// Commission + bonuses + adjustments, after the variable pay cap and the draw.
    pub variable_pay: Decimal,
    /// Base total + variable pay, rounded as the plan says.
    pub total_pay: Decimal,
    /// Pay checks a designer wants to see: below the minimum wage, base share out of range.
    pub warnings: Vec<Problem>,
}

/// A pay item that is not a commission line: a salary, an allowance, a bonus.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PayItem {
    pub id: String,
    /// `salary`, `allowance`, or the bonus rule (`threshold`, `rank`, `team_pool`…).
    pub kind: &'static str,
    pub amount: Decimal,
    pub explain: Explanation,
}

/// Commission taken back in this period because revenue of an earlier sale was returned.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct AdjustmentResult {
    /// The commission line the sale was credited to.
    pub line: String,
    /// The sale, as the adjustment refers to it.
    pub reference: String,
    pub original_period: String,
    pub returned: Decimal,
    /// The line's pay for the original period recomputed without the returned revenue,
    /// less what it paid: negative.
    pub amount: Decimal,
    pub explain: Explanation,
}

/// A KPI's figures for one rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct KpiResult {
    pub id: String,
    pub category: Option<String>,
    /// The scoring function (`ratio`, `inverse_ratio`, `bands`, `rating360`, `pass_fail`, `deduction`).
    pub scoring: &'static str,
    pub actual: Option<Decimal>,
    pub target: Option<Decimal>,
    /// The ratio the KPI was scored on, in percent, 2 places: `actual / target`, or
    /// `target / actual` for lower-is-better KPIs; absent for scorings without a ratio.
    pub attainment_pct: Option<Decimal>,
    /// The weight after normalising.
    pub weight: Decimal,
    /// Rounded to the plan's score scale.
    pub score: Decimal,
    pub explain: Explanation,
}

/// A commission line's figures for one rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct LineResult {
    pub id: String,
    pub base: Decimal,
    pub target: Option<Decimal>,
    pub attainment_pct: Option<Decimal>,
    /// Rounded with the plan's money rounding (when rounding applies to each line).
    pub pay: Decimal,
    pub slices: Vec<TierSlice>,
    pub explain: Explanation,
}

/// Something about a rep that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Flag {
    /// `grade_streak`: the same grade in consecutive periods (an improvement plan is due).
    pub code: &'static str,
    pub grade: String,
    pub periods: Vec<String>,
}

/// Totals over the reps that were evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Totals {
    pub reps: usize,
    pub excluded: usize,
    pub base_pay: Decimal,
    pub commission: Decimal,
    pub bonuses: Decimal,
    pub adjustments: Decimal,
    pub variable_pay: Decimal,
    /// The plan's cost: everything paid.
    pub total_pay: Decimal,
    pub average_pay: Decimal,
    pub average_score: Decimal,
    /// Sum of the headline attainment's actual (revenue), when the plan has one.
    pub revenue: Option<Decimal>,
    /// Total pay as a percentage of revenue, 2 places.
    pub pay_pct_of_revenue: Option<Decimal>,
    /// Reps with at least one pay warning.
    pub reps_with_warnings: usize,
    pub by_region: Vec<GroupTotal>,
    pub by_role: Vec<GroupTotal>,
    /// Count of reps per grade, in the plan's band order.
    pub grades: Vec<GradeCount>,
    /// Each guided grade's share against the forced-distribution guide.
    pub distribution: Vec<GradeShareResult>,
}

/// Totals of one region or role.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GroupTotal {
    pub group: String,
    pub reps: usize,
    pub total_pay: Decimal,
    pub average_pay: Decimal,
    pub average_score: Decimal,
    pub revenue: Option<Decimal>,
    pub pay_pct_of_revenue: Option<Decimal>,
}

/// How many reps got a grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GradeCount {
    pub grade: String,
    pub reps: usize,
}
