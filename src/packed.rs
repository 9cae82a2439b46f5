//! Decimal figures kept in 4 or 8 bytes each instead of 20 (`Option<Decimal>`). A list keeps
//! each figure's mantissa and scale in one `i32` while every figure it holds fits (a mantissa
//! within ±2²⁸ at a scale of 0–5: the figures of a sales file and the pay of most reps), and
//! in one `i64` from the first figure that does not (a mantissa within ±2⁵⁸ at any scale,
//! else an index into a short list of the rest). Exact both ways: a figure read back has the
//! same value, scale and sign as the one stored.

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

/// The low bits of a narrow cell hold the scale (0–5) or the blank tag.
const NARROW_TAG_BITS: u32 = 3;
const NARROW_TAG_MASK: i32 = (1 << NARROW_TAG_BITS) - 1;
/// The largest scale a narrow cell holds.
const NARROW_MAX_SCALE: u32 = 5;
/// A blank figure in a narrow cell.
const NARROW_ABSENT: i32 = 6;
/// Mantissas strictly inside ±2²⁸ fit a narrow cell.
const NARROW_LIMIT: i64 = 1 << 28;

/// A list of optional decimal figures, 4 or 8 bytes each. Two lists are equal when they hold
/// the same figures at the same scales (`1.0` and `1.00` differ, as their text does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackedFigures {
    cells: Cells,
    /// The figures whose mantissa is too wide to pack, and negative zeros (their sign would be lost).
    large: Vec<Decimal>,
}

/// The cells of a list: narrow while every figure fits one, then wide.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cells {
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
        PackedFigures { cells: Cells::Narrow(Vec::with_capacity(n)), large: Vec::new() }
    }

    /// Appends `value` (`None` for a blank).
    pub fn push(&mut self, value: Option<Decimal>) {
        if let Cells::Narrow(cells) = &mut self.cells {
            match narrow_cell(value) {
                Some(cell) => return cells.push(cell),
                // The first figure that does not fit: every cell widens (kept exactly).
                None => {
                    let mut wide = Vec::with_capacity(cells.capacity().max(cells.len() + 1));
                    wide.extend(cells.iter().map(|&c| widen(c)));
                    self.cells = Cells::Wide(wide);
                }
            }
        }
        let cell = self.wide_cell(value);
        if let Cells::Wide(cells) = &mut self.cells {
            cells.push(cell);
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

    /// The figure at `i`; `None` for a blank or past the end.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Decimal> {
        match &self.cells {
            Cells::Narrow(cells) => {
                let cell = *cells.get(i)?;
                match cell & NARROW_TAG_MASK {
                    NARROW_ABSENT => None,
                    // The scale is 0–5 by construction, so this never fails.
                    scale => Decimal::try_new(i64::from(cell >> NARROW_TAG_BITS), scale as u32).ok(),
                }
            }
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
            Cells::Narrow(cells) => match (cells.get(i), cells.get(j)) {
                (Some(&a), Some(&b)) if a & NARROW_TAG_MASK == b & NARROW_TAG_MASK && a & NARROW_TAG_MASK != NARROW_ABSENT => Some((a >> NARROW_TAG_BITS).cmp(&(b >> NARROW_TAG_BITS))),
                _ => None,
            },
            Cells::Wide(cells) => match (cells.get(i), cells.get(j)) {
                (Some(&a), Some(&b)) if a & TAG_MASK == b & TAG_MASK && a & TAG_MASK <= MAX_SCALE => Some((a >> TAG_BITS).cmp(&(b >> TAG_BITS))),
                _ => None,
            },
        };
        same_scale.unwrap_or_else(|| self.get(i).cmp(&self.get(j)))
    }

    /// Every figure, in order.
    pub fn iter(&self) -> impl Iterator<Item = Option<Decimal>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The number of figures.
    pub fn len(&self) -> usize {
        match &self.cells {
            Cells::Narrow(cells) => cells.len(),
            Cells::Wide(cells) => cells.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the figures are kept in 4 bytes each.
    #[cfg(test)]
    fn is_narrow(&self) -> bool {
        matches!(self.cells, Cells::Narrow(_))
    }
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
        // Narrow exactly when every figure fits 4 bytes: a mantissa within ±2²⁸ at a scale of
        // 0–5, not a negative zero.
        let fits = |d: &Decimal| d.scale() <= 5 && d.mantissa().abs() < 1 << 28 && !(d.is_zero() && d.is_sign_negative());
        assert_eq!(packed.is_narrow(), values.iter().flatten().all(fits), "{values:?}");
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

        /// Lists of figures that mostly fit 4 bytes (a sales file's), now and then one that
        /// does not.
        #[test]
        fn narrow_lists_come_back_exactly(parts in prop::collection::vec((any::<u32>(), any::<bool>(), 0u32..=5, any::<bool>(), 0u8..40), 0..60)) {
            let values: Vec<Option<Decimal>> = parts
                .iter()
                .map(|&(lo, negative, scale, blank, odd)| {
                    let lo = if odd == 0 { lo } else { lo & 0x0fff_ffff };
                    (!blank).then(|| Decimal::from_parts(lo, 0, 0, negative, if odd == 1 { 6 } else { scale }))
                })
                .collect();
            round_trip(&values);
        }
    }
}
