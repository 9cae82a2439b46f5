//! Names and labels: a required name may not be blank, and a label given (a Chinese name,
//! an optional card, metric or target label) may not be blank either. A blank one would show
//! as an empty heading in every table, statement and export; left out, an optional label
//! gives way to the English name or the id.

use super::super::Plan;
use crate::problem::Problem;

/// Every blank name or label of the plan, at its path.
pub(super) fn names(plan: &Plan, out: &mut Vec<Problem>) {
    let mut check = |path: String, name: Option<&str>, name_zh: Option<&str>, required: bool| {
        let named = name.is_some_and(|n| !n.trim().is_empty());
        for (field, value) in [("name", name), ("name_zh", name_zh)] {
            if value.is_some_and(|v| v.trim().is_empty()) {
                let at = if path.is_empty() { field.to_string() } else { format!("{path}.{field}") };
                out.push(blank(at, field, value.unwrap_or_default(), required, named));
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
/// label to be named or left out (a Chinese name then gives way to the English one when the
/// item is `named`, else to its id).
fn blank(path: String, field: &str, value: &str, required: bool, named: bool) -> Problem {
    let (en, zh) = match (field, required, named) {
        ("name", true, _) => ("`name` is blank: give it a name, shown in every table and statement", "`name` 为空：请填写名称（各表格和薪酬明细单都会显示）"),
        ("name", false, _) => ("`name` is blank: give it a name, or leave the field out to show its id", "`name` 为空：请填写名称，或删去该字段以显示其标识"),
        (_, _, true) => ("`name_zh` is blank: give the Chinese name, or leave the field out to show the English one", "`name_zh` 为空：请填写中文名称，或删去该字段以显示英文名称"),
        _ => ("`name_zh` is blank: give the Chinese name, or leave the field out to show its id", "`name_zh` 为空：请填写中文名称，或删去该字段以显示其标识"),
    };
    Problem::error("blank_name", path, Some(value.to_string()), en.to_string(), zh.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name and label of a preset that has each kind, blanked: each is refused at its own
    /// path, with the wording of a required name, an optional label, or a Chinese name.
    #[test]
    fn every_blank_name_is_refused_at_its_path() {
        let mut json: serde_json::Value = serde_json::from_str(crate::presets::preset("target-oriented").unwrap().json).unwrap();
        let blanks = [
            "/name_zh", "/metrics/0/name", "/targets/0/name", "/scorecards/0/name", "/categories/0/name", "/categories/0/name_zh",
            "/scorecards/0/kpis/1/name", "/scorecards/0/kpis/1/name_zh", "/points/items/2/name", "/commission/0/name",
            "/base_pay/allowances/1/name_zh", "/bonuses/3/name", "/signals/alerts/0/name",
        ];
        for pointer in blanks {
            *json.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer} in the preset")) = "\u{3000} ".into();
        }
        *json.pointer_mut("/targets/0/name_zh").unwrap() = " ".into();
        let plan = crate::plan::parse_plan(&json.to_string()).unwrap();
        let mut out = Vec::new();
        names(&plan, &mut out);
        let got: Vec<(&str, &str)> = out.iter().map(|p| (p.path.as_str(), p.message.en.as_str())).collect();
        let (required, optional) = ("`name` is blank: give it a name, shown in every table and statement", "`name` is blank: give it a name, or leave the field out to show its id");
        let (zh_english, zh_id) = ("`name_zh` is blank: give the Chinese name, or leave the field out to show the English one", "`name_zh` is blank: give the Chinese name, or leave the field out to show its id");
        assert_eq!(
            got,
            [
                ("name_zh", zh_english),
                ("metrics[0].name", optional),
                ("targets[0].name", optional),
                ("targets[0].name_zh", zh_id),
                ("categories[0].name", required),
                ("categories[0].name_zh", zh_id),
                ("scorecards[0].name", optional),
                ("scorecards[0].kpis[1].name", required),
                ("scorecards[0].kpis[1].name_zh", zh_id),
                ("points.items[2].name", required),
                ("commission[0].name", required),
                ("base_pay.allowances[1].name_zh", zh_english),
                ("bonuses[3].name", required),
                ("signals.alerts[0].name", required),
            ]
        );
        assert!(out.iter().all(|p| p.code == "blank_name" && !p.message.zh.is_empty()));
    }
}
