//! Bonus and penalty points (加分/扣分, seed 002), applied after the weighted score: each
//! item counts events × points, capped per item, then the totals are capped.

use crate::calc::{CalcError, Checked};
use crate::explain::Trace;
use crate::formula::{EvalNotes, Expr};
use crate::plan::PointKind;
use rust_decimal::Decimal;
use serde::Serialize;

/// A point item with its event formula compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledPointItem {
    /// Bonus or penalty.
    pub kind: PointKind,
    /// The formula counting the events.
    pub events: Expr,
    /// Points per event.
    pub per_event: Decimal,
    /// Most points the item gives or takes.
    pub cap: Option<Decimal>,
    /// The derived-metric slots its formula reads (to explain a division by zero inside one).
    pub metrics_read: Vec<usize>,
}

/// All the point items of a plan and the caps on the totals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CompiledPoints {
    /// The items, in plan order.
    pub items: Vec<CompiledPointItem>,
    /// Most bonus points in all.
    pub max_bonus: Option<Decimal>,
    /// Most penalty points in all.
    pub max_penalty: Option<Decimal>,
}

/// One item's points for a rep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PointResult {
    /// The point item's id.
    pub id: crate::label::Label,
    /// `bonus` or `penalty`.
    pub kind: PointKind,
    /// The events counted by the item's formula (a negative count is taken as 0; year-to-date: summed).
    pub events: Decimal,
    /// Points given (bonus) or taken (penalty), after the item's cap; never negative.
    pub points: Decimal,
    /// Whether the item's own `cap` cut the points.
    pub capped: bool,
}

/// Bonus and penalty totals for one rep, after all caps. `each` sees every item's
/// (index, events, points, capped) so the caller can keep the detail or not.
pub fn apply_points(
    points: &CompiledPoints,
    vars: &[Decimal],
    t: &mut impl Trace,
    mut each: impl FnMut(usize, Decimal, Decimal, bool),
) -> Result<(Decimal, Decimal), CalcError> {
    let mut bonus = Decimal::ZERO;
    let mut penalty = Decimal::ZERO;
    for (i, item) in points.items.iter().enumerate() {
        let mut notes = EvalNotes::default();
        let mut events = item.events.eval(vars, &mut notes).map_err(|_| CalcError::Overflow)?;
        if notes.div_by_zero {
            t.note("div_by_zero");
        }
        if events < Decimal::ZERO {
            t.note("negative_events_taken_as_0");
            events = Decimal::ZERO;
        }
        let raw = events.times(item.per_event).ok_or(CalcError::Overflow)?;
        let (got, capped) = match item.cap {
            Some(cap) if raw > cap => (cap, true),
            _ => (raw, false),
        };
        each(i, events, got, capped);
        let total = match item.kind {
            PointKind::Bonus => &mut bonus,
            PointKind::Penalty => &mut penalty,
        };
        *total = total.plus(got).ok_or(CalcError::Overflow)?;
    }
    t.value("bonus_points", bonus);
    t.value("penalty_points", penalty);
    if let Some(max) = points.max_bonus.filter(|m| bonus > *m) {
        t.note("bonus_total_capped");
        t.value("max_bonus", max);
        bonus = max;
    }
    if let Some(max) = points.max_penalty.filter(|m| penalty > *m) {
        t.note("penalty_total_capped");
        t.value("max_penalty", max);
        penalty = max;
    }
    Ok((bonus, penalty))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::Explanation;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn item(kind: PointKind, slot: usize, per: &str, cap: Option<&str>) -> CompiledPointItem {
        CompiledPointItem { kind, events: Expr::Var(slot), per_event: d(per), cap: cap.map(d), metrics_read: Vec::new() }
    }

    #[test]
    fn items_are_capped_then_totals_are_capped() {
        // Big contracts 3 × 2 points (cap 5) = 5; praise 4 × 1 = 4 → bonus 9, capped to 8.
        // Complaints 2 × 3 = 6 → penalty 6.
        let points = CompiledPoints {
            items: vec![item(PointKind::Bonus, 0, "2", Some("5")), item(PointKind::Bonus, 1, "1", None), item(PointKind::Penalty, 2, "3", None)],
            max_bonus: Some(d("8")),
            max_penalty: None,
        };
        let mut seen = Vec::new();
        let mut ex = Explanation::default();
        let (bonus, penalty) = apply_points(&points, &[d("3"), d("4"), d("2")], &mut ex, |i, e, p, c| seen.push((i, e, p, c))).unwrap();
        assert_eq!((bonus, penalty), (d("8"), d("6")));
        assert_eq!(seen, [(0, d("3"), d("5"), true), (1, d("4"), d("4"), false), (2, d("2"), d("6"), false)]);
        assert_eq!(ex.notes, ["bonus_total_capped"]);
    }
}
