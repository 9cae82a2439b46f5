//! Commission types: lines with a credited base, a rate table (marginal or retroactive
//! tiers, in percent of target or in amounts), a gate, a cap and modifiers.

use rust_decimal::Decimal;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;
use std::collections::BTreeMap;

/// A commission line: a credited amount paid through a rate table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommissionLine {
    /// Unique id of the line, e.g. `revenue_commission`; the returns file names the line by it.
    pub id: crate::label::Label,
    /// The line's label, e.g. `SaaS tiers on collected revenue`.
    pub name: String,
    /// The label in Chinese, e.g. `回款提成` (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Formula of the credited amount, e.g. `revenue_collected` (回款).
    pub base: String,
    /// Formula of the target, e.g. `revenue_target`; needed when tier bounds are in percent of
    /// target or the line has a gate, else only shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// `marginal` (each tier's rate on its slice, 超额累进) or `retroactive` (the whole base at the rate of the highest tier reached, 全额累进).
    pub method: TierMethod,
    /// What tier bounds are in: `attainment_pct` (percent of target) or `amount` (amounts of the base).
    pub tier_basis: TierBasis,
    /// Tiers by their lower bound, the first exactly 0, then strictly increasing (at most 100); a single tier is a flat rate.
    pub tiers: Vec<Tier>,
    /// No commission at all below this attainment of the line's target, in percent (门槛; at
    /// the gate exactly the line pays; 0–1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate_pct: Option<Decimal>,
    /// A gate above 100% is almost always a typo; set this to say it is meant.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_gate_above_100: bool,
    /// Most this line pays a rep in a period, after its modifiers (封顶), in the plan's currency (above 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Decimal>,
    /// Raises every tier's rate by `add_pct` points for reps the condition holds for
    /// (a high-potential rep: 3% → 4%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_override: Option<RateOverride>,
    /// A multiplier per grade (`{ "S": 1.2, "C": 0.5 }`, 0–10); grades not listed keep × 1.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub grade_multipliers: BTreeMap<String, Decimal>,
    /// Multipliers applied, in plan order, when their condition holds (collection rate < 90% → × 0.8); all that hold apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub multipliers: Vec<ConditionalMultiplier>,
}

/// Extra rate points for the reps a condition holds for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RateOverride {
    /// Formula of the condition, e.g. `high_potential` or `satisfaction >= 90`.
    pub when: String,
    /// Percentage points added to every tier's rate (`1`: 3% → 4%); above 0, at most 100.
    pub add_pct: Decimal,
}

/// A multiplier applied when a condition holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConditionalMultiplier {
    /// Formula of the condition, e.g. `collection_rate < 90%`.
    pub when: String,
    /// The factor the line's pay is multiplied by (`0.8`; 0–10).
    pub multiplier: Decimal,
}

/// How a rate table applies to the credited amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TierMethod {
    /// Each tier's rate applies to the slice of the amount inside the tier ("on the excess").
    Marginal,
    /// The whole amount is paid at the rate of the highest tier reached.
    Retroactive,
}

/// What tier bounds are expressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TierBasis {
    /// Percent of the line's target (100 = on target).
    AttainmentPct,
    /// Money amounts of the credited base.
    Amount,
}

/// A tier: from `from` (inclusive) up to the next tier's `from`, paid at `rate_pct` percent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// The tier's lower bound (inclusive): percent of target, or an amount of the base, by `tier_basis`.
    pub from: Decimal,
    /// The rate in percent (`3` = 3%; 0–100).
    pub rate_pct: Decimal,
}

use super::read::{read_struct, unit_enums};

read_struct!(CommissionLine, "struct CommissionLine", ["id", "name", "name_zh", "base", "target", "method", "tier_basis", "tiers", "gate_pct", "allow_gate_above_100", "cap", "rate_override", "grade_multipliers", "multipliers"], |f| CommissionLine {
    id: f.required("id")?,
    name: f.required("name")?,
    name_zh: f.or_default("name_zh")?,
    base: f.required("base")?,
    target: f.or_default("target")?,
    method: f.required("method")?,
    tier_basis: f.required("tier_basis")?,
    tiers: f.required("tiers")?,
    gate_pct: f.or_default("gate_pct")?,
    allow_gate_above_100: f.or_default("allow_gate_above_100")?,
    cap: f.or_default("cap")?,
    rate_override: f.or_default("rate_override")?,
    grade_multipliers: f.or_default("grade_multipliers")?,
    multipliers: f.or_default("multipliers")?,
});

read_struct!(RateOverride, "struct RateOverride", ["when", "add_pct"], |f| RateOverride { when: f.required("when")?, add_pct: f.required("add_pct")? });

read_struct!(ConditionalMultiplier, "struct ConditionalMultiplier", ["when", "multiplier"], |f| ConditionalMultiplier { when: f.required("when")?, multiplier: f.required("multiplier")? });

unit_enums! {
    TierMethod { "marginal" => Marginal, "retroactive" => Retroactive }
    TierBasis { "attainment_pct" => AttainmentPct, "amount" => Amount }
}

read_struct!(Tier, "struct Tier", ["from", "rate_pct"], |f| Tier { from: f.required("from")?, rate_pct: f.required("rate_pct")? });
