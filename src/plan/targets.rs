//! Target and period types: named targets with a default, per role / region / rep values,
//! an annual figure split into periods evenly or by shares, and per-period overrides.

use rust_decimal::Decimal;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;
use std::collections::BTreeMap;

/// The length of the periods the data rows are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Period names like `2026-03`.
    Month,
    /// Period names like `2026-Q1`.
    #[default]
    Quarter,
    /// Period names like `2026`.
    Year,
}

impl PeriodKind {
    /// Periods in a year.
    pub fn per_year(self) -> usize {
        match self {
            PeriodKind::Month => 12,
            PeriodKind::Quarter => 4,
            PeriodKind::Year => 1,
        }
    }

    /// `(year, index in the year from 0)` of a period name, or `None` if it is not of this kind.
    pub fn parse(self, name: &str) -> Option<(i32, usize)> {
        let (year, rest) = match name.split_once('-') {
            Some((y, rest)) => (y, Some(rest)),
            None => (name, None),
        };
        let year: i32 = year.parse().ok().filter(|y| (1900..=2999).contains(y))?;
        let index = match (self, rest) {
            (PeriodKind::Year, None) => 1,
            (PeriodKind::Quarter, Some(q)) => q.strip_prefix('Q')?.parse().ok().filter(|q| (1..=4).contains(q))?,
            (PeriodKind::Month, Some(m)) if m.len() == 2 => m.parse().ok().filter(|m| (1..=12).contains(m))?,
            _ => return None,
        };
        Some((year, index - 1))
    }

    /// What a name of this kind may hold, for messages, in English and Chinese.
    pub fn range(self) -> (&'static str, &'static str) {
        match self {
            PeriodKind::Month => ("months 01 to 12", "月份为 01 至 12"),
            PeriodKind::Quarter => ("quarters Q1 to Q4", "季度为 Q1 至 Q4"),
            PeriodKind::Year => ("years 1900 to 2999", "年份为 1900 至 2999"),
        }
    }

    /// An example name, for messages.
    pub fn example(self) -> &'static str {
        match self {
            PeriodKind::Month => "2026-03",
            PeriodKind::Quarter => "2026-Q1",
            PeriodKind::Year => "2026",
        }
    }
}

/// A named target, usable in formulas by its id. Its value for a rep in a period is, in
/// order: the most specific matching override; else the rep's, region's or role's value,
/// else the default — an annual figure split by `split`, or a per-period figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The name formulas use, an identifier, e.g. `new_customer_goal`.
    pub id: String,
    /// The target's label (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The label in Chinese (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Whether the default and the by_* values are each period's target (`per_period`,
    /// default) or the year's, split over its periods (`annual`).
    #[serde(default)]
    pub basis: TargetBasis,
    /// The figure for every rep not matched by `by_rep`, `by_region` or `by_role` (above 0).
    pub default: Decimal,
    /// Figures by role (above 0), e.g. `{ "account_manager": 20 }`; `by_region` and `by_rep` beat it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_role: BTreeMap<String, Decimal>,
    /// Figures by region (above 0), e.g. `{ "Southwest": 36 }`; beats `by_role`, `by_rep` beats it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_region: BTreeMap<String, Decimal>,
    /// Figures by rep id (above 0); beats every other figure.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_rep: BTreeMap<String, Decimal>,
    /// How an annual figure is split over the year's periods: `"even"` (default) or
    /// `{ "shares": [20, 25, 25, 30] }`; only for `basis: "annual"`.
    #[serde(default, skip_serializing_if = "Split::is_even")]
    pub split: Split,
    /// Values that replace the computed one for one period or from a period on (a target
    /// changed mid-year); the most specific wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<TargetOverride>,
}

/// Whether target figures are for the year or for each period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TargetBasis {
    /// The figures are the year's target, split over its periods (the last period takes the remainder).
    Annual,
    /// The figures are each period's target.
    #[default]
    PerPeriod,
}

/// How an annual target is split over the periods of a year.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema), schemars(rename = "TargetSplit"))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Split {
    /// The same share for every period.
    #[default]
    Even,
    /// One share in percent per period of the year (4 for quarters, 12 for months), adding to 100.
    Shares(Vec<Decimal>),
}

impl Split {
    fn is_even(&self) -> bool {
        *self == Split::Even
    }
}

/// A per-period value for some reps: all of them, or those of a role, a region or one rep;
/// for one `period`, or `from` a period on (a target changed mid-year: 80万 → 75万).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TargetOverride {
    /// The one period it applies to, e.g. `2026-Q4` (give exactly one of `period` and `from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The first period it applies to; it applies to every later one too (give exactly one of `period` and `from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Only reps of this role (name at most one of `role`, `region`, `rep`; none: everyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Only reps of this region (name at most one of `role`, `region`, `rep`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Only this rep, by id (name at most one of `role`, `region`, `rep`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rep: Option<String>,
    /// The target's value for those reps and periods, above 0 (replaces the computed one, annual or not).
    pub value: Decimal,
}

/// A derived metric: a formula over rep fields, targets and other metrics.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// The name formulas use, an identifier, e.g. `conversion_rate`.
    pub id: String,
    /// The metric's label (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The label in Chinese, e.g. `转化率` (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// The formula, e.g. `new_customers / visits`; it may use other metrics, in any order.
    pub formula: String,
}

use super::read::{newtype_variant, read_struct, unit_enums, unit_variant, variant, Read};

unit_enums! {
    PeriodKind { "month" => Month, "quarter" => Quarter, "year" => Year }
    TargetBasis { "annual" => Annual, "per_period" => PerPeriod }
}

read_struct!(Target, "struct Target", ["id", "name", "name_zh", "basis", "default", "by_role", "by_region", "by_rep", "split", "overrides"], |f| Target {
    id: f.required("id")?,
    name: f.or_default("name")?,
    name_zh: f.or_default("name_zh")?,
    basis: f.or_default("basis")?,
    default: f.required("default")?,
    by_role: f.or_default("by_role")?,
    by_region: f.or_default("by_region")?,
    by_rep: f.or_default("by_rep")?,
    split: f.or_default("split")?,
    overrides: f.or_default("overrides")?,
});

impl<'de> Read<'de> for Split {
    fn read(value: &'de super::tree::Tree<'de>, stack: &super::tracked::Stack<'de>) -> Result<Self, serde_json::Error> {
        match variant(value, &["even", "shares"])? {
            (0, name, content) => unit_variant(stack, name, content).map(|()| Split::Even),
            (_, name, content) => newtype_variant(stack, name, content).map(Split::Shares),
        }
    }
}

read_struct!(TargetOverride, "struct TargetOverride", ["period", "from", "role", "region", "rep", "value"], |f| TargetOverride {
    period: f.or_default("period")?,
    from: f.or_default("from")?,
    role: f.or_default("role")?,
    region: f.or_default("region")?,
    rep: f.or_default("rep")?,
    value: f.required("value")?,
});

read_struct!(Metric, "struct Metric", ["id", "name", "name_zh", "formula"], |f| Metric {
    id: f.required("id")?,
    name: f.or_default("name")?,
    name_zh: f.or_default("name_zh")?,
    formula: f.required("formula")?,
});
