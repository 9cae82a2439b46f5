//! Names and labels: a required name may not be blank, and a label given (a Chinese name,
//! an optional card, metric or target label) may not be blank either. A blank one would show
//! as an empty heading in every table, statement and export; left out, an optional label
//! gives way to the English name or the id.

use super::super::Plan;
use crate::problem::Problem;

/// Every blank name or label of the plan, at its path.
pub(super) fn names(plan: &Plan, out: &mut Vec<Problem>) {
    let mut check = |path: String, name: Option<&str>, name_zh: Option<&str>, required: bool| {
        for (field, value, required) in [("name", name, required), ("name_zh", name_zh, false)] {
            if value.is_some_and(|v| v.trim().is_empty()) {
                out.push(blank(if path.is_empty() { field.to_string() } else { format!("{path}.{field}") }, field, value.unwrap_or_default(), required));
            }
        }
    };
    check(String::new(), Some(&plan.name), plan.name_zh.as_deref(), true);
    for (i, m) in plan.metrics.iter().enumerate() {
        check(format!("metrics[{i}]"), m.name.as_deref(), m.name_zh.as_deref(), false);
    }
    for (i, t) in plan.targets.iter().enumerate() {
        check(format!("targets[{i}]"), t.name.as_deref(), t.name_zh.as_deref(), false);
    }
    for (i, c) in plan.categories.iter().enumerate() {
        check(format!("categories[{i}]"), Some(&c.name), c.name_zh.as_deref(), true);
    }
    for (i, card) in plan.scorecards.iter().enumerate() {
        check(format!("scorecards[{i}]"), card.name.as_deref(), card.name_zh.as_deref(), false);
        for (j, k) in card.kpis.iter().enumerate() {
            check(format!("scorecards[{i}].kpis[{j}]"), Some(&k.name), k.name_zh.as_deref(), true);
        }
    }
    for (i, p) in plan.points.items.iter().enumerate() {
        check(format!("points.items[{i}]"), Some(&p.name), p.name_zh.as_deref(), true);
    }
    for (i, l) in plan.commission.iter().enumerate() {
        check(format!("commission[{i}]"), Some(&l.name), l.name_zh.as_deref(), true);
    }
    for (i, a) in plan.base_pay.iter().flat_map(|b| &b.allowances).enumerate() {
        check(format!("base_pay.allowances[{i}]"), Some(&a.name), a.name_zh.as_deref(), true);
    }
    for (i, b) in plan.bonuses.iter().enumerate() {
        check(format!("bonuses[{i}]"), Some(&b.name), b.name_zh.as_deref(), true);
    }
    for (i, a) in plan.signals.alerts.iter().enumerate() {
        check(format!("signals.alerts[{i}]"), Some(&a.name), a.name_zh.as_deref(), true);
    }
}

/// The problem of a blank `field` at `path`: a required name asks for a name, an optional
/// label to be named or left out.
fn blank(path: String, field: &str, value: &str, required: bool) -> Problem {
    let (en, zh) = match (field, required) {
        ("name", true) => ("`name` is blank: give it a name, shown in every table and statement".to_string(), "`name` 为空：请填写名称，各表格和工资单都会显示它".to_string()),
        ("name", false) => ("`name` is blank: give it a name, or leave the field out to show its id".to_string(), "`name` 为空：请填写名称，或删去该字段以显示其标识".to_string()),
        _ => (format!("`{field}` is blank: give the Chinese name, or leave the field out to show the English one"), format!("`{field}` 为空：请填写中文名称，或删去该字段以显示英文名称")),
    };
    Problem::error("blank_name", path, Some(value.to_string()), en, zh)
}
