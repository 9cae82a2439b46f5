//! The high-potential rule (高潜): every condition compares a rep's value with its team's.

use super::stats::{percent_rank, statistic};
use super::{History, PotentialCheck, PotentialFlag};
use crate::evaluate::Evaluation;
use crate::plan::{CompiledPlan, PotentialCondition, TeamScope};
use rust_decimal::Decimal;
use std::collections::HashMap;

pub(super) fn high_potentials(plan: &CompiledPlan, period: usize, evaluation: &Evaluation, rep_index: &HashMap<&str, usize>, history: &dyn History) -> Vec<PotentialFlag> {
    let Some(rule) = &plan.plan.signals.high_potential else { return Vec::new() };
    let team_of = |i: usize| {
        let r = &evaluation.reps[i];
        match rule.team {
            TeamScope::All => String::new(),
            TeamScope::Role => r.role.clone(),
            TeamScope::Region => r.region.clone(),
        }
    };
    // Each condition's value for every evaluated rep, and each team's values sorted.
    let values: Vec<Vec<Option<Decimal>>> = plan
        .signals
        .potential
        .iter()
        .map(|expr| evaluation.reps.iter().map(|r| rep_index.get(r.rep_id.as_str()).and_then(|&i| history.value(expr, i, period))).collect())
        .collect();
    let teams: Vec<HashMap<String, Vec<Decimal>>> = values
        .iter()
        .map(|column| {
            let mut by_team: HashMap<String, Vec<Decimal>> = HashMap::new();
            for (i, v) in column.iter().enumerate() {
                if let Some(v) = v {
                    by_team.entry(team_of(i)).or_default().push(*v);
                }
            }
            by_team.values_mut().for_each(|list| list.sort_unstable());
            by_team
        })
        .collect();
    let mut flags = Vec::new();
    for (i, rep) in evaluation.reps.iter().enumerate() {
        let checks: Option<Vec<PotentialCheck>> = rule
            .conditions
            .iter()
            .enumerate()
            .map(|(c, condition)| {
                let value = values[c][i]?;
                let team = teams[c].get(&team_of(i))?;
                Some(match condition {
                    PotentialCondition::Above { metric, stat, by } => {
                        let team_value = statistic(stat, team)?;
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
            flags.push(PotentialFlag { rep_id: rep.rep_id.clone(), checks });
        }
    }
    flags
}
