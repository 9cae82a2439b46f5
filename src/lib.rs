//! A sales-performance and incentive-pay engine: weighted KPI scorecards, grades and tiered
//! commission, exact to the cent with `rust_decimal`. Plain Rust; the WebAssembly binding
//! (`wasm` module, built for `wasm32`) is a thin layer over [`Workspace`].
//!
//! ```
//! use incentive_engine::{Workspace, SAMPLE_PLAN_JSON};
//! let mut ws = Workspace::with_sample_reps();
//! assert!(ws.set_plan_json(SAMPLE_PLAN_JSON).ok);
//! let results = ws.evaluate("2026-Q4").unwrap();
//! let zhang_wei = results.reps.iter().find(|r| r.rep_id == "E01").unwrap();
//! assert_eq!(zhang_wei.total_pay.to_string(), "38000.00"); // 100万 × 3% + 20万 × 4%
//! ```

#![warn(missing_docs)]

pub mod ascii_json;
pub mod calc;
pub mod compare;
pub mod data;
pub mod evaluate;
pub mod explain;
pub mod formula;
pub mod grouping;
#[cfg(feature = "heap-stats")]
pub mod heap;
pub mod indices;
pub mod label;
pub mod order;
pub mod packed;
pub mod pay;
pub mod plan;
// The presets and the sample data are not in the wasm (issue 6: 17 KB gzipped): JavaScript
// takes them from the package's `presets.js`, generated from the same files by
// scripts/presets.mjs. Native code (the tests, the benchmarks, the fuzz targets) keeps them.
#[cfg(not(target_arch = "wasm32"))]
pub mod presets;
pub mod problem;
pub mod rounding;
pub mod score;
mod select;
pub mod signals;
mod shown;
pub mod sorting;
pub mod table;
#[cfg(test)]
mod schema;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use compare::{compare, Comparison};
pub use data::{load_adjustments_csv, load_csv, Dataset};
#[cfg(not(target_arch = "wasm32"))]
pub use data::{sample_csv, sample_dataset};
pub use evaluate::{evaluate, evaluate_ytd, Evaluation, Shown};
pub use plan::{compile, json_syntax, parse_plan, CompiledPlan, Plan};
pub use problem::{Problem, Severity};

use serde::Serialize;
use std::sync::Arc;

/// The built-in sample plan (seed 003's SaaS tiers on a three-KPI scorecard).
#[cfg(not(target_arch = "wasm32"))]
pub const SAMPLE_PLAN_JSON: &str = presets::PRESETS[0].json;

/// What became of a plan handed to [`Workspace::set_plan_json`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PlanReport {
    /// The plan is now the one evaluated. When false the previous plan stays in use.
    pub ok: bool,
    /// Errors (when not ok) and warnings.
    pub problems: Vec<Problem>,
}

/// Reps loaded once, and the current plan compiled against them: edit the plan as often
/// as you like, the reps stay where they are.
#[derive(Debug, Clone)]
pub struct Workspace {
    data: Dataset,
    // Shared with the results kept by `run`, which explain a rep with the plan they came from.
    plan: Option<Arc<CompiledPlan>>,
    baseline: Option<Arc<CompiledPlan>>,
}

/// The furthest a payout curve goes, in percent of target.
pub const MAX_CURVE_PCT: u32 = 1_000;

impl Workspace {
    /// A workspace over `data`, with no plan yet.
    pub fn new(data: Dataset) -> Self {
        Workspace { data, plan: None, baseline: None }
    }

    /// A workspace over the built-in sample reps.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_sample_reps() -> Self {
        Workspace::new(sample_dataset())
    }

    /// The reps and periods.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// Parses, validates and compiles plan JSON; on success it becomes the current plan.
    pub fn set_plan_json(&mut self, json: &str) -> PlanReport {
        // A plan file read in the wrong encoding would otherwise load with garbled names.
        if let Some((line, value, what, what_zh)) = data::not_text(json) {
            let problem = Problem::error(
                "encoding",
                "",
                Some(value.into()),
                format!("line {line} of the plan holds {what}: save the plan file as UTF-8 and open it again"),
                format!("方案第 {line} 行含有{what_zh}：请将方案文件另存为 UTF-8 后重新打开"),
            );
            return PlanReport { ok: false, problems: vec![problem] };
        }
        match parse_plan(json) {
            Ok(plan) => self.set_plan(&plan),
            Err(problems) => PlanReport { ok: false, problems },
        }
    }

    /// Validates and compiles a plan; on success it becomes the current plan.
    pub fn set_plan(&mut self, plan: &Plan) -> PlanReport {
        match compile(plan, &self.data) {
            Ok(compiled) => {
                let problems = compiled.warnings.clone();
                self.plan = Some(Arc::new(compiled));
                PlanReport { ok: true, problems }
            }
            Err(problems) => PlanReport { ok: false, problems },
        }
    }

    /// Evaluates the current plan on one period (by name, e.g. `2026-Q4`).
    pub fn evaluate(&self, period: &str) -> Result<Evaluation, Problem> {
        let (plan, index) = self.plan_and_period(period)?;
        evaluate(plan, &self.data, index)
    }

    /// Evaluates the current plan on one period (year-to-date when asked) for a table: the
    /// same figures as [`Workspace::evaluate`], without explanations, kept with the plan so
    /// that one rep's explanation can be worked out when asked for
    /// ([`table::ResultTable::rep_result`]).
    pub fn run(&self, period: &str, year_to_date: bool) -> Result<table::ResultTable, Problem> {
        let (plan, index) = self.plan_and_period(period)?;
        table::ResultTable::evaluate(Arc::clone(plan), &self.data, index, year_to_date)
    }

    /// Evaluates the current plan year-to-date: the year's periods up to `period`.
    pub fn evaluate_ytd(&self, period: &str) -> Result<Evaluation, Problem> {
        self.evaluate_ytd_detail(period, Shown::ALL)
    }

    /// `period` evaluated and its management signals, from one evaluation (the same as
    /// [`Workspace::evaluate`] and [`Workspace::signals`] called one after the other).
    pub fn evaluate_with_signals(&self, period: &str) -> Result<signals::EvaluationWithSignals, Problem> {
        self.evaluate_with_signals_detail(period, Shown::ALL)
    }

    /// As [`Workspace::evaluate_with_signals`], with each rep's explanation, parts and portrait
    /// as `shown` asks: the same figures and signals, in about half the time and memory
    /// without every rep's explanation, and in less again without every rep's parts, for a
    /// page that shows one rep's explanation at a time.
    pub fn evaluate_with_signals_detail(&self, period: &str, shown: Shown) -> Result<signals::EvaluationWithSignals, Problem> {
        let (plan, index) = self.plan_and_period(period)?;
        evaluate::evaluate_with_signals(plan, &self.data, index, shown)
    }

    /// Evaluates the current plan year-to-date, as [`Workspace::evaluate_ytd`], with each
    /// rep's explanation and parts as `shown` asks.
    pub fn evaluate_ytd_detail(&self, period: &str, shown: Shown) -> Result<Evaluation, Problem> {
        let (plan, index) = self.plan_and_period(period)?;
        let mut evaluation = evaluate::evaluate_detail(plan, &self.data, index, true, evaluate::Detail::shown(shown, &self.data))?;
        evaluation.keep_parts(shown);
        Ok(evaluation)
    }

    /// The full result of rep `rep_id` in `period` (year-to-date when asked), explanations
    /// and all: the rep's result in [`Workspace::evaluate`] (or `evaluate_ytd`), with the
    /// other reps evaluated without explanations. `unknown_rep` when the rep is not in the
    /// data or was left out.
    pub fn explain_rep(&self, period: &str, year_to_date: bool, rep_id: &str) -> Result<evaluate::RepResult, Problem> {
        let (plan, index) = self.plan_and_period(period)?;
        table::explain_rep(plan, &self.data, index, year_to_date, rep_id)
    }

    /// The management signals of `period` under the current plan: alerts, high potentials,
    /// each rep's portrait, improvement plans and health checks.
    pub fn signals(&self, period: &str) -> Result<signals::SignalsReport, Problem> {
        let (plan, index) = self.plan_and_period(period)?;
        evaluate::signals(plan, &self.data, index)
    }

    /// Replaces the adjustments (returned revenue) with those in `csv`; returns the rows left
    /// out, each with its reason, or the problems with the header.
    pub fn load_adjustments(&mut self, csv: &str) -> Result<Vec<Problem>, Vec<Problem>> {
        let (adjustments, problems) = load_adjustments_csv(&self.data, csv)?;
        self.data.adjustments = adjustments;
        Ok(problems)
    }

    /// Keeps the current plan as the baseline that [`Workspace::compare`] measures against.
    /// Returns false when there is no valid plan to pin.
    pub fn pin_baseline(&mut self) -> bool {
        self.baseline = self.plan.clone();
        self.baseline.is_some()
    }

    /// Forgets the baseline.
    pub fn clear_baseline(&mut self) {
        self.baseline = None;
    }

    /// Compares the current plan with the pinned baseline on a period (or year-to-date).
    pub fn compare(&self, period: &str, year_to_date: bool) -> Result<Comparison, Problem> {
        let (variant, index) = self.plan_and_period(period)?;
        let baseline = self.pinned()?;
        let run = |plan: &CompiledPlan| if year_to_date { evaluate_ytd(plan, &self.data, index) } else { evaluate(plan, &self.data, index) };
        compare(&run(baseline)?, &run(variant)?)
    }

    /// The position in the plan of the commission line with id `id`, or `unknown_line`
    /// (naming the plan's lines) when it has none; `no_plan` before a valid plan is set.
    pub fn line_index(&self, id: &str) -> Result<usize, Problem> {
        let plan = self.plan.as_ref().ok_or_else(no_plan)?;
        let lines = &plan.plan.commission;
        lines.iter().position(|line| line.id.as_str() == id).ok_or_else(|| {
            let ids = lines.iter().map(|line| line.id.as_str()).collect::<Vec<_>>().join(", ");
            Problem::error("unknown_line", "line", Some(id.to_string()), format!("the plan has no commission line \"{id}\" (its lines: {ids})"), format!("方案没有提成项“{id}”（现有提成项：{ids}）"))
        })
    }

    /// The payout curve of commission line `line` (by index) for a rep with `target` (above
    /// 0): pay at 0%, `step`%, 2×`step`% … up to `max`% of target (`step` 1 to `max`, `max`
    /// at most [`MAX_CURVE_PCT`]), from the rate table, gate and cap, rounded as the plan
    /// rounds money.
    pub fn payout_curve(&self, line: usize, target: rust_decimal::Decimal, max: u32, step: u32) -> Result<Vec<pay::CurvePoint>, Problem> {
        let plan = self.plan.as_ref().ok_or_else(no_plan)?;
        let compiled = plan.lines.get(line).ok_or_else(|| {
            Problem::error("unknown_line", "line", Some(line.to_string()), format!("the plan has no commission line {line}"), format!("方案没有第 {line} 个提成项"))
        })?;
        if target <= rust_decimal::Decimal::ZERO {
            return Err(Problem::error("target_not_positive", "target", Some(target.to_string()), format!("the target must be above 0, not {target}"), format!("目标必须大于 0，而不是 {target}")));
        }
        if max > MAX_CURVE_PCT {
            return Err(Problem::error("out_of_range", "max", Some(max.to_string()), format!("the curve goes to at most {MAX_CURVE_PCT}% of target, not {max}%"), format!("曲线最多到目标的 {MAX_CURVE_PCT}%，而不是 {max}%")));
        }
        if step == 0 || step > max.max(1) {
            return Err(Problem::error("out_of_range", "step", Some(step.to_string()), format!("the step must be from 1% to the curve's end ({max}%), not {step}%"), format!("步长必须在 1% 到曲线终点（{max}%）之间，而不是 {step}%")));
        }
        let points: Vec<rust_decimal::Decimal> = (0..=max / step).map(|i| rust_decimal::Decimal::from(i * step)).collect();
        let rounding = &plan.plan.rounding;
        let curve = pay::payout_curve(compiled, target, &points).map_err(|_| {
            Problem::error("overflow", "target", Some(target.to_string()), "the curve is too large to compute exactly".into(), "曲线数值过大，无法精确计算".into())
        })?;
        Ok(curve.into_iter().map(|p| pay::CurvePoint { pay: rounding.mode.apply(p.pay, rounding.money_scale), ..p }).collect())
    }

    /// Rep `rep_id`'s full result under the pinned baseline, as [`Workspace::explain_rep`]
    /// gives it under the current plan: what a statement compares each figure with.
    /// `no_baseline` when none is pinned.
    pub fn explain_baseline_rep(&self, period: &str, year_to_date: bool, rep_id: &str) -> Result<evaluate::RepResult, Problem> {
        let (_, index) = self.plan_and_period(period)?;
        table::explain_rep(self.pinned()?, &self.data, index, year_to_date, rep_id)
    }

    /// The pinned baseline plan, or `no_baseline`.
    fn pinned(&self) -> Result<&Arc<CompiledPlan>, Problem> {
        self.baseline.as_ref().ok_or_else(|| Problem::error("no_baseline", "baseline", None, "pin a baseline plan first".into(), "请先固定一个基准方案".into()))
    }

    fn plan_and_period(&self, period: &str) -> Result<(&Arc<CompiledPlan>, usize), Problem> {
        let plan = self.plan.as_ref().ok_or_else(no_plan)?;
        let index = self.data.period_index(period).ok_or_else(|| {
            Problem::error(
                "unknown_period",
                "period",
                Some(period.to_string()),
                format!("there is no period `{period}` in the data (periods: {})", self.data.periods.join(", ")),
                format!("数据中没有期间 `{period}`（现有期间：{}）", self.data.periods.join("、")),
            )
        })?;
        Ok((plan, index))
    }
}

/// The `no_plan` problem: no valid plan has been set yet.
fn no_plan() -> Problem {
    Problem::error("no_plan", "plan", None, "no valid plan has been set yet".into(), "尚未设置有效的方案".into())
}
