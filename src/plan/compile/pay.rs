//! Compiling the pay parts of a plan: commission lines with their modifiers, base pay and
//! bonuses. Grade-keyed settings become vectors in band order.

use crate::calc::Checked;
use super::formulas::Formulas;
use super::{fraction, metrics_read, positive_constant};
use crate::formula::Expr;
use crate::data::Dataset;
use crate::pay::{BonusKind, CompiledBasePay, CompiledBonus, CompiledLine};
use crate::plan::{BasePay, BonusRule, PeriodKind, Plan, PoolSplit};
use crate::problem::Problem;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The value of each grade band in `by_grade` (grades not named get `default`).
fn per_band(plan: &Plan, by_grade: &BTreeMap<String, Decimal>, default: Decimal) -> Vec<Decimal> {
    plan.grades.bands.iter().map(|b| by_grade.get(b.grade.as_str()).copied().unwrap_or(default)).collect()
}

pub(super) fn compile_lines(plan: &Plan, f: &mut Formulas) -> Vec<CompiledLine> {
    plan.commission
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let path = format!("commission[{i}]");
            let base = f.parse(&line.base, &format_args!("{path}.base"));
            let target = f.parse_opt(line.target.as_ref(), &format_args!("{path}.target"));
            if let Some(Some(t)) = &target {
                positive_constant(t, &format_args!("{path}.target"), &mut f.problems);
            }
            let rate_override = match &line.rate_override {
                Some(o) => Some(Some((f.parse(&o.when, &format_args!("{path}.rate_override.when"))?, fraction(o.add_pct)))),
                None => Some(None),
            };
            let multipliers: Vec<(Expr, Decimal)> = line
                .multipliers
                .iter()
                .enumerate()
                .map(|(m, c)| f.parse(&c.when, &format_args!("{path}.multipliers[{m}].when")).map(|e| (e, c.multiplier)))
                .collect::<Vec<Option<_>>>()
                .into_iter()
                .collect::<Option<_>>()?;
            let (base, target, rate_override) = (base?, target?, rate_override?);
            let exprs = [Some(&base), target.as_ref(), rate_override.as_ref().map(|(e, _)| e)].into_iter().flatten().chain(multipliers.iter().map(|(e, _)| e));
            let metrics_read = metrics_read(exprs, f.slots.metrics_start());
            Some(CompiledLine {
                base,
                target,
                method: line.method,
                basis: line.tier_basis,
                tiers: line.tiers.iter().map(|t| (t.from, fraction(t.rate_pct))).collect(),
                gate: line.gate_pct.map(fraction),
                cap: line.cap,
                rate_override,
                grade_multipliers: per_band(plan, &line.grade_multipliers, Decimal::ONE),
                multipliers,
                metrics_read,
            })
        })
        .collect()
}

/// Months in one period of each kind.
fn months(kind: PeriodKind) -> Decimal {
    Decimal::from(12 / kind.per_year())
}

pub(super) fn compile_base_pay(base: &BasePay, plan: &Plan, data: &Dataset, f: &mut Formulas) -> Option<CompiledBasePay> {
    let roles = crate::grouping::distinct(data.reps.iter().map(|r| r.role.as_str()));
    let mut unknown_role = |role: &String, path: String| {
        if !roles.contains(&role.as_str()) {
            f.problems.push(Problem::error(
                "unknown_id",
                path,
                Some(role.clone()),
                format!("there is no role `{role}` in the data (roles: {})", roles.join(", ")),
                format!("数据中没有岗位 `{role}`（现有岗位：{}）", roles.join("、")),
            ));
        }
    };
    for (i, s) in base.salaries.iter().enumerate() {
        if let Some(role) = &s.role {
            unknown_role(role, format!("base_pay.salaries[{i}].role"));
        }
    }
    for (i, a) in base.allowances.iter().enumerate() {
        for (r, role) in a.roles.iter().flatten().enumerate() {
            unknown_role(role, format!("base_pay.allowances[{i}].roles[{r}]"));
        }
    }
    let without: Vec<&str> = data
        .reps
        .iter()
        .filter(|rep| !base.salaries.iter().any(|s| s.role.as_ref().is_none_or(|r| *r == rep.role)))
        .map(|rep| rep.id.as_str())
        .collect();
    if !without.is_empty() {
        let (shown, shown_zh) = crate::shown::first_ids(&without);
        f.problems.push(Problem::warning(
            "reps_without_salary",
            "base_pay.salaries",
            Some(without.len().to_string()),
            format!("{} reps have no salary for their role and will be left out ({shown}); add a salary without a role to cover them", without.len()),
            format!("有 {} 位销售人员的岗位没有底薪设定，将不计入结果（{shown_zh}）；可添加一项不限岗位的底薪", without.len()),
        ));
    }
    let Some(tier_slot) = data.columns.iter().position(|c| *c == base.city_tier_field) else {
        f.problems.push(Problem::error(
            "unknown_column",
            "base_pay.city_tier_field",
            Some(base.city_tier_field.clone()),
            format!("the data has no column `{}` for the city tier", base.city_tier_field),
            format!("数据中没有城市级别列 `{}`", base.city_tier_field),
        ));
        return None;
    };
    f.used.push(tier_slot);
    Some(CompiledBasePay {
        months: months(plan.period),
        tier_slot,
        salaries: base.salaries.iter().map(|s| (s.role.clone(), s.city_tier.and_then(|t| u32::try_from(t).ok()), s.monthly)).collect(),
        allowances: base.allowances.iter().map(|a| (a.roles.clone(), a.monthly)).collect(),
        minimums: base.minimum_by_city_tier.iter().filter_map(|(t, m)| t.parse().ok().map(|t| (t, *m))).collect(),
        share_range: (fraction(base.share_range_pct[0]), fraction(base.share_range_pct[1])),
    })
}

pub(super) fn compile_bonuses(plan: &Plan, f: &mut Formulas) -> Vec<CompiledBonus> {
    plan.bonuses
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let path = format!("bonuses[{i}].rule");
            let split = |s: &PoolSplit, f: &mut Formulas| match s {
                PoolSplit::Contribution(e) => f.parse(e, &format_args!("{path}.split.contribution")),
                PoolSplit::Weights(e) => f.parse(e, &format_args!("{path}.split.weights")),
            };
            let kind = match &b.rule {
                BonusRule::OverAchievement { actual, target, above_pct, excess_over_pct, rate_pct } => {
                    let actual = f.parse(actual, &format_args!("{path}.actual"));
                    let target = f.parse(target, &format_args!("{path}.target"));
                    if let Some(t) = &target {
                        positive_constant(t, &format_args!("{path}.target"), &mut f.problems);
                    }
                    BonusKind::OverAchievement {
                        actual: actual?,
                        target: target?,
                        above: fraction(*above_pct),
                        excess_over: fraction(*excess_over_pct),
                        rate: fraction(*rate_pct),
                    }
                }
                BonusRule::Threshold { when, amount } => BonusKind::Threshold { when: f.parse(when, &format_args!("{path}.when"))?, amount: *amount },
                BonusRule::Rank { measure, top, amount, ties, within, minimum, direction } => BonusKind::Rank {
                    measure: f.parse(measure, &format_args!("{path}.measure"))?,
                    top: *top as usize,
                    amount: *amount,
                    ties: *ties,
                    within: *within,
                    minimum: *minimum,
                    lower_is_better: *direction == crate::plan::Direction::LowerIsBetter,
                },
                BonusRule::TeamPool { pool, group_by, winners, split: s } => {
                    BonusKind::TeamPool { pool: *pool, group_by: *group_by, winners: *winners as usize, weight: split(s, f)? }
                }
                BonusRule::ProfitShare { profit, pool_pct, split: s } => {
                    // An out-of-range profit was reported by validation; the pool is not computed then.
                    // The pool is money: rounded as the plan rounds it, then split exactly.
                    let pool = plan.rounding.mode.apply(profit.times(fraction(*pool_pct))?, plan.rounding.money_scale);
                    BonusKind::ProfitShare { profit: *profit, pool_pct: *pool_pct, pool, weight: split(s, f)? }
                }
            };
            let eligible = plan.grades.bands.iter().map(|band| b.grades.as_ref().is_none_or(|g| g.iter().any(|x| *x == band.grade))).collect();
            Some(CompiledBonus { eligible, grade_multipliers: per_band(plan, &b.grade_multipliers, Decimal::ONE), kind })
        })
        .collect()
}
