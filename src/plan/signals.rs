//! Management signals (D6): alert rules, the high-potential rule and improvement plans. They
//! read the same formulas as the rest of the plan and never change anyone's pay.

use super::PeriodKind;
use rust_decimal::Decimal;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// The plan's signals: what to warn about, whom to spot as high potential, which improvement
/// plans to track. All optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signals {
    /// Alert rules, checked for every rep of the evaluated period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alerts: Vec<AlertRule>,
    /// The high-potential (高潜) rule: every condition must hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_potential: Option<HighPotential>,
    /// Improvement plans agreed with reps, tracked from one period to a later one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub improvement_plans: Vec<ImprovementPlan>,
}

impl Signals {
    /// True when the plan asks for no signal (the section is then left out of saved plans).
    pub fn is_empty(&self) -> bool {
        self.alerts.is_empty() && self.high_potential.is_none() && self.improvement_plans.is_empty()
    }

    /// True when a signal compares periods (a drop, a streak, an improvement plan), so period
    /// names must be of the plan's kind.
    pub fn needs_period_order(&self) -> bool {
        let placed = |rule: &AlertCondition| match rule {
            AlertCondition::Level { to_date, only_at, .. } => to_date.is_some() || only_at.is_some(),
            _ => true,
        };
        !self.improvement_plans.is_empty() || self.alerts.iter().any(|a| placed(&a.rule))
    }
}

/// One alert rule and how serious a match is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AlertRule {
    /// Unique among the alert rules, e.g. `followup_drop`.
    pub id: String,
    /// What the alert says, e.g. "Follow-up rate dropped sharply".
    pub name: String,
    /// The Chinese name, e.g. 跟进率骤降.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// `warning` (look at it) or `critical` (act now); `warning` by default.
    #[serde(default)]
    pub severity: AlertSeverity,
    /// When the alert fires.
    pub rule: AlertCondition,
}

/// How serious an alert is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlertSeverity {
    /// Worth a look.
    #[default]
    Warning,
    /// Needs action.
    Critical,
}

/// When an alert fires, for one rep in the evaluated period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AlertCondition {
    /// A value fell from the previous period by at least `by` (in the value's own unit, e.g.
    /// 15 for a follow-up rate written in percent: 80 → 60 fires), or by at least `by_pct`
    /// percent of its previous value.
    Drop {
        /// Formula of the value watched, e.g. `followup_rate`.
        metric: String,
        /// What the value is called in the alert's message, e.g. "Follow-up rate" (the
        /// formula itself when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        metric_name: Option<String>,
        /// The Chinese name of the value, e.g. 跟进率 (`metric_name` when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        metric_name_zh: Option<String>,
        /// The least fall that fires, in the value's unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<Decimal>,
        /// The least fall that fires, in percent of the previous value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by_pct: Option<Decimal>,
    },
    /// A value is below `below` or above `above` in the evaluated period, or, with `to_date`,
    /// over the periods from the start of its year (or quarter) up to it; with `only_at`, only
    /// in some periods of the year (or quarter).
    Level {
        /// Formula of the value watched, e.g. `revenue_collected / revenue_target * 100`.
        metric: String,
        /// What the value is called in the alert's message, e.g. "Revenue attainment (%)"
        /// (the formula itself when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        metric_name: Option<String>,
        /// The Chinese name of the value, e.g. 回款达成率（%） (`metric_name` when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        metric_name_zh: Option<String>,
        /// Fires when the value is under this.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        below: Option<Decimal>,
        /// Fires when the value is over this.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        above: Option<Decimal>,
        /// Watch the value to date: the formula worked out on the rep's figures (data
        /// columns and targets) summed from the start of the `year`, or in a monthly plan of
        /// the `quarter`, up to the evaluated period, as year-to-date sums them. Absent: the
        /// evaluated period's value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to_date: Option<ToDate>,
        /// The places, counted from 1, of the periods in their year (with `"to_date":
        /// "quarter"`, in their quarter) where the rule applies: `[2]` is mid-year in a
        /// quarterly plan (Q2), or the middle month of each quarter. Absent: every period.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        only_at: Option<Vec<u32>>,
    },
    /// The rep got `grade` in `periods` consecutive periods, the evaluated one included.
    GradeStreak {
        /// A grade of the plan's bands, e.g. `C`.
        grade: String,
        /// How many periods in a row (2–12).
        periods: u32,
    },
}

/// Where a level alert's figures to date start adding up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ToDate {
    /// From the first period of the year (year to date, 年初至今).
    Year,
    /// From the first month of the quarter (quarter to date, 季初至今); monthly plans only.
    Quarter,
}

impl ToDate {
    /// How many of the plan's periods the span holds (4 quarters, 12 or 3 months, 1 year).
    pub fn periods(self, kind: PeriodKind) -> usize {
        match self {
            ToDate::Year => kind.per_year(),
            ToDate::Quarter => 3,
        }
    }
}

/// The name pay formulas use for the high-potential flag: 1 for a rep the rule flags in the
/// evaluated period, 0 otherwise (e.g. a commission line's `rate_override.when`).
pub const HIGH_POTENTIAL: &str = "high_potential";

/// The high-potential rule: reps for whom every condition holds, compared with the team of
/// the evaluated period (all reps, or those of the same role or region). Pay formulas can
/// read the flag as [`HIGH_POTENTIAL`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HighPotential {
    /// Whom a rep is compared with: `all` reps (default), the same `role` or the same `region`.
    #[serde(default)]
    pub team: TeamScope,
    /// The conditions, all of which must hold (at least one).
    pub conditions: Vec<PotentialCondition>,
}

/// The reps a rep is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TeamScope {
    /// Every evaluated rep.
    #[default]
    All,
    /// Reps with the same role.
    Role,
    /// Reps in the same region.
    Region,
}

/// One condition of the high-potential rule, on a value compared with the team.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum PotentialCondition {
    /// The value is at least `by` above the team's statistic (`average`, `median` or a
    /// percentile such as `p75`): satisfaction 92 against an average of 85 with `by` 5 holds.
    Above {
        /// Formula of the value, e.g. `satisfaction`.
        metric: String,
        /// The team figure compared with: `average`, `median` or `p<N>` (`p75`).
        stat: String,
        /// How far above it the value must be, in the value's unit (0 by default: at least equal).
        #[serde(default)]
        by: Decimal,
    },
    /// The rep's percentile rank in the team on this value is between `from` and `to`
    /// (0 = lowest, 100 = highest): "mid-ranked revenue" is 25–75.
    Percentile {
        /// Formula of the value, e.g. `revenue_collected`.
        metric: String,
        /// The lowest percentile rank that holds.
        from: Decimal,
        /// The highest percentile rank that holds.
        to: Decimal,
    },
}

/// An improvement plan agreed with one rep: a value from a starting period, the value planned
/// for a later period, and optionally the next target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ImprovementPlan {
    /// The rep's id in the data, e.g. `S03`.
    pub rep: String,
    /// Formula of the value to improve, e.g. `new_customers`.
    pub metric: String,
    /// What the value is called in the plan's message, e.g. "New customers" (the formula
    /// itself when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_name: Option<String>,
    /// The Chinese name of the value, e.g. 新客户数 (`metric_name` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_name_zh: Option<String>,
    /// The period the plan starts from (its value is the starting point), e.g. `2026-Q3`.
    pub from_period: String,
    /// The period the plan is judged in, after `from_period`, e.g. `2026-Q4`.
    pub period: String,
    /// The value planned for `period`: 8 new customers.
    pub planned: Decimal,
    /// The target set for the period after, e.g. 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_target: Option<Decimal>,
}

use super::read::{read_struct, tagged, unit_enums, variant_fields, Read};

read_struct!(Signals, "struct Signals", ["alerts", "high_potential", "improvement_plans"], |f| Signals {
    alerts: f.or_default("alerts")?,
    high_potential: f.or_default("high_potential")?,
    improvement_plans: f.or_default("improvement_plans")?,
});

read_struct!(AlertRule, "struct AlertRule", ["id", "name", "name_zh", "severity", "rule"], |f| AlertRule {
    id: f.required("id")?,
    name: f.required("name")?,
    name_zh: f.or_default("name_zh")?,
    severity: f.or_default("severity")?,
    rule: f.required("rule")?,
});

unit_enums! {
    AlertSeverity { "warning" => Warning, "critical" => Critical }
    ToDate { "year" => Year, "quarter" => Quarter }
    TeamScope { "all" => All, "role" => Role, "region" => Region }
}

impl<'de> Read<'de> for AlertCondition {
    fn read(value: &'de super::tree::Tree<'de>, stack: &super::tracked::Stack<'de>) -> Result<Self, serde_json::Error> {
        match tagged(value, stack, "internally tagged enum AlertCondition", &["drop", "level", "grade_streak"])? {
            (0, entries) => variant_fields(entries, &["metric", "metric_name", "metric_name_zh", "by", "by_pct"], |f| {
                Ok(AlertCondition::Drop { metric: f.required("metric")?, metric_name: f.or_default("metric_name")?, metric_name_zh: f.or_default("metric_name_zh")?, by: f.or_default("by")?, by_pct: f.or_default("by_pct")? })
            }),
            (1, entries) => variant_fields(entries, &["metric", "metric_name", "metric_name_zh", "below", "above", "to_date", "only_at"], |f| {
                Ok(AlertCondition::Level {
                    metric: f.required("metric")?,
                    metric_name: f.or_default("metric_name")?,
                    metric_name_zh: f.or_default("metric_name_zh")?,
                    below: f.or_default("below")?,
                    above: f.or_default("above")?,
                    to_date: f.or_default("to_date")?,
                    only_at: f.or_default("only_at")?,
                })
            }),
            (_, entries) => variant_fields(entries, &["grade", "periods"], |f| Ok(AlertCondition::GradeStreak { grade: f.required("grade")?, periods: f.required("periods")? })),
        }
    }
}

read_struct!(HighPotential, "struct HighPotential", ["team", "conditions"], |f| HighPotential { team: f.or_default("team")?, conditions: f.required("conditions")? });

impl<'de> Read<'de> for PotentialCondition {
    fn read(value: &'de super::tree::Tree<'de>, stack: &super::tracked::Stack<'de>) -> Result<Self, serde_json::Error> {
        match tagged(value, stack, "internally tagged enum PotentialCondition", &["above", "percentile"])? {
            (0, entries) => variant_fields(entries, &["metric", "stat", "by"], |f| Ok(PotentialCondition::Above { metric: f.required("metric")?, stat: f.required("stat")?, by: f.or_default("by")? })),
            (_, entries) => variant_fields(entries, &["metric", "from", "to"], |f| Ok(PotentialCondition::Percentile { metric: f.required("metric")?, from: f.required("from")?, to: f.required("to")? })),
        }
    }
}

read_struct!(ImprovementPlan, "struct ImprovementPlan", ["rep", "metric", "metric_name", "metric_name_zh", "from_period", "period", "planned", "next_target"], |f| ImprovementPlan {
    rep: f.required("rep")?,
    metric: f.required("metric")?,
    metric_name: f.or_default("metric_name")?,
    metric_name_zh: f.or_default("metric_name_zh")?,
    from_period: f.required("from_period")?,
    period: f.required("period")?,
    planned: f.required("planned")?,
    next_target: f.or_default("next_target")?,
});
