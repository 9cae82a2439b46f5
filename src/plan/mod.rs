//! The plan file: what a plan designer writes (serde types, one file per area), how it is
//! read from JSON with the path of every error, validated, and compiled against the data.

mod commission;
mod compile;
mod grades;
mod parse;
mod read;
mod tracked;
mod tree;
mod pay;
mod points;
mod scorecard;
mod signals;
mod targets;
mod validate;

pub use commission::{CommissionLine, ConditionalMultiplier, RateOverride, Tier, TierBasis, TierMethod};
pub use pay::{Allowance, BasePay, Bonus, BonusRule, Draw, Grouping, RankTies, RoundingApplies, Salary, Split as PoolSplit};
pub use compile::{compile, CompiledImprovement, CompiledSignals, SignalExpr, CompiledCard, CompiledMetric, CompiledPlan, CompiledTarget, Slots};
pub use grades::{Distribution, GradeBand, GradeShare, Grades, Streak};
pub use parse::{json_syntax, parse_plan, CURRENT_VERSION};
pub use points::{PointItem, PointKind, Points};
pub use signals::{AlertCondition, AlertRule, AlertSeverity, HighPotential, ImprovementPlan, PotentialCondition, Signals, TeamScope, ToDate, HIGH_POTENTIAL};
pub use scorecard::{default_raters, BandBasis, BandStep, Category, Direction, Kpi, Rater, Scorecard, Scoring};
pub use targets::{Metric, PeriodKind, Split, Target, TargetBasis, TargetOverride};
pub use validate::{is_identifier, validate};
#[cfg(test)]
pub(crate) use read::DECIMAL_PATTERN;

use rust_decimal::{Decimal, RoundingStrategy};
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// A whole incentive plan. `version` says which revision of this format it is written in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The JSON Schema the file follows, for editors (`"$schema": "…/plan.schema.json"`); the engine ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The plan format version: must be `1` (`version_missing` / `version_unsupported` otherwise).
    pub version: u32,
    /// The plan's name.
    pub name: String,
    /// The plan's name in Chinese (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// A description of the plan (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The description in Chinese (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_zh: Option<String>,
    /// The ISO 4217 code of the plan's money, three capital letters (default `CNY`); shown
    /// with every amount, never converted.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The length of the data's periods: `month`, `quarter` (default) or `year`.
    #[serde(default)]
    pub period: PeriodKind,
    /// How money and scores are rounded (default 2 places, half up, each line).
    #[serde(default)]
    pub rounding: Rounding,
    /// Derived metrics, usable in every formula by their id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    /// Named targets, usable in every formula by their id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// The headline attainment of each rep (shown in tables, used for ranking regions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment: Option<Attainment>,
    /// KPI categories and their weight ranges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// One or more scorecards (计分卡), at least one KPI each; a rep is scored on the first card that matches it.
    pub scorecards: Vec<Scorecard>,
    /// Bonus and penalty points (加分/扣分) added to or taken from the weighted score (none by default).
    #[serde(default, skip_serializing_if = "Points::is_empty")]
    pub points: Points,
    /// Grade bands (等级), forced distribution and streak; default bands S ≥ 90, A ≥ 80, B ≥ 70, C.
    #[serde(default)]
    pub grades: Grades,
    /// Commission lines (提成), each paying a base through a rate table (none by default).
    #[serde(default)]
    pub commission: Vec<CommissionLine>,
    /// Base pay (底薪): monthly salaries by role and city tier, and allowances (none by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_pay: Option<BasePay>,
    /// Bonuses (奖金): over-achievement, threshold, rank, team pool, profit share (none by default).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bonuses: Vec<Bonus>,
    /// A recoverable draw (预支): a floor under each period's variable pay (none by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draw: Option<Draw>,
    /// Management signals (D6): alert rules, the high-potential rule, improvement plans. They
    /// never change pay.
    #[serde(default, skip_serializing_if = "Signals::is_empty")]
    pub signals: Signals,
    /// Most a rep's variable pay (commission, bonuses, adjustments) can be in a period, in the
    /// plan's currency, above 0 (no cap by default); base pay is not capped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_pay_cap: Option<Decimal>,
}

fn default_currency() -> String {
    "CNY".to_string()
}

/// How money and scores are rounded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Rounding {
    /// Decimal places of money (each pay item, each rep's total pay, pool shares, split annual
    /// targets); default 2, at most 10.
    pub money_scale: u32,
    /// Decimal places of each KPI score, of the bonus and penalty totals and of year-to-date
    /// averages (the weighted score is the sum of the rounded KPI scores); default 2, at most 10.
    pub score_scale: u32,
    /// How figures are rounded to their scale: `half_up` (default), `half_even` or `down`.
    pub mode: RoundingMode,
    /// Whether each pay line is rounded and the total is their sum (`each_line`, default) or
    /// only each rep's total pay is rounded (`total`).
    pub applies_to: RoundingApplies,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding { money_scale: 2, score_scale: 2, mode: RoundingMode::HalfUp, applies_to: RoundingApplies::EachLine }
    }
}

/// How a figure is brought to its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Half away from zero, as Excel's ROUND: 0.125 → 0.13, −0.125 → −0.13.
    #[default]
    HalfUp,
    /// Banker's rounding: 0.125 → 0.12, 0.135 → 0.14.
    HalfEven,
    /// Truncate towards zero: 0.129 → 0.12.
    Down,
}

impl RoundingMode {
    /// Rounds `value` to `scale` places and fixes the scale (so 5 prints as 5.00).
    pub fn apply(self, value: Decimal, scale: u32) -> Decimal {
        let strategy = match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
        };
        // Pads zeros (5 → 5.00); a value too large to pad keeps its value and a smaller scale.
        crate::rounding::round_to(value, scale, strategy)
    }
}


/// The headline attainment: `actual / target`, in percent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attainment {
    /// Formula of the actual, e.g. `revenue_collected`; the totals add it up as `revenue`.
    pub actual: String,
    /// Formula of the target, e.g. `revenue_target`; a rep whose target is 0 or less is left out.
    pub target: String,
}

read::read_struct!(Plan, "struct Plan", ["$schema", "version", "name", "name_zh", "description", "description_zh", "currency", "period", "rounding", "metrics", "targets", "attainment", "categories", "scorecards", "points", "grades", "commission", "base_pay", "bonuses", "draw", "signals", "variable_pay_cap"], |f| Plan {
    schema: f.or_default("$schema")?,
    version: f.required("version")?,
    name: f.required("name")?,
    name_zh: f.or_default("name_zh")?,
    description: f.or_default("description")?,
    description_zh: f.or_default("description_zh")?,
    currency: f.or("currency", default_currency)?,
    period: f.or_default("period")?,
    rounding: f.or_default("rounding")?,
    metrics: f.or_default("metrics")?,
    targets: f.or_default("targets")?,
    attainment: f.or_default("attainment")?,
    categories: f.or_default("categories")?,
    scorecards: f.required("scorecards")?,
    points: f.or_default("points")?,
    grades: f.or_default("grades")?,
    commission: f.or_default("commission")?,
    base_pay: f.or_default("base_pay")?,
    bonuses: f.or_default("bonuses")?,
    draw: f.or_default("draw")?,
    signals: f.or_default("signals")?,
    variable_pay_cap: f.or_default("variable_pay_cap")?,
});

// Every field may be left out: the default rounding's then.
read::read_struct!(Rounding, "struct Rounding", ["money_scale", "score_scale", "mode", "applies_to"], |f| Rounding {
    money_scale: f.or("money_scale", || Rounding::default().money_scale)?,
    score_scale: f.or("score_scale", || Rounding::default().score_scale)?,
    mode: f.or("mode", || Rounding::default().mode)?,
    applies_to: f.or("applies_to", || Rounding::default().applies_to)?,
});

read::unit_enums! {
    RoundingMode { "half_up" => HalfUp, "half_even" => HalfEven, "down" => Down }
}

read::read_struct!(Attainment, "struct Attainment", ["actual", "target"], |f| Attainment { actual: f.required("actual")?, target: f.required("target")? });
