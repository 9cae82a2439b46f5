//! A plan's JSON text parsed into a tree that keeps each object's entries as written (in
//! order, a repeated key twice) and borrows its text from the plan wherever it can.
//!
//! `serde_json::Value` keeps objects in B-trees and copies every string: building and
//! dropping it was half of setting a plan (BENCHMARKS.md, seventh round). This tree is a list
//! per object, so a plan is read from it in the order it is written and a field written twice
//! is an error rather than the last one silently winning. A [`Value`] is made from it only to
//! describe an error.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::fmt;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tree<'a> {
    Null,
    Bool(bool),
    Number(Number),
    Str(Cow<'a, str>),
    List(Vec<Tree<'a>>),
    /// An object's entries in the order they are written.
    Object(Vec<(Cow<'a, str>, Tree<'a>)>),
}

impl Tree<'_> {
    /// The same value as a `serde_json::Value` (a repeated key keeps its last value, as when
    /// parsing into one).
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Tree::Null => Value::Null,
            Tree::Bool(b) => Value::Bool(*b),
            Tree::Number(n) => Value::Number(n.clone()),
            Tree::Str(s) => Value::String(s.to_string()),
            Tree::List(items) => Value::Array(items.iter().map(Tree::to_value).collect()),
            Tree::Object(entries) => {
                // Inserted one by one: collecting into a map would bring a sort into the wasm.
                let mut map = serde_json::Map::new();
                for (k, v) in entries {
                    map.insert(k.to_string(), v.to_value());
                }
                Value::Object(map)
            }
        }
    }
}

/// The first key an object repeats, if any (for a large object, the first in sorted order).
pub(crate) fn repeated_key<'a>(entries: &'a [(Cow<str>, Tree)]) -> Option<&'a str> {
    if entries.len() <= 32 {
        return entries.iter().enumerate().find(|(i, (key, _))| entries[..*i].iter().any(|(k, _)| k == key)).map(|(_, (key, _))| key.as_ref());
    }
    let mut keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_ref()).collect();
    crate::sorting::sort(&mut keys);
    keys.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
}

impl<'de: 'a, 'a> Deserialize<'de> for Tree<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

/// Builds a [`Tree`] from what the JSON reader finds.
struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_unit<E>(self) -> Result<Tree<'de>, E> {
        Ok(Tree::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Tree<'de>, E> {
        Ok(Tree::Bool(b))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Tree<'de>, E> {
        Ok(Tree::Number(n.into()))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Tree<'de>, E> {
        Ok(Tree::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Tree<'de>, E> {
        Ok(Number::from_f64(n).map_or(Tree::Null, Tree::Number))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Tree<'de>, E> {
        Ok(Tree::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Tree<'de>, E> {
        Ok(Tree::Str(Cow::Owned(s.to_owned())))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree<'de>, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(key) = map.next_key_seed(KeyVisitor)? {
            entries.push((key, map.next_value()?));
        }
        Ok(Tree::Object(entries))
    }
}

/// An object's key, borrowed from the text unless it holds an escape.
struct KeyVisitor;

impl<'de> de::DeserializeSeed<'de> for KeyVisitor {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(s))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_entries_in_order_and_borrows_plain_text() {
        let text = r#"{"b": [1, -2, 2.5, true, null], "a": "x\ny", "b": {"c": "plain"}}"#;
        let tree: Tree = serde_json::from_str(text).expect("JSON");
        let Tree::Object(entries) = &tree else { panic!("an object: {tree:?}") };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert!(matches!(&entries[0].0, Cow::Borrowed(_)));
        assert!(matches!(&entries[1].1, Tree::Str(Cow::Owned(s)) if s == "x\ny"));
        assert!(matches!(&entries[2].1, Tree::Object(inner) if matches!(&inner[0].1, Tree::Str(Cow::Borrowed("plain")))));
        // As a Value: the repeated key keeps its last value, as parsing into a Value does.
        let value: Value = serde_json::from_str(text).expect("JSON");
        assert_eq!(tree.to_value(), value);
        assert_eq!(repeated_key(entries), Some("b"));
    }

    #[test]
    fn finds_a_repeated_key_in_small_and_large_objects() {
        for n in [1, 2, 32, 33, 500] {
            let mut text: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
            let json = format!("{{{}}}", text.join(","));
            let tree: Tree = serde_json::from_str(&json).expect("JSON");
            let Tree::Object(entries) = &tree else { panic!() };
            assert_eq!(repeated_key(entries), None, "{n} keys");
            text.push(format!("\"k{}\": 0", n / 2));
            let json = format!("{{{}}}", text.join(","));
            let tree: Tree = serde_json::from_str(&json).expect("JSON");
            let Tree::Object(entries) = &tree else { panic!() };
            assert_eq!(repeated_key(entries), Some(format!("k{}", n / 2).as_str()), "{n} keys");
        }
    }

    #[test]
    fn reports_the_same_syntax_errors_as_a_value() {
        for text in ["", "{", "{\"a\": }", "[1,]", "{\"a\" 1}", "tru", "{\"a\": 1} x", "1e999", "\"\\q\""] {
            let ours = serde_json::from_str::<Tree>(text).map(|_| ()).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Value>(text).map(|_| ()).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text:?}");
            assert!(ours.is_err(), "{text:?}");
        }
    }
}
