//! Rules a plan must follow beyond its types: weights that add to 100, ordered tiers,
//! positive caps, complete grade bands. Each problem names the field path and the value.

use super::{CommissionLine, Grades, Plan, Scorecard, Scoring, TierBasis};
use crate::problem::Problem;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// The most decimal places a plan may ask figures to be rounded to.
pub const MAX_SCALE: u32 = 10;
/// The largest cap, floor or threshold a plan may state, in percent of target.
pub const MAX_LIMIT_PCT: i64 = 1_000;

/// Every rule the plan breaks; empty when the plan is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    for (field, scale) in [("money_scale", plan.rounding.money_scale), ("score_scale", plan.rounding.score_scale)] {
        if scale > MAX_SCALE {
            out.push(Problem::error(
                "scale_too_large",
                format!("rounding.{field}"),
                Some(scale.to_string()),
                format!("{scale} decimal places is more than the {MAX_SCALE} allowed"),
                format!("小数位数 {scale} 超过上限 {MAX_SCALE}"),
            ));
        }
    }
    scorecards(&plan.scorecards, &mut out);
    grades(&plan.grades, &mut out);
    let mut ids = HashSet::new();
    for (i, line) in plan.commission.iter().enumerate() {
        let path = format!("commission[{i}]");
        if !ids.insert(line.id.as_str()) {
            out.push(duplicate_id(&format!("{path}.id"), &line.id));
        }
        commission_line(line, &path, &mut out);
    }
    out
}

fn duplicate_id(path: &str, id: &str) -> Problem {
    Problem::error(
        "duplicate_id",
        path,
        Some(id.to_string()),
        format!("id `{id}` is used twice; ids must be unique"),
        format!("标识 `{id}` 重复;标识必须唯一"),
    )
}

/// Checks `low <= value <= high` (or `low < value` when `low_exclusive`), naming the field.
fn in_range(value: Decimal, path: &str, what: (&str, &str), low_exclusive: bool, high: i64, out: &mut Vec<Problem>) {
    let too_small = if low_exclusive { value <= Decimal::ZERO } else { value < Decimal::ZERO };
    if too_small || value > Decimal::from(high) {
        let (low, low_zh) = if low_exclusive { ("more than 0", "大于 0") } else { ("0", "0") };
        let (what_en, what_zh) = what;
        out.push(Problem::error(
            "out_of_range",
            path,
            Some(value.to_string()),
            format!("{what_en} must be from {low} to {high}; it is {value}"),
            format!("{what_zh}应在 {low_zh} 到 {high} 之间;当前为 {value}"),
        ));
    }
}

fn scorecards(cards: &[Scorecard], out: &mut Vec<Problem>) {
    if cards.is_empty() {
        out.push(Problem::error(
            "no_scorecard",
            "scorecards",
            None,
            "the plan needs at least one scorecard".into(),
            "方案至少需要一张计分卡".into(),
        ));
    }
    let mut ids = HashSet::new();
    let mut roles_seen = HashSet::new();
    let mut default_cards = 0;
    for (c, card) in cards.iter().enumerate() {
        let path = format!("scorecards[{c}]");
        if !ids.insert(card.id.as_str()) {
            out.push(duplicate_id(&format!("{path}.id"), &card.id));
        }
        match &card.roles {
            None => {
                default_cards += 1;
                if default_cards > 1 {
                    out.push(Problem::error(
                        "two_default_cards",
                        format!("{path}.roles"),
                        None,
                        "two scorecards have no `roles`; only one card may apply to every other role".into(),
                        "有两张计分卡未指定 `roles`;只能有一张默认计分卡".into(),
                    ));
                }
            }
            Some(roles) => {
                for (r, role) in roles.iter().enumerate() {
                    if !roles_seen.insert(role.as_str()) {
                        out.push(Problem::error(
                            "role_on_two_cards",
                            format!("{path}.roles[{r}]"),
                            Some(role.clone()),
                            format!("role `{role}` is on two scorecards; a role has exactly one"),
                            format!("岗位 `{role}` 出现在两张计分卡上;每个岗位只能对应一张"),
                        ));
                    }
                }
            }
        }
        scorecard(card, &path, out);
    }
}

fn scorecard(card: &Scorecard, path: &str, out: &mut Vec<Problem>) {
    if card.kpis.is_empty() {
        out.push(Problem::error(
            "no_kpi",
            format!("{path}.kpis"),
            None,
            format!("scorecard `{}` has no KPI", card.id),
            format!("计分卡 `{}` 没有任何指标", card.id),
        ));
        return;
    }
    let mut ids = HashSet::new();
    let mut sum = Decimal::ZERO;
    for (k, kpi) in card.kpis.iter().enumerate() {
        let kpath = format!("{path}.kpis[{k}]");
        if !ids.insert(kpi.id.as_str()) {
            out.push(duplicate_id(&format!("{kpath}.id"), &kpi.id));
        }
        in_range(kpi.weight, &format!("{kpath}.weight"), ("a KPI weight", "指标权重"), false, 100, out);
        sum = sum.saturating_add(kpi.weight);
        match &kpi.scoring {
            Scoring::Ratio { cap_pct, floor_pct, threshold_pct } => {
                let spath = format!("{kpath}.scoring");
                if let Some(cap) = cap_pct {
                    in_range(*cap, &format!("{spath}.cap_pct"), ("a cap", "封顶比例"), true, MAX_LIMIT_PCT, out);
                }
                if let Some(floor) = floor_pct {
                    in_range(*floor, &format!("{spath}.floor_pct"), ("a floor", "保底比例"), false, MAX_LIMIT_PCT, out);
                }
                if let Some(threshold) = threshold_pct {
                    in_range(*threshold, &format!("{spath}.threshold_pct"), ("a threshold", "门槛比例"), false, MAX_LIMIT_PCT, out);
                }
                if let (Some(cap), Some(floor)) = (cap_pct, floor_pct) {
                    if floor > cap {
                        out.push(Problem::error(
                            "floor_above_cap",
                            format!("{spath}.floor_pct"),
                            Some(floor.to_string()),
                            format!("the floor ({floor}%) is above the cap ({cap}%)"),
                            format!("保底({floor}%)高于封顶({cap}%)"),
                        ));
                    }
                }
            }
        }
    }
    if sum != Decimal::ONE_HUNDRED {
        let parts: Vec<String> = card.kpis.iter().map(|k| format!("{} {}", k.id, k.weight.normalize())).collect();
        let sum = sum.normalize();
        out.push(Problem::error(
            "weights_sum",
            format!("{path}.kpis"),
            Some(sum.to_string()),
            format!("the KPI weights of scorecard `{}` add to {sum} ({}); they must add to 100", card.id, parts.join(" + ")),
            format!("计分卡 `{}` 的指标权重合计为 {sum}({});必须等于 100", card.id, parts.join(" + ")),
        ));
    }
}

fn grades(grades: &Grades, out: &mut Vec<Problem>) {
    if grades.bands.is_empty() {
        out.push(Problem::error(
            "no_grade",
            "grades.bands",
            None,
            "at least one grade band is needed".into(),
            "至少需要一个等级".into(),
        ));
        return;
    }
    let mut names = HashSet::new();
    let mut previous: Option<Decimal> = None;
    let last = grades.bands.len() - 1;
    for (i, band) in grades.bands.iter().enumerate() {
        let path = format!("grades.bands[{i}]");
        if band.grade.trim().is_empty() || !names.insert(band.grade.as_str()) {
            out.push(Problem::error(
                "grade_name",
                format!("{path}.grade"),
                Some(band.grade.clone()),
                format!("grade name `{}` is empty or used twice", band.grade),
                format!("等级名称 `{}` 为空或重复", band.grade),
            ));
        }
        match (band.min_score, i == last) {
            (Some(min), false) => {
                if let Some(prev) = previous.filter(|p| min >= *p) {
                    out.push(Problem::error(
                        "grade_order",
                        format!("{path}.min_score"),
                        Some(min.to_string()),
                        format!("grade {} starts at {min}, not below the grade above it ({prev}); list bands from the best down", band.grade),
                        format!("等级 {} 的起点 {min} 不低于上一等级({prev});请从高到低排列", band.grade),
                    ));
                }
                previous = Some(min);
            }
            (None, false) => out.push(Problem::error(
                "grade_min_missing",
                format!("{path}.min_score"),
                None,
                format!("grade {} needs a min_score (only the last band has none)", band.grade),
                format!("等级 {} 需要 min_score(只有最后一个等级不设下限)", band.grade),
            )),
            (Some(min), true) => out.push(Problem::error(
                "grade_last_has_min",
                format!("{path}.min_score"),
                Some(min.to_string()),
                format!("the last grade ({}) must have no min_score so that every score gets a grade", band.grade),
                format!("最后一个等级({})不能设 min_score,以保证每个分数都有等级", band.grade),
            )),
            (None, true) => {}
        }
    }
}

fn commission_line(line: &CommissionLine, path: &str, out: &mut Vec<Problem>) {
    if line.tier_basis == TierBasis::AttainmentPct && line.target.is_none() {
        out.push(Problem::error(
            "target_needed",
            format!("{path}.target"),
            None,
            format!("commission line `{}` has tiers in percent of target, so it needs a `target`", line.id),
            format!("提成项 `{}` 的阶梯按目标达成率划分,需要设置 `target`", line.id),
        ));
    }
    if line.tiers.is_empty() {
        out.push(Problem::error(
            "no_tier",
            format!("{path}.tiers"),
            None,
            format!("commission line `{}` has no tier; a flat rate is one tier from 0", line.id),
            format!("提成项 `{}` 没有阶梯;固定比例即一个从 0 开始的阶梯", line.id),
        ));
        return;
    }
    let mut previous: Option<Decimal> = None;
    for (t, tier) in line.tiers.iter().enumerate() {
        let tpath = format!("{path}.tiers[{t}]");
        in_range(tier.rate_pct, &format!("{tpath}.rate_pct"), ("a commission rate", "提成比例"), false, 100, out);
        match previous {
            None if !tier.from.is_zero() => out.push(Problem::error(
                "first_tier_not_zero",
                format!("{tpath}.from"),
                Some(tier.from.to_string()),
                format!("the first tier must start at 0, not {}", tier.from),
                format!("第一个阶梯必须从 0 开始,而不是 {}", tier.from),
            )),
            Some(prev) if tier.from <= prev => out.push(Problem::error(
                "tier_order",
                format!("{tpath}.from"),
                Some(tier.from.to_string()),
                format!("tier {} starts at {}, not above the tier before it ({prev}); tiers go upwards without overlap", t + 1, tier.from),
                format!("第 {} 个阶梯起点 {} 不高于上一阶梯({prev});阶梯须递增且不重叠", t + 1, tier.from),
            )),
            _ => {}
        }
        previous = Some(tier.from);
    }
}
