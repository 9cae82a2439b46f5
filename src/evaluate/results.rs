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
    /// Whether this is year-to-date: pay summed over `periods`, scores averaged and graded again.
    pub year_to_date: bool,
    /// Each rep evaluated; reps left out are listed in `problems` instead.
    pub reps: Vec<RepResult>,
    /// Totals over the evaluated reps: the plan's cost, averages, by region and role, grade counts.
    pub totals: Totals,
    /// Reps left out of the results, each with its reason (`missing_value`, `target_not_positive`, …).
    pub problems: Vec<Problem>,
    /// Things that did not stop the evaluation but need a look (a return for a commission
    /// line this plan does not have).
    pub warnings: Vec<Problem>,
}

impl Evaluation {
    /// Empties the KPI and point results of every rep that `shown` does not keep the parts of
    /// (the figures they add up to stay): a page that shows one rep's parts at a time takes
    /// less than half the JSON.
    pub fn keep_parts(&mut self, shown: super::Shown) {
        for rep in self.reps.iter_mut().filter(|r| !shown.keeps_parts_of(&r.rep_id)) {
            rep.kpis = Vec::new();
            rep.points = Vec::new();
        }
    }
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
    /// The rep's id in the data, e.g. `E01`.
    pub rep_id: crate::label::Label,
    /// The rep's name, from the data.
    pub name: crate::label::Label,
    /// The rep's Chinese name, from the data's `name_zh` column; empty when the data has none.
    pub name_zh: crate::label::Label,
    /// The rep's region, e.g. `East`.
    pub region: crate::label::Label,
    /// The rep's role, e.g. `new_business`.
    pub role: crate::label::Label,
    /// Headline attainment in percent (the plan's `attainment`: `actual / target × 100`), 2 places
    /// half up (`120.00` = 120%); null when the plan has no `attainment`.
    pub attainment_pct: Option<Decimal>,
    /// The headline attainment's actual (summed over periods for year-to-date); null without `attainment`.
    pub attainment_actual: Option<Decimal>,
    /// The headline attainment's target (summed over periods for year-to-date); null without `attainment`.
    pub attainment_target: Option<Decimal>,
    /// The id of the scorecard the rep was scored on.
    pub scorecard: crate::label::Label,
    /// Each KPI of that scorecard, in card order.
    pub kpis: Vec<KpiResult>,
    /// Sum of the KPI scores.
    pub weighted_score: Decimal,
    /// Each point item of the plan: events counted and points given or taken.
    pub points: Vec<PointResult>,
    /// Bonus points added (加分), after the caps, rounded to `score_scale` (year-to-date: the average).
    pub bonus_points: Decimal,
    /// Penalty points taken away (扣分), after the caps, rounded to `score_scale` (year-to-date: the average).
    pub penalty_points: Decimal,
    /// How the point totals were reached: `bonus_points`, `penalty_points`, the caps on the totals
    /// (year to date: each period's totals, then their averages). Absent when the rep is not explained.
    #[serde(skip_serializing_if = "Explanation::is_quiet")]
    pub points_explain: Explanation,
    /// `weighted_score + bonus_points − penalty_points`.
    pub score: Decimal,
    /// 1 for the best score; equal scores share a rank.
    pub rank: usize,
    /// The grade given, one of the plan's bands, e.g. `S`.
    pub grade: crate::label::Label,
    /// Whether the grade came from the bands (`band`) or from rank under an enforced distribution (`rank`).
    pub graded_by: GradedBy,
    /// Graded by rank: the rep's place and the places its grade's quota covers (why a rep
    /// scoring 91 may be an A, or a B); absent when graded by band.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade_places: Option<crate::score::GradePlaces>,
    /// Things to look at, e.g. a `grade_streak` (never year-to-date).
    pub flags: Vec<Flag>,
    /// Salary and allowances.
    pub base_pay: Vec<PayItem>,
    /// Each commission line of the plan, in plan order.
    pub commission: Vec<LineResult>,
    /// Each bonus of the plan, in plan order, 0 when not earned; `kind` is the rule type.
    pub bonuses: Vec<PayItem>,
    /// Clawbacks of commission on returned revenue.
    pub adjustments: Vec<AdjustmentResult>,
    /// The draw account this period (year-to-date: over the periods); null when the plan has no draw.
    pub draw: Option<DrawStep>,
    /// Sum of the base pay items, in the plan's currency.
    pub base_total: Decimal,
    /// Commission + bonuses + adjustments, after the variable pay cap and the draw.
    pub variable_pay: Decimal,
    /// Base total + variable pay, rounded to `money_scale` (e.g. `"55400.00"`); year-to-date the sum of the periods.
    pub total_pay: Decimal,
    /// Pay checks a designer wants to see: `below_minimum_wage`, `base_share_out_of_range`,
    /// `variable_pay_capped` (the rep is still paid).
    pub warnings: Vec<Problem>,
}

impl RepResult {
    /// The name to use in Chinese text: `name_zh`, or `name` when the data has none.
    pub fn display_name_zh(&self) -> &str {
        if self.name_zh.is_empty() { &self.name } else { &self.name_zh }
    }
}

/// A pay item that is not a commission line: a salary, an allowance, a bonus.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PayItem {
    /// `salary` for the salary, else the allowance's or the bonus's id.
    pub id: crate::label::Label,
    /// `salary`, `allowance`, or the bonus rule (`threshold`, `rank`, `team_pool`…).
    pub kind: &'static str,
    /// The amount for the period, in the plan's currency, rounded to `money_scale` unless rounding applies to the total only.
    pub amount: Decimal,
    /// How the amount was reached (values such as `monthly`, `months`, `rank`; notes such as `grade_not_eligible`).
    /// Absent when the rep is not explained.
    #[serde(skip_serializing_if = "Explanation::is_quiet")]
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
    /// The period of the original sale, whose commission is recomputed.
    pub original_period: String,
    /// The revenue returned, as in the returns file.
    pub returned: Decimal,
    /// The grade the rep had in the original period, whose multiplier and cap the line is
    /// recomputed with, e.g. `A`.
    pub grade_then: crate::label::Label,
    /// The line's pay for the original period recomputed without the returned revenue,
    /// less what it paid: zero or negative, in the plan's currency (rounded to `money_scale`
    /// when rounding applies to each line).
    pub amount: Decimal,
    /// The recomputed line, with `paid_then`, `due_without_return` and `clawback`. Absent when
    /// the rep is not explained.
    #[serde(skip_serializing_if = "Explanation::is_quiet")]
    pub explain: Explanation,
}

/// A KPI's figures for one rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct KpiResult {
    /// The KPI's id on its card.
    pub id: crate::label::Label,
    /// The KPI's category id; null when it has none.
    pub category: Option<crate::label::Label>,
    /// The scoring function (`ratio`, `inverse_ratio`, `bands`, `rating360`, `pass_fail`, `deduction`).
    pub scoring: &'static str,
    /// The value of the KPI's `actual` formula; null when it has none (rating360), and year-to-date.
    pub actual: Option<Decimal>,
    /// The value of the KPI's `target` formula; null when it has none, and year-to-date.
    pub target: Option<Decimal>,
    /// The ratio the KPI was scored on, in percent, 2 places: `actual / target`, or
    /// `target / actual` for lower-is-better KPIs; null for scorings without a ratio, and year-to-date.
    pub attainment_pct: Option<Decimal>,
    /// The weight after normalising.
    pub weight: Decimal,
    /// Points scored, rounded to the plan's `score_scale` (year-to-date: the average over the periods).
    pub score: Decimal,
    /// How the score was reached: values (`attainment_pct`, `applied_pct`, `weight`…) and the
    /// rules that fired (`capped`, `floored`, `below_threshold`, `div_by_zero`…). Absent when
    /// the rep is not explained.
    #[serde(skip_serializing_if = "Explanation::is_quiet")]
    pub explain: Explanation,
}

/// A commission line's figures for one rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct LineResult {
    /// The commission line's id.
    pub id: crate::label::Label,
    /// The credited base the line's `base` formula gave (year-to-date: summed).
    pub base: Decimal,
    /// The line's target; null when the line has none (year-to-date: summed).
    pub target: Option<Decimal>,
    /// `base / target × 100`, 2 places half up; null when the line has no target.
    pub attainment_pct: Option<Decimal>,
    /// The line's pay after every modifier, in the plan's currency; rounded to `money_scale`
    /// when rounding applies to each line.
    pub pay: Decimal,
    /// The tier slices that make up the tier pay (empty year-to-date).
    pub slices: Vec<TierSlice>,
    /// Each step that applied: `tier_pay`, `below_gate`, `condition_multiplier` (with
    /// `condition`, which of the line's multipliers, from 1, and its `multiplier`),
    /// `grade_multiplier`, `capped`, … (year to date: each period's pay). Absent when the rep is
    /// not explained.
    #[serde(skip_serializing_if = "Explanation::is_quiet")]
    pub explain: Explanation,
}

/// Something about a rep that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Flag {
    /// `grade_streak`: the same grade in consecutive periods (an improvement plan is due).
    pub code: &'static str,
    /// The grade repeated, e.g. `C`.
    pub grade: crate::label::Label,
    /// The periods with that grade, oldest first, e.g. `["2026-Q3", "2026-Q4"]`.
    pub periods: Vec<String>,
}

/// Totals over the reps that were evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Totals {
    /// Number of reps evaluated.
    pub reps: usize,
    /// Number of reps left out (listed in `problems`; year-to-date each rep counts once).
    pub excluded: usize,
    /// Sum of every rep's `base_total`.
    pub base_pay: Decimal,
    /// Sum of every rep's commission line pay.
    pub commission: Decimal,
    /// Sum of every rep's bonus amounts.
    pub bonuses: Decimal,
    /// Sum of every rep's clawbacks (zero or negative).
    pub adjustments: Decimal,
    /// Sum of the reps' variable pay (after the variable pay cap and the draw).
    pub variable_pay: Decimal,
    /// The plan's cost: everything paid.
    pub total_pay: Decimal,
    /// Total pay / reps, rounded to `money_scale` with the plan's mode.
    pub average_pay: Decimal,
    /// The reps' average score, 2 places half up.
    pub average_score: Decimal,
    /// Sum of the headline attainment's actual (revenue), when the plan has one.
    pub revenue: Option<Decimal>,
    /// Total pay as a percentage of revenue (`total_pay × 100 / revenue`), 2 places half up;
    /// null without revenue, or when it is 0 or less.
    pub pay_pct_of_revenue: Option<Decimal>,
    /// Reps with at least one pay warning.
    pub reps_with_warnings: usize,
    /// Totals per region, sorted by name.
    pub by_region: Vec<GroupTotal>,
    /// Totals per role, sorted by name.
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
    /// The region or role, e.g. `East`.
    pub group: String,
    /// Number of its evaluated reps.
    pub reps: usize,
    /// Sum of its reps' `base_total`.
    pub base_pay: Decimal,
    /// Sum of its reps' commission line pay.
    pub commission: Decimal,
    /// Sum of its reps' bonus amounts.
    pub bonuses: Decimal,
    /// Sum of its reps' clawbacks (zero or negative).
    pub adjustments: Decimal,
    /// Sum of its reps' variable pay (after the variable pay cap and the draw).
    pub variable_pay: Decimal,
    /// Sum of its reps' total pay.
    pub total_pay: Decimal,
    /// Total pay / reps, rounded to `money_scale` with the plan's mode.
    pub average_pay: Decimal,
    /// Its reps' average score, 2 places half up.
    pub average_score: Decimal,
    /// Sum of its reps' headline attainment actuals; null without `attainment`.
    pub revenue: Option<Decimal>,
    /// `total_pay × 100 / revenue`, 2 places half up; null without revenue, or when it is 0 or less.
    pub pay_pct_of_revenue: Option<Decimal>,
}

/// How many reps got a grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GradeCount {
    /// The grade, e.g. `S`.
    pub grade: crate::label::Label,
    /// Number of evaluated reps with that grade.
    pub reps: usize,
}
