//! Validation of the signals: alert rules, the high-potential rule and improvement plans.
//! Formulas, reps and periods are checked against the data when the plan is compiled.

use super::grades::streak_rule;
use super::{not_empty, unique_ids};
use crate::plan::{AlertCondition, PeriodKind, Plan, PotentialCondition, ToDate};
use crate::problem::Problem;
use crate::signals::stats::parse_percentile;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

pub(super) fn signals(plan: &Plan, out: &mut Vec<Problem>) {
    let signals = &plan.signals;
    unique_ids(signals.alerts.iter().map(|a| a.id.as_str()), |i| format!("signals.alerts[{i}].id"), out);
    for (i, alert) in signals.alerts.iter().enumerate() {
        let path = format!("signals.alerts[{i}].rule");
        if let AlertCondition::Drop { metric_name, metric_name_zh, .. } | AlertCondition::Level { metric_name, metric_name_zh, .. } = &alert.rule {
            blank_names(&path, [metric_name, metric_name_zh], ("the alert watches", "预警所监控数值"), out);
        }
        match &alert.rule {
            AlertCondition::Drop { by, by_pct, .. } => {
                if by.is_none() && by_pct.is_none() {
                    out.push(Problem::error(
                        "alert_threshold_missing",
                        path.clone(),
                        None,
                        "a drop alert needs `by` (a fall in the value's unit) or `by_pct` (a fall in percent)".into(),
                        "下降预警需要 `by`（按数值下降）或 `by_pct`（按百分比下降）".into(),
                    ));
                }
                for (field, value) in [("by", by), ("by_pct", by_pct)] {
                    if let Some(v) = value.filter(|v| *v <= Decimal::ZERO) {
                        out.push(Problem::error(
                            "out_of_range",
                            format!("{path}.{field}"),
                            Some(v.to_string()),
                            format!("a fall to watch for must be more than 0; it is {v}"),
                            format!("下降幅度应大于 0；当前为 {v}"),
                        ));
                    }
                }
                // With `by` too, a fall of `by` still fires: only `by_pct` alone can never fire.
                if let Some(v) = by_pct.filter(|v| *v > Decimal::ONE_HUNDRED && by.is_none()) {
                    out.push(Problem::warning(
                        "fall_past_zero",
                        format!("{path}.by_pct"),
                        Some(v.to_string()),
                        format!("a fall of {v}% is a fall past zero: the rule fires only for a value that turns negative"),
                        format!("下降 {v}% 意味着降到零以下：只有数值变为负数时规则才会触发"),
                    ));
                }
            }
            AlertCondition::Level { below, above, to_date, only_at, .. } => {
                match (below, above) {
                    (None, None) => out.push(Problem::error(
                        "alert_threshold_missing",
                        path.clone(),
                        None,
                        "a level alert needs `below`, `above` or both".into(),
                        "水平预警需要 `below`、`above` 或两者".into(),
                    )),
                    (Some(b), Some(a)) if b > a => out.push(Problem::error(
                        "alert_levels_cross",
                        format!("{path}.below"),
                        Some(b.to_string()),
                        format!("`below` ({b}) is above `above` ({a}): every value would fire"),
                        format!("`below`（{b}）高于 `above`（{a}）：任何数值都会触发"),
                    )),
                    _ => {}
                }
                level_periods(plan.period, *to_date, only_at.as_deref(), &path, out);
            }
            AlertCondition::GradeStreak { grade, periods } => streak_rule(&plan.grades, grade, *periods, &path, out),
        }
    }
    if let Some(rule) = &signals.high_potential {
        not_empty(&rule.conditions, &"signals.high_potential.conditions", ("the high-potential rule needs at least one condition", "高潜规则至少需要一个条件"), out);
        for (i, condition) in rule.conditions.iter().enumerate() {
            let path = format!("signals.high_potential.conditions[{i}]");
            match condition {
                PotentialCondition::Above { stat, .. } => {
                    if stat != "average" && stat != "median" && parse_percentile(stat).is_none() {
                        out.push(Problem::error(
                            "unknown_statistic",
                            format!("{path}.stat"),
                            Some(stat.clone()),
                            format!("`{stat}` is not a team statistic: use `average`, `median` or a percentile such as `p75`"),
                            format!("`{stat}` 不是团队统计量：请使用 `average`、`median` 或百分位数（如 `p75`）"),
                        ));
                    }
                }
                PotentialCondition::Percentile { from, to, .. } => {
                    let hundred = Decimal::ONE_HUNDRED;
                    if *from < Decimal::ZERO || *to > hundred || from > to {
                        out.push(Problem::error(
                            "out_of_range",
                            format!("{path}.from"),
                            Some(format!("{from}–{to}")),
                            format!("a percentile range runs from 0 to 100, low to high; it is {from}–{to}"),
                            format!("百分位范围应在 0 到 100 之间且由低到高；当前为 {from}–{to}"),
                        ));
                    }
                }
            }
        }
    }
    // Each plan's rep, period and formula (spaces and widths aside) → the first plan with them.
    let mut seen: FxHashMap<(&str, &str, String), usize> = FxHashMap::default();
    for (i, plan_item) in signals.improvement_plans.iter().enumerate() {
        let path = format!("signals.improvement_plans[{i}]");
        let first = *seen.entry((plan_item.rep.as_str(), plan_item.period.as_str(), formula_key(&plan_item.metric))).or_insert(i);
        if first != i {
            out.push(Problem::error(
                "duplicate_improvement_plan",
                path.clone(),
                Some(format!("{} {} {}", plan_item.rep, plan_item.metric, plan_item.period)),
                format!("improvement_plans[{first}] already plans {} for rep {} in {}: keep one plan per rep, value and period", plan_item.metric, plan_item.rep, plan_item.period),
                format!("improvement_plans[{first}] 已为销售 {} 在 {} 设定了 {} 的改进计划：每位销售、每个数值、每个期间只保留一个计划", plan_item.rep, plan_item.period, plan_item.metric),
            ));
        }
        blank_names(&path, [&plan_item.metric_name, &plan_item.metric_name_zh], ("the plan improves", "改进计划所跟踪数值"), out);
        // Names of the plan's kind compare in time order (2026-Q2 before 2026-Q3).
        let order = |name: &str| plan.period.parse(name);
        let backwards = matches!((order(&plan_item.from_period), order(&plan_item.period)), (Some(from), Some(to)) if to <= from);
        if plan_item.from_period == plan_item.period || backwards {
            out.push(Problem::error(
                "improvement_periods",
                format!("signals.improvement_plans[{i}].period"),
                Some(plan_item.period.clone()),
                format!("an improvement plan is judged in a period after the one it starts from ({})", plan_item.from_period),
                format!("改进计划的评估期必须晚于起始期（{}）", plan_item.from_period),
            ));
        }
    }
}

/// A formula as written but for spaces and full-width characters, which the parser reads
/// alike (`a/b`, `a / b` and `a／b`).
fn formula_key(formula: &str) -> String {
    formula.chars().map(crate::formula::half_width).filter(|c| !c.is_whitespace()).collect()
}

/// `metric_name` and `metric_name_zh` at `path` (an alert's rule or an improvement plan):
/// blank is refused; absent shows the formula. `what` ends "name the value …" in each language.
fn blank_names(path: &str, [name, name_zh]: [&Option<String>; 2], (what, what_zh): (&str, &str), out: &mut Vec<Problem>) {
    for (field, name) in [("metric_name", name), ("metric_name_zh", name_zh)] {
        if name.as_ref().is_some_and(|n| n.trim().is_empty()) {
            out.push(Problem::error(
                "blank_name",
                format!("{path}.{field}"),
                name.clone(),
                format!("`{field}` is blank: name the value {what}, or leave the field out to show the formula"),
                format!("`{field}` 为空：请写出{what_zh}的名称，或删去该字段以显示公式"),
            ));
        }
    }
}

/// A level alert's `to_date` and `only_at` (at `path`): quarter to date needs months, and each
/// place counts a period of the year (or quarter) from 1.
fn level_periods(kind: PeriodKind, to_date: Option<ToDate>, only_at: Option<&[u32]>, path: &str, out: &mut Vec<Problem>) {
    let (span, span_zh) = match to_date {
        Some(ToDate::Quarter) if kind != PeriodKind::Month => {
            let (name, name_zh) = kind_names(kind);
            out.push(Problem::error(
                "to_date_needs_months",
                format!("{path}.to_date"),
                Some("quarter".into()),
                format!("`\"to_date\": \"quarter\"` adds up the months of a quarter, but this plan's periods are {name}: use \"year\", or `\"period\": \"month\"`"),
                format!("`\"to_date\": \"quarter\"` 累计一个季度内的各月，但本方案的期间为{name_zh}：请改用 \"year\"，或设置 `\"period\": \"month\"`"),
            ));
            return;
        }
        Some(ToDate::Quarter) => ("quarter", "一个季度"),
        _ => ("year", "一年"),
    };
    let Some(places) = only_at else { return };
    if !not_empty(places, &format_args!("{path}.only_at"), ("`only_at` needs at least one place: leave it out to check every period", "`only_at` 至少需要一个位置：如需检查每个期间，请删去该字段"), out) {
        return;
    }
    let count = to_date.unwrap_or(ToDate::Year).periods(kind);
    let (name, name_zh) = kind_names(kind);
    for (j, place) in places.iter().enumerate() {
        if *place == 0 || *place as usize > count {
            out.push(Problem::error(
                "out_of_range",
                format!("{path}.only_at[{j}]"),
                Some(place.to_string()),
                format!("a {span} holds {count} periods of this plan ({name}), counted from 1 to {count}; {place} is not one of them"),
                format!("{span_zh}包含本方案的 {count} 个期间（{name_zh}），从 1 数到 {count}；{place} 不在其中"),
            ));
        }
    }
}

/// A period kind in words, plural: ("months", "月").
fn kind_names(kind: PeriodKind) -> (&'static str, &'static str) {
    match kind {
        PeriodKind::Month => ("months", "月"),
        PeriodKind::Quarter => ("quarters", "季度"),
        PeriodKind::Year => ("years", "年"),
    }
}
