//! The first rows of a table in the order of an integer key (or its reverse), without ordering
//! the others: the first page of 100,000 rows by total pay is 50 rows found in one pass over
//! the keys, not a partition of all 100,000 (issue 7: the visible rows reach JavaScript in a
//! millisecond). The standard library's selection and sort would be compiled again for these
//! keys (about 3.7 KB of the package gzipped); a page's rows are kept in order as they are
//! found instead.

/// The most rows [`First`] keeps: a page. Kept in order by insertion, a larger number could
/// cost a move per row for each row.
pub(crate) const MOST: usize = 256;

/// The rows with the smallest keys among those offered, in key order. A key is a figure's
/// integer (inverted when descending: a blank, the smallest, comes last) paired with its row,
/// so no two are equal.
pub(crate) struct First {
    wanted: usize,
    descending: bool,
    /// Only keys after this one are taken: the rows up to it were found before.
    after: Option<(i64, u32)>,
    /// The smallest keys so far, in order.
    first: Vec<(i64, u32)>,
}

impl First {
    /// Keeps the `wanted` smallest keys (at most [`MOST`]) after the figure and row `after`.
    pub(crate) fn new(wanted: usize, descending: bool, after: Option<(i64, u32)>) -> Self {
        let wanted = wanted.min(MOST);
        let after = after.map(|(figure, row)| key(descending, figure, row));
        First { wanted, descending, after, first: Vec::with_capacity(wanted + 1) }
    }

    /// Puts `key` in its place among the first, dropping the last when there are too many.
    #[inline(never)]
    fn insert(&mut self, key: (i64, u32)) {
        let at = self.first.partition_point(|f| *f < key);
        self.first.insert(at, key);
        self.first.truncate(self.wanted);
    }

    /// The rows found, in key order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = u32> + '_ {
        self.first.iter().map(|&(_, row)| row)
    }
}

impl crate::packed::KeySink for First {
    /// Takes row `row` if its figure `figure` is among the first so far; most rows are turned
    /// away by a comparison or two.
    #[inline(always)]
    fn take(&mut self, figure: i64, row: u32) {
        let key = key(self.descending, figure, row);
        let full_and_past = self.first.len() == self.wanted && self.first.last().is_none_or(|last| key >= *last);
        if full_and_past || self.after.is_some_and(|after| key <= after) {
            return;
        }
        self.insert(key);
    }
}

/// The key of row `row`, whose figure is `figure`.
#[inline(always)]
fn key(descending: bool, figure: i64, row: u32) -> (i64, u32) {
    (if descending { !figure } else { figure }, row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packed::KeySink;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// Page after page, the rows found are those a full sort puts there, in its order.
        #[test]
        fn each_page_is_the_next_rows_of_a_full_sort(figures in prop::collection::vec(-20i64..20, 0..400), wanted in 0usize..=MOST, descending: bool) {
            // Descending, a row with a larger figure comes first; a blank (the smallest) last.
            let key = |r: u32| (if descending { !figures[r as usize] } else { figures[r as usize] }, r);
            let mut sorted: Vec<u32> = (0..figures.len() as u32).collect();
            sorted.sort_by_key(|&r| key(r));
            let mut found = Vec::new();
            let mut after = None;
            for _ in 0..3 {
                let mut first = First::new(wanted, descending, after);
                // Offered in an order of their own: not the data's, not the keys'.
                (0..figures.len() as u32).rev().for_each(|r| first.take(figures[r as usize], r));
                found.extend(first.rows());
                after = first.rows().last().map(|r| (figures[r as usize], r)).or(after);
            }
            let shown = (3 * wanted).min(figures.len());
            prop_assert_eq!(&found[..], &sorted[..shown]);
        }
    }

    #[test]
    fn rows_in_descending_key_order_each_become_first_in_turn() {
        // The worst case for insertion: every row is smaller than those found before it.
        let mut first = First::new(50, false, None);
        (0..1000).for_each(|r| first.take(1000 - i64::from(r), r));
        assert_eq!(first.rows().collect::<Vec<_>>(), (950..1000).rev().collect::<Vec<u32>>());
        let mut after = First::new(50, false, Some((50, 950)));
        (0..1000).for_each(|r| after.take(1000 - i64::from(r), r));
        assert_eq!(after.rows().collect::<Vec<_>>(), (900..950).rev().collect::<Vec<u32>>());
    }

    #[test]
    fn no_row_is_wanted_past_a_page_of_the_most() {
        let mut first = First::new(MOST + 10, true, None);
        (0..1000).for_each(|r| first.take(0, r));
        assert_eq!(first.rows().count(), MOST);
    }
}
