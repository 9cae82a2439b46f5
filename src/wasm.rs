//! The WebAssembly binding: a handle that keeps the reps in wasm memory and re-evaluates
//! when the plan changes. It converts types and errors only; the engine does the work.

use crate::{load_csv, Problem, Workspace};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
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
const TYPES: &str = include_str!("../schema/types.d.ts");

/// The engine handle: reps loaded once, plans set and evaluated many times.
#[wasm_bindgen]
pub struct Engine {
    workspace: Workspace,
    load_problems: Vec<Problem>,
}

#[wasm_bindgen]
impl Engine {
    /// An engine over the built-in sample reps (32 reps, 4 regions, 4 quarters of 2026).
    #[wasm_bindgen(js_name = withSampleReps)]
    pub fn with_sample_reps() -> Engine {
        Engine { workspace: Workspace::with_sample_reps(), load_problems: Vec::new() }
    }

    /// An engine over `reps` synthetic reps over `quarters` quarters, from `seed` (the same
    /// arguments always give the same data): for trying the engine at scale.
    pub fn synthetic(reps: usize, quarters: usize, seed: u32) -> Engine {
        let reps = reps.min(crate::data::MAX_ROWS / quarters.clamp(1, 12)).min(crate::data::MAX_REPS);
        Engine { workspace: Workspace::new(crate::data::synthetic_dataset(reps, quarters, u64::from(seed))), load_problems: Vec::new() }
    }

    /// An engine over reps from CSV text. Throws (with `problems`) when nothing can be read;
    /// rows it had to leave out are listed by `loadProblems()`.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(text: &str) -> Result<Engine, JsValue> {
        let loaded = load_csv(text).map_err(|p| into_error(&p))?;
        Ok(Engine { workspace: Workspace::new(loaded.dataset), load_problems: loaded.problems })
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
    /// plan stays in use, so the last good results can stay on screen.
    #[wasm_bindgen(js_name = setPlan, unchecked_return_type = "PlanReport")]
    pub fn set_plan(&mut self, json: &str) -> Result<JsValue, JsValue> {
        to_js(&self.workspace.set_plan_json(json))
    }

    /// Evaluates the current plan on a period. Throws (with `problems`) when there is no
    /// valid plan or no such period.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluate(&self, period: &str) -> Result<JsValue, JsValue> {
        let evaluation = self.workspace.evaluate(period).map_err(|p| into_error(&[p]))?;
        to_js(&evaluation)
    }

    /// Replaces the returned-revenue adjustments with those in CSV text
    /// (`rep_id,period,original_period,line,amount,reference`); returns the rows left out.
    #[wasm_bindgen(js_name = loadAdjustments, unchecked_return_type = "Problem[]")]
    pub fn load_adjustments(&mut self, csv: &str) -> Result<JsValue, JsValue> {
        let problems = self.workspace.load_adjustments(csv).map_err(|p| into_error(&p))?;
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
    pub fn compare(&self, period: &str, year_to_date: bool) -> Result<JsValue, JsValue> {
        let comparison = self.workspace.compare(period, year_to_date).map_err(|p| into_error(&[p]))?;
        to_js(&comparison)
    }

    /// The payout curve of commission line `line` for a rep with `target` (a decimal string):
    /// `[{ attainment_pct, pay }]` from 0% to `max`% in steps of `step`%.
    #[wasm_bindgen(js_name = payoutCurve, unchecked_return_type = "CurvePoint[]")]
    pub fn payout_curve(&self, line: usize, target: &str, max: u32, step: u32) -> Result<JsValue, JsValue> {
        let target: rust_decimal::Decimal = target.trim().parse().map_err(|_| {
            into_error(&[Problem::error("invalid_value", "target", Some(target.to_string()), "the target is not a number".into(), "目标不是数字".into())])
        })?;
        let curve = self.workspace.payout_curve(line, target, max.min(1_000), step.max(1)).map_err(|p| into_error(&[p]))?;
        to_js(&curve)
    }

    /// The management signals of a period under the current plan: alerts, high potentials,
    /// each rep's portrait, improvement plans and health checks. Throws (with `problems`)
    /// when there is no valid plan or no such period.
    #[wasm_bindgen(unchecked_return_type = "SignalsReport")]
    pub fn signals(&self, period: &str) -> Result<JsValue, JsValue> {
        let report = self.workspace.signals(period).map_err(|p| into_error(&[p]))?;
        to_js(&report)
    }

    /// Evaluates the current plan year-to-date: the year's periods up to `period`.
    #[wasm_bindgen(js_name = evaluateYtd, unchecked_return_type = "Evaluation")]
    pub fn evaluate_ytd(&self, period: &str) -> Result<JsValue, JsValue> {
        let evaluation = self.workspace.evaluate_ytd(period).map_err(|p| into_error(&[p]))?;
        to_js(&evaluation)
    }
}

/// The preset plans shipped with the engine: `[{ id, json }]`, the quick-start plan first.
#[wasm_bindgen(unchecked_return_type = "Preset[]")]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(&crate::presets::PRESETS)
}

/// The built-in sample plan as JSON text.
#[wasm_bindgen(js_name = samplePlan)]
pub fn sample_plan() -> String {
    crate::SAMPLE_PLAN_JSON.to_string()
}

/// The built-in sample reps as CSV text (also a template for users' own files).
#[wasm_bindgen(js_name = sampleCsv)]
pub fn sample_csv() -> String {
    crate::sample_csv().to_string()
}
