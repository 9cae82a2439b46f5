//! Helpers shared by the integration tests: decimals from text, a one-row dataset, and the
//! sample plan as a JSON value to edit.
#![allow(dead_code)] // each test file uses a different subset

use incentive_engine::{load_csv, Dataset, Evaluation, Problem, Workspace, SAMPLE_PLAN_JSON};
use rust_decimal::Decimal;
use serde_json::Value;

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A dataset from CSV rows under the given header (period "P1" unless the header has one).
pub fn dataset(csv: &str) -> Dataset {
    let loaded = load_csv(csv).unwrap();
    // Every row kept (a figure below 0, which some tests want, is only a warning).
    assert!(!loaded.problems.iter().any(Problem::is_error), "{:?}", loaded.problems);
    loaded.dataset
}

pub fn sample_plan() -> Value {
    serde_json::from_str(SAMPLE_PLAN_JSON).unwrap()
}

/// Sets `plan` on a workspace over `data`; panics with the problems if it is rejected.
pub fn evaluate(data: Dataset, plan: &Value, period: &str) -> Evaluation {
    let mut ws = Workspace::new(data);
    let report = ws.set_plan_json(&plan.to_string());
    assert!(report.ok, "{:#?}", report.problems);
    ws.evaluate(period).unwrap()
}

/// The errors of a plan that must be rejected, as (code, path, value).
pub fn rejected(plan: &Value) -> Vec<(String, String, Option<String>)> {
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(&plan.to_string());
    assert!(!report.ok, "plan was accepted: {plan}");
    report.problems.iter().filter(|p| p.is_error()).map(|p| (p.code.to_string(), p.path.clone(), p.value.clone())).collect()
}

/// The single error of a rejected plan.
pub fn only_error(plan: &Value) -> Problem {
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(&plan.to_string());
    let errors: Vec<Problem> = report.problems.into_iter().filter(Problem::is_error).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().unwrap()
}
