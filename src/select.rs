//! The first rows of a table in the order of an integer key, without ordering the others: the
//! first page of 100,000 rows by total pay is 50 rows found in one pass, not a partition of all
//! 100,000 (issue 7: the visible rows reach JavaScript in a millisecond). The standard
//! library's selection and sort would be compiled again for these keys (about 3.7 KB of the
//! package gzipped); a page's rows are kept in order as they are found instead.

/// The most rows [`first_by_key`] finds: a page. Kept in order by insertion, a larger number
/// could cost a move per row for each row.
pub(crate) const MOST: usize = 256;

/// Puts the `wanted` rows of `rows` (at most [`MOST`]) with the smallest keys first, in key
/// order; the others after them, in their order. Each row's key (`key`) must be distinct, as
/// a figure paired with its row is.
pub(crate) fn first_by_key(rows: &mut [u32], wanted: usize, key: impl Fn(u32) -> (i64, u32)) {
    let wanted = wanted.min(MOST);
    // The smallest keys so far, in order.
    let mut first: Vec<(i64, u32)> = Vec::with_capacity(wanted + 1);
    for &row in rows.iter() {
        let k = key(row);
        if first.len() == wanted && first.last().is_none_or(|last| k >= *last) {
            continue;
        }
        let at = first.partition_point(|f| *f < k);
        first.insert(at, k);
        first.truncate(wanted);
    }
    let Some(&last) = first.last() else { return };
    let mut ordered: Vec<u32> = first.iter().map(|&(_, row)| row).collect();
    ordered.extend(rows.iter().copied().filter(|&row| key(row) > last));
    rows.copy_from_slice(&ordered);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// The first rows are those a full sort puts first, in its order; every row stays.
        #[test]
        fn the_first_rows_are_those_a_full_sort_puts_first(figures in prop::collection::vec(-20i64..20, 0..400), wanted in 0usize..=MOST) {
            let key = |r: u32| (figures[r as usize], r);
            let mut rows: Vec<u32> = (0..figures.len() as u32).rev().collect();
            first_by_key(&mut rows, wanted, key);
            let mut sorted: Vec<u32> = (0..figures.len() as u32).collect();
            sorted.sort_by_key(|&r| key(r));
            let first = wanted.min(rows.len());
            prop_assert_eq!(&rows[..first], &sorted[..first]);
            let mut all = rows.clone();
            all.sort_unstable();
            prop_assert_eq!(all, (0..figures.len() as u32).collect::<Vec<_>>());
        }
    }

    #[test]
    fn rows_in_descending_key_order_each_become_first_in_turn() {
        // The worst case for insertion: every row is smaller than those found before it.
        let figures: Vec<i64> = (0..1000).rev().collect();
        let mut rows: Vec<u32> = (0..1000).collect();
        first_by_key(&mut rows, 50, |r| (figures[r as usize], r));
        assert_eq!(rows[..50], (950..1000).rev().collect::<Vec<u32>>()[..]);
        assert_eq!(rows[50..], (0..950).collect::<Vec<u32>>()[..]);
    }
}
