//! Reps and their figures per period: the dataset the engine evaluates, loaded from CSV
//! (one row per rep and period) with a report of every row it could not take.

mod adjustments;
mod csv;
#[cfg(not(target_arch = "wasm32"))]
mod sample;
mod synthetic;

pub use adjustments::{load_adjustments_csv, Adjustment};
#[cfg(not(target_arch = "wasm32"))]
pub use sample::{sample_adjustments_csv, sample_csv, sample_dataset};
pub use synthetic::{dataset_csv, synthetic_dataset, synthetic_monthly};

use crate::calc::Checked;
use crate::indices::PackedIndices;
use crate::label::Label;
use crate::packed::PackedFigures;
use crate::problem::{Problem, TOO_LARGE};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::str::FromStr;

/// Columns every data file must have.
pub const REQUIRED_COLUMNS: [&str; 5] = ["rep_id", "name", "region", "role", "period"];
/// Columns that hold text; every other column holds numbers.
pub const TEXT_COLUMNS: [&str; 6] = ["rep_id", "name", "name_zh", "region", "role", "period"];
/// The most data rows (rep × period) one dataset may hold.
pub const MAX_ROWS: usize = 2_000_000;
/// The most reps one dataset loaded from a file may hold.
pub const MAX_REPS: usize = 100_000;

/// Who a rep is; the same for every period. Serialized as `{ id, name, name_zh, region, role }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rep {
    /// The rep's id (the data's `rep_id` column), e.g. `E01`.
    pub id: Label,
    /// The rep's name and Chinese name in one text (one allocation per rep instead of two):
    /// the name is its first `name_len` bytes.
    names: Label,
    name_len: u32,
    /// The rep's region (the `region` column), e.g. `East`.
    pub region: Label,
    /// The rep's role (the `role` column), e.g. `new_business`.
    pub role: Label,
}

impl Rep {
    /// A rep with this id, name (the `name` column), Chinese name (the optional `name_zh`
    /// column; empty when the data has none), region and role.
    pub fn new(id: Label, name: &str, name_zh: &str, region: Label, role: Label) -> Rep {
        // A name of 4 GB or more (no file read that large reaches here) would read back as the
        // name and Chinese name together, never panic.
        let name_len = u32::try_from(name.len()).unwrap_or(u32::MAX);
        let names = if name_zh.is_empty() { Label::from(name) } else { Label::from([name, name_zh].concat()) };
        Rep { id, names, name_len, region, role }
    }

    /// The rep's name (the `name` column).
    pub fn name(&self) -> &str {
        self.names.get(..self.name_len as usize).unwrap_or(&self.names)
    }

    /// The rep's Chinese name (the `name_zh` column); empty when the data has none.
    pub fn name_zh(&self) -> &str {
        self.names.get(self.name_len as usize..).unwrap_or_default()
    }

    /// The name to use in Chinese text: `name_zh`, or `name` when the data has none.
    pub fn display_name_zh(&self) -> &str {
        if self.name_zh().is_empty() { self.name() } else { self.name_zh() }
    }
}

// A rep as it is serialized, and described in the JSON Schema and the TypeScript types.
/// Who a rep is; the same for every period.
#[derive(serde::Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[cfg_attr(test, schemars(rename = "Rep"))]
struct RepFields<'a> {
    /// The rep's id (the data's `rep_id` column), e.g. `E01`.
    id: &'a str,
    /// The rep's name (the `name` column).
    name: &'a str,
    /// The rep's Chinese name (the optional `name_zh` column); empty when the data has none.
    name_zh: &'a str,
    /// The rep's region (the `region` column), e.g. `East`.
    region: &'a str,
    /// The rep's role (the `role` column), e.g. `new_business`.
    role: &'a str,
}

impl serde::Serialize for Rep {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RepFields { id: &self.id, name: self.name(), name_zh: self.name_zh(), region: &self.region, role: &self.role }.serialize(serializer)
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Rep {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        RepFields::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RepFields::json_schema(generator)
    }
}

/// A rep's figures in one period, as read from the dataset's columns.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The rep, by index in `Dataset::reps`.
    pub rep: usize,
    /// The period, by index in `Dataset::periods`.
    pub period: usize,
    /// The row's position in every column.
    at: usize,
    figures: &'a [PackedFigures],
}

impl<'a> Row<'a> {
    /// The row's figure in numeric column `column` (`Dataset::columns[column]`); `None` when
    /// blank or past the last column.
    #[inline]
    pub fn value(&self, column: usize) -> Option<Decimal> {
        self.figures.get(column)?.get(self.at)
    }

    /// The row's figures, one per numeric column.
    pub fn values(&self) -> impl Iterator<Item = Option<Decimal>> + 'a {
        let at = self.at;
        self.figures.iter().map(move |column| column.get(at))
    }
}

impl PartialEq for Row<'_> {
    /// The same rep and period with the same figures.
    fn eq(&self, other: &Row) -> bool {
        (self.rep, self.period) == (other.rep, other.period) && self.values().eq(other.values())
    }
}

/// Reps, periods (sorted), numeric columns, one row per rep and period, and adjustments
/// (returned revenue). The figures are kept a column at a time, each column as narrow as its
/// figures allow (a column of counts takes a byte a row, one of amounts three or four).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    /// The numeric columns, by name.
    pub columns: Vec<String>,
    /// The reps, in the order they first appear.
    pub reps: Vec<Rep>,
    /// The period names, sorted.
    pub periods: Vec<String>,
    /// Each row's rep, by index in `reps` (as narrow as the number of reps allows).
    row_reps: PackedIndices,
    /// Each row's period, by index in `periods`.
    row_periods: PackedIndices,
    /// One list per numeric column: each row's figure at the row's position.
    figures: Vec<PackedFigures>,
    /// Returned revenue to claw back.
    pub adjustments: Vec<Adjustment>,
}

/// What a dataset holds: counts, the periods, and the numeric columns formulas can use.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct DataSummary {
    /// Number of reps.
    pub reps: usize,
    /// Number of data rows (rep × period).
    pub rows: usize,
    /// The period names, sorted.
    pub periods: Vec<String>,
    /// The numeric columns, usable by name in formulas.
    pub columns: Vec<String>,
    /// Number of returned-revenue adjustments.
    pub adjustments: usize,
}

/// A loaded dataset and the rows it had to leave out, each with its reason.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The reps and rows that could be read.
    pub dataset: Dataset,
    /// The rows left out, each with its reason (severity `error`), and the figures of rows
    /// kept that need a look (severity `warning`: `not_a_number`, a cell read as blank, and
    /// `negative_value`, one per column).
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// A dataset with these numeric columns and periods, and no reps yet.
    pub fn with_columns(columns: Vec<String>, periods: Vec<String>) -> Dataset {
        let figures = columns.iter().map(|_| PackedFigures::default()).collect();
        Dataset { columns, periods, figures, ..Dataset::default() }
    }

    /// What this dataset holds.
    pub fn summary(&self) -> DataSummary {
        DataSummary { reps: self.reps.len(), rows: self.row_count(), periods: self.periods.clone(), columns: self.columns.clone(), adjustments: self.adjustments.len() }
    }

    /// The number of rows (rep × period).
    pub fn row_count(&self) -> usize {
        self.row_reps.len()
    }

    /// Every row, in the order added.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        (0..self.row_count()).filter_map(|at| self.row(at))
    }

    /// The row at position `at` in the order added.
    pub fn row(&self, at: usize) -> Option<Row<'_>> {
        Some(Row { rep: self.row_reps.get(at)?, period: self.row_periods.get(at)?, at, figures: &self.figures })
    }

    /// The rows of one period, in rep order.
    pub fn rows_in(&self, period: usize) -> impl Iterator<Item = Row<'_>> {
        self.rows().filter(move |r| r.period == period)
    }

    /// The row of `rep` in `period`, if it has one.
    pub fn row_of(&self, rep: usize, period: usize) -> Option<Row<'_>> {
        self.rows_in(period).find(|r| r.rep == rep)
    }

    /// Adds the row of rep `rep` (an index in `reps`) in period `period` (in `periods`), one
    /// figure per numeric column: missing figures are blank, extra ones are left out.
    pub fn push_row(&mut self, rep: usize, period: usize, values: impl IntoIterator<Item = Option<Decimal>>) {
        // Columns named after rows were added (or a dataset built without `with_columns`):
        // their earlier rows are blank.
        while self.figures.len() < self.columns.len() {
            self.figures.push((0..self.row_count()).map(|_| None).collect());
        }
        let mut values = values.into_iter();
        for column in &mut self.figures {
            column.push(values.next().flatten());
        }
        self.row_reps.push(rep);
        self.row_periods.push(period);
    }

    /// Gives back the room the lists grew into while rows were added.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.row_reps.shrink_to_fit();
        self.row_periods.shrink_to_fit();
        self.reps.shrink_to_fit();
        self.figures.iter_mut().for_each(PackedFigures::shrink_to_fit);
    }

    /// The index of a period by its name.
    pub fn period_index(&self, name: &str) -> Option<usize> {
        self.periods.iter().position(|p| p == name)
    }
}

/// Reads a CSV text. Fails only when nothing can be read (no header, a required column
/// missing); bad rows are left out and reported in [`Loaded::problems`].
pub fn load_csv(text: &str) -> Result<Loaded, Vec<Problem>> {
    if let Some(problem) = encoding_problem(text, "") {
        return Err(vec![problem]);
    }
    // Each row is added as it is read: the file is never held as records (about 1.4 KB per
    // row of 33 columns as separate strings, three times what the row keeps). What a file
    // is reported for is the same as when it was read whole first: an unclosed quote before
    // a bad header, a bad header before too many rows, too many rows before any row.
    let mut reading = Reading::Header;
    let mut rows = 0usize;
    csv::for_each_record(text, |record| match &mut reading {
        Reading::Header => {
            reading = match Header::read(&record.fields) {
                Ok(header) => Reading::Rows(Box::new(Builder::new(header.numeric_names())), header),
                Err(problems) => Reading::BadHeader(problems),
            }
        }
        Reading::Rows(builder, header) => {
            rows += 1;
            if rows > MAX_ROWS {
                reading = Reading::TooManyRows; // the rows read so far are dropped: only counted from here
            } else if let Err(problem) = builder.add(header, &record) {
                builder.problems.push(problem);
            }
        }
        Reading::TooManyRows => rows += 1,
        Reading::BadHeader(_) => {}
    })
    .map_err(|e| {
        vec![Problem::error(
            "csv_unclosed_quote",
            format!("line {}", e.line),
            None,
            format!("a quoted field opened on line {} is never closed", e.line),
            format!("第 {} 行开始的引号字段没有闭合", e.line),
        )]
    })?;
    let builder = match reading {
        Reading::Header => return Err(vec![Problem::error("csv_empty", "", None, "the file has no rows".into(), "文件中没有数据行".into())]),
        Reading::BadHeader(problems) => return Err(problems),
        Reading::TooManyRows => {
            return Err(vec![Problem::error(
                "too_many_rows",
                "",
                Some(rows.to_string()),
                format!("{rows} rows is more than the {MAX_ROWS} a dataset may hold"),
                format!("{rows} 行超过单个数据集上限 {MAX_ROWS} 行"),
            )])
        }
        // A header and no row: taken, it would replace the reps in use with none.
        Reading::Rows(_, _) if rows == 0 => return Err(vec![Problem::error("csv_empty", "", None, "the file has a header and no rows".into(), "文件只有表头，没有数据行".into())]),
        Reading::Rows(builder, _) => builder,
    };
    let reps = builder.dataset.reps.len();
    if reps > MAX_REPS {
        return Err(vec![Problem::error(
            "too_many_reps",
            "",
            Some(reps.to_string()),
            format!("{reps} reps is more than the {MAX_REPS} a dataset may hold"),
            format!("{reps} 位销售人员超过单个数据集上限 {MAX_REPS} 位"),
        )]);
    }
    Ok(builder.finish())
}

/// Text that was not UTF-8 when it was read: a replacement character (U+FFFD, what a
/// decoder puts for bytes it cannot read, e.g. a GB18030 file read as UTF-8) or a NUL
/// (every other byte of a UTF-16 file). Reported at its line (`prefix` names the file), so
/// the file is never read with garbled names.
pub(crate) fn encoding_problem(text: &str, prefix: &str) -> Option<Problem> {
    let (line, value, what, what_zh) = not_text(text)?;
    Some(Problem::error(
        "encoding",
        format!("{prefix}line {line}"),
        Some(value.into()),
        // The path names the file as the API does (`adjustments line 3`); the words as the page does (returns).
        format!("{}line {line} holds {what}: save the file as UTF-8 (in Excel: CSV UTF-8) and load it again", if prefix.is_empty() { "" } else { "returns file " }),
        format!("{}第 {line} 行含有{what_zh}：请将文件另存为 UTF-8（Excel 中选择“CSV UTF-8”）后重新导入", if prefix.is_empty() { "" } else { "退回文件" }),
    ))
}

/// The first character of `text` that shows it was not read as UTF-8, as (line, its code
/// point, what it is in English and in Chinese). A line that also holds a NUL is told as
/// UTF-16 (whose byte order mark reads as U+FFFD), not as GB18030.
pub(crate) fn not_text(text: &str) -> Option<(usize, &'static str, &'static str, &'static str)> {
    // Two searches for one character each (a byte search) rather than one for either of two
    // (a character at a time): a third of what setting a plan took, and most of a file's load.
    let at = [text.find('\u{FFFD}'), text.find('\0')].into_iter().flatten().min()?;
    let line = text[..at].matches('\n').count() + 1;
    let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    Some(if text[at..line_end].contains('\0') {
        (line, "U+0000", "a NUL character (the file looks like UTF-16)", "空字符 NUL（文件像是 UTF-16 编码）")
    } else {
        (line, "U+FFFD", "an unreadable character (U+FFFD: bytes that are not UTF-8, such as GB18030)", "无法识别的字符（U+FFFD：不是 UTF-8 的字节，例如 GB18030）")
    })
}

/// Where each column of the header is.
struct Header {
    names: Vec<String>,
    text_at: FxHashMap<&'static str, usize>,
    numeric_at: Vec<usize>,
}

impl Header {
    fn read(fields: &[String]) -> Result<Header, Vec<Problem>> {
        let names: Vec<String> = fields.iter().map(|f| f.trim().to_string()).collect();
        if let [only] = names.as_slice() {
            if let Some(problem) = separator_problem(only) {
                return Err(vec![problem]);
            }
        }
        let mut problems = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) {
                problems.push(Problem::error(
                    "duplicate_column",
                    format!("header.{name}"),
                    Some(name.clone()),
                    format!("column `{name}` appears twice"),
                    format!("列 `{name}` 出现了两次"),
                ));
            } else if !is_identifier(name) {
                problems.push(Problem::error(
                    "column_name",
                    format!("header[{}]", i + 1),
                    Some(name.clone()),
                    format!("column name `{name}` must start with a letter and hold only letters, digits and _ (it is used in formulas)"),
                    format!("列名 `{name}` 须以字母开头，只含字母、数字和下划线（公式中会引用）"),
                ));
            }
        }
        for required in REQUIRED_COLUMNS {
            if !names.iter().any(|n| n == required) {
                problems.push(Problem::error(
                    "missing_column",
                    "header",
                    Some(required.to_string()),
                    format!("required column `{required}` is missing (required: {})", REQUIRED_COLUMNS.join(", ")),
                    format!("缺少必需列 `{required}`（必需列：{}）", REQUIRED_COLUMNS.join("、")),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let text_at = TEXT_COLUMNS.iter().filter_map(|c| names.iter().position(|n| n == c).map(|i| (*c, i))).collect();
        let numeric_at = (0..names.len()).filter(|i| !TEXT_COLUMNS.contains(&names[*i].as_str())).collect();
        Ok(Header { names, text_at, numeric_at })
    }

    fn numeric_names(&self) -> Vec<String> {
        self.numeric_at.iter().map(|i| self.names[*i].clone()).collect()
    }

    fn text<'a>(&self, fields: &'a [String], column: &str) -> &'a str {
        self.text_at.get(column).map_or("", |i| fields[*i].trim())
    }
}

/// A header that is one column holding `;` or tabs: a file separated by something else
/// than commas (Excel in some locales saves CSV with `;`).
fn separator_problem(header: &str) -> Option<Problem> {
    let (separator, en, zh) = [(';', "`;`", " `;` "), ('\t', "tabs", "制表符")].into_iter().find(|(c, _, _)| header.contains(*c))?;
    let header = crate::problem::shown(header);
    Some(Problem::error(
        "csv_separator",
        "header",
        Some(separator.to_string()),
        format!("the header is one column, `{header}`: its fields are separated by {en}, not commas; save the file as CSV with commas (in Excel: CSV UTF-8)"),
        format!("表头只有一列 `{header}`：字段之间用的是{zh}而不是逗号；请将文件另存为以逗号分隔的 CSV（Excel 中选择“CSV UTF-8”）"),
    ))
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// Where [`load_csv`] is in the file.
enum Reading {
    /// Before the header.
    Header,
    /// Adding rows, read against the header.
    Rows(Box<Builder>, Header),
    /// The header cannot be read: the rest is only scanned (for an unclosed quote).
    BadHeader(Vec<Problem>),
    /// More rows than a dataset may hold: the rest is only counted.
    TooManyRows,
}

/// Accumulates reps, periods and rows while reading.
struct Builder {
    dataset: Dataset,
    rep_index: FxHashMap<crate::label::Label, usize>,
    /// Regions and roles, one label per name.
    names: crate::label::LabelSet,
    period_index: FxHashMap<String, usize>,
    seen: FxHashMap<(usize, usize), usize>,
    problems: Vec<Problem>,
}

impl Builder {
    fn new(columns: Vec<String>) -> Self {
        Builder {
            dataset: Dataset::with_columns(columns, Vec::new()),
            rep_index: FxHashMap::default(),
            names: crate::label::LabelSet::default(),
            period_index: FxHashMap::default(),
            seen: FxHashMap::default(),
            problems: Vec::new(),
        }
    }

    fn add(&mut self, header: &Header, record: &csv::Record) -> Result<(), Problem> {
        let line = record.line;
        let fields = &record.fields;
        if fields.len() != header.names.len() {
            return Err(Problem::error(
                "row_length",
                format!("line {line}"),
                Some(fields.len().to_string()),
                format!("line {line} has {} fields; the header has {}", fields.len(), header.names.len()),
                format!("第 {line} 行有 {} 个字段，表头有 {} 个", fields.len(), header.names.len()),
            ));
        }
        for column in REQUIRED_COLUMNS {
            if header.text(fields, column).is_empty() {
                return Err(Problem::error(
                    "empty_required",
                    format!("line {line}.{column}"),
                    None,
                    format!("line {line}: `{column}` is empty"),
                    format!("第 {line} 行：`{column}` 为空"),
                ));
            }
        }
        let mut values = Vec::with_capacity(header.numeric_at.len());
        let (rep_id, period) = (header.text(fields, "rep_id"), header.text(fields, "period"));
        // A cell that is not a number is read as blank, and reported (once the row is kept): the
        // row stays, so that a plan that does not use the column pays the rep, and one that
        // does leaves the rep out of the period with `missing_value`, said by the evaluation.
        let mut unread = Vec::new();
        for &i in &header.numeric_at {
            values.push(parse_number(&fields[i]).unwrap_or_else(|why| {
                let (column, raw) = (&header.names[i], fields[i].trim());
                let (en, zh) = if why == Unread::TooLarge {
                    (format!("line {line} (rep {rep_id}, {period}): `{column}` is `{raw}`, which {}; read as blank", TOO_LARGE.0), format!("第 {line} 行（销售人员 {rep_id}，{period}）：`{column}` 的值 `{raw}` {}；按空白读取", TOO_LARGE.1))
                } else {
                    (format!("line {line} (rep {rep_id}, {period}): `{column}` is `{raw}`, not a number; read as blank"), format!("第 {line} 行（销售人员 {rep_id}，{period}）：`{column}` 的值 `{raw}` 不是数字；按空白读取"))
                };
                unread.push(Problem::warning("not_a_number", format!("line {line}.{column}"), Some(raw.to_string()), en, zh));
                None
            }));
        }
        let rep = Rep::new(
            header.text(fields, "rep_id").into(),
            header.text(fields, "name"),
            header.text(fields, "name_zh"),
            self.names.get(header.text(fields, "region")),
            self.names.get(header.text(fields, "role")),
        );
        let rep_at = match self.rep_index.get(&rep.id) {
            Some(&at) if self.dataset.reps[at] != rep => return Err(rep_conflict(line, &self.dataset.reps[at], &rep)),
            Some(&at) => at,
            None => {
                self.dataset.reps.push(rep.clone());
                self.rep_index.insert(rep.id.clone(), self.dataset.reps.len() - 1);
                self.dataset.reps.len() - 1
            }
        };
        let period = header.text(fields, "period").to_string();
        let next_period = self.period_index.len();
        let period_at = *self.period_index.entry(period.clone()).or_insert(next_period);
        if let Some(first) = self.seen.insert((rep_at, period_at), line) {
            self.seen.insert((rep_at, period_at), first);
            return Err(Problem::error(
                "duplicate_row",
                format!("line {line}"),
                Some(format!("{} {period}", rep.id)),
                format!("line {line}: rep `{}` already has a row for period {period} (line {first})", rep.id),
                format!("第 {line} 行：销售人员 `{}` 在期间 {period} 已有数据（第 {first} 行）", rep.id),
            ));
        }
        self.dataset.push_row(rep_at, period_at, values);
        self.problems.extend(unread);
        Ok(())
    }

    /// One warning per numeric column with figures below 0 in the rows kept: they are kept as
    /// written (a column may hold a signed amount, such as a net revenue), but a count or a
    /// rating below 0 is a mistake the file's author should see. Worked out once the rows of
    /// odd periods are left out, while the periods keep their first indices.
    fn negative_warnings(&mut self) {
        let names: FxHashMap<usize, &str> = self.period_index.iter().map(|(name, at)| (*at, name.as_str())).collect();
        let mut first: Vec<Option<(usize, usize, usize, Decimal, usize)>> = vec![None; self.dataset.columns.len()];
        for row in self.dataset.rows() {
            for (at, value) in row.values().enumerate() {
                let Some(v) = value.filter(|v| v.is_sign_negative() && !v.is_zero()) else { continue };
                match first.get_mut(at) {
                    Some(Some((.., rows))) => *rows += 1,
                    Some(none) => *none = Some((self.seen.get(&(row.rep, row.period)).copied().unwrap_or_default(), row.rep, row.period, v, 1)),
                    None => {}
                }
            }
        }
        for (at, seen) in first.into_iter().enumerate() {
            let Some((line, rep, period, value, rows)) = seen else { continue };
            let (column, id, period) = (&self.dataset.columns[at], &self.dataset.reps[rep].id, names.get(&period).copied().unwrap_or_default());
            let (more_en, more_zh) = match rows - 1 {
                0 => (String::new(), String::new()),
                1 => (" (and in 1 more row)".to_string(), "（另有 1 行）".to_string()),
                more => (format!(" (and in {more} more rows)"), format!("（另有 {more} 行）")),
            };
            self.problems.push(Problem::warning(
                "negative_value",
                format!("line {line}.{column}"),
                Some(value.to_string()),
                format!("line {line} (rep {id}, {period}): `{column}` is `{value}`, below 0{more_en}; kept as written: a count, a rating or an amount below 0 is most likely a mistake in the file"),
                format!("第 {line} 行（销售人员 {id}，{period}）：`{column}` 的值 `{value}` 小于 0{more_zh}；已按原样保留：计数、评分或金额小于 0 多半是文件有误"),
            ));
        }
    }

    /// Sorts periods by name (2026-Q1 < 2026-Q2) and renumbers the rows to match.
    fn finish(mut self) -> Loaded {
        self.leave_out_odd_periods();
        self.negative_warnings();
        let mut order: Vec<(String, usize)> = self.period_index.into_iter().collect();
        crate::sorting::sort(&mut order);
        // Indices may have gaps where odd periods were left out.
        let mut renumber = vec![0; order.iter().map(|(_, old)| old + 1).max().unwrap_or(0)];
        for (new, (_, old)) in order.iter().enumerate() {
            renumber[*old] = new;
        }
        self.dataset.row_periods.map_in_place(|period| renumber[period]);
        self.dataset.periods = order.into_iter().map(|(name, _)| name).collect();
        self.dataset.shrink_to_fit();
        Loaded { dataset: self.dataset, problems: self.problems }
    }

    /// When the file's periods are named as months, quarters or years (2026-03, 2026-Q1, 2026),
    /// the rows of a period written otherwise (`Q4 2026`, an Excel date `2026-10-01`) are left
    /// out and reported: kept, they would be a period of their own, and their reps would be
    /// missing from the period they belong to with nothing said. The kind is the one most of
    /// the file's period names have; a file of other names (`Spring`) is kept as it is.
    fn leave_out_odd_periods(&mut self) {
        use crate::plan::PeriodKind;
        let kinds = [PeriodKind::Quarter, PeriodKind::Month, PeriodKind::Year];
        let named = |kind: PeriodKind| self.period_index.keys().filter(|name| kind.parse(name).is_some()).count();
        let Some(kind) = kinds.into_iter().filter(|k| named(*k) > 0).max_by_key(|k| named(*k)) else { return };
        let odd: Vec<usize> = self.period_index.iter().filter(|(name, _)| kind.parse(name).is_none()).map(|(_, at)| *at).collect();
        if odd.is_empty() {
            return;
        }
        let old = std::mem::replace(&mut self.dataset, Dataset::with_columns(Vec::new(), Vec::new()));
        let mut kept = Dataset::with_columns(old.columns.clone(), Vec::new());
        let mut left_out = Vec::new();
        for row in old.rows() {
            if odd.contains(&row.period) {
                left_out.push((self.seen.get(&(row.rep, row.period)).copied().unwrap_or_default(), row.rep, row.period));
            } else {
                kept.push_row(row.rep, row.period, row.values());
            }
        }
        kept.reps = old.reps;
        kept.adjustments = old.adjustments;
        self.dataset = kept;
        let names: FxHashMap<usize, String> = self.period_index.iter().filter(|(_, at)| odd.contains(at)).map(|(name, at)| (*at, name.clone())).collect();
        self.period_index.retain(|_, at| !odd.contains(at));
        // The periods left keep their indices: the gaps close when they are sorted.
        crate::sorting::sort(&mut left_out);
        for (line, rep, period) in left_out {
            let (id, name) = (&self.dataset.reps[rep].id, &names[&period]);
            self.problems.push(Problem::error(
                "period_format",
                format!("line {line}.period"),
                Some(name.clone()),
                format!("line {line} (rep {id}): the period `{name}` is not written as the file's other periods are (like {}, {}); the row is left out", kind.example(), kind.range().0),
                format!("第 {line} 行（销售人员 {id}）：期间 `{name}` 的写法与文件中其他期间不同（应类似 {}，{}）；该行未导入", kind.example(), kind.range().1),
            ));
        }
    }
}

/// Why a cell is not read as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unread {
    /// It is written as a number ([`looks_numeric`]) too large for a `Decimal`.
    TooLarge,
    /// It is not written as a number.
    NotANumber,
}

/// A number cell: blank is `None`; accepts `1200000`, `-3.5`, `1,200,000`, `1.2E+06`, and an
/// amount in 万 (`120万`, `1.5 万`: × 10,000); otherwise why not.
pub(crate) fn parse_number(raw: &str) -> Result<Option<Decimal>, Unread> {
    number_cell(raw).map_err(|()| if looks_numeric(raw) { Unread::TooLarge } else { Unread::NotANumber })
}

/// [`parse_number`], without the reason.
fn number_cell(raw: &str) -> Result<Option<Decimal>, ()> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    // An amount in 万 (10,000), as Chinese reports write it: 120万 is 1,200,000, exactly.
    if let Some(number) = s.strip_suffix('万') {
        return match number_cell(number) {
            Ok(Some(n)) if !number.ends_with('万') => n.times(Decimal::from(10_000)).map(Some).ok_or(()),
            _ => Err(()),
        };
    }
    let plain;
    let s = if is_grouped(s) {
        plain = s.replace(',', "");
        plain.as_str()
    } else {
        s
    };
    let s = s.strip_prefix('+').unwrap_or(s);
    Decimal::from_str(s).or_else(|_| Decimal::from_scientific(s)).map(Some).map_err(|_| ())
}

/// A row giving rep `now.id` another name, region or role than an earlier row (`before`):
/// the first column that differs, with both values.
fn rep_conflict(line: usize, before: &Rep, now: &Rep) -> Problem {
    // Each column with its Chinese word, for the Chinese message.
    let columns = [
        ("name", "姓名", before.name(), now.name()),
        ("name_zh", "中文姓名", before.name_zh(), now.name_zh()),
        ("region", "区域", &before.region, &now.region),
        ("role", "岗位", &before.role, &now.role),
    ];
    let (column, column_zh, was, is) = columns.into_iter().find(|(_, _, was, is)| was != is).unwrap_or(("rep_id", "编号", &before.id, &now.id));
    Problem::error(
        "rep_conflict",
        format!("line {line}.{column}"),
        Some(is.to_string()),
        format!("line {line}: rep `{}` has {column} `{is}` here but `{was}` on an earlier line; a rep keeps one name, region and role", now.id),
        format!("第 {line} 行：销售人员 `{}` 的{column_zh}（{column}）为 `{is}`，而前面的行中为 `{was}`；同一销售人员的姓名、区域和岗位须一致", now.id),
    )
}

/// Whether `raw` is written as a number (`-1,234.5`, `1e30`), whether or not it fits a
/// `Decimal`: a cell that looks like one but does not parse is too large, not a word.
pub(crate) fn looks_numeric(raw: &str) -> bool {
    let s = raw.trim();
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mantissa, exponent) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (s, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let int_ok = digits(int) || is_grouped(int);
    int_ok && digits(frac) && !(int.is_empty() && frac.is_empty()) && exponent.is_none_or(|e| !e.is_empty() && digits(e))
}

/// `1,234,567.89`: digit groups of three after the first.
fn is_grouped(s: &str) -> bool {
    let int = s.split('.').next().unwrap_or_default().trim_start_matches(['-', '+']);
    let mut groups = int.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    int.contains(',') && first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "rep_id,name,name_zh,region,role,period,revenue,visits\n";

    #[test]
    fn a_column_named_after_rows_were_added_is_blank_for_them() {
        let mut data = Dataset::default();
        data.columns.push("revenue".into());
        data.push_row(0, 0, [Some(Decimal::from(5))]);
        data.columns.push("visits".into());
        data.push_row(1, 0, [Some(Decimal::from(6)), Some(Decimal::from(7))]);
        let rows: Vec<Vec<Option<Decimal>>> = data.rows().map(|r| r.values().collect()).collect();
        assert_eq!(rows, [vec![Some(Decimal::from(5)), None], vec![Some(Decimal::from(6)), Some(Decimal::from(7))]]);
    }

    #[test]
    fn a_header_without_rows_is_refused_like_an_empty_file() {
        let problems = load_csv(HEAD).err().expect("refused");
        assert_eq!((problems[0].code, problems[0].message.en.as_str(), problems[0].message.zh.as_str()), ("csv_empty", "the file has a header and no rows", "文件只有表头，没有数据行"));
        assert!(load_csv(&format!("{HEAD}\n\n")).is_err());
    }

    #[test]
    fn a_period_written_unlike_the_files_others_leaves_its_row_out_by_line() {
        let csv = format!(
            "{HEAD}E01,Zhang Wei,,East,nb,2026-Q3,100,10\nE01,Zhang Wei,,East,nb,Q4 2026,200,20\nE02,Wang Fang,,East,nb,2026-Q3,300,30\nE02,Wang Fang,,East,nb,2026-Q4,400,40\nE03,Li Na,,East,nb,2026-10-01,500,50\n"
        );
        let loaded = load_csv(&csv).unwrap();
        assert_eq!(loaded.dataset.periods, ["2026-Q3", "2026-Q4"]);
        let rows: Vec<(usize, usize, Option<Decimal>)> = loaded.dataset.rows().map(|r| (r.rep, r.period, r.value(0))).collect();
        assert_eq!(rows, [(0, 0, Some(Decimal::from(100))), (1, 0, Some(Decimal::from(300))), (1, 1, Some(Decimal::from(400)))]);
        let problems: Vec<(&str, &str, Option<&str>)> = loaded.problems.iter().map(|p| (p.code, p.path.as_str(), p.value.as_deref())).collect();
        assert_eq!(problems, [("period_format", "line 3.period", Some("Q4 2026")), ("period_format", "line 6.period", Some("2026-10-01"))]);
        assert_eq!(loaded.problems[0].message.en, "line 3 (rep E01): the period `Q4 2026` is not written as the file's other periods are (like 2026-Q1, quarters Q1 to Q4); the row is left out");
        // A fifth quarter is written like the others but is not one: the message says what a quarter may be.
        let q5 = load_csv(&format!("{HEAD}E01,A,,East,nb,2026-Q3,1,1\nE01,A,,East,nb,2026-Q5,1,1\n")).unwrap();
        assert!(q5.problems[0].message.en.contains("`2026-Q5` is not written as the file's other periods are (like 2026-Q1, quarters Q1 to Q4)"), "{}", q5.problems[0].message.en);
        assert_eq!(loaded.problems[0].message.zh, "第 3 行（销售人员 E01）：期间 `Q4 2026` 的写法与文件中其他期间不同（应类似 2026-Q1，季度为 Q1 至 Q4）；该行未导入");
        // Months: an Excel date is left out too. Names of no kind are kept as they are.
        let months = format!("{HEAD}E01,A,,East,nb,2026-09,1,1\nE01,A,,East,nb,2026-10,1,1\nE01,A,,East,nb,2026-11-01,1,1\n");
        assert_eq!(load_csv(&months).unwrap().dataset.periods, ["2026-09", "2026-10"]);
        let free = format!("{HEAD}E01,A,,East,nb,Spring,1,1\nE01,A,,East,nb,Autumn,1,1\n");
        let loaded = load_csv(&free).unwrap();
        assert_eq!((loaded.dataset.periods.as_slice(), loaded.problems.len()), (["Autumn".to_string(), "Spring".to_string()].as_slice(), 0));
    }

    #[test]
    fn a_rep_keeps_its_two_names_apart_and_serializes_them_as_two_fields() {
        let rep = |name: &str, name_zh: &str| Rep::new("E01".into(), name, name_zh, "East".into(), "nb".into());
        for (name, name_zh) in [("Li Na", "李娜"), ("Li Na", ""), ("李娜", "李娜 (Nina)"), ("", "李娜"), ("", "")] {
            let r = rep(name, name_zh);
            assert_eq!((r.name(), r.name_zh()), (name, name_zh));
            assert_eq!(r.display_name_zh(), if name_zh.is_empty() { name } else { name_zh });
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, serde_json::json!({ "id": "E01", "name": name, "name_zh": name_zh, "region": "East", "role": "nb" }).to_string());
        }
        // The same text split in another place is another rep.
        assert_ne!(rep("AB", ""), rep("A", "B"));
        assert_eq!(rep("A", "B"), rep("A", "B"));
    }

    #[test]
    fn reps_of_one_region_share_its_label() {
        let data = load_csv(&format!("{HEAD}A,a,,East,nb,Q1,1,1\nB,b,,East,nb,Q1,1,1\nC,c,,West,nb,Q1,1,1\n")).unwrap().dataset;
        let [a, b, c] = [&data.reps[0], &data.reps[1], &data.reps[2]];
        assert!(std::ptr::eq(a.region.as_str(), b.region.as_str()) && std::ptr::eq(a.role.as_str(), c.role.as_str()));
        assert_eq!((a.region.as_str(), c.region.as_str()), ("East", "West"));
    }

    #[test]
    fn loads_reps_periods_and_values() {
        let text = format!("{HEAD}r1,Wang Lei,王磊,East,nb,2026-Q2,\"1,200,000\",40\nr1,Wang Lei,王磊,East,nb,2026-Q1,900000,\nr2,Li Na,李娜,South,am,2026-Q1,1.2E+06,12\n");
        let loaded = load_csv(&text).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let data = loaded.dataset;
        assert_eq!(data.columns, ["revenue", "visits"]);
        assert_eq!(data.periods, ["2026-Q1", "2026-Q2"]);
        assert_eq!(data.reps.len(), 2);
        let row = |at| data.row(at).unwrap();
        assert_eq!(row(0).period, 1);
        assert_eq!(row(0).values().collect::<Vec<_>>(), [Some(Decimal::from(1_200_000)), Some(Decimal::from(40))]);
        assert_eq!(row(1).value(1), None);
        assert_eq!(row(2).value(0), Some(Decimal::from(1_200_000)));
    }

    #[test]
    fn an_amount_in_wan_is_ten_thousand_times_it_exactly() {
        for (cell, value) in [("120万", "1200000"), ("1.5 万", "15000"), ("-0.25万", "-2500"), ("1,200万", "12000000"), ("0.00001万", "0.1")] {
            assert_eq!(parse_number(cell), Ok(Some(value.parse::<Decimal>().unwrap())), "{cell}");
        }
        for cell in ["万", "万120", "120万万", "abc万", "79228162514264337593543950335万"] {
            assert_eq!(parse_number(cell), Err(Unread::NotANumber), "{cell}");
        }
    }

    #[test]
    fn an_unclosed_quote_is_reported_before_a_bad_header() {
        // Rows are read as they come; the file is still judged as a whole, in the same order.
        let e = load_csv("rep_id,name\nr1,\"Wang\n").unwrap_err();
        assert_eq!((e.len(), e[0].code, e[0].path.as_str()), (1, "csv_unclosed_quote", "line 2"));
        let e = load_csv("rep_id,name\nr1,Wang\n").unwrap_err();
        assert!(e.iter().all(|p| p.code == "missing_column"), "{e:?}");
    }

    #[test]
    fn bad_rows_are_reported_and_good_ones_kept() {
        let text = format!("{HEAD}r1,A,,East,nb,Q1,abc,1\nr2,B,,East,nb,Q1,5,1,9\nr3,C,,East,nb,Q1,5,1\nr3,C,,East,nb,Q1,6,1\nr3,C,,West,nb,Q2,6,1\n,D,,East,nb,Q1,1,1\n");
        let loaded = load_csv(&text).unwrap();
        let got: Vec<(&str, &str)> = loaded.problems.iter().map(|p| (p.code, p.path.as_str())).collect();
        assert_eq!(
            got,
            [
                ("not_a_number", "line 2.revenue"),
                ("row_length", "line 3"),
                ("duplicate_row", "line 5"),
                ("rep_conflict", "line 6.region"),
                ("empty_required", "line 7.rep_id"),
            ]
        );
        assert_eq!(loaded.problems[0].value.as_deref(), Some("abc"));
        // Not a number: the row is kept, the cell read as blank, and the problem a warning.
        assert_eq!(loaded.problems[0].severity, crate::problem::Severity::Warning);
        assert!(loaded.problems[1..].iter().all(|p| p.severity == crate::problem::Severity::Error));
        assert_eq!(loaded.dataset.row_count(), 2);
        assert_eq!(loaded.dataset.row(0).map(|r| (r.value(0), r.value(1))), Some((None, Some(Decimal::ONE))));
    }

    #[test]
    fn figures_below_0_are_kept_and_reported_once_per_column() {
        // visits below 0 on lines 2, 4 and 5 (line 5's revenue, not a number, is read as blank;
        // not -0, nor in line 7's row, left out as its period is written otherwise); revenue
        // below 0 on line 3 only.
        let head = "rep_id,name,name_zh,region,role,period,revenue,visits\n";
        let text = format!("{head}r1,A,,East,nb,2026-Q1,100,-3\nr2,B,,East,nb,2026-Q1,-1.50,2\nr3,C,,East,nb,2026-Q1,5,-1\nr4,D,,East,nb,2026-Q1,x,-9\nr5,E,,East,nb,2026-Q1,5,-0\nr6,F,,East,nb,Q1 2026,5,-7\n");
        let loaded = load_csv(&text).unwrap();
        assert_eq!(loaded.dataset.row_count(), 5);
        let warnings: Vec<_> = loaded.problems.iter().filter(|p| p.code == "negative_value").collect();
        let got: Vec<(&str, &str, Option<&str>)> = warnings.iter().map(|p| (p.code, p.path.as_str(), p.value.as_deref())).collect();
        assert_eq!(got, [("negative_value", "line 3.revenue", Some("-1.50")), ("negative_value", "line 2.visits", Some("-3"))]);
        assert_eq!(warnings[1].message.en, "line 2 (rep r1, 2026-Q1): `visits` is `-3`, below 0 (and in 2 more rows); kept as written: a count, a rating or an amount below 0 is most likely a mistake in the file");
        assert_eq!(warnings[1].message.zh, "第 2 行（销售人员 r1，2026-Q1）：`visits` 的值 `-3` 小于 0（另有 2 行）；已按原样保留：计数、评分或金额小于 0 多半是文件有误");
        assert_eq!(warnings[0].message.en, "line 3 (rep r2, 2026-Q1): `revenue` is `-1.50`, below 0; kept as written: a count, a rating or an amount below 0 is most likely a mistake in the file");
        // The rows stay as written.
        assert_eq!(loaded.dataset.row(0).and_then(|r| r.value(1)), Some(Decimal::from(-3)));
    }

    #[test]
    fn header_problems_stop_the_load() {
        let problems = load_csv("rep_id,name,region,role,visits,visits,2x\n").unwrap_err();
        let got: Vec<(&str, Option<&str>)> = problems.iter().map(|p| (p.code, p.value.as_deref())).collect();
        assert_eq!(got, [("duplicate_column", Some("visits")), ("column_name", Some("2x")), ("missing_column", Some("period"))]);
        assert_eq!(load_csv("").unwrap_err()[0].code, "csv_empty");
        assert_eq!(load_csv("a\n\"x\n").unwrap_err()[0].code, "csv_unclosed_quote");
    }
}
