//! The last evaluation, kept where it was computed, answered in small flat pieces: the team
//! totals, a page of rows in any order, one rep's full result with its explanation, and every
//! figure of every rep as columns for an export. Handing a page only what it shows is what
//! makes a re-evaluation cheap to display: converting every rep's full result (≈ 8 KB each)
//! costs far more than computing it.

use crate::ascii_json::push_decimal;
use crate::data::Dataset;
use crate::evaluate::{evaluate_detail, evaluate_for_table, rep_alone, CrossRep, Detail, Evaluation, RepResult, Standing, Totals};
use crate::indices::PackedIndices;
use crate::packed::PackedFigures;
use crate::plan::CompiledPlan;
use crate::problem::Problem;
use rust_decimal::Decimal;
use serde::Serialize;
use std::cmp::Ordering;
use std::sync::Arc;

mod json;

/// What a table can be sorted by (`rows`' `sort_key`). Equal values keep data order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// The order of the reps in the data.
    Data,
    /// Rep id.
    RepId,
    /// Rep name.
    Name,
    /// Region.
    Region,
    /// Role.
    Role,
    /// Score (the same order as rank, best last when ascending).
    Score,
    /// Grade, in the plan's band order (the first band first).
    Grade,
    /// Rank (1 first).
    Rank,
    /// Headline attainment; reps without one first.
    AttainmentPct,
    /// Base pay total.
    BaseTotal,
    /// Commission, all lines.
    Commission,
    /// Bonuses, all of them.
    Bonuses,
    /// Variable pay.
    VariablePay,
    /// Total pay.
    TotalPay,
}

/// Every sort key with its name, as `rows` takes it.
const SORT_KEYS: [(&str, SortKey); 14] = [
    ("data", SortKey::Data),
    ("rep_id", SortKey::RepId),
    ("name", SortKey::Name),
    ("region", SortKey::Region),
    ("role", SortKey::Role),
    ("score", SortKey::Score),
    ("grade", SortKey::Grade),
    ("rank", SortKey::Rank),
    ("attainment_pct", SortKey::AttainmentPct),
    ("base_total", SortKey::BaseTotal),
    ("commission", SortKey::Commission),
    ("bonuses", SortKey::Bonuses),
    ("variable_pay", SortKey::VariablePay),
    ("total_pay", SortKey::TotalPay),
];

impl SortKey {
    /// Every key's name, as `rows` takes it (the results schema's `SortKey`).
    pub fn names() -> impl Iterator<Item = &'static str> {
        SORT_KEYS.iter().map(|(n, _)| *n)
    }

    /// The key named `name` (`total_pay`, `score`, …); an `unknown_sort_key` error lists the names.
    pub fn parse(name: &str) -> Result<SortKey, Problem> {
        SORT_KEYS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k).ok_or_else(|| {
            let names = SortKey::names().collect::<Vec<_>>().join(", ");
            Problem::error(
                "unknown_sort_key",
                "sort_key",
                Some(name.to_string()),
                format!("the results cannot be sorted by `{name}`; sort by one of: {names}"),
                format!("结果无法按 `{name}` 排序；可用的排序字段：{names}"),
            )
        })
    }
}

/// The small answer to an evaluation: what it covers, the team totals and what was left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RunSummary<'a> {
    /// The period evaluated (for year-to-date, the last one).
    pub period: &'a str,
    /// The periods the figures cover.
    pub periods: &'a [String],
    /// Whether the figures are year-to-date.
    pub year_to_date: bool,
    /// Totals over the evaluated reps, as in a full evaluation.
    pub totals: &'a Totals,
    /// Reps left out, each with its reason.
    pub problems: &'a [Problem],
    /// Things that did not stop the evaluation but need a look.
    pub warnings: &'a [Problem],
}

/// One rep's headline figures: a row of the results table.
// Written as JSON by hand (`json.rs`); serde's form, which it matches, is for the tests and the schema.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, schemars::JsonSchema))]
pub struct RepRow<'a> {
    /// The rep's position in the evaluation (0-based, data order of the evaluated reps).
    pub index: usize,
    /// The rep's id, for `repResult`.
    pub rep_id: &'a str,
    /// The rep's name.
    pub name: &'a str,
    /// The rep's Chinese name; empty when the data has none.
    pub name_zh: &'a str,
    /// The rep's region.
    pub region: &'a str,
    /// The rep's role.
    pub role: &'a str,
    /// The score.
    pub score: Decimal,
    /// The grade.
    pub grade: &'a str,
    /// The rank (1 for the best score; ties share).
    pub rank: usize,
    /// Headline attainment in percent; null when the plan has none.
    pub attainment_pct: Option<Decimal>,
    /// Sum of the base pay items.
    pub base_total: Decimal,
    /// Sum of the commission lines' pay.
    pub commission: Decimal,
    /// Sum of the bonuses.
    pub bonuses: Decimal,
    /// Sum of the clawbacks (zero or negative).
    pub adjustments: Decimal,
    /// Variable pay after the cap and the draw.
    pub variable_pay: Decimal,
    /// Total pay.
    pub total_pay: Decimal,
    /// The codes of the rep's pay warnings (`base_share_out_of_range`, …).
    pub warnings: Vec<&'static str>,
    /// The codes of the rep's flags (`grade_streak`).
    pub flags: Vec<&'static str>,
}

/// A page of rows in the order asked for.
// Written as JSON by hand (`json.rs`); serde's form, which it matches, is for the tests and the schema.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, schemars::JsonSchema))]
pub struct RowPage<'a> {
    /// Number of rows in the whole table (the evaluated reps).
    pub total: usize,
    /// The position of the first row of this page in the sorted table.
    pub start: usize,
    /// The rows, at most the number asked for.
    pub rows: Vec<RepRow<'a>>,
}

/// Every rep's figures as columns, one entry per evaluated rep in evaluation order. Figures
/// are exact decimal strings joined by `\n` (a decimal never holds one); an empty entry is a
/// figure the rep does not have (attainment without the plan's `attainment`).
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// Each rep's index in the data's reps (`Dataset::reps`, the wasm `reps()`): its id and names.
    pub rep_index: Vec<u32>,
    /// Each rep's rank.
    pub rank: Vec<u32>,
    /// Each rep's grade, as an index into `grades`.
    pub grade: Vec<u8>,
    /// The plan's grades, in band order.
    pub grades: Vec<String>,
    /// Named figure columns: `score`, `attainment_pct`, `base_total`, `commission`,
    /// `bonuses`, `adjustments`, `variable_pay`, `total_pay`, then `commission.<line id>`
    /// for each line and `bonus.<bonus id>` for each bonus, in plan order.
    pub figures: Vec<(String, String)>,
}

/// The headline figures of a rep, in this order, before its commission lines and bonuses;
/// all are kept but the commission and bonuses, which are added up from the lines' and
/// bonuses' figures when read.
const HEADLINE: [&str; 8] = ["score", "attainment_pct", "base_total", "commission", "bonuses", "adjustments", "variable_pay", "total_pay"];
const SCORE: usize = 0;
const ATTAINMENT_PCT: usize = 1;
const BASE_TOTAL: usize = 2;
const COMMISSION: usize = 3;
const BONUSES: usize = 4;
const ADJUSTMENTS: usize = 5;
const VARIABLE_PAY: usize = 6;
const TOTAL_PAY: usize = 7;

/// An evaluation without explanations, kept as what its pages need: per rep its data
/// index, rank, grade and figures (a column each, packed), its warning and flag codes, the
/// team totals, and the last sort order; with the plan and period it came from, to explain
/// one rep when asked. About 55 bytes per rep for the benchmark plan, where the evaluation's
/// own result tree is about 4 KB.
#[derive(Debug, Clone)]
pub struct ResultTable {
    /// The evaluation's summary: what it covers, its totals and problems (its reps are below).
    summary: Evaluation,
    plan: Arc<CompiledPlan>,
    period: usize,
    /// Each rep's index in the data's reps (its id and names), in evaluation order.
    rep_data: PackedIndices,
    /// Each rep's rank.
    ranks: PackedIndices,
    /// Each rep's grade, as an index into the totals' grades.
    grades: Vec<u8>,
    /// One column per figure: [`HEADLINE`], then each commission line's pay and each bonus's
    /// amount; each rep's figure at its position in evaluation order. The commission and
    /// bonus columns of the headline are left empty: they are the sums of the lines' and the
    /// bonuses' columns, added up when read.
    figures: Vec<PackedFigures>,
    /// The number of commission lines (their columns follow the headline's).
    lines: usize,
    /// The names of the figures after the headline ones: `commission.<line id>`, `bonus.<bonus id>`.
    line_and_bonus_columns: Vec<String>,
    /// Each rep's pay warning codes and flag codes, as (rep position, code), in rep order.
    warnings: Vec<(u32, &'static str)>,
    flags: Vec<(u32, &'static str)>,
    /// What the run kept of every rep to explain one alone (a period's; year-to-date
    /// evaluates again).
    kept: Option<CrossRep>,
    /// The last order asked for, kept for the next page.
    order: Option<Order>,
}

/// A sort order of the table, worked out as far as the pages asked for needed.
#[derive(Debug, Clone)]
struct Order {
    key: SortKey,
    descending: bool,
    /// Row indices: the first `sorted` in their final order, then either every other row (all
    /// coming after them) or none (when the sorted ones were found by their keys).
    indices: Vec<u32>,
    sorted: usize,
}

impl ResultTable {
    /// Evaluates `plan` on data period `period` (year-to-date when asked) without
    /// explanations, and keeps what the pages need of the results.
    pub fn evaluate(plan: Arc<CompiledPlan>, data: &Dataset, period: usize, year_to_date: bool) -> Result<Self, Problem> {
        let (evaluation, kept) = if year_to_date {
            (evaluate_detail(&plan, data, period, true, Detail::Table)?, None)
        } else {
            let (evaluation, kept) = evaluate_for_table(&plan, data, period)?;
            (evaluation, Some(kept))
        };
        Ok(ResultTable { kept, ..ResultTable::new(evaluation, data, plan, period) })
    }

    /// Sums that did not fit were reported by the totals already (an evaluation with an
    /// overflowing sum is an error), so they are exact here.
    fn new(mut summary: Evaluation, data: &Dataset, plan: Arc<CompiledPlan>, period: usize) -> Self {
        let results = std::mem::take(&mut summary.reps);
        let position: rustc_hash::FxHashMap<&str, usize> = data.reps.iter().map(|r| r.id.as_str()).zip(0..).collect();
        let grade_of = |g: &str| summary.totals.grades.iter().position(|c| c.grade == g).and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX);
        let sum = |v: &mut dyn Iterator<Item = Decimal>| crate::calc::sum(v).unwrap_or_default();
        let (lines, bonuses) = results.first().map_or((0, 0), |r| (r.commission.len(), r.bonuses.len()));
        // The commission and bonuses columns stay empty (added up when read): no room for them.
        let room = |slot: usize| if slot == COMMISSION || slot == BONUSES { 0 } else { results.len() };
        let mut figures: Vec<PackedFigures> = (0..HEADLINE.len() + lines + bonuses).map(|slot| PackedFigures::with_capacity(room(slot))).collect();
        let (mut warnings, mut flags) = (Vec::new(), Vec::new());
        let (mut rep_data, mut ranks, mut grades) = (PackedIndices::with_capacity(results.len()), PackedIndices::with_capacity(results.len()), Vec::with_capacity(results.len()));
        for (i, r) in (0u32..).zip(&results) {
            rep_data.push(position.get(r.rep_id.as_str()).copied().unwrap_or(usize::MAX));
            ranks.push(r.rank);
            grades.push(grade_of(&r.grade));
            let headline = [
                (SCORE, Some(r.score)),
                (ATTAINMENT_PCT, r.attainment_pct),
                (BASE_TOTAL, Some(r.base_total)),
                (ADJUSTMENTS, Some(crate::rounding::pad(sum(&mut r.adjustments.iter().map(|a| a.amount)), plan.plan.rounding.money_scale))),
                (VARIABLE_PAY, Some(r.variable_pay)),
                (TOTAL_PAY, Some(r.total_pay)),
            ];
            let line_pays = (0..lines).map(|k| (HEADLINE.len() + k, r.commission.get(k).map(|l| l.pay)));
            let bonus_amounts = (0..bonuses).map(|k| (HEADLINE.len() + lines + k, r.bonuses.get(k).map(|b| b.amount)));
            headline.into_iter().chain(line_pays).chain(bonus_amounts).for_each(|(slot, f)| figures[slot].push(f));
            warnings.extend(r.warnings.iter().map(|w| (i, w.code)));
            flags.extend(r.flags.iter().map(|f| (i, f.code)));
        }
        let line_and_bonus_columns = results
            .first()
            .map(|r| r.commission.iter().map(|l| format!("commission.{}", l.id)).chain(r.bonuses.iter().map(|b| format!("bonus.{}", b.id))).collect())
            .unwrap_or_default();
        ResultTable { summary, plan, period, rep_data, ranks, grades, figures, lines, line_and_bonus_columns, warnings, flags, kept: None, order: None }
    }

    /// What the evaluation covers, its totals and what was left out.
    pub fn summary(&self) -> RunSummary<'_> {
        let e = &self.summary;
        RunSummary { period: &e.period, periods: &e.periods, year_to_date: e.year_to_date, totals: &e.totals, problems: &e.problems, warnings: &e.warnings }
    }

    /// The number of evaluated reps (rows of the table).
    pub fn len(&self) -> usize {
        self.grades.len()
    }

    /// Whether no rep was evaluated.
    pub fn is_empty(&self) -> bool {
        self.grades.is_empty()
    }

    /// Up to `count` rows from position `start` of the table sorted by `key` (descending
    /// when asked; equal values keep data order). The order is kept for the next page.
    /// `data` is the data evaluated (the reps' ids and names; other data gives wrong names,
    /// empty where it has fewer reps, never a panic).
    pub fn rows<'a>(&'a mut self, data: &'a Dataset, start: usize, count: usize, key: SortKey, descending: bool) -> RowPage<'a> {
        let n = self.len();
        let start = start.min(n);
        let end = start.saturating_add(count).min(n);
        let sorted = key != SortKey::Data || descending;
        if sorted {
            self.sort(data, key, descending, end);
        }
        let order = self.order.as_ref().filter(|_| sorted);
        let rows = (start..end).map(|at| order.map_or(at, |o| o.indices[at] as usize)).map(|i| self.row(data, i)).collect();
        RowPage { total: n, start, rows }
    }

    /// The full result of rep `rep_id`, explanations and all, from `data` (the data
    /// evaluated): a period's rep evaluated again alone, the other reps' figures read from
    /// the run; a year-to-date rep with its year evaluated again. `unknown_rep` when the rep
    /// was not evaluated (not in the data, or left out: see the summary's problems).
    pub fn rep_result(&self, data: &Dataset, rep_id: &str) -> Result<RepResult, Problem> {
        let index = data.reps.iter().position(|r| r.id == rep_id).ok_or_else(|| unknown_rep(rep_id))?;
        let at = self.rep_data.iter().position(|k| k == index).ok_or_else(|| unknown_rep(rep_id))?;
        let Some(kept) = &self.kept else {
            return explain_rep(&self.plan, data, self.period, self.summary.year_to_date, rep_id);
        };
        let everyone: Vec<Standing> = (0..self.len())
            .map(|i| Standing { rep: self.rep_data.get(i).unwrap_or(usize::MAX), band: usize::from(self.grades[i]), rank: self.ranks.get(i).unwrap_or_default(), score: self.amount(i, SCORE) })
            .collect();
        let streak = self.flags.iter().any(|&(i, code)| i as usize == at && code == "grade_streak");
        rep_alone(&self.plan, data, self.period, kept, &everyone, at, streak).unwrap_or_else(|| Err(unknown_rep(rep_id)))
    }

    /// Every rep's figures as columns (see [`Columns`]).
    pub fn columns(&self) -> Columns {
        let n = self.len();
        let names = HEADLINE.iter().map(|h| h.to_string()).chain(self.line_and_bonus_columns.iter().cloned());
        Columns {
            rep_index: self.rep_data.iter().map(|i| u32::try_from(i).unwrap_or(u32::MAX)).collect(),
            rank: self.ranks.iter().map(|r| u32::try_from(r).unwrap_or(u32::MAX)).collect(),
            grade: self.grades.clone(),
            grades: self.summary.totals.grades.iter().map(|g| g.grade.to_string()).collect(),
            figures: names.enumerate().map(|(slot, name)| (name, join((0..n).map(|i| self.figure(i, slot))))).collect(),
        }
    }

    /// Figure `slot` of the rep at position `i`; the commission and bonuses added up from
    /// their columns (the sums were checked when the evaluation's totals were added up), to
    /// the cent also when there is nothing to add.
    #[inline]
    fn figure(&self, i: usize, slot: usize) -> Option<Decimal> {
        let money_scale = self.plan.plan.rounding.money_scale;
        let added = |columns: &[PackedFigures]| crate::calc::sum(columns.iter().filter_map(|c| c.get(i))).map(|s| crate::rounding::pad(s, money_scale));
        match slot {
            COMMISSION => added(self.figures.get(HEADLINE.len()..HEADLINE.len() + self.lines)?),
            BONUSES => added(self.figures.get(HEADLINE.len() + self.lines..)?),
            _ => self.figures.get(slot)?.get(i),
        }
    }

    /// A figure every rep has (all but the attainment); zero only if the table were corrupt.
    #[inline]
    fn amount(&self, i: usize, slot: usize) -> Decimal {
        self.figure(i, slot).unwrap_or_default()
    }

    fn grade_name(&self, grade: u8) -> &str {
        self.summary.totals.grades.get(usize::from(grade)).map_or("", |g| g.grade.as_str())
    }

    /// The rep at position `i` in `data`; `None` only when `data` is not the data evaluated.
    fn rep<'a>(&self, data: &'a Dataset, i: usize) -> Option<&'a crate::data::Rep> {
        data.reps.get(self.rep_data.get(i)?)
    }

    fn row<'a>(&'a self, data: &'a Dataset, i: usize) -> RepRow<'a> {
        let rep = self.rep(data, i);
        let text = |f: fn(&crate::data::Rep) -> &str| rep.map_or("", f);
        let codes = |list: &[(u32, &'static str)]| -> Vec<&'static str> {
            let from = list.partition_point(|(r, _)| (*r as usize) < i);
            list[from..].iter().take_while(|(r, _)| *r as usize == i).map(|(_, code)| *code).collect()
        };
        RepRow {
            index: i,
            rep_id: text(|r| &r.id),
            name: text(crate::data::Rep::name),
            name_zh: text(crate::data::Rep::name_zh),
            region: text(|r| &r.region),
            role: text(|r| &r.role),
            score: self.amount(i, SCORE),
            grade: self.grade_name(self.grades[i]),
            rank: self.ranks.get(i).unwrap_or_default(),
            attainment_pct: self.figure(i, ATTAINMENT_PCT),
            base_total: self.amount(i, BASE_TOTAL),
            commission: self.amount(i, COMMISSION),
            bonuses: self.amount(i, BONUSES),
            adjustments: self.amount(i, ADJUSTMENTS),
            variable_pay: self.amount(i, VARIABLE_PAY),
            total_pay: self.amount(i, TOTAL_PAY),
            warnings: codes(&self.warnings),
            flags: codes(&self.flags),
        }
    }

    /// Sorts the table by `key` far enough for its first `end` rows: a page near the top
    /// costs a selection, not a full sort; later pages extend the sorted part.
    fn sort(&mut self, data: &Dataset, key: SortKey, descending: bool, end: usize) {
        let mut order = match self.order.take() {
            Some(o) if o.key == key && o.descending == descending => o,
            _ => Order { key, descending, indices: Vec::new(), sorted: 0 },
        };
        if order.sorted < end && !self.first_by_keys(&mut order, end) {
            self.sort_rest(data, &mut order, end);
        }
        self.order = Some(order);
    }

    /// Finds the rows up to `end` of `order` in one pass over the key column's integers, when
    /// it is a figure packed in place at one scale and a page at most is wanted; `false`, with
    /// `order` as it was, otherwise. Only the rows found are listed: the others are those
    /// whose key comes after the last one's.
    fn first_by_keys(&self, order: &mut Order, end: usize) -> bool {
        let wanted = end - order.sorted;
        let Some(figures) = figure_slot(order.key).filter(|_| wanted <= crate::select::MOST).map(|slot| &self.figures[slot]) else { return false };
        // The same order as `sort_rest`'s on integers: the figure (inverted when descending),
        // then the row.
        let after = match order.indices[..order.sorted].last() {
            Some(&row) => match figures.key_at(row as usize) {
                Some(key) => Some((key, row)),
                None => return false,
            },
            None => None,
        };
        let mut first = crate::select::First::new(wanted, order.descending, after);
        if !figures.for_each_key(&mut first) {
            return false;
        }
        order.indices.truncate(order.sorted);
        order.indices.extend(first.rows());
        order.sorted = end;
        true
    }

    /// Sorts the rows of `order` after its sorted ones far enough for its first `end` rows, by
    /// comparing them.
    fn sort_rest(&self, data: &Dataset, order: &mut Order, end: usize) {
        let (key, descending) = (order.key, order.descending);
        // The rows after the sorted ones, in data order, when only the sorted ones are listed.
        let n = u32::try_from(self.len()).unwrap_or(u32::MAX);
        if order.indices.len() < n as usize {
            let mut listed = vec![false; n as usize];
            order.indices.iter().for_each(|&row| listed[row as usize] = true);
            order.indices.extend((0..n).filter(|&row| !listed[row as usize]));
        }
        // The commission and bonuses are sums of columns: added up once per sort, not per comparison.
        let sums: Vec<Option<Decimal>> = match key {
            SortKey::Commission => (0..self.len()).map(|i| self.figure(i, COMMISSION)).collect(),
            SortKey::Bonuses => (0..self.len()).map(|i| self.figure(i, BONUSES)).collect(),
            _ => Vec::new(),
        };
        let added = &sums;
        let by_text = |f: fn(&crate::data::Rep) -> &str, a: usize, b: usize| self.rep(data, a).map(f).cmp(&self.rep(data, b).map(f));
        let by_figure = |slot: usize| move |a: usize, b: usize| match slot {
            COMMISSION | BONUSES => added[a].cmp(&added[b]),
            _ => self.figures[slot].cmp_at(a, b),
        };
        let by_key = |a: usize, b: usize| -> Ordering {
            match key {
                SortKey::Data => a.cmp(&b),
                SortKey::RepId => by_text(|r| &r.id, a, b),
                SortKey::Name => by_text(crate::data::Rep::name, a, b),
                SortKey::Region => by_text(|r| &r.region, a, b),
                SortKey::Role => by_text(|r| &r.role, a, b),
                SortKey::Grade => self.grades[a].cmp(&self.grades[b]),
                SortKey::Rank => self.ranks.get(a).cmp(&self.ranks.get(b)),
                SortKey::Commission => by_figure(COMMISSION)(a, b),
                SortKey::Bonuses => by_figure(BONUSES)(a, b),
                SortKey::Score | SortKey::AttainmentPct | SortKey::BaseTotal | SortKey::VariablePay | SortKey::TotalPay => figure_slot(key).map_or(Ordering::Equal, |slot| by_figure(slot)(a, b)),
            }
        };
        // A total order: by the key (reversed when descending), equal values in data order.
        let cmp = |a: &u32, b: &u32| {
            let o = by_key(*a as usize, *b as usize);
            if descending { o.reverse() } else { o }.then(a.cmp(b))
        };
        let rest = &mut order.indices[order.sorted..];
        let wanted = end - order.sorted;
        if wanted < rest.len() {
            rest.select_nth_unstable_by(wanted - 1, cmp);
        }
        rest[..wanted].sort_unstable_by(cmp);
        order.sorted = end;
    }
}

/// The column of a figure kept as one (not a sum of columns, as commission and bonuses are).
fn figure_slot(key: SortKey) -> Option<usize> {
    match key {
        SortKey::Score => Some(SCORE),
        SortKey::AttainmentPct => Some(ATTAINMENT_PCT),
        SortKey::BaseTotal => Some(BASE_TOTAL),
        SortKey::VariablePay => Some(VARIABLE_PAY),
        SortKey::TotalPay => Some(TOTAL_PAY),
        _ => None,
    }
}

/// Figures joined by `\n`, an absent one as an empty entry.
fn join(values: impl Iterator<Item = Option<Decimal>>) -> String {
    let mut out = String::new();
    for (i, v) in values.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if let Some(v) = v {
            push_decimal(&mut out, v);
        }
    }
    out
}

/// The full result of rep `rep_id`, explanations and all, out of `plan` evaluated on data
/// period `period` (year-to-date when asked); the other reps are evaluated as for a table.
/// `unknown_rep` when the rep is not in the data or was left out of the evaluation.
pub fn explain_rep(plan: &CompiledPlan, data: &Dataset, period: usize, year_to_date: bool, rep_id: &str) -> Result<RepResult, Problem> {
    let index = data.reps.iter().position(|r| r.id == rep_id).ok_or_else(|| unknown_rep(rep_id))?;
    let evaluation = evaluate_detail(plan, data, period, year_to_date, Detail::Rep(index))?;
    evaluation.reps.into_iter().find(|r| r.rep_id == rep_id).ok_or_else(|| unknown_rep(rep_id))
}

fn unknown_rep(rep_id: &str) -> Problem {
    Problem::error(
        "unknown_rep",
        "rep_id",
        Some(rep_id.to_string()),
        format!("rep `{rep_id}` is not in the results: it is not in the data, or it was left out (see the problems)"),
        format!("结果中没有销售人员 `{rep_id}`：数据中没有此人，或此人未能计算（见问题列表）"),
    )
}

#[cfg(test)]
mod tests {
    use super::{BONUSES, COMMISSION, HEADLINE};

    #[test]
    fn the_commission_and_bonuses_are_not_kept_but_their_parts_are() {
        let mut ws = crate::Workspace::new(crate::data::synthetic_monthly(50, 1, 42));
        assert!(ws.set_plan_json(include_str!("../bench/full-plan.json")).ok);
        let table = ws.run("2026-01", false).unwrap();
        assert!(!table.is_empty());
        for slot in [COMMISSION, BONUSES] {
            assert_eq!((table.figures[slot].len(), table.figures[slot].capacity()), (0, 0), "slot {slot}");
        }
        assert!(table.figures[HEADLINE.len()..].iter().all(|column| column.len() == table.len()));
    }

    #[test]
    fn a_page_found_by_keys_lists_its_rows_only_and_a_longer_one_every_row_once() {
        let mut ws = crate::Workspace::new(crate::data::synthetic_monthly(600, 1, 5));
        assert!(ws.set_plan_json(include_str!("../bench/full-plan.json")).ok);
        let mut table = ws.run("2026-01", false).unwrap();
        let n = table.len();
        table.rows(ws.data(), 0, 50, super::SortKey::TotalPay, true);
        assert_eq!(table.order.as_ref().map(|o| (o.sorted, o.indices.len())), Some((50, 50)));
        // More than a page of keys: the comparison sort lists the other rows, each once.
        let all: Vec<usize> = table.rows(ws.data(), 0, n, super::SortKey::TotalPay, true).rows.iter().map(|r| r.index).collect();
        let mut listed = table.order.as_ref().map(|o| o.indices.clone()).unwrap_or_default();
        assert_eq!(listed.len(), n);
        listed.sort_unstable();
        assert_eq!(listed, (0..n as u32).collect::<Vec<_>>());
        let pay = |i: usize| table.figure(i, super::TOTAL_PAY);
        assert!(all.windows(2).all(|w| (pay(w[0]), std::cmp::Reverse(w[0])) >= (pay(w[1]), std::cmp::Reverse(w[1]))));
    }
}
