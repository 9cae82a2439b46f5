//! Any text as plan JSON: parse, validate and compile against the sample reps; a plan that
//! validates is evaluated through every entry point and written back to JSON.
#![no_main]
use incentive_engine_fuzz::{exercise, round_trip, sample_workspace, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let json = text(data);
    let mut ws = sample_workspace();
    let report = ws.set_plan_json(&json);
    assert_eq!(report.ok, !report.problems.iter().any(|p| p.is_error()));
    for p in &report.problems {
        assert!(!p.message.en.is_empty() && !p.message.zh.is_empty(), "{p:?}");
    }
    if report.ok {
        exercise(&ws, data.first().copied().unwrap_or(0));
        round_trip(&ws, &json);
    }
});
