//! What the signals read beyond one period's results, answered from the data: a formula's
//! value for any rep and period, and each period's grades.

use crate::data::{Dataset, Row};
use crate::plan::{CompiledPlan, SignalExpr};
use crate::signals::History;
use rust_decimal::Decimal;
use std::cell::OnceCell;
use rustc_hash::FxHashMap;

/// The data behind a compiled plan, indexed by rep and period when first asked for a value
/// (most plans' signals never are: indexing every row was 7% of an evaluation with signals).
pub(super) struct DataHistory<'a> {
    plan: &'a CompiledPlan,
    data: &'a Dataset,
    /// Every row as `(rep, period, position)`, sorted: a lookup by binary search, without
    /// hashing, in memory that grows with the rows (not with reps × periods, which free-form
    /// period names can make huge).
    rows: OnceCell<Vec<(u32, u32, u32)>>,
}

impl<'a> DataHistory<'a> {
    pub(super) fn new(plan: &'a CompiledPlan, data: &'a Dataset) -> Self {
        DataHistory { plan, data, rows: OnceCell::new() }
    }

    /// The position of the row of data rep `rep` in data period `period`, if it has one.
    fn row_at(&self, rep: usize, period: usize) -> Option<usize> {
        // A data file holds at most 2,000,000 rows and as many reps and periods: all fit a u32.
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let rows = self.rows.get_or_init(|| {
            let mut rows: Vec<(u32, u32, u32)> = self.data.rows().enumerate().map(|(at, r)| (small(r.rep), small(r.period), small(at))).collect();
            // The one shared sort: a sort compiled for these tuples would add 1.3 KB to the package.
            crate::sorting::sort(&mut rows);
            rows
        });
        let key = (u32::try_from(rep).ok()?, u32::try_from(period).ok()?);
        let found = rows.binary_search_by_key(&key, |&(rep, period, _)| (rep, period)).ok()?;
        rows.get(found).map(|&(_, _, at)| at as usize)
    }
}

impl History for DataHistory<'_> {
    fn value(&self, expr: &SignalExpr, rep: usize, period: usize) -> Option<Decimal> {
        let row = self.row_at(rep, period).and_then(|at| self.data.row(at))?;
        self.row_values(std::slice::from_ref(expr), &row).pop().flatten()
    }

    /// One filling of the rep's variables for all the formulas: the columns and metrics they
    /// read, directly or through a metric, and the targets. A blank figure leaves out only
    /// the formulas that read it: a signal on the follow-up rate does not need the rep's NPS
    /// (pay, which needs every column the plan reads, does).
    fn row_values(&self, exprs: &[SignalExpr], row: &Row) -> Vec<Option<Decimal>> {
        let slots = self.plan.slots.names.len();
        let (mut vars, mut unknown) = (vec![Decimal::ZERO; slots], vec![false; slots]);
        for &column in exprs.iter().flat_map(|e| &e.columns) {
            match row.value(column) {
                Some(v) => vars[column] = v,
                None => unknown[column] = true,
            }
        }
        for (i, value) in self.plan.target_values(row.rep, row.period).enumerate() {
            vars[self.plan.slots.columns + i] = value;
        }
        self.plan.fill_known_metrics(|m| exprs.iter().any(|e| e.needs_metric(m)), &mut vars, &mut unknown);
        exprs.iter().map(|expr| expr.expr.eval_known(&vars, &unknown)).collect()
    }

    fn grades(&self, period: usize) -> FxHashMap<crate::label::Label, crate::label::Label> {
        super::period_grades(self.plan, self.data, period)
    }
}

#[cfg(test)]
mod tests {
    use super::DataHistory;
    use crate::signals::History;

    /// A signal's formula is worked out with the metrics it reads, directly or through
    /// another (in an order they can be worked out in), and the columns under them; a blank
    /// column only an unrelated metric reads does not silence it.
    #[test]
    fn a_signal_reads_metrics_through_others_and_only_what_it_needs() {
        let csv = "rep_id,name,region,role,period,target,collected,visits,calls\n\
                   a,A,East,nb,2026-Q1,100,70,5,\n";
        let data = crate::load_csv(csv).unwrap().dataset;
        let plan = crate::plan::parse_plan(
            r#"{ "version": 1, "name": "p",
                 "metrics": [{ "id": "doubled", "formula": "per_visit * 2" }, { "id": "unrelated", "formula": "calls * 2" }, { "id": "per_visit", "formula": "collected / visits" }],
                 "scorecards": [{ "id": "all", "name": "all", "kpis": [{ "id": "c", "name": "c", "weight": 100, "actual": "collected", "target": "target" }] }],
                 "signals": { "alerts": [{ "id": "low", "name": "Low", "rule": { "type": "level", "metric": "doubled + 1", "below": 100 } },
                                         { "id": "calls", "name": "Calls", "rule": { "type": "level", "metric": "unrelated", "below": 100 } },
                                         { "id": "ten", "name": "Ten", "rule": { "type": "level", "metric": "per_visit * 10", "below": 100 } }] } }"#,
        )
        .unwrap();
        let plan = crate::plan::compile(&plan, &data).unwrap();
        let expr = plan.signals.alerts[0].as_ref().unwrap();
        let slot = |name: &str| plan.slots.names.iter().position(|n| n == name).unwrap();
        assert_eq!(expr.columns, [slot("collected"), slot("visits")]);
        let metrics: Vec<&str> = expr.metrics.iter().map(|&i| plan.slots.names[plan.metrics[i].slot].as_str()).collect();
        assert_eq!(metrics, ["per_visit", "doubled"]);
        // 70 / 5 × 2 + 1, with `calls` blank.
        let history = DataHistory::new(&plan, &data);
        assert_eq!(history.value(expr, 0, 0), Some(rust_decimal::Decimal::from(29)));
        // Several formulas in one filling, each with the metrics it needs: 29, none (`calls`
        // is blank), 70 / 5 × 10; in any order.
        let exprs: Vec<_> = plan.signals.alerts.iter().flatten().cloned().collect();
        let row = data.rows().next().unwrap();
        let d = |n: i64| Some(rust_decimal::Decimal::from(n));
        assert_eq!(history.row_values(&exprs, &row), [d(29), None, d(140)]);
        let reversed: Vec<_> = exprs.iter().rev().cloned().collect();
        assert_eq!(history.row_values(&reversed, &row), [d(140), None, d(29)]);
    }

    /// Every row is found at its rep and period, in any order the file lists them; a rep
    /// without a row in a period, a period or a rep the data does not have, has none.
    #[test]
    fn each_row_is_found_by_its_rep_and_period_and_a_missing_one_is_none() {
        let csv = "rep_id,name,region,role,period,target,collected\n\
                   b,B,East,nb,2026-Q2,100,90\na,A,East,nb,2026-Q2,100,80\na,A,East,nb,2026-Q1,100,70\nc,C,West,nb,2026-Q3,100,60\n";
        let data = crate::load_csv(csv).unwrap().dataset;
        let plan = crate::plan::parse_plan(r#"{ "version": 1, "name": "p", "scorecards": [{ "id": "all", "name": "all", "kpis": [{ "id": "c", "name": "c", "weight": 100, "actual": "collected", "target": "target" }] }] }"#).unwrap();
        let plan = crate::plan::compile(&plan, &data).unwrap();
        let history = DataHistory::new(&plan, &data);
        let rep = |id: &str| data.reps.iter().position(|r| r.id == id).unwrap();
        let period = |name: &str| data.periods.iter().position(|p| p == name).unwrap();
        for (at, row) in data.rows().enumerate() {
            assert_eq!(history.row_at(row.rep, row.period), Some(at));
        }
        assert_eq!(data.rows().count(), 4);
        assert_eq!(history.row_at(rep("b"), period("2026-Q1")), None);
        assert_eq!(history.row_at(rep("c"), period("2026-Q2")), None);
        assert_eq!(history.row_at(rep("a"), data.periods.len()), None);
        assert_eq!(history.row_at(data.reps.len(), 0), None);
        assert_eq!(history.row_at(usize::MAX, usize::MAX), None);
    }
}
