//! Pay types beyond commission: base pay and allowances by role and city tier, bonuses
//! (over-achievement, threshold, rank, team pool, profit share), a recoverable draw and a
//! cap on total pay.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Base salary and allowances, stated per month and paid for the months of each period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BasePay {
    /// The rep data column holding each rep's city tier (1 for tier-1 cities…).
    #[serde(default = "default_city_tier_field")]
    pub city_tier_field: String,
    /// Monthly salaries; the most specific entry matching a rep wins (role and tier > role > tier > neither).
    pub salaries: Vec<Salary>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowances: Vec<Allowance>,
    /// The local monthly minimum wage by city tier ("1" → 8000): a salary below it is warned about.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub minimum_by_city_tier: BTreeMap<String, Decimal>,
    /// The share of total pay base pay should have, in percent (30–40 by default); outside it is warned about.
    #[serde(default = "default_share")]
    pub share_range_pct: [Decimal; 2],
}

fn default_city_tier_field() -> String {
    "city_tier".to_string()
}

fn default_share() -> [Decimal; 2] {
    [Decimal::from(30), Decimal::from(40)]
}

/// A monthly salary for a role and/or a city tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Salary {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_tier: Option<i64>,
    pub monthly: Decimal,
}

/// A monthly allowance (transport, phone), for everyone or some roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Allowance {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    pub monthly: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
}

/// A bonus: how much, and for whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bonus {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Only reps with one of these grades get it (all grades when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<Vec<String>>,
    /// Scales the bonus by the rep's grade (S 1.5, B 0.5); grades not listed keep × 1.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub grade_multipliers: BTreeMap<String, Decimal>,
    pub rule: BonusRule,
}

/// The kinds of bonus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum BonusRule {
    /// Above `above_pct` of target, `rate_pct` of the excess over `excess_over_pct` of target
    /// (seed 003: above 120%, 1% of the excess; the plan chooses whether the excess is
    /// counted from 120% or from 100%).
    OverAchievement { actual: String, target: String, above_pct: Decimal, excess_over_pct: Decimal, rate_pct: Decimal },
    /// A fixed amount when a condition holds (NPS ≥ 90 → 3,000).
    Threshold { when: String, amount: Decimal },
    /// A fixed amount for the `top` reps by a measure, within each group or over everyone.
    Rank {
        measure: String,
        top: u32,
        amount: Decimal,
        #[serde(default)]
        ties: RankTies,
        #[serde(default)]
        within: Grouping,
        /// Reps whose measure is not above this get nothing, whatever their rank (0 by default;
        /// only for higher-is-better measures).
        #[serde(default)]
        minimum: Decimal,
        /// Whether the best rep has the highest measure (default) or the lowest (response time).
        #[serde(default)]
        direction: crate::plan::Direction,
    },
    /// A pool for the best group (the region ranked first on attainment gets 100,000), split
    /// among its members.
    TeamPool {
        pool: Decimal,
        #[serde(default = "default_group")]
        group_by: Grouping,
        /// How many groups win (1 by default); tied groups share the pools of the places they take.
        #[serde(default = "one")]
        winners: u32,
        split: Split,
    },
    /// `pool_pct` of a profit figure, split among the eligible reps by contribution.
    ProfitShare { profit: Decimal, pool_pct: Decimal, split: Split },
}

fn default_group() -> Grouping {
    Grouping::Region
}

fn one() -> u32 {
    1
}

/// How tied reps at the last winning rank are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RankTies {
    /// Everyone tied at the last winning rank gets the full amount (more than `top` may be paid).
    #[default]
    IncludeAll,
    /// The amounts of the places left are shared equally among the tied reps.
    Share,
}

/// Whom reps are ranked or pooled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    #[default]
    All,
    Region,
    Role,
}

/// How a pool is split among reps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(rename = "PoolSplit"))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Split {
    /// By each rep's share of a measure (contribution share), e.g. `revenue_collected`.
    Contribution(String),
    /// By a weight formula per rep (`1` splits equally; a manager's weights from a column).
    Weights(String),
}

/// A recoverable draw: when variable pay falls short of `amount` in a period the rep is paid
/// the draw, and (when recoverable) the shortfall is recovered from later periods' variable
/// pay above the draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Draw {
    pub amount: Decimal,
    #[serde(default = "yes")]
    pub recoverable: bool,
}

fn yes() -> bool {
    true
}

/// Where rounding applies to pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoundingApplies {
    /// Each pay line is rounded; the total is their sum.
    #[default]
    EachLine,
    /// Lines are kept exact; only the total is rounded.
    Total,
}
