//! What the signals read beyond one period's results, answered from the data: a formula's
//! value for any rep and period, and each period's grades.

use super::rep::fill_vars;
use crate::data::Dataset;
use crate::formula::EvalNotes;
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
        self.values(std::slice::from_ref(expr), rep, period).pop().flatten()
    }

    /// One filling of the rep's variables for all the formulas.
    fn values(&self, exprs: &[SignalExpr], rep: usize, period: usize) -> Vec<Option<Decimal>> {
        let Some(row) = self.row_at(rep, period).and_then(|at| self.data.row(at)) else { return vec![None; exprs.len()] };
        let slots = self.plan.slots.names.len();
        let (mut vars, mut div_by_zero) = (vec![Decimal::ZERO; slots], vec![false; slots]);
        if fill_vars(self.plan, self.data, &row, &mut vars, &mut div_by_zero).is_err() {
            return vec![None; exprs.len()];
        }
        exprs
            .iter()
            .map(|expr| {
                // The signal's own columns, which pay does not require (blank: no value).
                let mut own = vars.clone();
                for &column in &expr.columns {
                    own[column] = row.value(column)?;
                }
                expr.expr.eval(&own, &mut EvalNotes::default()).ok()
            })
            .collect()
    }

    fn grades(&self, period: usize) -> HashMap<crate::label::Label, crate::label::Label> {
        super::period_grades(self.plan, self.data, period)
    }
}
