//! Adjustments: revenue returned or cancelled after commission was paid on it. Each names
//! the rep, the period it is charged in, the period of the original sale, the commission
//! line whose credited base it reduces, the amount and a reference to the sale. Loaded from
//! CSV (`rep_id,period,original_period,line,amount,reference`) against a loaded dataset.

use super::{csv, parse_number, Dataset, Unread};
use crate::problem::{Problem, TOO_LARGE};
use rust_decimal::Decimal;

/// Revenue returned in `period` from a sale credited in `original_period`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjustment {
    /// The rep, by index in the dataset's reps.
    pub rep: usize,
    /// The period it is charged in, by index in the dataset's periods.
    pub period: usize,
    /// The period of the original sale, by index (not after `period`).
    pub original_period: usize,
    /// The id of the commission line whose credited base the sale was in.
    pub line: String,
    /// The revenue returned (positive).
    pub amount: Decimal,
    /// The original sale, as the user refers to it (an order number, a contract).
    pub reference: String,
}

const COLUMNS: [&str; 6] = ["rep_id", "period", "original_period", "line", "amount", "reference"];

/// Reads adjustments for `data`. Rows that cannot be used are reported and left out;
/// fails only when the header is wrong.
pub fn load_adjustments_csv(data: &Dataset, text: &str) -> Result<(Vec<Adjustment>, Vec<Problem>), Vec<Problem>> {
    if let Some(problem) = super::encoding_problem(text, "adjustments ") {
        return Err(vec![problem]);
    }
    let records = csv::read(text).map_err(|e| {
        vec![Problem::error(
            "csv_unclosed_quote",
            format!("adjustments line {}", e.line),
            None,
            format!("a quoted field opened on line {} of the returns file is never closed", e.line),
            format!("退回文件第 {} 行开始的引号字段没有闭合", e.line),
        )]
    })?;
    // An empty file, taken, would silently drop the returns in use: refused, as an empty reps
    // file is. A header alone is a file of no returns.
    let Some((header, body)) = records.split_first() else {
        return Err(vec![Problem::error("csv_empty", "", None, "the returns file is empty: not even a header".into(), "退回文件是空的：连表头都没有".into())]);
    };
    let names: Vec<&str> = header.fields.iter().map(|f| f.trim()).collect();
    if names != COLUMNS {
        let found = names.join(",");
        let shown = crate::problem::shown(&found);
        return Err(vec![Problem::error(
            "adjustment_columns",
            "adjustments header",
            Some(found.clone()),
            format!("the returns file needs exactly the columns {}; its header is `{shown}`", COLUMNS.join(",")),
            format!("退回文件的列必须为 {}，而表头为 `{shown}`", COLUMNS.join(",")),
        )]);
    }
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for record in body {
        match row(data, record) {
            Ok(a) => out.push(a),
            Err(p) => problems.push(p),
        }
    }
    Ok((out, problems))
}

fn row(data: &Dataset, record: &csv::Record) -> Result<Adjustment, Problem> {
    let line = record.line;
    let bad = |column: &str, value: &str, en: String, zh: String| {
        let path = if column.is_empty() { format!("adjustments line {line}") } else { format!("adjustments line {line}.{column}") };
        Problem::error("bad_adjustment", path, Some(value.to_string()), format!("returns file line {line}: {en}"), format!("退回文件第 {line} 行：{zh}"))
    };
    if record.fields.len() != COLUMNS.len() {
        let n = record.fields.len().to_string();
        return Err(bad("", &n, format!("the row has {n} fields; the header has 6"), format!("该行有 {n} 个字段，表头有 6 个")));
    }
    let f: Vec<&str> = record.fields.iter().map(|s| s.trim()).collect();
    let rep = data.reps.iter().position(|r| r.id == f[0]).ok_or_else(|| bad("rep_id", f[0], format!("no rep `{}` in the data", f[0]), format!("数据中没有销售人员 `{}`", f[0])))?;
    let period = |col: usize| data.period_index(f[col]).ok_or_else(|| bad(COLUMNS[col], f[col], format!("no period `{}` in the data", f[col]), format!("数据中没有期间 `{}`", f[col])));
    let (charged, original) = (period(1)?, period(2)?);
    if original > charged {
        return Err(bad("original_period", f[2], format!("the sale ({}) is after the return ({})", f[2], f[1]), format!("原销售期间（{}）晚于退回期间（{}）", f[2], f[1])));
    }
    let amount = match parse_number(f[4]) {
        Ok(Some(a)) if a > Decimal::ZERO => a,
        Err(Unread::TooLarge) => {
            return Err(bad("amount", f[4], format!("the amount returned, `{}`, {}", f[4], TOO_LARGE.0), format!("退回金额 `{}` {}", f[4], TOO_LARGE.1)))
        }
        _ => return Err(bad("amount", f[4], format!("the amount returned must be a number above 0, not `{}`", f[4]), format!("退回金额必须是大于 0 的数字，而不是 `{}`", f[4]))),
    };
    if f[3].is_empty() {
        return Err(bad("line", "", "`line` names the commission line the sale was credited to".into(), "`line` 为空，须填写这笔销售计入的提成项".into()));
    }
    Ok(Adjustment { rep, period: charged, original_period: original, line: f[3].to_string(), amount, reference: f[5].to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sample_dataset;

    #[test]
    fn the_sample_adjustments_load_and_bad_rows_are_reported() {
        let data = sample_dataset();
        let text = "rep_id,period,original_period,line,amount,reference\n\
                    E04,2026-Q3,2026-Q2,revenue_commission,100000,SO-1\n\
                    X99,2026-Q3,2026-Q2,revenue_commission,1,SO-2\n\
                    E04,2026-Q1,2026-Q2,revenue_commission,1,SO-3\n\
                    E04,2026-Q3,2026-Q2,revenue_commission,-5,SO-4\n";
        let (adj, problems) = load_adjustments_csv(&data, text).unwrap();
        assert_eq!(adj.len(), 1);
        assert_eq!((adj[0].amount, adj[0].reference.as_str()), (Decimal::from(100_000), "SO-1"));
        let got: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(got, ["adjustments line 3.rep_id", "adjustments line 4.original_period", "adjustments line 5.amount"]);
        assert!(load_adjustments_csv(&data, "a,b\n").is_err());
    }

    #[test]
    fn an_empty_returns_file_is_refused_and_a_header_alone_is_no_returns() {
        let data = sample_dataset();
        for empty in ["", "\n", "\r\n\r\n"] {
            let problems = load_adjustments_csv(&data, empty).unwrap_err();
            assert_eq!((problems[0].code, problems[0].message.zh.as_str()), ("csv_empty", "退回文件是空的：连表头都没有"), "{empty:?}");
        }
        let (adj, problems) = load_adjustments_csv(&data, "rep_id,period,original_period,line,amount,reference\n").unwrap();
        assert!(adj.is_empty() && problems.is_empty());
    }
}
