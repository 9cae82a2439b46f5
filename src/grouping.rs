//! Items grouped by a name (a region, a role), the groups in name order: what a `BTreeMap`
//! keyed by the name gives, without comparing every item's name against the tree. An
//! evaluation groups every rep several times, and there are few groups; the names are
//! mostly the data's shared labels, so equal names are usually the same bytes in memory.

/// `items` grouped by their name, each group's items in the order given, groups ordered by name.
pub fn by_name<'a, T>(items: impl IntoIterator<Item = (&'a str, T)>) -> Vec<(&'a str, Vec<T>)> {
    let mut groups: Vec<(&'a str, Vec<T>)> = Vec::new();
    let mut last = 0;
    for (name, item) in items {
        let same = |g: &(&str, Vec<T>)| same_name(g.0, name);
        if !groups.get(last).is_some_and(same) {
            last = match groups.iter().position(same) {
                Some(at) => at,
                None => {
                    groups.push((name, Vec::new()));
                    groups.len() - 1
                }
            };
        }
        groups[last].1.push(item);
    }
    crate::sorting::sort_by(&mut groups, |a, b| a.0.cmp(b.0));
    groups
}

/// The distinct names among `names`, in name order.
pub fn distinct<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    by_name(names.into_iter().map(|name| (name, ()))).into_iter().map(|(name, _)| name).collect()
}

/// Equal names, checked by address first: the data's labels are shared.
fn same_name(a: &str, b: &str) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    #[test]
    fn groups_in_name_order_items_in_given_order() {
        let east = String::from("East");
        let items = [("West", 0), (east.as_str(), 1), ("East", 2), ("West", 3), ("North", 4)];
        assert_eq!(by_name(items), vec![("East", vec![1, 2]), ("North", vec![4]), ("West", vec![0, 3])]);
        assert_eq!(distinct(items.map(|(name, _)| name)), ["East", "North", "West"]);
    }

    proptest! {
        /// The same groups as a BTreeMap keyed by the name.
        #[test]
        fn same_as_a_btree_map(names in prop::collection::vec("[a-c]{0,2}", 0..40)) {
            let mut tree: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for (i, n) in names.iter().enumerate() {
                tree.entry(n.as_str()).or_default().push(i);
            }
            let expected: Vec<(&str, Vec<usize>)> = tree.into_iter().collect();
            prop_assert_eq!(by_name(names.iter().enumerate().map(|(i, n)| (n.as_str(), i))), expected);
        }
    }
}
