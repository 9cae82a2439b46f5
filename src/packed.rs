//! Decimal figures kept in 8 bytes each instead of 20 (`Option<Decimal>`): the mantissa and
//! the scale in one `i64` when the mantissa fits 58 bits (every amount of pay and every
//! figure of a sales file does), else an index into a short list of the rest. Exact both
//! ways: a figure read back has the same value, scale and sign as the one stored.

use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The low bits hold the scale (0–28) or one of the two tags below.
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

/// A list of optional decimal figures, 8 bytes each. Two lists are equal when they hold
/// the same figures at the same scales (`1.0` and `1.00` differ, as their text does).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackedFigures {
    cells: Vec<i64>,
    /// The figures whose mantissa is too wide to pack, and negative zeros (their sign would be lost).
    large: Vec<Decimal>,
}

impl PackedFigures {
    /// An empty list with room for `n` figures.
    pub fn with_capacity(n: usize) -> Self {
        PackedFigures { cells: Vec::with_capacity(n), large: Vec::new() }
    }

    /// Appends `value` (`None` for a blank).
    pub fn push(&mut self, value: Option<Decimal>) {
        let cell = match value {
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
        };
        self.cells.push(cell);
    }

    /// The figure at `i`; `None` for a blank or past the end.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Decimal> {
        let cell = *self.cells.get(i)?;
        match cell & TAG_MASK {
            ABSENT => None,
            LARGE => self.large.get(usize::try_from(cell >> TAG_BITS).ok()?).copied(),
            // The scale is 0–28 by construction, so this never fails.
            scale => Decimal::try_from_i128_with_scale(i128::from(cell >> TAG_BITS), scale as u32).ok(),
        }
    }

    /// How the figures at `i` and `j` compare (a blank first), as their decimals do;
    /// without unpacking them when both are packed at the same scale, as amounts are.
    #[inline]
    pub fn cmp_at(&self, i: usize, j: usize) -> Ordering {
        match (self.cells.get(i), self.cells.get(j)) {
            (Some(&a), Some(&b)) if a & TAG_MASK == b & TAG_MASK && a & TAG_MASK <= MAX_SCALE => (a >> TAG_BITS).cmp(&(b >> TAG_BITS)),
            _ => self.get(i).cmp(&self.get(j)),
        }
    }

    /// Every figure, in order.
    pub fn iter(&self) -> impl Iterator<Item = Option<Decimal>> + '_ {
        (0..self.cells.len()).map(|i| self.get(i))
    }

    /// The number of figures.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
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
    }
}
