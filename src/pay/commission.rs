//! One commission line for one rep, in two steps. Before grades are known: the credited
//! base, the rate override, the rate table, the gate and the conditional multipliers. After:
//! the grade multiplier and the line's cap. Each step is recorded in the line's explanation.

use super::{bounds_from_attainment, tiered_pay, TierSlice};
use crate::calc::{CalcError, Checked};
use crate::explain::{Explanation, Trace};
use crate::formula::{EvalNotes, Expr};
use crate::plan::{TierBasis, TierMethod};
use rust_decimal::Decimal;

/// A commission line with its formulas compiled and its percentages as fractions.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledLine {
    /// The credited base's formula.
    pub base: Expr,
    /// The target's formula, when the line has one.
    pub target: Option<Expr>,
    /// Marginal or retroactive tiers.
    pub method: TierMethod,
    /// Whether tier bounds are percent of target or amounts.
    pub basis: TierBasis,
    /// (lower bound, rate), bounds increasing from 0.
    pub tiers: Vec<(Decimal, Decimal)>,
    /// The gate as a fraction of the target (0.8 for 80%).
    pub gate: Option<Decimal>,
    /// The most the line pays.
    pub cap: Option<Decimal>,
    /// (condition, rate points added as a fraction).
    pub rate_override: Option<(Expr, Decimal)>,
    /// The multiplier of each grade band, in band order (1 where the plan names none).
    pub grade_multipliers: Vec<Decimal>,
    /// (condition, multiplier).
    pub multipliers: Vec<(Expr, Decimal)>,
    /// The derived-metric slots its formulas read (to explain a division by zero inside one).
    pub metrics_read: Vec<usize>,
}

/// A line's figures before the grade is known.
#[derive(Debug, Clone, PartialEq)]
pub struct LineWork {
    /// The credited base (less any returned revenue).
    pub base: Decimal,
    /// The line's target, when it has one.
    pub target: Option<Decimal>,
    /// `base / target` as a fraction.
    pub attainment: Option<Decimal>,
    /// Pay after tiers, gate and conditional multipliers.
    pub amount: Decimal,
    /// The tier slices that make up the tier pay (none when not explained).
    pub slices: Vec<TierSlice>,
    /// Each step so far.
    pub explain: Explanation,
}

fn eval(expr: &Expr, vars: &[Decimal], t: &mut Explanation) -> Result<Decimal, CalcError> {
    let mut notes = EvalNotes::default();
    let v = expr.eval(vars, &mut notes).map_err(|_| CalcError::Overflow)?;
    if notes.div_by_zero {
        t.note("div_by_zero");
    }
    Ok(v)
}

/// The line for a rep whose variables are `vars`, with `reduction` taken off the credited
/// base (a clawback recomputes a past period this way); each step is explained, and the
/// tier slices kept, when `record`.
pub fn line_before_grade(line: &CompiledLine, vars: &[Decimal], reduction: Decimal, record: bool) -> Result<LineWork, CalcError> {
    let mut ex = Explanation::recording(record);
    let mut base = eval(&line.base, vars, &mut ex)?;
    if !reduction.is_zero() {
        ex.value("returned", reduction);
        base = base.minus(reduction).ok_or(CalcError::Overflow)?;
    }
    ex.value("base", base);
    let target = match &line.target {
        Some(e) => {
            let t = eval(e, vars, &mut ex)?;
            ex.value("target", t);
            if t <= Decimal::ZERO {
                return Err(CalcError::TargetNotPositive(t));
            }
            Some(t)
        }
        None => None,
    };
    let attainment = match target {
        Some(t) => Some(base.checked_div(t).ok_or(CalcError::Overflow)?),
        None => None,
    };
    if let Some(a) = attainment {
        ex.value("attainment_pct", a.times(Decimal::ONE_HUNDRED).ok_or(CalcError::Overflow)?);
    }
    // The plan's tiers, copied only when the rate override raises them.
    let mut tiers = std::borrow::Cow::Borrowed(&line.tiers[..]);
    if let Some((when, add)) = &line.rate_override {
        if !eval(when, vars, &mut ex)?.is_zero() {
            ex.note("rate_raised");
            ex.value("added_rate_pct", *add * Decimal::ONE_HUNDRED); // ok: a validated rate ≤ 100%
            for tier in tiers.to_mut() {
                tier.1 += *add; // ok: two rates ≤ 100% each
            }
        }
    }
    let bounds = match (line.basis, target) {
        (TierBasis::AttainmentPct, Some(t)) => std::borrow::Cow::Owned(bounds_from_attainment(t, &tiers).map_err(|_| CalcError::Overflow)?),
        _ => tiers,
    };
    let (mut amount, slices) = tiered_pay(base, &bounds, line.method, record).map_err(|_| CalcError::Overflow)?;
    ex.value("tier_pay", amount);
    if let (Some(gate), Some(a)) = (line.gate, attainment) {
        if a < gate {
            ex.note("below_gate");
            ex.value("gate_pct", gate * Decimal::ONE_HUNDRED); // ok: a validated percentage
            amount = Decimal::ZERO;
        }
    }
    for (number, (when, factor)) in (1u32..).zip(&line.multipliers) {
        if !eval(when, vars, &mut ex)?.is_zero() {
            ex.note("condition_multiplier");
            // Which of the line's multipliers (1 = the first): the statement names its condition.
            ex.value("condition", Decimal::from(number));
            ex.value("multiplier", *factor);
            amount = amount.times(*factor).ok_or(CalcError::Overflow)?;
        }
    }
    Ok(LineWork { base, target, attainment, amount, slices, explain: ex })
}

/// The line's pay once the rep's grade (its band index) is known: × the grade's multiplier,
/// then the cap. Unrounded.
pub fn line_after_grade(line: &CompiledLine, work: &mut LineWork, grade: usize) -> Result<Decimal, CalcError> {
    let mut pay = work.amount;
    if let Some(factor) = line.grade_multipliers.get(grade).filter(|f| **f != Decimal::ONE && !pay.is_zero()) {
        work.explain.value("grade_multiplier", *factor);
        pay = pay.times(*factor).ok_or(CalcError::Overflow)?;
    }
    if let Some(cap) = line.cap.filter(|c| pay > *c) {
        work.explain.note("capped");
        work.explain.value("cap", cap);
        pay = cap;
    }
    Ok(pay)
}

/// One point of a line's payout curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CurvePoint {
    /// Attainment in percent of the target (`120` = 120%).
    pub attainment_pct: Decimal,
    /// What the line's tiers, gate and cap pay at that attainment, unrounded, before the
    /// multipliers and rate override that depend on the rep.
    pub pay: Decimal,
}

/// What the line's rate table (with its gate and cap) pays a rep with `target` at each
/// attainment in `percents`: the shape of the plan, before multipliers that depend on
/// the rep (grade, conditions, rate overrides).
pub fn payout_curve(line: &CompiledLine, target: Decimal, percents: &[Decimal]) -> Result<Vec<CurvePoint>, CalcError> {
    let bounds = match line.basis {
        TierBasis::AttainmentPct => bounds_from_attainment(target, &line.tiers).map_err(|_| CalcError::Overflow)?,
        TierBasis::Amount => line.tiers.clone(),
    };
    percents
        .iter()
        .map(|&pct| {
            let base = target.times(pct).ok_or(CalcError::Overflow)? / Decimal::ONE_HUNDRED; // ok: dividing by 100 cannot overflow
            let (mut pay, _) = tiered_pay(base, &bounds, line.method, false).map_err(|_| CalcError::Overflow)?;
            if line.gate.is_some_and(|g| pct < g * Decimal::ONE_HUNDRED) {
                pay = Decimal::ZERO;
            }
            if let Some(cap) = line.cap.filter(|c| pay > *c) {
                pay = cap;
            }
            Ok(CurvePoint { attainment_pct: pct, pay })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// Flat 3% of slot 0 against a target in slot 1; slot 2 is a condition.
    fn flat() -> CompiledLine {
        CompiledLine {
            base: Expr::Var(0),
            target: Some(Expr::Var(1)),
            method: TierMethod::Marginal,
            basis: TierBasis::AttainmentPct,
            tiers: vec![(d("0"), d("0.03"))],
            gate: None,
            cap: None,
            rate_override: None,
            grade_multipliers: vec![d("1.2"), d("1"), d("1"), d("0.5")],
            multipliers: Vec::new(),
            metrics_read: Vec::new(),
        }
    }

    fn pay(line: &CompiledLine, vars: &[&str], grade: usize) -> Decimal {
        let vars: Vec<Decimal> = vars.iter().map(|v| d(v)).collect();
        let mut work = line_before_grade(line, &vars, Decimal::ZERO, true).unwrap();
        line_after_grade(line, &mut work, grade).unwrap()
    }

    #[test]
    fn seed_003_raised_rate_3_to_4_percent_on_120_wan_adds_12_000() {
        let mut line = flat();
        line.rate_override = Some((Expr::Var(2), d("0.01")));
        assert_eq!(pay(&line, &["1200000", "1000000", "0"], 1), d("36000"));
        assert_eq!(pay(&line, &["1200000", "1000000", "1"], 1), d("48000"));
    }

    #[test]
    fn gate_grade_multiplier_condition_and_cap() {
        let mut line = flat();
        line.gate = Some(d("0.6"));
        // Below the 60% gate: nothing.
        assert_eq!(pay(&line, &["590000", "1000000", "0"], 1), d("0"));
        // At the gate: paid.
        assert_eq!(pay(&line, &["600000", "1000000", "0"], 1), d("18000"));
        // Grade S × 1.2; C × 0.5.
        assert_eq!(pay(&line, &["1000000", "1000000", "0"], 0), d("36000"));
        assert_eq!(pay(&line, &["1000000", "1000000", "0"], 3), d("15000"));
        // Collection rate below 90% (slot 2 true) → × 0.8; then the cap of 20,000.
        line.multipliers = vec![(Expr::Var(2), d("0.8"))];
        assert_eq!(pay(&line, &["1000000", "1000000", "1"], 1), d("24000"));
        line.cap = Some(d("20000"));
        assert_eq!(pay(&line, &["1000000", "1000000", "1"], 1), d("20000"));
    }

    #[test]
    fn the_payout_curve_of_the_saas_tiers() {
        let mut line = flat();
        line.tiers = vec![(d("0"), d("0.03")), (d("100"), d("0.04")), (d("120"), d("0.05"))];
        let pts: Vec<Decimal> = ["0", "80", "100", "120", "150"].iter().map(|p| d(p)).collect();
        let curve = payout_curve(&line, d("1000000"), &pts).unwrap();
        let pays: Vec<Decimal> = curve.iter().map(|p| p.pay).collect();
        assert_eq!(pays, [d("0"), d("24000"), d("30000"), d("38000"), d("53000")]);
        line.gate = Some(d("0.9"));
        assert_eq!(payout_curve(&line, d("1000000"), &[d("80")]).unwrap()[0].pay, d("0"));
    }

    #[test]
    fn a_reduction_recomputes_the_line_without_the_returned_revenue() {
        let line = flat();
        let vars = [d("1200000"), d("1000000"), d("0")];
        let work = line_before_grade(&line, &vars, d("200000"), true).unwrap();
        assert_eq!((work.base, work.amount), (d("1000000"), d("30000")));
        assert_eq!(work.explain.get("returned"), Some(d("200000")));
    }
}
