//! JSON with every character beyond ASCII written as a `\uXXXX` escape: the form results
//! cross into JavaScript in. `JSON.parse` gives back the same text, and V8 decodes ASCII
//! bytes into a string about 2.7× faster than UTF-8 with Chinese names in it (10,000 reps'
//! results: 24.5 → 9.0 ms in Node, parsing 80 → 73 ms).
//!
//! Written by serde_json with an ASCII-only formatter, or, for what crosses most often (a
//! page of rows, every rep's result), by hand with the pieces below (a string, a key, a
//! decimal, a count), each the text serde_json writes (tests compare them byte for byte).

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io;

/// serde_json's compact form, but ASCII only.
struct AsciiFormatter;

impl Formatter for AsciiFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        if fragment.is_ascii() {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (at, c) in fragment.char_indices().filter(|(_, c)| !c.is_ascii()) {
            writer.write_all(&fragment.as_bytes()[start..at])?;
            for escape in escapes(c) {
                writer.write_all(&escape)?;
            }
            start = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// Appends `text` as a JSON string, ASCII only: the same text serde_json writes with
/// [`AsciiFormatter`], for a writer of its own (a page of rows, `table::json`).
pub(crate) fn push_string(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    let mut at = 0;
    while let Some(&b) = text.as_bytes().get(at) {
        // Printable ASCII but the quote and the backslash (and DEL, as serde_json) as it is.
        if (b' '..=0x7f).contains(&b) && b != b'"' && b != b'\\' {
            at += 1;
            continue;
        }
        // `at` is at a character's first byte: the ASCII ones are stepped over one by one,
        // the others whole.
        out.push_str(text.get(start..at).unwrap_or_default());
        let c = text.get(at..).and_then(|rest| rest.chars().next()).unwrap_or_default();
        at += c.len_utf8();
        start = at;
        let short = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            _ => "",
        };
        if !short.is_empty() {
            out.push_str(short);
            continue;
        }
        for escape in escapes(c) {
            // Six ASCII bytes: always text.
            out.push_str(std::str::from_utf8(&escape).unwrap_or_default());
        }
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out.push('"');
}

/// `,"key":` for a literal key, made at compile time: one write of it, where writing the
/// comma and quote, the key, and the quote and colon was three (the keys were a third of the
/// time it takes to write a rep's result).
macro_rules! key {
    ($key:literal) => {
        concat!(",\"", $key, "\":")
    };
}
pub(crate) use key;

/// A decimal as a JSON string, as rust_decimal serialises it; `null` when there is none.
pub(crate) fn push_figure(out: &mut String, figure: Option<Decimal>) {
    match figure {
        Some(d) => {
            out.push('"');
            push_decimal(out, d);
            out.push('"');
        }
        None => out.push_str("null"),
    }
}

/// A count as a JSON number.
pub(crate) fn push_whole(out: &mut String, n: usize) {
    push_decimal(out, Decimal::from(n));
}

/// Appends `d` exactly as its `Display` writes it (all `scale` decimals), without the
/// formatting machinery for the mantissas that fit a `u64` (every amount of pay does).
pub(crate) fn push_decimal(out: &mut String, d: Decimal) {
    let m = d.mantissa();
    let abs = match u64::try_from(m.unsigned_abs()) {
        Ok(abs) if !(m == 0 && d.is_sign_negative()) => abs,
        _ => {
            use std::fmt::Write;
            let _ = write!(out, "{d}"); // writing to a String cannot fail
            return;
        }
    };
    let scale = d.scale() as usize;
    // Written from the end: the digits, the point after `scale` of them, zeros up to one
    // before the point, the sign. At most 29 digits (a scale of 28), a point and a sign.
    let mut text = [b'0'; 32];
    let mut at = text.len();
    let mut v = abs;
    let mut written = 0;
    while v > 0 || written <= scale {
        if written == scale && scale > 0 {
            at -= 1;
            text[at] = b'.';
        }
        at -= 1;
        text[at] = b'0' + (v % 10) as u8; // ok: a digit
        v /= 10;
        written += 1;
    }
    if m < 0 {
        at -= 1;
        text[at] = b'-';
    }
    // Only ASCII was written.
    out.push_str(std::str::from_utf8(&text[at..]).unwrap_or_default());
}

/// `\uXXXX` for each UTF-16 code unit of `c` (two, a surrogate pair, beyond the BMP).
fn escapes(c: char) -> impl Iterator<Item = [u8; 6]> {
    let mut units = [0u16; 2];
    let n = c.encode_utf16(&mut units).len();
    units.into_iter().take(n).map(escaped)
}

/// `\uXXXX` for one UTF-16 code unit.
fn escaped(unit: u16) -> [u8; 6] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digit = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
    [b'\\', b'u', digit(12), digit(8), digit(4), digit(0)]
}

/// Writes `value` as compact, ASCII-only JSON.
pub fn to_writer<W: io::Write, T: ?Sized + Serialize>(writer: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(writer, AsciiFormatter))
}

/// `value` as compact, ASCII-only JSON text.
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut json = Vec::with_capacity(128);
    to_writer(&mut json, value)?;
    // Only ASCII bytes were written: this cannot fail.
    String::from_utf8(json).map_err(serde::ser::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn chinese_names_and_symbols_are_escaped_and_read_back_the_same() {
        let value = json!(["张伟（E01）", "≈56.7 ¥", "𝄞", "\"q\"\n", "E01"]);
        let text = to_string(&value).unwrap();
        // A character beyond the BMP is a surrogate pair, as JavaScript holds it.
        assert_eq!(text, r#"["\u5f20\u4f1f\uff08E01\uff09","\u224856.7 \u00a5","\ud834\udd1e","\"q\"\n","E01"]"#);
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
        // Without anything beyond ASCII, the text serde_json writes.
        let plain = json!({ "rep_id": "E01", "pay": "38000.00", "rank": 1 });
        assert_eq!(to_string(&plain).unwrap(), serde_json::to_string(&plain).unwrap());
    }

    proptest::proptest! {
        /// The hand-written strings are serde_json's, byte for byte.
        #[test]
        fn a_string_written_by_hand_is_the_one_serde_json_writes(text in proptest::prelude::any::<String>(), control in 0u32..0x20) {
            let text = format!("{text}{}\"\\\u{7f}张{text}", char::from_u32(control).unwrap_or('a'));
            let mut out = String::new();
            push_string(&mut out, &text);
            proptest::prop_assert_eq!(out, to_string(&text).unwrap());
        }

        #[test]
        fn any_text_is_written_in_ascii_and_read_back(texts in proptest::collection::vec(proptest::prelude::any::<String>(), 0..8)) {
            let text = to_string(&texts).unwrap();
            proptest::prop_assert!(text.is_ascii());
            proptest::prop_assert_eq!(serde_json::from_str::<Vec<String>>(&text).unwrap(), texts);
        }
    }

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        let mut values: Vec<Decimal> = ["0", "-0", "0.00", "-0.00", "5.0", "38000.00", "-0.50", "0.05", "1e-28", "79228162514264337593543950335", "-79228162514264337593543950335", "18446744073709551615", "18446744073709551616", "-18446744073709551616.5", "123.456"]
            .iter()
            .map(|s| s.parse::<Decimal>().or_else(|_| Decimal::from_scientific(s)).unwrap())
            .collect();
        values.push(Decimal::new(0, 5).set_sign_negative_then());
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mantissa = i128::from(seed as i64) >> (seed % 60);
            values.push(Decimal::from_i128_with_scale(mantissa, (seed % 29) as u32));
        }
        for d in values {
            let mut out = String::new();
            push_decimal(&mut out, d);
            assert_eq!(out, d.to_string(), "{d:?}");
        }
    }

    trait NegativeZero {
        fn set_sign_negative_then(self) -> Self;
    }
    impl NegativeZero for Decimal {
        fn set_sign_negative_then(mut self) -> Self {
            self.set_sign_negative(true);
            self
        }
    }
}
