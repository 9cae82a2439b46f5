//! Reading the plan's types out of its JSON tree by hand, with serde_json's errors in serde's
//! words: a wrong type, a missing field, an unknown field or option, each at its path. serde's
//! derives did this job with a visitor per type, instantiated for every way of reading it,
//! about 90 KB of the package gzipped; these readers are plain functions over the tree.
//!
//! They read as the derives would (the test in `super::tracked` compares both on thousands of
//! broken plans), with one difference: an object written as a list (`"rounding": [2, 2]`) is
//! a wrong type, where serde's derive would read its fields in order.

use super::tracked::{inside, note, unexpected, Leaf, Segment, Stack};
use super::tree::{repeated_key, Tree};
use rust_decimal::Decimal;
use serde::de::value::StrDeserializer;
use serde::de::{Deserialize, Error as _, Unexpected};
use serde_json::Error;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A type of the plan, read from its JSON tree.
pub(crate) trait Read<'de>: Sized {
    /// Reads `value`; an error inside it notes where on `stack`.
    fn read(value: &'de Tree<'de>, stack: &Stack<'de>) -> Result<Self, Error>;
}

/// Leaves, read by their own serde implementations (their errors are serde's own).
macro_rules! leaves {
    ($($t:ty),*) => {$(
        impl<'de> Read<'de> for $t {
            fn read(value: &'de Tree<'de>, _: &Stack<'de>) -> Result<Self, Error> {
                <$t as Deserialize>::deserialize(Leaf(value))
            }
        }
    )*};
}
leaves!(String, crate::label::Label, u32, i64, bool);

/// A decimal: a JSON number, or text holding one. Text is read as `DECIMAL_PATTERN` says
/// (the plan's JSON Schema gives that pattern): spaces around the number are forgiven, as
/// in a reps file; anything else that is not a number is refused, in serde's words.
impl<'de> Read<'de> for Decimal {
    fn read(value: &'de Tree<'de>, _: &Stack<'de>) -> Result<Self, Error> {
        match value {
            Tree::Str(text) if is_decimal_text(text) => <Decimal as Deserialize>::deserialize(StrDeserializer::<Error>::new(text.trim())),
            Tree::Str(text) => Err(Error::invalid_value(Unexpected::Str(text), &"a Decimal type representing a fixed-point number")),
            _ => <Decimal as Deserialize>::deserialize(Leaf(value)),
        }
    }
}

/// How a decimal may be written as text, as a regular expression (for the JSON Schema):
/// a sign, digits with a decimal point anywhere, an exponent; spaces around it.
#[cfg(test)]
pub(crate) const DECIMAL_PATTERN: &str = r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$";

/// Whether `text` is a decimal as `DECIMAL_PATTERN` says: a number as a reps file writes it,
/// but without digit groups (`1,000` is not a decimal to the engine).
fn is_decimal_text(text: &str) -> bool {
    crate::data::looks_numeric(text) && !text.contains(',')
}

impl<'de, T: Read<'de>> Read<'de> for Option<T> {
    fn read(value: &'de Tree<'de>, stack: &Stack<'de>) -> Result<Self, Error> {
        match value {
            Tree::Null => Ok(None),
            _ => T::read(value, stack).map(Some),
        }
    }
}

impl<'de, T: Read<'de>> Read<'de> for Vec<T> {
    fn read(value: &'de Tree<'de>, stack: &Stack<'de>) -> Result<Self, Error> {
        let Tree::List(items) = value else { return Err(Error::invalid_type(unexpected(value), &"a sequence")) };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(inside(stack, Segment::Index(i), item)?);
        }
        Ok(out)
    }
}

impl<'de, T: Read<'de>> Read<'de> for BTreeMap<String, T> {
    fn read(value: &'de Tree<'de>, stack: &Stack<'de>) -> Result<Self, Error> {
        let Tree::Object(entries) = value else { return Err(Error::invalid_type(unexpected(value), &"a map")) };
        no_repeated_key(entries)?;
        let mut out = BTreeMap::new();
        for (key, value) in entries {
            out.insert(key.to_string(), inside(stack, Segment::Key(key), value)?);
        }
        Ok(out)
    }
}

impl<'de> Read<'de> for [Decimal; 2] {
    fn read(value: &'de Tree<'de>, stack: &Stack<'de>) -> Result<Self, Error> {
        let Tree::List(items) = value else { return Err(Error::invalid_type(unexpected(value), &"an array of length 2")) };
        let mut out = [Decimal::ZERO; 2];
        for (i, slot) in out.iter_mut().enumerate() {
            let item = items.get(i).ok_or_else(|| Error::invalid_length(i, &"an array of length 2"))?;
            *slot = inside(stack, Segment::Index(i), item)?;
        }
        match items.len() {
            2 => Ok(out),
            n => Err(Error::invalid_length(n, &"fewer elements in array")),
        }
    }
}

/// A field or a map key written twice is an error, not the last one silently winning.
fn no_repeated_key(entries: &[(Cow<str>, Tree)]) -> Result<(), Error> {
    match repeated_key(entries) {
        Some(key) => Err(Error::custom(format_args!("duplicate field `{key}`"))),
        None => Ok(()),
    }
}

/// The fields of an object being read as a struct (or as an internally tagged variant, its
/// tag left out): each taken by name, the ones it does not know refused.
pub(crate) struct Fields<'de, 's> {
    entries: &'de [(Cow<'de, str>, Tree<'de>)],
    stack: &'s Stack<'de>,
}

impl<'de, 's> Fields<'de, 's> {
    /// `value` as an object with no field but `known` (and `tag`); else serde's error for
    /// `expecting` ("struct Kpi").
    pub(crate) fn of(value: &'de Tree<'de>, stack: &'s Stack<'de>, expecting: &'static str, known: &'static [&'static str]) -> Result<Self, Error> {
        let Tree::Object(entries) = value else { return Err(Error::invalid_type(unexpected(value), &expecting)) };
        no_repeated_key(entries)?;
        Self::known(entries, stack, known, None)
    }

    fn known(entries: &'de [(Cow<'de, str>, Tree<'de>)], stack: &'s Stack<'de>, known: &'static [&'static str], tag: Option<&str>) -> Result<Self, Error> {
        for (key, _) in entries {
            if !known.contains(&key.as_ref()) && tag != Some(key.as_ref()) {
                return Err(note(stack, Segment::Key(key), Error::unknown_field(key, known)));
            }
        }
        Ok(Fields { entries, stack })
    }

    /// The field `key`, read when it is there; `missing()` when it is not.
    fn field<T: Read<'de>>(&self, key: &'static str, missing: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
        match self.entries.iter().find(|(k, _)| k == key) {
            Some((_, value)) => inside(self.stack, Segment::Key(key), value),
            None => missing(),
        }
    }

    /// A field the object must have.
    pub(crate) fn required<T: Read<'de>>(&self, key: &'static str) -> Result<T, Error> {
        self.field(key, || Err(Error::missing_field(key)))
    }

    /// A field that may be left out (or written as null, for an `Option`): its default then.
    pub(crate) fn or_default<T: Read<'de> + Default>(&self, key: &'static str) -> Result<T, Error> {
        self.field(key, || Ok(T::default()))
    }

    /// A field that may be left out: `default()` then.
    pub(crate) fn or<T: Read<'de>>(&self, key: &'static str, default: impl FnOnce() -> T) -> Result<T, Error> {
        self.field(key, || Ok(default()))
    }
}

/// An internally tagged enum (`{"type": "ratio", "cap_pct": 120}`): the variant named by
/// `type`, by its index in `variants`, and the object's entries for [`variant_fields`]. As
/// with serde's derive, an error inside the object is reported at the object, not at a field in it.
pub(crate) fn tagged<'de>(value: &'de Tree<'de>, stack: &Stack<'de>, expecting: &'static str, variants: &'static [&'static str]) -> Result<(usize, &'de [(Cow<'de, str>, Tree<'de>)]), Error> {
    let Tree::Object(entries) = value else { return Err(Error::invalid_type(unexpected(value), &expecting)) };
    no_repeated_key(entries)?;
    let tag = entries.iter().find(|(k, _)| k == "type").map(|(_, v)| v).ok_or_else(|| Error::missing_field("type"))?;
    let Tree::Str(name) = tag else { return Err(note(stack, Segment::Key("type"), Error::invalid_type(unexpected(tag), &"variant identifier"))) };
    let index = variants.iter().position(|v| v == name).ok_or_else(|| note(stack, Segment::Key("type"), Error::unknown_variant(name, variants)))?;
    Ok((index, entries))
}

/// Reads a tagged variant's fields with `read`, knowing `known`; the path inside it is not kept.
pub(crate) fn variant_fields<'de, T>(entries: &'de [(Cow<'de, str>, Tree<'de>)], known: &'static [&'static str], read: impl FnOnce(&Fields<'de, '_>) -> Result<T, Error>) -> Result<T, Error> {
    let inner = Stack::default();
    read(&Fields::known(entries, &inner, known, Some("type"))?)
}

/// An enum written as its variant's name (`"even"`), or as an object whose one key is the
/// variant (`{"shares": […]}`): the variant's index in `variants`, and its content if any.
pub(crate) fn variant<'de>(value: &'de Tree<'de>, variants: &'static [&'static str]) -> Result<(usize, &'de str, Option<&'de Tree<'de>>), Error> {
    let (name, content) = match value {
        Tree::Str(name) => (name.as_ref(), None),
        Tree::Object(entries) => match entries.as_slice() {
            [(name, content)] => (name.as_ref(), Some(content)),
            _ => return Err(Error::invalid_value(Unexpected::Map, &"map with a single key")),
        },
        other => return Err(Error::invalid_type(unexpected(other), &"string or map")),
    };
    let index = variants.iter().position(|v| *v == name).ok_or_else(|| Error::unknown_variant(name, variants))?;
    Ok((index, name, content))
}

/// A variant without content: written alone, or with null as its content.
pub(crate) fn unit_variant<'de>(stack: &Stack<'de>, name: &'de str, content: Option<&'de Tree<'de>>) -> Result<(), Error> {
    match content {
        None | Some(Tree::Null) => Ok(()),
        Some(other) => Err(note(stack, Segment::Variant(name), Error::invalid_type(unexpected(other), &"unit"))),
    }
}

/// The content of a variant that has one (`{"shares": […]}`), read inside the variant.
pub(crate) fn newtype_variant<'de, T: Read<'de>>(stack: &Stack<'de>, name: &'de str, content: Option<&'de Tree<'de>>) -> Result<T, Error> {
    match content {
        Some(content) => inside(stack, Segment::Variant(name), content),
        None => Err(note(stack, Segment::Variant(name), Error::invalid_type(Unexpected::UnitVariant, &"newtype variant"))),
    }
}

/// Enums whose variants have no content (`"half_up"`), by their names in the plan.
macro_rules! unit_enums {
    ($($t:ty { $($name:literal => $v:ident),* })*) => {$(
        impl<'de> $crate::plan::read::Read<'de> for $t {
            fn read(value: &'de $crate::plan::tree::Tree<'de>, stack: &$crate::plan::tracked::Stack<'de>) -> Result<Self, serde_json::Error> {
                const VARIANTS: &[&str] = &[$($name),*];
                const ALL: &[$t] = &[$(<$t>::$v),*];
                let (index, name, content) = $crate::plan::read::variant(value, VARIANTS)?;
                $crate::plan::read::unit_variant(stack, name, content)?;
                ALL.get(index).copied().ok_or_else(|| <serde_json::Error as serde::de::Error>::unknown_variant(name, VARIANTS))
            }
        }
    )*};
}
pub(crate) use unit_enums;

/// A struct read from an object with the fields `keys` (in the order they are declared, as
/// serde lists them in an unknown field's error), built by `body` from the fields `f`.
macro_rules! read_struct {
    ($t:ty, $expecting:literal, [$($key:literal),*], |$f:ident| $body:expr) => {
        impl<'de> $crate::plan::read::Read<'de> for $t {
            fn read(value: &'de $crate::plan::tree::Tree<'de>, stack: &$crate::plan::tracked::Stack<'de>) -> Result<Self, serde_json::Error> {
                let $f = $crate::plan::read::Fields::of(value, stack, $expecting, &[$($key),*])?;
                Ok($body)
            }
        }
    };
}
pub(crate) use read_struct;

#[cfg(test)]
mod tests {
    use super::*;

    fn read_decimal(text: &str) -> Result<Decimal, String> {
        let tree = Tree::Str(Cow::Borrowed(text));
        Decimal::read(&tree, &Stack::default()).map_err(|e| e.to_string())
    }

    #[test]
    fn decimal_text_is_read_as_its_pattern_says() {
        for (text, value) in [("3", "3"), (" 3", "3"), ("3\t", "3"), ("+3", "3"), ("-2.50", "-2.50"), (".5", "0.5"), ("3.", "3"), ("1e-1", "0.1"), ("1E+2", "100"), ("2.5e2", "250"), (".5e1", "5"), ("\u{3000}7\u{3000}", "7")] {
            assert_eq!(read_decimal(text).map(|d| d.normalize()), Ok(value.parse::<Decimal>().unwrap().normalize()), "{text:?}");
        }
        for text in ["", " ", "x", "1_000", "1,000", "3 4", "--3", "+", ".", "e5", "1e", "1e+", "0x10", "1.2.3", "١٢"] {
            assert_eq!(read_decimal(text), Err(format!("invalid value: string {text:?}, expected a Decimal type representing a fixed-point number")), "{text:?}");
        }
        // The pattern the JSON Schema gives is this one.
        assert_eq!(DECIMAL_PATTERN, r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$");
    }
}
