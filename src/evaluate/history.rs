//! What the signals read beyond one period's results, answered from the data: a formula's
//! value for any rep and period, and each period's grades.

use crate::data::{Dataset, Row};
use crate::plan::{CompiledPlan, SignalExpr};
use crate::signals::History;
use rust_decimal::Decimal;
use std::cell::OnceCell;
use std::collections::HashMap;

/// The data behind a compiled plan, indexed by rep and period when first asked for a value
/// (most plans' signals never are: indexing every row was 7% of an evaluation with signals).
pub(super) struct DataHistory<'a> {
    plan: &'a CompiledPlan,
    data: &'a Dataset,
    rows: OnceCell<HashMap<(usize, usize), usize>>,
}

impl<'a> DataHistory<'a> {
    pub(super) fn new(plan: &'a CompiledPlan, data: &'a Dataset) -> Self {
        DataHistory { plan, data, rows: OnceCell::new() }
    }

    /// The position of the row of data rep `rep` in data period `period`, if it has one.
    fn row_at(&self, rep: usize, period: usize) -> Option<usize> {
        let rows = self.rows.get_or_init(|| self.data.rows().enumerate().map(|(i, r)| ((r.rep, r.period), i)).collect());
        rows.get(&(rep, period)).copied()
    }
}

impl History for DataHistory<'_> {
    fn value(&self, expr: &SignalExpr, rep: usize, period: usize) -> Option<Decimal> {
        let row = self.row_at(rep, period).and_then(|at| self.data.row(at))?;
        self.row_values(std::slice::from_ref(expr), &row).pop().flatten()
    }

    /// One filling of the rep's variables for all the formulas. A blank figure leaves out only
    /// the formulas that read it, directly or through a metric: a signal on the follow-up rate
    /// does not need the rep's NPS (pay, which needs every column the plan reads, does).
    fn row_values(&self, exprs: &[SignalExpr], row: &Row) -> Vec<Option<Decimal>> {
        let slots = self.plan.slots.names.len();
        let (mut vars, mut unknown) = (vec![Decimal::ZERO; slots], vec![false; slots]);
        let own = exprs.iter().flat_map(|e| &e.columns);
        for &column in self.plan.used_columns.iter().chain(own) {
            match row.value(column) {
                Some(v) => vars[column] = v,
                None => unknown[column] = true,
            }
        }
        for (i, value) in self.plan.target_values(row.rep, row.period).enumerate() {
            vars[self.plan.slots.columns + i] = value;
        }
        self.plan.fill_known_metrics(&mut vars, &mut unknown);
        exprs.iter().map(|expr| expr.expr.eval_known(&vars, &unknown)).collect()
    }

    fn grades(&self, period: usize) -> HashMap<crate::label::Label, crate::label::Label> {
        super::period_grades(self.plan, self.data, period)
    }
}
