//! What the signals read beyond one period's results, answered from the data: a formula's
//! value for any rep and period, and each period's grades.

use super::{period_results, rep::fill_vars};
use crate::data::Dataset;
use crate::formula::EvalNotes;
use crate::plan::{CompiledPlan, SignalExpr};
use crate::signals::History;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The data behind a compiled plan, indexed by rep and period.
pub(super) struct DataHistory<'a> {
    plan: &'a CompiledPlan,
    data: &'a Dataset,
    rows: HashMap<(usize, usize), usize>,
}

impl<'a> DataHistory<'a> {
    pub(super) fn new(plan: &'a CompiledPlan, data: &'a Dataset) -> Self {
        let rows = data.rows.iter().enumerate().map(|(i, r)| ((r.rep, r.period), i)).collect();
        DataHistory { plan, data, rows }
    }
}

impl History for DataHistory<'_> {
    fn value(&self, expr: &SignalExpr, rep: usize, period: usize) -> Option<Decimal> {
        let row = &self.data.rows[*self.rows.get(&(rep, period))?];
        let slots = self.plan.slots.names.len();
        let (mut vars, mut div_by_zero) = (vec![Decimal::ZERO; slots], vec![false; slots]);
        fill_vars(self.plan, self.data, row, &mut vars, &mut div_by_zero).ok()?;
        for &column in &expr.columns {
            vars[column] = row.values[column]?;
        }
        expr.expr.eval(&vars, &mut EvalNotes::default()).ok()
    }

    fn grades(&self, period: usize) -> HashMap<String, String> {
        period_results(self.plan, self.data, period, None, super::Detail::Figures).0.into_iter().map(|r| (r.rep_id, r.grade)).collect()
    }
}
