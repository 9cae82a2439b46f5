//! What can go wrong computing one figure for one rep. The evaluation turns it into a
//! [`crate::Problem`] naming the rep and the rule.

use rust_decimal::Decimal;

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
