//! Scorecard types: categories with weight ranges, role cards, KPIs and the functions that
//! score them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A group of KPIs (results / behavior / ability, or a balanced-scorecard perspective)
/// whose weights on any card must lie within a range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Least share of a card's weight (in points of 100) this category may have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_weight: Option<Decimal>,
    /// Greatest share of a card's weight this category may have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_weight: Option<Decimal>,
}

/// A weighted KPI scorecard for some roles and/or regions. A rep gets the first card in
/// plan order whose filters it matches; a card with neither filter takes every other rep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<String>>,
    /// Scale the weights so they add to 100 (each × 100 / sum). Without it, weights that do
    /// not add to 100 are an error.
    #[serde(default, skip_serializing_if = "is_false")]
    pub normalize: bool,
    pub kpis: Vec<Kpi>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One indicator on a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Formula of the achieved value (`revenue_collected`, `new_customers / visits`); for
    /// pass/fail a condition (`product_test >= 80`); for a deduction the count of events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// Formula of the target (`revenue_target`, `8`, `15%`), for the scorings that need one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Points this KPI is worth at 100% of target; a card's weights add to 100.
    pub weight: Decimal,
    #[serde(default)]
    pub scoring: Scoring,
}

/// How a KPI becomes points. Every function is documented with a worked example in
/// `docs/plan-format.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scoring {
    /// `min(actual / target, cap) × weight`; below `threshold_pct` the score is 0; a ratio
    /// above the threshold but under `floor_pct` is raised to the floor.
    Ratio {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cap_pct: Option<Decimal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        floor_pct: Option<Decimal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        threshold_pct: Option<Decimal>,
    },
    /// Lower is better (response time): `min(target / actual, cap) × weight`. The cap is
    /// required, and an actual of 0 or less scores the cap.
    InverseRatio {
        cap_pct: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        floor_pct: Option<Decimal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        threshold_pct: Option<Decimal>,
    },
    /// A lookup table: the first step the value reaches gives `score_pct` of the weight.
    Bands {
        #[serde(default)]
        basis: BandBasis,
        #[serde(default)]
        direction: Direction,
        /// Best step first: for higher-is-better the value must be ≥ `at`, for
        /// lower-is-better ≤ `at`.
        steps: Vec<BandStep>,
        /// Percent of the weight when no step is reached.
        #[serde(default)]
        otherwise_pct: Decimal,
    },
    /// 360-degree rating: the raters' ratings weighted (60/20/20 by default) and scored
    /// against `scale_max`: ratings 90/80/70 → 84 → 84% of the weight.
    Rating360 {
        #[serde(default = "default_raters")]
        raters: Vec<Rater>,
        #[serde(default = "hundred")]
        scale_max: Decimal,
    },
    /// Full weight when `actual` (a condition) holds, else 0.
    PassFail {},
    /// Full weight less `points_per_event` for each event counted by `actual`, not below
    /// `floor` (0 by default).
    Deduction {
        points_per_event: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        floor: Option<Decimal>,
    },
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring::Ratio { cap_pct: None, floor_pct: None, threshold_pct: None }
    }
}

impl Scoring {
    /// The name of the scoring function, as written in plan files.
    pub fn kind(&self) -> &'static str {
        match self {
            Scoring::Ratio { .. } => "ratio",
            Scoring::InverseRatio { .. } => "inverse_ratio",
            Scoring::Bands { .. } => "bands",
            Scoring::Rating360 { .. } => "rating360",
            Scoring::PassFail {} => "pass_fail",
            Scoring::Deduction { .. } => "deduction",
        }
    }

    /// Whether the function reads the KPI's `actual` and `target`.
    pub fn needs(&self) -> (bool, bool) {
        match self {
            Scoring::Ratio { .. } | Scoring::InverseRatio { .. } => (true, true),
            Scoring::Bands { basis, .. } => (true, *basis == BandBasis::AttainmentPct),
            Scoring::Rating360 { .. } => (false, false),
            Scoring::PassFail {} | Scoring::Deduction { .. } => (true, false),
        }
    }
}

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

/// The seed's 360 weights: superior 60, customers 20, peers 20.
pub fn default_raters() -> Vec<Rater> {
    [("rating_superior", 60), ("rating_customer", 20), ("rating_peer", 20)]
        .into_iter()
        .map(|(rating, weight)| Rater { rating: rating.to_string(), weight: Decimal::from(weight) })
        .collect()
}

/// What a band table looks up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BandBasis {
    /// The actual value itself (hours, a test score).
    #[default]
    Actual,
    /// `actual / target × 100`.
    AttainmentPct,
}

/// Whether more is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

/// A step of a band table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BandStep {
    pub at: Decimal,
    pub score_pct: Decimal,
}

/// One rater group of a 360 rating: a formula giving the rating, and its weight (of 100).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rater {
    pub rating: String,
    pub weight: Decimal,
}
