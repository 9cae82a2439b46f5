//! A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF line ends,
//! a leading byte-order mark. Rows keep their 1-based line number for error reports.

/// One record of a CSV text and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A quoted field was still open at the end of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub line: usize,
}

/// Splits `text` into records; blank lines are skipped.
pub fn read(text: &str) -> Result<Vec<Record>, UnclosedQuote> {
    let mut records = Vec::new();
    for_each_record(text, |record| records.push(record))?;
    Ok(records)
}

/// Hands each record of `text` to `take` as it is read (blank lines skipped), so that a
/// large file is never held as records all at once; an unclosed quote is found at the end.
pub fn for_each_record(text: &str, mut take: impl FnMut(Record)) -> Result<(), UnclosedQuote> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut in_quotes = false;
    let mut quote_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                in_quotes = true;
                quote_line = line;
            }
            ',' => fields.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                push_record(&mut take, record_line, std::mem::take(&mut fields));
                line += 1;
                record_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(UnclosedQuote { line: quote_line });
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        push_record(&mut take, record_line, fields);
    }
    Ok(())
}

fn push_record(take: &mut impl FnMut(Record), line: usize, fields: Vec<String>) {
    let blank = fields.iter().all(|f| f.trim().is_empty());
    if !blank {
        take(Record { line, fields });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_ends() {
        let recs = read("\u{feff}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",3\n\n\"multi\nline\",2,\n").unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].fields, ["a", "b", "c"]);
        assert_eq!(recs[1].fields, ["x, y", "say \"hi\"", "3"]);
        assert_eq!(recs[1].line, 2);
        assert_eq!(recs[2].fields, ["multi\nline", "2", ""]);
        assert_eq!(recs[2].line, 4);
    }

    #[test]
    fn unclosed_quote_names_its_line() {
        assert_eq!(read("a\n\"oops,1\n2\n"), Err(UnclosedQuote { line: 2 }));
    }

    #[test]
    fn last_line_without_newline() {
        assert_eq!(read("a,b\n1,2").unwrap()[1].fields, ["1", "2"]);
    }
}
