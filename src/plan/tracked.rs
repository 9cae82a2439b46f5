//! Where a plan's reader is in its JSON tree ([`Tree`]), so that a field of the wrong type is
//! reported at its JSON path (`scorecards[0].kpis[2].weight`), and the reading of the plan's
//! leaves (numbers, text, booleans) with serde, in serde_json's words.
//!
//! The plan's own types are read by hand (`super::read`), not by serde's derives: those made
//! the reading of a plan about 90 KB of the package gzipped (BENCHMARKS.md, "Size of the
//! engine package"). An error leaving a key or an index notes it on its way out, so reading
//! that succeeds does nothing more. A test checks that the path and the error are those of
//! serde's derives read through `serde_path_to_error`, for thousands of broken plans.

use serde::de;
use super::read::Read;
use super::tree::Tree;
use serde_json::{Error, Value};
use std::cell::RefCell;
use std::fmt;

/// One step of a path: a key of an object (a field, a map key), an enum's variant, or an
/// index into a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment<'a> {
    Key(&'a str),
    /// The variant of an enum, written as its name alone (`"even"`) or as the one key of an
    /// object (`{"even": …}`): shown like a key.
    Variant(&'a str),
    Index(usize),
}

/// Where in the JSON tree a value is: `scorecards[0].kpis[2].weight`, or `.` for the root.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Path<'a>(pub Vec<Segment<'a>>);

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) | Segment::Variant(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) | Segment::Variant(key) => write!(f, ".{key}")?,
            }
        }
        Ok(())
    }
}

impl Path<'_> {
    /// The value this path leads to inside `root`, when it can be followed. A variant written
    /// as its name alone leads to that name.
    pub(crate) fn lookup<'v>(&self, root: &'v Value) -> Option<&'v Value> {
        self.0.iter().try_fold(root, |at, segment| match segment {
            Segment::Key(key) => at.get(*key),
            Segment::Variant(variant) => Some(at.get(*variant).unwrap_or(at)),
            Segment::Index(index) => at.get(*index),
        })
    }
}

/// Reads a `T` out of `value`; on error, also the path where it happened.
pub(crate) fn read<'de, T: Read<'de>>(value: &'de Tree<'de>) -> Result<T, (Path<'de>, Error)> {
    let stack = Stack::default();
    T::read(value, &stack).map_err(|e| {
        let mut segments = stack.into_inner();
        segments.reverse();
        (Path(segments), e)
    })
}

/// The segments of the path to an error, noted from the innermost out.
pub(crate) type Stack<'de> = RefCell<Vec<Segment<'de>>>;

/// Reads `value` as a `T`, inside `segment` of the path: when reading fails, the segment is
/// noted on the way out (innermost first).
pub(crate) fn inside<'de, T: Read<'de>>(stack: &Stack<'de>, segment: Segment<'de>, value: &'de Tree<'de>) -> Result<T, Error> {
    T::read(value, stack).map_err(|e| note(stack, segment, e))
}

/// Notes that the error `e` happened inside `segment`. Not inlined: one copy instead of one
/// per type read (the wasm's size).
#[inline(never)]
pub(crate) fn note<'de>(stack: &Stack<'de>, segment: Segment<'de>, e: Error) -> Error {
    stack.borrow_mut().push(segment);
    e
}

/// What a value is, in the words of serde_json's type errors: `integer `5``, `string "x"`,
/// `floating point `1.5``, `null`, `sequence`, `map`. Written here rather than by serde's
/// `Unexpected`, whose `Display` writes a float with the standard library's float formatting
/// (14 KB of the wasm; serde_json writes it with its own, as this does).
pub(crate) struct Found<'a>(pub &'a Tree<'a>);

impl fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.0 {
            Tree::Null => f.write_str("null"),
            Tree::Bool(b) => write!(f, "boolean `{b}`"),
            Tree::Number(n) if n.is_f64() => write!(f, "floating point `{n}`"),
            Tree::Number(n) => write!(f, "integer `{n}`"),
            Tree::Str(s) => write!(f, "string {s:?}"),
            Tree::List(_) => f.write_str("sequence"),
            Tree::Object(_) => f.write_str("map"),
        }
    }
}

/// serde's error for a value of the wrong type (`Error::invalid_type`), in the same words.
#[cold]
#[inline(never)]
pub(crate) fn invalid_type(found: &dyn fmt::Display, expected: &str) -> Error {
    de::Error::custom(format_args!("invalid type: {found}, expected {expected}"))
}

/// serde's error for a value of the right type that is not allowed (`Error::invalid_value`).
#[cold]
#[inline(never)]
pub(crate) fn invalid_value(found: &dyn fmt::Display, expected: &str) -> Error {
    de::Error::custom(format_args!("invalid value: {found}, expected {expected}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;
    use serde_json::json;

    /// Every way of breaking one place of a plan: each value replaced by values of other
    /// types, each field removed, a field added that no plan has.
    fn broken_copies(plan: &Value) -> Vec<Value> {
        let mut places = Vec::new();
        places_in(plan, &mut Vec::new(), &mut places);
        let wrong = [
            json!("x"),
            json!(-1),
            json!(1e300),
            json!(true),
            json!(null),
            json!([1]),
            json!({"a": 1}),
        ];
        let mut out = Vec::new();
        // Three of the wrong values at each place, in turn: every value at every kind of place
        // over a plan, at a third of the time (the test runs unoptimised).
        for (i, place) in places.iter().enumerate() {
            // An object of one key may be an enum's variant with its content: the variant's
            // name alone is another way to break it.
            let variant = match plan.pointer(place) {
                Some(Value::Object(m)) if m.len() == 1 => m.keys().next().map(|k| json!(k)),
                _ => None,
            };
            for w in (0..3).map(|k| &wrong[(i + 2 * k) % wrong.len()]).chain(&variant) {
                let mut copy = plan.clone();
                *copy.pointer_mut(place).expect("a place of the plan") = w.clone();
                out.push(copy);
            }
            let (parent, key) = place.rsplit_once('/').expect("below the root");
            if let Some(Value::Object(_)) = plan.pointer(parent) {
                let mut copy = plan.clone();
                let Some(Value::Object(m)) = copy.pointer_mut(parent) else {
                    unreachable!()
                };
                m.remove(key);
                out.push(copy);
                let mut copy = plan.clone();
                let Some(Value::Object(m)) = copy.pointer_mut(parent) else {
                    unreachable!()
                };
                m.insert("no_such_field".into(), json!(1));
                out.push(copy);
            }
        }
        out
    }

    fn places_in(value: &Value, at: &mut Vec<String>, out: &mut Vec<String>) {
        if !at.is_empty() {
            out.push(format!("/{}", at.join("/")));
        }
        let children: Vec<(String, &Value)> = match value {
            Value::Object(map) => map
                .iter()
                .map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v))
                .collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
            _ => Vec::new(),
        };
        for (key, child) in children {
            at.push(key);
            places_in(child, at, out);
            at.pop();
        }
    }

    /// A plan (valid to read, not to use) with what the presets and the benchmarks' plan leave out.
    const EVERY_OTHER_FIELD: &str = r#"{"$schema": "plan.schema.json", "version": 1, "name": "every field", "period": "month",
        "rounding": {"money_scale": 2, "score_scale": 1, "mode": "half_even", "applies_to": "total"},
        "targets": [{"id": "t", "default": 1, "basis": "annual", "by_rep": {"E01": 2}, "split": {"shares": [1, 2, 3, 4]}, "overrides": [{"from": "2026-03", "rep": "E01", "value": 3}]}],
        "scorecards": [{"id": "c", "regions": ["East"], "normalize": true, "kpis": [{"id": "k", "name": "K", "weight": 100, "display": "percent", "scoring": {"type": "bands", "basis": "attainment_pct", "direction": "lower_is_better", "steps": [{"at": 1, "score_pct": 50}], "otherwise_pct": 10}}]}],
        "base_pay": {"city_tier_field": "tier", "salaries": [{"role": "r", "city_tier": 1, "monthly": 5000}], "share_range_pct": [25, 45]},
        "bonuses": [{"id": "p", "name": "P", "rule": {"type": "profit_share", "profit": 100000, "pool_pct": 5, "split": {"weights": "w"}}},
            {"id": "q", "name": "Q", "grades": ["S"], "rule": {"type": "rank", "measure": "m", "top": 3, "amount": 100, "ties": "share", "within": "role", "minimum": 1, "direction": "lower_is_better"}}],
        "draw": {"amount": 2000, "recoverable": false},
        "signals": {"alerts": [{"id": "a", "name": "A", "severity": "critical", "rule": {"type": "level", "metric": "m", "below": 1, "to_date": "quarter", "only_at": [3, 6]}}],
            "high_potential": {"team": "region", "conditions": [{"type": "percentile", "metric": "m", "from": 80, "to": 100}]}},
        "variable_pay_cap": 90000}"#;

    /// The hand-written readers (`super::super::read`) against serde's derives of the same
    /// types read through serde_path_to_error: the same path and the same error for every
    /// broken copy of every preset, and the same plan where both read it. The one difference
    /// allowed is theirs to the letter: a list where an object is expected is a wrong type for
    /// the readers, where serde's derive reads the object's fields from the list in order.
    #[test]
    fn names_the_same_path_and_error_as_serde_path_to_error() {
        let (mut checked, mut failed, mut lists) = (0, 0, 0);
        let mut differences = Vec::new();
        // The presets, the benchmarks' plan, and the fields and options none of them has.
        let others = [include_str!("../../bench/full-plan.json"), EVERY_OTHER_FIELD];
        let tree: Tree = serde_json::from_str(EVERY_OTHER_FIELD).expect("JSON");
        assert!(read::<Plan>(&tree).is_ok_and(|p| p.draw.is_some_and(|d| !d.recoverable) && p.signals.alerts.len() == 1));
        for text in crate::presets::PRESETS.iter().map(|p| p.json).chain(others) {
            let plan: Value = serde_json::from_str(text).expect("a plan is JSON");
            for broken in broken_copies(&plan) {
                let text = broken.to_string();
                let tree: Tree = serde_json::from_str(&text).expect("JSON");
                let ours = read::<Plan>(&tree)
                    .map_err(|(path, e)| (path.to_string(), e.to_string()));
                let theirs = serde_path_to_error::deserialize::<_, Plan>(&broken)
                    .map_err(|e| (e.path().to_string(), e.inner().to_string()));
                checked += 1;
                failed += usize::from(theirs.is_err());
                if let Err((path, e)) = &ours {
                    let object = ["struct ", "internally tagged enum "].iter().any(|x| e.starts_with(&format!("invalid type: sequence, expected {x}")));
                    let pointer = path.replace('.', "/").replace('[', "/").replace(']', "");
                    // Inside a tagged variant the path stops at the variant: serde names the list's length.
                    let inside_variant = |theirs: &(String, String)| theirs.0 == *path && theirs.1.starts_with("invalid length") && e.split("expected ").nth(1).is_some_and(|x| theirs.1.contains(&format!("expected {x} with ")));
                    if object && (broken.pointer(&format!("/{pointer}")).is_some_and(Value::is_array) || theirs.as_ref().err().is_some_and(inside_variant)) {
                        lists += 1;
                        continue;
                    }
                }
                if ours.as_ref().err() != theirs.as_ref().err() || ours.as_ref().ok() != theirs.as_ref().ok() {
                    differences.push(format!("ours {:?}\ntheirs {:?}", ours.err(), theirs.err()));
                }
            }
        }
        assert!(differences.is_empty(), "{} differences, the first:\n{}", differences.len(), differences.iter().take(6).cloned().collect::<Vec<_>>().join("\n"));
        // The copies do break plans, at every depth: not a comparison of successes; and a list
        // where an object is expected is one of the wrong values, not most of them.
        assert!(
            checked > 5_000 && failed > checked / 2 && lists > 0 && lists < checked / 10,
            "{checked} copies, {failed} rejected, {lists} lists for objects"
        );
    }

    #[test]
    fn a_path_leads_back_to_its_value() {
        let plan = json!({"commission": [{"split": {"contribution": 5}}]});
        let path = Path(vec![
            Segment::Key("commission"),
            Segment::Index(0),
            Segment::Key("split"),
            Segment::Key("contribution"),
        ]);
        assert_eq!(path.to_string(), "commission[0].split.contribution");
        assert_eq!(path.lookup(&plan), Some(&json!(5)));
        // A variant named alone: the path shows it and leads to the name.
        let plan = json!({"split": "shares"});
        let path = Path(vec![Segment::Key("split"), Segment::Variant("shares")]);
        assert_eq!(path.to_string(), "split.shares");
        assert_eq!(path.lookup(&plan), Some(&json!("shares")));
        let plan = json!({"split": {"shares": [1]}});
        assert_eq!(path.lookup(&plan), Some(&json!([1])));
        assert_eq!(
            Path(vec![Segment::Index(2), Segment::Key("a")]).to_string(),
            "[2].a"
        );
        assert_eq!(Path::default().to_string(), ".");
    }
}
