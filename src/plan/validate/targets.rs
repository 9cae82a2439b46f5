//! Validation of named targets (values, splits, override periods) and derived metrics.

use super::{adds_to_100, in_range, Ids};
use crate::plan::{Plan, Split, TargetBasis};
use crate::problem::Problem;
use rust_decimal::Decimal;

/// The largest target figure accepted (10^15: a thousand trillion).
const MAX_TARGET: i64 = 1_000_000_000_000_000;

pub(super) fn targets(plan: &Plan, ids: &mut Ids, out: &mut Vec<Problem>) {
    let per_year = plan.period.per_year();
    for (i, t) in plan.targets.iter().enumerate() {
        let path = format!("targets[{i}]");
        ids.check(&t.id, &format!("{path}.id"), out);
        let positive = |v: Decimal, p: String, out: &mut Vec<Problem>| {
            in_range(v, &p, ("a target", "目标值"), true, MAX_TARGET, out);
        };
        positive(t.default, format!("{path}.default"), out);
        for (field, map) in [("by_role", &t.by_role), ("by_region", &t.by_region), ("by_rep", &t.by_rep)] {
            for (key, v) in map {
                positive(*v, format!("{path}.{field}.{key}"), out);
            }
        }
        match (&t.split, t.basis) {
            (Split::Shares(shares), TargetBasis::Annual) => {
                if shares.len() != per_year {
                    out.push(Problem::error(
                        "split_length",
                        format!("{path}.split.shares"),
                        Some(shares.len().to_string()),
                        format!("the plan's periods are {per_year} a year, so the split needs {per_year} shares, not {}", shares.len()),
                        format!("方案每年有 {per_year} 个期间，拆分需要 {per_year} 个比例，而不是 {} 个", shares.len()),
                    ));
                }
                for (s, share) in shares.iter().enumerate() {
                    in_range(*share, &format_args!("{path}.split.shares[{s}]"), ("a share", "拆分比例"), false, 100, out);
                }
                adds_to_100(shares, &format!("{path}.split.shares"), ("the shares", "拆分比例"), out);
            }
            (Split::Shares(_), TargetBasis::PerPeriod) => out.push(Problem::error(
                "split_needs_annual",
                format!("{path}.split"),
                None,
                "a split applies to annual targets: set \"basis\": \"annual\" or remove the split".into(),
                "拆分只适用于年度目标：请设置 \"basis\": \"annual\" 或删除拆分".into(),
            )),
            (Split::Even, _) => {}
        }
        for (o, ov) in t.overrides.iter().enumerate() {
            let opath = format!("{path}.overrides[{o}]");
            positive(ov.value, format!("{opath}.value"), out);
            let when = match (&ov.period, &ov.from) {
                (Some(p), None) => Some(("period", p)),
                (None, Some(f)) => Some(("from", f)),
                _ => {
                    out.push(Problem::error(
                        "override_when",
                        opath.clone(),
                        None,
                        "an override gives either `period` (that period only) or `from` (that period on), not both or neither".into(),
                        "每条单独设定的目标须指定 `period`（仅该期间）或 `from`（该期间起）之一".into(),
                    ));
                    None
                }
            };
            if let Some((field, name)) = when {
                if plan.period.parse(name).is_none() {
                    out.push(period_problem(&format!("{opath}.{field}"), name, plan.period.example()));
                }
            }
            let set = [&ov.role, &ov.region, &ov.rep].iter().filter(|x| x.is_some()).count();
            if set > 1 {
                out.push(Problem::error(
                    "override_scope",
                    opath.clone(),
                    None,
                    "an override names at most one of role, region and rep".into(),
                    "每条单独设定的目标最多指定岗位、区域、销售人员中的一项".into(),
                ));
            }
            let same = t.overrides[..o].iter().any(|x| x.period == ov.period && x.from == ov.from && x.role == ov.role && x.region == ov.region && x.rep == ov.rep);
            if let (true, Some((_, name))) = (same, when) {
                out.push(Problem::error(
                    "duplicate_override",
                    opath,
                    Some(name.clone()),
                    format!("a second override for the same reps and period {name}"),
                    format!("同一范围、同一期间 {name} 的单独设定的目标重复"),
                ));
            }
        }
    }
}

/// A period name that is not of the plan's kind.
pub(crate) fn period_problem(path: &str, name: &str, example: &str) -> Problem {
    Problem::error(
        "period_name",
        path,
        Some(name.to_string()),
        format!("`{name}` is not a period of this plan's kind (like {example})"),
        format!("`{name}` 不是本方案的期间格式（例如 {example}）"),
    )
}
