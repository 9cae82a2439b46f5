//! Health checks of a plan on the evaluated data: weights, category shares, how many reps reach each tier,
//! the base-pay share, grades against the guide, one target for very different regions.

use crate::calc::{sum, Checked};
use super::stats::{average, pct, round};
use super::{called, plain, HealthCheck, HealthSeverity};
use crate::evaluate::Evaluation;
use crate::plan::{CompiledPlan, TierBasis};
use crate::problem::Message;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A KPI weighing less than this (in points of 100) can hardly move a grade.
const SMALL_WEIGHT: u32 = 5;
/// A tier reached by fewer than this share of reps (percent) motivates almost no one (seed 001).
const RARE_TIER_PCT: u32 = 10;
/// The base-pay share of total pay the plan should keep (percent, D5).
const BASE_SHARE: (u32, u32) = (30, 40);
/// Regional average attainments this far apart (percentage points) under one target say the
/// target fits no region well (D6).
const ATTAINMENT_SPREAD: u32 = 30;

pub(super) fn checks(plan: &CompiledPlan, evaluation: &Evaluation) -> Vec<HealthCheck> {
    let mut out = weights(plan);
    out.extend(categories(plan));
    out.extend(tier_reach(plan, evaluation));
    out.extend(base_share(evaluation));
    out.extend(grade_guide(plan, evaluation));
    out.extend(same_targets(evaluation));
    out
}

fn check(code: &'static str, severity: HealthSeverity, path: impl Into<String>, en: String, zh: String) -> HealthCheck {
    HealthCheck { code, severity, path: path.into(), message: Message { en, zh } }
}


/// Every card adds up to 100 (validation makes sure); KPIs under 5 points are named, per card.
fn weights(plan: &CompiledPlan) -> Vec<HealthCheck> {
    let mut out = Vec::new();
    for (c, card) in plan.plan.scorecards.iter().enumerate() {
        let small: Vec<(String, String)> = card
            .kpis
            .iter()
            .enumerate()
            .filter_map(|(k, kpi)| {
                // The weight as scored: a normalised card's, as its statements show it (4.16, not 4.1666…).
                let weight = plan.cards.get(c).and_then(|compiled| compiled.kpis.get(k)).map_or(kpi.weight, |compiled| compiled.weight);
                let (en, zh) = called(&kpi.id, Some(&kpi.name), kpi.name_zh.as_deref());
                (weight > Decimal::ZERO && weight < Decimal::from(SMALL_WEIGHT)).then(|| (format!("{en} {}", plain(weight)), format!("{zh} {}", plain(weight))))
            })
            .collect();
        if !small.is_empty() {
            let (card_en, card_zh) = called(&card.id, card.name.as_deref(), card.name_zh.as_deref());
            let (list_en, list_zh): (Vec<String>, Vec<String>) = small.into_iter().unzip();
            out.push(check(
                "weights",
                HealthSeverity::Info,
                format!("scorecards[{c}]"),
                format!(
                    "{card_en}: {} under {SMALL_WEIGHT} points ({}): each moves a score by a few points at most, enough to change the grade only of a rep near a grade's boundary",
                    if list_en.len() == 1 { "1 KPI weighs".to_string() } else { format!("{} KPIs weigh", list_en.len()) },
                    list_en.join("; ")
                ),
                format!("{card_zh}：{} 个指标权重低于 {SMALL_WEIGHT} 分（{}）：每个指标对总分的影响最多只有几分，只有接近等级分界的销售人员才会因此改变等级", list_zh.len(), list_zh.join("；")),
            ));
        }
    }
    if out.is_empty() {
        out.push(check(
            "weights",
            HealthSeverity::Ok,
            "scorecards",
            "every KPI of every scorecard weighs at least 5 points (of 100): enough to count".into(),
            "每张计分卡的每个指标权重都不低于 5 分（满分 100）：足以产生影响".into(),
        ));
    }
    out
}

/// Each card's category shares against their ranges (validation refuses a share outside
/// one): a share at the edge of its range leaves no room to re-weight in that direction.
fn categories(plan: &CompiledPlan) -> Vec<HealthCheck> {
    let cats = &plan.plan.categories;
    let mut out = Vec::new();
    for (c, card) in plan.plan.scorecards.iter().enumerate() {
        let total = sum(card.kpis.iter().map(|k| k.weight)).unwrap_or_default();
        let mut parts = (Vec::new(), Vec::new());
        let mut edges = (Vec::new(), Vec::new());
        for cat in cats.iter().filter(|cat| card.kpis.iter().any(|k| k.category.as_deref() == Some(cat.id.as_str()))) {
            let weight = sum(card.kpis.iter().filter(|k| k.category.as_deref() == Some(cat.id.as_str())).map(|k| k.weight)).unwrap_or_default();
            let share = round(pct(weight, total).unwrap_or_default(), 2);
            let (min, max) = (cat.min_weight.unwrap_or(Decimal::ZERO), cat.max_weight.unwrap_or(Decimal::ONE_HUNDRED));
            let (en, zh) = called(&cat.id, Some(&cat.name), cat.name_zh.as_deref());
            if cat.min_weight.is_some() && share == min {
                edges.0.push(format!("{en} is at the bottom of its range, so its share cannot be lowered"));
                edges.1.push(format!("{zh}处于范围下限，占比不能再降低"));
            } else if cat.max_weight.is_some() && share == max {
                edges.0.push(format!("{en} is at the top of its range, so its share cannot be raised"));
                edges.1.push(format!("{zh}处于范围上限，占比不能再提高"));
            }
            let range = format!("{}–{}%", plain(min), plain(max));
            parts.0.push(format!("{en} {}% ({range})", plain(share)));
            parts.1.push(format!("{zh} {}%（{range}）", plain(share)));
        }
        if parts.0.is_empty() {
            continue;
        }
        let (severity, en, zh) = if edges.0.is_empty() {
            (HealthSeverity::Ok, String::new(), String::new())
        } else {
            (HealthSeverity::Info, format!("; {}", edges.0.join("; ")), format!("；{}", edges.1.join("；")))
        };
        let (card_en, card_zh) = called(&card.id, card.name.as_deref(), card.name_zh.as_deref());
        out.push(check(
            "categories",
            severity,
            format!("scorecards[{c}]"),
            format!("{card_en}: {}{en}", parts.0.join(", ")),
            format!("{card_zh}：{}{zh}", parts.1.join("，")),
        ));
    }
    out
}

/// The share of reps reaching each tier above the first; a tier almost nobody reaches is flagged.
fn tier_reach(plan: &CompiledPlan, evaluation: &Evaluation) -> Vec<HealthCheck> {
    let mut out = Vec::new();
    for (l, line) in plan.plan.commission.iter().enumerate() {
        let on_attainment = line.tier_basis == TierBasis::AttainmentPct;
        let reps: Vec<(Decimal, Option<Decimal>)> = evaluation.reps.iter().filter_map(|r| r.commission.get(l)).filter(|x| !on_attainment || x.target.is_some()).map(|x| (x.base, x.target)).collect();
        if reps.is_empty() {
            continue;
        }
        let n = reps.len();
        for (t, tier) in line.tiers.iter().enumerate().skip(1) {
            // Where the tier starts for each rep, as pay places it: in the line's base, from the
            // exact target (a rep at 119.996% is not at 120%, though both show as 120.00%).
            let start = |target: Option<Decimal>| match line.tier_basis {
                TierBasis::AttainmentPct => target.and_then(|t| t.times(tier.from)).map(|b| b / Decimal::ONE_HUNDRED),
                TierBasis::Amount => Some(tier.from),
            };
            let reached = reps.iter().filter(|(base, target)| start(*target).is_some_and(|s| *base >= s)).count();
            let share = pct(Decimal::from(reached), Decimal::from(n)).unwrap_or_default();
            let bound = match line.tier_basis {
                TierBasis::AttainmentPct => format!("{}%", plain(tier.from)),
                TierBasis::Amount => plain(tier.from),
            };
            let rare = share < Decimal::from(RARE_TIER_PCT);
            let (en_tail, zh_tail) = if rare {
                (": a tier almost nobody reaches motivates almost no one; lower it or drop it", "：几乎无人能达到的阶梯起不到激励作用，建议降低或取消")
            } else {
                ("", "")
            };
            let (line_en, line_zh) = called(&line.id, Some(&line.name), line.name_zh.as_deref());
            out.push(check(
                "tier_reach",
                if rare { HealthSeverity::Warning } else { HealthSeverity::Ok },
                format!("commission[{l}].tiers[{t}]"),
                format!("tier {} of “{line_en}” (from {bound}, {}%): {reached} of {n} reps at or above its start ({}%){en_tail}", t + 1, plain(tier.rate_pct), plain(share)),
                format!("“{line_zh}”第 {} 档（{bound} 起，{}%）：{n} 人中有 {reached} 人达到或超过起点（{}%）{zh_tail}", t + 1, plain(tier.rate_pct), plain(share)),
            ));
        }
    }
    out
}

/// Base pay's share of the period's total pay against 30–40%.
fn base_share(evaluation: &Evaluation) -> Option<HealthCheck> {
    let t = &evaluation.totals;
    if t.base_pay <= Decimal::ZERO || t.total_pay <= Decimal::ZERO {
        return None;
    }
    let share = pct(t.base_pay, t.total_pay)?;
    let (low, high) = (Decimal::from(BASE_SHARE.0), Decimal::from(BASE_SHARE.1));
    let inside = low <= share && share <= high;
    Some(check(
        "base_share",
        if inside { HealthSeverity::Ok } else { HealthSeverity::Warning },
        "base_pay",
        format!("base pay is {}% of total pay ({} of {}); the plan should keep it within {}–{}%", plain(share), plain(t.base_pay), plain(t.total_pay), BASE_SHARE.0, BASE_SHARE.1),
        format!("基础薪酬占总薪酬的 {}%（{} / {}）；应保持在 {}–{}%", plain(share), plain(t.base_pay), plain(t.total_pay), BASE_SHARE.0, BASE_SHARE.1),
    ))
}

/// Each grade's share against the forced-distribution guide.
fn grade_guide(plan: &CompiledPlan, evaluation: &Evaluation) -> Option<HealthCheck> {
    let guide = &evaluation.totals.distribution;
    if guide.is_empty() {
        return None;
    }
    let outside: Vec<_> = guide.iter().enumerate().filter(|(_, g)| g.status != crate::score::ShareStatus::Within).collect();
    if outside.is_empty() {
        return Some(check("grade_guide", HealthSeverity::Ok, "grades.distribution", "every grade's share is within the guide".into(), "各等级人数占比均在指引范围内".into()));
    }
    let shares = |sep: &str, range: fn(&crate::score::GradeShareResult) -> String| outside.iter().map(|(_, g)| format!("{} {}%{}", g.grade, plain(g.share_pct), range(g))).collect::<Vec<_>>().join(sep);
    let en_range = |g: &crate::score::GradeShareResult| format!(" ({}–{}%)", plain(g.min_pct), plain(g.max_pct));
    let zh_range = |g: &crate::score::GradeShareResult| format!("（{}–{}%）", plain(g.min_pct), plain(g.max_pct));
    let Some(quotas) = &plan.quotas else {
        return Some(check(
            "grade_guide",
            HealthSeverity::Warning,
            "grades.distribution",
            format!("grades outside the guide: {}; review the bands or enforce the distribution", shares(", ", en_range)),
            format!("超出指引的等级：{}；请调整等级分数线或按排名强制分布", shares("、", zh_range)),
        ));
    };
    // Enforced: each grade has its quota in whole reps, or more where tied scores at a
    // boundary take the better grade. Telling the user to enforce it would be wrong.
    let total = evaluation.reps.len();
    let bounds = crate::score::quota_bounds(total, quotas);
    let quota_reps = |i: usize| bounds.get(i).copied().unwrap_or(total) - if i == 0 { 0 } else { bounds.get(i - 1).copied().unwrap_or(total) };
    let why: Vec<(String, String)> = outside
        .iter()
        .map(|(i, g)| {
            let (q, quota) = (quota_reps(*i), quotas.get(*i).copied().unwrap_or_default());
            let head = (format!("{} {} of {total} = {}%{}", g.grade, g.reps, plain(g.share_pct), en_range(g)), format!("{} {total} 人中 {} 人 = {}%{}", g.grade, g.reps, plain(g.share_pct), zh_range(g)));
            if g.reps == q {
                (format!("{}: its quota of {}% in whole reps", head.0, plain(quota)), format!("{}：即配额 {}% 取整后的人数", head.1, plain(quota)))
            } else {
                (format!("{}: its quota of {}% is {q}, and tied scores at a grade boundary take the better grade", head.0, plain(quota)), format!("{}：配额 {}% 为 {q} 人，分数相同者在等级分界处取较高等级", head.1, plain(quota)))
            }
        })
        .collect();
    Some(check(
        "grade_guide",
        HealthSeverity::Info,
        "grades.distribution",
        format!("the distribution is enforced; off the guide only as whole reps and ties make it: {}", why.iter().map(|w| w.0.as_str()).collect::<Vec<_>>().join("; ")),
        format!("已按排名强制分布，仅因人数取整或同分而偏离指引：{}", why.iter().map(|w| w.1.as_str()).collect::<Vec<_>>().join("；")),
    ))
}

/// One headline target for every rep while regions attain very differently (D6: 100万
/// everywhere leaves new markets at 50% and mature ones under-stretched).
fn same_targets(evaluation: &Evaluation) -> Option<HealthCheck> {
    let targets: Vec<Decimal> = evaluation.reps.iter().filter_map(|r| r.attainment_target).collect();
    let first = *targets.first()?;
    let mut by_region: BTreeMap<&str, Vec<Decimal>> = BTreeMap::new();
    for r in &evaluation.reps {
        if let Some(a) = r.attainment_pct {
            by_region.entry(r.region.as_str()).or_default().push(a);
        }
    }
    if by_region.len() < 2 {
        return None;
    }
    let averages: Vec<(&str, Decimal)> = by_region.into_iter().map(|(g, list)| Some((g, round(average(&list)?, 2)))).collect::<Option<_>>()?;
    let (low_region, low) = averages.iter().min_by_key(|x| x.1).copied()?;
    let (high_region, high) = averages.iter().max_by_key(|x| x.1).copied()?;
    let one_target = targets.iter().all(|t| *t == first);
    let spread = high.minus(low)?;
    Some(if one_target && spread >= Decimal::from(ATTAINMENT_SPREAD) {
        check(
            "same_targets",
            HealthSeverity::Warning,
            "attainment.target",
            format!(
                "every rep has the same target ({}) but average attainment runs from {}% ({low_region}) to {}% ({high_region}): one target for all regions discourages some and under-stretches others; set targets by region",
                plain(first),
                plain(low),
                plain(high)
            ),
            format!("所有人目标相同（{}），但各区域平均达成率从 {}%（{low_region}）到 {}%（{high_region}）：一刀切的目标会打击部分区域、让另一些区域缺乏挑战；请按区域设定目标", plain(first), plain(low), plain(high)),
        )
    } else {
        check(
            "same_targets",
            HealthSeverity::Ok,
            "attainment.target",
            format!("average attainment by region runs from {}% ({low_region}) to {}% ({high_region}){}", plain(low), plain(high), if one_target { "" } else { "; targets differ by rep" }),
            format!("各区域平均达成率从 {}%（{low_region}）到 {}%（{high_region}）{}", plain(low), plain(high), if one_target { "" } else { "；目标因人而异" }),
        )
    })
}
