//! Errors and warnings the engine reports to people: a stable code, the field path it is
//! about, the offending value, and the message in English and Simplified Chinese.

use serde::Serialize;

/// How serious a problem is: an error stops the plan from being used, a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The plan (or file, or rep) cannot be used as it is.
    Error,
    /// Worth a look; nothing is stopped.
    Warning,
}

/// A message in both languages the product ships.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Message {
    /// The message in English.
    pub en: String,
    /// The message in Simplified Chinese.
    pub zh: String,
}

/// One thing wrong (or worth a warning) in a plan, a data file or an evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Problem {
    /// Stable machine-readable code, e.g. `weights_sum`.
    pub code: &'static str,
    /// `error` or `warning`.
    pub severity: Severity,
    /// Where: a JSON path into the plan (`scorecards[0].kpis[1].weight`), `reps.E01.revenue.target`
    /// for a rep left out, or `line 7.visits` for a row of a data file.
    pub path: String,
    /// The offending value as the user wrote it, when there is one.
    pub value: Option<String>,
    /// What is wrong and how to fix it, in English and Simplified Chinese.
    pub message: Message,
}

/// The longest value (in characters) a problem shows whole; a longer one is cut, see [`shown`].
pub const MAX_SHOWN_CHARS: usize = 80;

/// Text from the user as a problem shows it: whole up to [`MAX_SHOWN_CHARS`] characters,
/// otherwise its first 77 characters and "…" (a 10 MB cell is not copied into a message).
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some(_) => {
            let head = text.char_indices().nth(MAX_SHOWN_CHARS - 3).map_or(text, |(at, _)| &text[..at]);
            std::borrow::Cow::Owned(format!("{head}…"))
        }
    }
}

/// How a number too large for an exact decimal is told, after the number itself.
pub const TOO_LARGE: (&str, &str) =
    ("is too large for an exact decimal (at most 79228162514264337593543950335)", "超出精确小数的范围（最大为 79228162514264337593543950335）");

impl Problem {
    /// An error with its message in English and Chinese (a long value is cut, see [`Problem::new`]).
    pub fn error(
        code: &'static str,
        path: impl Into<String>,
        value: Option<String>,
        en: String,
        zh: String,
    ) -> Self {
        Problem::new(code, Severity::Error, path.into(), value, en, zh)
    }

    /// A warning with its message in English and Chinese (a long value is cut, see [`Problem::new`]).
    pub fn warning(
        code: &'static str,
        path: impl Into<String>,
        value: Option<String>,
        en: String,
        zh: String,
    ) -> Self {
        Problem::new(code, Severity::Warning, path.into(), value, en, zh)
    }

    /// A problem. A value longer than [`MAX_SHOWN_CHARS`] characters is cut as [`shown`]
    /// does, in `value` and wherever the messages quote it whole.
    pub fn new(code: &'static str, severity: Severity, path: String, value: Option<String>, en: String, zh: String) -> Self {
        let cut = value.as_deref().map(shown).and_then(|c| match c {
            std::borrow::Cow::Owned(cut) => Some(cut),
            std::borrow::Cow::Borrowed(_) => None,
        });
        let (value, en, zh) = match (value, cut) {
            (Some(v), Some(cut)) => (Some(cut.clone()), en.replace(&v, &cut), zh.replace(&v, &cut)),
            (value, _) => (value, en, zh),
        };
        Problem { code, severity, path, value, message: Message { en, zh } }
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} [{}]", self.path, self.message.en, self.code)
    }
}

impl std::error::Error for Problem {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_in_the_value_and_in_the_messages() {
        let long = "x".repeat(10_000_000);
        let p = Problem::error("not_a_number", "line 2.visits", Some(long.clone()), format!("`visits` is `{long}`"), format!("`visits` 的值 `{long}`"));
        let cut = format!("{}…", "x".repeat(77));
        assert_eq!(p.value.as_deref(), Some(cut.as_str()));
        assert_eq!(p.message.en, format!("`visits` is `{cut}`"));
        assert_eq!(p.message.zh, format!("`visits` 的值 `{cut}`"));
        // Up to 80 characters (not bytes) a value stays whole.
        let eighty = "万".repeat(80);
        assert_eq!(shown(&eighty), eighty.as_str());
        assert_eq!(shown(&"万".repeat(81)), format!("{}…", "万".repeat(77)));
    }
}
