//! Formulas: the small expression language of KPI actuals, targets and derived metrics
//! (`new_customers / visits`, `min(collected / receivable, 1)`, `if(nps >= 90, 1, 0)`).
//! Parsed and name-checked when a plan loads, evaluated with checked Decimal arithmetic.
//!
//! Division by zero is defined: `x / 0 = 0`, and the evaluation records that it happened
//! so the explanation of the figure can say so. Comparisons give 1 (true) or 0 (false);
//! any non-zero value counts as true.

mod parse;

pub use parse::{parse, FormulaError};
pub(crate) use parse::half_width;

use crate::calc::Checked;
use rust_decimal::Decimal;

/// The longest formula text accepted, in characters.
pub const MAX_FORMULA_CHARS: usize = 2_000;
/// The deepest nesting of operators and parentheses accepted.
pub const MAX_FORMULA_DEPTH: usize = 64;

/// A parsed formula whose names are resolved to variable slots.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A number (`8`, `15%` as 0.15, `100万` as 1000000).
    Num(Decimal),
    /// A variable by its slot: a data column, a named target or a metric.
    Var(usize),
    /// Unary minus.
    Neg(Box<Expr>),
    /// A binary operator and its two operands.
    Bin(BinOp, Box<Expr>, Box<Expr>),
    /// A built-in function call and its arguments.
    Call(Func, Vec<Expr>),
}

/// Binary operators, lowest precedence last in the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-` (also `−`)
    Sub,
    /// `*` (also `×`)
    Mul,
    /// `/` (also `÷`); division by zero gives 0 and is noted.
    Div,
    /// `<`: 1 or 0.
    Lt,
    /// `<=` (also `≤`): 1 or 0.
    Le,
    /// `>`: 1 or 0.
    Gt,
    /// `>=` (also `≥`): 1 or 0.
    Ge,
    /// `=` or `==`: 1 or 0.
    Eq,
    /// `!=` or `<>` (also `≠`): 1 or 0.
    Ne,
}

impl BinOp {
    /// Whether the operator compares its operands (`<`, `<=`, `>`, `>=`, `=`, `!=`), giving 1 or 0.
    pub fn compares(self) -> bool {
        matches!(self, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne)
    }
}

/// Built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// `min(a, b, …)`: the smallest argument.
    Min,
    /// `max(a, b, …)`: the largest argument.
    Max,
    /// `if(cond, then, else)`: evaluates only the branch it takes.
    If,
    /// `abs(x)`: the absolute value.
    Abs,
    /// `and(a, b, …)`: 1 when every argument is non-zero, else 0.
    And,
    /// `or(a, b, …)`: 1 when any argument is non-zero, else 0.
    Or,
    /// `not(x)`: 1 when `x` is 0, else 0.
    Not,
}

impl Func {
    pub(crate) fn by_name(name: &str) -> Option<Func> {
        Some(match name {
            "min" => Func::Min,
            "max" => Func::Max,
            "if" => Func::If,
            "abs" => Func::Abs,
            "and" => Func::And,
            "or" => Func::Or,
            "not" => Func::Not,
            _ => return None,
        })
    }

    /// Allowed number of arguments: (least, most).
    pub(crate) fn arity(self) -> (usize, usize) {
        match self {
            Func::Min | Func::Max | Func::And | Func::Or => (1, usize::MAX),
            Func::If => (3, 3),
            Func::Abs | Func::Not => (1, 1),
        }
    }
}

/// What happened during an evaluation that the explanation should mention.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EvalNotes {
    /// A division by zero occurred and was taken as 0.
    pub div_by_zero: bool,
}

/// A value too large for Decimal arose while evaluating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

fn truth(b: bool) -> Decimal {
    if b {
        Decimal::ONE
    } else {
        Decimal::ZERO
    }
}

impl Expr {
    /// Evaluates with the variable values in `vars` (indexed by slot). A variable or a
    /// number is read where it is asked for, without a call: most formulas and operands are one.
    #[inline(always)]
    pub fn eval(&self, vars: &[Decimal], notes: &mut EvalNotes) -> Result<Decimal, Overflow> {
        match self {
            Expr::Num(n) => Ok(*n),
            Expr::Var(slot) => Ok(vars[*slot]), // ok: slots are assigned from the same table that sizes `vars`
            _ => self.eval_node(vars, notes),
        }
    }

    /// Evaluates an operator or a call (a variable or a number through `eval`).
    #[inline(never)]
    fn eval_node(&self, vars: &[Decimal], notes: &mut EvalNotes) -> Result<Decimal, Overflow> {
        Ok(match self {
            Expr::Num(_) | Expr::Var(_) => self.eval(vars, notes)?,
            Expr::Neg(e) => -e.eval(vars, notes)?,
            Expr::Bin(op, l, r) => {
                let a = l.eval(vars, notes)?;
                let b = r.eval(vars, notes)?;
                match op {
                    BinOp::Add => a.plus(b).ok_or(Overflow)?,
                    BinOp::Sub => a.minus(b).ok_or(Overflow)?,
                    BinOp::Mul => a.times(b).ok_or(Overflow)?,
                    BinOp::Div => {
                        if b.is_zero() {
                            notes.div_by_zero = true;
                            Decimal::ZERO
                        } else {
                            a.checked_div(b).ok_or(Overflow)?
                        }
                    }
                    BinOp::Lt => truth(a < b),
                    BinOp::Le => truth(a <= b),
                    BinOp::Gt => truth(a > b),
                    BinOp::Ge => truth(a >= b),
                    BinOp::Eq => truth(a == b),
                    BinOp::Ne => truth(a != b),
                }
            }
            Expr::Call(func, args) => call(*func, args, vars, notes)?,
        })
    }

    /// The value, or `None` when the formula reads a slot marked in `unknown` (a blank
    /// figure) or cannot be computed.
    pub fn eval_known(&self, vars: &[Decimal], unknown: &[bool]) -> Option<Decimal> {
        if self.reads_any(unknown) {
            return None;
        }
        self.eval(vars, &mut EvalNotes::default()).ok()
    }

    /// Whether the formula reads a slot marked in `marked`.
    fn reads_any(&self, marked: &[bool]) -> bool {
        match self {
            Expr::Num(_) => false,
            Expr::Var(s) => marked.get(*s).copied().unwrap_or(false),
            Expr::Neg(e) => e.reads_any(marked),
            Expr::Bin(_, l, r) => l.reads_any(marked) || r.reads_any(marked),
            Expr::Call(_, args) => args.iter().any(|a| a.reads_any(marked)),
        }
    }

    /// Every variable slot the formula reads, in order of appearance (with repeats).
    pub fn vars(&self, out: &mut Vec<usize>) {
        match self {
            Expr::Num(_) => {}
            Expr::Var(s) => out.push(*s),
            Expr::Neg(e) => e.vars(out),
            Expr::Bin(_, l, r) => {
                l.vars(out);
                r.vars(out);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.vars(out)),
        }
    }

    /// The constant value, when the formula is a plain number.
    pub fn as_constant(&self) -> Option<Decimal> {
        match self {
            Expr::Num(n) => Some(*n),
            Expr::Neg(e) => e.as_constant().map(|n| -n),
            _ => None,
        }
    }
}

fn call(func: Func, args: &[Expr], vars: &[Decimal], notes: &mut EvalNotes) -> Result<Decimal, Overflow> {
    let mut values = args.iter().map(|a| a.eval(vars, notes));
    Ok(match func {
        Func::If => {
            // Only the chosen branch is evaluated, so `if(visits > 0, n / visits, 0)` notes no division by zero.
            let [cond, then, otherwise] = args else { return Ok(Decimal::ZERO) }; // ok: arity checked at parse
            if !cond.eval(vars, notes)?.is_zero() {
                then.eval(vars, notes)?
            } else {
                otherwise.eval(vars, notes)?
            }
        }
        Func::Min => values.try_fold(None, |acc: Option<Decimal>, v| v.map(|v| Some(acc.map_or(v, |a| a.min(v)))))?.unwrap_or_default(),
        Func::Max => values.try_fold(None, |acc: Option<Decimal>, v| v.map(|v| Some(acc.map_or(v, |a| a.max(v)))))?.unwrap_or_default(),
        Func::Abs => values.next().transpose()?.unwrap_or_default().abs(),
        Func::Not => truth(values.next().transpose()?.unwrap_or_default().is_zero()),
        Func::And => {
            let mut all = true;
            for v in values {
                all &= !v?.is_zero();
            }
            truth(all)
        }
        Func::Or => {
            let mut any = false;
            for v in values {
                any |= !v?.is_zero();
            }
            truth(any)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn eval_with(src: &str, names: &[(&str, &str)]) -> (Decimal, EvalNotes) {
        let vars: Vec<Decimal> = names.iter().map(|(_, v)| d(v)).collect();
        let expr = parse(src, &|n| names.iter().position(|(k, _)| *k == n)).unwrap();
        let mut notes = EvalNotes::default();
        (expr.eval(&vars, &mut notes).unwrap(), notes)
    }

    #[test]
    fn arithmetic_follows_precedence() {
        assert_eq!(eval_with("1 + 2 * 3 - 4 / 2", &[]).0, d("5"));
        assert_eq!(eval_with("(1 + 2) * 3", &[]).0, d("9"));
        assert_eq!(eval_with("-2 * -3", &[]).0, d("6"));
    }

    #[test]
    fn conversion_rate_over_fields() {
        let (v, notes) = eval_with("new_customers / visits", &[("new_customers", "6"), ("visits", "40")]);
        assert_eq!(v, d("0.15"));
        assert!(!notes.div_by_zero);
    }

    #[test]
    fn division_by_zero_is_zero_and_noted() {
        let (v, notes) = eval_with("new_customers / visits", &[("new_customers", "6"), ("visits", "0")]);
        assert_eq!(v, Decimal::ZERO);
        assert!(notes.div_by_zero);
    }

    #[test]
    fn if_evaluates_only_the_chosen_branch() {
        let (v, notes) = eval_with("if(visits > 0, new_customers / visits, 0)", &[("new_customers", "6"), ("visits", "0")]);
        assert_eq!(v, Decimal::ZERO);
        assert!(!notes.div_by_zero);
    }

    #[test]
    fn suffixes_percent_and_wan() {
        assert_eq!(eval_with("120%", &[]).0, d("1.2"));
        assert_eq!(eval_with("100万", &[]).0, d("1000000"));
        assert_eq!(eval_with("1.5万 * 2", &[]).0, d("30000"));
    }

    #[test]
    fn functions_and_comparisons() {
        assert_eq!(eval_with("min(3, 1, 2)", &[]).0, d("1"));
        assert_eq!(eval_with("max(3, 1, 2)", &[]).0, d("3"));
        assert_eq!(eval_with("abs(-4.5)", &[]).0, d("4.5"));
        assert_eq!(eval_with("and(1, 2 > 1)", &[]).0, d("1"));
        assert_eq!(eval_with("or(0, 1 = 2)", &[]).0, d("0"));
        assert_eq!(eval_with("not(0)", &[]).0, d("1"));
        assert_eq!(eval_with("if(nps >= 90, 3000, 0)", &[("nps", "90")]).0, d("3000"));
        assert_eq!(eval_with("2 <> 2", &[]).0, d("0"));
        assert_eq!(eval_with("2 != 3", &[]).0, d("1"));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let expr = parse("79228162514264337593543950335 * 2", &|_| None).unwrap();
        assert_eq!(expr.eval(&[], &mut EvalNotes::default()), Err(Overflow));
    }
}
