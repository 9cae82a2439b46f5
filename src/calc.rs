//! What can go wrong computing one figure for one rep. The evaluation turns it into a
//! [`crate::Problem`] naming the rep and the rule.

use rust_decimal::Decimal;
use crate::rounding;
use std::cmp::Ordering;

/// Why a figure could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalcError {
    /// A target was zero or negative.
    TargetNotPositive(Decimal),
    /// A figure too large for Decimal arose.
    Overflow,
}

/// The exact sum of `values`, or `None` when it does not fit a `Decimal`.
pub(crate) fn sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, |s, v| s.plus(v))
}

/// `a` compared with `b`, exactly as `Decimal`'s `Ord` compares them, in a few integer steps:
/// the mantissa of the one with fewer decimal places is scaled up in 64 bits where it fits
/// them, where rust_decimal rescales in 32-bit words (a KPI's ratio against its cap, a tier's
/// bound; about 5% of a table's evaluation, issue 7).
#[inline(never)]
pub(crate) fn cmp(a: Decimal, b: Decimal) -> Ordering {
    let ((ma, na, sa), (mb, nb, sb)) = (rounding::parts(a), rounding::parts(b));
    match (na && ma != 0, nb && mb != 0) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => magnitude_cmp(ma, sa, mb, sb),
        (true, true) => magnitude_cmp(mb, sb, ma, sa),
    }
}

/// `ma × 10^-sa` compared with `mb × 10^-sb`, both at least 0: a mantissa scaled beyond 96
/// bits is larger than any mantissa.
#[inline(always)]
fn magnitude_cmp(ma: u128, sa: u32, mb: u128, sb: u32) -> Ordering {
    match sa.cmp(&sb) {
        Ordering::Equal => ma.cmp(&mb),
        Ordering::Less => rounding::scaled_up(ma, sb - sa).map_or(Ordering::Greater, |m| m.cmp(&mb)),
        Ordering::Greater => rounding::scaled_up(mb, sa - sb).map_or(Ordering::Less, |m| ma.cmp(&m)),
    }
}

/// Whether `x` is above zero (`x > 0` without a comparison).
pub(crate) fn is_positive(x: Decimal) -> bool {
    x.is_sign_positive() && !x.is_zero()
}

/// Whether `x` is below zero (`x < 0` without a comparison).
pub(crate) fn is_negative(x: Decimal) -> bool {
    x.is_sign_negative() && !x.is_zero()
}

/// A decimal's checked addition, subtraction and multiplication, called rather than inlined:
/// rust_decimal's `checked_add`, `checked_sub` and `checked_mul` are `#[inline(always)]` down
/// to their 96-bit arithmetic, which was compiled again at every use (the wasm's size, issue 6).
pub(crate) trait Checked: Sized {
    /// `self + other`, or `None` when it overflows (`Decimal::checked_add`).
    fn plus(self, other: Self) -> Option<Self>;
    /// `self - other`, or `None` when it overflows (`Decimal::checked_sub`).
    fn minus(self, other: Self) -> Option<Self>;
    /// `self × other`, or `None` when it overflows (`Decimal::checked_mul`).
    fn times(self, other: Self) -> Option<Self>;
}

impl Checked for Decimal {
    #[inline(never)]
    fn plus(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }

    #[inline(never)]
    fn minus(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }

    #[inline(never)]
    fn times(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Any decimal: every mantissa, sign (negative zero included) and scale.
    fn decimal() -> impl Strategy<Value = Decimal> {
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28, 0usize..4).prop_map(|(lo, mid, hi, negative, scale, width)| {
            // Small mantissas as often as large ones: most figures are small.
            let (mid, hi) = match width {
                0 => (0, 0),
                1 => (mid, 0),
                _ => (mid, hi),
            };
            Decimal::from_parts(lo, mid, hi, negative, scale)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn cmp_is_decimals_own_order(a in decimal(), b in decimal()) {
            prop_assert_eq!(cmp(a, b), a.cmp(&b), "{} vs {}", a, b);
            // The same value at another scale (1.5 against 1.50): equal.
            if let Some(padded) = a.checked_mul(Decimal::new(100, 2)) {
                prop_assert_eq!(cmp(a, padded), Ordering::Equal);
            }
            prop_assert_eq!(is_positive(a), a > Decimal::ZERO);
            prop_assert_eq!(is_negative(a), a < Decimal::ZERO);
        }
    }

    #[test]
    fn cmp_at_the_edges() {
        let max = Decimal::MAX;
        let tiny = Decimal::new(1, 28);
        let negative_zero = Decimal::from_parts(0, 0, 0, true, 5);
        for (a, b) in [(max, tiny), (tiny, max), (-max, tiny), (max, -max), (Decimal::ZERO, negative_zero), (negative_zero, tiny), (-tiny, negative_zero), (max, Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, 28))] {
            assert_eq!(cmp(a, b), a.cmp(&b), "{a} vs {b}");
        }
    }
}
