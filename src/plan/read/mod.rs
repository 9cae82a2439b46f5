//! Reading the plan's types out of its JSON tree by hand, with serde_json's errors in serde's
//! words: a wrong type, a missing field, an unknown field or option, each at its path. serde's
//! derives did this job with a visitor per type, instantiated for every way of reading it,
//! about 90 KB of the package gzipped; these readers are plain functions over the tree.
//!
//! They read as the derives would (the test in `super::tracked` compares both on thousands of
//! broken plans), with one difference: an object written as a list (`"rounding": [2, 2]`) is
//! a wrong type, where serde's derive would read its fields in order.

use super::tracked::{inside, invalid_type, invalid_value, note, Found, Segment, Stack};
use super::tree::{repeated_key, Tree};
use rust_decimal::Decimal;
use serde::de::Error as _;
use serde_json::Error;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::str::FromStr;

/// A type of the plan, read from its JSON tree.
pub(crate) trait Read<'de>: Sized {
    /// Reads `value`; an error inside it notes where on `stack`.
    fn read(value: &'de Tree<'de>, stack: &Stack<'de>) -> Result<Self, Error>;
}

/// Text: a JSON string, and nothing else.
impl<'de> Read<'de> for String {
    fn read(value: &'de Tree<'de>, _: &Stack<'de>) -> Result<Self, Error> {
        match value {
            Tree::Str(text) => Ok(text.to_string()),
            _ => Err(invalid_type(&Found(value), "a string")),
        }
    }
}

impl<'de> Read<'de> for crate::label::Label {
    fn read(value: &'de Tree<'de>, stack: &Stack<'de>) -> Result<Self, Error> {
        String::read(value, stack).map(Self::from)
    }
}

impl<'de> Read<'de> for bool {
    fn read(value: &'de Tree<'de>, _: &Stack<'de>) -> Result<Self, Error> {
        match value {
            Tree::Bool(b) => Ok(*b),
            _ => Err(invalid_type(&Found(value), "a boolean")),
        }
    }
}

/// A whole number that fits a `T` (which serde calls `expected`): one out of its range is a
/// wrong value, a float or anything else a wrong type, as serde's own reading says.
fn whole<T: TryFrom<u64> + TryFrom<i64>>(value: &Tree, expected: &str) -> Result<T, Error> {
    let Tree::Number(n) = value else { return Err(invalid_type(&Found(value), expected)) };
    let fits = match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => T::try_from(u).ok(),
        (None, Some(i)) => T::try_from(i).ok(),
        _ => return Err(invalid_type(&Found(value), expected)),
    };
    fits.ok_or_else(|| invalid_value(&Found(value), expected))
}

impl<'de> Read<'de> for u32 {
    fn read(value: &'de Tree<'de>, _: &Stack<'de>) -> Result<Self, Error> {
        whole(value, "u32")
    }
}

impl<'de> Read<'de> for i64 {
    fn read(value: &'de Tree<'de>, _: &Stack<'de>) -> Result<Self, Error> {
        whole(value, "i64")
    }
}

/// What rust_decimal's serde implementation expects, in its words.
const A_DECIMAL: &str = "a Decimal type representing a fixed-point number";

/// A decimal: a JSON number, or text holding one. Text is read as `DECIMAL_PATTERN` says
/// (the plan's JSON Schema gives that pattern): spaces around the number are forgiven, as
/// in a reps file; anything else that is not a number is refused, in serde's words.
///
/// The leaves (text, booleans, whole numbers, decimals) are read as their serde
/// implementations read them, with the same errors, but by hand: serde's `Unexpected`, in
/// every one of their errors, brings the standard library's float formatting into the wasm,
/// and so did rust_decimal's reading of a float (the decimal its `Display` writes; here
/// serde_json's shortest digits written out in full, the same text).
impl<'de> Read<'de> for Decimal {
    fn read(value: &'de Tree<'de>, _: &Stack<'de>) -> Result<Self, Error> {
        match value {
            Tree::Str(text) if is_decimal_text(text) => {
                let text = text.trim();
                Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text)).map_err(|_| invalid_value(&format_args!("string {text:?}"), A_DECIMAL))
            }
            Tree::Str(_) => Err(invalid_value(&Found(value), A_DECIMAL)),
            Tree::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Ok(Decimal::from(u)),
                (None, Some(i)) => Ok(Decimal::from(i)),
                _ => Decimal::from_str(&in_full(&n.to_string())).map_err(|_| invalid_value(&Found(value), A_DECIMAL)),
            },
            _ => Err(invalid_type(&Found(value), A_DECIMAL)),
        }
    }
}

/// A float as serde_json writes it (its shortest digits, with an exponent when far from 1:
/// `1e300`, `1.5e-7`, `0.25`, `2.0`) written out in full, as the standard library's
/// `Display` writes an `f64` (`100…0`, `0.00000015`, `0.25`, `2`).
fn in_full(short: &str) -> String {
    let (sign, unsigned) = match short.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", short),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0');
    // Where the point is, counted in digits from the first significant one.
    let point = whole.len() as i64 + exponent - (digits.len() - significant.len()) as i64;
    let significant = significant.trim_end_matches('0');
    let zeros = |n: i64| "0".repeat(n.max(0) as usize);
    if significant.is_empty() {
        format!("{sign}0")
    } else if point <= 0 {
        format!("{sign}0.{}{significant}", zeros(-point))
    } else if point as usize >= significant.len() {
        format!("{sign}{significant}{}", zeros(point - significant.len() as i64))
    } else {
        let (before, after) = significant.split_at(point as usize);
        format!("{sign}{before}.{after}")
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
        let Tree::List(items) = value else { return Err(invalid_type(&Found(value), "a sequence")) };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(inside(stack, Segment::Index(i), item)?);
        }
        Ok(out)
    }
}

impl<'de, T: Read<'de>> Read<'de> for BTreeMap<String, T> {
    fn read(value: &'de Tree<'de>, stack: &Stack<'de>) -> Result<Self, Error> {
        let Tree::Object(entries) = value else { return Err(invalid_type(&Found(value), "a map")) };
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
        let Tree::List(items) = value else { return Err(invalid_type(&Found(value), "an array of length 2")) };
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
        let Tree::Object(entries) = value else { return Err(invalid_type(&Found(value), expecting)) };
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
        match self.entry(key) {
            Some(value) => inside(self.stack, Segment::Key(key), value),
            None => missing(),
        }
    }

    /// The value of the field `key`, if the object has it. Not inlined: one copy of the
    /// search instead of one per field read (the wasm's size).
    #[inline(never)]
    fn entry(&self, key: &str) -> Option<&'de Tree<'de>> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, value)| value)
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
    let Tree::Object(entries) = value else { return Err(invalid_type(&Found(value), expecting)) };
    no_repeated_key(entries)?;
    let tag = entries.iter().find(|(k, _)| k == "type").map(|(_, v)| v).ok_or_else(|| Error::missing_field("type"))?;
    let Tree::Str(name) = tag else { return Err(note(stack, Segment::Key("type"), invalid_type(&Found(tag), "variant identifier"))) };
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
            _ => return Err(invalid_value(&"map", "map with a single key")),
        },
        other => return Err(invalid_type(&Found(other), "string or map")),
    };
    let index = variants.iter().position(|v| *v == name).ok_or_else(|| Error::unknown_variant(name, variants))?;
    Ok((index, name, content))
}

/// A variant without content: written alone, or with null as its content.
pub(crate) fn unit_variant<'de>(stack: &Stack<'de>, name: &'de str, content: Option<&'de Tree<'de>>) -> Result<(), Error> {
    match content {
        None | Some(Tree::Null) => Ok(()),
        Some(other) => Err(note(stack, Segment::Variant(name), invalid_type(&Found(other), "unit"))),
    }
}

/// The content of a variant that has one (`{"shares": […]}`), read inside the variant.
pub(crate) fn newtype_variant<'de, T: Read<'de>>(stack: &Stack<'de>, name: &'de str, content: Option<&'de Tree<'de>>) -> Result<T, Error> {
    match content {
        Some(content) => inside(stack, Segment::Variant(name), content),
        None => Err(note(stack, Segment::Variant(name), invalid_type(&"unit variant", "newtype variant"))),
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

    /// Ours and serde's reading of `text` as a `T`: the same value or the same error.
    fn same_as_serde<T>(text: &str)
    where
        T: for<'de> Read<'de> + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let tree: Tree = serde_json::from_str(text).expect("JSON");
        let ours = T::read(&tree, &Stack::default()).map_err(|e| e.to_string());
        let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        let theirs = serde_json::from_value::<T>(value).map_err(|e| e.to_string());
        assert_eq!(ours, theirs, "{} from {text}", std::any::type_name::<T>());
    }

    #[test]
    fn leaves_are_read_as_serde_reads_them() {
        let values = [
            "null", "true", "false", "0", "7", "-1", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808", "18446744073709551615",
            "-9223372036854775808", "1.5", "-0.0", "0.0", "2.0", "1e300", "-1e300", "2.5e-7", "0.1", "123456.789012345", "1e28", "1e29", "1e-28", "1e-29",
            "\"x\"", "\"5\"", "\"a \\\"quoted\\\" \\u00e9\"", "[]", "[1]", "{}", "{\"a\": 1}",
        ];
        for text in values {
            same_as_serde::<String>(text);
            same_as_serde::<crate::label::Label>(text);
            same_as_serde::<bool>(text);
            same_as_serde::<u32>(text);
            same_as_serde::<i64>(text);
            // Text is read as a decimal as `DECIMAL_PATTERN` says, not as serde reads it.
            if !text.starts_with('"') {
                same_as_serde::<Decimal>(text);
            }
        }
    }

    proptest::proptest! {
        /// A float of at most 15 significant digits (a plan holds no other), written in full
        /// from serde_json's shortest digits, is what `f64::to_string` writes.
        #[test]
        fn a_float_in_full_is_as_display_writes_it(digits in 0u64..1_000_000_000_000_000, exponent in -330i32..300, negative in proptest::bool::ANY) {
            let x: f64 = format!("{}{digits}e{exponent}", if negative { "-" } else { "" }).parse().unwrap();
            proptest::prop_assume!(x.is_finite());
            let n = serde_json::Number::from_f64(x).unwrap();
            proptest::prop_assert_eq!(in_full(&n.to_string()), x.to_string());
        }
    }
}
