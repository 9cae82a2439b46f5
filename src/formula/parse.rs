//! The formula parser: characters → tokens → an [`Expr`] with names resolved to slots.
//! Errors carry the 1-based column where they were found.

use crate::calc::Checked;
use super::{BinOp, Expr, Func, MAX_FORMULA_CHARS, MAX_FORMULA_DEPTH};
use crate::problem::TOO_LARGE;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A formula that cannot be used, with the column (1-based, in characters) of the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    /// The 1-based column, in characters, where the problem was found; 0 for the formula as a
    /// whole (empty, too long), one past its last character at its end.
    pub column: usize,
    /// What is wrong, in English.
    pub en: String,
    /// What is wrong, in Simplified Chinese.
    pub zh: String,
}

impl FormulaError {
    fn at(column: usize, en: impl Into<String>, zh: impl Into<String>) -> Self {
        FormulaError { column, en: en.into(), zh: zh.into() }
    }

    /// The messages for `formula`, in English and Chinese, with where the problem is
    /// ("at character 17 of the formula: …") when it is at a character of it, not when it is
    /// about the whole formula or its end ("formula ends too early").
    pub fn messages(&self, formula: &str) -> (String, String) {
        if self.column == 0 || self.column > formula.chars().count() {
            return (self.en.clone(), self.zh.clone());
        }
        (format!("at character {} of the formula: {}", self.column, self.en), format!("公式第 {} 个字符处：{}", self.column, self.zh))
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Decimal),
    Name(String),
    Op(BinOp),
    Plus,
    Minus,
    LParen,
    RParen,
    Comma,
    End,
}

/// Parses `src`, looking each name up with `resolve` (name → variable slot).
pub fn parse(src: &str, resolve: &dyn Fn(&str) -> Option<usize>) -> Result<Expr, FormulaError> {
    let chars = src.chars().count();
    if chars > MAX_FORMULA_CHARS {
        return Err(FormulaError::at(
            0,
            format!("formula is {chars} characters long; the limit is {MAX_FORMULA_CHARS}"),
            format!("公式长度为 {chars} 个字符，上限为 {MAX_FORMULA_CHARS}"),
        ));
    }
    let tokens = lex(src)?;
    if tokens.len() == 1 {
        return Err(FormulaError::at(0, "formula is empty", "公式为空"));
    }
    let mut p = Parser { tokens, pos: 0, depth: 0, resolve };
    let expr = p.expr()?;
    match p.peek() {
        Tok::End => Ok(expr),
        Tok::RParen => Err(p.error_here("unmatched ')'", "多余的右括号 ')'")),
        Tok::Name(n) if n.starts_with('万') => Err(p.error_here("write 万 right after its number, without a space (100万)", "“万”须紧跟数字，中间不能有空格（如 100万）")),
        Tok::Op(BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne) => Err(p.error_here(
            "comparisons cannot be chained; write and(a < b, b < c)",
            "比较不能连写；请写成 and(a < b, b < c)",
        )),
        Tok::Comma if p.between_numbers() => Err(p.error_here(THOUSANDS.0, THOUSANDS.1)),
        _ => Err(p.error_here("expected an operator or the end of the formula", "此处应为运算符或公式结尾")),
    }
}

/// The ASCII form of the full-width characters a Chinese input method types (＋ － ＊ ／ ％
/// ＝ ＜ ＞ ０–９ ． and the ideographic space); every other character as it is.
pub(crate) fn half_width(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
        '\u{FF0B}' => '+',
        '\u{FF0D}' => '-',
        '\u{FF0A}' => '*',
        '\u{FF0F}' => '/',
        '\u{FF05}' => '%',
        '\u{FF1D}' => '=',
        '\u{FF1C}' => '<',
        '\u{FF1E}' => '>',
        '\u{FF0E}' => '.',
        '\u{3000}' => ' ',
        other => other,
    }
}

/// What a number written with a digit group or a decimal comma is told (English, Chinese).
const THOUSANDS: (&str, &str) = (
    "a comma between digits reads as a thousands separator or a decimal comma: write the number without it (1000000, or 100万; 4.5); to separate arguments, put a space after the comma (max(0, 100))",
    "数字之间的逗号会被当作千位分隔符或小数逗号：数字请不写分隔符（1000000 或 100万；4.5）；分隔参数时请在逗号后加空格（max(0, 100)）",
);

/// Whether `chars[i..]`, right after a number, is a comma that may belong to the number: an
/// ASCII comma followed by a digit (`2,500` as a spreadsheet groups digits, `4,5` as a
/// European decimal comma), or a full-width one (as a Chinese input method types an
/// argument's comma) followed by what can only be a digit group (three digits or more, or 0
/// and another). Read as arguments, each would be a silent wrong number (`min(x, 2,500)` would
/// be `min(x, 2, 500)`), so it is refused; `max（1，2）` is two arguments, and a space after
/// the comma always separates them.
fn digit_group_at(chars: &[char], i: usize) -> bool {
    let digits = || chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    match chars.get(i) {
        Some(',') => digits() > 0,
        Some('\u{FF0C}') => digits() >= 3 || (digits() >= 2 && chars[i + 1] == '0'),
        _ => false,
    }
}

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, FormulaError> {
    let chars: Vec<char> = src.chars().map(half_width).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            let mut value = Decimal::from_str(&text).map_err(|_| {
                if text.matches('.').count() > 1 {
                    FormulaError::at(col, format!("'{text}' is not a number (more than one decimal point)"), format!("'{text}' 不是有效数字（小数点多于一个）"))
                } else {
                    FormulaError::at(col, format!("'{text}' {}", TOO_LARGE.0), format!("'{text}' {}", TOO_LARGE.1))
                }
            })?;
            match chars.get(i) {
                Some('%') => {
                    value = value.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default();
                    i += 1;
                }
                Some('万') => {
                    value = value.times(Decimal::from(10_000)).ok_or_else(|| {
                        FormulaError::at(col, format!("'{text}万' {}", TOO_LARGE.0), format!("'{text}万' {}", TOO_LARGE.1))
                    })?;
                    i += 1;
                }
                _ => {}
            }
            if digit_group_at(&chars, i) {
                return Err(FormulaError::at(i + 1, THOUSANDS.0, THOUSANDS.1));
            }
            out.push((Tok::Num(value), col));
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Tok::Name(chars[start..i].iter().collect()), col));
            continue;
        }
        let next = chars.get(i + 1).copied();
        let (tok, len) = match (c, next) {
            ('<', Some('=')) => (Tok::Op(BinOp::Le), 2),
            ('>', Some('=')) => (Tok::Op(BinOp::Ge), 2),
            ('<', Some('>')) | ('!', Some('=')) => (Tok::Op(BinOp::Ne), 2),
            ('=', Some('=')) => (Tok::Op(BinOp::Eq), 2),
            ('≥', _) => (Tok::Op(BinOp::Ge), 1),
            ('≤', _) => (Tok::Op(BinOp::Le), 1),
            ('≠', _) => (Tok::Op(BinOp::Ne), 1),
            ('=', _) => (Tok::Op(BinOp::Eq), 1),
            ('<', _) => (Tok::Op(BinOp::Lt), 1),
            ('>', _) => (Tok::Op(BinOp::Gt), 1),
            ('*' | '×', _) => (Tok::Op(BinOp::Mul), 1),
            ('/' | '÷', _) => (Tok::Op(BinOp::Div), 1),
            ('+', _) => (Tok::Plus, 1),
            ('-' | '−', _) => (Tok::Minus, 1),
            ('(' | '\u{FF08}', _) => (Tok::LParen, 1),
            (')' | '\u{FF09}', _) => (Tok::RParen, 1),
            (',' | '\u{FF0C}', _) => (Tok::Comma, 1),
            _ => {
                return Err(FormulaError::at(col, format!("unexpected character '{c}'"), format!("无法识别的字符 '{c}'")));
            }
        };
        out.push((tok, col));
        i += len;
    }
    out.push((Tok::End, chars.len() + 1));
    Ok(out)
}

struct Parser<'a> {
    tokens: Vec<(Tok, usize)>,
    pos: usize,
    depth: usize,
    resolve: &'a dyn Fn(&str) -> Option<usize>,
}

impl Parser<'_> {
    fn peek(&self) -> &Tok {
        &self.tokens[self.pos.min(self.tokens.len() - 1)].0 // ok: lex always appends End
    }

    fn column(&self) -> usize {
        self.tokens[self.pos.min(self.tokens.len() - 1)].1
    }

    fn bump(&mut self) -> Tok {
        let t = self.peek().clone();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        t
    }

    /// Whether the token here stands between two numbers (`1,000`).
    fn between_numbers(&self) -> bool {
        let number = |at: Option<usize>| matches!(at.and_then(|i| self.tokens.get(i)), Some((Tok::Num(_), _)));
        number(self.pos.checked_sub(1)) && number(Some(self.pos + 1))
    }

    fn error_here(&self, en: &str, zh: &str) -> FormulaError {
        FormulaError::at(self.column(), en, zh)
    }

    fn descend(&mut self) -> Result<(), FormulaError> {
        self.depth += 1;
        if self.depth > MAX_FORMULA_DEPTH {
            return Err(FormulaError::at(
                self.column(),
                format!("formula is nested more than {MAX_FORMULA_DEPTH} levels deep"),
                format!("公式嵌套超过 {MAX_FORMULA_DEPTH} 层"),
            ));
        }
        Ok(())
    }

    /// comparison := sum [cmp-op sum]
    fn expr(&mut self) -> Result<Expr, FormulaError> {
        self.descend()?;
        let left = self.sum()?;
        let result = match self.peek() {
            Tok::Op(op @ (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne)) => {
                let op = *op;
                self.bump();
                let right = self.sum()?;
                Expr::Bin(op, Box::new(left), Box::new(right))
            }
            _ => left,
        };
        self.depth -= 1;
        Ok(result)
    }

    /// sum := product {(+|-) product}. A chain `a + b + c` is not nesting: its length is
    /// bounded by the formula's length, not by the depth limit.
    fn sum(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Tok::Plus => BinOp::Add,
                Tok::Minus => BinOp::Sub,
                _ => return Ok(left),
            };
            self.bump();
            let right = self.product()?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
    }

    /// product := unary {(*|/) unary}
    fn product(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Tok::Op(op @ (BinOp::Mul | BinOp::Div)) => *op,
                _ => return Ok(left),
            };
            self.bump();
            let right = self.unary()?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
    }

    /// unary := (-|+) unary | primary
    fn unary(&mut self) -> Result<Expr, FormulaError> {
        match self.peek() {
            Tok::Minus => {
                self.bump();
                self.descend()?;
                let inner = self.unary()?;
                self.depth -= 1;
                Ok(match inner {
                    Expr::Num(n) => Expr::Num(-n),
                    other => Expr::Neg(Box::new(other)),
                })
            }
            Tok::Plus => {
                self.bump();
                self.descend()?;
                let inner = self.unary();
                self.depth -= 1;
                inner
            }
            _ => self.primary(),
        }
    }

    /// primary := number | name | name '(' args ')' | '(' expr ')'
    fn primary(&mut self) -> Result<Expr, FormulaError> {
        let column = self.column();
        match self.bump() {
            Tok::Num(n) => Ok(Expr::Num(n)),
            Tok::LParen => {
                let inner = self.expr()?;
                self.expect_close(column)?;
                Ok(inner)
            }
            Tok::Name(name) => {
                if *self.peek() == Tok::LParen {
                    return self.call(&name, column);
                }
                match (self.resolve)(&name) {
                    Some(slot) => Ok(Expr::Var(slot)),
                    None => Err(FormulaError::at(
                        column,
                        format!("unknown name '{name}': not a rep field, target or metric of this plan"),
                        format!("未知名称 '{name}'：既不是销售人员数据字段，也不是本方案的目标或指标"),
                    )),
                }
            }
            Tok::End => Err(FormulaError::at(column, "formula ends too early", "公式不完整")),
            Tok::RParen => Err(FormulaError::at(column, "unexpected ')'", "多余的右括号 ')'")),
            _ => Err(FormulaError::at(column, "expected a number, a name or '('", "此处应为数字、名称或 '('")),
        }
    }

    fn call(&mut self, name: &str, column: usize) -> Result<Expr, FormulaError> {
        let func = Func::by_name(name).ok_or_else(|| {
            FormulaError::at(
                column,
                format!("unknown function '{name}' (known: min, max, if, abs, and, or, not)"),
                format!("未知函数 '{name}'（可用：min、max、if、abs、and、or、not）"),
            )
        })?;
        self.bump(); // the '('
        let mut args = Vec::new();
        if *self.peek() != Tok::RParen {
            loop {
                args.push(self.expr()?);
                if *self.peek() == Tok::Comma {
                    self.bump();
                } else {
                    break;
                }
            }
        }
        self.expect_close(column)?;
        let (least, most) = func.arity();
        if args.len() < least || args.len() > most {
            let wanted = if least == most { least.to_string() } else { format!("at least {least}") };
            let wanted_zh = if least == most { least.to_string() } else { format!("至少 {least}") };
            let plural = if least == 1 { "argument" } else { "arguments" };
            return Err(FormulaError::at(
                column,
                format!("{name}() takes {wanted} {plural}, not {}", args.len()),
                format!("{name}() 需要 {wanted_zh} 个参数，而不是 {} 个", args.len()),
            ));
        }
        Ok(Expr::Call(func, args))
    }

    fn expect_close(&mut self, open_column: usize) -> Result<(), FormulaError> {
        match self.peek() {
            Tok::RParen => {
                self.bump();
                Ok(())
            }
            _ => Err(FormulaError::at(
                self.column(),
                format!("missing ')' for the '(' at character {open_column}"),
                format!("第 {open_column} 个字符的 '(' 缺少对应的 ')'"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> FormulaError {
        parse(src, &|n| (n == "visits").then_some(0)).unwrap_err()
    }

    #[test]
    fn errors_carry_the_column() {
        assert_eq!(err("visits + foo").column, 10);
        assert!(err("visits + foo").en.contains("unknown name 'foo'"));
        assert_eq!(err("(visits").column, 8);
        assert!(err("(visits").en.contains("missing ')' for the '(' at character 1"));
        assert_eq!(err("visits )").column, 8);
        assert_eq!(err("visits $").column, 8);
        assert_eq!(err("visits +").column, 9);
        assert_eq!(err("").column, 0);
        assert!(err("   ").en.contains("empty"));
        assert!(err("pow(visits, 2)").en.contains("unknown function 'pow'"));
        assert_eq!(err("if(visits, 1)").en, "if() takes 3 arguments, not 2");
        assert!(err("visits visits").en.contains("expected an operator"));
    }

    #[test]
    fn limits_on_length_and_depth() {
        let long = "1+".repeat(1_000) + "1";
        assert!(err(&long).en.contains("limit is 2000"));
        let deep = "(".repeat(100) + "1" + &")".repeat(100);
        assert!(err(&deep).en.contains("nested more than 64"));
        let negs = "-".repeat(100) + "1";
        assert!(err(&negs).en.contains("nested"));
    }

    #[test]
    fn chinese_input_method_characters_are_accepted() {
        let e = parse("（visits＋２）×３ ≥ １２．５", &|n| (n == "visits").then_some(0)).unwrap();
        let mut notes = Default::default();
        assert_eq!(e.eval(&[Decimal::from(3)], &mut notes).unwrap(), Decimal::ONE);
        assert!(parse("visits ≠ 1", &|n| (n == "visits").then_some(0)).is_ok());
    }

    #[test]
    fn long_flat_sums_are_not_nesting_and_helpful_messages() {
        let sum = vec!["visits"; 200].join(" + "); // 1,797 characters, 200 terms
        assert!(parse(&sum, &|n| (n == "visits").then_some(0)).is_ok());
        assert!(err("1 < 2 < 3").en.contains("comparisons cannot be chained"));
        assert_eq!(err("1 < 2 < 3").column, 7);
        assert!(err("100 万").en.contains("without a space"));
        // A target typed as in a spreadsheet: the comma is named, at its column.
        let e = err("1,000,000");
        assert_eq!((e.en.as_str(), e.column), (THOUSANDS.0, 2));
        assert_eq!(err("visits, 2").en, "expected an operator or the end of the formula");
        // Inside a function a comma between digits is a digit group all the same (never read
        // as more arguments: a silent wrong number), named at its comma; ASCII or full-width.
        let e = err("max(visits, 1,000)");
        assert_eq!((e.en.as_str(), e.column), (THOUSANDS.0, 14));
        assert_eq!(err("min(visits, 12,000,000.50)").column, 15);
        for src in ["min(visits, 2,500)", "min(visits, 1,0000)", "min(visits，1，000)", "max(0,100)", "max(1,05)", "min(50, 4,5)", "max(1,2)"] {
            assert_eq!(err(src).en, THOUSANDS.0, "{src}");
        }
        let visits = |n: &str| (n == "visits").then_some(0);
        let three = [Decimal::from(3)];
        let value = |src: &str| parse(src, &visits).unwrap().eval(&three, &mut Default::default()).unwrap();
        assert_eq!(value("max（1，2）"), Decimal::from(2));
        assert_eq!(value("max(1, 2)"), Decimal::from(2));
        assert_eq!(value("max(0, 100)"), Decimal::from(100));
        assert_eq!(value("max(visits,1, 500)"), Decimal::from(500)); // a comma after a name is an argument's
        assert_eq!(value("max(visits, 1, 0)"), Decimal::from(3));
    }

    #[test]
    fn full_width_punctuation_is_accepted() {
        let e = parse("max\u{FF08}visits\u{FF0C}1\u{FF09}×2", &|n| (n == "visits").then_some(0)).unwrap();
        let mut notes = Default::default();
        assert_eq!(e.eval(&[Decimal::from(3)], &mut notes).unwrap(), Decimal::from(6));
    }
}
