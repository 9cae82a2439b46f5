//! Where a level alert looks: the evaluated period alone, or, to date, the periods of its year
//! (or quarter) up to it; and a value to date, worked out on each rep's figures summed over
//! those periods the way year-to-date sums them (data columns and targets added up, metrics
//! and the formula worked out on the sums: attainment to date is the sum of the actuals over
//! the sum of the targets).

use crate::calc::Checked;
use crate::data::{Dataset, Row};
use crate::plan::{CompiledPlan, SignalExpr, ToDate};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// A rep's value to date and the data periods it was summed over, oldest first.
pub(super) type ToDateValue = (Decimal, Vec<usize>);

/// The data periods a level alert looks at when data period `period` is evaluated, oldest
/// first: `period` alone, or with `to_date` every data period of its year (or quarter) up to
/// it. `None` when the rule does not apply in `period`: `only_at` names other places in the
/// year (or quarter), or the period's place is not known (a name not of the plan's kind).
pub(super) fn span(plan: &CompiledPlan, period: usize, to_date: Option<ToDate>, only_at: Option<&[u32]>) -> Option<Vec<usize>> {
    if to_date.is_none() && only_at.is_none() {
        return Some(vec![period]);
    }
    let (year, index) = plan.period_keys.get(period).copied().flatten()?;
    let start = if to_date == Some(ToDate::Quarter) { index - index % 3 } else { 0 };
    let place = index - start + 1;
    if only_at.is_some_and(|places| !places.iter().any(|p| usize::try_from(*p).is_ok_and(|p| p == place))) {
        return None;
    }
    if to_date.is_none() {
        return Some(vec![period]);
    }
    let mut periods: Vec<(usize, usize)> =
        plan.period_keys.iter().enumerate().filter_map(|(p, key)| key.filter(|(y, i)| *y == year && (start..=index).contains(i)).map(|(_, i)| (i, p))).collect();
    crate::sorting::sort(&mut periods);
    Some(periods.into_iter().map(|(_, p)| p).collect())
}

/// A rep's variables summed over periods, the slots left unknown, and the periods summed.
type RunningSum = (Vec<Decimal>, Vec<bool>, Vec<usize>);

/// Each rep's value of `expr` to date over `periods` (oldest first), by data rep index: the
/// formula worked out on the rep's figures summed over the periods it has a row in (the data
/// columns it reads, directly or through a metric, and the named targets), with the derived
/// metrics it reads worked out on those sums. A rep with a blank figure the formula reads
/// (directly or through a metric) in one of its periods, or a figure too large to add up,
/// has no value.
pub(super) fn values(plan: &CompiledPlan, data: &Dataset, expr: &SignalExpr, periods: &[usize]) -> FxHashMap<usize, ToDateValue> {
    let columns = &expr.columns;
    let slots = plan.slots.names.len();
    // Per rep: its variables summed so far, the slots left unknown (a figure blank in one of
    // the periods, or a sum too large) and the periods it has figures in.
    let mut sums: FxHashMap<usize, RunningSum> = FxHashMap::default();
    for &period in periods {
        for row in data.rows_in(period) {
            let (vars, unknown, seen) = sums.entry(row.rep).or_insert_with(|| (vec![Decimal::ZERO; slots], vec![false; slots], Vec::new()));
            add_row(plan, columns, &row, vars, unknown);
            seen.push(period);
        }
    }
    sums.into_iter()
        .filter_map(|(rep, (mut vars, mut unknown, seen))| {
            plan.fill_known_metrics(|m| expr.needs_metric(m), &mut vars, &mut unknown);
            Some((rep, (expr.expr.eval_known(&vars, &unknown)?, seen)))
        })
        .collect()
}

/// Adds `row`'s figures to `vars`: the `columns` and every named target of the rep in the
/// row's period; a slot whose figure is blank or whose sum does not fit is marked `unknown`.
fn add_row(plan: &CompiledPlan, columns: &[usize], row: &Row, vars: &mut [Decimal], unknown: &mut [bool]) {
    let targets = plan.target_values(row.rep, row.period).enumerate().map(|(i, v)| (plan.slots.columns + i, Some(v)));
    for (slot, value) in columns.iter().map(|&c| (c, row.value(c))).chain(targets) {
        match value.and_then(|v| vars[slot].plus(v)) {
            Some(sum) => vars[slot] = sum,
            None => unknown[slot] = true,
        }
    }
}
