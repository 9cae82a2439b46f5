//! Grade types: bands, the forced-distribution guide (reported or enforced by rank), and
//! the streak rule (C in two consecutive periods).

use rust_decimal::Decimal;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// Grade bands from the best down; the last band has no minimum and takes every other score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Grades {
    /// The bands, best first; a rep gets the first band whose `min_score` its score reaches.
    pub bands: Vec<GradeBand>,
    /// The expected share of reps per grade (强制分布), reported, or enforced by rank (none by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<Distribution>,
    /// Flag reps who get a grade several periods in a row (连续2个周期不达标; none by default).
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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    /// The grade's name, unique and not empty, e.g. `S`.
    pub grade: crate::label::Label,
    /// The least score that earns the grade (inclusive: 90.00 is S at 90); the last band has
    /// none and every other band must have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_score: Option<Decimal>,
}

/// Forced distribution: the guide is always reported against; with `enforce`, grades are
/// given by rank instead of by band.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    /// The expected share of each grade (seed 003: S 10–15%, A 30–40%, B 30–40%, C 5–10%);
    /// enforced, it lists every grade in band order.
    pub guide: Vec<GradeShare>,
    /// Give grades by rank so that each grade gets its `quota_pct` of the reps. Ties at a
    /// boundary all get the better grade (so that grade may go over its quota). Default false.
    #[serde(default)]
    pub enforce: bool,
}

/// The expected share of reps for one grade, in percent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GradeShare {
    /// The grade, one of the bands.
    pub grade: String,
    /// The least expected share of reps, in percent (inclusive); below it the report says `below`.
    pub min_pct: Decimal,
    /// The greatest expected share of reps, in percent (inclusive); above it the report says `above`.
    pub max_pct: Decimal,
    /// The share of reps, in percent, given when the distribution is enforced (required then); the quotas add to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_pct: Option<Decimal>,
}

/// Flag a rep who gets `grade` in `periods` consecutive periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Streak {
    /// The grade to watch, one of the bands, e.g. `C`.
    pub grade: String,
    /// How many consecutive periods, the evaluated one included (2–12).
    pub periods: u32,
}

use super::read::read_struct;

read_struct!(Grades, "struct Grades", ["bands", "distribution", "streak"], |f| Grades {
    bands: f.required("bands")?,
    distribution: f.or_default("distribution")?,
    streak: f.or_default("streak")?,
});

read_struct!(GradeBand, "struct GradeBand", ["grade", "min_score"], |f| GradeBand { grade: f.required("grade")?, min_score: f.or_default("min_score")? });

read_struct!(Distribution, "struct Distribution", ["guide", "enforce"], |f| Distribution { guide: f.required("guide")?, enforce: f.or_default("enforce")? });

read_struct!(GradeShare, "struct GradeShare", ["grade", "min_pct", "max_pct", "quota_pct"], |f| GradeShare {
    grade: f.required("grade")?,
    min_pct: f.required("min_pct")?,
    max_pct: f.required("max_pct")?,
    quota_pct: f.or_default("quota_pct")?,
});

read_struct!(Streak, "struct Streak", ["grade", "periods"], |f| Streak { grade: f.required("grade")?, periods: f.required("periods")? });
