//! Validation of the pay parts of a plan: commission gates, caps and modifiers, base pay,
//! bonuses, the draw and the variable pay cap.

use super::grades::unknown_grade;
use super::{in_range, unique_ids, MAX_LIMIT_PCT};
use crate::plan::{BonusRule, CommissionLine, Plan};
use crate::problem::Problem;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The largest money figure a plan may state (10^12).
const MAX_AMOUNT: i64 = 1_000_000_000_000;
/// The largest multiplier a plan may state.
const MAX_MULTIPLIER: i64 = 10;

pub(super) fn pay(plan: &Plan, out: &mut Vec<Problem>) {
    for (i, line) in plan.commission.iter().enumerate() {
        line_modifiers(plan, line, &format!("commission[{i}]"), out);
    }
    base_pay(plan, out);
    bonuses(plan, out);
    if let Some(draw) = &plan.draw {
        in_range(draw.amount, &"draw.amount", ("a draw", "预支额"), true, MAX_AMOUNT, out);
        in_money_units(plan, draw.amount, &"draw.amount", ("a draw", "预支额"), out);
    }
    if let Some(cap) = plan.variable_pay_cap {
        in_range(cap, &"variable_pay_cap", ("the variable pay cap", "浮动薪酬上限"), true, MAX_AMOUNT, out);
        in_money_units(plan, cap, &"variable_pay_cap", ("the variable pay cap", "浮动薪酬上限"), out);
    }
}

/// A cap or a draw is paid as it is: with more decimal places than money is kept to
/// (`rounding.money_scale`), the amount paid would be rounded past it (a cap of 20000.005
/// paying 20000.01).
fn in_money_units(plan: &Plan, value: Decimal, path: &dyn std::fmt::Display, (what_en, what_zh): (&str, &str), out: &mut Vec<Problem>) {
    let places = value.normalize().scale();
    let money = plan.rounding.money_scale;
    if places > money && money <= super::MAX_SCALE {
        out.push(Problem::error(
            "finer_than_money",
            path.to_string(),
            Some(value.to_string()),
            format!("{what_en} of {value} has {places} decimal place{}, and money is kept to {money} (rounding.money_scale): {}", if places == 1 { "" } else { "s" }, if money == 0 { "write it as a whole number".to_string() } else { format!("write it to {money}") }),
            format!("{what_zh} {value} 有 {places} 位小数，而金额保留 {money} 位（rounding.money_scale）：{}", if money == 0 { "请写为整数".to_string() } else { format!("请写到 {money} 位小数") }),
        ));
    }
}

/// Grade names in `by_grade` must be bands; multipliers from 0 to 10.
fn grade_multipliers(plan: &Plan, by_grade: &BTreeMap<String, Decimal>, path: &str, out: &mut Vec<Problem>) {
    for (grade, m) in by_grade {
        if !plan.grades.bands.iter().any(|b| &b.grade == grade) {
            out.push(unknown_grade(&plan.grades, format!("{path}.{grade}"), grade));
        }
        in_range(*m, &format_args!("{path}.{grade}"), ("a multiplier", "系数"), false, MAX_MULTIPLIER, out);
    }
}

fn line_modifiers(plan: &Plan, line: &CommissionLine, path: &str, out: &mut Vec<Problem>) {
    if let Some(gate) = line.gate_pct {
        // Tiers in percent of target already need the target (`target_needed`); say it once.
        if line.target.is_none() && line.tier_basis == crate::plan::TierBasis::Amount {
            out.push(Problem::error(
                "gate_needs_target",
                format!("{path}.gate_pct"),
                Some(gate.to_string()),
                format!("a gate is a share of the line's target, so commission line `{}` needs a `target`", line.id),
                format!("门槛按目标的比例计算，提成项 `{}` 需要设置 `target`", line.id),
            ));
        }
        if gate > Decimal::ONE_HUNDRED && gate <= Decimal::from(MAX_LIMIT_PCT) && !line.allow_gate_above_100 {
            out.push(Problem::error(
                "gate_above_100",
                format!("{path}.gate_pct"),
                Some(gate.to_string()),
                format!("a gate of {gate}% pays nothing until the target is beaten by {}%; if that is meant, set \"allow_gate_above_100\": true", gate - Decimal::ONE_HUNDRED),
                format!("门槛 {gate}% 意味着超过目标 {}% 之前没有提成；如确有此意，请设置 \"allow_gate_above_100\": true", gate - Decimal::ONE_HUNDRED),
            ));
        } else {
            in_range(gate, &format_args!("{path}.gate_pct"), ("a gate", "提成门槛"), false, MAX_LIMIT_PCT, out);
        }
    }
    if let Some(cap) = line.cap {
        in_range(cap, &format_args!("{path}.cap"), ("a line's cap", "提成上限"), true, MAX_AMOUNT, out);
        in_money_units(plan, cap, &format_args!("{path}.cap"), ("a line's cap", "提成上限"), out);
    }
    if let Some(o) = &line.rate_override {
        in_range(o.add_pct, &format_args!("{path}.rate_override.add_pct"), ("a rate increase", "提成比例上调"), true, 100, out);
        let top = line.tiers.iter().map(|t| t.rate_pct).max().unwrap_or_default();
        // Only when every rate is itself in range: a rate above 100 is reported once, at the tier.
        if top <= Decimal::ONE_HUNDRED && top.saturating_add(o.add_pct) > Decimal::ONE_HUNDRED && o.add_pct <= Decimal::ONE_HUNDRED {
            out.push(Problem::error(
                "rate_above_100",
                format!("{path}.rate_override.add_pct"),
                Some(o.add_pct.to_string()),
                format!("raised by {} percentage point{}, the top rate ({top}%) becomes {}%, more than the amount itself", o.add_pct, if o.add_pct == Decimal::ONE { "" } else { "s" }, top.saturating_add(o.add_pct)),
                format!("上调 {} 个百分点后，最高提成比例（{top}%）将变为 {}%，超过计提金额本身", o.add_pct, top.saturating_add(o.add_pct)),
            ));
        }
    }
    grade_multipliers(plan, &line.grade_multipliers, &format!("{path}.grade_multipliers"), out);
    for (m, c) in line.multipliers.iter().enumerate() {
        in_range(c.multiplier, &format_args!("{path}.multipliers[{m}].multiplier"), ("a multiplier", "系数"), false, MAX_MULTIPLIER, out);
    }
}

fn base_pay(plan: &Plan, out: &mut Vec<Problem>) {
    let Some(base) = &plan.base_pay else { return };
    if base.salaries.is_empty() {
        out.push(Problem::error("empty_list", "base_pay.salaries", None, "base pay needs at least one salary".into(), "基础薪酬至少需要一项底薪".into()));
    }
    for (i, s) in base.salaries.iter().enumerate() {
        let path = format!("base_pay.salaries[{i}]");
        in_range(s.monthly, &format_args!("{path}.monthly"), ("a monthly salary", "月底薪"), true, MAX_AMOUNT, out);
        if let Some(t) = s.city_tier.filter(|t| !(1..=9).contains(t)) {
            out.push(Problem::error(
                "out_of_range",
                format!("{path}.city_tier"),
                Some(t.to_string()),
                format!("a city tier is from 1 to 9; it is {t}"),
                format!("城市级别应在 1 到 9 之间；当前为 {t}"),
            ));
        }
        if let Some(first) = base.salaries[..i].iter().position(|x| x.role == s.role && x.city_tier == s.city_tier) {
            let role = s.role.clone().unwrap_or_else(|| "any role".into());
            let role_zh = s.role.clone().unwrap_or_else(|| "所有岗位".into());
            let tier = s.city_tier.map_or_else(|| "any city tier".into(), |t| format!("city tier {t}"));
            let tier_zh = s.city_tier.map_or_else(|| "所有城市级别".into(), |t| format!("城市级别 {t}"));
            out.push(Problem::error(
                "duplicate_salary",
                path,
                Some(format!("{role}, {tier}")),
                format!("a second salary for {role} in {tier}; salaries[{first}] already gives one"),
                format!("{role_zh}、{tier_zh} 的底薪重复；salaries[{first}] 已有设定"),
            ));
        }
    }
    unique_ids(base.allowances.iter().map(|a| a.id.as_str()), |i| format!("base_pay.allowances[{i}].id"), out);
    for (i, a) in base.allowances.iter().enumerate() {
        in_range(a.monthly, &format_args!("base_pay.allowances[{i}].monthly"), ("an allowance", "补贴"), false, MAX_AMOUNT, out);
    }
    for (tier, m) in &base.minimum_by_city_tier {
        let path = format!("base_pay.minimum_by_city_tier.{tier}");
        if !tier.parse::<u32>().is_ok_and(|t| (1..=9).contains(&t)) {
            out.push(Problem::error("not_a_city_tier", path.clone(), Some(tier.clone()), format!("`{tier}` is not a city tier (1 to 9)"), format!("`{tier}` 不是城市级别（1 到 9）")));
        }
        in_range(*m, &path, ("a minimum wage", "最低工资"), true, MAX_AMOUNT, out);
    }
    let [low, high] = base.share_range_pct;
    in_range(low, &"base_pay.share_range_pct[0]", ("a share", "比例"), false, 100, out);
    in_range(high, &"base_pay.share_range_pct[1]", ("a share", "比例"), false, 100, out);
    if low > high {
        out.push(Problem::error(
            "range_reversed",
            "base_pay.share_range_pct[0]",
            Some(low.to_string()),
            format!("the base share range starts at {low}%, above its end {high}%"),
            format!("基础薪酬占比范围起点 {low}% 高于终点 {high}%"),
        ));
    }
}

fn bonuses(plan: &Plan, out: &mut Vec<Problem>) {
    unique_ids(plan.bonuses.iter().map(|b| b.id.as_str()), |i| format!("bonuses[{i}].id"), out);
    for (i, b) in plan.bonuses.iter().enumerate() {
        let path = format!("bonuses[{i}]");
        if b.grades.as_ref().is_some_and(Vec::is_empty) {
            out.push(Problem::error(
                "empty_list",
                format!("{path}.grades"),
                None,
                format!("bonus `{}` lists no grade, so nobody could get it; remove `grades` to open it to every grade", b.id),
                format!("奖金 `{}` 未列出任何等级，无人能获得；删除 `grades` 即对所有等级开放", b.id),
            ));
        }
        for (g, grade) in b.grades.iter().flatten().enumerate() {
            if !plan.grades.bands.iter().any(|x| &x.grade == grade) {
                out.push(unknown_grade(&plan.grades, format!("{path}.grades[{g}]"), grade));
            }
        }
        grade_multipliers(plan, &b.grade_multipliers, &format!("{path}.grade_multipliers"), out);
        let rule = format!("{path}.rule");
        let amount = |v: Decimal, field: &str, out: &mut Vec<Problem>| in_range(v, &format_args!("{rule}.{field}"), ("an amount", "金额"), false, MAX_AMOUNT, out);
        match &b.rule {
            BonusRule::OverAchievement { above_pct, excess_over_pct, rate_pct, .. } => {
                in_range(*above_pct, &format_args!("{rule}.above_pct"), ("a level", "起算水平"), false, MAX_LIMIT_PCT, out);
                in_range(*rate_pct, &format_args!("{rule}.rate_pct"), ("a rate", "比例"), false, 100, out);
                if excess_over_pct > above_pct {
                    out.push(Problem::error(
                        "excess_over_above_level",
                        format!("{rule}.excess_over_pct"),
                        Some(excess_over_pct.to_string()),
                        format!("the excess is counted from {excess_over_pct}%, above the level the bonus starts at ({above_pct}%)"),
                        format!("超额部分从 {excess_over_pct}% 起算，高于奖金起算水平（{above_pct}%）"),
                    ));
                }
            }
            BonusRule::Threshold { amount: a, .. } => amount(*a, "amount", out),
            BonusRule::Rank { top, amount: a, .. } => {
                amount(*a, "amount", out);
                if !(1..=1000).contains(top) {
                    out.push(Problem::error(
                        "out_of_range",
                        format!("{rule}.top"),
                        Some(top.to_string()),
                        format!("the number of winners (`top`) must be from 1 to 1,000; it is {top}"),
                        format!("获奖人数（`top`）应在 1 到 1,000 之间；当前为 {top}"),
                    ));
                }
            }
            BonusRule::TeamPool { pool, winners, .. } => {
                in_range(*pool, &format_args!("{rule}.pool"), ("a pool", "奖金池"), true, MAX_AMOUNT, out);
                // Split exactly: its shares add up to the pool only if it is in money units.
                in_money_units(plan, *pool, &format_args!("{rule}.pool"), ("a pool", "奖金池"), out);
                if *winners == 0 {
                    out.push(Problem::error(
                        "out_of_range",
                        format!("{rule}.winners"),
                        Some("0".into()),
                        "`winners` is how many groups win the pool: at least 1; it is 0".into(),
                        "`winners` 为获得奖金池的团队数：至少为 1；当前为 0".into(),
                    ));
                }
                if plan.attainment.is_none() {
                    out.push(Problem::error(
                        "needs_attainment",
                        rule.clone(),
                        None,
                        "a team pool ranks groups by attainment, so the plan needs an `attainment`".into(),
                        "团队奖金池按达成率排名，方案需要设置 `attainment`".into(),
                    ));
                }
            }
            BonusRule::ProfitShare { profit, pool_pct, .. } => {
                amount(*profit, "profit", out);
                in_range(*pool_pct, &format_args!("{rule}.pool_pct"), ("a share of profit", "利润分享比例"), false, 100, out);
            }
        }
        let pooled = matches!(b.rule, BonusRule::TeamPool { .. } | BonusRule::ProfitShare { .. });
        if pooled && !b.grade_multipliers.is_empty() {
            out.push(Problem::error(
                "multipliers_on_pool",
                format!("{path}.grade_multipliers"),
                None,
                "a pool is split exactly; weight the split instead of multiplying the shares by grade".into(),
                "奖金池须精确分配；请通过分配权重体现等级，而不是按等级乘以系数".into(),
            ));
        }
    }
}
