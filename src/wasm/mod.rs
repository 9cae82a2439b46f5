//! The WebAssembly binding: a handle that keeps the reps in wasm memory and re-evaluates
//! when the plan changes. It converts types and errors only; the engine does the work.

use crate::table::{ResultTable, SortKey};
use crate::evaluate::RepResult;
use crate::{load_csv, Evaluation, Problem, Shown, Workspace};
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod args;
use args::{flag, line_ref, optional_flag, optional_text, text, text_or_problem, whole, LineRef};

/// `value` as a JavaScript value: written as JSON in wasm (ASCII only: see
/// [`crate::ascii_json`]) and read by the JavaScript engine's own `JSON.parse`, one crossing
/// of the boundary instead of one per field (decimals as strings, counts as numbers, maps as
/// objects). In Chromium this made `evaluate` on 1,000 reps 47% faster than
/// `serde_wasm_bindgen`'s JSON-compatible serializer, which it replaced. A value whose JSON
/// is longer than a JavaScript string can be (2^29 − 24 UTF-16 units in V8; a byte of ASCII
/// is one unit) is a `result_too_large` error: see [`evaluation_to_js`].
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    parse(&crate::ascii_json::to_string(value).map_err(json_error)?)
}

/// JSON text read by `JSON.parse`; `result_too_large` when no JavaScript string can hold it.
fn parse(json: &str) -> Result<JsValue, JsValue> {
    if json.len() > MAX_JS_STRING {
        return Err(into_error(&[too_large(json.len())]));
    }
    js_sys::JSON::parse(json)
}

fn json_error(e: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&e.to_string()).into()
}

/// The longest string V8 makes (Chromium, Node), in UTF-16 units.
const MAX_JS_STRING: usize = (1 << 29) - 24;

/// About how much JSON crosses at once when the reps' results are handed over: about a
/// thousand reps with their explanations (8 KB each for the benchmark plan).
const CROSSING_BYTES: usize = 8 << 20;

/// An evaluation as a JavaScript object. Its reps cross [`CROSSING_BYTES`] of JSON at a time:
/// the JSON of 100,000 reps (about 840 MB) would not fit in one JavaScript string.
fn evaluation_to_js(mut evaluation: Evaluation) -> Result<JsValue, JsValue> {
    let reps = std::mem::take(&mut evaluation.reps);
    let object = to_js(&evaluation)?;
    put_reps(&object, &reps)?;
    Ok(object)
}

/// One rep's result as a JavaScript value, written by [`crate::evaluate::push_rep`].
fn rep_to_js(rep: &RepResult) -> Result<JsValue, JsValue> {
    let mut json = String::new();
    crate::evaluate::push_rep(&mut json, rep).map_err(json_error)?;
    parse(&json)
}

/// Sets the `reps` of the evaluation `object` (written with none) to `reps`, as one
/// JavaScript array: JSON arrays of about [`CROSSING_BYTES`] each, every rep written by
/// [`crate::evaluate::push_rep`], parsed and joined with `concat` (not a call into
/// JavaScript per rep). The key was written as `[]` in its place, so the keys keep their order.
fn put_reps(object: &JsValue, reps: &[RepResult]) -> Result<(), JsValue> {
    let mut all: Option<js_sys::Array> = None;
    let mut json = String::new();
    let mut hand_over = |json: &mut String| -> Result<(), JsValue> {
        json.push(']');
        let part: js_sys::Array = parse(json)?.unchecked_into();
        json.clear();
        all = Some(match all.take() {
            Some(all) => all.concat(&part),
            None => part,
        });
        Ok(())
    };
    for rep in reps {
        json.push(if json.is_empty() { '[' } else { ',' });
        crate::evaluate::push_rep(&mut json, rep).map_err(json_error)?;
        if json.len() >= CROSSING_BYTES {
            hand_over(&mut json)?;
        }
    }
    if !json.is_empty() {
        hand_over(&mut json)?;
    }
    set(object.unchecked_ref(), "reps", &all.unwrap_or_default())
}

fn too_large(bytes: usize) -> Problem {
    let mb = bytes / 1_000_000;
    Problem::error(
        "result_too_large",
        "result",
        Some(format!("{mb} MB")),
        format!("the result is {mb} MB of JSON, more than a JavaScript string can hold; take it a piece at a time with run() and rows(), columns() or repResult()"),
        format!("结果为 {mb} MB 的 JSON，超出 JavaScript 字符串的容量；请用 run() 之后的 rows()、columns() 或 repResult() 分批获取"),
    )
}

/// A JS `Error` whose message is the first problem's English text and whose `problems`
/// property holds every problem (code, path, value, message.en, message.zh).
fn into_error(problems: &[Problem]) -> JsValue {
    let message = problems.first().map_or_else(|| "unknown error".to_string(), |p| p.to_string());
    let error = js_sys::Error::new(&message);
    if let Ok(list) = to_js(&problems) {
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("problems"), &list);
    }
    error.into()
}

// The TypeScript types of the plan and of every result (generated from the Rust types, see
// src/schema.rs), added to the package's .d.ts so the methods below can name them.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../../schema/types.d.ts");

// What every method throws: the generated types cannot say what a thrown value is.
#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPE: &str = r#"
/**
 * What the engine's methods throw: a JS `Error` whose `message` is the first problem's English
 * text and whose `problems` holds every problem, each with its code, path, value and message
 * in English and Chinese (`catch (e) { for (const p of (e as EngineError).problems) … }`).
 */
export interface EngineError extends Error {
  problems: Problem[];
}
"#;

// The columnar export holds typed arrays, which the generated types cannot name.
#[wasm_bindgen(typescript_custom_section)]
const COLUMNS_TYPE: &str = r#"
/**
 * Every evaluated rep's figures as columns (`Engine.columns()`), one entry per rep in
 * evaluation order (the order of `RepRow.index`).
 */
export interface ResultColumns {
  /** Number of evaluated reps: the length of every column. */
  reps: number;
  /** Each rep's index into `Engine.reps()` (its id and names). */
  rep_index: Uint32Array;
  /** Each rep's rank (1 for the best score). */
  rank: Uint32Array;
  /** Each rep's grade, as an index into `grades`. */
  grade: Uint8Array;
  /** The plan's grades, in band order. */
  grades: string[];
  /**
   * Named figures, each an exact decimal string per rep joined by "\n" (`col.split("\n")`);
   * an empty entry is a figure the rep does not have. Names: `score`, `attainment_pct`,
   * `base_total`, `commission`, `bonuses`, `adjustments`, `variable_pay`, `total_pay`, then
   * `commission.<line id>` and `bonus.<bonus id>` in plan order.
   */
  figures: Record<string, string>;
}
"#;

/// The engine handle: reps loaded once, plans set and evaluated many times.
#[wasm_bindgen]
pub struct Engine {
    workspace: Workspace,
    load_problems: Vec<Problem>,
    /// The results of the last `run`, answered a piece at a time.
    last: Option<ResultTable>,
}

#[wasm_bindgen]
impl Engine {
    /// Not a way to make an engine: throws a `no_constructor` problem naming the three that
    /// are (`new Engine()` in plain JavaScript otherwise made a handle over nothing, and its
    /// first call threw "null pointer passed to rust"). TypeScript keeps the constructor private.
    #[wasm_bindgen(constructor, skip_typescript)]
    pub fn new() -> Result<Engine, JsValue> {
        Err(into_error(&[Problem::error(
            "no_constructor",
            "Engine",
            None,
            "an Engine is made by Engine.fromCsv(text), Engine.synthetic(reps, quarters, seed) or, with the presets module, sampleEngine(Engine), not by new Engine()".into(),
            "Engine 不能用 new Engine() 创建，请用 Engine.fromCsv(text)、Engine.synthetic(reps, quarters, seed)，或预设模块的 sampleEngine(Engine)".into(),
        )]))
    }

    /// An engine over `reps` synthetic reps over `quarters` quarters, from `seed` (the same
    /// arguments always give the same data): for trying the engine at scale. Within the
    /// limits of a reps file: `quarters` is taken from 1 to 12, and `reps` at most 100,000
    /// and at most 2,000,000 rows in all (more is reduced to that).
    pub fn synthetic(
        #[wasm_bindgen(unchecked_param_type = "number")] reps: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] quarters: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    ) -> Result<Engine, JsValue> {
        let (reps, quarters, seed) = (whole(&reps, "reps")? as usize, whole(&quarters, "quarters")? as usize, whole(&seed, "seed")?);
        let reps = reps.min(crate::data::MAX_ROWS / quarters.clamp(1, 12)).min(crate::data::MAX_REPS);
        Ok(Engine { workspace: Workspace::new(crate::data::synthetic_dataset(reps, quarters, u64::from(seed))), load_problems: Vec::new(), last: None })
    }

    /// An engine over reps from CSV text. Throws (with `problems`) when nothing can be read;
    /// rows it had to leave out are listed by `loadProblems()`.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<Engine, JsValue> {
        let loaded = load_csv(&self::text(&text, "text")?).map_err(|p| into_error(&p))?;
        Ok(Engine { workspace: Workspace::new(loaded.dataset), load_problems: loaded.problems, last: None })
    }

    /// Rows of the data file that were left out, each with its reason.
    #[wasm_bindgen(js_name = loadProblems, unchecked_return_type = "Problem[]")]
    pub fn load_problems(&self) -> Result<JsValue, JsValue> {
        to_js(&self.load_problems)
    }

    /// The period names, sorted.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn periods(&self) -> Result<JsValue, JsValue> {
        to_js(&self.workspace.data().periods)
    }

    /// The reps: `[{ id, name, name_zh, region, role }]`, in data order.
    #[wasm_bindgen(unchecked_return_type = "Rep[]")]
    pub fn reps(&self) -> Result<JsValue, JsValue> {
        to_js(&self.workspace.data().reps)
    }

    /// What the loaded data holds: counts, the periods and the numeric column names formulas can use.
    #[wasm_bindgen(js_name = dataSummary, unchecked_return_type = "DataSummary")]
    pub fn data_summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.workspace.data().summary())
    }

    /// Sets the plan from JSON text. Returns `{ ok, problems }`; when not ok the previous
    /// plan stays in use, so the last good results can stay on screen. Never throws: a value
    /// that is not a string is reported as `invalid_argument`.
    #[wasm_bindgen(js_name = setPlan, unchecked_return_type = "PlanReport")]
    pub fn set_plan(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue) -> Result<JsValue, JsValue> {
        let report = match text_or_problem(&json, "json") {
            Ok(json) => self.workspace.set_plan_json(&json),
            Err(problem) => crate::PlanReport { ok: false, problems: vec![problem] },
        };
        to_js(&report)
    }

    /// Evaluates the current plan on a period. Throws (with `problems`) when there is no
    /// valid plan or no such period.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluate(&self, #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue) -> Result<JsValue, JsValue> {
        let evaluation = self.workspace.evaluate(&text(&period, "period")?).map_err(|p| into_error(&[p]))?;
        evaluation_to_js(evaluation)
    }

    /// Evaluates the current plan on a period (year-to-date when asked) without
    /// explanations, and keeps the results in wasm memory; returns only what the evaluation
    /// covers, the team totals and what was left out. The figures are those of `evaluate`.
    /// Ask for the rest with `rows`, `repResult` and `columns`, which answer from these
    /// results until the next `run` (a new plan takes effect at the next `run`;
    /// `loadAdjustments` drops the results). The previous results are dropped first (holding
    /// two evaluations at once would double the peak memory). Throws (with `problems`) when
    /// there is no valid plan or no such period; there are no results then.
    #[wasm_bindgen(unchecked_return_type = "RunSummary")]
    pub fn run(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue, #[wasm_bindgen(unchecked_param_type = "boolean")] year_to_date: JsValue) -> Result<JsValue, JsValue> {
        self.last = None;
        let table = self.workspace.run(&text(&period, "period")?, flag(&year_to_date, "year_to_date")?).map_err(|p| into_error(&[p]))?;
        to_js(&self.last.insert(table).summary())
    }

    /// Up to `count` rows of the last `run`'s results from position `start`, sorted by
    /// `sort_key` (`data`, `rep_id`, `name`, `region`, `role`, `score`, `grade`, `rank`,
    /// `attainment_pct`, `base_total`, `commission`, `bonuses`, `variable_pay`, `total_pay`),
    /// descending when asked; equal values keep data order. Each row is flat: the rep, its
    /// score, grade, rank and pay sums. Throws `no_results` before the first `run`, and
    /// `unknown_sort_key`.
    #[wasm_bindgen(unchecked_return_type = "RowPage")]
    pub fn rows(&mut self, #[wasm_bindgen(unchecked_param_type = "number")] start: JsValue, #[wasm_bindgen(unchecked_param_type = "number")] count: JsValue, #[wasm_bindgen(unchecked_param_type = "SortKey")] sort_key: JsValue, #[wasm_bindgen(unchecked_param_type = "boolean")] descending: JsValue) -> Result<JsValue, JsValue> {
        let (start, count) = (whole(&start, "start")? as usize, whole(&count, "count")? as usize);
        let key = SortKey::parse(&text(&sort_key, "sort_key")?).map_err(|p| into_error(&[p]))?;
        let descending = flag(&descending, "descending")?;
        let table = self.last.as_mut().ok_or_else(no_results)?;
        parse(&table.rows(self.workspace.data(), start, count, key, descending).to_json())
    }

    /// One rep's full result in the last `run`: every KPI, line and bonus with its
    /// explanation, worked out again for that rep alone, the other reps' figures (grades,
    /// ranks, pools, the draw) read from the run: a few milliseconds at 10,000 reps. A
    /// year-to-date run evaluates the year again, explaining that rep only (about as long as
    /// `run`). Throws `no_results` before the first `run`, and `unknown_rep`.
    #[wasm_bindgen(js_name = repResult, unchecked_return_type = "RepResult")]
    pub fn rep_result(&self, #[wasm_bindgen(unchecked_param_type = "string")] rep_id: JsValue) -> Result<JsValue, JsValue> {
        let rep_id = text(&rep_id, "rep_id")?;
        let table = self.last.as_ref().ok_or_else(no_results)?;
        rep_to_js(&table.rep_result(self.workspace.data(), &rep_id).map_err(|p| into_error(&[p]))?)
    }

    /// Every figure of every rep of the last `run`, as columns: for an export. Throws
    /// `no_results` before the first `run`.
    #[wasm_bindgen(unchecked_return_type = "ResultColumns")]
    pub fn columns(&self) -> Result<JsValue, JsValue> {
        let table = self.last.as_ref().ok_or_else(no_results)?;
        let c = table.columns();
        let out = js_sys::Object::new();
        let figures = js_sys::Object::new();
        for (name, values) in &c.figures {
            set(&figures, name, &JsValue::from_str(values))?;
        }
        set(&out, "reps", &JsValue::from(c.rank.len()))?;
        set(&out, "rep_index", &js_sys::Uint32Array::from(c.rep_index.as_slice()))?;
        set(&out, "rank", &js_sys::Uint32Array::from(c.rank.as_slice()))?;
        set(&out, "grade", &js_sys::Uint8Array::from(c.grade.as_slice()))?;
        set(&out, "grades", &to_js(&c.grades)?)?;
        set(&out, "figures", &figures)?;
        Ok(out.into())
    }

    /// Replaces the returned-revenue adjustments with those in CSV text
    /// (`rep_id,period,original_period,line,amount,reference`); returns the rows left out.
    #[wasm_bindgen(js_name = loadAdjustments, unchecked_return_type = "Problem[]")]
    pub fn load_adjustments(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] csv: JsValue) -> Result<JsValue, JsValue> {
        let problems = self.workspace.load_adjustments(&text(&csv, "csv")?).map_err(|p| into_error(&p))?;
        self.last = None; // explained again, a rep would no longer match its row
        to_js(&problems)
    }

    /// Keeps the current plan as the baseline for `compare`; false when there is no valid plan.
    #[wasm_bindgen(js_name = pinBaseline)]
    pub fn pin_baseline(&mut self) -> bool {
        self.workspace.pin_baseline()
    }

    /// Forgets the baseline.
    #[wasm_bindgen(js_name = clearBaseline)]
    pub fn clear_baseline(&mut self) {
        self.workspace.clear_baseline();
    }

    /// The current plan against the pinned baseline, on a period or year-to-date: per-rep
    /// deltas, gainers and losers, and the cost delta.
    #[wasm_bindgen(unchecked_return_type = "Comparison")]
    pub fn compare(&self, #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue, #[wasm_bindgen(unchecked_param_type = "boolean")] year_to_date: JsValue) -> Result<JsValue, JsValue> {
        let comparison = self.workspace.compare(&text(&period, "period")?, flag(&year_to_date, "year_to_date")?).map_err(|p| into_error(&[p]))?;
        to_js(&comparison)
    }

    /// The payout curve of commission line `line` (its id, or its position in the plan from
    /// 0) for a rep with `target` (a decimal string above 0, written as a reps file's cell may be:
    /// `1200000`, `1,200,000`, `1.2e6`, `120万`): `[{ attainment_pct, pay }]`
    /// from 0% to `max`% (at most 1000) in steps of `step`% (at least 1), each pay rounded as
    /// the plan rounds money. Throws `unknown_line` for a line the plan does not have.
    #[wasm_bindgen(js_name = payoutCurve, unchecked_return_type = "CurvePoint[]")]
    pub fn payout_curve(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | number")] line: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] max: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] step: JsValue,
    ) -> Result<JsValue, JsValue> {
        let line = match line_ref(&line, "line")? {
            LineRef::Index(i) => i,
            LineRef::Id(id) => self.workspace.line_index(&id).map_err(|p| into_error(&[p]))?,
        };
        let target = text(&target, "target")?;
        let target = target.trim();
        // Read as a reps file's cell is: `1200000`, `1,200,000`, `1.2e6`, `120万`.
        let target = match crate::data::parse_number(target) {
            Ok(Some(number)) => number,
            Err(crate::data::Unread::TooLarge) => {
                let (en, zh) = crate::problem::TOO_LARGE;
                return Err(into_error(&[Problem::error("overflow", "target", Some(target.to_string()), format!("the target `{target}` {en}"), format!("目标 `{target}` {zh}"))]));
            }
            _ => return Err(into_error(&[Problem::error("invalid_value", "target", Some(target.to_string()), "the target is not a number".into(), "目标不是数字".into())])),
        };
        let curve = self.workspace.payout_curve(line, target, whole(&max, "max")?, whole(&step, "step")?).map_err(|p| into_error(&[p]))?;
        to_js(&curve)
    }

    /// The management signals of a period under the current plan: alerts, high potentials,
    /// each rep's portrait, improvement plans and health checks. Throws (with `problems`)
    /// when there is no valid plan or no such period.
    #[wasm_bindgen(unchecked_return_type = "SignalsReport")]
    pub fn signals(&self, #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue) -> Result<JsValue, JsValue> {
        let report = self.workspace.signals(&text(&period, "period")?).map_err(|p| into_error(&[p]))?;
        to_js(&report)
    }

    /// `evaluate(period)` and `signals(period)` in one call, from one evaluation: what a page
    /// that shows both needs. With `explain` `false`, no rep's figures carry their
    /// explanation (each figure's `explain` is left out and the commission's tier slices stay
    /// empty) but those of rep `explainedRep`, if given: the same figures in about half the
    /// time and a tenth to a fifth less JSON, for a page that shows one rep's explanation at a
    /// time. With `parts` `false` as well, no rep's `kpis` and `points` are listed (empty) and
    /// no rep has a portrait in the signals but `explainedRep`: the same figures and signals in
    /// less than half the JSON again. Throws as `evaluate` does.
    #[wasm_bindgen(js_name = evaluateWithSignals, unchecked_return_type = "EvaluationWithSignals")]
    pub fn evaluate_with_signals(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] explain: JsValue,
        #[wasm_bindgen(js_name = explainedRep, unchecked_optional_param_type = "string")] explained_rep: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] parts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let rep = optional_text(&explained_rep, "explainedRep")?;
        let mut both = self.workspace.evaluate_with_signals_detail(&text(&period, "period")?, shown(&explain, &parts, rep.as_deref())?).map_err(|p| into_error(&[p]))?;
        let reps = std::mem::take(&mut both.evaluation.reps);
        let object = to_js(&both)?;
        put_reps(&js_sys::Reflect::get(&object, &JsValue::from_str("evaluation"))?, &reps)?;
        Ok(object)
    }

    /// Evaluates the current plan year-to-date: the year's periods up to `period`. With
    /// `explain` `false`, no rep's figures carry their explanation but those of rep
    /// `explainedRep`, if given, and with `parts` `false` no rep's `kpis` and `points` are
    /// listed but its (as `evaluateWithSignals`).
    #[wasm_bindgen(js_name = evaluateYtd, unchecked_return_type = "Evaluation")]
    pub fn evaluate_ytd(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] explain: JsValue,
        #[wasm_bindgen(js_name = explainedRep, unchecked_optional_param_type = "string")] explained_rep: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] parts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let rep = optional_text(&explained_rep, "explainedRep")?;
        let evaluation = self.workspace.evaluate_ytd_detail(&text(&period, "period")?, shown(&explain, &parts, rep.as_deref())?).map_err(|p| into_error(&[p]))?;
        evaluation_to_js(evaluation)
    }

    /// One rep's full result in `period` (year-to-date when asked), explanations and all:
    /// the rep's entry of `evaluate(period)` (or `evaluateYtd`), for a page that evaluates
    /// without explanations and explains the rep the user opens. Throws `unknown_rep` when
    /// the rep is not in the data or was left out, and as `evaluate` does.
    #[wasm_bindgen(js_name = explainRep, unchecked_return_type = "RepResult")]
    pub fn explain_rep(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue,
        #[wasm_bindgen(unchecked_param_type = "boolean")] year_to_date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] rep_id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let rep = self.workspace.explain_rep(&text(&period, "period")?, flag(&year_to_date, "year_to_date")?, &text(&rep_id, "rep_id")?).map_err(|p| into_error(&[p]))?;
        rep_to_js(&rep)
    }

    /// One rep's full result under the pinned baseline plan, as `explainRep` gives it under
    /// the current plan: for a statement that shows each figure beside the baseline's.
    /// Throws `no_baseline` when none is pinned, and as `explainRep` does.
    #[wasm_bindgen(js_name = explainBaselineRep, unchecked_return_type = "RepResult")]
    pub fn explain_baseline_rep(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue,
        #[wasm_bindgen(unchecked_param_type = "boolean")] year_to_date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] rep_id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let rep = self.workspace.explain_baseline_rep(&text(&period, "period")?, flag(&year_to_date, "year_to_date")?, &text(&rep_id, "rep_id")?).map_err(|p| into_error(&[p]))?;
        rep_to_js(&rep)
    }
}

/// What an evaluation returns of each rep, from the optional arguments (both `true` when left out).
fn shown<'a>(explain: &JsValue, parts: &JsValue, rep: Option<&'a str>) -> Result<Shown<'a>, JsValue> {
    let explain = optional_flag(explain, "explain")?.unwrap_or(true);
    Ok(Shown { explain, parts: optional_flag(parts, "parts")?.unwrap_or(true), rep })
}

fn no_results() -> JsValue {
    into_error(&[Problem::error("no_results", "run", None, "there are no results yet: call run(period) first".into(), "尚无结果：请先调用 run(period)".into())])
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    js_sys::Reflect::set(object, &JsValue::from_str(key), value).map(|_| ())
}

/// The JSON syntax error of plan text as `setPlan` would report it (code `json_syntax`, in
/// both languages, with its line and column), or `undefined` when the text is JSON: a hint
/// while a plan is typed, without setting it. Throws (with `problems`) for a value that is
/// not a string.
#[wasm_bindgen(js_name = jsonSyntax, unchecked_return_type = "Problem | undefined")]
pub fn json_syntax(#[wasm_bindgen(unchecked_param_type = "string")] json: JsValue) -> Result<JsValue, JsValue> {
    crate::json_syntax(&text(&json, "json")?).map_or(Ok(JsValue::UNDEFINED), |p| to_js(&p))
}

/// The live heap for the benchmarks (built with the `heap-stats` feature only, never in
/// the package): `{ live, peak, footprint }` in bytes, `peak` the most live at once since the
/// last call, `footprint` what is live with the allocator's headers and rounding.
#[cfg(feature = "heap-stats")]
#[wasm_bindgen(js_name = heapStats)]
pub fn heap_stats() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct HeapStats {
        live: usize,
        peak: usize,
        footprint: usize,
    }
    let stats = HeapStats { live: crate::heap::live_bytes(), peak: crate::heap::peak_bytes(), footprint: crate::heap::footprint_bytes() };
    crate::heap::reset_peak();
    to_js(&stats)
}
