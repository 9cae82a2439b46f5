//! Each rep's portrait (per-KPI standing against the reps scored on the same KPI, strengths
//! and weaknesses) and the improvement plans tracked across periods.

use super::stats::{average, pct, percent_rank};
use super::{plain, History, ImprovementResult, KpiStanding, Portrait};
use crate::data::Dataset;
use crate::evaluate::Evaluation;
use crate::plan::CompiledPlan;
use crate::problem::Message;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Percentile rank at or above which a KPI is a strength (top quarter).
const STRENGTH_FROM: u32 = 75;
/// Percentile rank at or below which a KPI is a weakness (bottom quarter).
const WEAKNESS_TO: u32 = 25;
/// The most strengths and weaknesses named per rep.
const NAMED: usize = 3;

pub(super) fn portraits(evaluation: &Evaluation) -> Vec<Portrait> {
    // Every score on each (card, KPI), sorted, for the percentile ranks and averages.
    let mut scores: HashMap<(&str, &str), Vec<Decimal>> = HashMap::new();
    for rep in &evaluation.reps {
        for k in &rep.kpis {
            scores.entry((rep.scorecard.as_str(), k.id.as_str())).or_default().push(k.score);
        }
    }
    scores.values_mut().for_each(|list| list.sort_unstable());
    // Each team average once (per rep it would make the portraits quadratic in the reps).
    let averages: HashMap<(&str, &str), Decimal> = scores.iter().map(|(key, list)| (*key, average(list).unwrap_or_default())).collect();
    evaluation
        .reps
        .iter()
        .map(|rep| {
            let kpis: Vec<KpiStanding> = rep
                .kpis
                .iter()
                .map(|k| {
                    let key = (rep.scorecard.as_str(), k.id.as_str());
                    let team = scores.get(&key).map_or(&[][..], Vec::as_slice);
                    let score_pct = pct(k.score, k.weight).unwrap_or_default();
                    KpiStanding {
                        kpi: k.id.clone(),
                        score: k.score,
                        score_pct,
                        percentile: percent_rank(team, k.score),
                        team_average: averages.get(&key).copied().unwrap_or_default(),
                    }
                })
                .collect();
            let mut ranked: Vec<&KpiStanding> = kpis.iter().collect();
            ranked.sort_by(|a, b| b.percentile.cmp(&a.percentile).then_with(|| b.score_pct.cmp(&a.score_pct)));
            let strengths = ranked.iter().filter(|k| k.percentile >= Decimal::from(STRENGTH_FROM)).take(NAMED).map(|k| k.kpi.clone()).collect();
            let mut worst: Vec<&KpiStanding> = kpis.iter().collect();
            worst.sort_by(|a, b| a.percentile.cmp(&b.percentile).then_with(|| a.score_pct.cmp(&b.score_pct)));
            let weaknesses = worst.iter().filter(|k| k.percentile <= Decimal::from(WEAKNESS_TO)).take(NAMED).map(|k| k.kpi.clone()).collect();
            Portrait { rep_id: rep.rep_id.clone(), kpis, strengths, weaknesses }
        })
        .collect()
}

pub(super) fn improvements(plan: &CompiledPlan, data: &Dataset, period: usize, history: &dyn History) -> Vec<ImprovementResult> {
    plan.signals
        .improvements
        .iter()
        .filter_map(|compiled| Some((plan.plan.signals.improvement_plans.get(compiled.index)?, compiled)))
        .map(|(source, compiled)| {
            let start = history.value(&compiled.expr, compiled.rep, compiled.from_period);
            let known = plan.period_order(compiled.period) <= plan.period_order(period);
            let actual = if known { history.value(&compiled.expr, compiled.rep, compiled.period) } else { None };
            let met = actual.map(|a| a >= source.planned);
            let metric = &source.metric;
            let (from, to) = (&source.from_period, &source.period);
            let shown = |v: Option<Decimal>| v.map_or_else(|| "—".to_string(), plain);
            let rep = &data.reps[compiled.rep];
            let (who_en, who_zh) = super::rep_names(&rep.id, rep.name(), rep.name_zh());
            let next = source.next_target.map(|n| (format!("; next target {}", plain(n)), format!("；下一目标 {}", plain(n)))).unwrap_or_default();
            let (verdict_en, verdict_zh) = match met {
                Some(true) => ("plan met", "达成计划"),
                Some(false) => ("plan not met", "未达成计划"),
                None => ("not known yet", "尚未得出"),
            };
            ImprovementResult {
                rep_id: source.rep.as_str().into(),
                metric: metric.clone(),
                from_period: from.clone(),
                start,
                period: to.clone(),
                actual,
                planned: source.planned,
                met,
                next_target: source.next_target,
                message: Message {
                    en: format!("{who_en}: {metric} {} ({from}) → {} ({to}) against a plan of {}: {verdict_en}{}", shown(start), shown(actual), plain(source.planned), next.0),
                    zh: format!("{who_zh}：{metric} {}（{from}）→ {}（{to}），计划 {}：{verdict_zh}{}", shown(start), shown(actual), plain(source.planned), next.1),
                },
            }
        })
        .collect()
}
