//! The bad-input catalogue (`tests/catalogue/bad_inputs.json`) through the native API: every
//! case gives exactly the problems the catalogue states, in order (code, field path, value,
//! the English and the Chinese message, all compared whole), and no others; none panics; and
//! the workspace that took all of them still evaluates the sample plan. The same catalogue
//! runs through the wasm package (`tests/node/catalogue.test.mjs`) and the page
//! (`tests/e2e/catalogue.test.mjs`).
//!
//! `CATALOGUE_SHOW=1 cargo test --test catalogue -- --nocapture` prints what each case gave,
//! one JSON line per case in the catalogue's own form (to read a changed message whole).

use incentive_engine::formula;
use incentive_engine::presets::preset;
use incentive_engine::{load_csv, sample_dataset, Problem, Workspace, SAMPLE_PLAN_JSON};
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};

const CATALOGUE: &str = include_str!("catalogue/bad_inputs.json");

/// Where a formula case is put: the first KPI's actual of the quick-start plan.
const FORMULA_PRESET: &str = "saas-target";
const FORMULA_AT: &str = "/scorecards/0/kpis/0/actual";

fn cases() -> Vec<Value> {
    let doc: Value = serde_json::from_str(CATALOGUE).expect("the catalogue is JSON");
    doc["cases"].as_array().expect("cases").clone()
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("`{key}` missing in {v}"))
}

/// The input text of a case, built as the catalogue's `format.input` says.
fn input_text(input: &Value) -> String {
    if let Some(text) = input.get("text") {
        return text.as_str().unwrap().to_string();
    }
    if let Some(parts) = input.get("parts") {
        return parts
            .as_array()
            .unwrap()
            .iter()
            .map(|p| match p {
                Value::String(s) => s.clone(),
                _ => str_of(p, "repeat").repeat(p["times"].as_u64().unwrap() as usize),
            })
            .collect();
    }
    if let Some(hex) = input.get("bytes_hex") {
        let hex = hex.as_str().unwrap();
        let bytes: Vec<u8> = (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    if let Some(lines) = input.get("lines") {
        let row = str_of(lines, "row");
        let mut out = format!("{}\n", str_of(lines, "header"));
        for i in 1..=lines["count"].as_u64().unwrap() {
            out.push_str(&row.replace("{i}", &i.to_string()));
            out.push('\n');
        }
        return out;
    }
    if input.get("preset").is_some() {
        return edited_preset(input).to_string();
    }
    panic!("unknown input form: {input}");
}

/// A preset with the case's JSON-pointer edits applied.
fn edited_preset(input: &Value) -> Value {
    let id = str_of(input, "preset");
    let mut plan: Value = serde_json::from_str(preset(id).unwrap_or_else(|| panic!("no preset {id}")).json).unwrap();
    for edit in input["edits"].as_array().unwrap() {
        if let Some(at) = edit.get("set") {
            set(&mut plan, at.as_str().unwrap(), edit["value"].clone());
        } else if let Some(at) = edit.get("remove") {
            let (parent, key) = split(at.as_str().unwrap());
            match plan.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}")) {
                Value::Object(m) => assert!(m.remove(&key).is_some(), "no field {key} to remove"),
                Value::Array(a) => {
                    a.remove(key.parse::<usize>().unwrap());
                }
                other => panic!("cannot remove from {other}"),
            }
        } else if let Some(at) = edit.get("push") {
            let (item, times) = match edit.get("copy") {
                Some(from) => (plan.pointer(from.as_str().unwrap()).unwrap().clone(), edit["times"].as_u64().unwrap()),
                None => (edit["value"].clone(), 1),
            };
            let list = plan.pointer_mut(at.as_str().unwrap()).and_then(Value::as_array_mut).unwrap_or_else(|| panic!("no list at {at}"));
            for _ in 0..times {
                list.push(item.clone());
            }
        } else {
            panic!("unknown edit {edit}");
        }
    }
    plan
}

fn split(pointer: &str) -> (&str, String) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    (parent, key.replace("~1", "/").replace("~0", "~"))
}

fn set(plan: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = split(pointer);
    match plan.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}")) {
        Value::Object(m) => {
            m.insert(key, value);
        }
        Value::Array(a) => a[key.parse::<usize>().unwrap()] = value,
        other => panic!("cannot set in {other}"),
    }
}

/// The problems of the stage the case expects, from a fresh native workspace.
fn run(case: &Value) -> Vec<Problem> {
    let kind = str_of(case, "kind");
    let stage = str_of(&case["expect"], "stage");
    let text = input_text(&case["input"]);
    let period = case["period"].as_str().unwrap_or("2026-Q4");
    let plan_json = case["plan"].as_str().map(|id| preset(id).unwrap().json).unwrap_or(SAMPLE_PLAN_JSON);
    let errors = |report: incentive_engine::PlanReport| {
        assert!(!report.ok, "the plan was accepted");
        report.problems.into_iter().filter(Problem::is_error).collect::<Vec<_>>()
    };
    match (kind, stage) {
        ("plan", "plan") => errors(Workspace::with_sample_reps().set_plan_json(&text)),
        ("formula", "plan") => {
            let mut plan: Value = serde_json::from_str(preset(FORMULA_PRESET).unwrap().json).unwrap();
            set(&mut plan, FORMULA_AT, Value::String(text));
            errors(Workspace::with_sample_reps().set_plan_json(&plan.to_string()))
        }
        ("reps", "load") => load_csv(&text).map(|l| l.dataset.reps.len()).expect_err("the file was loaded"),
        ("reps", "rows") => load_csv(&text).expect("the file was refused").problems,
        ("reps", "evaluate") => {
            let loaded = load_csv(&text).expect("the file was refused");
            // Every row loads (a figure below 0 is kept, with a warning): the evaluation reports it.
            assert!(!loaded.problems.iter().any(Problem::is_error), "{:?}", loaded.problems);
            let mut ws = Workspace::new(loaded.dataset);
            assert!(ws.set_plan_json(plan_json).ok);
            evaluation_problems(&ws, period)
        }
        ("adjustments", "load") => Workspace::with_sample_reps().load_adjustments(&text).expect_err("the file was loaded"),
        ("adjustments", "rows") => Workspace::with_sample_reps().load_adjustments(&text).expect("the file was refused"),
        ("adjustments", "evaluate") => {
            let mut ws = Workspace::with_sample_reps();
            assert!(ws.load_adjustments(&text).expect("the file was refused").is_empty());
            assert!(ws.set_plan_json(plan_json).ok);
            evaluation_problems(&ws, period)
        }
        other => panic!("unknown kind and stage {other:?}"),
    }
}

/// The reps an evaluation left out and the returns it did not apply (errors, then warnings),
/// or the error that stopped it.
fn evaluation_problems(ws: &Workspace, period: &str) -> Vec<Problem> {
    match ws.evaluate(period) {
        Ok(e) => e.problems.into_iter().chain(e.warnings).collect(),
        Err(problem) => vec![problem],
    }
}

/// The problems a case expects (`expect.problems`).
fn expected(case: &Value) -> &Vec<Value> {
    case["expect"]["problems"].as_array().unwrap_or_else(|| panic!("no expect.problems in {}", case["id"]))
}

/// A problem as the catalogue writes it: code, path, value (null when there is none), en, zh.
fn as_catalogued(p: &Problem) -> Value {
    serde_json::json!({ "code": p.code, "path": p.path, "value": p.value, "en": p.message.en, "zh": p.message.zh })
}

/// What is wrong with the problems a case gave, if anything: each must be exactly the one
/// the catalogue states at its place (code, path, value, both messages), and no more.
fn mismatch(case: &Value, problems: &[Problem]) -> Option<String> {
    let want = expected(case);
    let got: Vec<Value> = problems.iter().map(as_catalogued).collect();
    if got.len() != want.len() {
        return Some(format!("{} problems, not {}: {}", got.len(), want.len(), Value::from(got)));
    }
    let wrong: Vec<String> = got
        .iter()
        .zip(want)
        .enumerate()
        .flat_map(|(i, (got, want))| {
            ["code", "path", "value", "en", "zh"].into_iter().filter(|k| got[k] != want[k]).map(move |k| format!("problem {i} {k}: {} (expected {})", got[k], want[k]))
        })
        .collect();
    (!wrong.is_empty()).then(|| wrong.join("; "))
}

#[test]
fn the_catalogue_is_large_and_well_formed() {
    let cases = cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut ids = std::collections::HashSet::new();
    for case in &cases {
        assert!(ids.insert(str_of(case, "id")), "id {} twice", case["id"]);
        for key in ["class", "kind"] {
            str_of(case, key);
        }
        str_of(&case["expect"], "stage");
        let problems = expected(case);
        assert!(!problems.is_empty(), "{}: no problem expected", case["id"]);
        for p in problems {
            let keys: std::collections::BTreeSet<&str> = p.as_object().expect("a problem is an object").keys().map(String::as_str).collect();
            assert_eq!(keys, ["code", "en", "path", "value", "zh"].into(), "{}: {p}", case["id"]);
            for key in ["code", "path", "en", "zh"] {
                str_of(p, key);
            }
            assert!(p["value"].is_null() || p["value"].is_string(), "{}: value {}", case["id"], p["value"]);
            assert!(!str_of(p, "en").is_empty() && !str_of(p, "zh").is_empty(), "{}: an empty message", case["id"]);
        }
    }
    let classes: std::collections::BTreeSet<&str> = cases.iter().map(|c| str_of(c, "class")).collect();
    assert!(classes.len() >= 10, "{classes:?}");
}

#[test]
fn every_bad_input_gives_its_exact_errors_and_nothing_panics() {
    let show = std::env::var_os("CATALOGUE_SHOW").is_some();
    let mut failures = Vec::new();
    for case in cases() {
        let id = str_of(&case, "id");
        match catch_unwind(AssertUnwindSafe(|| run(&case))) {
            Ok(problems) => {
                if show {
                    println!("{}", serde_json::json!({ "id": id, "problems": problems.iter().map(as_catalogued).collect::<Vec<_>>() }));
                }
                if let Some(m) = mismatch(&case, &problems) {
                    failures.push(format!("{id}: {m}"));
                }
            }
            Err(_) => failures.push(format!("{id}: panicked")),
        }
    }
    assert!(failures.is_empty(), "{} cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// Formula cases straight through the formula parser too: the same column and messages,
/// exactly (the plan's message is the parser's, after "column N: ").
#[test]
fn formula_cases_through_the_parser() {
    let columns = sample_dataset().columns;
    let cases: Vec<Value> = cases().into_iter().filter(|c| c["kind"] == "formula").collect();
    assert!(cases.len() >= 10, "{} formula cases", cases.len());
    for case in cases {
        let text = input_text(&case["input"]);
        let e = formula::parse(&text, &|name| columns.iter().position(|c| c == name)).expect_err(str_of(&case, "id"));
        let want = &expected(&case)[0];
        let (en, zh) = e.messages(&text);
        assert_eq!(en, str_of(want, "en"), "{}", case["id"]);
        assert_eq!(zh, str_of(want, "zh"), "{}", case["id"]);
    }
}

/// One workspace takes every plan, file and return of the catalogue, then still evaluates
/// the sample plan to the cent: nothing bad leaves it broken or changed.
#[test]
fn after_all_the_garbage_the_workspace_still_answers() {
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(SAMPLE_PLAN_JSON).ok);
    for case in cases() {
        let text = input_text(&case["input"]);
        match str_of(&case, "kind") {
            "plan" => assert!(!ws.set_plan_json(&text).ok || case["expect"]["stage"] != "plan"),
            "formula" => {
                let mut plan: Value = serde_json::from_str(SAMPLE_PLAN_JSON).unwrap();
                set(&mut plan, FORMULA_AT, Value::String(text));
                assert!(!ws.set_plan_json(&plan.to_string()).ok);
            }
            "adjustments" if case["expect"]["stage"] != "evaluate" => {
                let _ = ws.load_adjustments(&text);
            }
            _ => {}
        }
    }
    let e = ws.evaluate("2026-Q4").unwrap();
    assert_eq!(e.reps.iter().find(|r| r.rep_id == "E01").unwrap().total_pay.to_string(), "38000.00");
    assert_eq!(e.reps.len(), 32);
}
