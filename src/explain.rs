//! The trace of every figure: each scoring and pay function reports the values it used and
//! the rules that fired through a [`Trace`]. Evaluating for a table uses [`NoTrace`], which
//! compiles away; explaining a rep records an [`Explanation`] the page renders step by step.

use rust_decimal::Decimal;
use serde::Serialize;

/// Receives the named values and notes of a computation.
pub trait Trace {
    /// A named value used or produced (`actual`, `target`, `ratio`, `cap`, `score`…).
    fn value(&mut self, key: &'static str, value: Decimal);
    /// A rule that fired (`capped`, `below_threshold`, `div_by_zero`…).
    fn note(&mut self, note: &'static str);
}

/// Discards everything: the fast path.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTrace;

impl Trace for NoTrace {
    #[inline(always)]
    fn value(&mut self, _: &'static str, _: Decimal) {}
    #[inline(always)]
    fn note(&mut self, _: &'static str) {}
}

/// One named value of an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Step {
    /// What the value is, e.g. `attainment_pct`, `cap`, `tier_pay`.
    pub key: &'static str,
    /// The value; keys ending in `_pct` are in percent (`120` = 120%).
    pub value: Decimal,
}

/// How a figure was reached: the values in the order they were used, and the rules that fired.
///
/// A *quiet* explanation ([`Explanation::recording`] with `false`) records nothing and
/// allocates nothing: evaluating for a table leaves every figure's explanation empty, and
/// one rep's is worked out again when it is asked for. Equality compares the content only.
#[derive(Debug, Clone, Eq, Serialize, Default)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Explanation {
    /// The named values, in the order they were used.
    pub steps: Vec<Step>,
    /// The rules that fired, each once, e.g. `capped`, `below_threshold`, `div_by_zero`.
    pub notes: Vec<&'static str>,
    #[serde(skip)]
    quiet: bool,
}

impl PartialEq for Explanation {
    fn eq(&self, other: &Self) -> bool {
        self.steps == other.steps && self.notes == other.notes
    }
}

impl Trace for Explanation {
    fn value(&mut self, key: &'static str, value: Decimal) {
        if !self.quiet {
            self.steps.push(Step { key, value });
        }
    }
    fn note(&mut self, note: &'static str) {
        if !self.quiet && !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }
}

/// Passes everything on to an explanation, and keeps the last value recorded under each of
/// `N` keys whether the explanation records or not: for figures a result reports that are
/// only worked out as steps of a computation (a KPI's `actual`, `target`, `attainment_pct`).
pub struct Keep<'a, const N: usize> {
    explanation: &'a mut Explanation,
    keys: [&'static str; N],
    /// The last value recorded under each key, in `keys` order.
    pub values: [Option<Decimal>; N],
}

impl<'a, const N: usize> Keep<'a, N> {
    /// Keeps `keys` while recording into `explanation`.
    pub fn new(explanation: &'a mut Explanation, keys: [&'static str; N]) -> Self {
        Keep { explanation, keys, values: [None; N] }
    }
}

impl<const N: usize> Trace for Keep<'_, N> {
    fn value(&mut self, key: &'static str, value: Decimal) {
        // Keys are literals: the same literal is almost always the same pointer, so compare
        // lengths and pointers before the bytes.
        if let Some(i) = self.keys.iter().position(|k| k.len() == key.len() && (std::ptr::eq(k.as_ptr(), key.as_ptr()) || *k == key)) {
            self.values[i] = Some(value);
        }
        self.explanation.value(key, value);
    }
    fn note(&mut self, note: &'static str) {
        self.explanation.note(note);
    }
}

impl Explanation {
    /// An empty explanation that records (`record`) or is quiet (records nothing).
    pub fn recording(record: bool) -> Self {
        Explanation { quiet: !record, ..Explanation::default() }
    }

    /// The value recorded under `key`, if any (the last one when recorded twice).
    pub fn get(&self, key: &str) -> Option<Decimal> {
        self.steps.iter().rev().find(|s| s.key == key).map(|s| s.value)
    }
}
