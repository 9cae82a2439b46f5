//! Year-to-date: the year's periods up to one, combined per rep. Pay lines are summed
//! (commission is settled each period); KPI scores and points are averaged over the periods
//! the rep was evaluated in; the score is the sum of those averages, graded again.
//! A rep left out of any of the periods is left out of the year-to-date too.

use super::results::{AdjustmentResult, Evaluation, KpiResult, LineResult, PayItem, RepResult};
use super::rep::percent;
use super::totals::average;
use crate::data::Dataset;
use crate::explain::{Explanation, Trace};
use crate::pay::DrawStep;
use crate::plan::CompiledPlan;
use crate::problem::Problem;
use crate::score::PointResult;
use crate::calc::{sum, Checked};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

pub(super) fn evaluate_ytd(plan: &CompiledPlan, data: &Dataset, period: usize, detail: super::Detail) -> Result<Evaluation, Problem> {
    let key = |p: usize| plan.period_keys.get(p).copied().flatten();
    let Some((year, index)) = key(period) else {
        let name = &data.periods[period];
        let example = plan.plan.period.example();
        return Err(Problem::error(
            "period_name",
            "period",
            Some(name.clone()),
            format!("year-to-date needs period names of the plan's kind (like {example}); `{name}` is not"),
            format!("年度累计需要方案格式的期间名称（例如 {example}）；`{name}` 不符合"),
        ));
    };
    let mut periods: Vec<usize> = (0..data.periods.len()).filter(|p| key(*p).is_some_and(|(y, i)| y == year && i <= index)).collect();
    crate::sorting::sort_by_key(&mut periods, |p| key(*p).map(|k| k.1));

    // Each rep's results in period order (with each one's period name), reps in order of
    // first appearance.
    let mut by_rep: Vec<(crate::label::Label, Vec<(&str, RepResult)>)> = Vec::new();
    let mut index_of: FxHashMap<crate::label::Label, usize> = FxHashMap::default();
    let mut problems: Vec<Problem> = Vec::new();
    let mut account = super::DrawAccount::new(plan);
    for &p in &periods {
        let owed = account.as_mut().map(|a| {
            a.run_to(plan, data, p);
            &a.owed
        });
        let (reps, mut left_out) = super::period_results(plan, data, p, owed, detail, None, None);
        for mut r in reps {
            // Several periods' warnings side by side: each says which period it is from.
            for w in &mut r.warnings {
                w.message.en = format!("{}: {}", data.periods[p], w.message.en);
                w.message.zh = format!("{}：{}", data.periods[p], w.message.zh);
            }
            let name = data.periods[p].as_str();
            match index_of.get(&r.rep_id) {
                Some(&at) => by_rep[at].1.push((name, r)),
                None => {
                    index_of.insert(r.rep_id.clone(), by_rep.len());
                    by_rep.push((r.rep_id.clone(), vec![(name, r)]));
                }
            }
        }
        problems.append(&mut left_out);
    }
    let mut excluded: Vec<String> =
        problems.iter().filter(|p| p.is_error()).filter_map(|p| p.path.strip_prefix("reps.").and_then(|s| s.split('.').next()).map(String::from)).collect();
    crate::sorting::sort(&mut excluded);
    excluded.dedup();
    let explained = |id: &str| match detail {
        super::Detail::Rep(r) | super::Detail::RepAmongFigures(r) | super::Detail::RepAmongTeam { rep: r, .. } => data.reps.get(r).is_some_and(|rep| rep.id == id),
        other => other == super::Detail::All,
    };
    let mut reps: Vec<RepResult> =
        by_rep.into_iter().filter(|(id, _)| !excluded.iter().any(|x| *x == *id)).map(|(id, list)| combine(plan, list, explained(&id))).collect::<Result<_, _>>()?;
    super::grade_and_rank(plan, &mut reps);
    let totals = super::totals::totals(plan, &reps, excluded.len())?;
    let (problems, warnings): (Vec<Problem>, Vec<Problem>) = problems.into_iter().partition(Problem::is_error);
    Ok(Evaluation {
        period: data.periods[period].clone(),
        periods: periods.iter().map(|p| data.periods[*p].clone()).collect(),
        year_to_date: true,
        reps,
        totals,
        problems,
        warnings,
    })
}

fn too_large(rep: &RepResult) -> Problem {
    Problem::error(
        "overflow",
        format!("reps.{}.year_to_date", rep.rep_id),
        None,
        format!("Rep {} ({}) has year-to-date figures too large to add up exactly", rep.name, rep.rep_id),
        format!("销售人员 {}（{}）的年度累计数值过大，无法精确求和", rep.display_name_zh(), rep.rep_id),
    )
}

/// One rep's periods (in order, each with its name) combined into its year-to-date result;
/// when `record`, each KPI's average and each pay figure's sum explained by its value in
/// each period.
fn combine(plan: &CompiledPlan, named: Vec<(&str, RepResult)>, record: bool) -> Result<RepResult, Problem> {
    let (names, periods): (Vec<&str>, Vec<RepResult>) = named.into_iter().unzip();
    // A figure's value in each period that has it, explained period by period under `key`.
    let per_period = |key: &'static str, find: &dyn Fn(&RepResult) -> Option<Decimal>| {
        let mut explain = Explanation::recording(record);
        let values: Vec<Decimal> = names.iter().zip(&periods).filter_map(|(name, p)| find(p).inspect(|v| explain.period_value(key, name, *v))).collect();
        (values, explain)
    };
    let rounding = &plan.plan.rounding;
    let score_avg = |values: Vec<Decimal>| -> Option<Decimal> { Some(rounding.mode.apply(average(sum(values.iter().copied())?, values.len()), rounding.score_scale)) };
    let Some(last) = periods.last().cloned() else { return Err(Problem::error("no_periods", "", None, "no periods to combine".into(), "没有可汇总的期间".into())) };
    let err = || too_large(&last);

    let kpis = last
        .kpis
        .iter()
        .map(|k| {
            let (scores, mut explain) = per_period("period_score", &|p| p.kpis.iter().find(|x| x.id == k.id).map(|x| x.score));
            explain.note("year_to_date_average");
            let score = score_avg(scores).ok_or_else(err)?;
            explain.value("score", score);
            Ok(KpiResult { actual: None, target: None, attainment_pct: None, score, explain, ..k.clone() })
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    let weighted = sum(kpis.iter().map(|k| k.score)).ok_or_else(err)?;
    // The points' totals: each period's after its caps, averaged; explained period by period,
    // so that rows of items (each averaged, before the totals' caps) can be told from them.
    let mut points_explain = Explanation::recording(record);
    let mut totals = |key: &'static str, of: fn(&RepResult) -> Decimal, capped: &'static str| {
        for (name, p) in names.iter().zip(&periods) {
            points_explain.period_value(key, name, of(p));
            if p.points_explain.notes.contains(&capped) {
                points_explain.note(capped);
            }
        }
        let average = score_avg(periods.iter().map(of).collect()).ok_or_else(err)?;
        points_explain.value(key, average);
        Ok::<Decimal, Problem>(average)
    };
    let bonus = totals("bonus_points", |p| p.bonus_points, "bonus_total_capped")?;
    let penalty = totals("penalty_points", |p| p.penalty_points, "penalty_total_capped")?;
    points_explain.note("year_to_date_average");
    let points = last
        .points
        .iter()
        .map(|item| {
            let same: Vec<&PointResult> = periods.iter().filter_map(|p| p.points.iter().find(|x| x.id == item.id)).collect();
            Ok(PointResult {
                events: sum(same.iter().map(|x| x.events)).ok_or_else(err)?,
                points: score_avg(same.iter().map(|x| x.points).collect()).ok_or_else(err)?,
                capped: same.iter().any(|x| x.capped),
                ..item.clone()
            })
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    let score = weighted.plus(bonus).and_then(|s| s.minus(penalty)).ok_or_else(err)?;

    let commission = last
        .commission
        .iter()
        .map(|line| {
            let same: Vec<&LineResult> = periods.iter().filter_map(|p| p.commission.iter().find(|x| x.id == line.id)).collect();
            let base = sum(same.iter().map(|x| x.base)).ok_or_else(err)?;
            let target = match line.target {
                Some(_) => Some(sum(same.iter().map(|x| x.target.unwrap_or_default())).ok_or_else(err)?),
                None => None,
            };
            let attainment_pct = target.and_then(|t| percent(base, t).ok());
            // Settled each period: the sum of the periods' pay, not the year's attainment's tiers.
            let (pays, mut explain) = per_period("period_pay", &|p| p.commission.iter().find(|x| x.id == line.id).map(|x| x.pay));
            explain.note("year_to_date_sum");
            Ok(LineResult { id: line.id.clone(), base, target, attainment_pct, pay: sum(pays).ok_or_else(err)?, slices: Vec::new(), explain })
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    let items = |list: fn(&RepResult) -> &Vec<PayItem>| -> Result<Vec<PayItem>, Problem> {
        list(&last)
            .iter()
            .map(|item| {
                let (amounts, mut explain) = per_period("period_amount", &|p| list(p).iter().find(|x| x.id == item.id).map(|x| x.amount));
                explain.note("year_to_date_sum");
                Ok(PayItem { amount: sum(amounts).ok_or_else(err)?, explain, ..item.clone() })
            })
            .collect()
    };
    let base_pay = items(|r| &r.base_pay)?;
    let bonuses = items(|r| &r.bonuses)?;
    let adjustments: Vec<AdjustmentResult> = periods.iter().flat_map(|p| p.adjustments.iter().cloned()).collect();
    let base_total = sum(periods.iter().map(|p| p.base_total)).ok_or_else(err)?;
    let variable_pay = sum(periods.iter().map(|p| p.variable_pay)).ok_or_else(err)?;
    let total_pay = sum(periods.iter().map(|p| p.total_pay)).ok_or_else(err)?;
    let warnings = periods.iter().flat_map(|p| p.warnings.iter().cloned()).collect();
    // The draw over the periods: what was earned, topped up, recovered and paid in all of
    // them, owed from before the first and still owed after the last.
    let draws: Vec<&DrawStep> = periods.iter().filter_map(|p| p.draw.as_ref()).collect();
    let draw = match (draws.first(), draws.last()) {
        (Some(first), Some(latest)) => Some(DrawStep {
            earned: sum(draws.iter().map(|d| d.earned)).ok_or_else(err)?,
            top_up: sum(draws.iter().map(|d| d.top_up)).ok_or_else(err)?,
            recovered: sum(draws.iter().map(|d| d.recovered)).ok_or_else(err)?,
            owed_before: first.owed_before,
            owed_after: latest.owed_after,
            paid: sum(draws.iter().map(|d| d.paid)).ok_or_else(err)?,
        }),
        _ => None,
    };

    let attainment_actual = match last.attainment_actual {
        Some(_) => Some(sum(periods.iter().map(|p| p.attainment_actual.unwrap_or_default())).ok_or_else(err)?),
        None => None,
    };
    let attainment_target = match last.attainment_target {
        Some(_) => Some(sum(periods.iter().map(|p| p.attainment_target.unwrap_or_default())).ok_or_else(err)?),
        None => None,
    };
    let attainment_pct = match (attainment_actual, attainment_target) {
        (Some(a), Some(t)) => percent(a, t).ok(),
        _ => None,
    };
    Ok(RepResult {
        attainment_pct,
        attainment_actual,
        attainment_target,
        kpis,
        weighted_score: weighted,
        points,
        bonus_points: bonus,
        penalty_points: penalty,
        points_explain,
        score,
        flags: Vec::new(),
        base_pay,
        commission,
        bonuses,
        adjustments,
        draw,
        base_total,
        variable_pay,
        total_pay,
        warnings,
        ..last
    })
}
