//! Pay types beyond commission: base pay and allowances by role and city tier, bonuses
//! (over-achievement, threshold, rank, team pool, profit share), a recoverable draw and a
//! cap on total pay.

use rust_decimal::Decimal;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;
use std::collections::BTreeMap;

/// Base salary and allowances, stated per month and paid for the months of each period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BasePay {
    /// The data column holding each rep's city tier (城市级别: 1 for tier-1 cities, …; a whole
    /// number from 1 to 9); default `city_tier`.
    #[serde(default = "default_city_tier_field")]
    pub city_tier_field: String,
    /// Monthly salaries, at least one; the most specific entry matching a rep wins (role and tier > role > tier > neither).
    pub salaries: Vec<Salary>,
    /// Monthly allowances (补贴: transport, phone), for everyone or some roles (none by default).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowances: Vec<Allowance>,
    /// The local monthly minimum wage by city tier, keys `"1"`–`"9"` (`{ "1": 2690 }`): a monthly
    /// salary below it gets the warning `below_minimum_wage`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub minimum_by_city_tier: BTreeMap<String, Decimal>,
    /// `[low, high]`: the share of total pay base pay should have, in percent (0–100, default
    /// `[30, 40]`, inclusive); outside it the rep gets the warning `base_share_out_of_range`.
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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// The role it is for (the data's `role` column); absent: every role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The city tier it is for (1–9); absent: every tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_tier: Option<i64>,
    /// The salary per month, in the plan's currency (above 0); paid × the months of the period.
    pub monthly: Decimal,
}

/// A monthly allowance (transport, phone), for everyone or some roles.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Allowance {
    /// Unique id of the allowance, e.g. `transport`.
    pub id: crate::label::Label,
    /// The allowance's label, e.g. `Transport allowance`.
    pub name: String,
    /// The label in Chinese, e.g. `交通补贴` (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// The amount per month, in the plan's currency (0 or more); paid × the months of the period.
    pub monthly: Decimal,
    /// Only reps with one of these roles get it; absent: everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
}

/// A bonus: how much, and for whom.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bonus {
    /// Unique id of the bonus, e.g. `nps_bonus`.
    pub id: crate::label::Label,
    /// The bonus's label, e.g. `NPS 90 or more`.
    pub name: String,
    /// The label in Chinese (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Only reps with one of these grades get it (all grades when absent; not empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<Vec<String>>,
    /// Scales the bonus by the rep's grade (`{ "S": 1.5 }`, 0–10); grades not listed keep × 1.
    /// Not allowed on a `team_pool` or `profit_share`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub grade_multipliers: BTreeMap<String, Decimal>,
    /// How the amount is worked out: `{ "type": … }`, one of the bonus rules.
    pub rule: BonusRule,
}

/// The kinds of bonus.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum BonusRule {
    /// Above `above_pct` of target, `rate_pct` of the excess over `excess_over_pct` of target
    /// (seed 003: above 120%, 1% of the excess; the plan chooses whether the excess is
    /// counted from 120% or from 100%).
    OverAchievement {
        /// Formula of the actual, e.g. `revenue_collected`.
        actual: String,
        /// Formula of the target, e.g. `revenue_target`; a rep whose target is 0 or less is left out.
        target: String,
        /// Paid only when the actual is strictly above this percent of target (`120`; 0–1000).
        above_pct: Decimal,
        /// The excess is counted from this percent of target (`120` or `100`); not above `above_pct`.
        excess_over_pct: Decimal,
        /// Percent of the excess paid (`1` = 1%; 0–100).
        rate_pct: Decimal,
    },
    /// A fixed amount when a condition holds (NPS ≥ 90 → 3,000).
    Threshold {
        /// Formula of the condition, e.g. `nps >= 90`; non-zero is true.
        when: String,
        /// The amount paid when the condition holds, in the plan's currency (0 to 10^12).
        amount: Decimal,
    },
    /// A fixed amount for the `top` reps by a measure, within each group or over everyone.
    Rank {
        /// Formula of what reps are ranked by, e.g. `new_customers`.
        measure: String,
        /// Reps ranked at most this (1–1000) get `amount`; equal measures share a rank.
        top: u32,
        /// The amount each winner gets, in the plan's currency (0 to 10^12).
        amount: Decimal,
        /// Ties at the last winning places: `include_all` (default) or `share`.
        #[serde(default)]
        ties: RankTies,
        /// Rank over everyone (`all`, default) or separately in each `region` or `role`.
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
        /// The amount each winning group gets, in the plan's currency (above 0).
        pool: Decimal,
        /// The groups compared: `region` (default), `role`, or `all` (one group of everyone).
        #[serde(default = "default_group")]
        group_by: Grouping,
        /// How many groups win (1 by default); tied groups share the pools of the places they take.
        #[serde(default = "one")]
        winners: u32,
        /// How a winning group's amount is split exactly among its eligible reps.
        split: Split,
    },
    /// `pool_pct` of a profit figure, split exactly among every eligible rep by `split`.
    ProfitShare {
        /// The profit, a figure in the plan's currency (0 to 10^12), not a formula: the same pool every period.
        profit: Decimal,
        /// Percent of the profit that makes the pool (`5` = 5%; 0–100).
        pool_pct: Decimal,
        /// How the pool is split exactly among all eligible reps.
        split: Split,
    },
}

fn default_group() -> Grouping {
    Grouping::Region
}

fn one() -> u32 {
    1
}

/// How tied reps at the last winning rank are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RankTies {
    /// Everyone tied at the last winning rank gets the full amount (more than `top` may be paid).
    #[default]
    IncludeAll,
    /// The amounts of the places left are shared equally among the tied reps.
    Share,
}

/// Whom reps are ranked or pooled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    /// Everyone together, as one group.
    #[default]
    All,
    /// Each region separately.
    Region,
    /// Each role separately.
    Role,
}

/// How a pool is split among reps.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema), schemars(rename = "PoolSplit"))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Split {
    /// By each rep's share of a measure formula (contribution share), e.g. `revenue_collected`;
    /// a negative value counts as 0.
    Contribution(String),
    /// By a weight formula per rep (`"1"` splits equally; a manager's weights from a column).
    Weights(String),
}

/// A recoverable draw: when variable pay falls short of `amount` in a period the rep is paid
/// the draw, and (when recoverable) the shortfall is recovered from later periods' variable
/// pay above the draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Draw {
    /// The draw per period, in the plan's currency (above 0).
    pub amount: Decimal,
    /// Whether top-ups are owed and recovered from later periods (default `true`); `false`
    /// makes the draw a guarantee.
    #[serde(default = "yes")]
    pub recoverable: bool,
}

fn yes() -> bool {
    true
}

/// Where rounding applies to pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoundingApplies {
    /// Each pay line is rounded; the total is their sum.
    #[default]
    EachLine,
    /// Lines are kept exact; only the total is rounded.
    Total,
}

use super::read::{newtype_variant, read_struct, tagged, unit_enums, variant, variant_fields, Read};

read_struct!(BasePay, "struct BasePay", ["city_tier_field", "salaries", "allowances", "minimum_by_city_tier", "share_range_pct"], |f| BasePay {
    city_tier_field: f.or("city_tier_field", default_city_tier_field)?,
    salaries: f.required("salaries")?,
    allowances: f.or_default("allowances")?,
    minimum_by_city_tier: f.or_default("minimum_by_city_tier")?,
    share_range_pct: f.or("share_range_pct", default_share)?,
});

read_struct!(Salary, "struct Salary", ["role", "city_tier", "monthly"], |f| Salary { role: f.or_default("role")?, city_tier: f.or_default("city_tier")?, monthly: f.required("monthly")? });

read_struct!(Allowance, "struct Allowance", ["id", "name", "name_zh", "monthly", "roles"], |f| Allowance {
    id: f.required("id")?,
    name: f.required("name")?,
    name_zh: f.or_default("name_zh")?,
    monthly: f.required("monthly")?,
    roles: f.or_default("roles")?,
});

read_struct!(Bonus, "struct Bonus", ["id", "name", "name_zh", "grades", "grade_multipliers", "rule"], |f| Bonus {
    id: f.required("id")?,
    name: f.required("name")?,
    name_zh: f.or_default("name_zh")?,
    grades: f.or_default("grades")?,
    grade_multipliers: f.or_default("grade_multipliers")?,
    rule: f.required("rule")?,
});

impl<'de> Read<'de> for BonusRule {
    fn read(value: &'de super::tree::Tree<'de>, stack: &super::tracked::Stack<'de>) -> Result<Self, serde_json::Error> {
        const VARIANTS: &[&str] = &["over_achievement", "threshold", "rank", "team_pool", "profit_share"];
        match tagged(value, stack, "internally tagged enum BonusRule", VARIANTS)? {
            (0, entries) => variant_fields(entries, &["actual", "target", "above_pct", "excess_over_pct", "rate_pct"], |f| {
                Ok(BonusRule::OverAchievement { actual: f.required("actual")?, target: f.required("target")?, above_pct: f.required("above_pct")?, excess_over_pct: f.required("excess_over_pct")?, rate_pct: f.required("rate_pct")? })
            }),
            (1, entries) => variant_fields(entries, &["when", "amount"], |f| Ok(BonusRule::Threshold { when: f.required("when")?, amount: f.required("amount")? })),
            (2, entries) => variant_fields(entries, &["measure", "top", "amount", "ties", "within", "minimum", "direction"], |f| {
                Ok(BonusRule::Rank {
                    measure: f.required("measure")?,
                    top: f.required("top")?,
                    amount: f.required("amount")?,
                    ties: f.or_default("ties")?,
                    within: f.or_default("within")?,
                    minimum: f.or_default("minimum")?,
                    direction: f.or_default("direction")?,
                })
            }),
            (3, entries) => variant_fields(entries, &["pool", "group_by", "winners", "split"], |f| {
                Ok(BonusRule::TeamPool { pool: f.required("pool")?, group_by: f.or("group_by", default_group)?, winners: f.or("winners", one)?, split: f.required("split")? })
            }),
            (_, entries) => variant_fields(entries, &["profit", "pool_pct", "split"], |f| Ok(BonusRule::ProfitShare { profit: f.required("profit")?, pool_pct: f.required("pool_pct")?, split: f.required("split")? })),
        }
    }
}

unit_enums! {
    RankTies { "include_all" => IncludeAll, "share" => Share }
    Grouping { "all" => All, "region" => Region, "role" => Role }
    RoundingApplies { "each_line" => EachLine, "total" => Total }
}

impl<'de> Read<'de> for Split {
    fn read(value: &'de super::tree::Tree<'de>, stack: &super::tracked::Stack<'de>) -> Result<Self, serde_json::Error> {
        match variant(value, &["contribution", "weights"])? {
            (0, name, content) => newtype_variant(stack, name, content).map(Split::Contribution),
            (_, name, content) => newtype_variant(stack, name, content).map(Split::Weights),
        }
    }
}

read_struct!(Draw, "struct Draw", ["amount", "recoverable"], |f| Draw { amount: f.required("amount")?, recoverable: f.or("recoverable", yes)? });
