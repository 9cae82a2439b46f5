//! Validation of the signals: alert rules, the high-potential rule and improvement plans.
//! Formulas, reps and periods are checked against the data when the plan is compiled.

use super::grades::streak_rule;
use super::{not_empty, unique_ids};
use crate::plan::{AlertCondition, Plan, PotentialCondition};
use crate::problem::Problem;
use crate::signals::stats::parse_percentile;
use rust_decimal::Decimal;

pub(super) fn signals(plan: &Plan, out: &mut Vec<Problem>) {
    let signals = &plan.signals;
    unique_ids(signals.alerts.iter().enumerate().map(|(i, a)| (a.id.as_str(), format!("signals.alerts[{i}].id"))), out);
    for (i, alert) in signals.alerts.iter().enumerate() {
        let path = format!("signals.alerts[{i}].rule");
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
            }
            AlertCondition::Level { below, above, .. } => match (below, above) {
                (None, None) => out.push(Problem::error(
                    "alert_threshold_missing",
                    path,
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
            },
            AlertCondition::GradeStreak { grade, periods } => streak_rule(&plan.grades, grade, *periods, &path, out),
        }
    }
    if let Some(rule) = &signals.high_potential {
        not_empty(&rule.conditions, "signals.high_potential.conditions", ("the high-potential rule needs at least one condition", "高潜规则至少需要一个条件"), out);
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
    for (i, plan_item) in signals.improvement_plans.iter().enumerate() {
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
