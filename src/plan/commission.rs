//! Commission types: lines with a credited base, a rate table (marginal or retroactive
//! tiers, in percent of target or in amounts).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
