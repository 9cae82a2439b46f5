//! Whole numbers below 2³² (indices into a list, ranks) kept in 1, 2 or 4 bytes each: a list
//! is as narrow as its largest number allows, and widens when a larger one is pushed.

use crate::packed::collect_with;

/// A list of indices, each in 1, 2 or 4 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackedIndices {
    /// Every index is below 2⁸.
    Byte(Vec<u8>),
    /// Every index is below 2¹⁶.
    Half(Vec<u16>),
    /// Every index is below 2³².
    Word(Vec<u32>),
}

impl Default for PackedIndices {
    fn default() -> Self {
        PackedIndices::with_capacity(0)
    }
}

impl PackedIndices {
    /// An empty list with room for `n` indices.
    pub fn with_capacity(n: usize) -> Self {
        PackedIndices::Byte(Vec::with_capacity(n))
    }

    /// Appends `index`; one of 2³² or more is kept as `u32::MAX`, which no list of the
    /// engine's reaches (a dataset holds at most 2,000,000 rows).
    pub fn push(&mut self, index: usize) {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        match self {
            PackedIndices::Byte(cells) => match u8::try_from(index) {
                Ok(i) => cells.push(i),
                Err(_) => self.widen_and_push(index),
            },
            PackedIndices::Half(cells) => match u16::try_from(index) {
                Ok(i) => cells.push(i),
                Err(_) => self.widen_and_push(index),
            },
            PackedIndices::Word(cells) => cells.push(index),
        }
    }

    /// Converts the list to the narrowest width that holds `index` as well, and appends it.
    fn widen_and_push(&mut self, index: u32) {
        let room = self.capacity().max(self.len() + 1);
        let old = std::mem::take(self);
        *self = if u16::try_from(index).is_ok() {
            PackedIndices::Half(collect_with(room, old.iter().map(|i| i as u16)))
        } else {
            PackedIndices::Word(collect_with(room, old.iter().map(|i| i as u32)))
        };
        self.push(index as usize);
    }

    /// The index at `at`, if there is one.
    #[inline]
    pub fn get(&self, at: usize) -> Option<usize> {
        match self {
            PackedIndices::Byte(cells) => cells.get(at).map(|&i| usize::from(i)),
            PackedIndices::Half(cells) => cells.get(at).map(|&i| usize::from(i)),
            PackedIndices::Word(cells) => cells.get(at).map(|&i| i as usize),
        }
    }

    /// Every index, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter_map(|at| self.get(at))
    }

    /// Replaces every index `i` with `map(i)`.
    pub fn map_in_place(&mut self, map: impl Fn(usize) -> usize) {
        let mut mapped = PackedIndices::with_capacity(self.len());
        self.iter().for_each(|i| mapped.push(map(i)));
        *self = mapped;
    }

    /// The number of indices.
    pub fn len(&self) -> usize {
        match self {
            PackedIndices::Byte(cells) => cells.len(),
            PackedIndices::Half(cells) => cells.len(),
            PackedIndices::Word(cells) => cells.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn capacity(&self) -> usize {
        match self {
            PackedIndices::Byte(cells) => cells.capacity(),
            PackedIndices::Half(cells) => cells.capacity(),
            PackedIndices::Word(cells) => cells.capacity(),
        }
    }

    /// Gives back the room the list grew into and does not use.
    pub fn shrink_to_fit(&mut self) {
        match self {
            PackedIndices::Byte(cells) => cells.shrink_to_fit(),
            PackedIndices::Half(cells) => cells.shrink_to_fit(),
            PackedIndices::Word(cells) => cells.shrink_to_fit(),
        }
    }
}

impl FromIterator<usize> for PackedIndices {
    fn from_iter<I: IntoIterator<Item = usize>>(indices: I) -> Self {
        let indices = indices.into_iter();
        let mut packed = PackedIndices::with_capacity(indices.size_hint().0);
        indices.for_each(|i| packed.push(i));
        packed
    }
}

#[cfg(test)]
mod tests {
    use super::PackedIndices;
    use proptest::prelude::*;

    fn bytes(list: &PackedIndices) -> usize {
        match list {
            PackedIndices::Byte(_) => 1,
            PackedIndices::Half(_) => 2,
            PackedIndices::Word(_) => 4,
        }
    }

    #[test]
    fn a_list_widens_at_each_boundary_and_keeps_its_indices() {
        for (indices, width) in [(vec![0, 255], 1), (vec![3, 256, 1], 2), (vec![65_535, 0], 2), (vec![7, 65_536], 4), (vec![0, 300, 70_000, 2], 4), (vec![u32::MAX as usize], 4)] {
            let list: PackedIndices = indices.iter().copied().collect();
            assert_eq!(bytes(&list), width, "{indices:?}");
            assert_eq!(list.iter().collect::<Vec<_>>(), indices);
            assert_eq!(list.get(indices.len()), None);
        }
    }

    #[test]
    fn mapping_in_place_may_widen_or_narrow() {
        let mut list: PackedIndices = [1, 2, 3].into_iter().collect();
        list.map_in_place(|i| i * 1_000);
        assert_eq!((bytes(&list), list.iter().collect::<Vec<_>>()), (2, vec![1_000, 2_000, 3_000]));
        list.map_in_place(|i| i / 1_000 - 1);
        assert_eq!((bytes(&list), list.iter().collect::<Vec<_>>()), (1, vec![0, 1, 2]));
    }

    proptest! {
        #[test]
        fn any_indices_come_back(indices in prop::collection::vec(prop_oneof![0usize..256, 0usize..65_536, 0usize..(u32::MAX as usize)], 0..50)) {
            let list: PackedIndices = indices.iter().copied().collect();
            prop_assert_eq!(list.len(), indices.len());
            prop_assert_eq!(list.iter().collect::<Vec<_>>(), indices.clone());
            let widest = indices.iter().map(|&i| if i < 256 { 1 } else if i < 65_536 { 2 } else { 4 }).max().unwrap_or(1);
            prop_assert_eq!(bytes(&list), widest);
        }
    }
}
