//! Reading a plan from JSON text: syntax, version, and field types, each error with the
//! JSON path and the offending value.

use super::tree::Tree;
use super::Plan;
use crate::problem::{Problem, TOO_LARGE};
use serde_json::Value;

/// The plan format version this engine writes and reads.
pub const CURRENT_VERSION: u32 = 1;
/// The largest plan text accepted, in bytes.
pub const MAX_PLAN_BYTES: usize = 1 << 20;

/// Parses plan JSON into a [`Plan`]; does not validate the rules (see [`super::validate`]).
pub fn parse_plan(text: &str) -> Result<Plan, Vec<Problem>> {
    let text = without_bom(text);
    if text.len() > MAX_PLAN_BYTES {
        return Err(vec![Problem::error(
            "plan_too_large",
            "",
            Some(format!("{} bytes", text.len())),
            format!("the plan is {} bytes; the limit is {MAX_PLAN_BYTES} bytes", text.len()),
            format!("方案文件为 {} 字节，上限为 {MAX_PLAN_BYTES} 字节", text.len()),
        )]);
    }
    let tree: Tree = serde_json::from_str(text).map_err(|e| vec![syntax_problem(text, &e)])?;
    if let Some(problem) = imprecise_number(text) {
        return Err(vec![problem]);
    }
    match super::tracked::read::<Plan>(&tree) {
        Ok(plan) if plan.version == CURRENT_VERSION => Ok(plan),
        // Something to say: about the version first, as a plan of another version may not
        // have this version's fields. (Every version but the current one is refused today;
        // a future migration step must read the migrated plan again here, not `read`.)
        read => {
            let value = migrate(tree.to_value())?;
            read.map_err(|(path, e)| vec![field_problem(&value, &path, &e)])
        }
    }
}

/// The JSON syntax error of plan text, in the words [`parse_plan`] would use; `None` when the
/// text is JSON (whatever it holds). For a hint while a plan is typed.
pub fn json_syntax(text: &str) -> Option<Problem> {
    serde_json::from_str::<Tree>(without_bom(text)).err().map(|e| syntax_problem(text, &e))
}

/// The most significant digits a JSON number keeps: JSON numbers are read as binary floating
/// point (whole numbers as 64-bit integers), which holds 15 digits exactly.
const PRECISE_DIGITS: usize = 15;

/// The first JSON number in `text` (valid JSON) that would not be read exactly, as an error
/// rather than a silent rounding: written in quotes, it is exact.
fn imprecise_number(text: &str) -> Option<Problem> {
    let (start, token) = json_numbers(text).find(|(_, token)| !kept_exactly(token))?;
    let line = text[..start].matches('\n').count() + 1;
    let column = start - text[..start].rfind('\n').map_or(0, |n| n + 1) + 1;
    let shown = crate::problem::shown(token);
    Some(Problem::error(
        "number_too_precise",
        "",
        Some(token.to_string()),
        format!("line {line}, column {column}: the number {shown} has more digits than a JSON number keeps exactly ({PRECISE_DIGITS}): write it in double quotes, \"{shown}\", to keep every digit"),
        format!("第 {line} 行第 {column} 列：数字 {shown} 的位数超过 JSON 数字能精确保留的位数（{PRECISE_DIGITS} 位）：请写在双引号中，\"{shown}\"，以保留每一位"),
    ))
}

/// Whether a JSON number reads exactly: at most [`PRECISE_DIGITS`] significant digits with a
/// fraction or an exponent, at most 18 digits as a whole number.
fn kept_exactly(token: &str) -> bool {
    let mantissa = token.split(['e', 'E']).next().unwrap_or(token);
    let digits = mantissa.trim_start_matches('-').replace('.', "");
    let digits = digits.trim_start_matches('0');
    if token.contains(['.', 'e', 'E']) {
        digits.trim_end_matches('0').len() <= PRECISE_DIGITS
    } else {
        digits.len() <= 18
    }
}

/// The numbers of JSON text (outside its strings), each with its byte offset.
fn json_numbers(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let (mut at, mut in_string) = (0, false);
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let b = bytes[at];
            if in_string || b == b'"' || !(b == b'-' || b.is_ascii_digit()) {
                match (in_string, b) {
                    (true, b'\\') => at += 1,
                    (_, b'"') => in_string = !in_string,
                    _ => {}
                }
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && matches!(bytes[at], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                at += 1;
            }
            return Some((start, &text[start..at]));
        }
        None
    })
}

/// `text` without the byte-order mark Windows editors (Notepad, Excel) put first in a UTF-8 file.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// A JSON syntax error in words in both languages, with the line and column it is at.
fn syntax_problem(text: &str, e: &serde_json::Error) -> Problem {
    let (en, zh) = if text.trim().is_empty() {
        ("it is empty".to_string(), "内容为空".to_string())
    } else {
        let (line, column) = (e.line(), e.column());
        let (what, what_zh) = syntax_words(e);
        (format!("line {line}, column {column}: {what}"), format!("第 {line} 行第 {column} 列：{what_zh}"))
    };
    Problem::error("json_syntax", "", None, format!("the plan is not valid JSON: {en}"), format!("方案不是有效的 JSON：{zh}"))
}

/// What serde_json found wrong, in plain words (its own words, untranslated, for the rare
/// error not listed here).
fn syntax_words(e: &serde_json::Error) -> (String, String) {
    let full = e.to_string();
    let what = full.rsplit_once(" at line ").map_or(full.as_str(), |(what, _)| what);
    let (en, zh) = match what {
        "EOF while parsing a value" => ("the text ends where a value should be", "文本在应有值的位置结束"),
        "EOF while parsing a list" => ("the text ends inside a list [ … ] that is not closed", "文本结束时列表 [ … ] 尚未闭合"),
        "EOF while parsing an object" => ("the text ends inside an object { … } that is not closed", "文本结束时对象 { … } 尚未闭合"),
        "EOF while parsing a string" => ("the text ends inside a quoted text that is not closed", "文本结束时引号中的文本尚未闭合"),
        "trailing comma" => ("a comma before a closing bracket", "右括号前多了一个逗号"),
        "key must be a string" => ("a field name must be in double quotes", "字段名必须用双引号括起来"),
        "recursion limit exceeded" => ("nested more than 127 levels deep", "嵌套超过 127 层"),
        "number out of range" => ("a number too large to read", "数字过大，无法读取"),
        "invalid number" => ("a number written wrongly", "数字写法有误"),
        "expected value" => ("a value was expected here (a number, text in double quotes, true, false, null, [ … ] or { … })", "此处应为一个值（数字、双引号中的文本、true、false、null、[ … ] 或 { … }）"),
        "expected ident" => ("a word JSON does not know (only true, false and null are)", "无法识别的单词（JSON 只认 true、false 和 null）"),
        "expected `:`" => ("a colon after the field name was expected", "字段名后应为冒号"),
        "expected `,` or `]`" => ("a comma or ] was expected", "此处应为逗号或 ]"),
        "expected `,` or `}`" => ("a comma or } was expected", "此处应为逗号或 }"),
        "trailing characters" => ("more text after the end of the plan", "方案结束后还有多余的文本"),
        "invalid escape" => ("a \\ in quoted text that is not a valid escape (write \\\\ for a backslash)", "引号中的 \\ 不是有效的转义（反斜杠请写成 \\\\）"),
        "control character (\\u0000-\\u001F) found while parsing a string" => ("a line break or control character inside quoted text (write \\n)", "引号中的文本含有换行或控制字符（请写成 \\n）"),
        other => return (other.to_string(), other.to_string()),
    };
    (en.to_string(), zh.to_string())
}

/// Brings a plan written in an older format version up to [`CURRENT_VERSION`], one version
/// at a time, or says why it cannot be read. Version 1 is the first version, so today
/// there is nothing to migrate: a future version 2 adds its step here (`1 => from_v1(..)`),
/// and plan files written for version 1 keep working.
fn migrate(value: Value) -> Result<Value, Vec<Problem>> {
    let version = version_of(&value)?;
    match version {
        CURRENT_VERSION => Ok(value),
        newer if newer > CURRENT_VERSION => Err(vec![Problem::error(
            "version_unsupported",
            "version",
            Some(newer.to_string()),
            format!("this plan is written in format version {newer}, newer than this engine, which reads version {CURRENT_VERSION}: update the engine"),
            format!("此方案使用格式版本 {newer}，比本引擎新（本引擎读取版本 {CURRENT_VERSION}），请升级引擎"),
        )]),
        older => Err(vec![Problem::error(
            "version_unsupported",
            "version",
            Some(older.to_string()),
            format!("there is no plan format version {older}: the first version is 1, and this engine reads version {CURRENT_VERSION}"),
            format!("不存在方案格式版本 {older}：第一个版本为 1，本引擎读取版本 {CURRENT_VERSION}"),
        )]),
    }
}

/// The plan's `version`: a whole number, or a problem saying what is wrong with it.
fn version_of(value: &Value) -> Result<u32, Vec<Problem>> {
    let Some(object) = value.as_object() else {
        let (en, zh) = match value {
            Value::Array(_) => ("a list [ … ]", "列表 [ … ]"),
            Value::String(_) => ("text", "文本"),
            Value::Number(_) => ("a number", "数字"),
            Value::Bool(_) => ("true or false", " true 或 false"),
            _ => ("null", " null"),
        };
        return Err(vec![Problem::error(
            "plan_not_object",
            "",
            Some(short(value)),
            format!("the plan must be a JSON object ({{ … }}), not {en}"),
            format!("方案必须是 JSON 对象（{{ … }}），而不是{zh}"),
        )]);
    };
    let Some(version) = object.get("version") else {
        return Err(vec![Problem::error(
            "version_missing",
            "version",
            None,
            format!("the plan has no \"version\": add \"version\": {CURRENT_VERSION}"),
            format!("方案缺少 \"version\"：请添加 \"version\": {CURRENT_VERSION}"),
        )]);
    };
    version.as_u64().and_then(|v| u32::try_from(v).ok()).ok_or_else(|| {
        vec![Problem::error(
            "version_invalid",
            "version",
            Some(short(version)),
            format!("\"version\" must be a whole number such as {CURRENT_VERSION}, not {version}"),
            format!("\"version\" 必须是整数（例如 {CURRENT_VERSION}），而不是 {version}"),
        )]
    })
}

/// Turns a serde error at a path into a problem naming the path and the value found there.
fn field_problem(root: &Value, at_path: &super::tracked::Path, e: &serde_json::Error) -> Problem {
    let mut path = at_path.to_string();
    if path == "." {
        path.clear();
    }
    let inner = e.to_string();
    // "missing field `x`" is reported at the object: point at the field itself.
    if let Some(field) = between(&inner, "missing field `", "`") {
        let full = join(&path, field);
        return Problem::error(
            "missing_field",
            full.clone(),
            None,
            format!("required field `{field}` is missing"),
            format!("缺少必填字段 `{field}`"),
        );
    }
    // The tree keeps every entry of an object: a field written twice is not a silent choice.
    if let Some(field) = between(&inner, "duplicate field `", "`") {
        return Problem::error(
            "duplicate_field",
            join(&path, field),
            None,
            format!("the field `{field}` is written twice here: keep one"),
            format!("此处字段 `{field}` 写了两次：请只保留一个"),
        );
    }
    let at = at_path.lookup(root);
    if let Some(field) = between(&inner, "unknown field `", "`") {
        let expected = options(&inner);
        let expected = if expected.0.is_empty() { ("no other field here".to_string(), "此处不接受其他字段".to_string()) } else { expected };
        // Inside a tagged object (a scoring, a bonus rule) serde reports the object: name the field.
        let path = if at.is_some_and(|v| v.get(field).is_some()) { join(&path, field) } else { path };
        return Problem::error(
            "unknown_field",
            path,
            None,
            format!("unknown field `{field}` (is it misspelt?); expected {}", expected.0),
            format!("未知字段 `{field}`（是否拼写错误？）；可用字段：{}", expected.1),
        );
    }
    if let Some(variant) = between(&inner, "unknown variant `", "`") {
        let (en, zh) = options(&inner);
        let path = at.and_then(|v| locate(v, variant)).map_or(path.clone(), |(field, _)| join(&path, &field));
        return Problem::error(
            "unknown_option",
            path,
            Some(variant.to_string()),
            format!("`{variant}` is not one of the options: {en}"),
            format!("`{variant}` 不是可选值之一，可选：{zh}"),
        );
    }
    if let Some(problem) = bare_variant(&path, at_path, at, &inner) {
        return problem;
    }
    let (en, zh) = describe_type_error(&inner);
    // A value serde names (`-1`, "thirty") inside a tagged object: point at the field holding it.
    let found = between(&inner, "`", "`").or_else(|| between(&inner, "\"", "\""));
    match (at, found) {
        (Some(object @ Value::Object(_)), Some(found)) if !path.is_empty() => match locate(object, found) {
            Some((field, value)) => Problem::error("invalid_value", join(&path, &field), Some(short(value)), en, zh),
            None => Problem::error("invalid_value", path, Some(short(object)), en, zh),
        },
        _ => Problem::error("invalid_value", path, at.map(short), en, zh),
    }
}

/// An option that needs a value written as its name alone (`"split": "shares"`): reported at
/// the field holding it, with the shape it takes (`{"shares": …}`).
fn bare_variant(path: &str, at_path: &super::tracked::Path, at: Option<&Value>, inner: &str) -> Option<Problem> {
    let Some(super::tracked::Segment::Variant(variant)) = at_path.0.last() else { return None };
    if !inner.starts_with("invalid type: unit variant") || at.and_then(Value::as_str) != Some(*variant) {
        return None;
    }
    let field = path.strip_suffix(variant).map_or(path, |p| p.trim_end_matches('.'));
    let shape = format!("{{\"{variant}\": …}}");
    Some(Problem::error(
        "invalid_value",
        field.to_string(),
        Some(variant.to_string()),
        format!("`{variant}` needs its settings: write an object such as {shape}"),
        format!("`{variant}` 需要设置内容：应写成对象，例如 {shape}"),
    ))
}

/// The field of `object` whose value (or, one level down, whose key) is `text`, or the field of
/// an item of one of its lists (a 360 rating's `raters[1].weight`, a band table's
/// `steps[0].at`), when exactly one of all those is; with the value found there. Two places
/// holding it are no answer: serde does not say which one it read.
fn locate<'v>(object: &'v Value, text: &str) -> Option<(String, &'v Value)> {
    let map = object.as_object()?;
    let matches = |v: &Value| match v {
        Value::String(s) => s == text,
        Value::Number(n) => n.to_string() == text,
        Value::Bool(b) => b.to_string() == text,
        Value::Object(inner) => inner.contains_key(text),
        _ => false,
    };
    let mut hits: Vec<(String, &Value)> = map.iter().filter(|(_, v)| matches(v)).map(|(k, v)| (k.clone(), v)).collect();
    for (key, items) in map.iter().filter_map(|(k, v)| v.as_array().map(|items| (k, items))) {
        for (i, item) in items.iter().enumerate() {
            let fields = item.as_object().into_iter().flatten();
            hits.extend(fields.filter(|(_, v)| matches(v)).map(|(f, v)| (format!("{key}[{i}].{f}"), v)));
        }
    }
    let mut hits = hits.into_iter();
    let first = hits.next()?;
    hits.next().is_none().then_some(first)
}

/// The options serde lists after "expected", in English and in Chinese.
fn options(inner: &str) -> (String, String) {
    let list = inner.split_once(", expected ").map_or("", |(_, x)| x).trim_start_matches("one of ");
    (list.replace(" or ", ", "), list.replace(" or ", "、").replace(", ", "、"))
}

/// serde's "invalid type: string \"x\", expected …" as a sentence in both languages.
fn describe_type_error(inner: &str) -> (String, String) {
    let body = inner.trim_start_matches("invalid type: ").trim_start_matches("invalid value: ");
    let Some((found, expected)) = body.split_once(", expected ") else {
        if let Some(n) = body.strip_prefix("invalid length ") {
            return (format!("the list has the wrong number of items ({n})"), format!("列表项数不对（{n}）"));
        }
        return (format!("invalid value: {body}"), format!("值无效：{body}"));
    };
    let (found, found_zh) = found_words(found);
    if expected.contains("Decimal") {
        if let Some(number) = found_number(&found) {
            // 100,000 as a page or a spreadsheet shows it: a plan's number has no separators.
            if number.contains(',') {
                let plain = number.replace(',', "");
                return (
                    format!("`{number}` is written with thousands separators: write it as {plain}"),
                    format!("`{number}` 含千位分隔符：请写成 {plain}"),
                );
            }
            return (format!("`{number}` {}", TOO_LARGE.0), format!("`{number}` {}", TOO_LARGE.1));
        }
    }
    // A number where a formula or a name is read (`"target": 0`): how to write it as text.
    if let ("a string", Some(number)) = (expected, found.strip_prefix("number `").and_then(|n| n.strip_suffix('`'))) {
        return (
            format!("expected text, found number `{number}`: write it in double quotes, \"{number}\""),
            format!("应为文本，实际为数字 `{number}`：请写在双引号中，\"{number}\""),
        );
    }
    let (e, z) = match expected {
        x if x.contains("Decimal") => ("a number (or a number in quotes)", "数字"),
        x if x.starts_with('u') && x[1..].chars().all(|c| c.is_ascii_digit()) => ("a whole number, 0 or more", "非负整数"),
        "a string" => ("text", "文本"),
        "a sequence" => ("a list [ … ]", "列表 [ … ]"),
        "a boolean" => ("true or false", " true 或 false"),
        "string or map" => ("an option name in quotes", "带引号的选项名称"),
        "newtype variant" => ("an object such as {\"contribution\": \"revenue_collected\"}", "对象，例如 {\"contribution\": \"revenue_collected\"}"),
        "map with a single key" => ("an object with exactly one of its options", "只含一个选项的对象"),
        "fewer elements in array" => ("a shorter list", "更短的列表"),
        x if x.starts_with("struct") || x.starts_with("internally tagged") || x.starts_with("a map") => ("an object { … }", "对象 { … }"),
        x => (x, x),
    };
    (format!("expected {e}, found {found}"), format!("应为{z}，实际为{found_zh}"))
}

/// What serde found, as "text \"thirty\"" and "文本 \"thirty\"" (long text cut).
fn found_words(found: &str) -> (String, String) {
    let (en, zh, rest) = [
        ("string ", "text ", "文本 "),
        ("floating point ", "number ", "数字 "),
        ("integer ", "number ", "数字 "),
        ("boolean ", "boolean ", "布尔值 "),
    ]
    .iter()
    .find_map(|(serde, en, zh)| found.strip_prefix(serde).map(|rest| (*en, *zh, rest)))
    .unwrap_or(("", "", found));
    let fixed = match rest {
        "sequence" => Some(("a list", "列表")),
        "map" => Some(("an object", "对象")),
        "null" | "unit value" => Some(("null", "空值 null")),
        "unit variant" => Some(("only the option's name", "只有选项名称")),
        _ => None,
    };
    if let Some((e, z)) = fixed {
        return (e.to_string(), z.to_string());
    }
    if let Some(n) = rest.strip_prefix("invalid length ") {
        return (format!("{n} items"), format!(" {n} 项"));
    }
    let rest = crate::problem::shown(rest);
    let zh = if zh.is_empty() { format!(" {rest}") } else { format!("{zh}{rest}") };
    (format!("{en}{rest}"), zh)
}

/// The number in "number `1e+30`" or "text \"7922…\"", when what serde found is one.
fn found_number(found: &str) -> Option<&str> {
    let n = found.strip_prefix("number `").and_then(|n| n.strip_suffix('`')).or_else(|| found.strip_prefix("text \"").and_then(|n| n.strip_suffix('"')))?;
    crate::data::looks_numeric(n).then_some(n)
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// A value as short text for a message: strings without quotes, long ones cut.
pub(crate) fn short(v: &Value) -> String {
    let text = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    crate::problem::shown(&text).into_owned()
}
