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
