//! Sorting that shares one compiled sort. The standard library's sort is compiled again for
//! every item type and comparison, about 3 KB of the package each; here every list is sorted
//! as its indices, through one comparison called by reference, and then put in that order.
//! For lists that are short or sorted once per evaluation; the hot sorts (ranking every rep
//! in [`crate::order`], the results table's rows) keep their own compiled sorts.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably: equal items keep their order.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order = sorted_indices(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The indices `0..len` in the order `cmp` sorts them, stably: the one compiled sort (also
/// for a caller whose items are indices already).
pub fn sorted_indices(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves `items[order[k]]` to `k` for every `k`, following each cycle of the permutation
/// once; `order` is used up (each visited entry is marked).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    const VISITED: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let next = std::mem::replace(&mut order[at], VISITED);
            if next == VISITED || next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_items_keep_their_order() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        sort_by(&mut items, |a, b| b.0.cmp(&a.0));
        assert_eq!(items, [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]);
    }

    proptest! {
        /// The same order as the standard library's stable sort, on any list (with many ties).
        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            let mut got = items.clone();
            sort_by_key(&mut got, |&(k, _)| k);
            prop_assert_eq!(&got, &expected);
            let mut whole = items;
            sort(&mut whole);
            expected.sort();
            prop_assert_eq!(whole, expected);
        }
    }
}
