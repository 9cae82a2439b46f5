//! Evaluating a compiled plan on one period of the data: per rep the score of each KPI,
//! total score, grade and pay lines; then totals by region and grade. A rep that cannot be
//! evaluated (a blank figure, a zero target, an overflow) is left out of every total and
//! reported by name: no total ever silently includes a wrong number.

use crate::data::{Dataset, Rep, Row};
use crate::formula::{EvalNotes, Expr};
use crate::pay::{bounds_from_attainment, tiered_pay, TierSlice};
use crate::plan::{CompiledKpi, CompiledLine, CompiledPlan, Scoring, TierBasis};
use crate::problem::Problem;
use crate::score::{grade_for, ratio_score, RatioLimits, RatioRule, ScoreError};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// The results of a plan on one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub period: String,
    pub reps: Vec<RepResult>,
    pub totals: Totals,
    /// Reps left out of the results, each with its reason.
    pub problems: Vec<Problem>,
}

/// One rep's scores and pay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepResult {
    pub rep_id: String,
    pub name: String,
    pub name_zh: String,
    pub region: String,
    pub role: String,
    /// Headline attainment in percent (the plan's `attainment`), 2 places.
    pub attainment_pct: Option<Decimal>,
    pub scorecard: String,
    pub kpis: Vec<KpiResult>,
    /// Sum of the KPI scores.
    pub score: Decimal,
    pub grade: String,
    pub commission: Vec<LineResult>,
    /// Sum of the pay lines.
    pub total_pay: Decimal,
}

/// A KPI's figures for one rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiResult {
    pub id: String,
    pub actual: Decimal,
    pub target: Decimal,
    /// `actual / target` in percent, 2 places (for display; the score uses the exact ratio).
    pub attainment_pct: Decimal,
    pub weight: Decimal,
    pub score: Decimal,
    pub rule: RatioRule,
    /// A division by zero inside the actual's or target's formula was taken as 0.
    pub div_by_zero: bool,
}

/// A commission line's figures for one rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineResult {
    pub id: String,
    pub base: Decimal,
    pub target: Option<Decimal>,
    pub attainment_pct: Option<Decimal>,
    /// Rounded with the plan's money rounding.
    pub pay: Decimal,
    pub slices: Vec<TierSlice>,
}

/// Totals over the reps that were evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    pub reps: usize,
    pub excluded: usize,
    pub total_pay: Decimal,
    pub average_pay: Decimal,
    pub average_score: Decimal,
    pub by_region: Vec<GroupTotal>,
    /// Count of reps per grade, in the plan's band order.
    pub grades: Vec<GradeCount>,
}

/// Totals of one region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupTotal {
    pub group: String,
    pub reps: usize,
    pub total_pay: Decimal,
    pub average_pay: Decimal,
    pub average_score: Decimal,
}

/// How many reps got a grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeCount {
    pub grade: String,
    pub reps: usize,
}

/// Evaluates `plan` on every rep with a row in period `period` (an index into `data.periods`).
/// Fails only when the totals themselves are too large to add up exactly.
pub fn evaluate(plan: &CompiledPlan, data: &Dataset, period: usize) -> Result<Evaluation, Problem> {
    let mut reps = Vec::new();
    let mut problems = Vec::new();
    let mut vars = vec![Decimal::ZERO; data.columns.len()];
    for row in data.rows_in(period) {
        let rep = &data.reps[row.rep];
        match evaluate_rep(plan, data, rep, row, &mut vars) {
            Ok(result) => reps.push(result),
            Err(problem) => problems.push(problem),
        }
    }
    let totals = totals(plan, &reps, problems.len())?;
    Ok(Evaluation { period: data.periods.get(period).cloned().unwrap_or_default(), reps, totals, problems })
}

fn evaluate_rep(plan: &CompiledPlan, data: &Dataset, rep: &Rep, row: &Row, vars: &mut [Decimal]) -> Result<RepResult, Problem> {
    for &column in &plan.used_columns {
        vars[column] = row.values[column].ok_or_else(|| {
            let name = &data.columns[column];
            rep_problem(
                rep,
                "missing_value",
                name,
                None,
                format!("has no value for `{name}`, which the plan uses"),
                format!("缺少方案需要的字段 `{name}` 的值"),
            )
        })?;
    }
    let rounding = &plan.plan.rounding;
    let (card_index, card) = plan
        .cards
        .iter()
        .enumerate()
        .find(|(_, c)| c.roles.as_ref().is_some_and(|r| r.contains(&rep.role)))
        .or_else(|| plan.cards.iter().enumerate().find(|(_, c)| c.roles.is_none()))
        .ok_or_else(|| {
            rep_problem(
                rep,
                "no_scorecard_for_role",
                "role",
                Some(rep.role.clone()),
                format!("has role `{}`, which no scorecard covers", rep.role),
                format!("的岗位 `{}` 没有对应的计分卡", rep.role),
            )
        })?;
    let card_source = &plan.plan.scorecards[card_index];

    let mut kpis = Vec::with_capacity(card.kpis.len());
    let mut score = Decimal::ZERO;
    for (kpi, source) in card.kpis.iter().zip(&card_source.kpis) {
        let result = evaluate_kpi(kpi, &source.id, vars, rounding.score_scale, rounding.mode).map_err(|e| kpi_problem(rep, &source.id, e))?;
        score = score.checked_add(result.score).ok_or_else(|| overflow(rep, "score"))?;
        kpis.push(result);
    }
    let grade = grade_for(score, &plan.plan.grades.bands).to_string();

    let mut commission = Vec::with_capacity(plan.lines.len());
    let mut total_pay = Decimal::ZERO;
    for (line, source) in plan.lines.iter().zip(&plan.plan.commission) {
        let result = evaluate_line(line, &source.id, vars, plan).map_err(|e| kpi_problem(rep, &source.id, e))?;
        total_pay = total_pay.checked_add(result.pay).ok_or_else(|| overflow(rep, "total_pay"))?;
        commission.push(result);
    }

    let attainment_pct = match &plan.attainment {
        Some((actual, target)) => {
            let mut notes = EvalNotes::default();
            let a = actual.eval(vars, &mut notes).map_err(|_| overflow(rep, "attainment"))?;
            let t = target.eval(vars, &mut notes).map_err(|_| overflow(rep, "attainment"))?;
            Some(percent(a, t).map_err(|e| kpi_problem(rep, "attainment", e))?)
        }
        None => None,
    };

    Ok(RepResult {
        rep_id: rep.id.clone(),
        name: rep.name.clone(),
        name_zh: rep.name_zh.clone(),
        region: rep.region.clone(),
        role: rep.role.clone(),
        attainment_pct,
        scorecard: card_source.id.clone(),
        kpis,
        score,
        grade,
        commission,
        total_pay,
    })
}

fn eval_pair(actual: &Expr, target: &Expr, vars: &[Decimal]) -> Result<(Decimal, Decimal, bool), ScoreError> {
    let mut notes = EvalNotes::default();
    let a = actual.eval(vars, &mut notes).map_err(|_| ScoreError::Overflow)?;
    let t = target.eval(vars, &mut notes).map_err(|_| ScoreError::Overflow)?;
    Ok((a, t, notes.div_by_zero))
}

fn evaluate_kpi(kpi: &CompiledKpi, id: &str, vars: &[Decimal], scale: u32, mode: crate::plan::RoundingMode) -> Result<KpiResult, ScoreError> {
    let (actual, target, div_by_zero) = eval_pair(&kpi.actual, &kpi.target, vars)?;
    let Scoring::Ratio { cap_pct, floor_pct, threshold_pct } = kpi.scoring;
    let limits = RatioLimits { cap_pct, floor_pct, threshold_pct };
    let scored = ratio_score(actual, target, kpi.weight, limits, scale, mode)?;
    Ok(KpiResult {
        id: id.to_string(),
        actual,
        target,
        attainment_pct: percent(actual, target)?,
        weight: kpi.weight,
        score: scored.score,
        rule: scored.rule,
        div_by_zero,
    })
}

fn evaluate_line(line: &CompiledLine, id: &str, vars: &[Decimal], plan: &CompiledPlan) -> Result<LineResult, ScoreError> {
    let mut notes = EvalNotes::default();
    let base = line.base.eval(vars, &mut notes).map_err(|_| ScoreError::Overflow)?;
    let target = match &line.target {
        Some(t) => Some(t.eval(vars, &mut notes).map_err(|_| ScoreError::Overflow)?),
        None => None,
    };
    let bounds = match (line.basis, target) {
        (TierBasis::AttainmentPct, Some(t)) if t <= Decimal::ZERO => return Err(ScoreError::TargetNotPositive(t)),
        (TierBasis::AttainmentPct, Some(t)) => bounds_from_attainment(t, &line.tiers).map_err(|_| ScoreError::Overflow)?,
        _ => line.tiers.clone(),
    };
    let (raw, slices) = tiered_pay(base, &bounds, line.method).map_err(|_| ScoreError::Overflow)?;
    let rounding = &plan.plan.rounding;
    let attainment_pct = match target {
        Some(t) => Some(percent(base, t)?),
        None => None,
    };
    Ok(LineResult { id: id.to_string(), base, target, attainment_pct, pay: rounding.mode.apply(raw, rounding.money_scale), slices })
}

/// `actual / target × 100`, half-up to 2 places.
fn percent(actual: Decimal, target: Decimal) -> Result<Decimal, ScoreError> {
    if target <= Decimal::ZERO {
        return Err(ScoreError::TargetNotPositive(target));
    }
    let ratio = actual.checked_div(target).and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED)).ok_or(ScoreError::Overflow)?;
    Ok(crate::plan::RoundingMode::HalfUp.apply(ratio, 2))
}

fn rep_problem(rep: &Rep, code: &'static str, field: &str, value: Option<String>, en: String, zh: String) -> Problem {
    Problem::error(
        code,
        format!("reps.{}.{field}", rep.id),
        value,
        format!("rep {} ({}) {en}", rep.name, rep.id),
        format!("销售代表 {}({}){zh}", display_zh(rep), rep.id),
    )
}

fn display_zh(rep: &Rep) -> &str {
    if rep.name_zh.is_empty() {
        &rep.name
    } else {
        &rep.name_zh
    }
}

fn kpi_problem(rep: &Rep, rule: &str, e: ScoreError) -> Problem {
    match e {
        ScoreError::TargetNotPositive(t) => rep_problem(
            rep,
            "target_not_positive",
            &format!("{rule}.target"),
            Some(t.to_string()),
            format!("has a target of {t} for `{rule}`; a target must be above 0"),
            format!("在 `{rule}` 的目标为 {t};目标必须大于 0"),
        ),
        ScoreError::Overflow => overflow(rep, rule),
    }
}

fn overflow(rep: &Rep, rule: &str) -> Problem {
    rep_problem(
        rep,
        "overflow",
        rule,
        None,
        format!("has figures too large to compute `{rule}` exactly"),
        format!("的数值过大,无法精确计算 `{rule}`"),
    )
}

fn totals(plan: &CompiledPlan, reps: &[RepResult], excluded: usize) -> Result<Totals, Problem> {
    let money = |v: Decimal| plan.plan.rounding.mode.apply(v, plan.plan.rounding.money_scale);
    let mut regions: BTreeMap<&str, Vec<&RepResult>> = BTreeMap::new();
    for r in reps {
        regions.entry(&r.region).or_default().push(r);
    }
    let group = |name: &str, members: &[&RepResult]| -> Result<GroupTotal, Problem> {
        let (pay, score) = sums(members).ok_or_else(|| {
            Problem::error(
                "overflow",
                format!("totals.{name}"),
                None,
                "the total pay is too large to add up exactly".into(),
                "薪酬合计数值过大,无法精确求和".into(),
            )
        })?;
        Ok(GroupTotal {
            group: name.to_string(),
            reps: members.len(),
            total_pay: pay,
            average_pay: money(average(pay, members.len())),
            average_score: crate::plan::RoundingMode::HalfUp.apply(average(score, members.len()), 2),
        })
    };
    let all: Vec<&RepResult> = reps.iter().collect();
    let overall = group("all", &all)?;
    let grades = plan
        .plan
        .grades
        .bands
        .iter()
        .map(|b| GradeCount { grade: b.grade.clone(), reps: reps.iter().filter(|r| r.grade == b.grade).count() })
        .collect();
    Ok(Totals {
        reps: reps.len(),
        excluded,
        total_pay: overall.total_pay,
        average_pay: overall.average_pay,
        average_score: overall.average_score,
        by_region: regions.iter().map(|(name, members)| group(name, members)).collect::<Result<_, _>>()?,
        grades,
    })
}

/// Sums of pay and score, or `None` when they do not fit in a Decimal.
fn sums(members: &[&RepResult]) -> Option<(Decimal, Decimal)> {
    members.iter().try_fold((Decimal::ZERO, Decimal::ZERO), |(p, s), r| Some((p.checked_add(r.total_pay)?, s.checked_add(r.score)?)))
}

fn average(sum: Decimal, n: usize) -> Decimal {
    if n == 0 {
        Decimal::ZERO
    } else {
        sum / Decimal::from(n) // ok: n > 0, and a quotient is never larger than a sum that fits
    }
}
