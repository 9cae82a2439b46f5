//! The checks of the binding's arguments. Every parameter is taken as any JavaScript value and
//! checked here, because the generated glue converts silently: a number or an object passed
//! as text became an empty string, the text `'false'` passed as a flag became `true` (and
//! `'true'` became `false`), and a line's id passed as its index became line 0. A value of
//! the wrong kind is an `invalid_argument` problem naming the parameter and the value.

use crate::Problem;
use wasm_bindgen::prelude::*;

/// `value` as text. A string with lone surrogates arrives with U+FFFD in their place.
pub(super) fn text(value: &JsValue, name: &str) -> Result<String, JsValue> {
    text_or_problem(value, name).map_err(|p| super::into_error(&[p]))
}

/// An optional text argument: `None` for `undefined` or `null`, else as [`text`].
pub(super) fn optional_text(value: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    text(value, name).map(Some)
}

/// [`text`], its error a problem (for the calls that report problems instead of throwing).
pub(super) fn text_or_problem(value: &JsValue, name: &str) -> Result<String, Problem> {
    value.as_string().ok_or_else(|| wrong_kind(value, name, "text (a string)", "文本（字符串）"))
}

/// A flag: `true` or `false`; left out (`undefined`) it is `false`.
pub(super) fn flag(value: &JsValue, name: &str) -> Result<bool, JsValue> {
    Ok(optional_flag(value, name)?.unwrap_or(false))
}

/// An optional flag: `None` for `undefined` or `null`, else `true` or `false`.
pub(super) fn optional_flag(value: &JsValue, name: &str) -> Result<Option<bool>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_bool().map(Some).ok_or_else(|| super::into_error(&[wrong_kind(value, name, "true or false", " true 或 false")]))
}

/// A whole number from 0 to 4,294,967,295 (a count, a position, a percentage, a seed).
pub(super) fn whole(value: &JsValue, name: &str) -> Result<u32, JsValue> {
    whole_number(value).ok_or_else(|| super::into_error(&[wrong_kind(value, name, "a whole number from 0 to 4294967295", "介于 0 到 4294967295 之间的整数")]))
}

/// `value` when it is a number that is whole and from 0 to `u32::MAX` (a JS number is an f64:
/// checked, then converted exactly).
fn whole_number(value: &JsValue) -> Option<u32> {
    value.as_f64().filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n)).map(|n| n as u32)
}

/// A commission line named by its position in the plan (a whole number) or by its id (text).
pub(super) enum LineRef {
    Index(usize),
    Id(String),
}

/// [`LineRef`] from `value`.
pub(super) fn line_ref(value: &JsValue, name: &str) -> Result<LineRef, JsValue> {
    if let Some(id) = value.as_string() {
        return Ok(LineRef::Id(id));
    }
    whole_number(value)
        .map(|i| LineRef::Index(i as usize))
        .ok_or_else(|| super::into_error(&[wrong_kind(value, name, "a line's id (text) or its position (a whole number from 0)", "提成项的 id（文本）或序号（从 0 起的整数）")]))
}

/// The `invalid_argument` problem: `name` must be `wanted`, and got `value` (shown as
/// JavaScript writes it, cut to 60 characters, with its kind).
fn wrong_kind(value: &JsValue, name: &str, wanted: &str, wanted_zh: &str) -> Problem {
    let (kind, kind_zh) = kind(value);
    let shown = shown(value);
    let (got, got_zh) = if shown.is_empty() { (String::new(), String::new()) } else { (format!(" ({shown})"), format!("（{shown}）")) };
    Problem::error(
        "invalid_argument",
        name,
        Some(if shown.is_empty() { kind.to_string() } else { shown.clone() }),
        format!("`{name}` must be {wanted}, not {kind}{got}"),
        format!("`{name}` 必须是{wanted_zh}，而不是{kind_zh}{got_zh}"),
    )
}

/// What kind of value `value` is, in English and Chinese.
fn kind(value: &JsValue) -> (&'static str, &'static str) {
    if value.is_null() {
        return ("null", "空值 null");
    }
    if js_sys::Array::is_array(value) {
        return ("an array", "数组");
    }
    match value.js_typeof().as_string().as_deref() {
        Some("string") => ("text", "文本"),
        Some("number") => ("a number", "数字"),
        Some("boolean") => ("a boolean", "布尔值"),
        Some("undefined") => ("undefined", "未定义值 undefined"),
        Some("bigint") => ("a bigint", "大整数 bigint"),
        Some("symbol") => ("a symbol", "符号 symbol"),
        Some("function") => ("a function", "函数"),
        _ => ("an object", "对象"),
    }
}

/// `value` as JavaScript would write it in code, text cut to 60 characters; empty for the values
/// whose kind says it all (`null`, `undefined`, functions, symbols) and for objects, whose
/// text could be anything (a getter, a huge `length`).
fn shown(value: &JsValue) -> String {
    const MOST: usize = 60;
    if let Some(text) = value.as_string() {
        return match text.char_indices().nth(MOST) {
            Some((end, _)) => format!("{:?}…", &text[..end]),
            None => format!("{text:?}"),
        };
    }
    if let Some(n) = value.as_f64() {
        return js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default();
    }
    value.as_bool().map(|b| b.to_string()).unwrap_or_default()
}
