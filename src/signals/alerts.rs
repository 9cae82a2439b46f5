//! Alert rules: a value that fell from the previous period, a value past a level (in the
//! period, or to date), a grade held several periods running.

use crate::calc::Checked;
use super::stats::pct;
use super::{plain, plain_against, to_date, Alert, History, ThresholdUnit};
use crate::data::Dataset;
use crate::evaluate::Evaluation;
use crate::plan::{AlertCondition, AlertRule, CompiledPlan, ToDate};
use crate::problem::Message;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

pub(super) fn alerts(plan: &CompiledPlan, data: &Dataset, period: usize, evaluation: &Evaluation, rep_index: &FxHashMap<&str, usize>, history: &dyn History) -> Vec<Alert> {
    let mut out = Vec::new();
    for (rule, expr) in plan.plan.signals.alerts.iter().zip(&plan.signals.alerts) {
        match (&rule.rule, expr) {
            (AlertCondition::Drop { metric, metric_name, metric_name_zh, by, by_pct }, Some(expr)) => {
                let Some(before) = plan.period_back(period, 1) else { continue };
                let (what, what_zh) = super::called(metric, metric_name.as_deref(), metric_name_zh.as_deref());
                // Every rep with figures in the period, paid or not: a signal reads its own values.
                for r in data.rows_in(period).map(|row| row.rep) {
                    let rep = &data.reps[r];
                    let (Some(old), Some(new)) = (history.value(expr, r, before), history.value(expr, r, period)) else { continue };
                    let Some(fall) = old.minus(new) else { continue };
                    let fall_pct = if old > Decimal::ZERO { pct(fall, old) } else { None };
                    let by_value = by.filter(|b| fall >= *b);
                    let by_share = by_pct.filter(|b| fall_pct.is_some_and(|f| f >= *b));
                    let Some(threshold) = by_value.or(by_share) else { continue };
                    let periods = vec![data.periods[before].clone(), data.periods[period].clone()];
                    let (unit, how) = match (by_value, fall_pct) {
                        (Some(_), _) | (None, None) => (ThresholdUnit::Value, (format!("a fall of {}", plain(threshold)), format!("降幅达到 {}", plain(threshold)))),
                        (None, Some(_)) => (ThresholdUnit::Percent, (format!("a fall of {}%", plain(threshold)), format!("降幅达到 {}%", plain(threshold)))),
                    };
                    let pct = fall_pct.map(|f| (format!(", −{}%", plain(f)), format!("，−{}%", plain(f)))).unwrap_or_default();
                    let fell = if unit == ThresholdUnit::Value { plain_against(fall, threshold) } else { plain(fall) };
                    out.push(alert(
                        rule,
                        rep,
                        periods.clone(),
                        vec![old, new],
                        (threshold, unit),
                        (
                            format!("{what} fell from {} in {} to {} in {} (−{}{}); the rule fires at {}", plain(old), periods[0], plain(new), periods[1], fell, pct.0, how.0),
                            format!("{what_zh}{}从 {} 的 {} 降至 {} 的 {}（−{}{}）；规则在{} 时触发", super::zh_gap(&what_zh), periods[0], plain(old), periods[1], plain(new), fell, pct.1, how.1),
                        ),
                    ));
                }
            }
            (AlertCondition::Level { metric, metric_name, metric_name_zh, below, above, to_date, only_at }, Some(expr)) => {
                let Some(span) = to_date::span(plan, period, *to_date, only_at.as_deref()) else { continue };
                let summed = to_date.map(|_| to_date::values(plan, data, expr, &span));
                let (what, what_zh) = super::called(metric, metric_name.as_deref(), metric_name_zh.as_deref());
                for r in data.rows_in(period).map(|row| row.rep) {
                    let rep = &data.reps[r];
                    let found = match &summed {
                        Some(by_rep) => by_rep.get(&r).cloned(),
                        None => history.value(expr, r, period).map(|v| (v, vec![period])),
                    };
                    let Some((value, periods)) = found else { continue };
                    let (threshold, side, side_zh) = match (below.filter(|b| value < *b), above.filter(|a| value > *a)) {
                        (Some(b), _) => (b, "below", "低于"),
                        (None, Some(a)) => (a, "above", "高于"),
                        (None, None) => continue,
                    };
                    let names: Vec<String> = periods.iter().map(|p| data.periods[*p].clone()).collect();
                    // Periods of the span, between the first and the last summed, the rep has no row in.
                    let place = |p: Option<&usize>| p.and_then(|p| span.iter().position(|x| x == p));
                    let gaps: Vec<&str> = match (place(periods.first()), place(periods.last())) {
                        (Some(a), Some(b)) => span[a..=b].iter().filter(|p| !periods.contains(p)).map(|p| data.periods[*p].as_str()).collect(),
                        _ => Vec::new(),
                    };
                    let (en, zh) = level_words((&what, &what_zh), *to_date, (&names, &gaps), value, (side, side_zh, threshold));
                    out.push(alert(rule, rep, names, vec![value], (threshold, ThresholdUnit::Value), (en, zh)));
                }
            }
            (AlertCondition::GradeStreak { grade, periods }, _) => {
                let earlier: Option<Vec<usize>> = (1..i64::from(*periods)).map(|back| plan.period_back(period, back)).collect();
                let Some(earlier) = earlier else { continue };
                let grades: Vec<FxHashMap<crate::label::Label, crate::label::Label>> = earlier.iter().map(|p| history.grades(*p)).collect();
                let mut names: Vec<String> = earlier.iter().rev().map(|p| data.periods[*p].clone()).collect();
                names.push(data.periods[period].clone());
                for graded in evaluation.reps.iter().filter(|r| &r.grade == grade) {
                    let Some(rep) = rep_index.get(graded.rep_id.as_str()).map(|r| &data.reps[*r]) else { continue };
                    if grades.iter().all(|g| g.get(&rep.id).is_some_and(|x| x == grade)) {
                        out.push(alert(
                            rule,
                            rep,
                            names.clone(),
                            Vec::new(),
                            (Decimal::from(*periods), ThresholdUnit::Periods),
                            (
                                format!("grade {grade} in {} periods running ({})", periods, names.join(", ")),
                                format!("连续 {} 个期间为 {grade} 级（{}）", periods, names.join("、")),
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// A level alert's words: `what` was `value` in the period (`names` holds it alone) or, to
/// date, over the periods `names` summed (`gaps`: those between them without a row of the
/// rep, named so that the range does not hide them), and the side and threshold it crossed.
fn level_words((what, what_zh): (&str, &str), to_date: Option<ToDate>, (names, gaps): (&[String], &[&str]), value: Decimal, (side, side_zh, threshold): (&str, &str, Decimal)) -> (String, String) {
    let (first, last) = (names.first().map_or("", String::as_str), names.last().map_or("", String::as_str));
    let (en, zh) = match to_date {
        Some(span) => {
            let (mut range, mut range_zh) = if first == last { (first.to_string(), first.to_string()) } else { (format!("{first} to {last}"), format!("{first} 至 {last}")) };
            if !gaps.is_empty() {
                range.push_str(&format!(", without {}: no row", gaps.join(", ")));
                range_zh.push_str(&format!("，{} 无数据", gaps.join("、")));
            }
            let (so_far, so_far_zh) = match span {
                ToDate::Year => ("for the year to date", "年初至今"),
                ToDate::Quarter => ("for the quarter to date", "季初至今"),
            };
            (format!("{what} {so_far} ({range}) is {}", plain_against(value, threshold)), format!("{what_zh}{}{so_far_zh}（{range_zh}）为 {}", super::zh_gap(&what_zh), plain_against(value, threshold)))
        }
        None => (format!("{what} is {} in {last}", plain_against(value, threshold)), format!("{what_zh}{}在 {last} 为 {}", super::zh_gap(&what_zh), plain_against(value, threshold))),
    };
    (format!("{en}, {side} {}", plain(threshold)), format!("{zh}，{side_zh} {}", plain(threshold)))
}

/// An alert for `rep`, its message prefixed with the rule's name and the rep's name and id.
fn alert(rule: &AlertRule, rep: &crate::data::Rep, periods: Vec<String>, values: Vec<Decimal>, (threshold, threshold_unit): (Decimal, ThresholdUnit), (en, zh): (String, String)) -> Alert {
    let name_zh = rule.name_zh.as_deref().unwrap_or(&rule.name);
    let (who_en, who_zh) = super::rep_names(&rep.id, rep.name(), rep.name_zh());
    Alert {
        rule: rule.id.clone(),
        rep_id: rep.id.clone(),
        severity: rule.severity,
        periods,
        values,
        threshold,
        threshold_unit,
        message: Message { en: format!("{} — {who_en}: {en}", rule.name), zh: format!("{name_zh}——{who_zh}：{zh}") },
    }
}
