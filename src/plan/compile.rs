//! Compiling a validated plan against the reps' data columns: every formula parsed and its
//! names resolved to column slots, rates turned into fractions, constant targets checked.

use super::{validate, Plan, Scoring, TierBasis, TierMethod};
use crate::formula::{self, Expr};
use crate::problem::Problem;
use rust_decimal::Decimal;

/// A plan ready to evaluate: formulas parsed, names bound to data columns.
#[derive(Debug, Clone)]
pub struct CompiledPlan {
    pub plan: Plan,
    pub attainment: Option<(Expr, Expr)>,
    pub cards: Vec<CompiledCard>,
    pub lines: Vec<CompiledLine>,
    /// Data columns the plan reads; a rep missing one of them cannot be evaluated.
    pub used_columns: Vec<usize>,
    /// Things worth a warning that do not stop the plan.
    pub warnings: Vec<Problem>,
}

/// A scorecard with its KPIs compiled.
#[derive(Debug, Clone)]
pub struct CompiledCard {
    pub roles: Option<Vec<String>>,
    pub kpis: Vec<CompiledKpi>,
}

/// A KPI with its formulas compiled.
#[derive(Debug, Clone)]
pub struct CompiledKpi {
    pub actual: Expr,
    pub target: Expr,
    pub weight: Decimal,
    pub scoring: Scoring,
}

/// A commission line with its formulas compiled and its rates as fractions (3% → 0.03).
#[derive(Debug, Clone)]
pub struct CompiledLine {
    pub base: Expr,
    pub target: Option<Expr>,
    pub method: TierMethod,
    pub basis: TierBasis,
    /// (lower bound, rate as a fraction), bounds increasing from 0.
    pub tiers: Vec<(Decimal, Decimal)>,
}

/// Validates `plan` and compiles it against data with the given numeric `columns`.
pub fn compile(plan: &Plan, columns: &[String]) -> Result<CompiledPlan, Vec<Problem>> {
    let mut problems = validate(plan);
    let mut used = Vec::new();
    let mut formula = |text: &str, path: String, problems: &mut Vec<Problem>| -> Option<Expr> {
        match formula::parse(text, &|name| columns.iter().position(|c| c == name)) {
            Ok(expr) => {
                expr.vars(&mut used);
                Some(expr)
            }
            Err(e) => {
                problems.push(Problem::error(
                    "formula",
                    path,
                    Some(text.to_string()),
                    format!("column {}: {}", e.column, e.en),
                    format!("第 {} 列:{}", e.column, e.zh),
                ));
                None
            }
        }
    };

    let attainment = plan.attainment.as_ref().and_then(|a| {
        let actual = formula(&a.actual, "attainment.actual".into(), &mut problems);
        let target = formula(&a.target, "attainment.target".into(), &mut problems);
        if let Some(t) = &target {
            positive_constant(t, "attainment.target", &mut problems);
        }
        Some((actual?, target?))
    });

    let mut cards = Vec::new();
    for (c, card) in plan.scorecards.iter().enumerate() {
        let mut kpis = Vec::new();
        for (k, kpi) in card.kpis.iter().enumerate() {
            let path = format!("scorecards[{c}].kpis[{k}]");
            let actual = formula(&kpi.actual, format!("{path}.actual"), &mut problems);
            let target = formula(&kpi.target, format!("{path}.target"), &mut problems);
            if let Some(t) = &target {
                positive_constant(t, &format!("{path}.target"), &mut problems);
            }
            if let (Some(actual), Some(target)) = (actual, target) {
                kpis.push(CompiledKpi { actual, target, weight: kpi.weight, scoring: kpi.scoring.clone() });
            }
        }
        cards.push(CompiledCard { roles: card.roles.clone(), kpis });
    }

    let mut lines = Vec::new();
    for (i, line) in plan.commission.iter().enumerate() {
        let path = format!("commission[{i}]");
        let base = formula(&line.base, format!("{path}.base"), &mut problems);
        let target = match &line.target {
            None => None,
            Some(text) => {
                let Some(target) = formula(text, format!("{path}.target"), &mut problems) else { continue };
                positive_constant(&target, &format!("{path}.target"), &mut problems);
                Some(target)
            }
        };
        let Some(base) = base else { continue };
        let tiers = line
            .tiers
            .iter()
            .map(|t| (t.from, t.rate_pct / Decimal::ONE_HUNDRED)) // ok: dividing a validated rate (≤ 100) by 100 cannot overflow
            .collect();
        lines.push(CompiledLine { base, target, method: line.method, basis: line.tier_basis, tiers });
    }

    if problems.iter().any(Problem::is_error) {
        return Err(problems);
    }
    used.sort_unstable();
    used.dedup();
    Ok(CompiledPlan { plan: plan.clone(), attainment, cards, lines, used_columns: used, warnings: problems })
}

/// A target written as a plain number must be above zero.
fn positive_constant(target: &Expr, path: &str, problems: &mut Vec<Problem>) {
    if let Some(value) = target.as_constant().filter(|v| *v <= Decimal::ZERO) {
        problems.push(Problem::error(
            "target_not_positive",
            path,
            Some(value.to_string()),
            format!("a target must be above 0; it is {value}"),
            format!("目标值必须大于 0;当前为 {value}"),
        ));
    }
}
