//! Rules a plan must follow beyond its types, checked without the data: weights that add to
//! 100, categories within their ranges, ordered tiers and bands, positive caps and targets.
//! Every problem names the field path and the value. Rules that need the data (unknown
//! names, roles, regions, reps, periods) are checked when the plan is compiled.

mod commission;
mod grades;
mod names;
mod pay;
mod scorecards;
mod signals;
mod targets;

pub(crate) use targets::period_problem;

use super::Plan;
use crate::problem::Problem;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use std::fmt;

/// The most decimal places a plan may ask figures to be rounded to.
pub const MAX_SCALE: u32 = 10;
/// The largest cap, floor or threshold a plan may state, in percent of target.
pub const MAX_LIMIT_PCT: i64 = 1_000;
/// The most KPIs one scorecard may hold.
pub const MAX_KPIS: usize = 100;
/// The most tiers one commission line may hold.
pub const MAX_TIERS: usize = 100;
/// The most grade bands a plan may hold (kept results hold a grade in one byte).
pub const MAX_BANDS: usize = 100;

/// Every rule the plan breaks; empty when the plan is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    for (field, scale) in [("money_scale", plan.rounding.money_scale), ("score_scale", plan.rounding.score_scale)] {
        if scale > MAX_SCALE {
            out.push(Problem::error(
                "scale_too_large",
                format!("rounding.{field}"),
                Some(scale.to_string()),
                format!("{scale} decimal places is more than the {MAX_SCALE} allowed"),
                format!("小数位数 {scale} 超过上限 {MAX_SCALE}"),
            ));
        }
    }
    if !(plan.currency.len() == 3 && plan.currency.bytes().all(|b| b.is_ascii_uppercase())) {
        out.push(Problem::error(
            "bad_currency",
            "currency",
            Some(plan.currency.clone()),
            format!("`{}` is not a currency code: write three capital letters, such as CNY or USD", plan.currency),
            format!("`{}` 不是货币代码：请写三个大写字母，例如 CNY 或 USD", plan.currency),
        ));
    }
    names::names(plan, &mut out);
    let mut ids = Ids::default();
    for (i, m) in plan.metrics.iter().enumerate() {
        ids.check(&m.id, &format!("metrics[{i}].id"), &mut out);
    }
    targets::targets(plan, &mut ids, &mut out);
    scorecards::categories(&plan.categories, &mut out);
    scorecards::scorecards(plan, &mut out);
    scorecards::points(&plan.points, &mut out);
    grades::grades(&plan.grades, &mut out);
    commission::commission(&plan.commission, &mut out);
    signals::signals(plan, &mut out);
    pay::pay(plan, &mut out);
    out
}

/// Names that formulas can use (metric and target ids): identifiers, each used once.
#[derive(Default)]
pub(super) struct Ids(FxHashSet<String>);

impl Ids {
    pub(super) fn check(&mut self, id: &str, path: &str, out: &mut Vec<Problem>) {
        if !is_identifier(id) {
            out.push(Problem::error(
                "bad_id",
                path,
                Some(id.to_string()),
                format!("`{id}` cannot be used in formulas: an id starts with a letter and holds only letters, digits and _"),
                format!("`{id}` 不能在公式中使用：标识须以字母开头，只含字母、数字和下划线"),
            ));
        } else if !self.0.insert(id.to_string()) {
            out.push(duplicate_id(path, id));
        }
    }
}

/// Whether `s` can be a name in a formula.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// Checks that every id in `ids` is used once; `path_of(i)` is the path of the `i`th
/// (written only for a duplicate).
pub(super) fn unique_ids<'a>(ids: impl IntoIterator<Item = &'a str>, path_of: impl Fn(usize) -> String, out: &mut Vec<Problem>) {
    let mut seen = FxHashSet::default();
    for (i, id) in ids.into_iter().enumerate() {
        if !seen.insert(id) {
            out.push(duplicate_id(&path_of(i), id));
        }
    }
}

pub(super) fn duplicate_id(path: &str, id: &str) -> Problem {
    Problem::error(
        "duplicate_id",
        path,
        Some(id.to_string()),
        format!("id `{id}` is used twice; ids must be unique"),
        format!("标识 `{id}` 重复；标识必须唯一"),
    )
}

/// Checks `low <= value <= high` (or `0 < value` when `low_exclusive`), naming the field
/// (its path is written out only for a value out of range).
pub(super) fn in_range(value: Decimal, path: &dyn fmt::Display, what: (&str, &str), low_exclusive: bool, high: i64, out: &mut Vec<Problem>) {
    let too_small = if low_exclusive { value <= Decimal::ZERO } else { value < Decimal::ZERO };
    if too_small || value > Decimal::from(high) {
        let (what_en, what_zh) = what;
        let high = grouped(high);
        let (en, zh) = if low_exclusive {
            (format!("{what_en} must be more than 0 and at most {high}; it is {value}"), format!("{what_zh}应大于 0 且不超过 {high}；当前为 {value}"))
        } else {
            (format!("{what_en} must be from 0 to {high}; it is {value}"), format!("{what_zh}应在 0 到 {high} 之间；当前为 {value}"))
        };
        out.push(Problem::error("out_of_range", path.to_string(), Some(value.to_string()), en, zh));
    }
}

/// 1000000 → "1,000,000".
fn grouped(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Checks that a list is not empty; `needs` says what it needs, e.g. ("scorecard `x` needs
/// at least one KPI", "计分卡 `x` 至少需要一个指标").
pub(super) fn not_empty<T>(list: &[T], path: &dyn fmt::Display, needs: (&str, &str), out: &mut Vec<Problem>) -> bool {
    if list.is_empty() {
        out.push(Problem::error("empty_list", path.to_string(), None, needs.0.to_string(), needs.1.to_string()));
    }
    !list.is_empty()
}

/// Checks that values go strictly up (or down) in list order; `at(i)` gives the value's
/// path, `name(i)` the item in English ("tier 3") and in Chinese with its possessive
/// ("第 3 个阶梯的"), `what` the quantity ("start", "起点").
pub(super) fn strictly_monotone(
    code: &'static str,
    values: &[Decimal],
    increasing: bool,
    at: impl Fn(usize) -> String,
    name: impl Fn(usize) -> (String, String),
    what: (&str, &str),
    out: &mut Vec<Problem>,
) {
    for i in 1..values.len() {
        let (prev, cur) = (values[i - 1], values[i]);
        let ok = if increasing { cur > prev } else { cur < prev };
        if !ok {
            let (dir, dir_zh) = if increasing { ("above", "高于") } else { ("below", "低于") };
            let ((this, this_zh), (before, before_zh)) = (name(i), name(i - 1));
            out.push(Problem::error(
                code,
                at(i),
                Some(cur.to_string()),
                format!("the {} of {this} is {cur}: it must be {dir} that of {before} ({prev})", what.0),
                format!("{this_zh}{}为 {cur}，必须{dir_zh}{before_zh}{}（{prev}）", what.1, what.1.trim_end()),
            ));
        }
    }
}

/// Checks that values add to exactly 100, naming the sum.
pub(super) fn adds_to_100(values: &[Decimal], path: &str, what: (&str, &str), out: &mut Vec<Problem>) {
    let sum = values.iter().fold(Decimal::ZERO, |s, v| s.saturating_add(*v));
    if sum != Decimal::ONE_HUNDRED {
        let sum = sum.normalize();
        out.push(Problem::error(
            "sum_not_100",
            path,
            Some(sum.to_string()),
            format!("{} add to {sum}; they must add to 100", what.0),
            format!("{}合计为 {sum}；必须等于 100", what.1),
        ));
    }
}
