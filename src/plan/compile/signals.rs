//! Compiling the signals: their formulas bound to the data's names (without making their
//! columns required for pay: a blank value only silences the signal), reps and periods
//! resolved to indexes.

use super::formulas::{Formulas, Slots};
use super::CompiledMetric;
use super::targets::unknown_id;
use crate::data::Dataset;
use crate::formula::Expr;
use crate::plan::{AlertCondition, Plan, PotentialCondition};
use crate::problem::Problem;

/// The signals of a plan, ready to work out.
#[derive(Debug, Clone, Default)]
pub struct CompiledSignals {
    /// Each alert rule's formula, in rule order (`None` for a grade streak).
    pub alerts: Vec<Option<SignalExpr>>,
    /// Each high-potential condition's formula, in order.
    pub potential: Vec<SignalExpr>,
    /// Each improvement plan, in order.
    pub improvements: Vec<CompiledImprovement>,
}

/// A signal's formula and what it reads, directly or through a derived metric: only those
/// are filled to work it out.
#[derive(Debug, Clone)]
pub struct SignalExpr {
    /// The formula.
    pub expr: Expr,
    /// The data columns (slots) it reads, ascending.
    pub(crate) columns: Vec<usize>,
    /// The derived metrics it reads, as indices into the compiled plan's `metrics`, ascending
    /// (an order they can be worked out in).
    pub(crate) metrics: Vec<usize>,
}

impl SignalExpr {
    /// `expr` with the columns (slots below `columns`) and the `metrics` (in dependency
    /// order) it reads, directly or through a metric.
    fn needing(expr: Expr, metrics: &[CompiledMetric], columns: usize) -> SignalExpr {
        let mut read = Vec::new();
        expr.vars(&mut read);
        // From the last metric back: a metric is read before any it reads is reached.
        let mut needed = Vec::new();
        for (i, m) in metrics.iter().enumerate().rev() {
            if read.contains(&m.slot) {
                needed.push(i);
                m.expr.vars(&mut read);
            }
        }
        needed.reverse();
        read.retain(|v| *v < columns);
        crate::sorting::sort(&mut read);
        read.dedup();
        SignalExpr { expr, columns: read, metrics: needed }
    }

    /// Whether the formula reads the metric at index `metric` of the compiled plan's
    /// `metrics`, directly or through another.
    pub(crate) fn needs_metric(&self, metric: usize) -> bool {
        self.metrics.binary_search(&metric).is_ok()
    }
}

/// An improvement plan with its rep, periods and formula resolved.
#[derive(Debug, Clone)]
pub struct CompiledImprovement {
    /// Its index in the plan's `improvement_plans` (those that could not be resolved are skipped).
    pub index: usize,
    /// The rep's index in the data.
    pub rep: usize,
    /// The starting period's index in the data.
    pub from_period: usize,
    /// The judged period's index in the data.
    pub period: usize,
    /// The value's formula.
    pub expr: SignalExpr,
}

pub(super) fn compile_signals(plan: &Plan, data: &Dataset, slots: &Slots, metrics: &[CompiledMetric], high_potential: Option<usize>, problems: &mut Vec<Problem>) -> CompiledSignals {
    let mut f = Formulas::new(slots);
    let mut parse = |text: &str, path: String| {
        let expr = f.parse(text, &path)?;
        super::flag_not_read(&expr, high_potential, &path, text, &mut f.problems);
        Some(SignalExpr::needing(expr, metrics, slots.columns))
    };
    let signals = &plan.signals;
    let alerts = signals
        .alerts
        .iter()
        .enumerate()
        .map(|(i, a)| match &a.rule {
            AlertCondition::Drop { metric, .. } | AlertCondition::Level { metric, .. } => parse(metric, format!("signals.alerts[{i}].rule.metric")),
            AlertCondition::GradeStreak { periods, .. } => {
                streak_fits(*periods, data, &format!("signals.alerts[{i}].rule.periods"), problems);
                None
            }
        })
        .collect();
    let potential = signals
        .high_potential
        .iter()
        .flat_map(|h| h.conditions.iter().enumerate())
        .filter_map(|(i, c)| match c {
            PotentialCondition::Above { metric, .. } | PotentialCondition::Percentile { metric, .. } => parse(metric, format!("signals.high_potential.conditions[{i}].metric")),
        })
        .collect();
    let mut improvements = Vec::new();
    for (i, item) in signals.improvement_plans.iter().enumerate() {
        let path = format!("signals.improvement_plans[{i}]");
        // An improvement plan is about one rep's data: on other data (a new export, synthetic
        // reps) it is skipped with a warning rather than stopping the whole plan.
        let rep = data.reps.iter().position(|r| r.id == item.rep);
        if rep.is_none() {
            problems.push(skipped(unknown_id(&format!("{path}.rep"), &item.rep, "rep")));
        }
        let mut period = |name: &str, field: &str| {
            let found = data.periods.iter().position(|p| p == name);
            if found.is_none() {
                problems.push(skipped(Problem::error(
                    "unknown_period",
                    format!("{path}.{field}"),
                    Some(name.to_string()),
                    format!("there is no period `{name}` in the data ({})", data.periods.join(", ")),
                    format!("数据中没有期间 `{name}`（现有期间：{}）", data.periods.join("、")),
                )));
            }
            found
        };
        let (from_period, period) = (period(&item.from_period, "from_period"), period(&item.period, "period"));
        if let (Some(rep), Some(from_period), Some(period), Some(expr)) = (rep, from_period, period, parse(&item.metric, format!("{path}.metric"))) {
            improvements.push(CompiledImprovement { index: i, rep, from_period, period, expr });
        }
    }
    problems.append(&mut f.problems);
    CompiledSignals { alerts, potential, improvements }
}

/// A grade streak longer than the data's periods can never fire: a warning at `path`.
fn streak_fits(periods: u32, data: &Dataset, path: &str, problems: &mut Vec<Problem>) {
    let held = data.periods.len();
    if periods as usize > held {
        problems.push(Problem::warning(
            "streak_longer_than_data",
            path,
            Some(periods.to_string()),
            format!("a streak of {periods} periods can never be seen: the data holds {held} ({})", data.periods.join(", ")),
            format!("连续 {periods} 个期间的条件永远无法满足：数据只有 {held} 个期间（{}）", data.periods.join("、")),
        ));
    }
}

/// `problem` as a warning that says the improvement plan is skipped.
fn skipped(problem: Problem) -> Problem {
    let message = crate::problem::Message {
        en: format!("{}: this improvement plan is skipped", problem.message.en),
        zh: format!("{}：跳过此改进计划", problem.message.zh),
    };
    Problem { severity: crate::problem::Severity::Warning, message, ..problem }
}
