//! One rep in one period: its variables (data columns, targets, metrics), each KPI's score,
//! points, headline attainment, and the pay figures that do not depend on grades.
//! Grades, and the pay that depends on them, come later, over all reps.

use super::results::{GradedBy, KpiResult, RepResult};
use crate::data::{Dataset, Rep, Row};
use crate::explain::{Explanation, Trace};
use crate::formula::EvalNotes;
use crate::pay::{base_pay, bonus_value, line_before_grade, BaseError, BaseWork, LineWork};
use crate::plan::{CompiledPlan, RoundingMode};
use crate::problem::Problem;
use crate::calc::{CalcError, Checked};
use crate::score::{apply_points, score_kpi, PointResult};
use rust_decimal::Decimal;

/// Fills `vars` for `row`: the columns the plan reads, then targets, then metrics in
/// dependency order. `div_by_zero[slot]` is set for each metric whose value involved a
/// division by zero, its own or a metric's it reads. A blank column the plan reads is an
/// error naming the rep and column.
pub(super) fn fill_vars(plan: &CompiledPlan, data: &Dataset, row: &Row, vars: &mut [Decimal], div_by_zero: &mut [bool]) -> Result<(), Problem> {
    let rep = &data.reps[row.rep];
    for &column in &plan.used_columns {
        vars[column] = row.value(column).ok_or_else(|| {
            let name = &data.columns[column];
            rep_problem(rep, "missing_value", name, None, format!("has no value for `{name}`, which the plan uses"), format!("缺少方案需要的字段 `{name}` 的值"))
        })?;
    }
    for (i, value) in plan.target_values(row.rep, row.period).enumerate() {
        vars[plan.slots.columns + i] = value;
    }
    plan.fill_metrics(vars, div_by_zero).map_err(|slot| overflow(rep, &plan.slots.names[slot]))
}

/// The pay figures of a scored rep that do not depend on grades, beside its result; pay is
/// settled once every rep is graded.
pub(super) struct RepWork {
    /// The rep's index in the data.
    pub rep: usize,
    /// Each commission line before the grade.
    pub lines: Vec<LineWork>,
    /// Each bonus's own figure for the rep (amount, measure or weight) and its working.
    pub bonus_values: Vec<(Decimal, Explanation)>,
    pub base: Option<BaseWork>,
}

/// Scores one rep whose variables are filled (its result, to be graded and paid), and works
/// out its grade-independent pay; every figure is explained when `record`; each KPI's and
/// point item's result is kept when `parts`.
pub(super) fn score_rep(plan: &CompiledPlan, data: &Dataset, row: &Row, vars: &[Decimal], div_by_zero: &[bool], record: bool, parts: bool) -> Result<(RepResult, RepWork), Problem> {
    let rep = &data.reps[row.rep];
    let rounding = &plan.plan.rounding;
    let Some(card_index) = plan.card_of_rep[row.rep] else {
        return Err(rep_problem(
            rep,
            "no_scorecard_for_role",
            "role",
            Some(rep.role.to_string()),
            format!("has role `{}` in region `{}`, which no scorecard covers", rep.role, rep.region),
            format!("的岗位 `{}`（区域 `{}`）没有对应的计分卡", rep.role, rep.region),
        ));
    };
    let card = &plan.cards[card_index];
    let source = &plan.plan.scorecards[card_index];

    let mut kpis = Vec::with_capacity(if parts { card.kpis.len() } else { 0 });
    let mut weighted = Decimal::ZERO;
    // Each KPI's working, handed over to its result when it is kept. Only a rep whose parts
    // are kept is explained, so without them one quiet explanation serves every KPI (an
    // empty explanation made and dropped per KPI cost a table's evaluation 1% of its time).
    let mut explain = Explanation::recording(record);
    for (kpi, src) in card.kpis.iter().zip(&source.kpis) {
        if kpi.metrics_read.iter().any(|s| div_by_zero[*s]) {
            explain.note("div_by_zero");
        }
        let scored = score_kpi(kpi, vars, &mut explain).map_err(|e| calc_problem(rep, &src.id, e))?;
        let score = rounding.mode.apply(scored.raw, rounding.score_scale);
        explain.value("score", score);
        weighted = weighted.plus(score).ok_or_else(|| overflow(rep, "score"))?;
        if !parts {
            continue;
        }
        // The scorer's own ratio: target / actual for lower-is-better KPIs.
        let attainment_pct = scored.attainment_pct().map(|p| RoundingMode::HalfUp.apply(p, 2));
        kpis.push(KpiResult {
            id: src.id.clone(),
            category: src.category.clone(),
            scoring: src.scoring.kind(),
            actual: scored.actual,
            target: scored.target,
            attainment_pct,
            weight: kpi.weight,
            score,
            explain: std::mem::replace(&mut explain, Explanation::recording(record)),
        });
    }

    let mut points = Vec::with_capacity(if parts { plan.points.items.len() } else { 0 });
    let mut points_explain = Explanation::recording(record);
    let (bonus, penalty) = apply_points(&plan.points, vars, &mut points_explain, |i, events, got, capped| {
        if parts {
            let item = &plan.plan.points.items[i];
            points.push(PointResult { id: item.id.clone(), kind: item.kind, events, points: got, capped });
        }
    })
    .map_err(|e| calc_problem(rep, "points", e))?;
    if plan.points.items.iter().any(|item| item.metrics_read.iter().any(|s| div_by_zero[*s])) {
        points_explain.note("div_by_zero");
    }
    let bonus = rounding.mode.apply(bonus, rounding.score_scale);
    let penalty = rounding.mode.apply(penalty, rounding.score_scale);
    let score = weighted.plus(bonus).and_then(|s| s.minus(penalty)).ok_or_else(|| overflow(rep, "score"))?;

    let (attainment_actual, attainment_target, attainment_pct) = match &plan.attainment {
        Some((actual, target)) => {
            let mut notes = EvalNotes::default();
            let a = actual.eval(vars, &mut notes).map_err(|_| overflow(rep, "attainment"))?;
            let t = target.eval(vars, &mut notes).map_err(|_| overflow(rep, "attainment"))?;
            (Some(a), Some(t), Some(percent(a, t).map_err(|e| calc_problem(rep, "attainment", e))?))
        }
        None => (None, None, None),
    };

    // Loops, not `collect` into a `Result`: its adapters moved each line's work (some 150
    // bytes) from one wrapper to the next, eight times a line.
    let mut lines = Vec::with_capacity(plan.lines.len());
    for (line, src) in plan.lines.iter().zip(&plan.plan.commission) {
        let mut work = line_before_grade(line, vars, Decimal::ZERO, record).map_err(|e| calc_problem(rep, &src.id, e))?;
        if line.metrics_read.iter().any(|s| div_by_zero[*s]) {
            work.explain.note("div_by_zero");
        }
        lines.push(work);
    }
    let mut bonus_values = Vec::with_capacity(plan.bonuses.len());
    for (b, src) in plan.bonuses.iter().zip(&plan.plan.bonuses) {
        let mut ex = Explanation::recording(record);
        let value = bonus_value(b, vars, &mut ex).map_err(|e| calc_problem(rep, &src.id, e))?;
        bonus_values.push((value, ex));
    }
    let base = match &plan.base_pay {
        Some(b) => Some(base_pay(b, &rep.role, vars, record).map_err(|e| base_problem(rep, e))?),
        None => None,
    };

    let result = RepResult {
        rep_id: rep.id.clone(),
        name: rep.name().into(),
        name_zh: rep.name_zh().into(),
        region: rep.region.clone(),
        role: rep.role.clone(),
        attainment_pct,
        attainment_actual,
        attainment_target,
        scorecard: source.id.clone(),
        kpis,
        weighted_score: weighted,
        points,
        bonus_points: bonus,
        penalty_points: penalty,
        points_explain,
        score,
        rank: 0,
        grade: Default::default(),
        graded_by: GradedBy::Band,
        grade_places: None,
        flags: Vec::new(),
        base_pay: Vec::new(),
        commission: Vec::new(),
        bonuses: Vec::new(),
        adjustments: Vec::new(),
        draw: None,
        base_total: Decimal::ZERO,
        variable_pay: Decimal::ZERO,
        total_pay: Decimal::ZERO,
        warnings: Vec::new(),
    };
    Ok((result, RepWork { rep: row.rep, lines, bonus_values, base }))
}

fn base_problem(rep: &Rep, e: BaseError) -> Problem {
    match e {
        BaseError::NoSalary(tier) => {
            let tier = tier.map_or(String::new(), |t| t.to_string());
            rep_problem(
                rep,
                "no_salary",
                "base_pay",
                Some(format!("{} {tier}", rep.role)),
                format!("has no salary in the plan for role `{}` in city tier {tier}", rep.role),
                format!("在方案中没有岗位 `{}`、城市级别 {tier} 的底薪", rep.role),
            )
        }
        BaseError::BadTier(t) => rep_problem(
            rep,
            "bad_city_tier",
            "city_tier",
            Some(t.to_string()),
            format!("has city tier {t}; a city tier is a whole number from 1 to 9"),
            format!("的城市级别为 {t}；城市级别应为 1 到 9 的整数"),
        ),
        BaseError::Calc(e) => calc_problem(rep, "base_pay", e),
    }
}

/// `actual / target × 100`, half-up to 2 places.
pub(super) fn percent(actual: Decimal, target: Decimal) -> Result<Decimal, CalcError> {
    if target <= Decimal::ZERO {
        return Err(CalcError::TargetNotPositive(target));
    }
    let ratio = actual.checked_div(target).and_then(|r| r.times(Decimal::ONE_HUNDRED)).ok_or(CalcError::Overflow)?;
    Ok(crate::plan::RoundingMode::HalfUp.apply(ratio, 2))
}

pub(super) fn rep_problem(rep: &Rep, code: &'static str, field: &str, value: Option<String>, en: String, zh: String) -> Problem {
    Problem::error(code, format!("reps.{}.{field}", rep.id), value, format!("Rep {} ({}) {en}", rep.name(), rep.id), format!("销售人员 {}（{}）{zh}", rep.display_name_zh(), rep.id))
}

pub(super) fn calc_problem(rep: &Rep, rule: &str, e: CalcError) -> Problem {
    match e {
        CalcError::TargetNotPositive(t) => rep_problem(
            rep,
            "target_not_positive",
            &format!("{rule}.target"),
            Some(t.to_string()),
            format!("has a target of {t} for `{rule}`; a target must be above 0"),
            format!("在 `{rule}` 的目标为 {t}；目标必须大于 0"),
        ),
        CalcError::Overflow => overflow(rep, rule),
    }
}

pub(super) fn overflow(rep: &Rep, rule: &str) -> Problem {
    rep_problem(rep, "overflow", rule, None, format!("has figures too large to compute `{rule}` exactly"), format!("的数值过大，无法精确计算 `{rule}`"))
}
