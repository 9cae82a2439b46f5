//! The high-potential rule (高潜): every condition compares a rep's value with its team's.
//! Worked out from the data alone (metrics and columns, never scores or pay), so that pay
//! formulas can read the flag.

use crate::calc::Checked;
use super::stats::{percent_rank, statistic};
use super::{plain, History, PotentialCheck, PotentialFlag};
use crate::problem::Message;
use crate::data::Dataset;
use crate::plan::{CompiledPlan, PotentialCondition, TeamScope};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// Fewer reps with a value than this in a team, and the team is not compared with: a rep alone
/// would stand at the middle of its own team and above its own average.
const MIN_TEAM: usize = 3;

/// A team's values of one condition, sorted, and the condition's statistic of them.
type Team = (Vec<Decimal>, Option<Decimal>);

/// A condition's figures for one rep (a [`PotentialCheck`] without its words).
struct Figures {
    value: Decimal,
    team_value: Decimal,
    at_least: Decimal,
    at_most: Option<Decimal>,
    holds: bool,
}

/// The reps of data period `period` the plan's rule flags, by data rep index, in data order.
/// The team is every rep of the period the plan scores (one with a scorecard).
pub(crate) fn high_potentials(plan: &CompiledPlan, data: &Dataset, period: usize, history: &dyn History) -> Vec<(usize, PotentialFlag)> {
    let Some(rule) = &plan.plan.signals.high_potential else { return Vec::new() };
    let rows: Vec<_> = data.rows_in(period).filter(|r| plan.card_of_rep[r.rep].is_some()).collect();
    let team_of = |rep: usize| {
        let r = &data.reps[rep];
        match rule.team {
            TeamScope::All => "",
            TeamScope::Role => r.role.as_str(),
            TeamScope::Region => r.region.as_str(),
        }
    };
    // Each condition's value for every rep, and each team's values sorted.
    let by_rep: Vec<Vec<Option<Decimal>>> = rows.iter().map(|row| history.row_values(&plan.signals.potential, row)).collect();
    let values: Vec<Vec<Option<Decimal>>> = (0..plan.signals.potential.len()).map(|c| by_rep.iter().map(|v| v.get(c).copied().flatten()).collect()).collect();
    // Each team's values sorted, with the condition's statistic worked out once per team.
    let teams: Vec<FxHashMap<&str, Team>> = values
        .iter()
        .zip(&rule.conditions)
        .map(|(column, condition)| {
            let mut by_team: FxHashMap<&str, Vec<Decimal>> = FxHashMap::default();
            for (row, v) in rows.iter().zip(column) {
                if let Some(v) = v {
                    by_team.entry(team_of(row.rep)).or_default().push(*v);
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
    // A condition's figures for the rep at `i` (data rep `rep`): its value, the team's
    // value, the least and most that hold, whether it holds; none without a value or a team.
    let figures = |c: usize, condition: &PotentialCondition, i: usize, rep: usize| {
        let value = values[c][i]?;
        let (team, stat_value) = teams[c].get(team_of(rep)).filter(|(list, _)| list.len() >= MIN_TEAM)?;
        Some(match condition {
            PotentialCondition::Above { by, .. } => {
                let at_least = (*stat_value)?.plus(*by)?;
                Figures { value, team_value: (*stat_value)?, at_least, at_most: None, holds: value >= at_least }
            }
            PotentialCondition::Percentile { from, to, .. } => {
                let rank = percent_rank(team, value);
                Figures { value, team_value: rank, at_least: *from, at_most: Some(*to), holds: *from <= rank && rank <= *to }
            }
        })
    };
    let mut flags = Vec::new();
    // The conditions' figures of the rep at hand, while they all hold.
    let mut held: Vec<Figures> = Vec::with_capacity(rule.conditions.len());
    for (i, rep) in rows.iter().map(|r| r.rep).enumerate() {
        held.clear();
        for (c, condition) in rule.conditions.iter().enumerate() {
            match figures(c, condition, i, rep) {
                Some(f) if f.holds => held.push(f),
                _ => break,
            }
        }
        if rule.conditions.is_empty() || held.len() < rule.conditions.len() {
            continue;
        }
        // Only a flagged rep's checks are written out.
        let checks: Vec<PotentialCheck> = rule
            .conditions
            .iter()
            .zip(&held)
            .map(|(condition, f)| {
                let (metric, compared_with) = match condition {
                    PotentialCondition::Above { metric, stat, .. } => (metric, stat.clone()),
                    PotentialCondition::Percentile { metric, .. } => (metric, "percentile_rank".into()),
                };
                PotentialCheck { metric: metric.clone(), value: f.value, compared_with, team_value: f.team_value, at_least: f.at_least, at_most: f.at_most, holds: f.holds }
            })
            .collect();
        let r = &data.reps[rep];
        let message = flag_message(super::rep_names(&r.id, r.name(), r.name_zh()), rule.team, &rule.conditions, &checks);
        flags.push((rep, PotentialFlag { rep_id: r.id.clone(), checks, message }));
    }
    flags
}

/// Why a rep is flagged, in both languages, from its `checks` of the rule's `conditions`: "High
/// potential — Zhang Wei (E01): satisfaction 92 ≥ the team's average 85 + 5 = 90;
/// revenue_collected 774,000 ranks at percentile 60 of the team's values, within 25–75".
fn flag_message((who, who_zh): (String, String), team: TeamScope, conditions: &[PotentialCondition], checks: &[PotentialCheck]) -> Message {
    let (whose, whose_zh) = match team {
        TeamScope::All => ("the team's", "团队"),
        TeamScope::Role => ("the role's", "同岗位"),
        TeamScope::Region => ("the region's", "同区域"),
    };
    let (en, zh): (Vec<String>, Vec<String>) = checks
        .iter()
        .zip(conditions)
        .map(|(c, condition)| {
            let value = plain(c.value);
            let Some(at_most) = c.at_most else {
                let (stat, stat_zh) = stat_names(&c.compared_with);
                let by = match condition {
                    PotentialCondition::Above { by, .. } if !by.is_zero() => {
                        let sign = if by.is_sign_negative() { '−' } else { '+' };
                        format!(" {sign} {} = {}", plain(by.abs()), plain(c.at_least))
                    }
                    _ => String::new(),
                };
                return (
                    format!("{} {value} ≥ {whose} {stat} {}{by}", c.metric, plain(c.team_value)),
                    format!("{} {value} ≥ {whose_zh}{stat_zh} {}{by}", c.metric, plain(c.team_value)),
                );
            };
            let (rank, from, to) = (plain(c.team_value), plain(c.at_least), plain(at_most));
            (
                format!("{} {value} ranks at percentile {rank} of {whose} values, within {from}–{to}", c.metric),
                format!("{} {value} 位于{whose_zh}第 {rank} 百分位，在 {from}–{to} 之内", c.metric),
            )
        })
        .unzip();
    Message { en: format!("High potential — {who}: {}", en.join("; ")), zh: format!("高潜——{who_zh}：{}", zh.join("；")) }
}

/// A team statistic in words: `average`, `median` or `p75`.
fn stat_names(stat: &str) -> (String, String) {
    match stat {
        "average" => ("average".into(), "平均值".into()),
        "median" => ("median".into(), "中位数".into()),
        p => {
            let n = p.trim_start_matches('p');
            (format!("{n}{} percentile", ordinal_suffix(n)), format!("第 {n} 百分位"))
        }
    }
}

/// The English ordinal ending of a number written as `n`: 1st, 2nd, 3rd, 11th, 75th, 12.5th.
fn ordinal_suffix(n: &str) -> &'static str {
    let tens = n.len() >= 2 && n.as_bytes()[n.len() - 2] == b'1';
    match n.as_bytes().last() {
        _ if n.contains('.') || tens => "th",
        Some(b'1') => "st",
        Some(b'2') => "nd",
        Some(b'3') => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::ordinal_suffix;

    #[test]
    fn ordinals_in_english() {
        let got: Vec<String> = ["1", "2", "3", "4", "11", "12", "13", "21", "22", "75", "90", "101", "111", "12.5"].iter().map(|n| format!("{n}{}", ordinal_suffix(n))).collect();
        assert_eq!(got, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "75th", "90th", "101st", "111th", "12.5th"]);
    }
}
