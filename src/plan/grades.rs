//! Grade types: bands, the forced-distribution guide (reported or enforced by rank), and
//! the streak rule (C in two consecutive periods).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Grade bands from the best down; the last band has no minimum and takes every other score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Grades {
    pub bands: Vec<GradeBand>,
    /// The expected share of reps per grade (强制分布).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<Distribution>,
    /// Flag reps who get a grade several periods in a row (连续2个周期不达标).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub streak: Option<Streak>,
}

impl Default for Grades {
    fn default() -> Self {
        let band = |grade: &str, min: Option<i64>| GradeBand { grade: grade.into(), min_score: min.map(Decimal::from) };
        Grades {
            bands: vec![band("S", Some(90)), band("A", Some(80)), band("B", Some(70)), band("C", None)],
            distribution: None,
            streak: None,
        }
    }
}

/// A grade and the least total score that earns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    pub grade: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_score: Option<Decimal>,
}

/// Forced distribution: the guide is always reported against; with `enforce`, grades are
/// given by rank instead of by band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    pub guide: Vec<GradeShare>,
    /// Give grades by rank so that each grade gets its `quota_pct` of the reps. Ties at a
    /// boundary all get the better grade (so that grade may go over its quota).
    #[serde(default)]
    pub enforce: bool,
}

/// The expected share of reps for one grade, in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GradeShare {
    pub grade: String,
    pub min_pct: Decimal,
    pub max_pct: Decimal,
    /// The share given when the distribution is enforced; the quotas add to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_pct: Option<Decimal>,
}

/// Flag a rep who gets `grade` in `periods` consecutive periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Streak {
    pub grade: String,
    pub periods: u32,
}
