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
    /// Whether a value under `key` would be kept: a value worked out only to be explained
    /// need not be worked out when it would not.
    fn wants(&self, key: &'static str) -> bool;
}

/// Discards everything: the fast path.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTrace;

impl Trace for NoTrace {
    #[inline(always)]
    fn value(&mut self, _: &'static str, _: Decimal) {}
    #[inline(always)]
    fn note(&mut self, _: &'static str) {}
    #[inline(always)]
    fn wants(&self, _: &'static str) -> bool {
        false
    }
}

/// One named value of an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Step {
    /// What the value is, e.g. `attainment_pct`, `cap`, `tier_pay`.
    pub key: &'static str,
    /// The value; keys ending in `_pct` are in percent (`120` = 120%).
    pub value: Decimal,
    /// The period the value is of, for a year-to-date figure's value in each of its periods
    /// (`period_score`, `period_pay`, `period_amount`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// How a figure was reached: the values in the order they were used, and the rules that fired.
///
/// A *quiet* explanation ([`Explanation::recording`] with `false`) records nothing, allocates
/// nothing and is left out of a result: evaluating for a table explains no figure, and one
/// rep's explanation is worked out again when it is asked for. Equality compares the content
/// only.
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

/// A quiet explanation (a table's evaluation) is asked for dozens of values and notes per rep:
/// the test is inlined at each of them and only the recording is called.
impl Trace for Explanation {
    #[inline(always)]
    fn value(&mut self, key: &'static str, value: Decimal) {
        if !self.quiet {
            self.push_value(key, value);
        }
    }
    #[inline(always)]
    fn note(&mut self, note: &'static str) {
        if !self.quiet {
            self.push_note(note);
        }
    }
    #[inline]
    fn wants(&self, _: &'static str) -> bool {
        !self.quiet
    }
}

impl Explanation {
    #[inline(never)]
    fn push_value(&mut self, key: &'static str, value: Decimal) {
        self.steps.push(Step { key, value, period: None });
    }

    #[inline(never)]
    fn push_note(&mut self, note: &'static str) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// An empty explanation that records (`record`) or is quiet (records nothing).
    pub fn recording(record: bool) -> Self {
        Explanation { quiet: !record, ..Explanation::default() }
    }

    /// Whether this explanation records nothing (it was not asked for): a result leaves it out.
    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Records `value` under `key` as the value of period `period` (a year-to-date figure's
    /// value in one of its periods).
    pub fn period_value(&mut self, key: &'static str, period: &str, value: Decimal) {
        if !self.quiet {
            self.steps.push(Step { key, value, period: Some(period.to_owned()) });
        }
    }

    /// The value recorded under `key`, if any (the last one when recorded twice).
    pub fn get(&self, key: &str) -> Option<Decimal> {
        self.steps.iter().rev().find(|s| s.key == key).map(|s| s.value)
    }
}
