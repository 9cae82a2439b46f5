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

impl Problem {
    /// An error with its message in English and Chinese.
    pub fn error(
        code: &'static str,
        path: impl Into<String>,
        value: Option<String>,
        en: String,
        zh: String,
    ) -> Self {
        Problem { code, severity: Severity::Error, path: path.into(), value, message: Message { en, zh } }
    }

    /// A warning with its message in English and Chinese.
    pub fn warning(
        code: &'static str,
        path: impl Into<String>,
        value: Option<String>,
        en: String,
        zh: String,
    ) -> Self {
        Problem { code, severity: Severity::Warning, path: path.into(), value, message: Message { en, zh } }
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
