//! Team statistics over exact decimals: the average, percentiles (interpolated as Excel's
//! PERCENTILE.INC) and a value's percentile rank (its share of the other values that are lower,
//! tied values at the middle of their places, 2 places; Excel's PERCENTRANK.INC differs on ties).

use crate::calc::{sum, Checked};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places kept for an average or an interpolated percentile.
const SCALE: u32 = 4;

/// The mean of `values`, 4 places half up; `None` for no values or on overflow.
pub fn average(values: &[Decimal]) -> Option<Decimal> {
    let n = Decimal::from(values.len());
    sum(values.iter().copied())?.checked_div(n).map(|a| round(a, SCALE))
}

/// The `p`-th percentile (0–100) of `sorted` (ascending), interpolated between neighbours.
pub fn percentile(sorted: &[Decimal], p: Decimal) -> Option<Decimal> {
    let last = sorted.len().checked_sub(1)?;
    let position = Decimal::from(last).times(p)?.checked_div(Decimal::ONE_HUNDRED)?;
    let below = position.floor();
    let index = below.to_usize()?.min(last);
    let low = sorted[index];
    let high = sorted[(index + 1).min(last)];
    let fraction = position.minus(below)?;
    low.plus(high.minus(low)?.times(fraction)?).map(|v| round(v, SCALE))
}

/// Where `value` stands among `sorted` (ascending), in percent: 0 for the lowest, 100 for
/// the highest, tied values at the middle of their places (so a team all on the same score
/// stands at 50, neither strong nor weak); 2 places half up. One value alone stands at 50.
pub fn percent_rank(sorted: &[Decimal], value: Decimal) -> Decimal {
    let below = sorted.partition_point(|v| *v < value);
    let equal = sorted[below..].partition_point(|v| *v == value);
    rank_of_run(below, equal, sorted.len())
}

/// [`percent_rank`] of `value` among `values` in any order: counted, not searched (for one
/// value, cheaper than sorting).
pub fn percent_rank_unsorted(values: &[Decimal], value: Decimal) -> Decimal {
    let below = values.iter().filter(|v| **v < value).count();
    let equal = values.iter().filter(|v| **v == value).count();
    rank_of_run(below, equal, values.len())
}

/// [`percent_rank`] of every value of `sorted` (ascending), in its order: one walk, each run
/// of equal values worked out once (no search per value).
pub fn percent_ranks(sorted: &[Decimal]) -> Vec<Decimal> {
    let mut ranks = Vec::with_capacity(sorted.len());
    while let Some(&value) = sorted.get(ranks.len()) {
        let below = ranks.len();
        let equal = sorted[below..].iter().take_while(|v| **v == value).count();
        ranks.resize(below + equal, rank_of_run(below, equal, sorted.len()));
    }
    ranks
}

/// The percent rank of the `equal` values after the `below` lower ones among `len`.
fn rank_of_run(below: usize, equal: usize, len: usize) -> Decimal {
    let others = len.saturating_sub(1);
    if others == 0 {
        return Decimal::new(5000, 2);
    }
    // Counts of at most a few hundred thousand: no overflow is possible here.
    let place = Decimal::from(below) + Decimal::from(equal.saturating_sub(1)) / Decimal::TWO;
    pct(place, Decimal::from(others)).unwrap_or_default()
}

/// `value` to `places` decimals, half away from zero (as every figure of the engine).
pub fn round(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// `part` as a percentage of `whole`, 2 places half up; `None` when `whole` is 0 or on overflow.
pub fn pct(part: Decimal, whole: Decimal) -> Option<Decimal> {
    part.times(Decimal::ONE_HUNDRED)?.checked_div(whole).map(|p| round(p, 2))
}

/// A team statistic by name: `average`, `median` or `p<N>` (`p75`); `None` for another name.
pub fn statistic(name: &str, sorted: &[Decimal]) -> Option<Decimal> {
    match name {
        "average" => average(sorted),
        "median" => percentile(sorted, Decimal::from(50)),
        _ => percentile(sorted, parse_percentile(name)?),
    }
}

/// `p75` → 75 (0–100), for the `p<N>` statistics.
pub fn parse_percentile(name: &str) -> Option<Decimal> {
    let p: Decimal = name.strip_prefix('p')?.parse().ok()?;
    (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&p).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn average_median_and_percentiles_as_a_spreadsheet_gives_them() {
        let v: Vec<Decimal> = ["70", "80", "85", "92", "100"].iter().map(|s| d(s)).collect();
        assert_eq!(average(&v), Some(d("85.4")));
        assert_eq!(statistic("median", &v), Some(d("85")));
        // PERCENTILE.INC({70,80,85,92,100}, 0.75) = 92; 0.9 → 92 + 0.6 × 8 = 96.8
        assert_eq!(statistic("p75", &v), Some(d("92")));
        assert_eq!(statistic("p90", &v), Some(d("96.8")));
        assert_eq!(statistic("p101", &v), None);
        assert_eq!(statistic("mean", &v), None);
    }

    #[test]
    fn percent_rank_counts_the_values_below_and_ties_share_their_places() {
        let v: Vec<Decimal> = ["1", "2", "2", "3", "5"].iter().map(|s| d(s)).collect();
        assert_eq!(percent_rank(&v, d("1")), d("0"));
        // The two 2s hold places 1 and 2 of 0–4: both stand at 1.5 / 4 = 37.5%.
        assert_eq!(percent_rank(&v, d("2")), d("37.5"));
        assert_eq!(percent_rank(&v, d("3")), d("75"));
        let all_equal = vec![d("9"); 4];
        assert_eq!(percent_rank(&all_equal, d("9")), d("50"));
        assert_eq!(percent_rank(&v, d("5")), d("100"));
        assert_eq!(percent_rank(&[d("7")], d("7")), d("50"));
    }

    #[test]
    fn percent_ranks_in_one_walk_are_percent_rank_of_each_value() {
        let v: Vec<Decimal> = ["1", "2", "2.0", "3", "5", "5", "5"].iter().map(|s| d(s)).collect();
        // The 2s hold places 1–2 of 0–6 (1.5 / 6 = 25%), the 5s places 4–6 (5 / 6 ≈ 83.33%).
        assert_eq!(percent_ranks(&v), ["0", "25", "25", "50", "83.33", "83.33", "83.33"].map(d));
        assert_eq!(percent_ranks(&[d("7")]), [d("50")]);
        assert_eq!(percent_ranks(&[]), Vec::<Decimal>::new());
    }

    proptest::proptest! {
        #[test]
        fn percent_ranks_agree_with_percent_rank(mut cents in proptest::collection::vec(-500i64..500, 0..60), scale in 0u32..3) {
            cents.sort_unstable();
            let sorted: Vec<Decimal> = cents.iter().map(|&c| Decimal::new(c / 7, scale)).collect();
            let each: Vec<Decimal> = sorted.iter().map(|&v| percent_rank(&sorted, v)).collect();
            proptest::prop_assert_eq!(percent_ranks(&sorted), each);
        }

        #[test]
        fn percent_rank_unsorted_is_percent_rank_in_any_order(cents in proptest::collection::vec(-50i64..50, 1..40), pick in 0usize..40, scale in 0u32..3) {
            let values: Vec<Decimal> = cents.iter().map(|&c| Decimal::new(c, scale)).collect();
            let value = values[pick % values.len()];
            let mut sorted = values.clone();
            sorted.sort_unstable();
            proptest::prop_assert_eq!(percent_rank_unsorted(&values, value), percent_rank(&sorted, value));
        }
    }
}
