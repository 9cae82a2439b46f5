//! Where a level alert looks: the evaluated period alone, or, to date, the periods of its year
//! (or quarter) up to it; and a value to date, worked out on each rep's figures summed over
//! those periods the way year-to-date sums them (data columns and targets added up, metrics
//! and the formula worked out on the sums: attainment to date is the sum of the actuals over
//! the sum of the targets).

use crate::data::{Dataset, Row};
use crate::formula::EvalNotes;
use crate::plan::{CompiledPlan, SignalExpr, ToDate};
use rust_decimal::Decimal;
use std::collections::HashMap;

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

/// A rep's variables summed over periods, and the periods summed.
type RunningSum = (Vec<Decimal>, Vec<usize>);

/// Each rep's value of `expr` to date over `periods` (oldest first), by data rep index: the
/// formula worked out on the rep's figures summed over the periods it has a row in (the data
/// columns the plan and the formula read, and the named targets), with the derived metrics
/// worked out on those sums. A rep with a blank figure the sums need in one of its periods,
/// or a figure too large to add up, has no value (as year-to-date leaves such a rep out).
pub(super) fn values(plan: &CompiledPlan, data: &Dataset, expr: &SignalExpr, periods: &[usize]) -> HashMap<usize, ToDateValue> {
    let mut columns: Vec<usize> = plan.used_columns.iter().chain(&expr.columns).copied().collect();
    crate::sorting::sort(&mut columns);
    columns.dedup();
    let slots = plan.slots.names.len();
    // Per rep: its variables summed so far and the periods they cover; `None` once a figure is missing.
    let mut sums: HashMap<usize, Option<RunningSum>> = HashMap::new();
    for &period in periods {
        for row in data.rows_in(period) {
            let entry = sums.entry(row.rep).or_insert_with(|| Some((vec![Decimal::ZERO; slots], Vec::new())));
            if let Some((vars, seen)) = entry {
                if add_row(plan, &columns, &row, vars).is_some() {
                    seen.push(period);
                } else {
                    *entry = None;
                }
            }
        }
    }
    sums.into_iter().filter_map(|(rep, sum)| {
        let (mut vars, seen) = sum?;
        plan.fill_metrics(&mut vars, &mut vec![false; slots]).ok()?;
        let value = expr.expr.eval(&vars, &mut EvalNotes::default()).ok()?;
        Some((rep, (value, seen)))
    })
    .collect()
}

/// Adds `row`'s figures to `vars`: the `columns` (`None` when one is blank or a sum does not
/// fit) and every named target of the rep in the row's period.
fn add_row(plan: &CompiledPlan, columns: &[usize], row: &Row, vars: &mut [Decimal]) -> Option<()> {
    for &column in columns {
        vars[column] = vars[column].checked_add(row.value(column)?)?;
    }
    for (i, value) in plan.target_values(row.rep, row.period).enumerate() {
        let slot = plan.slots.columns + i;
        vars[slot] = vars[slot].checked_add(value)?;
    }
    Some(())
}
