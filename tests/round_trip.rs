//! A plan saved and loaded again evaluates to identical results: every preset, and presets
//! changed at random (numbers, switches, optional fields removed) wherever the change leaves
//! a plan the engine accepts, are read, written back to JSON (compact and pretty, as the page
//! saves a plan file) and read again; the plan is the same value and every period, and the
//! year to date, evaluates to exactly the same results, explanations included.

use incentive_engine::presets::PRESETS;
use incentive_engine::{parse_plan, Evaluation, Plan, Problem, Workspace};
use proptest::prelude::*;
use serde_json::Value;

/// Every period's evaluation, and the year to date of the last, of `json` on the sample reps;
/// `None` when the plan is not accepted.
fn results(json: &str) -> Option<Vec<Result<Evaluation, Problem>>> {
    let mut ws = Workspace::with_sample_reps();
    if !ws.set_plan_json(json).ok {
        return None;
    }
    let periods = ws.data().periods.clone();
    let mut out: Vec<_> = periods.iter().map(|p| ws.evaluate(p)).collect();
    out.push(ws.evaluate_ytd(periods.last().unwrap()));
    Some(out)
}

/// Reads `json`, writes the plan back compact and pretty, and checks both read back to the
/// same plan and evaluate exactly as the original text does.
fn assert_round_trip(json: &str) {
    let plan: Plan = parse_plan(json).expect("the plan parses");
    let before = results(json).expect("the plan is accepted");
    for again in [serde_json::to_string(&plan).unwrap(), serde_json::to_string_pretty(&plan).unwrap()] {
        assert_eq!(parse_plan(&again).expect("the saved plan parses"), plan, "{again}");
        let after = results(&again).unwrap_or_else(|| panic!("the saved plan is rejected: {again}"));
        assert!(before == after, "the saved plan evaluates differently:\n{again}");
    }
}

#[test]
fn every_preset_round_trips() {
    for preset in PRESETS.iter() {
        assert_round_trip(preset.json);
    }
}

#[test]
fn a_plan_with_the_full_pay_model_round_trips() {
    // Base pay, every bonus rule, a draw, a variable pay cap, overrides: the target-oriented
    // preset with the optional fields the presets do not use.
    let mut plan: Value = serde_json::from_str(PRESETS.iter().find(|p| p.id == "target-oriented").unwrap().json).unwrap();
    plan["draw"] = serde_json::json!({ "amount": 20000, "recoverable": true });
    plan["variable_pay_cap"] = serde_json::json!("300000.50");
    plan["rounding"]["applies_to"] = serde_json::json!("total");
    plan["rounding"]["mode"] = serde_json::json!("half_even");
    plan["commission"][0]["cap"] = serde_json::json!(200000);
    plan["commission"][0]["rate_override"] = serde_json::json!({ "when": "satisfaction >= 90", "add_pct": 1 });
    assert_round_trip(&plan.to_string());
}

/// Every leaf of a JSON tree, as a JSON pointer, with its value.
fn leaves(v: &Value, at: String, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, c)| leaves(c, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| leaves(c, format!("{at}/{i}"), out)),
        leaf => out.push((at, leaf.clone())),
    }
}

/// One change to a leaf chosen by `pick`: a number replaced (as a JSON number or as text, with
/// any number of decimals), a switch flipped, or an optional-looking field removed.
fn mutate(plan: &mut Value, pick: usize, how: u8, number: &str) {
    let mut all = Vec::new();
    leaves(plan, String::new(), &mut all);
    let (at, old) = all[pick % all.len()].clone();
    let new = match (&old, how % 3) {
        (Value::Bool(b), _) => Value::Bool(!b),
        (Value::Number(_), 0) => Value::String(number.to_string()),
        (Value::Number(_), _) => serde_json::from_str(number).unwrap(),
        (_, 2) => {
            let (parent, key) = at.rsplit_once('/').unwrap();
            if let Some(Value::Object(m)) = plan.pointer_mut(parent) {
                m.remove(key);
            }
            return;
        }
        _ => return,
    };
    *plan.pointer_mut(&at).unwrap() = new;
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..200).prop_map(|n| n.to_string()),
        (0u32..100_000, 1u32..6).prop_map(|(n, scale)| rust_decimal::Decimal::new(i64::from(n), scale).to_string()),
        Just("100".to_string()),
        Just("0.5".to_string()),
        Just("1200000".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, max_global_rejects: 100_000, ..ProptestConfig::default() })]

    /// Presets changed at random: whatever the engine accepts, it reads back the same.
    #[test]
    fn mutated_presets_round_trip(
        preset in 0..PRESETS.len(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), number()), 1..5),
    ) {
        let mut plan: Value = serde_json::from_str(PRESETS[preset].json).unwrap();
        for (pick, how, n) in &edits {
            mutate(&mut plan, *pick, *how, n);
        }
        let json = plan.to_string();
        prop_assume!(Workspace::with_sample_reps().set_plan_json(&json).ok);
        assert_round_trip(&json);
    }
}
