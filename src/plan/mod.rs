//! The plan file: what a plan designer writes (serde types, one file per area), how it is
//! read from JSON with the path of every error, validated, and compiled against the data.

mod commission;
mod compile;
mod grades;
mod parse;
mod pay;
mod points;
mod scorecard;
mod targets;
mod validate;

pub use commission::{CommissionLine, ConditionalMultiplier, RateOverride, Tier, TierBasis, TierMethod};
pub use pay::{Allowance, BasePay, Bonus, BonusRule, Draw, Grouping, RankTies, RoundingApplies, Salary, Split as PoolSplit};
pub use compile::{compile, CompiledCard, CompiledMetric, CompiledPlan, CompiledTarget, Slots};
pub use grades::{Distribution, GradeBand, GradeShare, Grades, Streak};
pub use parse::{parse_plan, CURRENT_VERSION};
pub use points::{PointItem, PointKind, Points};
pub use scorecard::{default_raters, BandBasis, BandStep, Category, Direction, Kpi, Rater, Scorecard, Scoring};
pub use targets::{Metric, PeriodKind, Split, Target, TargetBasis, TargetOverride};
pub use validate::{is_identifier, validate};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// A whole incentive plan. `version` says which revision of this format it is written in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_zh: Option<String>,
    /// The ISO 4217 code of the plan's money (shown with every amount; the engine does not convert).
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The length of the data's periods.
    #[serde(default)]
    pub period: PeriodKind,
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
    pub scorecards: Vec<Scorecard>,
    #[serde(default, skip_serializing_if = "Points::is_empty")]
    pub points: Points,
    #[serde(default)]
    pub grades: Grades,
    #[serde(default)]
    pub commission: Vec<CommissionLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_pay: Option<BasePay>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bonuses: Vec<Bonus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draw: Option<Draw>,
    /// Most a rep's variable pay (commission, bonuses, adjustments) can be in a period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_pay_cap: Option<Decimal>,
}

fn default_currency() -> String {
    "CNY".to_string()
}

/// How money and scores are rounded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Rounding {
    /// Decimal places of every money figure (each pay line, then the total as their sum).
    pub money_scale: u32,
    /// Decimal places of every KPI score (the total score is their sum).
    pub score_scale: u32,
    pub mode: RoundingMode,
    /// Whether each pay line is rounded (the total is their sum) or only the total.
    pub applies_to: RoundingApplies,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding { money_scale: 2, score_scale: 2, mode: RoundingMode::HalfUp, applies_to: RoundingApplies::EachLine }
    }
}

/// How a figure is brought to its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
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
        let mut rounded = value.round_dp_with_strategy(scale, strategy);
        // Pads zeros (5 → 5.00); a value too large to pad keeps its value and a smaller scale.
        rounded.rescale(scale);
        rounded
    }
}


/// The headline attainment: `actual / target`, in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attainment {
    pub actual: String,
    pub target: String,
}
