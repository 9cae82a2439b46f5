//! Each rep's portrait (per-KPI standing against the reps scored on the same KPI, strengths
//! and weaknesses) and the improvement plans tracked across periods.

use super::stats::{average, pct, percent_rank_unsorted, percent_ranks};
use super::{plain, History, ImprovementResult, KpiStanding, Portrait};
use crate::data::Dataset;
use crate::evaluate::{Evaluation, Shown};
use crate::plan::CompiledPlan;
use crate::problem::Message;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// Percentile rank at or above which a KPI is a strength (top quarter).
const STRENGTH_FROM: u32 = 75;
/// Percentile rank at or below which a KPI is a weakness (bottom quarter).
const WEAKNESS_TO: u32 = 25;
/// The most strengths and weaknesses named per rep.
const NAMED: usize = 3;

/// The portrait of each evaluated rep `shown` keeps the parts of, in the evaluation's order:
/// standings among every rep of the card, whose KPI results the evaluation made (only the
/// open rep's card's when no parts are asked for: `Detail::for_signals`).
pub(super) fn portraits(evaluation: &Evaluation, shown: Shown) -> Vec<Portrait> {
    // Nobody's portrait kept (the playground with no statement open): no team is ranked,
    // and the evaluation made no KPI results (`Detail::Listed`).
    if shown.keeps_nobodys_parts() {
        return Vec::new();
    }
    let standings = match shown.rep {
        Some(id) if !shown.parts => one_reps_standings(evaluation, id),
        _ => team_standings(evaluation),
    };
    let mut card_sizes: FxHashMap<&str, usize> = FxHashMap::default();
    for rep in &evaluation.reps {
        *card_sizes.entry(rep.scorecard.as_str()).or_default() += 1;
    }
    let mut first_slot = 0;
    let mut portraits = Vec::new();
    for rep in &evaluation.reps {
        let slots = first_slot..first_slot + rep.kpis.len();
        first_slot = slots.end;
        if !shown.keeps_parts_of(&rep.rep_id) {
            continue;
        }
        let kpis: Vec<KpiStanding> = rep
            .kpis
            .iter()
            .zip(&standings[slots])
            .map(|(k, &(percentile, team_average))| KpiStanding {
                kpi: k.id.clone(),
                score: k.score,
                score_pct: pct(k.score, k.weight).unwrap_or_default(),
                percentile,
                team_average,
            })
            .collect();
        let mut ranked: Vec<&KpiStanding> = kpis.iter().collect();
        crate::sorting::sort_by(&mut ranked, |a, b| b.percentile.cmp(&a.percentile).then_with(|| b.score_pct.cmp(&a.score_pct)));
        let strengths = ranked.iter().filter(|k| k.percentile >= Decimal::from(STRENGTH_FROM)).take(NAMED).map(|k| k.kpi.clone()).collect();
        let mut worst: Vec<&KpiStanding> = kpis.iter().collect();
        crate::sorting::sort_by(&mut worst, |a, b| a.percentile.cmp(&b.percentile).then_with(|| a.score_pct.cmp(&b.score_pct)));
        let weaknesses = worst.iter().filter(|k| k.percentile <= Decimal::from(WEAKNESS_TO)).take(NAMED).map(|k| k.kpi.clone()).collect();
        let team = card_sizes.get(rep.scorecard.as_str()).copied().unwrap_or_default();
        portraits.push(Portrait { rep_id: rep.rep_id.clone(), kpis, strengths, weaknesses, team: u32::try_from(team).unwrap_or(u32::MAX) });
    }
    portraits
}

/// Every rep's KPI result's percentile rank and team average among the reps scored on the
/// same (card, KPI), in the order of the reps and their KPIs: each (card, KPI)'s scores
/// sorted once and walked once (a search per rep made the portraits 40% of an evaluation
/// with its signals at 10,000 reps).
fn team_standings(evaluation: &Evaluation) -> Vec<(Decimal, Decimal)> {
    let mut teams: FxHashMap<(&str, &str), Vec<(Decimal, usize)>> = FxHashMap::default();
    let mut slot = 0;
    for rep in &evaluation.reps {
        for k in &rep.kpis {
            teams.entry((rep.scorecard.as_str(), k.id.as_str())).or_default().push((k.score, slot));
            slot += 1;
        }
    }
    let mut standings = vec![(Decimal::ZERO, Decimal::ZERO); slot];
    for team in teams.values_mut() {
        crate::sorting::sort_by_key(team, |&(score, _)| score);
        let scores: Vec<Decimal> = team.iter().map(|&(score, _)| score).collect();
        let team_average = average(&scores).unwrap_or_default();
        for (&(_, slot), percentile) in team.iter().zip(percent_ranks(&scores)) {
            standings[slot] = (percentile, team_average);
        }
    }
    standings
}

/// [`team_standings`] for rep `id`'s KPI results only (the other slots left at zero): each
/// of its scores counted among those of the reps scored on the same (card, KPI), in one walk
/// of the reps per KPI, not sorted (one portrait, a statement open in the playground).
fn one_reps_standings(evaluation: &Evaluation, id: &str) -> Vec<(Decimal, Decimal)> {
    let mut standings = Vec::new();
    for rep in &evaluation.reps {
        if rep.rep_id.as_str() != id {
            standings.resize(standings.len() + rep.kpis.len(), (Decimal::ZERO, Decimal::ZERO));
            continue;
        }
        let mut team = Vec::new();
        for k in &rep.kpis {
            team.clear();
            for other in evaluation.reps.iter().filter(|other| other.scorecard == rep.scorecard) {
                team.extend(other.kpis.iter().filter(|o| o.id == k.id).map(|o| o.score));
            }
            standings.push((percent_rank_unsorted(&team, k.score), average(&team).unwrap_or_default()));
        }
    }
    standings
}

pub(super) fn improvements(plan: &CompiledPlan, data: &Dataset, period: usize, history: &dyn History) -> Vec<ImprovementResult> {
    plan.signals
        .improvements
        .iter()
        .filter_map(|compiled| Some((plan.plan.signals.improvement_plans.get(compiled.index)?, compiled)))
        .map(|(source, compiled)| {
            // Nothing is read from periods after the one evaluated.
            let reached = |p: usize| plan.period_order(p) <= plan.period_order(period);
            let (started, known) = (reached(compiled.from_period), reached(compiled.period));
            let start = if started { history.value(&compiled.expr, compiled.rep, compiled.from_period) } else { None };
            let actual = if known { history.value(&compiled.expr, compiled.rep, compiled.period) } else { None };
            let met = actual.map(|a| a >= source.planned);
            let (what, what_zh) = super::called(&source.metric, source.metric_name.as_deref(), source.metric_name_zh.as_deref());
            let (from, to) = (&source.from_period, &source.period);
            let shown = |v: Option<Decimal>| v.map_or_else(|| "—".to_string(), plain);
            let rep = &data.reps[compiled.rep];
            let (who_en, who_zh) = super::rep_names(&rep.id, rep.name(), rep.name_zh());
            let next = source.next_target.map(|n| (format!("; next target {}", plain(n)), format!("；下一目标 {}", plain(n)))).unwrap_or_default();
            let (verdict_en, verdict_zh) = match met {
                Some(true) => ("plan met".to_string(), "达成计划".to_string()),
                Some(false) => ("plan not met".to_string(), "未达成计划".to_string()),
                None if !started => (format!("starts in {from}"), format!("{from} 开始")),
                None if known => (format!("no value for {to} in the data"), format!("数据中没有 {to} 的数值")),
                None => ("not known yet".to_string(), "尚未得出".to_string()),
            };
            ImprovementResult {
                rep_id: source.rep.as_str().into(),
                metric: source.metric.clone(),
                from_period: from.clone(),
                start,
                period: to.clone(),
                actual,
                planned: source.planned,
                met,
                next_target: source.next_target,
                message: Message {
                    en: format!("{who_en}: {what} {} ({from}) → {} ({to}) against a plan of {}: {verdict_en}{}", shown(start), shown(actual), plain(source.planned), next.0),
                    zh: format!("{who_zh}：{what_zh}{}{}（{from}）→ {}（{to}），计划 {}：{verdict_zh}{}", super::zh_gap(&what_zh), shown(start), shown(actual), plain(source.planned), next.1),
                },
            }
        })
        .collect()
}
