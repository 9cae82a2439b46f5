//! The plan file: what a plan designer writes (serde types), how it is read from JSON
//! with the path of every error, validated, and compiled against the reps' data columns.

mod compile;
mod parse;
mod validate;

pub use compile::{compile, CompiledCard, CompiledKpi, CompiledLine, CompiledPlan};
pub use parse::{parse_plan, CURRENT_VERSION};
pub use validate::validate;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// A whole incentive plan. `version` says which revision of this format it is written in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    #[serde(default)]
    pub rounding: Rounding,
    /// The headline attainment of each rep (shown in tables, used for ranking regions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment: Option<Attainment>,
    pub scorecards: Vec<Scorecard>,
    #[serde(default)]
    pub grades: Grades,
    #[serde(default)]
    pub commission: Vec<CommissionLine>,
}

/// How money and scores are rounded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rounding {
    /// Decimal places of every money figure (each pay line, then the total as their sum).
    pub money_scale: u32,
    /// Decimal places of every KPI score (the total score is their sum).
    pub score_scale: u32,
    pub mode: RoundingMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding { money_scale: 2, score_scale: 2, mode: RoundingMode::HalfUp }
    }
}

/// How a figure is brought to its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
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
#[serde(deny_unknown_fields)]
pub struct Attainment {
    pub actual: String,
    pub target: String,
}

/// A weighted KPI scorecard for some roles (or every role when `roles` is absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    pub kpis: Vec<Kpi>,
}

/// One indicator on a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Formula of the achieved value, e.g. `revenue_collected` or `new_customers / visits`.
    pub actual: String,
    /// Formula of the target, e.g. `revenue_target` or `8`.
    pub target: String,
    /// Points this KPI is worth at 100% of target; the weights of a card add to 100.
    pub weight: Decimal,
    #[serde(default)]
    pub scoring: Scoring,
}

/// How a KPI's actual and target become its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scoring {
    /// `min(actual / target, cap) × weight`; below `threshold_pct` the score is 0; the
    /// ratio is raised to `floor_pct` when above the threshold but under the floor.
    Ratio {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cap_pct: Option<Decimal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        floor_pct: Option<Decimal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        threshold_pct: Option<Decimal>,
    },
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring::Ratio { cap_pct: None, floor_pct: None, threshold_pct: None }
    }
}

/// Grade bands from the best down; the last band has no minimum and takes every other score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grades {
    pub bands: Vec<GradeBand>,
}

impl Default for Grades {
    fn default() -> Self {
        let band = |grade: &str, min: Option<i64>| GradeBand { grade: grade.into(), min_score: min.map(Decimal::from) };
        Grades { bands: vec![band("S", Some(90)), band("A", Some(80)), band("B", Some(70)), band("C", None)] }
    }
}

/// A grade and the least total score that earns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    pub grade: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_score: Option<Decimal>,
}

/// A commission line: a credited amount paid through a rate table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommissionLine {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Formula of the credited amount, e.g. `revenue_collected` (回款).
    pub base: String,
    /// Formula of the target; needed when tier bounds are in percent of target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub method: TierMethod,
    pub tier_basis: TierBasis,
    /// Tiers by their lower bound, from 0 upwards; a single tier is a flat rate.
    pub tiers: Vec<Tier>,
}

/// How a rate table applies to the credited amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TierMethod {
    /// Each tier's rate applies to the slice of the amount inside the tier ("on the excess").
    Marginal,
    /// The whole amount is paid at the rate of the highest tier reached.
    Retroactive,
}

/// What tier bounds are expressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TierBasis {
    /// Percent of the line's target (100 = on target).
    AttainmentPct,
    /// Money amounts of the credited base.
    Amount,
}

/// A tier: from `from` (inclusive) up to the next tier's `from`, paid at `rate_pct` percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub from: Decimal,
    pub rate_pct: Decimal,
}
