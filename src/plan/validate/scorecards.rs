//! Validation of categories, scorecards, KPIs and their scoring functions, and points.

use crate::calc::Checked;
use super::{adds_to_100, in_range, not_empty, strictly_monotone, unique_ids, MAX_KPIS, MAX_LIMIT_PCT};
use crate::plan::{Category, Direction, Kpi, Plan, Points, Scorecard, Scoring};
use crate::problem::Problem;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use std::fmt;

pub(super) fn categories(categories: &[Category], out: &mut Vec<Problem>) {
    unique_ids(categories.iter().map(|c| c.id.as_str()), |i| format!("categories[{i}].id"), out);
    for (i, c) in categories.iter().enumerate() {
        let path = format!("categories[{i}]");
        for (field, v) in [("min_weight", c.min_weight), ("max_weight", c.max_weight)] {
            if let Some(v) = v {
                in_range(v, &format_args!("{path}.{field}"), ("a category weight limit", "类别权重范围"), false, 100, out);
            }
        }
        if let (Some(min), Some(max)) = (c.min_weight, c.max_weight) {
            if min > max {
                out.push(Problem::error(
                    "range_reversed",
                    format!("{path}.min_weight"),
                    Some(min.to_string()),
                    format!("category `{}` has min_weight {min} above max_weight {max}", c.id),
                    format!("类别 `{}` 的最小权重 {min} 大于最大权重 {max}", c.id),
                ));
            }
        }
    }
}

pub(super) fn scorecards(plan: &Plan, out: &mut Vec<Problem>) {
    if plan.scorecards.is_empty() {
        out.push(Problem::error("no_scorecard", "scorecards", None, "the plan needs at least one scorecard".into(), "方案至少需要一张计分卡".into()));
    }
    unique_ids(plan.scorecards.iter().map(|card| card.id.as_str()), |c| format!("scorecards[{c}].id"), out);
    let mut roles_seen = FxHashSet::default();
    let mut default_cards = 0;
    for (c, card) in plan.scorecards.iter().enumerate() {
        let path = format!("scorecards[{c}]");
        for (field, list) in [("roles", &card.roles), ("regions", &card.regions)] {
            if list.as_ref().is_some_and(Vec::is_empty) {
                out.push(Problem::error(
                    "empty_list",
                    format!("{path}.{field}"),
                    None,
                    format!("scorecard `{}` has an empty `{field}`, so no rep could get it; remove `{field}` to match everyone", card.id),
                    format!("计分卡 `{}` 的 `{field}` 为空，没有销售人员能匹配；删除 `{field}` 即匹配所有人", card.id),
                ));
            }
        }
        match (&card.roles, &card.regions) {
            (None, None) => {
                default_cards += 1;
                if default_cards > 1 {
                    out.push(Problem::error(
                        "two_default_cards",
                        format!("{path}.roles"),
                        None,
                        "two scorecards have neither `roles` nor `regions`; only one card may apply to every other rep".into(),
                        "有两张计分卡既未指定 `roles` 也未指定 `regions`；只能有一张默认计分卡".into(),
                    ));
                }
            }
            (Some(roles), None) => {
                for (r, role) in roles.iter().enumerate() {
                    if !roles_seen.insert(role.as_str()) {
                        out.push(Problem::error(
                            "role_on_two_cards",
                            format!("{path}.roles[{r}]"),
                            Some(role.clone()),
                            format!("role `{role}` is on two scorecards; a role has exactly one (add `regions` to tell them apart)"),
                            format!("岗位 `{role}` 出现在两张计分卡上；每个岗位只能对应一张（可用 `regions` 区分）"),
                        ));
                    }
                }
            }
            _ => {}
        }
        scorecard(card, &path, &plan.categories, out);
    }
}

fn scorecard(card: &Scorecard, path: &str, categories: &[Category], out: &mut Vec<Problem>) {
    if card.kpis.is_empty() {
        let needs = (&*format!("scorecard `{}` needs at least one KPI", card.id), &*format!("计分卡 `{}` 至少需要一个指标", card.id));
        not_empty(&card.kpis, &format_args!("{path}.kpis"), needs, out);
        return;
    }
    if card.kpis.len() > MAX_KPIS {
        let n = card.kpis.len();
        out.push(Problem::error(
            "too_many_kpis",
            format!("{path}.kpis"),
            Some(n.to_string()),
            format!("scorecard `{}` has {n} KPIs; the limit is {MAX_KPIS}", card.id),
            format!("计分卡 `{}` 有 {n} 个指标，上限为 {MAX_KPIS}", card.id),
        ));
        return;
    }
    unique_ids(card.kpis.iter().map(|kpi| kpi.id.as_str()), |k| format!("{path}.kpis[{k}].id"), out);
    let mut sum = Decimal::ZERO;
    for (k, kpi) in card.kpis.iter().enumerate() {
        let kpath = format!("{path}.kpis[{k}]");
        in_range(kpi.weight, &format_args!("{kpath}.weight"), ("a KPI weight", "指标权重"), false, 100, out);
        sum = sum.saturating_add(kpi.weight);
        if let Some(cat) = &kpi.category {
            if !categories.iter().any(|c| &c.id == cat) {
                let known: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
                out.push(Problem::error(
                    "unknown_category",
                    format!("{kpath}.category"),
                    Some(cat.to_string()),
                    format!("category `{cat}` is not among the plan's categories ({})", known.join(", ")),
                    format!("类别 `{cat}` 不在方案的类别中（{}）", known.join("、")),
                ));
            }
        }
        kpi_fields(kpi, &kpath, out);
        scoring(&kpi.scoring, &format_args!("{kpath}.scoring"), out);
    }
    let parts = || card.kpis.iter().map(|k| format!("{} {}", k.id, k.weight.normalize())).collect::<Vec<_>>().join(" + ");
    let sum = sum.normalize();
    if card.normalize {
        if sum.is_zero() {
            out.push(Problem::error(
                "weights_zero",
                format!("{path}.kpis"),
                Some("0".into()),
                format!("the KPI weights of scorecard `{}` add to 0, so they cannot be normalised", card.id),
                format!("计分卡 `{}` 的指标权重合计为 0，无法归一化", card.id),
            ));
            return;
        }
    } else if sum != Decimal::ONE_HUNDRED {
        out.push(Problem::error(
            "weights_sum",
            format!("{path}.kpis"),
            Some(sum.to_string()),
            format!("the KPI weights of scorecard `{}` add to {sum} ({}); they must add to 100, or set \"normalize\": true", card.id, parts()),
            format!("计分卡 `{}` 的指标权重合计为 {sum}（{}）；必须等于 100，或设置 \"normalize\": true", card.id, parts()),
        ));
        return;
    }
    // A KPI in an unknown category is reported above; the shares would only repeat it.
    if card.kpis.iter().all(|k| k.category.as_ref().is_none_or(|c| categories.iter().any(|x| &x.id == c))) {
        category_ranges(card, sum, path, categories, out);
    }
}

/// Each category's share of the card (after normalising) must lie within its range.
fn category_ranges(card: &Scorecard, sum: Decimal, path: &str, categories: &[Category], out: &mut Vec<Problem>) {
    for cat in categories {
        let reversed = matches!((cat.min_weight, cat.max_weight), (Some(min), Some(max)) if min > max);
        if reversed || (cat.min_weight.is_none() && cat.max_weight.is_none()) {
            continue;
        }
        // Weights out of range are reported on their own; shares of them are not computed.
        let raw = crate::calc::sum(card.kpis.iter().filter(|k| k.category.as_deref() == Some(cat.id.as_str())).map(|k| k.weight));
        let Some(share) = raw.and_then(|r| r.times(Decimal::ONE_HUNDRED)).and_then(|r| r.checked_div(sum)) else { continue };
        let share = share.round_dp(2).normalize();
        let below = cat.min_weight.is_some_and(|m| share < m);
        let above = cat.max_weight.is_some_and(|m| share > m);
        if below || above {
            let range = format!(
                "{}–{}",
                cat.min_weight.map_or("0".into(), |m| m.normalize().to_string()),
                cat.max_weight.map_or("100".into(), |m| m.normalize().to_string())
            );
            let normalised = if card.normalize { " after normalising" } else { "" };
            let normalised_zh = if card.normalize { "（归一化后）" } else { "" };
            out.push(Problem::error(
                "category_weight",
                format!("{path}.kpis"),
                Some(share.to_string()),
                format!("category `{}` has {share}% of scorecard `{}`{normalised}; its range is {range}%", cat.id, card.id),
                format!("类别 `{}` 在计分卡 `{}` 中占 {share}%{normalised_zh}；允许范围为 {range}%", cat.id, card.id),
            ));
        }
    }
}

/// The fields a scoring function needs must be there, and those it ignores must not be.
fn kpi_fields(kpi: &Kpi, path: &str, out: &mut Vec<Problem>) {
    let (needs_actual, needs_target) = kpi.scoring.needs();
    for (field, needed, present) in [("actual", needs_actual, kpi.actual.is_some()), ("target", needs_target, kpi.target.is_some())] {
        let kind = kpi.scoring.kind();
        if needed && !present {
            out.push(Problem::error(
                "missing_field",
                format!("{path}.{field}"),
                None,
                format!("KPI `{}` is scored by `{kind}`, which needs `{field}`", kpi.id),
                format!("指标 `{}` 使用 `{kind}` 计分，需要 `{field}`", kpi.id),
            ));
        } else if present && !needed {
            out.push(Problem::error(
                "unused_field",
                format!("{path}.{field}"),
                None,
                format!("KPI `{}` is scored by `{kind}`, which does not use `{field}`: remove it", kpi.id),
                format!("指标 `{}` 使用 `{kind}` 计分，不使用 `{field}`：请删除", kpi.id),
            ));
        }
    }
}

fn scoring(scoring: &Scoring, path: &dyn fmt::Display, out: &mut Vec<Problem>) {
    match scoring {
        Scoring::Ratio { cap_pct, floor_pct, threshold_pct } => ratio_limits(*cap_pct, *floor_pct, *threshold_pct, path, out),
        Scoring::InverseRatio { cap_pct, floor_pct, threshold_pct } => ratio_limits(Some(*cap_pct), *floor_pct, *threshold_pct, path, out),
        Scoring::Bands { direction, steps, otherwise_pct, .. } => {
            if not_empty(steps, &format_args!("{path}.steps"), ("a band table needs at least one step", "分档表至少需要一档"), out) {
                let ats: Vec<Decimal> = steps.iter().map(|s| s.at).collect();
                let increasing = *direction == Direction::LowerIsBetter;
                let step = |i: usize| (format!("step {}", i + 1), format!("第 {} 个分档的", i + 1));
                strictly_monotone("band_order", &ats, increasing, |i| format!("{path}.steps[{i}].at"), step, ("start", "起点"), out);
                for (i, step) in steps.iter().enumerate() {
                    in_range(step.score_pct, &format_args!("{path}.steps[{i}].score_pct"), ("a band's score", "分档得分比例"), false, MAX_LIMIT_PCT, out);
                }
            }
            in_range(*otherwise_pct, &format_args!("{path}.otherwise_pct"), ("the score below every band", "未达任何分档的得分比例"), false, 100, out);
        }
        Scoring::Rating360 { raters, scale_max } => {
            if not_empty(raters, &format_args!("{path}.raters"), ("a 360 rating needs at least one rater", "360 度评价至少需要一类评价人"), out) {
                for (i, r) in raters.iter().enumerate() {
                    in_range(r.weight, &format_args!("{path}.raters[{i}].weight"), ("a rater weight", "评价人权重"), false, 100, out);
                }
                let weights: Vec<Decimal> = raters.iter().map(|r| r.weight).collect();
                adds_to_100(&weights, &format!("{path}.raters"), ("the rater weights", "评价人权重"), out);
            }
            in_range(*scale_max, &format_args!("{path}.scale_max"), ("the rating scale", "评分满分"), true, 1_000_000, out);
        }
        Scoring::PassFail {} => {}
        Scoring::Deduction { points_per_event, floor } => {
            in_range(*points_per_event, &format_args!("{path}.points_per_event"), ("points per event", "每次扣分"), true, 100, out);
            if let Some(f) = floor {
                if *f > Decimal::ZERO {
                    out.push(Problem::error(
                        "floor_above_zero",
                        format!("{path}.floor"),
                        Some(f.to_string()),
                        format!("a deduction's floor is 0 or below (it is {f}); a positive floor would give points for violations"),
                        format!("扣分下限应不大于 0（当前为 {f}）；正数下限会使违规反而得分"),
                    ));
                }
            }
        }
    }
}

fn ratio_limits(cap: Option<Decimal>, floor: Option<Decimal>, threshold: Option<Decimal>, path: &dyn fmt::Display, out: &mut Vec<Problem>) {
    let fields = [(cap, "cap_pct", ("a cap", "封顶比例"), true), (floor, "floor_pct", ("a floor", "保底比例"), false), (threshold, "threshold_pct", ("a threshold", "门槛比例"), false)];
    let before = out.len();
    for (value, field, what, exclusive) in fields {
        if let Some(v) = value {
            in_range(v, &format_args!("{path}.{field}"), what, exclusive, MAX_LIMIT_PCT, out);
        }
    }
    // Comparing limits that are out of range themselves would only repeat that mistake.
    if out.len() > before {
        return;
    }
    if let (Some(cap), Some(threshold)) = (cap, threshold) {
        if threshold > cap {
            out.push(Problem::error(
                "threshold_above_cap",
                format!("{path}.threshold_pct"),
                Some(threshold.to_string()),
                format!("the threshold ({threshold}%) is above the cap ({cap}%): every rep would score either 0 or the cap"),
                format!("门槛（{threshold}%）高于封顶（{cap}%）：所有人不是 0 分就是封顶分"),
            ));
        }
    }
    if let (Some(cap), Some(floor)) = (cap, floor) {
        if floor > cap {
            out.push(Problem::error(
                "floor_above_cap",
                format!("{path}.floor_pct"),
                Some(floor.to_string()),
                format!("the floor ({floor}%) is above the cap ({cap}%)"),
                format!("保底（{floor}%）高于封顶（{cap}%）"),
            ));
        }
    }
}

pub(super) fn points(points: &Points, out: &mut Vec<Problem>) {
    unique_ids(points.items.iter().map(|p| p.id.as_str()), |i| format!("points.items[{i}].id"), out);
    for (i, item) in points.items.iter().enumerate() {
        let path = format!("points.items[{i}]");
        in_range(item.points_per_event, &format_args!("{path}.points_per_event"), ("points per event", "每次加/扣分"), true, 100, out);
        if let Some(cap) = item.cap {
            in_range(cap, &format_args!("{path}.cap"), ("an item's cap", "单项上限"), true, 100, out);
        }
    }
    for (field, v) in [("max_bonus", points.max_bonus), ("max_penalty", points.max_penalty)] {
        if let Some(v) = v {
            in_range(v, &format_args!("points.{field}"), ("a cap on total points", "加分或扣分总额上限"), false, 100, out);
        }
    }
}
