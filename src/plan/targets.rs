//! Target and period types: named targets with a default, per role / region / rep values,
//! an annual figure split into periods evenly or by shares, and per-period overrides.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The length of the periods the data rows are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Whether the default and the by_* values are annual (split into periods) or per period.
    #[serde(default)]
    pub basis: TargetBasis,
    pub default: Decimal,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_role: BTreeMap<String, Decimal>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_region: BTreeMap<String, Decimal>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_rep: BTreeMap<String, Decimal>,
    /// How an annual figure is split over the year's periods.
    #[serde(default, skip_serializing_if = "Split::is_even")]
    pub split: Split,
    /// Per-period values that replace the computed one (a target changed mid-year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<TargetOverride>,
}

/// Whether target figures are for the year or for each period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TargetBasis {
    Annual,
    #[default]
    PerPeriod,
}

/// How an annual target is split over the periods of a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(rename = "TargetSplit"))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TargetOverride {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rep: Option<String>,
    pub value: Decimal,
}

/// A derived metric: a formula over rep fields, targets and other metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    pub formula: String,
}
