//! Validation of commission lines: targets where tiers need them, tiers from 0 upwards,
//! rates from 0 to 100%.

use super::{in_range, not_empty, strictly_monotone, unique_ids, MAX_TIERS};
use crate::plan::{CommissionLine, TierBasis};
use crate::problem::Problem;
use rust_decimal::Decimal;

pub(super) fn commission(lines: &[CommissionLine], out: &mut Vec<Problem>) {
    unique_ids(lines.iter().map(|l| l.id.as_str()), |i| format!("commission[{i}].id"), out);
    for (i, line) in lines.iter().enumerate() {
        commission_line(line, &format!("commission[{i}]"), out);
    }
}

fn commission_line(line: &CommissionLine, path: &str, out: &mut Vec<Problem>) {
    if line.tier_basis == TierBasis::AttainmentPct && line.target.is_none() {
        out.push(Problem::error(
            "target_needed",
            format!("{path}.target"),
            None,
            format!("commission line `{}` has tiers in percent of target, so it needs a `target`", line.id),
            format!("提成项 `{}` 的阶梯按目标达成率划分，需要设置 `target`", line.id),
        ));
    }
    let needs = (
        &*format!("commission line `{}` needs at least one tier (a flat rate is one tier from 0)", line.id),
        &*format!("提成项 `{}` 至少需要一个阶梯（固定比例即一个从 0 开始的阶梯）", line.id),
    );
    if !not_empty(&line.tiers, &format_args!("{path}.tiers"), needs, out) {
        return;
    }
    if line.tiers.len() > MAX_TIERS {
        let n = line.tiers.len();
        out.push(Problem::error(
            "too_many_tiers",
            format!("{path}.tiers"),
            Some(n.to_string()),
            format!("commission line `{}` has {n} tiers; the limit is {MAX_TIERS}", line.id),
            format!("提成项 `{}` 有 {n} 个阶梯，上限为 {MAX_TIERS}", line.id),
        ));
        return;
    }
    for (t, tier) in line.tiers.iter().enumerate() {
        in_range(tier.rate_pct, &format_args!("{path}.tiers[{t}].rate_pct"), ("a commission rate", "提成比例"), false, 100, out);
    }
    if !line.tiers[0].from.is_zero() {
        out.push(Problem::error(
            "first_tier_not_zero",
            format!("{path}.tiers[0].from"),
            Some(line.tiers[0].from.to_string()),
            format!("the first tier must start at 0, not {}", line.tiers[0].from),
            format!("第一个阶梯必须从 0 开始，而不是 {}", line.tiers[0].from),
        ));
    }
    let froms: Vec<Decimal> = line.tiers.iter().map(|t| t.from).collect();
    let tier = |t: usize| (format!("tier {}", t + 1), format!("第 {} 个阶梯的", t + 1));
    strictly_monotone("tier_order", &froms, true, |t| format!("{path}.tiers[{t}].from"), tier, ("start", "起点"), out);
}
