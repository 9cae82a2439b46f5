//! The recoverable draw: a floor under each period's variable pay. When variable pay falls
//! short of the draw the rep is paid the draw; if recoverable, the shortfall is owed and
//! taken back from later periods' variable pay above the draw, carried forward until repaid.

use crate::calc::Checked;
use rust_decimal::Decimal;
use serde::Serialize;

/// One period of a rep's draw account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct DrawStep {
    /// Variable pay earned this period, before the draw.
    pub earned: Decimal,
    /// Paid on top of what was earned to reach the draw.
    pub top_up: Decimal,
    /// Taken back this period towards what is owed.
    pub recovered: Decimal,
    /// Owed on the draw at the start of the period (from earlier periods' top-ups).
    pub owed_before: Decimal,
    /// Owed at the end of the period: `owed_before` + top-up (when recoverable) − recovered.
    pub owed_after: Decimal,
    /// Variable pay actually paid: earned + top-up − recovered.
    pub paid: Decimal,
}

/// The draw for one period, given what is owed from earlier ones; `None` when a figure does
/// not fit (a clawback so large that earned pay is hugely negative).
pub fn draw_step(draw: Decimal, recoverable: bool, earned: Decimal, owed_before: Decimal) -> Option<DrawStep> {
    let step = if earned < draw {
        let top_up = draw.minus(earned)?;
        let owed_after = if recoverable { owed_before.plus(top_up)? } else { owed_before };
        DrawStep { earned, top_up, recovered: Decimal::ZERO, owed_before, owed_after, paid: draw }
    } else {
        let recovered = earned.minus(draw)?.min(owed_before);
        DrawStep { earned, top_up: Decimal::ZERO, recovered, owed_before, owed_after: owed_before.minus(recovered)?, paid: earned.minus(recovered)? }
    };
    Some(step)
}

impl DrawStep {
    /// Every figure with (at least) `scale` decimal places, as money is shown.
    pub fn at_scale(mut self, scale: u32) -> Self {
        for v in [&mut self.earned, &mut self.top_up, &mut self.recovered, &mut self.owed_before, &mut self.owed_after, &mut self.paid] {
            if v.scale() < scale {
                v.rescale(scale);
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_shortfall_is_paid_then_recovered_above_the_draw() {
        // Draw 10,000: Q1 earns 4,000 → paid 10,000, owes 6,000; Q2 earns 13,000 → 3,000 above
        // the draw is recovered, paid 10,000, owes 3,000; Q3 earns 20,000 → recovers 3,000, paid 17,000.
        let q1 = draw_step(d("10000"), true, d("4000"), d("0")).unwrap();
        assert_eq!((q1.paid, q1.top_up, q1.owed_after), (d("10000"), d("6000"), d("6000")));
        let q2 = draw_step(d("10000"), true, d("13000"), q1.owed_after).unwrap();
        assert_eq!((q2.paid, q2.recovered, q2.owed_after), (d("10000"), d("3000"), d("3000")));
        let q3 = draw_step(d("10000"), true, d("20000"), q2.owed_after).unwrap();
        assert_eq!((q3.paid, q3.recovered, q3.owed_after), (d("17000"), d("3000"), d("0")));
        // Over the three periods the rep is paid what was earned: 37,000 = 4,000 + 13,000 + 20,000.
        assert_eq!(q1.paid + q2.paid + q3.paid, d("37000"));
    }

    #[test]
    fn a_non_recoverable_draw_is_a_guarantee() {
        let q1 = draw_step(d("10000"), false, d("4000"), d("0")).unwrap();
        assert_eq!((q1.paid, q1.owed_after), (d("10000"), d("0")));
    }
}
