//! Decimal figures kept in 1, 2, 3, 4 or 8 bytes each instead of 20 (`Option<Decimal>`). A list
//! keeps each figure's mantissa and scale in one `i8`, `i16`, three bytes or an `i32` while every
//! figure it holds fits the narrowest of them (a mantissa within ±2⁴, ±2¹², ±2²⁰ or ±2²⁸ at a
//! scale of 0–5: a column of counts, of ratings, of amounts up to about a million, of larger
//! amounts), and in one `i64` from the first figure that does
//! not fit 4 bytes (a mantissa within ±2⁵⁸ at any scale, else an index into a short list of the
//! rest). Exact both ways: a figure read back has the same value, scale and sign as the one stored.

use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The low bits of a wide cell hold the scale (0–28) or one of the two tags below.
const TAG_BITS: u32 = 5;
const TAG_MASK: i64 = (1 << TAG_BITS) - 1;
/// The largest scale of a decimal.
const MAX_SCALE: i64 = 28;
/// A blank figure (`None`).
const ABSENT: i64 = 30;
/// A figure kept in full in the `large` list; the high bits are its index there.
const LARGE: i64 = 31;
/// Mantissas strictly inside ±2⁵⁸ are packed in place.
const INLINE_LIMIT: u128 = 1 << 58;

/// The low bits of a narrow cell (1, 2 or 4 bytes) hold the scale (0–5) or the blank tag; a
/// narrow cell is the same number at every width, so a list widens by converting its cells.
const NARROW_TAG_BITS: u32 = 3;
const NARROW_TAG_MASK: i32 = (1 << NARROW_TAG_BITS) - 1;
/// The largest scale a narrow cell holds.
const NARROW_MAX_SCALE: u32 = 5;
/// A blank figure in a narrow cell.
const NARROW_ABSENT: i32 = 6;
/// Mantissas strictly inside ±2²⁸ fit a narrow cell of 4 bytes.
const NARROW_LIMIT: i64 = 1 << 28;

/// A list of optional decimal figures, 1 to 8 bytes each. Two lists are equal when they hold
/// the same figures at the same scales (`1.0` and `1.00` differ, as their text does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackedFigures {
    cells: Cells,
    /// The figures whose mantissa is too wide to pack, and negative zeros (their sign would be lost).
    large: Vec<Decimal>,
}

/// The cells of a list: as narrow as every figure it holds allows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cells {
    Byte(Vec<i8>),
    Half(Vec<i16>),
    /// Three little-endian bytes a cell: a narrow cell within ±2²³.
    Triple(Vec<u8>),
    Narrow(Vec<i32>),
    Wide(Vec<i64>),
}

impl Default for PackedFigures {
    fn default() -> Self {
        PackedFigures::with_capacity(0)
    }
}

impl PackedFigures {
    /// An empty list with room for `n` figures.
    pub fn with_capacity(n: usize) -> Self {
        PackedFigures { cells: Cells::Byte(Vec::with_capacity(n)), large: Vec::new() }
    }

    /// Appends `value` (`None` for a blank).
    pub fn push(&mut self, value: Option<Decimal>) {
        let Some(cell) = narrow_cell(value) else {
            // Too wide for 4 bytes.
            self.widen_to(Width::Wide);
            let cell = self.wide_cell(value);
            if let Cells::Wide(cells) = &mut self.cells {
                cells.push(cell);
            }
            return;
        };
        let pushed = match &mut self.cells {
            Cells::Byte(cells) => i8::try_from(cell).map(|c| cells.push(c)).is_ok(),
            Cells::Half(cells) => i16::try_from(cell).map(|c| cells.push(c)).is_ok(),
            Cells::Triple(cells) => fits_triple(cell) && {
                cells.extend_from_slice(&cell.to_le_bytes()[..TRIPLE]);
                true
            },
            Cells::Narrow(cells) => {
                cells.push(cell);
                true
            }
            Cells::Wide(cells) => {
                cells.push(widen(cell));
                true
            }
        };
        if !pushed {
            // Wide enough afterwards: the second push takes it.
            self.widen_to(Width::of(cell));
            self.push(value);
        }
    }

    /// Converts every cell to `width` when the list is narrower (each figure kept exactly).
    fn widen_to(&mut self, width: Width) {
        if self.width() >= width {
            return;
        }
        let room = self.capacity().max(self.len() + 1);
        let narrow = (0..self.len()).filter_map(|i| self.narrow_at(i));
        self.cells = match width {
            Width::Byte => return,
            Width::Half => Cells::Half(collect_with(room, narrow.map(|c| c as i16))),
            Width::Triple => Cells::Triple(collect_with(room * TRIPLE, narrow.flat_map(|c| c.to_le_bytes().into_iter().take(TRIPLE)))),
            Width::Narrow => Cells::Narrow(collect_with(room, narrow)),
            Width::Wide => Cells::Wide(collect_with(room, narrow.map(widen))),
        };
    }

    fn width(&self) -> Width {
        match &self.cells {
            Cells::Byte(_) => Width::Byte,
            Cells::Half(_) => Width::Half,
            Cells::Triple(_) => Width::Triple,
            Cells::Narrow(_) => Width::Narrow,
            Cells::Wide(_) => Width::Wide,
        }
    }

    pub(crate) fn capacity(&self) -> usize {
        match &self.cells {
            Cells::Byte(cells) => cells.capacity(),
            Cells::Half(cells) => cells.capacity(),
            Cells::Triple(cells) => cells.capacity() / TRIPLE,
            Cells::Narrow(cells) => cells.capacity(),
            Cells::Wide(cells) => cells.capacity(),
        }
    }

    /// Gives back the room the list grew into and does not use.
    pub fn shrink_to_fit(&mut self) {
        self.large.shrink_to_fit();
        match &mut self.cells {
            Cells::Byte(cells) => cells.shrink_to_fit(),
            Cells::Half(cells) => cells.shrink_to_fit(),
            Cells::Triple(cells) => cells.shrink_to_fit(),
            Cells::Narrow(cells) => cells.shrink_to_fit(),
            Cells::Wide(cells) => cells.shrink_to_fit(),
        }
    }

    /// The wide cell of `value`, keeping it in `large` when its mantissa is too wide.
    fn wide_cell(&mut self, value: Option<Decimal>) -> i64 {
        match value {
            None => ABSENT,
            Some(d) => {
                let m = d.mantissa();
                let negative_zero = m == 0 && d.is_sign_negative();
                match i64::try_from(m) {
                    Ok(m) if m.unsigned_abs() < INLINE_LIMIT as u64 && !negative_zero => (m << TAG_BITS) | i64::from(d.scale() as u8),
                    _ => {
                        self.large.push(d);
                        ((self.large.len() as i64 - 1) << TAG_BITS) | LARGE
                    }
                }
            }
        }
    }

    /// The cell at `i` of a list of narrow cells (any width but 8 bytes), as 4 bytes.
    #[inline]
    fn narrow_at(&self, i: usize) -> Option<i32> {
        match &self.cells {
            Cells::Byte(cells) => cells.get(i).map(|&c| i32::from(c)),
            Cells::Half(cells) => cells.get(i).map(|&c| i32::from(c)),
            Cells::Triple(cells) => triple_at(cells, i),
            Cells::Narrow(cells) => cells.get(i).copied(),
            Cells::Wide(_) => None,
        }
    }

    /// The figure at `i`; `None` for a blank or past the end.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Decimal> {
        match &self.cells {
            Cells::Byte(cells) => narrow_figure(i32::from(*cells.get(i)?)),
            Cells::Half(cells) => narrow_figure(i32::from(*cells.get(i)?)),
            Cells::Triple(cells) => narrow_figure(triple_at(cells, i)?),
            Cells::Narrow(cells) => narrow_figure(*cells.get(i)?),
            Cells::Wide(cells) => {
                let cell = *cells.get(i)?;
                match cell & TAG_MASK {
                    ABSENT => None,
                    LARGE => self.large.get(usize::try_from(cell >> TAG_BITS).ok()?).copied(),
                    // The scale is 0–28 by construction, so this never fails.
                    scale => Decimal::try_from_i128_with_scale(i128::from(cell >> TAG_BITS), scale as u32).ok(),
                }
            }
        }
    }

    /// How the figures at `i` and `j` compare (a blank first), as their decimals do;
    /// without unpacking them when both are packed at the same scale, as amounts are.
    #[inline]
    pub fn cmp_at(&self, i: usize, j: usize) -> Ordering {
        let same_scale = match &self.cells {
            Cells::Wide(cells) => match (cells.get(i), cells.get(j)) {
                (Some(&a), Some(&b)) if a & TAG_MASK == b & TAG_MASK && a & TAG_MASK <= MAX_SCALE => Some((a >> TAG_BITS).cmp(&(b >> TAG_BITS))),
                _ => None,
            },
            _ => match (self.narrow_at(i), self.narrow_at(j)) {
                (Some(a), Some(b)) if a & NARROW_TAG_MASK == b & NARROW_TAG_MASK && a & NARROW_TAG_MASK != NARROW_ABSENT => Some((a >> NARROW_TAG_BITS).cmp(&(b >> NARROW_TAG_BITS))),
                _ => None,
            },
        };
        same_scale.unwrap_or_else(|| self.get(i).cmp(&self.get(j)))
    }

    /// Each figure's sort key and index, in order, handed to `each`: an integer that orders as
    /// the figure does (a blank first), when every figure is packed in place at one scale, as a
    /// column of money is. Stops and returns `false` at the first figure packed otherwise.
    /// Choosing the first page of 100,000 rows in one pass over these keys, instead of unpacking
    /// two cells per comparison, is what brings it under a millisecond.
    pub fn for_each_key(&self, each: &mut impl KeySink) -> bool {
        match &self.cells {
            Cells::Byte(cells) => narrow_keys(cells.iter().map(|&c| i32::from(c)), each),
            Cells::Half(cells) => narrow_keys(cells.iter().map(|&c| i32::from(c)), each),
            Cells::Triple(cells) => narrow_keys(cells.chunks_exact(TRIPLE).map(triple), each),
            Cells::Narrow(cells) => narrow_keys(cells.iter().copied(), each),
            Cells::Wide(cells) => {
                let mut scale = None;
                for (&cell, i) in cells.iter().zip(0u32..) {
                    match (cell & TAG_MASK, wide_key(cell)) {
                        (ABSENT, _) => each.take(i64::MIN, i),
                        (tag, Some(key)) if *scale.get_or_insert(tag) == tag => each.take(key, i),
                        _ => return false,
                    }
                }
                true
            }
        }
    }

    /// The sort key of figure `i` (see [`PackedFigures::for_each_key`]) when it is packed in place.
    pub fn key_at(&self, i: usize) -> Option<i64> {
        match &self.cells {
            Cells::Wide(cells) => wide_key(*cells.get(i)?),
            _ => self.narrow_at(i).map(narrow_key),
        }
    }

    /// Every figure, in order.
    pub fn iter(&self) -> impl Iterator<Item = Option<Decimal>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The number of figures.
    pub fn len(&self) -> usize {
        match &self.cells {
            Cells::Byte(cells) => cells.len(),
            Cells::Half(cells) => cells.len(),
            Cells::Triple(cells) => cells.len() / TRIPLE,
            Cells::Narrow(cells) => cells.len(),
            Cells::Wide(cells) => cells.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes per figure: 1, 2, 3, 4 or 8.
    #[cfg(test)]
    fn cell_bytes(&self) -> usize {
        match self.width() {
            Width::Byte => 1,
            Width::Half => 2,
            Width::Triple => TRIPLE,
            Width::Narrow => 4,
            Width::Wide => 8,
        }
    }
}

/// How many bytes a list's cells take, narrowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Width {
    Byte,
    Half,
    Triple,
    Narrow,
    Wide,
}

impl Width {
    /// The narrowest width that holds a narrow cell.
    fn of(cell: i32) -> Width {
        if i8::try_from(cell).is_ok() {
            Width::Byte
        } else if i16::try_from(cell).is_ok() {
            Width::Half
        } else if fits_triple(cell) {
            Width::Triple
        } else {
            Width::Narrow
        }
    }
}

/// Bytes in a cell of three.
const TRIPLE: usize = 3;

/// Whether a narrow cell fits three bytes.
fn fits_triple(cell: i32) -> bool {
    (-(1 << 23)..1 << 23).contains(&cell)
}

/// The cell at `i` of a list of three-byte cells, sign-extended.
#[inline]
fn triple_at(cells: &[u8], i: usize) -> Option<i32> {
    cells.get(i * TRIPLE..i * TRIPLE + TRIPLE).map(triple)
}

/// The narrow cell three little-endian bytes hold.
#[inline(always)]
fn triple(b: &[u8]) -> i32 {
    i32::from_le_bytes([0, b[0], b[1], b[2]]) >> 8
}

/// `items` in a vector with room for `room`.
pub(crate) fn collect_with<T>(room: usize, items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::with_capacity(room);
    out.extend(items);
    out
}

/// The narrow cell of `value`, when it has one.
fn narrow_cell(value: Option<Decimal>) -> Option<i32> {
    let Some(d) = value else { return Some(NARROW_ABSENT) };
    let m = i64::try_from(d.mantissa()).ok()?;
    let negative_zero = m == 0 && d.is_sign_negative();
    if d.scale() > NARROW_MAX_SCALE || m.unsigned_abs() >= NARROW_LIMIT as u64 || negative_zero {
        return None;
    }
    i32::try_from((m << NARROW_TAG_BITS) | i64::from(d.scale())).ok()
}

/// The figure of a narrow cell.
#[inline]
fn narrow_figure(cell: i32) -> Option<Decimal> {
    match cell & NARROW_TAG_MASK {
        NARROW_ABSENT => None,
        // The scale is 0–5 by construction, so this never fails.
        scale => Decimal::try_new(i64::from(cell >> NARROW_TAG_BITS), scale as u32).ok(),
    }
}

/// What [`PackedFigures::for_each_key`] hands each figure's sort key and index to. A trait
/// rather than a closure so that its method, marked to be inlined, is: a call per row would
/// double the pass.
pub trait KeySink {
    /// Takes figure `row`'s sort key.
    fn take(&mut self, key: i64, row: u32);
}

/// Hands each narrow cell's sort key and index to `each` (see [`PackedFigures::for_each_key`]).
fn narrow_keys(cells: impl Iterator<Item = i32>, each: &mut impl KeySink) -> bool {
    let mut scale = None;
    for (cell, i) in cells.zip(0u32..) {
        match cell & NARROW_TAG_MASK {
            NARROW_ABSENT => each.take(i64::MIN, i),
            tag if *scale.get_or_insert(tag) == tag => each.take(narrow_key(cell), i),
            _ => return false,
        }
    }
    true
}

/// A narrow cell's sort key: its mantissa, or the smallest key for a blank.
#[inline(always)]
fn narrow_key(cell: i32) -> i64 {
    if cell & NARROW_TAG_MASK == NARROW_ABSENT { i64::MIN } else { i64::from(cell >> NARROW_TAG_BITS) }
}

/// A wide cell's sort key: its mantissa, or the smallest key for a blank; `None` for a figure
/// kept out of place (too large for the cell).
#[inline(always)]
fn wide_key(cell: i64) -> Option<i64> {
    match cell & TAG_MASK {
        ABSENT => Some(i64::MIN),
        tag if tag <= MAX_SCALE => Some(cell >> TAG_BITS),
        _ => None,
    }
}

/// A narrow cell as a wide one (the same figure).
fn widen(cell: i32) -> i64 {
    match cell & NARROW_TAG_MASK {
        NARROW_ABSENT => ABSENT,
        scale => (i64::from(cell >> NARROW_TAG_BITS) << TAG_BITS) | i64::from(scale),
    }
}

impl FromIterator<Option<Decimal>> for PackedFigures {
    fn from_iter<I: IntoIterator<Item = Option<Decimal>>>(values: I) -> Self {
        let values = values.into_iter();
        let mut packed = PackedFigures::with_capacity(values.size_hint().0);
        values.for_each(|v| packed.push(v));
        packed
    }
}

#[cfg(test)]
mod tests {
    use super::PackedFigures;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// Value, scale and sign: what `Display` shows.
    fn exact(d: Option<Decimal>) -> Option<(String, u32, bool)> {
        d.map(|d| (d.to_string(), d.scale(), d.is_sign_negative()))
    }

    fn round_trip(values: &[Option<Decimal>]) {
        let mut packed = PackedFigures::default();
        for v in values {
            packed.push(*v);
        }
        // As narrow as the widest figure needs: a mantissa within ±2⁴ (1 byte), ±2¹² (2), ±2²⁰
        // (3) or ±2²⁸ (4) at a scale of 0–5, not a negative zero; else 8 bytes.
        let bytes = |d: &Decimal| match d.mantissa() {
            _ if d.scale() > 5 || (d.is_zero() && d.is_sign_negative()) => 8,
            m if m.abs() >= 1 << 28 => 8,
            m if (-16..16).contains(&m) => 1,
            m if (-4096..4096).contains(&m) => 2,
            m if (-(1 << 20)..1 << 20).contains(&m) => 3,
            _ => 4,
        };
        assert_eq!(packed.cell_bytes(), values.iter().flatten().map(bytes).max().unwrap_or(1), "{values:?}");
        assert_eq!(packed.len(), values.len());
        for (i, v) in values.iter().enumerate() {
            assert_eq!(exact(packed.get(i)), exact(*v), "figure {i}");
        }
        assert_eq!(packed.get(values.len()), None);
        for i in 0..values.len() {
            for j in 0..values.len() {
                assert_eq!(packed.cmp_at(i, j), values[i].cmp(&values[j]), "figures {i} and {j}");
            }
        }
        // Sort keys exactly when every figure is packed in place at one scale, ordered as the figures.
        let scales: rustc_hash::FxHashSet<u32> = values.iter().flatten().map(|d| d.scale()).collect();
        let in_place = values.iter().flatten().all(|d| d.mantissa().unsigned_abs() < 1 << 58 && !(d.is_zero() && d.is_sign_negative()));
        let mut keys = Vec::new();
        let all_keyed = packed.for_each_key(&mut keys);
        assert_eq!(all_keyed, scales.len() <= 1 && in_place, "{values:?}");
        if all_keyed {
            assert_eq!(keys.iter().map(|k| k.0 as usize).collect::<Vec<_>>(), (0..values.len()).collect::<Vec<_>>());
            for (i, &(_, key)) in keys.iter().enumerate() {
                assert_eq!(packed.key_at(i), Some(key), "key of figure {i}");
                for j in 0..keys.len() {
                    assert_eq!(key.cmp(&keys[j].1), values[i].cmp(&values[j]), "keys of figures {i} and {j}");
                }
            }
        }
    }

    impl super::KeySink for Vec<(u32, i64)> {
        fn take(&mut self, key: i64, row: u32) {
            self.push((row, key));
        }
    }

    #[test]
    fn narrow_figures_and_a_list_that_widens_come_back_exactly() {
        let limit = 1i64 << 28;
        let narrow = [None, Some(Decimal::ZERO), Some(Decimal::new(limit - 1, 0)), Some(Decimal::new(-(limit - 1), 5)), Some(Decimal::new(1_200_000, 0)), Some(Decimal::new(-5, 1)), None];
        round_trip(&narrow);
        // Each way of not fitting, first, in the middle and last.
        let mut negative_zero = Decimal::new(0, 2);
        negative_zero.set_sign_negative(true);
        for wide in [Decimal::new(limit, 0), Decimal::new(-limit, 2), Decimal::new(1, 6), negative_zero, Decimal::MAX] {
            for at in [0, 3, narrow.len()] {
                let mut values = narrow.to_vec();
                values.insert(at, Some(wide));
                round_trip(&values);
            }
        }
    }

    #[test]
    fn a_list_is_as_narrow_as_its_widest_figure() {
        let fig = |m: i64, scale: u32| Some(Decimal::new(m, scale));
        round_trip(&[None, fig(-16, 0), fig(15, 5), None]);
        round_trip(&[fig(16, 0)]);
        round_trip(&[fig(-17, 2), None]);
        round_trip(&[fig(-4096, 1), fig(4095, 0)]);
        round_trip(&[fig(4096, 0), None]);
        round_trip(&[fig((1 << 20) - 1, 0), fig(-(1 << 20), 5), None, fig(-1, 0)]);
        round_trip(&[fig(1 << 20, 2), fig(-4097, 0)]);
        round_trip(&[fig(-(1 << 20) - 1, 0)]);
        // Widening a step at a time, then from one byte to eight at once.
        round_trip(&[fig(1, 0), fig(100, 0), fig(100_000, 0), fig(10_000_000, 0), fig(1, 6), fig(2, 0)]);
        round_trip(&[fig(1, 0), None, fig(100_000_000_000, 0), fig(-3, 1)]);
    }

    #[test]
    fn edge_figures_come_back_exactly() {
        let mut negative_zero = Decimal::new(0, 2);
        negative_zero.set_sign_negative(true);
        let limit = 1i64 << 58;
        round_trip(&[
            None,
            Some(Decimal::ZERO),
            Some(negative_zero),
            Some(Decimal::new(3_800_000, 2)),
            Some(Decimal::new(-5, 1)),
            Some(Decimal::new(limit - 1, 0)),
            Some(Decimal::new(-(limit - 1), 28)),
            Some(Decimal::new(limit, 3)),
            Some(Decimal::new(-limit, 0)),
            Some(Decimal::MAX),
            Some(Decimal::MIN),
            // Its absolute value does not fit an i64: taken as wide, not as a narrow 0.
            Some(Decimal::from(i64::MIN)),
            Some(Decimal::new(i64::MIN, 2)),
            Some(Decimal::new(1, 28)),
            None,
        ]);
    }

    proptest! {
        #[test]
        fn any_decimal_comes_back_exactly(parts in prop::collection::vec((any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28, 0u8..4, any::<bool>()), 0..60)) {
            let values: Vec<Option<Decimal>> = parts
                .iter()
                .map(|&(lo, mid, hi, negative, scale, width, blank)| {
                    // Small mantissas are the common case: narrow most of them.
                    let (mid, hi) = match width { 0 => (0, 0), 1 => (mid & 0x03ff_ffff, 0), 2 => (mid, 0), _ => (mid, hi) };
                    (!blank).then(|| Decimal::from_parts(lo, mid, hi, negative, scale))
                })
                .collect();
            round_trip(&values);
        }

        /// Lists of figures at one scale, as a column of money is: sorted by their keys.
        #[test]
        fn one_scale_lists_come_back_exactly(parts in prop::collection::vec((any::<i64>(), any::<bool>(), 0u32..64), 0..60), scale in 0u32..=28) {
            let values: Vec<Option<Decimal>> = parts
                .iter()
                // Mantissas of every size below 2⁵⁸ (beyond, a figure is kept out of place), either sign.
                .map(|&(m, blank, bits)| (!blank).then(|| Decimal::new(m >> bits.max(5), scale)))
                .collect();
            round_trip(&values);
        }

        /// Lists of figures that mostly fit 1, 2, 3 or 4 bytes (a sales file's), now and then one
        /// that does not.
        #[test]
        fn narrow_lists_come_back_exactly(parts in prop::collection::vec((any::<u32>(), any::<bool>(), 0u32..=5, any::<bool>(), 0u8..40), 0..60)) {
            let values: Vec<Option<Decimal>> = parts
                .iter()
                .map(|&(lo, negative, scale, blank, odd)| {
                    let lo = match odd {
                        0 => lo,
                        2..=13 => lo & 0xf,
                        14..=26 => lo & 0xfff,
                        27..=33 => lo & 0xf_ffff,
                        _ => lo & 0x0fff_ffff,
                    };
                    (!blank).then(|| Decimal::from_parts(lo, 0, 0, negative, if odd == 1 { 6 } else { scale }))
                })
                .collect();
            round_trip(&values);
        }
    }
}
