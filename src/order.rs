//! Ranking and ordering lists of decimals, fast. Decimals brought to one scale as 128-bit
//! integers order exactly as the decimals do, and compare in a couple of instructions where
//! `rust_decimal` rescales one side on every comparison; grades by rank, ranks and pool
//! remainders sort thousands of values per evaluation. When a value does not fit at the
//! common scale, the decimals themselves are compared (through [`crate::sorting`]): the same
//! order, only slower.

use rust_decimal::Decimal;

/// The indices of `values`, largest value first; equal values keep index order.
pub fn largest_first(values: &[Decimal]) -> Vec<usize> {
    // Stable: equal values stay in index order.
    match scaled(values) {
        Some(keys) => {
            let mut order: Vec<usize> = (0..values.len()).collect();
            order.sort_by(|a, b| keys[*b].cmp(&keys[*a]));
            order
        }
        None => crate::sorting::sorted_indices(values.len(), &mut |a, b| values[b].cmp(&values[a])),
    }
}

/// Competition ranks of `values` (1, 2, 2, 4): 1 + the number of larger values.
pub fn ranks(values: &[Decimal]) -> Vec<usize> {
    match scaled(values) {
        Some(keys) => ranks_of(&keys, |sorted| sorted.sort_unstable_by(|a, b| b.cmp(a))),
        None => ranks_of(values, |sorted| crate::sorting::sort_by(sorted, |a, b| b.cmp(a))),
    }
}

/// Each value as an integer at the largest scale among them (`value × 10^scale`), which
/// orders the same as the values; `None` when one does not fit in 128 bits.
fn scaled(values: &[Decimal]) -> Option<Vec<i128>> {
    let scale = values.iter().map(Decimal::scale).max().unwrap_or(0);
    values.iter().map(|v| v.mantissa().checked_mul(10i128.checked_pow(scale - v.scale())?)).collect()
}

/// Ranks by `keys`, given a sort of a copy of them largest first (the scaled keys' own sort;
/// the rare decimals through the shared one).
fn ranks_of<T: Ord + Clone>(keys: &[T], sort_largest_first: impl FnOnce(&mut [T])) -> Vec<usize> {
    let mut sorted = keys.to_vec();
    sort_largest_first(&mut sorted);
    keys.iter().map(|k| 1 + sorted.partition_point(|s| s > k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn ranks_share_ties_and_skip_after_them() {
        let values = [dec("90.5"), dec("88"), dec("90.50"), dec("-1"), dec("88.000")];
        assert_eq!(ranks(&values), vec![1, 3, 1, 5, 3]);
        assert_eq!(largest_first(&values), vec![0, 2, 1, 4, 3]);
    }

    #[test]
    fn values_too_large_for_one_scale_are_still_ordered() {
        // 7.9e28 at scale 0 and 1e-28 at scale 28 have no common scale within 128 bits.
        let values = [Decimal::MAX, dec("0.0000000000000000000000000001"), Decimal::MIN, Decimal::ZERO];
        assert!(scaled(&values).is_none());
        assert_eq!(largest_first(&values), vec![0, 1, 3, 2]);
        assert_eq!(ranks(&values), vec![1, 2, 4, 3]);
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        // Few distinct mantissas and any scale: many equal values written differently.
        (-50i64..50, 0u32..29, any::<bool>()).prop_map(|(m, s, big)| Decimal::new(if big { m * 1_000_000_007 } else { m }, s))
    }

    proptest! {
        /// The fast order is the decimals' own order, ties and all.
        #[test]
        fn orders_as_the_decimals_do(values in prop::collection::vec(any_decimal(), 0..60)) {
            let mut expected: Vec<usize> = (0..values.len()).collect();
            expected.sort_by(|a, b| values[*b].cmp(&values[*a]));
            prop_assert_eq!(largest_first(&values), expected);
            let larger = |v: &Decimal| values.iter().filter(|w| *w > v).count();
            prop_assert_eq!(ranks(&values), values.iter().map(|v| 1 + larger(v)).collect::<Vec<_>>());
        }
    }
}
