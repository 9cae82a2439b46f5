//! Management signals (D6) on an evaluated period: alerts, high-potential reps, each rep's
//! portrait against the team, improvement plans, and health checks of the plan itself. They
//! read the evaluation and the data; they never change a figure of it.

mod alerts;
mod health;
mod portrait;
pub(crate) mod potential;
pub mod stats;
mod to_date;

use crate::data::Dataset;
use crate::evaluate::{Evaluation, Shown};
use crate::plan::{AlertSeverity, CompiledPlan, SignalExpr};
use crate::problem::Message;
use rust_decimal::Decimal;
pub(crate) use crate::shown::{plain, plain_against};
use serde::Serialize;
use rustc_hash::FxHashMap;

/// What the signals read beyond the evaluated period's results: values and grades in
/// other periods (the engine answers from the data).
pub trait History {
    /// The value of `expr` for data rep `rep` in data period `period`; `None` when the rep
    /// has no row there or a value it needs is blank.
    fn value(&self, expr: &SignalExpr, rep: usize, period: usize) -> Option<Decimal>;
    /// The values of several formulas on one row of the data (as [`History::value`] each).
    fn row_values(&self, exprs: &[SignalExpr], row: &crate::data::Row) -> Vec<Option<Decimal>>;
    /// Each evaluated rep's grade in data period `period`, by rep id.
    fn grades(&self, period: usize) -> FxHashMap<crate::label::Label, crate::label::Label>;
}

/// A period's evaluation and its signals, worked out together (what a page showing both needs).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct EvaluationWithSignals {
    /// The evaluation, as `evaluate` returns it.
    pub evaluation: Evaluation,
    /// The signals of the same evaluation, as `signals` returns them.
    pub signals: SignalsReport,
}

/// The signals of one evaluated period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SignalsReport {
    /// The evaluated period, e.g. `2026-Q4`.
    pub period: String,
    /// Every alert that fired, critical first, then by rep.
    pub alerts: Vec<Alert>,
    /// The reps the high-potential rule flags, each with the checks that held.
    pub high_potentials: Vec<PotentialFlag>,
    /// Each evaluated rep's standing per KPI against the team, with strengths and weaknesses.
    pub portraits: Vec<Portrait>,
    /// The plan's improvement plans, each with its start, actual and verdict.
    pub improvements: Vec<ImprovementResult>,
    /// Health checks of the plan on this data, each with its verdict.
    pub health: Vec<HealthCheck>,
}

/// An alert that fired for a rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Alert {
    /// The alert rule's id.
    pub rule: String,
    /// The rep's id.
    pub rep_id: crate::label::Label,
    /// `warning` or `critical`, from the rule.
    pub severity: AlertSeverity,
    /// The periods the alert looked at, oldest first.
    pub periods: Vec<String>,
    /// The values it compared: a drop's value in each of `periods`; a level's value (to
    /// date: the one value over all of `periods`); none for a grade streak.
    pub values: Vec<Decimal>,
    /// The rule's threshold that was crossed (a fall, a level, or the streak's length).
    pub threshold: Decimal,
    /// What the threshold counts: `value` (in the metric's own unit), `percent` (a fall in
    /// percent of the previous value) or `periods` (a streak's length).
    pub threshold_unit: ThresholdUnit,
    /// What happened, in both languages, naming the rep, the rule, the values and the periods.
    pub message: Message,
}

/// What an alert's threshold counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ThresholdUnit {
    /// The metric's own unit (a fall by `by`, a level).
    Value,
    /// Percent of the previous value (a fall by `by_pct`).
    Percent,
    /// A number of periods (a grade streak).
    Periods,
}

/// A rep the high-potential rule flags, with every check it passed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PotentialFlag {
    /// The rep's id.
    pub rep_id: crate::label::Label,
    /// One check per condition of the rule, in the rule's order.
    pub checks: Vec<PotentialCheck>,
    /// Why the rep is flagged, in both languages: the rep, then each check's value against its bar.
    pub message: Message,
}

/// One condition of the high-potential rule, worked out for a rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PotentialCheck {
    /// The condition's formula, e.g. `satisfaction`.
    pub metric: String,
    /// The rep's value.
    pub value: Decimal,
    /// What the value was compared with: the team statistic (`average`, `median`, `p75`) or
    /// `percentile_rank`.
    pub compared_with: String,
    /// The team statistic's value, or the rep's percentile rank (0–100).
    pub team_value: Decimal,
    /// The least that holds: the team statistic plus the condition's `by` (a value), or the
    /// percentile range's `from` (a percentile rank, compared with `team_value`).
    pub at_least: Decimal,
    /// The most that holds: the percentile range's `to`, a percentile rank (none for a team
    /// statistic).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Decimal>,
    /// Whether the condition holds.
    pub holds: bool,
}

/// A rep's standing in the team, KPI by KPI.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Portrait {
    /// The rep's id.
    pub rep_id: crate::label::Label,
    /// Each KPI of the rep's card, in the card's order.
    pub kpis: Vec<KpiStanding>,
    /// KPI ids where the rep stands in the top quarter of the team, best first (at most 3).
    pub strengths: Vec<crate::label::Label>,
    /// KPI ids where the rep stands in the bottom quarter, worst first (at most 3).
    pub weaknesses: Vec<crate::label::Label>,
    /// How many reps the rep is ranked among: those scored on the same card in the period,
    /// the rep included (with few, a percentile moves by large steps: 4 reps stand at 0,
    /// 33.33, 66.67 and 100).
    pub team: u32,
}

/// A rep's result on one KPI against the reps scored on the same KPI.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct KpiStanding {
    /// The KPI's id.
    pub kpi: crate::label::Label,
    /// The rep's score on it (points).
    pub score: Decimal,
    /// The score as a percentage of the KPI's weight, 2 places (100 = full marks).
    pub score_pct: Decimal,
    /// The rep's percentile rank on the score among the reps with this KPI (0–100).
    pub percentile: Decimal,
    /// The team's average score on it.
    pub team_average: Decimal,
}

/// An improvement plan, worked out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ImprovementResult {
    /// The rep's id.
    pub rep_id: crate::label::Label,
    /// The formula of the value improved, e.g. `new_customers`.
    pub metric: String,
    /// The starting period.
    pub from_period: String,
    /// The value in the starting period (null when the rep has no figures there).
    pub start: Option<Decimal>,
    /// The period the plan is judged in.
    pub period: String,
    /// The value in that period; null while that period is later than the one evaluated.
    pub actual: Option<Decimal>,
    /// The value planned.
    pub planned: Decimal,
    /// Whether the actual reached the plan; null while it is not known yet.
    pub met: Option<bool>,
    /// The target set for the period after, when the plan has one.
    pub next_target: Option<Decimal>,
    /// The plan in a sentence, in both languages.
    pub message: Message,
}

/// How a health check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HealthSeverity {
    /// Nothing to change.
    Ok,
    /// Worth knowing.
    Info,
    /// The plan probably does not do what it is meant to.
    Warning,
}

/// One health check of the plan on the evaluated data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct HealthCheck {
    /// What was checked: `weights`, `tier_reach`, `base_share`, `grade_guide`, `same_targets`.
    pub code: &'static str,
    /// How it came out.
    pub severity: HealthSeverity,
    /// The part of the plan it is about, e.g. `commission[0].tiers[2]`; empty for the whole plan.
    pub path: String,
    /// The finding in plain words, in both languages, with its figures.
    pub message: Message,
}

/// Works out every signal of the evaluated period `period` (a data period index), with the
/// portraits of the reps `shown` keeps the parts of; `potentials` are the reps the
/// high-potential rule flags in the period ([`potential::high_potentials`], which the
/// evaluation's pay formulas read as well).
pub(crate) fn signals(plan: &CompiledPlan, data: &Dataset, period: usize, evaluation: &Evaluation, history: &dyn History, potentials: Vec<(usize, PotentialFlag)>, shown: Shown) -> SignalsReport {
    let rep_index: FxHashMap<&str, usize> = data.reps.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    let mut alerts = alerts::alerts(plan, data, period, evaluation, &rep_index, history);
    crate::sorting::sort_by(&mut alerts, |a, b| (b.severity == AlertSeverity::Critical).cmp(&(a.severity == AlertSeverity::Critical)).then_with(|| a.rep_id.cmp(&b.rep_id)));
    SignalsReport {
        period: data.periods.get(period).cloned().unwrap_or_default(),
        high_potentials: potentials.into_iter().map(|(_, flag)| flag).collect(),
        portraits: portrait::portraits(evaluation, shown),
        improvements: portrait::improvements(plan, data, period, history),
        health: health::checks(plan, evaluation),
        alerts,
    }
}

/// A rep as messages name it: "Wu Ting (S02)", "吴婷（S02）" (the id alone when unnamed).
/// What a message calls a plan item, in English and in Chinese: its name (the Chinese name in
/// Chinese), or `fallback` (its id, a watched formula) when it has none; a consultant reads
/// "Behavior", not `behavior`.
fn called(fallback: &str, name: Option<&str>, name_zh: Option<&str>) -> (String, String) {
    let name = name.filter(|n| !n.trim().is_empty()).unwrap_or(fallback);
    (name.to_string(), name_zh.filter(|n| !n.trim().is_empty()).unwrap_or(name).to_string())
}

/// The space a Chinese sentence leaves after `what`: one after a name or formula written in
/// Latin letters ("followup_rate 从"), none after a Chinese name ("回款达成率（%）在").
pub(super) fn zh_gap(what: &str) -> &'static str {
    if what.ends_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    }
}

pub(super) fn rep_names(id: &str, name: &str, name_zh: &str) -> (String, String) {
    let zh = if name_zh.is_empty() { name } else { name_zh };
    let en = if name.is_empty() { id.to_string() } else { format!("{name} ({id})") };
    (en, if zh.is_empty() { id.to_string() } else { format!("{zh}（{id}）") })
}
