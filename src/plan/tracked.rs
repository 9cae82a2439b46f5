//! Reading a typed value out of a parsed JSON tree ([`Tree`]) while keeping track of where
//! the reader is, so that a field of the wrong type is reported at its JSON path
//! (`scorecards[0].kpis[2].weight`).
//!
//! It reads as serde_json's reader of a `&Value` does, with the same errors in the same
//! words (and one more: a key written twice), plus the path: an error leaving a key or an
//! index of the tree notes it on its way out, so reading that succeeds costs nothing more. It
//! replaces serde_json's reader wrapped in the `serde_path_to_error` crate, which wraps
//! every step of the reading and made the wasm 14 KB larger gzipped (BENCHMARKS.md "Size of
//! the engine package"); a test checks that both name the same path, with the same error, for
//! thousands of broken plans.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use super::tree::{repeated_key, Tree};
use serde_json::{Error, Value};
use std::borrow::Cow;
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
pub(crate) fn deserialize<'de, T: de::Deserialize<'de>>(
    value: &'de Tree<'de>,
) -> Result<T, (Path<'de>, Error)> {
    let stack = RefCell::new(Vec::new());
    T::deserialize(At {
        value,
        stack: &stack,
    })
    .map_err(|e| {
        let mut segments = stack.into_inner();
        segments.reverse();
        (Path(segments), e)
    })
}

/// The segments of the path to an error, noted from the innermost out.
type Stack<'de> = RefCell<Vec<Segment<'de>>>;

/// Reads `value` with `seed`, inside `segment` of the path: when reading fails, the segment
/// is noted on the way out (innermost first).
fn inside<'de, S: DeserializeSeed<'de>>(
    stack: &Stack<'de>,
    segment: Segment<'de>,
    value: &'de Tree<'de>,
    seed: S,
) -> Result<S::Value, Error> {
    seed.deserialize(At { value, stack })
        .map_err(|e| note(stack, segment, e))
}

/// Notes that the error `e` happened inside `segment`. Not inlined: one copy instead of one
/// per type read (the wasm's size).
#[inline(never)]
fn note<'de>(stack: &Stack<'de>, segment: Segment<'de>, e: Error) -> Error {
    stack.borrow_mut().push(segment);
    e
}

/// A value of the tree, being read.
struct At<'de, 's> {
    value: &'de Tree<'de>,
    stack: &'s Stack<'de>,
}

/// What a value is, in the words of serde's type errors (as serde_json says it).
fn unexpected<'a>(value: &'a Tree) -> Unexpected<'a> {
    match value {
        Tree::Null => Unexpected::Unit,
        Tree::Bool(b) => Unexpected::Bool(*b),
        Tree::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Tree::Str(s) => Unexpected::Str(s),
        Tree::List(_) => Unexpected::Seq,
        Tree::Object(_) => Unexpected::Map,
    }
}

impl<'de> Deserializer<'de> for At<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Tree::Null => visitor.visit_unit(),
            Tree::Bool(b) => visitor.visit_bool(*b),
            Tree::Number(n) => n.deserialize_any(visitor),
            Tree::Str(s) => visitor.visit_borrowed_str(s),
            Tree::List(items) => {
                let mut seq = Items {
                    items: items.iter(),
                    index: 0,
                    stack: self.stack,
                };
                let read = visitor.visit_seq(&mut seq)?;
                match seq.items.len() {
                    0 => Ok(read),
                    _ => Err(de::Error::invalid_length(
                        items.len(),
                        &"fewer elements in array",
                    )),
                }
            }
            Tree::Object(map) => {
                // A field or a map key written twice: an error, not the last one silently.
                if let Some(key) = repeated_key(map) {
                    return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                }
                let mut entries = Entries {
                    entries: map.iter(),
                    value: None,
                    stack: self.stack,
                };
                let read = visitor.visit_map(&mut entries)?;
                match entries.entries.len() {
                    0 => Ok(read),
                    _ => Err(de::Error::invalid_length(
                        map.len(),
                        &"fewer elements in map",
                    )),
                }
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Tree::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (variant, content) = match self.value {
            Tree::Str(variant) => (variant.as_ref(), None),
            Tree::Object(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    (Some((variant, content)), None) => (variant.as_ref(), Some(content)),
                    _ => {
                        return Err(de::Error::invalid_value(
                            Unexpected::Map,
                            &"map with a single key",
                        ))
                    }
                }
            }
            other => return Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        };
        visitor.visit_enum(Variant {
            variant,
            content,
            stack: self.stack,
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    /// Text only: an enum's tag or a field's name written as a number is not taken as an index.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Tree::Str(s) => visitor.visit_borrowed_str(s),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
    }
}

/// The items of a list, being read.
struct Items<'de, 's> {
    items: std::slice::Iter<'de, Tree<'de>>,
    index: usize,
    stack: &'s Stack<'de>,
}

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let read = inside(self.stack, Segment::Index(self.index), item, seed)?;
        self.index += 1;
        Ok(Some(read))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of an object, being read: each key, then its value.
struct Entries<'de, 's> {
    entries: std::slice::Iter<'de, (Cow<'de, str>, Tree<'de>)>,
    value: Option<(&'de str, &'de Tree<'de>)>,
    stack: &'s Stack<'de>,
}

impl<'de> MapAccess<'de> for Entries<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let key: &'de str = key;
        self.value = Some((key, value));
        // A key the reader does not take (an unknown field) is reported at that key.
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
            .map_err(|e| note(self.stack, Segment::Key(key), e))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("value is missing"))?;
        inside(self.stack, Segment::Key(key), value, seed)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An enum written as its variant's name, or as an object whose one key is the variant.
struct Variant<'de, 's> {
    variant: &'de str,
    content: Option<&'de Tree<'de>>,
    stack: &'s Stack<'de>,
}

impl<'de, 's> EnumAccess<'de> for Variant<'de, 's> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let name: de::value::StrDeserializer<'_, Error> = self.variant.into_deserializer();
        seed.deserialize(name).map(|v| (v, self))
    }
}

/// Whatever goes wrong reading a variant's content (or finding none where some is needed) is
/// reported at the variant, as serde_path_to_error does.
impl<'de> VariantAccess<'de> for Variant<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        let read = match self.content {
            Some(content) => de::Deserialize::deserialize(self.at(content)),
            None => Ok(()),
        };
        read.map_err(|e| self.note(e))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        let read = match self.content {
            Some(content) => seed.deserialize(self.at(content)),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        };
        read.map_err(|e| self.note(e))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        let read = match self.content {
            Some(content @ Tree::List(_)) => self.at(content).deserialize_any(visitor),
            Some(other) => Err(de::Error::invalid_type(unexpected(other), &"tuple variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        };
        read.map_err(|e| self.note(e))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let read = match self.content {
            Some(content @ Tree::Object(_)) => self.at(content).deserialize_any(visitor),
            Some(other) => Err(de::Error::invalid_type(unexpected(other), &"struct variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        };
        read.map_err(|e| self.note(e))
    }
}

impl<'de> Variant<'de, '_> {
    /// The variant's content, to be read.
    fn at<'s>(&'s self, content: &'de Tree<'de>) -> At<'de, 's> {
        At {
            value: content,
            stack: self.stack,
        }
    }

    /// Notes that `e` happened inside this variant.
    fn note(&self, e: Error) -> Error {
        note(self.stack, Segment::Variant(self.variant), e)
    }
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

    #[test]
    fn names_the_same_path_and_error_as_serde_path_to_error() {
        let mut checked = 0;
        let mut failed = 0;
        for preset in crate::presets::PRESETS {
            let plan: Value = serde_json::from_str(preset.json).expect("a preset is JSON");
            for broken in broken_copies(&plan) {
                let text = broken.to_string();
                let tree: Tree = serde_json::from_str(&text).expect("JSON");
                let ours = deserialize::<Plan>(&tree)
                    .map_err(|(path, e)| (path.to_string(), e.to_string()));
                let theirs = serde_path_to_error::deserialize::<_, Plan>(&broken)
                    .map_err(|e| (e.path().to_string(), e.inner().to_string()));
                assert_eq!(ours.as_ref().err(), theirs.as_ref().err(), "{broken}");
                checked += 1;
                failed += usize::from(theirs.is_err());
                assert_eq!(ours.ok(), theirs.ok());
            }
        }
        // The copies do break plans, at every depth: not a comparison of successes.
        assert!(
            checked > 5_000 && failed > checked / 2,
            "{checked} copies, {failed} rejected"
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
