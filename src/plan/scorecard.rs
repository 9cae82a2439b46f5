//! Scorecard types: categories with weight ranges, role cards, KPIs and the functions that
//! score them.

use rust_decimal::Decimal;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// A group of KPIs (results / behavior / ability, or a balanced-scorecard perspective)
/// whose weights on any card must lie within a range.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Unique id of the category, referred to by a KPI's `category`, e.g. `results`.
    pub id: crate::label::Label,
    /// The category's label, e.g. `Results`.
    pub name: String,
    /// The label in Chinese, e.g. `结果指标` (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Least share of every card's weight this category's KPIs may have, in percent (0–100,
    /// inclusive; optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_weight: Option<Decimal>,
    /// Greatest share of every card's weight this category's KPIs may have, in percent (0–100,
    /// inclusive; optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_weight: Option<Decimal>,
}

/// A weighted KPI scorecard for some roles and/or regions. A rep gets the first card in
/// plan order whose filters it matches; a card with neither filter takes every other rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    /// Unique id of the card, e.g. `new_business`.
    pub id: crate::label::Label,
    /// The card's label (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The label in Chinese (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Only reps with one of these roles (the data's `role` column) get this card; absent: any role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    /// Only reps in one of these regions (the data's `region` column) get this card; absent: any region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<String>>,
    /// Scale the weights so they add to 100 (each × 100 / sum). Without it, weights that do
    /// not add to 100 are an error.
    #[serde(default, skip_serializing_if = "is_false")]
    pub normalize: bool,
    /// The card's KPIs (at least one, at most 100).
    pub kpis: Vec<Kpi>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One indicator on a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// Id of the KPI, unique within the card, e.g. `revenue`.
    pub id: crate::label::Label,
    /// The KPI's label, e.g. `Collected revenue`.
    pub name: String,
    /// The label in Chinese (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// The id of the category the KPI belongs to (optional; none when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<crate::label::Label>,
    /// Formula of the achieved value (`revenue_collected`, `new_customers / visits`); for
    /// pass/fail a condition (`product_test >= 80`); for a deduction the count of events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// Formula of the target (`revenue_target`, `8`, `15%`), for the scorings that need one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Points this KPI is worth at 100% of target (0–100); a card's weights add to 100.
    pub weight: Decimal,
    /// The scoring function; default `{ "type": "ratio" }` without limits.
    #[serde(default)]
    pub scoring: Scoring,
    /// How the actual and the target are shown: `number` (default) or `percent` (a share such
    /// as a market share of 0.4064 shown as 40.64%). Only the page reads it; scores are the same.
    #[serde(default, skip_serializing_if = "is_number")]
    pub display: KpiDisplay,
}

/// How a KPI's actual and target are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum KpiDisplay {
    /// As the numbers they are (`1,200,000`, `0.45`).
    #[default]
    Number,
    /// As percentages (`0.45` as `45%`).
    Percent,
}

fn is_number(display: &KpiDisplay) -> bool {
    *display == KpiDisplay::Number
}

/// How a KPI becomes points. Every function is documented with a worked example in
/// `docs/plan-format.md`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scoring {
    /// `min(actual / target, cap) × weight`; below `threshold_pct` the score is 0; a ratio
    /// at or above the threshold but under `floor_pct` is raised to the floor.
    Ratio {
        /// A ratio above this percent of target is cut to it (`120` = 120%); above 0, at most 1000.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cap_pct: Option<Decimal>,
        /// A ratio below this percent of target is raised to it; at most 1000, not above the cap.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        floor_pct: Option<Decimal>,
        /// A ratio below this percent of target scores 0 (exactly at it is scored); at most 1000.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        threshold_pct: Option<Decimal>,
    },
    /// Lower is better (response time): `min(target / actual, cap) × weight`. The cap is
    /// required, and an actual of 0 or less scores the cap.
    InverseRatio {
        /// The most `target / actual` counts for, in percent (`120` = 120%); required, above 0, at most 1000.
        cap_pct: Decimal,
        /// A ratio below this percent is raised to it; at most 1000, not above the cap.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        floor_pct: Option<Decimal>,
        /// A ratio below this percent scores 0 (exactly at it is scored); at most 1000.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        threshold_pct: Option<Decimal>,
    },
    /// A lookup table: the first step the value reaches gives `score_pct` of the weight.
    Bands {
        /// What is looked up: the actual itself (`actual`, default) or `actual / target × 100`
        /// (`attainment_pct`, needs a `target`).
        #[serde(default)]
        basis: BandBasis,
        /// `higher_is_better` (default: a step is reached at value ≥ `at`) or `lower_is_better` (≤ `at`).
        #[serde(default)]
        direction: Direction,
        /// Best step first: for higher-is-better the value must be ≥ `at`, for
        /// lower-is-better ≤ `at`.
        steps: Vec<BandStep>,
        /// Percent of the weight when no step is reached (0–100, default 0).
        #[serde(default)]
        otherwise_pct: Decimal,
    },
    /// 360-degree rating: the raters' ratings weighted (60/20/20 by default) and scored
    /// against `scale_max`: ratings 90/80/70 → 84 → 84% of the weight.
    Rating360 {
        /// The rater groups, weights adding to 100; default superior 60 (`rating_superior`),
        /// customers 20 (`rating_customer`), peers 20 (`rating_peer`).
        #[serde(default = "default_raters")]
        raters: Vec<Rater>,
        /// The best possible rating (default 100, above 0); ratings above it are not cut.
        #[serde(default = "hundred")]
        scale_max: Decimal,
    },
    /// Full weight when `actual` (a condition) holds, else 0.
    PassFail {},
    /// Full weight less `points_per_event` for each event counted by `actual`, not below
    /// `floor` (0 by default).
    Deduction {
        /// Points taken off the weight for each event (above 0, at most 100).
        points_per_event: Decimal,
        /// The lowest score, in points: default 0; above 0 is an error, below 0 lets the KPI go negative.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BandBasis {
    /// The actual value itself (hours, a test score).
    #[default]
    Actual,
    /// `actual / target × 100`.
    AttainmentPct,
}

/// Whether more is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better: the larger value is the better one.
    #[default]
    HigherIsBetter,
    /// Less is better (response time): the smaller value is the better one.
    LowerIsBetter,
}

/// A step of a band table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BandStep {
    /// The value the step starts at, inclusive: in the unit of the actual, or percent of target
    /// with `basis: "attainment_pct"`.
    pub at: Decimal,
    /// Percent of the KPI's weight the step scores (0–1000; `100` = the full weight).
    pub score_pct: Decimal,
}

/// One rater group of a 360 rating: a formula giving the rating, and its weight (of 100).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rater {
    /// Formula of the group's rating, e.g. `rating_superior` or `90`.
    pub rating: String,
    /// The group's weight in percent (0–100); the raters' weights add to 100.
    pub weight: Decimal,
}

use super::read::{read_struct, tagged, unit_enums, variant_fields, Read};

read_struct!(Category, "struct Category", ["id", "name", "name_zh", "min_weight", "max_weight"], |f| Category {
    id: f.required("id")?,
    name: f.required("name")?,
    name_zh: f.or_default("name_zh")?,
    min_weight: f.or_default("min_weight")?,
    max_weight: f.or_default("max_weight")?,
});

read_struct!(Scorecard, "struct Scorecard", ["id", "name", "name_zh", "roles", "regions", "normalize", "kpis"], |f| Scorecard {
    id: f.required("id")?,
    name: f.or_default("name")?,
    name_zh: f.or_default("name_zh")?,
    roles: f.or_default("roles")?,
    regions: f.or_default("regions")?,
    normalize: f.or_default("normalize")?,
    kpis: f.required("kpis")?,
});

read_struct!(Kpi, "struct Kpi", ["id", "name", "name_zh", "category", "actual", "target", "weight", "scoring", "display"], |f| Kpi {
    id: f.required("id")?,
    name: f.required("name")?,
    name_zh: f.or_default("name_zh")?,
    category: f.or_default("category")?,
    actual: f.or_default("actual")?,
    target: f.or_default("target")?,
    weight: f.required("weight")?,
    scoring: f.or_default("scoring")?,
    display: f.or_default("display")?,
});

impl<'de> Read<'de> for Scoring {
    fn read(value: &'de super::tree::Tree<'de>, stack: &super::tracked::Stack<'de>) -> Result<Self, serde_json::Error> {
        const VARIANTS: &[&str] = &["ratio", "inverse_ratio", "bands", "rating360", "pass_fail", "deduction"];
        let (variant, entries) = tagged(value, stack, "internally tagged enum Scoring", VARIANTS)?;
        const LIMITS: &[&str] = &["cap_pct", "floor_pct", "threshold_pct"];
        match variant {
            0 => variant_fields(entries, LIMITS, |f| Ok(Scoring::Ratio { cap_pct: f.or_default("cap_pct")?, floor_pct: f.or_default("floor_pct")?, threshold_pct: f.or_default("threshold_pct")? })),
            1 => variant_fields(entries, LIMITS, |f| Ok(Scoring::InverseRatio { cap_pct: f.required("cap_pct")?, floor_pct: f.or_default("floor_pct")?, threshold_pct: f.or_default("threshold_pct")? })),
            2 => variant_fields(entries, &["basis", "direction", "steps", "otherwise_pct"], |f| {
                Ok(Scoring::Bands { basis: f.or_default("basis")?, direction: f.or_default("direction")?, steps: f.required("steps")?, otherwise_pct: f.or_default("otherwise_pct")? })
            }),
            3 => variant_fields(entries, &["raters", "scale_max"], |f| Ok(Scoring::Rating360 { raters: f.or("raters", default_raters)?, scale_max: f.or("scale_max", hundred)? })),
            4 => variant_fields(entries, &[], |_| Ok(Scoring::PassFail {})),
            _ => variant_fields(entries, &["points_per_event", "floor"], |f| Ok(Scoring::Deduction { points_per_event: f.required("points_per_event")?, floor: f.or_default("floor")? })),
        }
    }
}

unit_enums! {
    BandBasis { "actual" => Actual, "attainment_pct" => AttainmentPct }
    Direction { "higher_is_better" => HigherIsBetter, "lower_is_better" => LowerIsBetter }
    KpiDisplay { "number" => Number, "percent" => Percent }
}

read_struct!(BandStep, "struct BandStep", ["at", "score_pct"], |f| BandStep { at: f.required("at")?, score_pct: f.required("score_pct")? });

read_struct!(Rater, "struct Rater", ["rating", "weight"], |f| Rater { rating: f.required("rating")?, weight: f.required("weight")? });
