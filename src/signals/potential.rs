//! The high-potential rule (高潜): every condition compares a rep's value with its team's.
//! Worked out from the data alone (metrics and columns, never scores or pay), so that pay
//! formulas can read the flag.

use super::stats::{percent_rank, statistic};
use super::{History, PotentialCheck, PotentialFlag};
use crate::data::Dataset;
use crate::plan::{CompiledPlan, PotentialCondition, TeamScope};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Fewer reps with a value than this in a team, and the team is not compared with: a rep alone
/// would stand at the middle of its own team and above its own average.
const MIN_TEAM: usize = 3;

/// A team's values of one condition, sorted, and the condition's statistic of them.
type Team = (Vec<Decimal>, Option<Decimal>);

/// The reps of data period `period` the plan's rule flags, by data rep index, in data order.
/// The team is every rep of the period the plan scores (one with a scorecard).
pub(crate) fn high_potentials(plan: &CompiledPlan, data: &Dataset, period: usize, history: &dyn History) -> Vec<(usize, PotentialFlag)> {
    let Some(rule) = &plan.plan.signals.high_potential else { return Vec::new() };
    let reps: Vec<usize> = data.rows_in(period).filter(|r| plan.card_of_rep[r.rep].is_some()).map(|r| r.rep).collect();
    let team_of = |rep: usize| {
        let r = &data.reps[rep];
        match rule.team {
            TeamScope::All => "",
            TeamScope::Role => r.role.as_str(),
            TeamScope::Region => r.region.as_str(),
        }
    };
    // Each condition's value for every rep, and each team's values sorted.
    let by_rep: Vec<Vec<Option<Decimal>>> = reps.iter().map(|&rep| history.values(&plan.signals.potential, rep, period)).collect();
    let values: Vec<Vec<Option<Decimal>>> = (0..plan.signals.potential.len()).map(|c| by_rep.iter().map(|v| v.get(c).copied().flatten()).collect()).collect();
    // Each team's values sorted, with the condition's statistic worked out once per team.
    let teams: Vec<HashMap<&str, Team>> = values
        .iter()
        .zip(&rule.conditions)
        .map(|(column, condition)| {
            let mut by_team: HashMap<&str, Vec<Decimal>> = HashMap::new();
            for (&rep, v) in reps.iter().zip(column) {
                if let Some(v) = v {
                    by_team.entry(team_of(rep)).or_default().push(*v);
                }
            }
            by_team
                .into_iter()
                .map(|(team, mut list)| {
                    crate::sorting::sort(&mut list);
                    let stat = match condition {
                        PotentialCondition::Above { stat, .. } => statistic(stat, &list),
                        PotentialCondition::Percentile { .. } => None,
                    };
                    (team, (list, stat))
                })
                .collect()
        })
        .collect();
    let mut flags = Vec::new();
    for (i, &rep) in reps.iter().enumerate() {
        let checks: Option<Vec<PotentialCheck>> = rule
            .conditions
            .iter()
            .enumerate()
            .map(|(c, condition)| {
                let value = values[c][i]?;
                let (team, stat_value) = teams[c].get(team_of(rep)).filter(|(list, _)| list.len() >= MIN_TEAM)?;
                Some(match condition {
                    PotentialCondition::Above { metric, stat, by } => {
                        let team_value = (*stat_value)?;
                        PotentialCheck { metric: metric.clone(), value, compared_with: stat.clone(), team_value, holds: value >= team_value.checked_add(*by)? }
                    }
                    PotentialCondition::Percentile { metric, from, to } => {
                        let rank = percent_rank(team, value);
                        PotentialCheck { metric: metric.clone(), value, compared_with: "percentile_rank".into(), team_value: rank, holds: *from <= rank && rank <= *to }
                    }
                })
            })
            .collect();
        if let Some(checks) = checks.filter(|c| !c.is_empty() && c.iter().all(|x| x.holds)) {
            flags.push((rep, PotentialFlag { rep_id: data.reps[rep].id.clone(), checks }));
        }
    }
    flags
}
