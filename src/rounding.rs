//! Rounding a `Decimal` to a number of places in one 128-bit division, and padding it to a
//! scale in one multiplication. `rust_decimal`'s `round_dp_with_strategy` works a digit at a
//! time (a 28-place quotient rounded to 2 places costs some 30 multiplications and divisions
//! of its 96-bit mantissa), and the evaluation rounds every KPI score, attainment and pay
//! line of every rep: it was a fifth of an evaluation's instructions. The results are
//! identical to `rust_decimal`'s — value, sign and scale — which the tests below check on
//! random decimals of every scale.
//!
//! A mantissa and a power of ten that both fit 64 bits (amounts in cents, rates: a quarter of
//! the divisions and nearly every padding of an evaluation) are divided or multiplied in 64
//! bits: in wasm32 a 128-bit division or multiplication is a call (`__udivti3`, `__multi3`).

use rust_decimal::{Decimal, RoundingStrategy};

/// 10^0 … 10^28: every scale difference a `Decimal` can have.
const POWERS_OF_TEN: [u128; 29] = {
    let mut powers = [1u128; 29];
    let mut i = 1;
    while i < 29 {
        powers[i] = powers[i - 1] * 10;
        i += 1;
    }
    powers
};

/// The largest mantissa a `Decimal` holds (96 bits).
const MAX_MANTISSA: u128 = (1 << 96) - 1;

/// `value.round_dp_with_strategy(places, strategy)`, the same result in one step for the
/// strategies plans use (half up, half even, down); others are passed to `rust_decimal`.
pub fn round_dp(value: Decimal, places: u32, strategy: RoundingStrategy) -> Decimal {
    let scale = value.scale();
    if scale <= places || value.is_zero() {
        return value.round_dp_with_strategy(places, strategy);
    }
    let divisor = POWERS_OF_TEN[(scale - places) as usize];
    let (quotient, remainder) = divide(mantissa(value), divisor);
    let half = divisor / 2;
    let up = match strategy {
        RoundingStrategy::MidpointAwayFromZero => remainder >= half,
        RoundingStrategy::MidpointNearestEven => remainder > half || (remainder == half && quotient & 1 == 1),
        RoundingStrategy::ToZero => false,
        _ => return value.round_dp_with_strategy(places, strategy),
    };
    // The quotient is at most a tenth of a 96-bit mantissa: one more still fits.
    from_mantissa(quotient + u128::from(up), value.is_sign_negative(), places)
}

/// `value` rounded to `places` and written with exactly that many decimals (5 → 5.00), as
/// `rescale(round_dp(value, places, strategy), places)` gives it, in one step.
pub fn round_to(value: Decimal, places: u32, strategy: RoundingStrategy) -> Decimal {
    if value.scale() <= places {
        // Nothing to round (`round_dp` gives the value back): only padded.
        return rescale(value, places);
    }
    rescale(round_dp(value, places, strategy), places)
}

/// `value` written with at least `scale` decimals: zeros added (0 → 0.00), never rounded.
pub fn pad(value: Decimal, scale: u32) -> Decimal {
    if value.scale() < scale {
        rescale(value, scale)
    } else {
        value
    }
}

/// `value.rescale(scale)` when that pads zeros (5 → 5.00) and the padded mantissa fits;
/// otherwise `rust_decimal`'s own `rescale` (which rounds, or keeps a smaller scale when
/// the value is too large to pad).
pub fn rescale(value: Decimal, scale: u32) -> Decimal {
    let current = value.scale();
    if current == scale {
        return value;
    }
    if current < scale && scale <= Decimal::MAX_SCALE {
        if let Some(m) = multiply(mantissa(value), POWERS_OF_TEN[(scale - current) as usize]) {
            return from_mantissa(m, value.is_sign_negative(), scale);
        }
    }
    let mut v = value;
    v.rescale(scale);
    v
}

/// The magnitude of `value`'s 96-bit mantissa.
fn mantissa(value: Decimal) -> u128 {
    let parts = value.unpack();
    u128::from(parts.lo) | u128::from(parts.mid) << 32 | u128::from(parts.hi) << 64
}

/// `n / d` and `n % d`, in 64 bits when both fit them.
fn divide(n: u128, d: u128) -> (u128, u128) {
    match (u64::try_from(n), u64::try_from(d)) {
        (Ok(n), Ok(d)) => ((n / d).into(), (n % d).into()),
        _ => (n / d, n % d),
    }
}

/// `a × b` when it fits a 96-bit mantissa, in 64 bits when it fits them.
fn multiply(a: u128, b: u128) -> Option<u128> {
    let narrow = u64::try_from(a).ok().zip(u64::try_from(b).ok()).and_then(|(a, b)| a.checked_mul(b));
    narrow.map(u128::from).or_else(|| a.checked_mul(b)).filter(|m| *m <= MAX_MANTISSA)
}

/// A decimal from a mantissa of at most 96 bits (a zero is never negative, as in `rust_decimal`).
fn from_mantissa(m: u128, negative: bool, scale: u32) -> Decimal {
    Decimal::from_parts(m as u32, (m >> 32) as u32, (m >> 64) as u32, negative, scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const STRATEGIES: [RoundingStrategy; 3] = [RoundingStrategy::MidpointAwayFromZero, RoundingStrategy::MidpointNearestEven, RoundingStrategy::ToZero];

    /// Same value, sign and scale (`==` alone would call 1.0 and 1.00 equal).
    fn same(a: Decimal, b: Decimal) -> bool {
        a.serialize() == b.serialize()
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28, 0u32..4).prop_map(|(lo, mid, hi, negative, scale, size)| {
            // Small mantissas as often as full ones: most figures are small.
            let (mid, hi) = match size {
                0 => (0, 0),
                1 => (mid, 0),
                _ => (mid, hi),
            };
            Decimal::from_parts(lo, mid, hi, negative, scale)
        })
    }

    /// Rounds and rescales `value` to `to` places as `rust_decimal` does: `round_dp` by each
    /// strategy, `round_to` (rounded, then padded) and `rescale`.
    fn check(value: Decimal, to: u32) -> Result<(), TestCaseError> {
        for strategy in STRATEGIES {
            let theirs = value.round_dp_with_strategy(to, strategy);
            let ours = round_dp(value, to, strategy);
            prop_assert!(same(ours, theirs), "{value} to {to} ({strategy:?}): {ours} vs {theirs}");
            let mut padded = theirs;
            padded.rescale(to);
            let ours = round_to(value, to, strategy);
            prop_assert!(same(ours, padded), "{value} to exactly {to} ({strategy:?}): {ours} vs {padded}");
        }
        let mut theirs = value;
        theirs.rescale(to);
        prop_assert!(same(rescale(value, to), theirs), "{value} to scale {to}");
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn rounds_and_rescales_exactly_as_rust_decimal(value in any_decimal(), to in 0u32..=28) {
            check(value, to)?;
        }
    }

    /// Where the 64-bit division and multiplication give way to 128 bits: mantissas about
    /// 2^64 and 10^19 (a divisor of 10^19 fits 64 bits, 10^20 does not), halves, and padded
    /// mantissas about 2^64 and the 96-bit largest; at every scale, to every scale.
    #[test]
    fn exact_where_64_bits_end() {
        let two_64 = 1u128 << 64;
        let mut mantissas = vec![two_64 - 2, two_64 - 1, two_64, two_64 + 1, MAX_MANTISSA - 1, MAX_MANTISSA, 1, 5];
        for &p in &POWERS_OF_TEN[1..] {
            mantissas.extend([p - 1, p, p + 1, p / 2, p / 2 + 1, 3 * p / 2, (two_64 - 1) / p, (two_64 - 1) / p + 1, MAX_MANTISSA / p, MAX_MANTISSA / p + 1]);
        }
        for m in mantissas.into_iter().filter(|m| *m <= MAX_MANTISSA) {
            for (scale, negative, to) in (0..=28).flat_map(|scale| [false, true].into_iter().flat_map(move |n| (0..=28).map(move |to| (scale, n, to)))) {
                check(from_mantissa(m, negative, scale), to).unwrap();
            }
        }
    }

    #[test]
    fn midpoints_and_signs() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let cases = [
            ("2.345", 2, RoundingStrategy::MidpointAwayFromZero, "2.35"),
            ("-2.345", 2, RoundingStrategy::MidpointAwayFromZero, "-2.35"),
            ("2.345", 2, RoundingStrategy::MidpointNearestEven, "2.34"),
            ("2.355", 2, RoundingStrategy::MidpointNearestEven, "2.36"),
            ("2.349", 2, RoundingStrategy::ToZero, "2.34"),
            ("-0.004", 2, RoundingStrategy::MidpointAwayFromZero, "0.00"),
            ("0.3333333333333333333333333333", 2, RoundingStrategy::MidpointAwayFromZero, "0.33"),
        ];
        for (value, places, strategy, want) in cases {
            let got = round_dp(d(value), places, strategy);
            assert_eq!(got.to_string(), want, "{value} to {places} places, {strategy:?}");
            assert!(!got.is_sign_negative() || !got.is_zero(), "a rounded zero is not negative");
        }
        assert_eq!(rescale(d("5"), 2).to_string(), "5.00");
        // Too large to pad: rust_decimal keeps the largest scale that fits.
        assert!(same(rescale(Decimal::MAX, 2), Decimal::MAX));
    }
}
