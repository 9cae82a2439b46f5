//! Evaluate on plans that validate: a preset changed by a few edits the fuzzer chooses (a
//! value replaced by a boundary number, a name, a formula; a field removed; a list item
//! repeated), so most inputs are plans the engine accepts and then has to evaluate. Each
//! accepted plan goes through every entry point and the JSON round trip.
#![no_main]
use arbitrary::Unstructured;
use incentive_engine_fuzz::{exercise, mutated_preset, round_trip, sample_workspace};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(plan) = mutated_preset(&mut u) else { return };
    let json = plan.to_string();
    let mut ws = sample_workspace();
    let report = ws.set_plan_json(&json);
    if report.ok {
        exercise(&ws, data.last().copied().unwrap_or(0));
        round_trip(&ws, &json);
    } else {
        for p in &report.problems {
            assert!(!p.message.en.is_empty() && !p.message.zh.is_empty(), "{p:?}");
        }
        // A rejected plan leaves the sample plan in use.
        assert!(ws.evaluate("2026-Q4").is_ok());
    }
});
