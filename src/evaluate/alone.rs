//! One rep of a period already evaluated, evaluated again alone with its explanation. What
//! the period's run kept of the other reps stands in for evaluating them again: their grades
//! and scores (the table's), their own figures for each bonus allocated across reps, their
//! attainment where a team pool adds it up, what each owed on the draw and the
//! high-potential flags. Settling the rep reads those, so its figures are the run's.

use super::rep::{fill_vars, score_rep};
use super::results::{GradedBy, RepResult};
use super::settle::settle_alone;
use crate::data::{Dataset, Row};
use crate::packed::PackedFigures;
use crate::plan::{CompiledPlan, Streak};
use crate::problem::Problem;
use rust_decimal::Decimal;

/// What a period's run keeps beyond a table's figures, to settle one rep again alone
/// ([`rep_alone`]). The figures' lists hold one figure per evaluated rep, in evaluation
/// order; the flags, one per data rep.
#[derive(Debug, Clone, Default)]
pub struct CrossRep {
    /// For each bonus, in plan order: each rep's own figure for it (its rank measure or its
    /// weight in a pool) when the bonus is allocated across reps; `None` when each rep gets
    /// it alone.
    pub(super) bonus_values: Vec<Option<PackedFigures>>,
    /// Each rep's headline attainment (actual, target), when a team pool adds them up.
    pub(super) attainment: Option<(PackedFigures, PackedFigures)>,
    /// What each rep owed on the draw at the start of the period, when the plan has a draw.
    pub(super) owed: Option<PackedFigures>,
    /// Which data reps the plan's high-potential rule flags, when it has one.
    pub(super) high_potential: Option<Vec<bool>>,
}

/// Where an evaluated rep stands among the others, as a table keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    /// The rep's index in the data's reps.
    pub rep: usize,
    /// Its grade band (an index into the plan's bands).
    pub band: usize,
    /// Its rank by score.
    pub rank: usize,
    /// Its score.
    pub score: Decimal,
}

/// The full result of the rep at position `at` of `everyone` (every rep the run of data
/// period `period` evaluated, in evaluation order), explained, with its parts; `streak` when
/// the run flagged its grade streak. Only this rep is evaluated: the others' figures are
/// read from `kept` and `everyone`. A return charged to the rep still evaluates the period
/// of its sale, for the rep's grade then. `None` when `everyone` does not fit `data` and
/// `plan` (a run of other data): the rep is not in that run.
pub fn rep_alone(plan: &CompiledPlan, data: &Dataset, period: usize, kept: &CrossRep, everyone: &[Standing], at: usize, streak: bool) -> Option<Result<RepResult, Problem>> {
    let standing = everyone.get(at)?;
    if everyone.iter().any(|s| s.rep >= data.reps.len() || s.band >= plan.plan.grades.bands.len()) {
        return None;
    }
    let row = data.row_of(standing.rep, period)?;
    let periods = match plan.plan.grades.streak.as_ref().filter(|_| streak) {
        Some(s) => Some((s, super::streak_periods(plan, period, s)?)),
        None => None,
    };
    Some(explain_alone(plan, data, period, kept, everyone, at, &row, periods))
}

/// [`rep_alone`] once its standing is found: `row` is its data row, `streak` the grade
/// streak it was flagged for and the periods it covers.
#[allow(clippy::too_many_arguments)]
fn explain_alone(plan: &CompiledPlan, data: &Dataset, period: usize, kept: &CrossRep, everyone: &[Standing], at: usize, row: &Row, streak: Option<(&Streak, Vec<usize>)>) -> Result<RepResult, Problem> {
    let standing = everyone[at];
    let mut vars = vec![Decimal::ZERO; plan.slots.names.len()];
    let mut div_by_zero = vec![false; plan.slots.names.len()];
    fill_vars(plan, data, row, &mut vars, &mut div_by_zero)?;
    super::set_high_potential(plan, kept.high_potential.as_deref(), row.rep, &mut vars);
    let (mut result, work) = score_rep(plan, data, row, &vars, &div_by_zero, true, true)?;
    result.grade = plan.plan.grades.bands.get(standing.band).map(|b| b.grade.clone()).unwrap_or_default();
    result.rank = standing.rank;
    if let Some(quotas) = &plan.quotas {
        let scores: Vec<Decimal> = everyone.iter().map(|s| s.score).collect();
        result.graded_by = GradedBy::Rank;
        result.grade_places = Some(crate::score::places_of(&scores, at, standing.band, quotas));
    }
    if let Some((streak, periods)) = streak {
        result.flags.push(super::streak_flag(data, streak, &periods));
    }
    settle_alone(plan, data, period, result, work, everyone, at, kept)
}
