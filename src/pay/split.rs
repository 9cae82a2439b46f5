//! Splitting a pool among reps exactly to the cent: each share is `pool × weight / total`,
//! rounded down to the money scale; the cents left over go one each to the shares with the
//! largest remainders (ties: the earlier rep in the list). The shares always add up to the
//! pool exactly. When every weight is 0 the pool is split equally.

use crate::calc::{sum, Checked};
use super::Overflow;
use rust_decimal::{Decimal, RoundingStrategy};

/// The shares of `pool` in proportion to `weights` (negative weights count as 0), at `scale`
/// decimal places.
pub fn split_pool(pool: Decimal, weights: &[Decimal], scale: u32) -> Result<Vec<Decimal>, Overflow> {
    if weights.is_empty() {
        return Ok(Vec::new());
    }
    let clean: Vec<Decimal> = weights.iter().map(|w| (*w).max(Decimal::ZERO)).collect();
    let total = sum(clean.iter().copied()).ok_or(Overflow)?;
    let equal = total.is_zero();
    let n = Decimal::from(clean.len());
    let (divisor, unit) = (if equal { n } else { total }, Decimal::new(1, scale));
    let step = unit.times(divisor).ok_or(Overflow)?;
    let mut shares = Vec::with_capacity(clean.len());
    let mut remainders = Vec::with_capacity(clean.len());
    for w in &clean {
        // share × divisor + remainder = pool × weight, exactly: the quotient is cut to 28
        // digits, so its cents are checked against the product and the remainder kept whole
        // (over the divisor), which makes equal remainders equal.
        let product = if equal { pool } else { pool.times(*w).ok_or(Overflow)? };
        let mut floor = crate::rounding::round_dp(product.checked_div(divisor).ok_or(Overflow)?, scale, RoundingStrategy::ToZero);
        let mut remainder = floor.times(divisor).and_then(|given| product.minus(given)).ok_or(Overflow)?;
        if remainder.is_sign_negative() && !remainder.is_zero() {
            floor -= unit;
            remainder += step;
        } else if remainder >= step {
            floor += unit;
            remainder -= step;
        }
        remainders.push(remainder);
        shares.push(floor);
    }
    let given = sum(shares.iter().copied()).ok_or(Overflow)?;
    let mut left = pool.minus(given).ok_or(Overflow)?;
    let order = crate::order::largest_first(&remainders);
    for i in order.into_iter().cycle() {
        if left < unit {
            break;
        }
        shares[i] += unit;
        left -= unit;
    }
    Ok(shares.into_iter().map(|s| crate::rounding::rescale(s, scale)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_pool_of_100000_in_three_equal_parts_adds_up_to_the_cent() {
        let shares = split_pool(d("100000"), &[d("1"), d("1"), d("1")], 2).unwrap();
        assert_eq!(shares, [d("33333.34"), d("33333.33"), d("33333.33")]);
        assert_eq!(shares.iter().sum::<Decimal>(), d("100000"));
    }

    #[test]
    fn by_contribution_share_with_the_largest_remainders_first() {
        // 1,000 by 1:2:4 → 142.857142…, 285.714285…, 571.428571… → 142.85 + 285.71 + 571.42
        // = 999.98; remainders .007142, .004285, .008571: the two cents go to the third, then the first.
        let shares = split_pool(d("1000"), &[d("1"), d("2"), d("4")], 2).unwrap();
        assert_eq!(shares, [d("142.86"), d("285.71"), d("571.43")]);
        assert_eq!(shares.iter().sum::<Decimal>(), d("1000"));
    }

    #[test]
    fn equal_remainders_go_to_the_earlier_rep_even_when_the_quotients_are_cut_to_28_digits() {
        // 10,000,002 cents × 15/21, 5/21, 1/21 = 7,142,858.571…, 2,380,952.857…, 476,190.571…:
        // 2 cents left; one to the second (.857…), one to the first (.571…, tied with the third, earlier).
        let shares = split_pool(d("100000.02"), &[d("15"), d("5"), d("1")], 2).unwrap();
        assert_eq!(shares, [d("71428.59"), d("23809.53"), d("4761.90")]);
        let shares = split_pool(d("99999.99"), &[d("1"), d("5"), d("15")], 2).unwrap();
        assert_eq!(shares.iter().sum::<Decimal>(), d("99999.99"));
        // 9,999,999 × 1/21 = 476,190.428…, × 5/21 = 2,380,952.142…, × 15/21 = 7,142,856.428…: the
        // one cent left goes to the first (.428…, tied with the third, earlier).
        assert_eq!(shares, [d("4761.91"), d("23809.52"), d("71428.56")]);
    }

    #[test]
    fn zero_weights_split_equally_and_negative_weights_count_as_zero() {
        assert_eq!(split_pool(d("10"), &[d("0"), d("0"), d("0")], 2).unwrap(), [d("3.34"), d("3.33"), d("3.33")]);
        assert_eq!(split_pool(d("10"), &[d("-5"), d("1")], 2).unwrap(), [d("0.00"), d("10.00")]);
        assert!(split_pool(d("10"), &[], 2).unwrap().is_empty());
    }
}
