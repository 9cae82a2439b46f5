//! Evaluating a compiled plan: one period (every rep scored and paid, then graded by band
//! or by enforced distribution, ranked, flagged for grade streaks) or year-to-date (the
//! year's periods up to one, summed and averaged). A rep that cannot be evaluated (a blank
//! figure, a zero target, an overflow) is left out of every total and reported by name.

mod alone;
mod history;
mod json;
mod rep;
mod results;
mod settle;
mod totals;
mod ytd;

pub use alone::{rep_alone, CrossRep, Standing};
pub use json::push_rep;
pub use results::{AdjustmentResult, Evaluation, Flag, GradeCount, GradedBy, GroupTotal, KpiResult, LineResult, PayItem, RepResult, Totals};

use crate::data::Dataset;
use crate::plan::CompiledPlan;
use crate::problem::Problem;
use crate::score::{enforce_distribution, grade_for};
use crate::signals::potential::high_potentials;
use crate::signals::PotentialFlag;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// What an evaluation for a page returns of each rep beside its figures: every rep's
/// explanation, or every rep's parts, or only those of one rep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    /// Every rep's explanation: each figure's trace and a commission line's tier slices.
    pub explain: bool,
    /// Every rep's parts: its KPI and point results and, with signals, its portrait.
    pub parts: bool,
    /// The rep (by id) whose explanation and parts are returned whatever the two say.
    pub rep: Option<&'a str>,
}

impl Shown<'_> {
    /// Everything of every rep: what `evaluate`, `evaluate_ytd` and `signals` return.
    pub const ALL: Shown<'static> = Shown { explain: true, parts: true, rep: None };

    /// Whether the rep with id `id` keeps its parts.
    pub fn keeps_parts_of(&self, id: &str) -> bool {
        self.parts || self.rep == Some(id)
    }

    /// Whether no rep keeps its parts (nor, with signals, its portrait).
    pub fn keeps_nobodys_parts(&self) -> bool {
        !self.parts && self.rep.is_none()
    }
}

/// Which reps' results carry the explanation of every figure. The figures are the same
/// whichever is chosen; explaining is what costs (an allocation per figure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detail {
    /// Every rep's (what [`evaluate`] returns).
    All,
    /// No rep's: the figures only, each KPI's and point item's included.
    Figures,
    /// No rep's, and only what a table keeps: each KPI's and point item's result is worked
    /// out into the score but not kept, nor a commission line's attainment, nor the base pay
    /// items (their total is), and a pay warning is its code alone (a period's `run`, and the
    /// earlier periods a draw, a grade streak or a return reads its figures from; year-to-date
    /// averages the KPI scores, so it evaluates as [`Detail::Figures`]).
    Table,
    /// Only the rep at this index of the data's reps, which keeps its parts; the others are
    /// evaluated as for a table (their figures are the same, their parts are never shown).
    Rep(usize),
    /// Only the rep at this index of the data's reps; every rep keeps its parts (year-to-date
    /// averages every rep's KPI scores, and grades on the averages).
    RepAmongFigures(usize),
    /// No rep's, and no KPI's or point item's result kept; each line's attainment, the base
    /// pay items and the words of each warning are (an evaluation with signals when no rep's
    /// parts or portrait are asked for, or only those of a rep the data has not or no
    /// scorecard scores: the portraits are what read every rep's KPI results).
    Listed,
    /// Only the rep at index `rep` of the data's reps; as [`Detail::Listed`], but the reps
    /// scored on scorecard `card` (the rep's) keep their KPI and point results: the rep's
    /// portrait ranks it among them (an evaluation with signals and one rep's statement open).
    RepAmongTeam {
        /// The open rep's index in the data's reps.
        rep: usize,
        /// Its scorecard's index in the plan.
        card: usize,
    },
}

impl Detail {
    /// Every rep's figures and parts, with every rep's explanation when `shown.explain`, else
    /// with only the explanation of rep `shown.rep`, if it is in the data.
    pub fn shown(shown: Shown, data: &Dataset) -> Detail {
        match (shown.explain, open_rep(shown, data)) {
            (true, _) => Detail::All,
            (false, Some(r)) => Detail::RepAmongFigures(r),
            (false, None) => Detail::Figures,
        }
    }

    /// The same reps explained, with every rep's parts kept: what year-to-date (which
    /// averages every rep's KPI scores) and the signals (which read them) need.
    fn keeping_every_reps_parts(self) -> Detail {
        match self {
            Detail::Table | Detail::Listed => Detail::Figures,
            Detail::RepAmongTeam { rep, .. } => Detail::RepAmongFigures(rep),
            Detail::Rep(r) => Detail::RepAmongFigures(r),
            other => other,
        }
    }

    /// Whether the rep at `rep` (its index in the data) is explained.
    pub fn records(self, rep: usize) -> bool {
        match self {
            Detail::All => true,
            Detail::Figures | Detail::Table | Detail::Listed => false,
            Detail::Rep(r) | Detail::RepAmongFigures(r) | Detail::RepAmongTeam { rep: r, .. } => r == rep,
        }
    }

    /// Whether each line's attainment, the base pay items and the words of each warning are
    /// kept in the result of the rep at `rep` (its index in the data).
    pub fn keeps_pay_details(self, rep: usize) -> bool {
        match self {
            Detail::All | Detail::Figures | Detail::RepAmongFigures(_) | Detail::Listed | Detail::RepAmongTeam { .. } => true,
            Detail::Table => false,
            Detail::Rep(r) => r == rep,
        }
    }

    /// Whether each KPI's and point item's result is kept in the result of the rep at `rep`,
    /// scored on scorecard `card` (none: the rep is not scored).
    pub fn keeps_scoring(self, rep: usize, card: Option<usize>) -> bool {
        match self {
            Detail::Listed => false,
            Detail::RepAmongTeam { card: team, .. } => card == Some(team),
            other => other.keeps_pay_details(rep),
        }
    }

    /// What an evaluation with signals needs of each rep for what `shown` asks: with nothing
    /// explained and no rep's parts asked for, no KPI results but those of the open rep's
    /// team, if a rep is open and scored; else every rep's figures and parts. The portraits
    /// rank that one rep among the KPI results made (`one_reps_standings`) on the same test:
    /// a rep open, no parts asked for.
    fn for_signals(shown: Shown, plan: &CompiledPlan, data: &Dataset) -> Detail {
        if shown.explain || shown.parts {
            return Detail::shown(shown, data).keeping_every_reps_parts();
        }
        match open_rep(shown, data).and_then(|rep| Some(Detail::RepAmongTeam { rep, card: (*plan.card_of_rep.get(rep)?)? })) {
            Some(team) => team,
            None => Detail::Listed,
        }
    }
}

/// The index in the data's reps of the rep `shown` opens, if it is in the data.
fn open_rep(shown: Shown, data: &Dataset) -> Option<usize> {
    shown.rep.and_then(|id| data.reps.iter().position(|r| r.id == id))
}

/// Evaluates `plan` on every rep with a row in data period `period`.
pub fn evaluate(plan: &CompiledPlan, data: &Dataset, period: usize) -> Result<Evaluation, Problem> {
    evaluate_with(plan, data, period, Detail::All)
}

/// [`evaluate`] or [`evaluate_ytd`] (when `year_to_date`), with explanations for the reps
/// `detail` names only; every figure is the same as theirs.
pub fn evaluate_detail(plan: &CompiledPlan, data: &Dataset, period: usize, year_to_date: bool, detail: Detail) -> Result<Evaluation, Problem> {
    if year_to_date {
        ytd::evaluate_ytd(plan, data, period, detail.keeping_every_reps_parts())
    } else {
        evaluate_with(plan, data, period, detail)
    }
}

/// Data period `period` evaluated for a table ([`Detail::Table`]), with what the run keeps of
/// every rep to explain one of them alone later ([`rep_alone`]).
pub fn evaluate_for_table(plan: &CompiledPlan, data: &Dataset, period: usize) -> Result<(Evaluation, CrossRep), Problem> {
    let mut kept = CrossRep::default();
    let evaluation = evaluate_kept(plan, data, period, Detail::Table, Some(&mut kept), None)?;
    Ok((evaluation, kept))
}

fn evaluate_with(plan: &CompiledPlan, data: &Dataset, period: usize, detail: Detail) -> Result<Evaluation, Problem> {
    evaluate_kept(plan, data, period, detail, None, None)
}

/// [`evaluate_with`], keeping in `keep` what settling one rep alone needs of the others; with
/// the high-potential rule's flags of the period when they were worked out already.
fn evaluate_kept(plan: &CompiledPlan, data: &Dataset, period: usize, detail: Detail, keep: Option<&mut CrossRep>, potentials: Option<&[(usize, PotentialFlag)]>) -> Result<Evaluation, Problem> {
    let owed = owed_on_draw(plan, data, period);
    let (mut reps, found) = period_results(plan, data, period, owed.as_ref(), detail, keep, potentials);
    if let Some(streak) = &plan.plan.grades.streak {
        flag_streaks(plan, data, period, streak, &mut reps);
    }
    let (problems, warnings): (Vec<Problem>, Vec<Problem>) = found.into_iter().partition(Problem::is_error);
    let totals = totals::totals(plan, &reps, problems.len())?;
    let name = data.periods.get(period).cloned().unwrap_or_default();
    Ok(Evaluation { period: name.clone(), periods: vec![name], year_to_date: false, reps, totals, problems, warnings })
}

/// The management signals of data period `period`: alerts, high potentials, portraits,
/// improvement plans and health checks, on its evaluation.
pub fn signals(plan: &CompiledPlan, data: &Dataset, period: usize) -> Result<crate::signals::SignalsReport, Problem> {
    // Signals read figures only: no explanations are built.
    let every_rep = Shown { explain: false, parts: true, rep: None };
    evaluate_with_signals(plan, data, period, every_rep).map(|both| both.signals)
}

/// Data period `period` evaluated with every rep's figures, and its management signals
/// worked out on that same evaluation (one evaluation instead of two); each rep's
/// explanation, parts and portrait as `shown` asks.
pub fn evaluate_with_signals(plan: &CompiledPlan, data: &Dataset, period: usize, shown: Shown) -> Result<crate::signals::EvaluationWithSignals, Problem> {
    // A portrait reads the KPI results of the reps on its rep's scorecard (a table's
    // evaluation leaves them out): with nothing explained, only those of the open rep's team
    // are made, or none.
    let detail = Detail::for_signals(shown, plan, data);
    let history = history::DataHistory::new(plan, data);
    let potentials = high_potentials(plan, data, period, &history);
    let mut evaluation = evaluate_kept(plan, data, period, detail, None, Some(&potentials))?;
    let signals = crate::signals::signals(plan, data, period, &evaluation, &history, potentials, shown);
    evaluation.keep_parts(shown);
    Ok(crate::signals::EvaluationWithSignals { evaluation, signals })
}

/// Evaluates every period of `period`'s year up to it, and combines them per rep: pay
/// summed, scores averaged, graded again on the average.
pub fn evaluate_ytd(plan: &CompiledPlan, data: &Dataset, period: usize) -> Result<Evaluation, Problem> {
    ytd::evaluate_ytd(plan, data, period, Detail::All)
}

/// What each rep owes on the draw at the start of `period`, running the draw account over
/// every earlier period of the data in order; `None` when the plan has no draw.
fn owed_on_draw(plan: &CompiledPlan, data: &Dataset, period: usize) -> Option<settle::Owed> {
    let mut account = DrawAccount::new(plan)?;
    account.run_to(plan, data, period);
    Some(account.owed)
}

/// The draw account run over the data's periods in order, up to a period: what each rep owes
/// at its start. Year to date runs one account through its periods instead of one from the
/// first period for each: with monthly periods and a draw, December's year to date evaluates
/// 23 periods (its 12, and the 11 before December once more without the draw), not 78.
struct DrawAccount {
    /// The plan's draw.
    draw: crate::plan::Draw,
    owed: settle::Owed,
    /// The data period the account has reached (it has run over every one before it).
    at: usize,
}

impl DrawAccount {
    /// An account where nobody owes anything, at the data's first period; `None` without a draw.
    fn new(plan: &CompiledPlan) -> Option<DrawAccount> {
        plan.plan.draw.clone().map(|draw| DrawAccount { draw, owed: settle::Owed::default(), at: 0 })
    }

    /// Runs the account over the periods from where it is up to `period` (from the first
    /// again when it is past it). Each period's variable pay is its own evaluation's without
    /// the draw.
    fn run_to(&mut self, plan: &CompiledPlan, data: &Dataset, period: usize) {
        if self.at > period {
            (self.owed, self.at) = (settle::Owed::default(), 0);
        }
        for earlier in self.at..period {
            for r in period_results(plan, data, earlier, None, Detail::Table, None, None).0 {
                let before = self.owed.get(&r.rep_id).copied().unwrap_or_default();
                // A step that does not fit leaves the rep's account as it was; the period's own
                // evaluation reports the overflow for that rep.
                let after = crate::pay::draw_step(self.draw.amount, self.draw.recoverable, r.variable_pay, before).map_or(before, |s| s.owed_after);
                self.owed.insert(r.rep_id, after);
            }
        }
        self.at = period;
    }
}

/// How many reps a period's settling leaves out, one evaluation of the period each, before
/// it gives up (figures that large are a broken file, not a team to pay).
const MAX_LEFT_OUT_WHEN_SETTLING: usize = 16;

/// The period is not settled: more reps than [`MAX_LEFT_OUT_WHEN_SETTLING`] have figures too large.
fn too_many_left_out() -> Problem {
    let most = MAX_LEFT_OUT_WHEN_SETTLING;
    Problem::error(
        "overflow",
        "period",
        None,
        format!("more than {most} reps have figures too large to settle the period exactly; no rep is paid for it"),
        format!("超过 {most} 名销售人员的数值过大，无法精确结算本期；本期不计发任何人"),
    )
}

/// Scores, grades, ranks and pays every rep of one period; reps that cannot be evaluated
/// are left out and reported (errors), next to warnings. With `owed`, the draw applies.
/// The reps `detail` names are explained. With `keep`, what settling one rep alone needs of
/// the others is kept there. The high-potential rule's flags are worked out unless given.
fn period_results(plan: &CompiledPlan, data: &Dataset, period: usize, owed: Option<&settle::Owed>, detail: Detail, mut keep: Option<&mut CrossRep>, potentials: Option<&[(usize, PotentialFlag)]>) -> (Vec<results::RepResult>, Vec<Problem>) {
    let flagged = match potentials {
        Some(potentials) => flagged_reps(plan, data, potentials),
        None => high_potential_flags(plan, data, period),
    };
    // Reps whose figures could not be settled (a bonus or a total too large to work out):
    // each is left out and reported, and the period evaluated again without it, so that
    // ranks, grades and pools are those of the reps paid. At most `MAX_LEFT_OUT_WHEN_SETTLING`
    // (each costs an evaluation of the period): past them the period is not settled.
    let mut left_out: Vec<(usize, Problem)> = Vec::new();
    loop {
        // Each rep's result and its pay's working, side by side; room for every rep of the data
        // (a period has a row per rep at most) rather than lists grown and copied as they fill.
        let (mut results, mut works) = (Vec::with_capacity(data.reps.len()), Vec::with_capacity(data.reps.len()));
        let mut problems = Vec::new();
        let mut vars = vec![Decimal::ZERO; plan.slots.names.len()];
        let mut div_by_zero = vec![false; plan.slots.names.len()];
        for row in data.rows_in(period) {
            if left_out.iter().any(|(rep, _)| *rep == row.rep) {
                continue;
            }
            let filled = rep::fill_vars(plan, data, &row, &mut vars, &mut div_by_zero);
            set_high_potential(plan, flagged.as_deref(), row.rep, &mut vars);
            match filled.and_then(|()| rep::score_rep(plan, data, &row, &vars, &div_by_zero, detail.records(row.rep), detail.keeps_scoring(row.rep, plan.card_of_rep[row.rep]))) {
                Ok((result, work)) => {
                    results.push(result);
                    works.push(work);
                }
                Err(problem) => problems.push(problem),
            }
        }
        // Graded, then paid, in place: moving every result (explanations and all) cost time.
        grade_and_rank(plan, &mut results);
        match settle::settle(plan, data, period, results, works, owed, detail, &mut problems, keep.as_deref_mut()) {
            Ok(reps) => {
                if let Some(keep) = keep {
                    keep.high_potential = flagged;
                }
                problems.extend(left_out.into_iter().map(|(_, problem)| problem));
                return (reps, problems);
            }
            Err(settle::Unsettled { rep: Some(rep), problem }) if left_out.len() < MAX_LEFT_OUT_WHEN_SETTLING && !left_out.iter().any(|(r, _)| *r == rep) => left_out.push((rep, problem)),
            Err(settle::Unsettled { rep, problem }) => {
                problems.extend(left_out.into_iter().map(|(_, problem)| problem));
                // A rep's figure past the reps already left out: the period is given up, not the rep.
                problems.push(if rep.is_some() { too_many_left_out() } else { problem });
                return (Vec::new(), problems);
            }
        }
    }
}

/// For each data rep, whether the plan's high-potential rule flags it in `period` (`None`
/// without a rule): the value formulas read as `high_potential`.
fn high_potential_flags(plan: &CompiledPlan, data: &Dataset, period: usize) -> Option<Vec<bool>> {
    plan.high_potential?;
    flagged_reps(plan, data, &high_potentials(plan, data, period, &history::DataHistory::new(plan, data)))
}

/// For each data rep, whether it is among the `potentials` the plan's high-potential rule
/// flags (`None` without a rule).
fn flagged_reps(plan: &CompiledPlan, data: &Dataset, potentials: &[(usize, PotentialFlag)]) -> Option<Vec<bool>> {
    plan.high_potential?;
    let mut flagged = vec![false; data.reps.len()];
    for &(rep, _) in potentials {
        flagged[rep] = true;
    }
    Some(flagged)
}

/// Sets the `high_potential` variable of data rep `rep` (1 when flagged, else 0), when the
/// plan has the rule.
fn set_high_potential(plan: &CompiledPlan, flagged: Option<&[bool]>, rep: usize, vars: &mut [Decimal]) {
    if let (Some(slot), Some(flagged)) = (plan.high_potential, flagged) {
        let on = flagged.get(rep).copied().unwrap_or(false);
        if let Some(var) = vars.get_mut(slot) {
            *var = Decimal::from(u8::from(on));
        }
    }
}

/// Each rep's grade in `period` (by rep id), as that period's own evaluation gives it: what a
/// grade streak, a return of an earlier sale and the signals' history read.
fn period_grades(plan: &CompiledPlan, data: &Dataset, period: usize) -> FxHashMap<crate::label::Label, crate::label::Label> {
    period_results(plan, data, period, None, Detail::Table, None, None).0.into_iter().map(|r| (r.rep_id, r.grade)).collect()
}

/// Grades by band, or by rank when the distribution is enforced; ranks by score (ties share).
fn grade_and_rank(plan: &CompiledPlan, reps: &mut [results::RepResult]) {
    let bands = &plan.plan.grades.bands;
    let scores: Vec<Decimal> = reps.iter().map(|r| r.score).collect();
    let by_rank = plan.quotas.as_ref().map(|q| enforce_distribution(&scores, q));
    let ranks = crate::order::ranks(&scores);
    for (i, rep) in reps.iter_mut().enumerate() {
        let (band, graded_by, places) = match &by_rank {
            Some(graded) => (graded[i].0, results::GradedBy::Rank, Some(graded[i].1)),
            None => (grade_for(rep.score, &plan.band_mins), results::GradedBy::Band, None),
        };
        rep.grade = bands.get(band).map(|b| b.grade.clone()).unwrap_or_default();
        rep.graded_by = graded_by;
        rep.grade_places = places;
        rep.rank = ranks[i];
    }
}

/// Flags reps who got the streak's grade in this period and the ones just before it.
fn flag_streaks(plan: &CompiledPlan, data: &Dataset, period: usize, streak: &crate::plan::Streak, reps: &mut [results::RepResult]) {
    let Some(periods) = streak_periods(plan, period, streak) else { return };
    let earlier: Vec<FxHashMap<crate::label::Label, crate::label::Label>> = periods[1..].iter().map(|p| period_grades(plan, data, *p)).collect();
    for rep in reps.iter_mut().filter(|r| r.grade == streak.grade) {
        if earlier.iter().all(|grades| grades.get(&rep.rep_id).is_some_and(|g| *g == streak.grade)) {
            rep.flags.push(streak_flag(data, streak, &periods));
        }
    }
}

/// The periods a grade streak ending in `period` covers, `period` first; `None` when the
/// plan's periods do not go back that far.
fn streak_periods(plan: &CompiledPlan, period: usize, streak: &crate::plan::Streak) -> Option<Vec<usize>> {
    let mut periods = vec![period];
    for back in 1..i64::from(streak.periods) {
        periods.push(plan.period_back(period, back)?);
    }
    Some(periods)
}

/// The flag of a rep with `streak`'s grade in every one of `periods` (`period` first).
fn streak_flag(data: &Dataset, streak: &crate::plan::Streak, periods: &[usize]) -> results::Flag {
    let names = periods.iter().rev().map(|p| data.periods[*p].clone()).collect();
    results::Flag { code: "grade_streak", grade: streak.grade.as_str().into(), periods: names }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With a statement open and nothing else asked for, only the open rep's card's reps make
    /// their KPI and point results; an open rep the data has not, or explanations or parts
    /// asked for, choose as before.
    #[test]
    fn an_open_statement_makes_the_kpi_results_of_its_card_only() {
        let data = crate::data::synthetic_monthly(60, 3, 7);
        let plan = crate::plan::parse_plan(include_str!("../../bench/full-plan.json")).unwrap();
        let plan = crate::plan::compile(&plan, &data).unwrap();
        let rep = (0..data.reps.len()).find(|&r| plan.card_of_rep[r] == Some(1)).unwrap();
        let id = data.reps[rep].id.to_string();
        let shown = Shown { explain: false, parts: false, rep: Some(&id) };
        assert_eq!(Detail::for_signals(shown, &plan, &data), Detail::RepAmongTeam { rep, card: 1 });
        assert_eq!(Detail::for_signals(Shown { rep: Some("nobody"), ..shown }, &plan, &data), Detail::Listed);
        assert_eq!(Detail::for_signals(Shown { rep: None, ..shown }, &plan, &data), Detail::Listed);
        assert_eq!(Detail::for_signals(Shown { parts: true, ..shown }, &plan, &data), Detail::RepAmongFigures(rep));
        assert_eq!(Detail::for_signals(Shown { explain: true, ..shown }, &plan, &data), Detail::All);
        let team = evaluate_detail(&plan, &data, 1, false, Detail::RepAmongTeam { rep, card: 1 }).unwrap();
        let card = plan.plan.scorecards[1].id.as_str();
        assert!(team.reps.iter().any(|r| r.scorecard.as_str() != card), "reps on other cards");
        for r in &team.reps {
            let on_card = r.scorecard.as_str() == card;
            assert_eq!((r.kpis.len() == 11, r.points.is_empty()), (on_card, !on_card), "{}", r.rep_id);
            // Explained: the open rep only.
            assert_eq!(r.commission.iter().any(|l| !l.explain.steps.is_empty()), r.rep_id.as_str() == id, "{}", r.rep_id);
        }
    }

    /// One draw account run through periods in any order (forwards, as year to date does;
    /// backwards, from the first again) owes what an account run afresh to each owes.
    #[test]
    fn a_draw_account_run_on_owes_what_one_run_afresh_owes() {
        let data = crate::data::synthetic_monthly(60, 12, 7);
        let mut plan: serde_json::Value = serde_json::from_str(include_str!("../../bench/full-plan.json")).unwrap();
        plan["draw"] = serde_json::json!({ "amount": 10000, "recoverable": true });
        let plan = crate::plan::compile(&crate::plan::parse_plan(&plan.to_string()).unwrap(), &data).unwrap();
        let mut account = DrawAccount::new(&plan).unwrap();
        for period in [0, 2, 5, 11, 3, 4, 1] {
            account.run_to(&plan, &data, period);
            assert_eq!(Some(&account.owed), owed_on_draw(&plan, &data, period).as_ref(), "period {period}");
        }
        account.run_to(&plan, &data, 11);
        let owing = account.owed.values().filter(|o| **o > Decimal::ZERO).count();
        assert!(owing > 0 && owing < account.owed.len(), "some reps owe on the draw, not all: {owing} of {}", account.owed.len());
    }

    #[test]
    fn a_tables_evaluation_keeps_the_figures_and_not_the_parts_a_table_does_not_show() {
        let data = crate::data::synthetic_monthly(60, 3, 7);
        let plan = crate::plan::parse_plan(include_str!("../../bench/full-plan.json")).unwrap();
        let plan = crate::plan::compile(&plan, &data).unwrap();
        let figures = evaluate_detail(&plan, &data, 1, false, Detail::Figures).unwrap();
        let table = evaluate_detail(&plan, &data, 1, false, Detail::Table).unwrap();
        assert!(figures.reps.iter().all(|r| r.kpis.len() == 11 && !r.points.is_empty()));
        assert!(table.reps.iter().all(|r| r.kpis.is_empty() && r.points.is_empty()));
        // Nor the lines' attainment, nor the base pay items, nor the words of the warnings: their codes only.
        assert!(table.reps.iter().all(|r| r.commission.iter().all(|l| l.attainment_pct.is_none())));
        assert!(table.reps.iter().all(|r| r.base_pay.is_empty()) && figures.reps.iter().all(|r| !r.base_pay.is_empty()));
        let codes = |r: &RepResult| r.warnings.iter().map(|w| w.code).collect::<Vec<_>>();
        assert!(figures.reps.iter().any(|r| !r.warnings.is_empty()));
        for (t, f) in table.reps.iter().zip(&figures.reps) {
            assert_eq!(codes(t), codes(f));
            assert!(t.warnings.iter().all(|w| w.message.en.is_empty() && w.path.is_empty()));
        }
        let strip = |e: &Evaluation| {
            e.reps
                .iter()
                .map(|r| {
                    let commission = r.commission.iter().map(|l| LineResult { attainment_pct: None, ..l.clone() }).collect();
                    RepResult { kpis: Vec::new(), points: Vec::new(), warnings: Vec::new(), base_pay: Vec::new(), commission, ..r.clone() }
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(&table), strip(&figures));
        assert_eq!(table.totals, figures.totals);
        // Year-to-date averages each KPI's score over the periods: it keeps them whatever is asked.
        let ytd = evaluate_detail(&plan, &data, 2, true, Detail::Table).unwrap();
        assert_eq!(ytd, evaluate_detail(&plan, &data, 2, true, Detail::Figures).unwrap());
        assert!(ytd.reps.iter().all(|r| r.kpis.len() == 11));
    }
}
